//! One flat, typed row per event: the columns of the CSV and Parquet exports.
//!
//! Nested JSON fields become `parent_child` columns (`source_code`, `place_lat`, `plover_type`),
//! spans become `_start`/`_end` byte offsets, absent values are empty (CSV) or null (Parquet).

use crate::EventRow;
use chrono::NaiveDate;

/// A column's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text.
    Str,
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// true/false.
    Bool,
    /// A day.
    Date,
}

/// One value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    Str(Option<String>),
    Int(Option<i64>),
    Float(Option<f64>),
    Bool(bool),
    Date(Option<NaiveDate>),
}

impl Cell {
    #[cfg(test)]
    pub(crate) fn kind(&self) -> Kind {
        match self {
            Cell::Str(_) => Kind::Str,
            Cell::Int(_) => Kind::Int,
            Cell::Float(_) => Kind::Float,
            Cell::Bool(_) => Kind::Bool,
            Cell::Date(_) => Kind::Date,
        }
    }

    /// As CSV writes it: empty when absent.
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Str(s) => s.clone().unwrap_or_default(),
            Cell::Int(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            Cell::Float(x) => x.map(|x| x.to_string()).unwrap_or_default(),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// Column names and types, in order.
pub(crate) const COLUMNS: &[(&str, Kind)] = &[
    ("key", Kind::Int),
    ("doc_id", Kind::Str),
    ("doc_title", Kind::Str),
    ("doc_url", Kind::Str),
    ("published", Kind::Date),
    ("id", Kind::Str),
    ("sentence", Kind::Int),
    ("date", Kind::Date),
    ("date_text", Kind::Str),
    ("source_code", Kind::Str),
    ("source_text", Kind::Str),
    ("source_start", Kind::Int),
    ("source_end", Kind::Int),
    ("target_code", Kind::Str),
    ("target_text", Kind::Str),
    ("target_start", Kind::Int),
    ("target_end", Kind::Int),
    ("cameo", Kind::Str),
    ("root", Kind::Str),
    ("goldstein", Kind::Float),
    ("quad_class", Kind::Int),
    ("plover_type", Kind::Str),
    ("plover_mode", Kind::Str),
    ("place_name", Kind::Str),
    ("place_lat", Kind::Float),
    ("place_lon", Kind::Float),
    ("place_country", Kind::Str),
    ("place_start", Kind::Int),
    ("place_end", Kind::Int),
    ("negated", Kind::Bool),
    ("hedged", Kind::Bool),
    ("reported", Kind::Bool),
    ("evidence_start", Kind::Int),
    ("evidence_end", Kind::Int),
    ("rule", Kind::Str),
    ("cluster", Kind::Int),
    ("num_mentions", Kind::Int),
    ("num_sources", Kind::Int),
    ("num_articles", Kind::Int),
];

fn int(n: usize) -> Cell {
    Cell::Int(Some(n as i64))
}

fn str(s: &str) -> Cell {
    Cell::Str(Some(s.to_string()))
}

/// The row's values, in [`COLUMNS`] order.
pub(crate) fn cells(r: &EventRow) -> Vec<Cell> {
    let e = &r.event;
    let t = e.target.as_ref();
    let p = e.place.as_ref();
    let published = r
        .published
        .as_deref()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    vec![
        Cell::Int(Some(r.key)),
        str(&r.doc_id),
        Cell::Str(r.doc_title.clone()),
        Cell::Str(r.doc_url.clone()),
        Cell::Date(published),
        str(&e.id),
        int(e.sentence),
        Cell::Date(e.date),
        Cell::Str(e.date_text.clone()),
        str(&e.source.code),
        str(&e.source.text),
        int(e.source.span.start),
        int(e.source.span.end),
        Cell::Str(t.map(|t| t.code.clone())),
        Cell::Str(t.map(|t| t.text.clone())),
        Cell::Int(t.map(|t| t.span.start as i64)),
        Cell::Int(t.map(|t| t.span.end as i64)),
        str(&e.cameo),
        str(&e.root),
        Cell::Float(Some(e.goldstein)),
        Cell::Int(Some(e.quad_class.into())),
        Cell::Str(e.plover.as_ref().map(|p| p.kind.clone())),
        Cell::Str(e.plover.as_ref().and_then(|p| p.mode.clone())),
        Cell::Str(p.map(|p| p.name.clone())),
        Cell::Float(p.map(|p| p.lat)),
        Cell::Float(p.map(|p| p.lon)),
        Cell::Str(p.and_then(|p| p.country.clone())),
        Cell::Int(p.map(|p| p.span.start as i64)),
        Cell::Int(p.map(|p| p.span.end as i64)),
        Cell::Bool(e.negated),
        Cell::Bool(e.hedged),
        Cell::Bool(e.reported),
        int(e.evidence.start),
        int(e.evidence.end),
        str(&e.rule),
        Cell::Int(r.cluster),
        Cell::Int(Some(r.num_mentions as i64)),
        Cell::Int(Some(r.num_sources as i64)),
        Cell::Int(Some(r.num_articles as i64)),
    ]
}
