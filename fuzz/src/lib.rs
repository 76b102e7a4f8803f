//! Checks shared by the fuzz targets.

use herald_core::CodedDoc;
use herald_dict::Dictionary;

/// The dictionary without its line numbers (the writer does not keep them).
pub fn without_lines(mut d: Dictionary) -> Dictionary {
    d.actors.iter_mut().for_each(|a| a.line = 0);
    d.agents.iter_mut().for_each(|a| a.line = 0);
    d.verbs.iter_mut().for_each(|v| v.line = 0);
    d.discards.iter_mut().for_each(|p| p.line = 0);
    d.issues.iter_mut().for_each(|p| p.line = 0);
    d
}

/// `dict` written in herald's format either is refused by the writer (with a reason) or
/// reads back to the same entries.
pub fn round_trip(dict: &Dictionary) {
    let Ok(text) = herald_dict::format::write(dict) else {
        return;
    };
    match herald_dict::format::parse(&text, "round-trip.hd") {
        Ok(back) => assert_eq!(
            without_lines(back),
            without_lines(dict.clone()),
            "written as:\n{text}"
        ),
        Err(e) => panic!("the writer wrote what the parser refuses: {e}\n{text}"),
    }
}

/// Panics unless every span is ordered, in bounds and on char boundaries, and each time
/// expression's text is its span's text.
pub fn check_spans(text: &str, coded: &CodedDoc) {
    let problems = coded.span_problems(text);
    assert!(problems.is_empty(), "{problems:#?}");
}
