//! CoNLL-U: sentences or an error naming the line, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = herald_nlp::conllu::parse(&text, "fuzz.conllu");
});
