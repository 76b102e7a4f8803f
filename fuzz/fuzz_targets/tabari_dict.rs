//! TABARI dictionaries (.actors, .verbs, .agents, .options): the first byte picks the kind,
//! the rest is the file. Reading never panics; problems name real lines; what is read either
//! writes to herald's format and reads back, or is refused by the writer with a reason.
#![no_main]
use herald_dict::tabari::{Kind, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&k, rest)) = data.split_first() else {
        return;
    };
    let kind = [Kind::Actors, Kind::Verbs, Kind::Agents, Kind::Options][usize::from(k) % 4];
    let text = String::from_utf8_lossy(rest);
    let parsed = read(kind, &text);
    // LF, CRLF and lone CR all end a line.
    let lines: usize = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r').count())
        .sum();
    for p in &parsed.problems {
        assert!(p.line >= 1 && p.line <= lines, "{p:?} of {lines} lines");
    }
    herald_fuzz::round_trip(&parsed.dict);
});
