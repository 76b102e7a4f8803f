//! Checks shared by the fuzz targets.

use herald_core::{CodedDoc, Span};
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

/// Every span of a coded document, named.
pub fn spans(c: &CodedDoc) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for (i, e) in c.events.iter().enumerate() {
        out.push((format!("event {i} source"), e.source.span));
        if let Some(t) = &e.target {
            out.push((format!("event {i} target"), t.span));
        }
        if let Some(p) = &e.place {
            out.push((format!("event {i} place"), p.span));
        }
        out.push((format!("event {i} evidence"), e.evidence));
    }
    for (i, q) in c.quotes.iter().enumerate() {
        out.push((format!("quote {i}"), q.span));
        if let Some(s) = &q.speaker {
            out.push((format!("quote {i} speaker"), s.span));
        }
    }
    out.extend(
        c.figures
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("figure {i}"), f.span)),
    );
    out.extend(
        c.places
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("place {i}"), p.span)),
    );
    out.extend(
        c.times
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("time {i}"), t.span)),
    );
    out.extend(
        c.mentions
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("mention {i}"), m.span)),
    );
    out
}

/// Panics unless every span is ordered, in bounds and on char boundaries, and each time
/// expression's text is its span's text.
pub fn check_spans(text: &str, coded: &CodedDoc) {
    for (what, span) in spans(coded) {
        assert!(span.start <= span.end, "{what}: reversed span {span:?}");
        assert!(
            span.get(text).is_some(),
            "{what}: span {span:?} does not slice the text ({} bytes) on char boundaries",
            text.len()
        );
    }
    for t in &coded.times {
        assert_eq!(t.span.slice(text), t.text, "time text is not its span");
    }
}
