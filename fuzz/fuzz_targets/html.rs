//! HTML reader: any bytes give a document or an `Invalid` reason, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = herald_read::readers::html::parse(data) {
        assert!(
            doc.text.len() <= data.len() * 4 + 64,
            "text grew out of proportion"
        );
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = herald_read::readers::html::fragment_text(s);
    }
});
