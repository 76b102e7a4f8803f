//! RSS/Atom reader: a feed gives items (each a document or an `Invalid`), or the whole feed
//! is `Invalid`; never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(items) = herald_read::readers::feed::parse(data) {
        for item in items.into_iter().flatten() {
            assert!(!item.id.is_empty(), "feed item without an id");
        }
    }
});
