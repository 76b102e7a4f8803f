//! Publication dates in the forms feeds, pages and corpora write them.
//!
//! [`parse_date`] accepts ISO 8601 / RFC 3339 (`2022-01-10`, `2022-01-10T08:00:00+06:00`),
//! RFC 2822 (`Mon, 10 Jan 2022 08:00:00 +0000`), month names in either order (`10 Jan 2022`,
//! `Jan. 10, 2022`, `Monday, January 10th, 2022 3:15 PM EST`), `2022/01/10`, `20220110`, and
//! all-numeric day/month forms when only one reading is possible (`25/12/2021`, `12/25/2021`).
//! `01/02/2022` is refused: it is January 2 in the US and February 1 elsewhere.
//!
//! A date-time keeps the calendar date it was written with: `2022-01-10T23:30:00-05:00` is
//! January 10, the publisher's own date, not converted to UTC.

use chrono::{DateTime, NaiveDate};

/// Parses a date in any of the forms above; `None` when the text is not one date.
///
/// ```
/// use chrono::NaiveDate;
/// use herald_read::parse_date;
/// let d = NaiveDate::from_ymd_opt(2022, 1, 10);
/// assert_eq!(parse_date("Jan 10, 2022"), d);
/// assert_eq!(parse_date("Mon, 10 Jan 2022 08:00:00 +0000"), d);
/// assert_eq!(parse_date("not a date"), None);
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    iso_prefix(s)
        .or_else(|| DateTime::parse_from_rfc2822(s).ok().map(|d| d.date_naive()))
        .or_else(|| numeric(s))
        .or_else(|| worded(s))
}

/// `YYYY-MM-DD` alone or followed by a time (`T…` or ` …`): RFC 3339 and its relatives.
fn iso_prefix(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !rest.is_empty() && !rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// All-digit forms: `20220110`, `2022/01/10`, `2022.1.10`, and unambiguous `D/M/Y` or `M/D/Y`.
fn numeric(s: &str) -> Option<NaiveDate> {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        return ymd(n[0] as i32, n[1], n[2]);
    }
    if parts[2].len() != 4 {
        return None; // two-digit years are a guess too far
    }
    let year = n[2] as i32;
    match (n[0] > 12, n[1] > 12) {
        (true, false) => ymd(year, n[1], n[0]),
        (false, true) => ymd(year, n[0], n[1]),
        _ if n[0] == n[1] => ymd(year, n[0], n[1]),
        _ => None,
    }
}

/// A date written with a month name, in either order, with optional weekday and time.
fn worded(s: &str) -> Option<NaiveDate> {
    let mut month = None;
    let mut year = None;
    let mut day = None;
    let mut timed = false;
    for raw in s.split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '-') {
        let tok = raw.trim_end_matches('.');
        if tok.is_empty() {
            continue;
        }
        if timed && day.is_some() && month.is_some() && year.is_some() {
            // A whole date and a time of day: what follows is a zone or wire-service noise
            // ("27-MAR-1987 02:17:09.88&#5;&#5;T C").
            break;
        }
        if tok.contains(':') || tok.starts_with('+') {
            timed |= tok.contains(':');
            continue; // a time of day or a UTC offset
        }
        let lower = tok.to_ascii_lowercase();
        if let Some(m) = month_number(&lower) {
            if month.replace(m).is_some() {
                return None;
            }
            continue;
        }
        if tok.bytes().all(|b| b.is_ascii_digit()) {
            let v: u32 = tok.parse().ok()?;
            if tok.len() == 4 {
                if year.replace(v as i32).is_some() {
                    return None;
                }
            } else if tok.len() <= 2 {
                if day.replace(v).is_some() {
                    return None;
                }
            } else {
                return None;
            }
            continue;
        }
        let ordinal = lower
            .strip_suffix("st")
            .or_else(|| lower.strip_suffix("nd"))
            .or_else(|| lower.strip_suffix("rd"))
            .or_else(|| lower.strip_suffix("th"));
        if let Some(n) = ordinal.filter(|n| !n.is_empty() && n.len() <= 2)
            && n.bytes().all(|b| b.is_ascii_digit())
        {
            if day.replace(n.parse().ok()?).is_some() {
                return None;
            }
            continue;
        }
        if is_filler(&lower, tok) {
            continue;
        }
        return None;
    }
    ymd(year?, month?, day?)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_number(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(w)))
        .map(|i| i as u32 + 1)
}

/// Words that may surround a date without changing it: weekdays, "am"/"pm", "of", "at",
/// "on", and time-zone abbreviations (two to five capitals: UTC, GMT, EST, CEST).
fn is_filler(lower: &str, tok: &str) -> bool {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let weekday = lower.len() >= 3
        && WEEKDAYS
            .iter()
            .any(|d| *d == lower || d.starts_with(lower) && (3..=4).contains(&lower.len()));
    weekday
        || matches!(
            lower,
            "am" | "pm" | "a.m" | "p.m" | "of" | "at" | "on" | "the"
        )
        || ((2..=5).contains(&tok.len()) && tok.bytes().all(|b| b.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn table() {
        let jan10 = d(2022, 1, 10);
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2022-01-10", jan10),
            ("  2022-01-10\n", jan10),
            ("2022-01-10T08:00:00Z", jan10),
            ("2022-01-10T08:00:00.250+06:00", jan10),
            ("2022-01-10T23:30:00-05:00", jan10),
            ("2022-01-10 08:00:00", jan10),
            ("2022/01/10", jan10),
            ("2022.1.10", jan10),
            ("20220110", jan10),
            ("10 Jan 2022", jan10),
            ("10 January 2022", jan10),
            ("Jan 10, 2022", jan10),
            ("Jan. 10, 2022", jan10),
            ("January 10th, 2022", jan10),
            ("Monday, January 10, 2022", jan10),
            ("Monday 10 January 2022 08:15 GMT", jan10),
            ("Jan 10, 2022 3:15 PM EST", jan10),
            ("10-Jan-2022", jan10),
            ("10-JAN-2022 02:17:09.88&#5;&#5;&#5;T C", jan10),
            ("10 Jan 2022 08:00 and more", jan10),
            ("10 Jan 2022 noise", None),
            ("Mon, 10 Jan 2022 08:00:00 +0000", jan10),
            ("Mon, 10 Jan 2022 08:00:00 GMT", jan10),
            ("Sept 5, 2021", d(2021, 9, 5)),
            ("25/12/2021", d(2021, 12, 25)),
            ("12/25/2021", d(2021, 12, 25)),
            ("05/05/2021", d(2021, 5, 5)),
            ("01/02/2022", None),
            ("1/2/22", None),
            ("2022-02-30", None),
            ("Feb 30, 2022", None),
            ("2022-13-01", None),
            ("", None),
            ("not a date", None),
            ("January 2022", None),
            ("10 Jan", None),
            ("10 Jan 2022 and 11 Jan 2022", None),
            ("Jan 10 Feb 2022", None),
            ("2022-01-10garbage", None),
            ("2022-01-10Tlate", None),
            ("ééééééééééé", None),
            ("2022-01-1é", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input), *want, "input {input:?}");
        }
    }
}
