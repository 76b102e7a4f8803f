//! JSON Lines: one article per line, `{"id","text","title","url","date"}`.
//!
//! `text` is required and must hold more than whitespace. `id` (string or number) is echoed in
//! the output; without one the id is the content hash. `date` goes through
//! [`crate::parse_date`]; a date that does not parse makes the record bad rather
//! than silently undated. `source`, `byline` and `language` fill the document fields of those
//! names; every other field is kept in [`Document::extra`]. A line that is not UTF-8 or not a
//! JSON object is a bad record; the lines around it are unaffected.

use crate::date::parse_date;
use crate::error::Invalid;
use crate::readers::text::normalise_newlines;
use herald_core::Document;
use serde_json::{Map, Value};

/// Parses one line (without its `\n`). Pure: bytes in, a document or a reason out.
pub fn parse_line(line: &[u8]) -> Result<Document, Invalid> {
    let line = std::str::from_utf8(line).map_err(|e| {
        Invalid::new(format!(
            "not UTF-8 (invalid byte at column {})",
            e.valid_up_to() + 1
        ))
    })?;
    let value: Value =
        serde_json::from_str(line).map_err(|e| Invalid::new(format!("invalid JSON: {e}")))?;
    let Value::Object(mut obj) = value else {
        return Err(Invalid::new("not a JSON object"));
    };
    let id = match obj.remove("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(Invalid::new(format!(
                "\"id\" must be a non-empty string or a number, not {other}"
            )));
        }
    };
    record(obj, id.clone()).map_err(|e| e.with_id(id))
}

fn record(mut obj: Map<String, Value>, id: Option<String>) -> Result<Document, Invalid> {
    let text = match take_str(&mut obj, "text")? {
        Some(t) => normalise_newlines(&t),
        None => return Err(Invalid::new("no \"text\" field")),
    };
    if text.trim().is_empty() {
        return Err(Invalid::new("empty text"));
    }
    let mut doc = Document::from_text(text);
    if let Some(id) = id {
        doc.id = id;
    }
    doc.title = take_str(&mut obj, "title")?;
    doc.url = take_str(&mut obj, "url")?;
    doc.source = take_str(&mut obj, "source")?;
    doc.byline = take_str(&mut obj, "byline")?;
    if let Some(lang) = take_str(&mut obj, "language")? {
        doc.language = lang;
    }
    if let Some(date) = take_str(&mut obj, "date")? {
        doc.published = Some(
            parse_date(&date).ok_or_else(|| Invalid::new(format!("unrecognised date {date:?}")))?,
        );
    }
    doc.extra = obj;
    Ok(doc)
}

/// Removes `key`; `null` and absence are `None`; anything but a string is an error.
fn take_str(obj: &mut Map<String, Value>, key: &str) -> Result<Option<String>, Invalid> {
    match obj.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(Invalid::new(format!(
            "\"{key}\" must be a string, not {}",
            kind(&other)
        ))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn good_lines() {
        let doc = parse_line(
            br#"{"id":"a1","text":"Troops left Almaty.","title":"T","url":"https://x.test/a","date":"10 Jan 2022","lang_hint":"kk","score":3}"#,
        )
        .unwrap();
        assert_eq!(doc.id, "a1");
        assert_eq!(doc.text, "Troops left Almaty.");
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(doc.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2022, 1, 10));
        assert_eq!(doc.extra.len(), 2);
        assert_eq!(doc.extra["score"], 3);

        let doc = parse_line(br#"{"id":42,"text":"x y","date":null}"#).unwrap();
        assert_eq!((doc.id.as_str(), doc.published), ("42", None));
        let doc = parse_line(br#"{"text":"no id here"}"#).unwrap();
        assert_eq!(doc.id, Document::content_id("no id here"));
    }

    #[test]
    fn bad_lines() {
        let cases: &[(&[u8], Option<&str>, &str)] = &[
            (b"{\"id\":\"u\",\"text\":\"caf\xe9\"}", None, "not UTF-8"),
            (b"{\"id\":\"t\",\"text\":", None, "invalid JSON"),
            (b"[1,2]", None, "not a JSON object"),
            (br#"{"id":"e","text":"  \n "}"#, Some("e"), "empty text"),
            (br#"{"id":"m"}"#, Some("m"), "no \"text\""),
            (
                br#"{"id":"n","text":5}"#,
                Some("n"),
                "\"text\" must be a string",
            ),
            (
                br#"{"id":"d","text":"x","date":"someday"}"#,
                Some("d"),
                "unrecognised date",
            ),
            (br#"{"id":true,"text":"x"}"#, None, "\"id\" must be"),
            (b"", None, "invalid JSON"),
        ];
        for (line, id, reason) in cases {
            let e = parse_line(line).unwrap_err();
            assert_eq!(e.id.as_deref(), *id, "{}", String::from_utf8_lossy(line));
            assert!(e.reason.contains(reason), "{:?} lacks {reason:?}", e.reason);
        }
    }
}
