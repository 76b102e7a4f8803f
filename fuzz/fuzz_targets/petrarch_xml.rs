//! PETRARCH validation XML: a suite or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = herald_code::events::petrarch_eval::parse_suite(&text, "fuzz.xml");
});
