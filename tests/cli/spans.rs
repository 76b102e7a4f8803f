//! Property: every span in the coder's output slices the document text on char boundaries.

use herald_code::Coder;
use herald_core::{CodedDoc, Document, Span};
use proptest::prelude::*;
use std::sync::LazyLock;

static CODER: LazyLock<Coder> = LazyLock::new(Coder::new);

/// Every span of a coded document, named for the failure message.
fn spans(c: &CodedDoc) -> Vec<(String, Span)> {
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

fn check(text: &str) -> Result<(), TestCaseError> {
    let coded = CODER.code(&Document::from_text(text));
    for (what, span) in spans(&coded) {
        prop_assert!(span.start <= span.end, "{what}: reversed span {span:?}");
        prop_assert!(
            span.get(text).is_some(),
            "{what}: span {span:?} does not slice the text ({} bytes) on char boundaries",
            text.len()
        );
    }
    Ok(())
}

/// News-like text: words that trigger the coder, numbers, quotes, non-ASCII names and
/// punctuation, glued by arbitrary separators.
fn newsy() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Police",
        "detained",
        "protesters",
        "in",
        "Almaty",
        "on",
        "Tuesday",
        "said",
        "“",
        "”",
        "\"",
        "Tokayev",
        "Тоқаев",
        "killed",
        "164",
        "almost",
        "8,000",
        "troops",
        "Russia",
        "sent",
        "to",
        "Kazakhstan",
        "last",
        "Friday",
        "the",
        "ministry",
        "according",
        "Zürich",
        "Genève",
        "—",
        "’s",
        "…",
        "no",
        "did",
        "not",
        "attack",
        "Mr.",
        "U.S.",
        "2022",
        "🙂",
        "January",
        "10",
        "at",
        "least",
        "two",
        "dozen",
        "injured",
        "arrested",
        "Ankara",
    ]);
    let sep = prop::sample::select(vec![
        " ", " ", " ", ", ", ". ", "\n\n", "\t", " (", ") ", ": ",
    ]);
    prop::collection::vec((word, sep), 0..60)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_newsy_text(text in newsy()) {
        check(&text)?;
    }

    #[test]
    fn spans_slice_arbitrary_text(text in "\\PC{0,200}") {
        check(&text)?;
    }
}
