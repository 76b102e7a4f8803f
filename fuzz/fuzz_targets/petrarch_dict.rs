//! PETRARCH dictionaries (verbs, actors, agents, discards, issues): the first byte picks the
//! kind, the rest is the file. Reading never panics; whatever is read either writes to
//! herald's format and reads back, or is refused by the writer with a reason.
#![no_main]
use herald_dict::petrarch::{Kind, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&k, rest)) = data.split_first() else {
        return;
    };
    let kind = [
        Kind::Verbs,
        Kind::Actors,
        Kind::Agents,
        Kind::Discards,
        Kind::Issues,
    ][usize::from(k) % 5];
    let text = String::from_utf8_lossy(rest);
    let parsed = read(kind, &text);
    for p in &parsed.problems {
        assert!(
            p.line >= 1 && p.line <= text.lines().count().max(1),
            "{p:?}"
        );
    }
    herald_fuzz::round_trip(&parsed.dict);
});
