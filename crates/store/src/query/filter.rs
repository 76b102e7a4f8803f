//! What a query asks for, checked, and turned into a `WHERE` clause.
//!
//! The clause is built only from the fixed fragments below; every value the user gave travels
//! as a bound parameter, never as SQL text. Full-text input is turned into quoted FTS5 phrases
//! so that no operator, column filter or unbalanced quote reaches the FTS5 parser.

use crate::{Error, Result};
use chrono::NaiveDate;
use rusqlite::types::Value;

/// Mean Earth radius in km (IUGG), for [`haversine_km`].
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Which events a query wants. Every field left at its default filters nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// First day, `YYYY-MM-DD`, inclusive, on the event date (the document's publication date
    /// when the event has none).
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// ISO 3166-1 alpha-2 code of the event's place (`KZ`), or a 3-letter CAMEO country code
    /// (`KAZ`) that starts the source or target actor code. Case-insensitive.
    pub country: Option<String>,
    /// CAMEO actor code prefix of source or target (`KAZ`, `KAZGOV`), or a case-insensitive
    /// substring of the words naming them (`tokayev`). ASCII case folding only.
    pub actor: Option<String>,
    /// CAMEO event code prefix: `17` is root 17 and all its sub-codes, `175` that subtree.
    pub cameo: Option<String>,
    /// CAMEO root, `01`..`20` (`7` means `07`).
    pub root: Option<String>,
    /// Quad class, 1..=4.
    pub quad_class: Option<u8>,
    /// PLOVER event type (`PROTEST`), case-insensitive.
    pub plover: Option<String>,
    /// Events whose place lies within a radius of a point.
    pub near: Option<Near>,
    /// Words the document must contain (title or text; FTS5, every word, in any order).
    pub text: Option<String>,
    /// The document's input id (`doc.id` of `herald code`).
    pub document: Option<String>,
    /// Keep events the text denies ("did not attack"); left out unless true.
    pub include_negated: bool,
}

/// A circle on the Earth: centre and radius.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Near {
    /// Latitude of the centre, degrees north.
    pub lat: f64,
    /// Longitude of the centre, degrees east.
    pub lon: f64,
    /// Radius, km (great-circle distance).
    pub km: f64,
}

impl Near {
    /// Parses `LAT,LON,KM` (`43.25,76.92,50`).
    pub fn parse(s: &str) -> Result<Near> {
        let bad = |reason: String| Error::BadFilter {
            field: "near",
            reason,
        };
        let parts: Vec<&str> = s.split(',').map(str::trim).collect();
        let [lat, lon, km] = parts[..] else {
            return Err(bad(format!(
                "{s:?}: expected LAT,LON,KM (e.g. 43.25,76.92,50)"
            )));
        };
        let num = |name: &str, v: &str| {
            v.parse::<f64>()
                .map_err(|_| bad(format!("{name} {v:?} is not a number")))
        };
        let near = Near {
            lat: num("latitude", lat)?,
            lon: num("longitude", lon)?,
            km: num("radius", km)?,
        };
        near.check()?;
        Ok(near)
    }

    fn check(&self) -> Result<()> {
        let bad = |reason: String| Error::BadFilter {
            field: "near",
            reason,
        };
        if !(-90.0..=90.0).contains(&self.lat) {
            return Err(bad(format!("latitude {} is outside -90..90", self.lat)));
        }
        if !(-180.0..=180.0).contains(&self.lon) {
            return Err(bad(format!("longitude {} is outside -180..180", self.lon)));
        }
        if !(self.km > 0.0 && self.km.is_finite()) {
            return Err(bad(format!(
                "radius {} km must be a positive number",
                self.km
            )));
        }
        Ok(())
    }

    /// The latitude range and, unless the circle reaches a pole, the longitude range(s) that
    /// contain the circle. A longitude range crossing the antimeridian comes as two.
    fn bounding_box(&self) -> (f64, f64, Option<Vec<(f64, f64)>>) {
        const EPS: f64 = 1e-9;
        let r = self.km / EARTH_RADIUS_KM; // angular radius, radians
        let r_deg = r.to_degrees();
        let (lat_min, lat_max) = (self.lat - r_deg - EPS, self.lat + r_deg + EPS);
        if lat_min <= -90.0 || lat_max >= 90.0 || r >= std::f64::consts::FRAC_PI_2 {
            return (lat_min.max(-90.0), lat_max.min(90.0), None);
        }
        let dlon = (r.sin() / self.lat.to_radians().cos())
            .min(1.0)
            .asin()
            .to_degrees()
            + EPS;
        let (lo, hi) = (self.lon - dlon, self.lon + dlon);
        let ranges = if lo < -180.0 {
            vec![(lo + 360.0, 180.0), (-180.0, hi)]
        } else if hi > 180.0 {
            vec![(lo, 180.0), (-180.0, hi - 360.0)]
        } else {
            vec![(lo, hi)]
        };
        (lat_min, lat_max, Some(ranges))
    }
}

/// Great-circle distance in km between two points given in degrees.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// Which server the clause is for. Placeholders are SQLite's `?N` for both (the PostgreSQL
/// backend rewrites them); full-text search and case-insensitive `LIKE` differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// FTS5, `LIKE` (ASCII case-insensitive).
    Sqlite,
    /// `tsvector @@ tsquery`, `ILIKE` (ASCII case-insensitive under `COLLATE "C"`).
    Postgres,
}

/// A `WHERE` clause (with the leading `WHERE`, or empty) and its parameters.
#[derive(Debug)]
pub(crate) struct Where {
    pub(crate) sql: String,
    pub(crate) params: Vec<Value>,
    dialect: Dialect,
    conds: Vec<String>,
}

/// The event date the filters and the order use.
pub(crate) const EVENT_DATE: &str = "COALESCE(e.date, d.published)";

impl Where {
    fn new(dialect: Dialect) -> Where {
        Where {
            sql: String::new(),
            params: Vec::new(),
            dialect,
            conds: Vec::new(),
        }
    }

    /// Adds a condition; each `?` in the fixed fragment takes the next value.
    fn cond(&mut self, fragment: &str, values: impl IntoIterator<Item = Value>) {
        let mut values = values.into_iter();
        let mut out = String::with_capacity(fragment.len() + 8);
        for c in fragment.chars() {
            if c == '?' {
                let v = values.next().expect("a value for every placeholder");
                self.params.push(v);
                out.push_str(&format!("?{}", self.params.len()));
            } else {
                out.push(c);
            }
        }
        assert!(values.next().is_none(), "a placeholder for every value");
        self.conds.push(format!("({out})"));
    }

    /// The placeholder for one more parameter (for `LIMIT`/`OFFSET`).
    pub(crate) fn param(&mut self, v: Value) -> String {
        self.params.push(v);
        format!("?{}", self.params.len())
    }

    fn finish(mut self) -> Where {
        if !self.conds.is_empty() {
            self.sql = format!("WHERE {}", self.conds.join(" AND "));
        }
        self
    }
}

fn bad(field: &'static str, reason: impl Into<String>) -> Error {
    Error::BadFilter {
        field,
        reason: reason.into(),
    }
}

fn text(s: String) -> Value {
    Value::Text(s)
}

/// `%`, `_` and `\` made literal for `LIKE … ESCAPE '\'`.
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// User words as an FTS5 query: each whitespace-separated word a quoted string (so `AND`,
/// `NEAR(`, `col:`, `*` and stray quotes are just text), all of them required. `None` when
/// there is no word.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn date(field: &'static str, s: &str) -> Result<String> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.to_string())
        .map_err(|_| bad(field, format!("{s:?} is not a date YYYY-MM-DD")))
}

fn nonempty<'a>(field: &'static str, s: &'a str) -> Result<&'a str> {
    let s = s.trim();
    if s.is_empty() {
        return Err(bad(field, "empty"));
    }
    if s.len() > 200 {
        return Err(bad(field, "longer than 200 bytes"));
    }
    Ok(s)
}

impl Filter {
    /// Checks every field; the error names the field and what is wrong with it.
    pub fn validate(&self) -> Result<()> {
        self.to_where(Dialect::Sqlite).map(|_| ())
    }

    /// The `WHERE` clause over `events e JOIN documents d`.
    pub(crate) fn to_where(&self, dialect: Dialect) -> Result<Where> {
        let mut w = Where::new(dialect);
        let from = self.from.as_deref().map(|s| date("from", s)).transpose()?;
        let to = self.to.as_deref().map(|s| date("to", s)).transpose()?;
        if let (Some(f), Some(t)) = (&from, &to)
            && f > t
        {
            return Err(bad("from", format!("{f} is after to {t}")));
        }
        if let Some(f) = from {
            w.cond(&format!("{EVENT_DATE} >= ?"), [text(f)]);
        }
        if let Some(t) = to {
            w.cond(&format!("{EVENT_DATE} <= ?"), [text(t)]);
        }
        if let Some(c) = &self.country {
            let c = nonempty("country", c)?.to_ascii_uppercase();
            if !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
                return Err(bad("country", format!("{c:?}: letters only")));
            }
            match c.len() {
                2 => w.cond("upper(e.place_country) = ?", [text(c)]),
                3 => w.cond(
                    "substr(upper(e.source_code), 1, 3) = ? OR substr(upper(e.target_code), 1, 3) = ?",
                    [text(c.clone()), text(c)],
                ),
                _ => {
                    return Err(bad(
                        "country",
                        format!("{c:?}: expected an ISO code (KZ) or a CAMEO country code (KAZ)"),
                    ));
                }
            }
        }
        if let Some(a) = &self.actor {
            let a = nonempty("actor", a)?;
            let prefix = format!("{}%", like_escape(a));
            let infix = format!("%{}%", like_escape(a));
            let like = match w.dialect {
                Dialect::Sqlite => "LIKE",
                Dialect::Postgres => "ILIKE",
            };
            w.cond(
                &format!(
                    "e.source_code {like} ? ESCAPE '\\' OR e.target_code {like} ? ESCAPE '\\' \
                     OR e.source_text {like} ? ESCAPE '\\' OR e.target_text {like} ? ESCAPE '\\'"
                ),
                [
                    text(prefix.clone()),
                    text(prefix),
                    text(infix.clone()),
                    text(infix),
                ],
            );
        }
        if let Some(c) = &self.cameo {
            let c = nonempty("cameo", c)?;
            if c.len() > 4 || !c.chars().all(|ch| ch.is_ascii_digit()) {
                return Err(bad(
                    "cameo",
                    format!("{c:?}: expected 1 to 4 digits (17, 175)"),
                ));
            }
            // A prefix as a range, so the index on `cameo` serves it: "17" ≤ code < "18".
            let mut hi = c.to_string().into_bytes();
            *hi.last_mut().expect("non-empty") += 1;
            let hi = String::from_utf8(hi).expect("ASCII");
            w.cond(
                "e.cameo >= ? AND e.cameo < ?",
                [text(c.to_string()), text(hi)],
            );
        }
        if let Some(r) = &self.root {
            let r = nonempty("root", r)?;
            let n: u8 = r
                .parse()
                .ok()
                .filter(|n| (1..=20).contains(n) && r.len() <= 2)
                .ok_or_else(|| bad("root", format!("{r:?}: expected a CAMEO root 01..20")))?;
            w.cond("e.root = ?", [text(format!("{n:02}"))]);
        }
        if let Some(q) = self.quad_class {
            if !(1..=4).contains(&q) {
                return Err(bad("quad_class", format!("{q}: expected 1..4")));
            }
            w.cond("e.quad_class = ?", [Value::Integer(q.into())]);
        }
        if let Some(p) = &self.plover {
            let p = nonempty("plover", p)?.to_ascii_uppercase();
            if !p.chars().all(|c| c.is_ascii_alphabetic() || c == '_') {
                return Err(bad(
                    "plover",
                    format!("{p:?}: expected a PLOVER type (PROTEST)"),
                ));
            }
            w.cond("upper(e.plover_type) = ?", [text(p)]);
        }
        if let Some(n) = &self.near {
            n.check()?;
            let (lat_lo, lat_hi, lons) = n.bounding_box();
            w.cond(
                "e.place_lat BETWEEN ? AND ?",
                [Value::Real(lat_lo), Value::Real(lat_hi)],
            );
            match lons.as_deref() {
                Some([(lo, hi)]) => w.cond(
                    "e.place_lon BETWEEN ? AND ?",
                    [Value::Real(*lo), Value::Real(*hi)],
                ),
                Some([(lo1, hi1), (lo2, hi2)]) => w.cond(
                    "e.place_lon BETWEEN ? AND ? OR e.place_lon BETWEEN ? AND ?",
                    [*lo1, *hi1, *lo2, *hi2].map(Value::Real),
                ),
                _ => {}
            }
            w.cond(
                "herald_km(e.place_lat, e.place_lon, ?, ?) <= ?",
                [n.lat, n.lon, n.km].map(Value::Real),
            );
        }
        if let Some(t) = &self.text {
            let t = nonempty("text", t)?;
            let q = fts_query(t).ok_or_else(|| bad("text", format!("{t:?}: no word to search")))?;
            match w.dialect {
                Dialect::Sqlite => w.cond(
                    "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
                    [text(q)],
                ),
                Dialect::Postgres => {
                    // The same words as `fts_query`, each a phrase, all required.
                    let words: Vec<String> = t
                        .split_whitespace()
                        .filter(|w| w.chars().any(char::is_alphanumeric))
                        .map(str::to_string)
                        .collect();
                    let each = vec!["phraseto_tsquery('simple', ?)"; words.len()].join(" && ");
                    w.cond(&format!("d.tsv @@ ({each})"), words.into_iter().map(text));
                }
            }
        }
        if let Some(id) = &self.document {
            let id = nonempty("document", id)?;
            w.cond("d.doc_id = ?", [text(id.to_string())]);
        }
        if !self.include_negated {
            w.cond("e.negated = 0", []);
        }
        Ok(w.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_terms_are_quoted() {
        for (input, want) in [
            ("riot police", Some(r#""riot" "police""#)),
            ("a\"b", Some(r#""a""b""#)),
            (
                "NEAR(x y) OR title:foo*",
                Some(r#""NEAR(x" "y)" "OR" "title:foo*""#),
            ),
            ("  - * ", None),
            ("", None),
        ] {
            assert_eq!(fts_query(input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn haversine_known_distances() {
        // Almaty–Astana ~ 970 km; one degree of latitude ~ 111.2 km.
        let d = haversine_km(43.25, 76.92, 51.17, 71.45);
        assert!((950.0..990.0).contains(&d), "{d}");
        let d = haversine_km(0.0, 0.0, 1.0, 0.0);
        assert!((d - 111.195).abs() < 0.01, "{d}");
        assert_eq!(haversine_km(10.0, 20.0, 10.0, 20.0), 0.0);
    }

    #[test]
    fn bounding_box_contains_circle() {
        for near in [
            Near {
                lat: 43.25,
                lon: 76.92,
                km: 50.0,
            },
            Near {
                lat: 60.0,
                lon: 179.9,
                km: 300.0,
            },
            Near {
                lat: -33.9,
                lon: -179.5,
                km: 500.0,
            },
            Near {
                lat: 89.0,
                lon: 0.0,
                km: 500.0,
            },
        ] {
            let (lat_lo, lat_hi, lons) = near.bounding_box();
            // Points on the circle (bearing sweep) must lie inside the box.
            for b in 0..72 {
                let brg = (b as f64 * 5.0).to_radians();
                let r = near.km * 0.999 / EARTH_RADIUS_KM;
                let p1 = near.lat.to_radians();
                let l1 = near.lon.to_radians();
                let p2 = (p1.sin() * r.cos() + p1.cos() * r.sin() * brg.cos()).asin();
                let l2 = l1 + (brg.sin() * r.sin() * p1.cos()).atan2(r.cos() - p1.sin() * p2.sin());
                let (lat, mut lon) = (p2.to_degrees(), l2.to_degrees());
                if lon > 180.0 {
                    lon -= 360.0;
                }
                if lon < -180.0 {
                    lon += 360.0;
                }
                assert!((lat_lo..=lat_hi).contains(&lat), "{near:?} lat {lat}");
                if let Some(ranges) = &lons {
                    assert!(
                        ranges.iter().any(|(lo, hi)| (*lo..=*hi).contains(&lon)),
                        "{near:?} lon {lon} not in {ranges:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn bad_filters_name_the_field() {
        let cases: Vec<(Filter, &str)> = vec![
            (
                Filter {
                    from: Some("2022-13-01".into()),
                    ..Default::default()
                },
                "from",
            ),
            (
                Filter {
                    to: Some("yesterday".into()),
                    ..Default::default()
                },
                "to",
            ),
            (
                Filter {
                    from: Some("2022-02-01".into()),
                    to: Some("2022-01-01".into()),
                    ..Default::default()
                },
                "from",
            ),
            (
                Filter {
                    country: Some("Kazakhstan".into()),
                    ..Default::default()
                },
                "country",
            ),
            (
                Filter {
                    country: Some("K1".into()),
                    ..Default::default()
                },
                "country",
            ),
            (
                Filter {
                    actor: Some("  ".into()),
                    ..Default::default()
                },
                "actor",
            ),
            (
                Filter {
                    cameo: Some("17a".into()),
                    ..Default::default()
                },
                "cameo",
            ),
            (
                Filter {
                    cameo: Some("12345".into()),
                    ..Default::default()
                },
                "cameo",
            ),
            (
                Filter {
                    root: Some("21".into()),
                    ..Default::default()
                },
                "root",
            ),
            (
                Filter {
                    root: Some("007".into()),
                    ..Default::default()
                },
                "root",
            ),
            (
                Filter {
                    quad_class: Some(5),
                    ..Default::default()
                },
                "quad_class",
            ),
            (
                Filter {
                    plover: Some("PRO'TEST".into()),
                    ..Default::default()
                },
                "plover",
            ),
            (
                Filter {
                    near: Some(Near {
                        lat: 91.0,
                        lon: 0.0,
                        km: 1.0,
                    }),
                    ..Default::default()
                },
                "near",
            ),
            (
                Filter {
                    near: Some(Near {
                        lat: 0.0,
                        lon: 0.0,
                        km: f64::NAN,
                    }),
                    ..Default::default()
                },
                "near",
            ),
            (
                Filter {
                    text: Some("*** --".into()),
                    ..Default::default()
                },
                "text",
            ),
            (
                Filter {
                    document: Some("".into()),
                    ..Default::default()
                },
                "document",
            ),
        ];
        for (filter, field) in cases {
            match filter.validate() {
                Err(Error::BadFilter { field: f, reason }) => {
                    assert_eq!(f, field, "{filter:?}: {reason}");
                    assert!(!reason.is_empty());
                }
                other => panic!("{filter:?}: expected a bad {field}, got {other:?}"),
            }
        }
        assert!(Filter::default().validate().is_ok());
    }

    #[test]
    fn near_parses() {
        assert_eq!(
            Near::parse("43.25, 76.92,50").unwrap(),
            Near {
                lat: 43.25,
                lon: 76.92,
                km: 50.0
            }
        );
        for bad in ["43.25,76.92", "a,b,c", "0,200,5", "0,0,-1", ""] {
            assert!(Near::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn values_are_bound_not_spliced() {
        let f = Filter {
            actor: Some("x' OR 1=1 --".into()),
            document: Some("'; DROP TABLE events; --".into()),
            ..Default::default()
        };
        let w = f.to_where(Dialect::Sqlite).unwrap();
        assert!(
            !w.sql.contains("DROP") && !w.sql.contains("1=1"),
            "{}",
            w.sql
        );
        assert_eq!(w.params.len(), 5);
    }
}
