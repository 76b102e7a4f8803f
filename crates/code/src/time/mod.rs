//! Time: expressions found in the text and resolved against the document date.
//!
//! [`find_times`] recognises absolute dates in the common news forms ("Jan. 7", "7 January
//! 2022", "January 7, 2022", "2022-01-07", "01/07/2022"), weekdays ("Friday", "last Friday",
//! "Tuesday night"), relative days ("yesterday", "today", "two days ago"), periods ("this week",
//! "the past week", "earlier this month", "last year", "the third quarter", "in 2019", "the
//! 1990s") and a few holidays, and resolves each against [`Document::published`] to an ISO
//! value with its granularity.
//!
//! News convention: a bare weekday is the most recent such day on or before the publication
//! date ("said Saturday" in a Sunday story is the day before), unless the clause points ahead
//! ("will meet on Friday", "next Friday"). A month and day without a year take the year that
//! puts them nearest the publication date.
//!
//! [`date_events`] gives each event the day stated in its own clause, else the publication
//! date.
//!
//! ```
//! use herald_core::Document;
//! let mut doc = Document::from_text("Tokayev gave the order last Friday.");
//! doc.published = chrono::NaiveDate::from_ymd_opt(2022, 1, 10);
//! let times = herald_code::time::find_times(&doc, &[]);
//! assert_eq!(times[0].text, "last Friday");
//! assert_eq!(times[0].value.as_deref(), Some("2022-01-07"));
//! ```

mod dating;
mod grammar;
mod lex;
mod value;
pub(crate) mod words;

pub use dating::date_events;
pub use value::TimeValue;

use herald_core::{Document, Sentence, Span, TimeExpr};

/// The time expressions of a document, in text order, each with its resolved value when the
/// document has a publication date (absolute dates resolve without one).
pub fn find_times(doc: &Document, sentences: &[Sentence]) -> Vec<TimeExpr> {
    let whole = [Span::new(0, doc.text.len())];
    let spans: Vec<Span> = if sentences.is_empty() {
        whole.to_vec()
    } else {
        sentences.iter().map(|s| s.span).collect()
    };
    let mut out = Vec::new();
    let mut anchor = None;
    for span in spans {
        if span.get(&doc.text).is_none() {
            continue;
        }
        let toks = lex::lex(&doc.text, span);
        for found in grammar::recognise(&toks, doc.published, &mut anchor) {
            let span = Span::new(toks[found.first].span.start, toks[found.end - 1].span.end);
            out.push(TimeExpr {
                text: span.slice(&doc.text).to_string(),
                span,
                value: found.value.map(|v| v.iso()),
                granularity: found.value.map(|v| v.granularity().to_string()),
            });
        }
    }
    out
}

/// Parses a value written by [`find_times`] back (`2022-01-07`, `2022-W01`, `2022-01`…).
pub fn parse_value(iso: &str) -> Option<TimeValue> {
    use chrono::NaiveDate;
    let num = |s: &str| s.parse::<i32>().ok();
    if let Ok(d) = NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        return Some(TimeValue::Day(d));
    }
    let (y, rest) = match iso.split_once('-') {
        Some((y, rest)) => (num(y)?, rest),
        None if iso.len() == 4 => return num(iso).map(TimeValue::Year),
        None if iso.len() == 3 => return num(iso).map(|d| TimeValue::Decade(d * 10)),
        None => return None,
    };
    if let Some(w) = rest.strip_prefix('W') {
        return Some(TimeValue::Week(y, w.parse().ok()?));
    }
    if let Some(q) = rest.strip_prefix('Q') {
        return Some(TimeValue::Quarter(y, q.parse().ok()?));
    }
    if let Some(s) = ["SP", "SU", "FA", "WI"].iter().position(|s| *s == rest) {
        return Some(TimeValue::Season(y, s as u8));
    }
    let m: u32 = rest.parse().ok()?;
    (1..=12).contains(&m).then_some(TimeValue::Month(y, m))
}

#[cfg(test)]
mod tests;
