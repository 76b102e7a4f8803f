//! The whole coder on arbitrary text: every span of the output is in bounds, on char
//! boundaries, and each text field that names a span is that span's text.
#![no_main]
use herald_code::Coder;
use herald_core::Document;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static CODER: LazyLock<Coder> = LazyLock::new(Coder::new);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut doc = Document::from_text(text);
    doc.published = chrono::NaiveDate::from_ymd_opt(2022, 1, 10);
    let coded = CODER.code(&doc);
    herald_fuzz::check_spans(text, &coded);
});
