//! Query strings into a [`Filter`] and a [`Page`]: a pure function, checked field by field.
//!
//! Every parameter is validated here or by [`Filter::validate`] before the store sees it; the
//! error names the parameter as the client wrote it (`quad`, not `quad_class`). Unknown and
//! repeated parameters are errors too, so a typo (`qaud=4`) is reported instead of silently
//! returning every event. An empty value (`country=`, as an HTML form sends it) means "no
//! filter".

use herald_store::{Filter, MAX_PAGE, Near, Page};
use serde::Serialize;
use std::fmt;

/// Longest query string accepted, in bytes (percent-encoded, as received).
pub const MAX_QUERY_BYTES: usize = 4096;

/// Longest value of one parameter, in bytes (decoded).
pub const MAX_VALUE_BYTES: usize = 200;

/// Largest `offset` accepted.
pub const MAX_OFFSET: usize = 100_000_000;

/// Page size when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 100;

/// The filter parameters and what they mean (for errors and the OpenAPI test).
pub const FILTER_PARAMS: &[&str] = &[
    "from", "to", "country", "actor", "cameo", "root", "quad", "plover", "near", "q", "doc",
    "negated",
];

/// The paging parameters.
pub const PAGE_PARAMS: &[&str] = &["limit", "offset"];

/// A parameter the API does not accept, and why. Serialised as the 400 response body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParamError {
    /// What is wrong, for a person.
    pub error: String,
    /// The parameter as the client named it.
    pub param: String,
}

impl ParamError {
    fn new(param: impl Into<String>, error: impl Into<String>) -> ParamError {
        ParamError {
            error: error.into(),
            param: param.into(),
        }
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.param, self.error)
    }
}

impl std::error::Error for ParamError {}

/// Whether `limit` and `offset` may appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Paging {
    /// Listings: `limit` and `offset` accepted.
    Allowed,
    /// Aggregates (the timeline): only filters.
    Refused,
}

/// Parses the query string of `/api/events` (without the leading `?`) into a checked filter
/// and page. Parameters: `from`, `to` (`YYYY-MM-DD`), `country`, `actor`, `cameo`, `root`,
/// `quad` (1..4), `plover`, `near` (`LAT,LON,KM`), `q` (words of the text), `doc` (document
/// id), `negated` (`true` keeps denied events), `limit` (0..=1000, default 100), `offset`.
///
/// ```
/// use herald_server::params::parse_filter;
/// let (filter, page) = parse_filter("country=kz&quad=4&limit=20").unwrap();
/// assert_eq!(filter.country.as_deref(), Some("KZ"));
/// assert_eq!(filter.quad_class, Some(4));
/// assert_eq!(page.limit, 20);
/// let err = parse_filter("quad=9").unwrap_err();
/// assert_eq!(err.param, "quad");
/// ```
pub fn parse_filter(query: &str) -> Result<(Filter, Page), ParamError> {
    parse(query, Paging::Allowed)
}

pub(crate) fn parse(query: &str, paging: Paging) -> Result<(Filter, Page), ParamError> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(ParamError::new(
            "query",
            format!("query string longer than {MAX_QUERY_BYTES} bytes"),
        ));
    }
    let mut filter = Filter::default();
    let mut page = Page {
        limit: DEFAULT_LIMIT,
        offset: 0,
    };
    let mut seen: Vec<String> = Vec::new();
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        let name = name.into_owned();
        if name.is_empty() && value.is_empty() {
            continue; // "a=1&&b=2"
        }
        let known = FILTER_PARAMS.contains(&name.as_str())
            || (paging == Paging::Allowed && PAGE_PARAMS.contains(&name.as_str()));
        if !known {
            let accepted: Vec<&str> = match paging {
                Paging::Allowed => FILTER_PARAMS.iter().chain(PAGE_PARAMS).copied().collect(),
                Paging::Refused => FILTER_PARAMS.to_vec(),
            };
            return Err(ParamError::new(
                printable(&name),
                format!("unknown parameter; accepted: {}", accepted.join(", ")),
            ));
        }
        if seen.contains(&name) {
            return Err(ParamError::new(name, "given more than once"));
        }
        let value = value.trim();
        if value.len() > MAX_VALUE_BYTES {
            return Err(ParamError::new(
                name,
                format!("longer than {MAX_VALUE_BYTES} bytes"),
            ));
        }
        if value.chars().any(char::is_control) {
            return Err(ParamError::new(name, "contains control characters"));
        }
        seen.push(name.clone());
        if value.is_empty() {
            continue;
        }
        let v = Some(value.to_string());
        match name.as_str() {
            "from" => filter.from = v,
            "to" => filter.to = v,
            "country" => filter.country = Some(value.to_ascii_uppercase()),
            "actor" => filter.actor = v,
            "cameo" => filter.cameo = v,
            "root" => filter.root = v,
            "plover" => filter.plover = Some(value.to_ascii_uppercase()),
            "q" => filter.text = v,
            "doc" => filter.document = v,
            "quad" => {
                filter.quad_class = Some(
                    value
                        .parse::<u8>()
                        .ok()
                        .filter(|q| (1..=4).contains(q))
                        .ok_or_else(|| {
                            ParamError::new(&name, format!("{value:?}: expected 1, 2, 3 or 4"))
                        })?,
                )
            }
            "near" => {
                filter.near = Some(Near::parse(value).map_err(|e| store_error(e, "near"))?);
            }
            "negated" => {
                filter.include_negated = match value {
                    "true" | "1" | "yes" => true,
                    "false" | "0" | "no" => false,
                    _ => {
                        return Err(ParamError::new(
                            &name,
                            format!("{value:?}: expected true or false"),
                        ));
                    }
                }
            }
            "limit" => page.limit = number(&name, value, MAX_PAGE)?,
            "offset" => page.offset = number(&name, value, MAX_OFFSET)?,
            _ => unreachable!("every known parameter has an arm"),
        }
    }
    filter.validate().map_err(|e| store_error(e, "query"))?;
    Ok((filter, page))
}

/// A non-negative integer no greater than `max`.
fn number(name: &str, value: &str, max: usize) -> Result<usize, ParamError> {
    match value.parse::<usize>() {
        Ok(n) if n <= max => Ok(n),
        Ok(_) => Err(ParamError::new(name, format!("{value}: at most {max}"))),
        Err(_) => Err(ParamError::new(
            name,
            format!("{value:?}: expected a whole number 0..={max}"),
        )),
    }
}

/// The store's filter error with the field renamed to the query parameter.
fn store_error(e: herald_store::Error, fallback: &str) -> ParamError {
    match e {
        herald_store::Error::BadFilter { field, reason } => {
            let param = match field {
                "quad_class" => "quad",
                "text" => "q",
                "document" => "doc",
                "include_negated" => "negated",
                other => other,
            };
            ParamError::new(param, reason)
        }
        other => ParamError::new(fallback, other.to_string()),
    }
}

/// A parameter name safe to echo back: at most 40 chars, control chars replaced.
fn printable(name: &str) -> String {
    name.chars()
        .take(40)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ok!(query => check)`: parses and runs the check on `(filter, page)`.
    macro_rules! ok {
        ($q:expr => |$f:ident, $p:ident| $check:expr) => {{
            let ($f, $p) = parse_filter($q).unwrap_or_else(|e| panic!("{:?}: {e}", $q));
            let _ = &$p;
            let _ = &$f;
            assert!($check, "{:?} gave {:?} {:?}", $q, $f, $p);
        }};
    }

    /// `bad!(query, param)`: rejected, naming `param`.
    macro_rules! bad {
        ($q:expr, $param:expr) => {{
            let err = parse_filter($q).expect_err($q);
            assert_eq!(err.param, $param, "{:?}: {err}", $q);
            assert!(!err.error.is_empty());
        }};
    }

    #[test]
    fn defaults() {
        ok!("" => |f, p| f == Filter::default() && p == Page { limit: 100, offset: 0 });
        ok!("&&" => |f, p| f == Filter::default());
        ok!("country=&q=&quad=" => |f, p| f == Filter::default());
    }

    #[test]
    fn every_field() {
        ok!("from=2022-01-01&to=2022-01-31" => |f, p|
            f.from.as_deref() == Some("2022-01-01") && f.to.as_deref() == Some("2022-01-31"));
        ok!("country=kz" => |f, p| f.country.as_deref() == Some("KZ"));
        ok!("country=KAZ" => |f, p| f.country.as_deref() == Some("KAZ"));
        ok!("actor=KAZGOV" => |f, p| f.actor.as_deref() == Some("KAZGOV"));
        ok!("actor=Tokayev" => |f, p| f.actor.as_deref() == Some("Tokayev"));
        ok!("cameo=175" => |f, p| f.cameo.as_deref() == Some("175"));
        ok!("root=14" => |f, p| f.root.as_deref() == Some("14"));
        ok!("quad=4" => |f, p| f.quad_class == Some(4));
        ok!("plover=protest" => |f, p| f.plover.as_deref() == Some("PROTEST"));
        ok!("near=43.25,76.92,50" => |f, p|
            f.near == Some(Near { lat: 43.25, lon: 76.92, km: 50.0 }));
        ok!("near=43.25%2C76.92%2C50" => |f, p| f.near.is_some());
        ok!("q=state+of+emergency" => |f, p| f.text.as_deref() == Some("state of emergency"));
        ok!("q=%C3%A9meute" => |f, p| f.text.as_deref() == Some("émeute"));
        ok!("doc=kz-1" => |f, p| f.document.as_deref() == Some("kz-1"));
        ok!("negated=true" => |f, p| f.include_negated);
        ok!("negated=0" => |f, p| !f.include_negated);
        ok!("limit=0&offset=2000" => |f, p| p == Page { limit: 0, offset: 2000 });
        ok!("limit=1000" => |f, p| p.limit == 1000);
    }

    #[test]
    fn rejected_with_the_param_named() {
        bad!("from=2022-13-01", "from");
        bad!("from=yesterday", "from");
        bad!("from=2022-02-01&to=2022-01-01", "from");
        bad!("country=K1", "country");
        bad!("country=KAZA", "country");
        bad!("cameo=17a", "cameo");
        bad!("cameo=12345", "cameo");
        bad!("root=21", "root");
        bad!("root=0", "root");
        bad!("quad=0", "quad");
        bad!("quad=5", "quad");
        bad!("quad=-1", "quad");
        bad!("quad=four", "quad");
        bad!("plover=PRO-TEST", "plover");
        bad!("near=43,76", "near");
        bad!("near=91,0,10", "near");
        bad!("near=0,181,10", "near");
        bad!("near=0,0,-5", "near");
        bad!("near=NaN,0,5", "near");
        bad!("near=0,0,inf", "near");
        bad!("q=%22%22", "q");
        bad!("negated=maybe", "negated");
        bad!("limit=1001", "limit");
        bad!("limit=-1", "limit");
        bad!("limit=1e3", "limit");
        bad!("offset=99999999999999999999999", "offset");
        bad!("qaud=4", "qaud");
        bad!("quad=4&quad=3", "quad");
        bad!("country=KZ%00", "country");
    }

    #[test]
    fn long_input_is_refused() {
        let long = format!("q={}", "a".repeat(MAX_VALUE_BYTES + 1));
        bad!(&long, "q");
        let huge = "q=a&".repeat(MAX_QUERY_BYTES);
        bad!(&huge, "query");
    }

    #[test]
    fn sql_looking_values_stay_values() {
        // Quotes and SQL keywords are just text for the text-like fields.
        ok!("actor=%27%20OR%201%3D1%20--" => |f, p| f.actor.as_deref() == Some("' OR 1=1 --"));
        ok!("doc=x%27%3B%20DROP%20TABLE%20events%3B--" => |f, p|
            f.document.as_deref() == Some("x'; DROP TABLE events;--"));
        // Code-like fields refuse them.
        bad!("cameo=1%27%20OR%20%271%27%3D%271", "cameo");
        bad!("country=%27%20OR%201%3D1", "country");
    }

    #[test]
    fn timeline_refuses_paging() {
        assert!(parse("quad=1", Paging::Refused).is_ok());
        assert_eq!(
            parse("limit=5", Paging::Refused).unwrap_err().param,
            "limit"
        );
    }

    #[test]
    fn unknown_names_are_echoed_safely() {
        let err = parse_filter(&format!("{}=1", "x".repeat(100))).unwrap_err();
        assert_eq!(err.param.len(), 40);
        let err = parse_filter("a%0Ab=1").unwrap_err();
        assert_eq!(err.param, "a?b");
    }
}
