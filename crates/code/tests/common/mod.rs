//! Helpers shared by the coder's integration tests.

use herald_code::Coder;
use herald_core::Document;

/// `SOURCE TARGET CAMEO` of every event `coder` finds in `text` (published 2022-01-10), in
/// text order; `-` for no target.
pub fn coded_with(coder: &Coder, text: &str) -> Vec<String> {
    let mut d = Document::from_text(text);
    d.published = chrono::NaiveDate::from_ymd_opt(2022, 1, 10);
    coder
        .code(&d)
        .events
        .iter()
        .map(|e| {
            let t = e.target.as_ref().map_or("-", |t| t.code.as_str());
            format!("{} {} {}", e.source.code, t, e.cameo)
        })
        .collect()
}

/// A coder with only the herald-format dictionary `text` (no defaults).
#[allow(dead_code)] // not every test binary that includes this module uses it
pub fn dictionary_coder(text: &str) -> Coder {
    let dict = herald_dict::format::parse(text, "test.hd").expect("test dictionary");
    Coder::with_dictionary(dict, false)
}
