//! The GDELT 2.0 event table: 61 tab-separated columns, no header, in GDELT's order.
//!
//! One row per consolidated event (its first stored report stands for it). What herald knows
//! fills GDELT's columns; what it does not stays empty, as GDELT leaves unknown fields:
//!
//! - `GlobalEventID` is the store key of the representative report (stable, unique).
//! - `Day`/`MonthYear`/`Year`/`FractionDate`: the event date, else the publication date;
//!   `FractionDate` is GDELT's `(month * 30 + day) / 365` added to the year.
//! - Actor fields: the CAMEO code taken apart (see `cameo.rs`), PETRARCH's `---` (unknown
//!   country) left out of the code (`---COP` → `COP`); `ActorName` is the words
//!   in the text, upper-cased as GDELT writes names. `EthnicCode` stays empty.
//! - `IsRootEvent` is 1 for an event in the first sentence.
//! - `NumMentions`/`NumSources`/`NumArticles` come from consolidation.
//! - `AvgTone` is `0`: herald does not score tone.
//! - Geography: only `ActionGeo_*` (the event's place); herald does not place each actor, so
//!   `Actor1Geo_*`/`Actor2Geo_*` are empty. `Type` is 1 (country) when the place is the
//!   country itself, 3 for a US city, 4 for any other city. **`CountryCode` is ISO 3166
//!   alpha-2, not GDELT's FIPS 10-4** (the two agree for many countries, not all: Russia is
//!   RU in ISO, RS in FIPS). ADM1/ADM2/FeatureID are empty.
//! - `DATEADDED` is when the document was stored (UTC), else its publication day at 000000.
//! - `SOURCEURL` is the document's URL (empty without one).

use crate::EventRow;
use chrono::{Datelike, NaiveDate};

use super::cameo;

/// Number of columns.
pub(crate) const COLUMNS: usize = 61;

/// GDELT keeps a field free of tabs and newlines.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn actor(out: &mut Vec<String>, code: Option<&str>, name: Option<&str>) {
    let code = code.map(cameo::gdelt_code).unwrap_or_default();
    if code.is_empty() {
        out.extend(std::iter::repeat_n(String::new(), 10));
        return;
    }
    let f = cameo::split(&code);
    out.push(clean(&code));
    out.push(name.map(|n| clean(&n.to_uppercase())).unwrap_or_default());
    out.push(f.country);
    out.push(f.known_group);
    out.push(f.ethnic);
    out.extend(f.religion);
    out.extend(f.types);
}

fn date(s: Option<&str>) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s?, "%Y-%m-%d").ok()
}

/// The 61 fields of one event; `added` is when the store took the document (RFC 3339).
pub(crate) fn fields(r: &EventRow, added: Option<&str>) -> Vec<String> {
    let e = &r.event;
    let mut out = Vec::with_capacity(COLUMNS);
    out.push(r.key.to_string());
    match e.date.or_else(|| date(r.published.as_deref())) {
        Some(d) => {
            out.push(d.format("%Y%m%d").to_string());
            out.push(d.format("%Y%m").to_string());
            out.push(d.year().to_string());
            let frac = (d.month() * 30 + d.day()) as f64 / 365.0;
            out.push(format!("{:.4}", d.year() as f64 + frac));
        }
        None => out.extend(std::iter::repeat_n(String::new(), 4)),
    }
    actor(&mut out, Some(&e.source.code), Some(&e.source.text));
    let t = e.target.as_ref();
    actor(
        &mut out,
        t.map(|t| t.code.as_str()),
        t.map(|t| t.text.as_str()),
    );
    out.push(if e.sentence == 0 { "1" } else { "0" }.into());
    let cameo = clean(&e.cameo);
    let base: String = cameo.chars().take(3).collect();
    out.push(cameo);
    out.push(base);
    out.push(clean(&e.root));
    out.push(e.quad_class.to_string());
    out.push(e.goldstein.to_string());
    out.push(r.num_mentions.to_string());
    out.push(r.num_sources.to_string());
    out.push(r.num_articles.to_string());
    out.push("0".into()); // AvgTone: not scored
    // Actor1Geo_*, Actor2Geo_*: 8 fields each, unknown.
    out.extend(std::iter::repeat_n(String::new(), 16));
    match &e.place {
        Some(p) => {
            let country = p.country.as_deref().unwrap_or("");
            let country_name = cameo::country_name(country);
            let is_country = country_name.is_some_and(|n| n.eq_ignore_ascii_case(&p.name));
            let kind = match (is_country, country.eq_ignore_ascii_case("US")) {
                (true, _) => 1,
                (false, true) => 3,
                (false, false) => 4,
            };
            out.push(kind.to_string());
            out.push(clean(&match country_name {
                Some(n) if !is_country => format!("{}, {n}", p.name),
                _ => p.name.clone(),
            }));
            out.push(clean(&country.to_ascii_uppercase()));
            out.push(String::new()); // ADM1
            out.push(String::new()); // ADM2
            out.push(p.lat.to_string());
            out.push(p.lon.to_string());
            out.push(String::new()); // FeatureID
        }
        None => out.extend(std::iter::repeat_n(String::new(), 8)),
    }
    // RFC 3339 `2022-01-10T08:15:00Z` → `20220110081500`.
    let added: Option<String> = added
        .map(|a| a.chars().filter(char::is_ascii_digit).take(14).collect())
        .filter(|a: &String| a.len() == 14);
    out.push(match (added, date(r.published.as_deref())) {
        (Some(a), _) => a,
        (None, Some(d)) => d.format("%Y%m%d000000").to_string(),
        (None, None) => String::new(),
    });
    out.push(clean(r.doc_url.as_deref().unwrap_or("")));
    debug_assert_eq!(out.len(), COLUMNS);
    out
}
