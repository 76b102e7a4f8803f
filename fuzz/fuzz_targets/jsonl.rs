//! JSON Lines records and plain-text decoding: a line gives a document or an `Invalid`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for line in data.split(|&b| b == b'\n') {
        if let Ok(doc) = herald_read::readers::jsonl::parse_line(line) {
            assert!(std::str::from_utf8(doc.text.as_bytes()).is_ok());
        }
    }
    let _ = herald_read::readers::text::parse(data);
});
