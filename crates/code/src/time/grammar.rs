//! The recogniser: time expressions in a run of lexemes, resolved against the document date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::lex::{Lx, Tok};
use super::value::{Lean, TimeValue, add_months, infer_year, nth_weekday, weekday};
use super::words;

/// A time expression: lexemes `first..end` and its value (`None` when it needs a document
/// date and there is none).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// Index of the first lexeme.
    pub first: usize,
    /// One past the last lexeme.
    pub end: usize,
    /// The resolved value.
    pub value: Option<TimeValue>,
}

/// Finds the time expressions of one sentence's lexemes, left to right, longest first.
/// `anchor` is the last day the document has named so far ("the next morning" counts from
/// it); it moves to every day found.
pub(crate) fn recognise(
    toks: &[Tok],
    dct: Option<NaiveDate>,
    anchor: &mut Option<NaiveDate>,
) -> Vec<Found> {
    let mut m = Matcher {
        t: toks,
        dct,
        anchor: *anchor,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match m.at(i) {
            Some((end, value)) if end > i => {
                if let Some(TimeValue::Day(d)) = value {
                    m.anchor = Some(d);
                }
                out.push(Found {
                    first: i,
                    end,
                    value,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    *anchor = m.anchor;
    out
}

/// A match: one past its last lexeme, and its value.
type Hit = (usize, Option<TimeValue>);

struct Matcher<'a> {
    t: &'a [Tok],
    dct: Option<NaiveDate>,
    /// The last day named before the current lexeme.
    anchor: Option<NaiveDate>,
}

impl Matcher<'_> {
    fn word(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.kind == Lx::Word => &t.low,
            _ => "",
        }
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// True when lexemes `i` and `i + 1` touch (no space between).
    fn touch(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    fn num(&self, i: usize) -> Option<&Tok> {
        self.t.get(i).filter(|t| t.kind == Lx::Num)
    }

    /// The longest expression starting at `i`.
    fn at(&self, i: usize) -> Option<Hit> {
        // Hedges keep the value of what they modify: "late Tuesday", "earlier this month".
        let mut j = i;
        if matches!(self.word(j), "early" | "late" | "mid" | "earlier" | "later") {
            j += 1;
            if self.punct(j, '-') {
                j += 1;
            }
        }
        let core = [
            self.numeric_date(j),
            self.month_first(j),
            self.day_first(j),
            self.weekday_ref(j),
            self.day_word(j),
            self.ago(j),
            self.deictic(j),
            self.quarter(j),
            self.year(j),
            self.holiday(j),
        ];
        core.into_iter().flatten().max_by_key(|(end, _)| *end)
    }

    /// How the sentence leans around lexeme `i`: future markers shortly before it.
    fn lean(&self, i: usize) -> Lean {
        for k in (i.saturating_sub(8)..i).rev() {
            let w = self.word(k);
            if words::is_report_verb(w) {
                break;
            }
            // "the plan Aug. 21", "its plans": a noun, not an intention about the date.
            let noun = matches!(w, "plan" | "plans" | "schedule")
                && k > 0
                && words::is_determiner(self.word(k - 1));
            if words::is_future_cue(w) && !noun {
                return Lean::Future;
            }
        }
        Lean::Past
    }

    /// True when lexemes `i..k` open the sentence, after at most "On", and a comma follows.
    fn fronted(&self, i: usize, k: usize) -> bool {
        (i == 0 || i == 1 && self.word(0) == "on") && self.punct(k, ',')
    }

    /// How the clause from lexeme `from` leans: a future marker among its next words, before
    /// any reporting verb ("On Tuesday, police said …" is past).
    fn lean_ahead(&self, from: usize) -> Option<Lean> {
        for k in from..(from + 10).min(self.t.len()) {
            let w = self.word(k);
            if words::is_report_verb(w) {
                return None;
            }
            let intends = matches!(w, "plans" | "intends" | "expects" | "scheduled")
                && self.word(k + 1) == "to";
            if intends || matches!(w, "will" | "ll" | "shall") {
                return Some(Lean::Future);
            }
        }
        None
    }

    /// `2022-01-07`, `01/07/2022` (month first unless that cannot be), `7/1/22`.
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let (a, b, c) = (self.num(i)?, self.num(i + 2), self.num(i + 4));
        let (b, c) = (b?, c?);
        if !(self.touch(i) && self.touch(i + 1) && self.touch(i + 2) && self.touch(i + 3)) {
            return None;
        }
        if !(a.suffix.is_empty() && b.suffix.is_empty() && c.suffix.is_empty()) {
            return None;
        }
        let date = if a.digits == 4 && self.punct(i + 1, '-') && self.punct(i + 3, '-') {
            NaiveDate::from_ymd_opt(a.value as i32, b.value, c.value)
        } else if a.digits <= 2
            && b.digits <= 2
            && matches!(c.digits, 2 | 4)
            && self.punct(i + 1, '/')
            && self.punct(i + 3, '/')
        {
            let y = match c.digits {
                2 if c.value < 50 => 2000 + c.value as i32,
                2 => 1900 + c.value as i32,
                _ => c.value as i32,
            };
            let (m, d) = if a.value > 12 {
                (b.value, a.value)
            } else {
                (a.value, b.value)
            };
            NaiveDate::from_ymd_opt(y, m, d)
        } else {
            None
        };
        Some((i + 5, Some(TimeValue::Day(date?))))
    }

    /// A month word at `i` (capitalised), and the index after it and its period.
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        if t.kind != Lx::Word || !t.capital {
            return None;
        }
        let m = words::month(&t.low)?;
        let mut end = i + 1;
        if self.punct(end, '.') && words::is_month_abbreviation(&t.low) {
            end += 1;
        }
        Some((m, end))
    }

    /// A day of the month at `i` (`7`, `7th`).
    fn day_at(&self, i: usize) -> Option<u32> {
        let t = self.num(i)?;
        (t.digits <= 2
            && (1..=31).contains(&t.value)
            && matches!(t.suffix.as_str(), "" | "st" | "nd" | "rd" | "th"))
        .then_some(t.value)
    }

    /// A year at `i` (`2022`), and the index after it.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.num(i)?;
        (t.digits == 4 && t.suffix.is_empty() && (1000..=2999).contains(&t.value))
            .then_some((t.value as i32, i + 1))
    }

    /// A year after a day or month, with an optional comma: `, 2022` or `2022`.
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        let k = if self.punct(i, ',') { i + 1 } else { i };
        self.year_at(k)
    }

    /// A full day from month, day and an optional year.
    fn day_value(&self, m: u32, d: u32, year: Option<i32>, at: usize) -> Option<TimeValue> {
        let y = match year {
            Some(y) => y,
            None => infer_year(self.dct?, m, d, self.lean_nearest(at)),
        };
        NaiveDate::from_ymd_opt(y, m, d).map(TimeValue::Day)
    }

    /// Nearest unless the sentence points ahead.
    fn lean_nearest(&self, at: usize) -> Lean {
        match self.lean(at) {
            Lean::Future => Lean::Future,
            _ => Lean::Nearest,
        }
    }

    /// `Jan. 7`, `January 7, 2022`, `January 2022`, `January`.
    fn month_first(&self, i: usize) -> Option<Hit> {
        let (m, k) = self.month_at(i)?;
        let low = self.word(i);
        if let Some(d) = self.day_at(k) {
            return match self.trailing_year(k + 1) {
                Some((y, end)) => Some((end, self.day_value(m, d, Some(y), i))),
                None => Some((k + 1, self.day_value(m, d, None, i))),
            };
        }
        let of = if self.word(k) == "of" { k + 1 } else { k };
        if let Some((y, end)) = self.trailing_year(of) {
            return Some((end, Some(TimeValue::Month(y, m))));
        }
        // "June last year", "March next year".
        let shift = match (self.word(k), self.word(k + 1)) {
            ("last", "year") => Some(-1),
            ("this", "year") => Some(0),
            ("next", "year") => Some(1),
            _ => None,
        };
        if let Some(shift) = shift {
            let value = self.dct.map(|d| TimeValue::Month(d.year() + shift, m));
            return Some((k + 2, value));
        }
        if words::is_month_abbreviation(low) {
            return None;
        }
        let before = if i > 0 { self.word(i - 1) } else { "" };
        let cued = matches!(
            before,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "of"
                | "last"
                | "next"
                | "this"
                | "through"
                | "before"
                | "after"
                | "from"
        );
        if words::is_ambiguous_month(low) && !cued {
            return None;
        }
        let lean = match before {
            "last" => Lean::Past,
            "next" => Lean::Future,
            _ => self.lean_nearest(i),
        };
        let value = self.dct.map(|dct| {
            let y = infer_year(dct, m, 15, lean);
            TimeValue::Month(y, m)
        });
        Some((k, value))
    }

    /// `7 January 2022`, `7th of January`.
    fn day_first(&self, i: usize) -> Option<Hit> {
        let d = self.day_at(i)?;
        let k = if self.word(i + 1) == "of" {
            i + 2
        } else {
            i + 1
        };
        let (m, k) = self.month_at(k)?;
        match self.trailing_year(k) {
            Some((y, end)) => Some((end, self.day_value(m, d, Some(y), i))),
            None => Some((k, self.day_value(m, d, None, i))),
        }
    }

    /// `Friday`, `last Friday`, `this coming Sunday`, `Tuesday night`, `Friday, Oct. 23`.
    fn weekday_ref(&self, i: usize) -> Option<Hit> {
        let (mut k, lean, strict) = match (self.word(i), self.word(i + 1)) {
            ("this", "past") => (i + 2, Lean::Past, true),
            ("this", "coming") => (i + 2, Lean::Future, true),
            ("last" | "past" | "previous", _) => (i + 1, Lean::Past, true),
            ("next" | "coming", _) => (i + 1, Lean::Future, true),
            ("this", _) => (i + 1, self.lean(i), false),
            _ => (i, self.lean(i), false),
        };
        let wd: Weekday = words::weekday(self.word(k))?;
        k += 1;
        // An explicit date after the weekday wins: "Friday, Oct. 23".
        let after = if self.punct(k, ',') { k + 1 } else { k };
        if let Some((end, value)) = self.month_first(after).or_else(|| self.day_first(after))
            && matches!(value, Some(TimeValue::Day(_)) | None)
        {
            return Some((end, value));
        }
        // "Wednesday's ruling" names something that has happened.
        let lean = if self.punct(k, '\'') && self.word(k + 1) == "s" && !strict {
            Lean::Past
        } else if !strict && self.fronted(i, k) {
            // "On Tuesday, the league will rally": the clause after a fronted day says.
            self.lean_ahead(k + 1).unwrap_or(lean)
        } else {
            lean
        };
        if words::is_day_part(self.word(k)) {
            k += 1;
        }
        let value = self
            .dct
            .map(|dct| TimeValue::Day(weekday(dct, wd, lean, strict)));
        Some((k, value))
    }

    /// `today`, `tonight`, `yesterday morning`, `tomorrow`, `this morning`, `the day before
    /// yesterday`.
    fn day_word(&self, i: usize) -> Option<Hit> {
        let (offset, mut k) = match (
            self.word(i),
            self.word(i + 1),
            self.word(i + 2),
            self.word(i + 3),
        ) {
            ("today" | "tonight", ..) => (0, i + 1),
            ("yesterday", ..) => (-1, i + 1),
            ("tomorrow", ..) => (1, i + 1),
            ("this", p, ..) if words::is_day_part(p) => (0, i + 2),
            ("the", "day", "before", "yesterday") => (-2, i + 4),
            ("the", "day", "after", "tomorrow") => (2, i + 4),
            ("the", "next" | "following", d, _) if d == "day" || words::is_day_part(d) => {
                let value = self.anchor.map(|a| TimeValue::Day(a + Duration::days(1)));
                return Some((i + 3, value));
            }
            ("the", "previous", d, _) if d == "day" || words::is_day_part(d) => {
                let value = self.anchor.map(|a| TimeValue::Day(a - Duration::days(1)));
                return Some((i + 3, value));
            }
            _ => return None,
        };
        if words::is_day_part(self.word(k)) && offset != 0 {
            k += 1;
        }
        let value = self.dct.map(|d| TimeValue::Day(d + Duration::days(offset)));
        Some((k, value))
    }

    /// `two days ago`, `11 days ago`, `a year ago`, `three weeks earlier`.
    fn ago(&self, i: usize) -> Option<Hit> {
        let n = match self.num(i) {
            Some(t) if t.suffix.is_empty() && t.digits <= 3 => t.value,
            Some(_) => return None,
            None => words::number_word(self.word(i))?,
        };
        let unit = self.word(i + 1);
        let sign: i64 = match self.word(i + 2) {
            "ago" | "earlier" => -1,
            "later" | "hence" => 1,
            _ => return None,
        };
        let dct = self.dct;
        let n = i64::from(n) * sign;
        let value = dct.and_then(|d| match unit.trim_end_matches('s') {
            "day" => Some(TimeValue::Day(d + Duration::days(n))),
            "week" => Some(TimeValue::week_of(d + Duration::weeks(n))),
            "month" => {
                let (y, m) = add_months(d.year(), d.month(), n as i32);
                Some(TimeValue::Month(y, m))
            }
            "year" => Some(TimeValue::Year(d.year() + n as i32)),
            "decade" => Some(TimeValue::Decade((d.year() + 10 * n as i32) / 10 * 10)),
            _ => None,
        });
        if !matches!(
            unit.trim_end_matches('s'),
            "day" | "week" | "month" | "year" | "decade"
        ) {
            return None;
        }
        Some((i + 3, value))
    }

    /// `this week`, `last month`, `the past week`, `next year`, `last June`, `this summer`,
    /// `last weekend`.
    fn deictic(&self, i: usize) -> Option<Hit> {
        let (shift, k): (i32, usize) = match (self.word(i), self.word(i + 1)) {
            ("the", "past" | "last" | "previous") => (-1, i + 2),
            ("the", "coming" | "next") => (1, i + 2),
            ("this", "past") => (-1, i + 2),
            ("this", "coming") => (1, i + 2),
            ("this" | "current", _) => (0, i + 1),
            ("last" | "past" | "previous", _) => (-1, i + 1),
            ("next" | "coming", _) => (1, i + 1),
            _ => return None,
        };
        let unit = self.word(k);
        let rolling = self.word(i) == "the" || self.word(i) == "past";
        let dct = self.dct;
        let value = match unit {
            "week" | "weekend" => dct.map(|d| {
                let back = if rolling { 3 } else { 7 };
                let day = match shift {
                    0 => d,
                    s if s < 0 => d - Duration::days(back),
                    _ => d + Duration::days(7),
                };
                TimeValue::week_of(day)
            }),
            "month" => dct.map(|d| {
                let day = match shift {
                    0 => d,
                    s if s < 0 && rolling => d - Duration::days(15),
                    s => {
                        let (y, m) = add_months(d.year(), d.month(), s);
                        NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
                    }
                };
                TimeValue::month_of(day)
            }),
            "year" => dct.map(|d| TimeValue::Year(d.year() + shift)),
            _ => {
                if let Some(s) = words::season(unit) {
                    dct.map(|d| {
                        let current = match d.month() {
                            3..=5 => 0,
                            6..=8 => 1,
                            9..=11 => 2,
                            _ => 3,
                        };
                        let y = d.year() - i32::from(d.month() <= 2 && s == 3);
                        let y = match shift {
                            0 => y,
                            x if x < 0 => y - i32::from(s >= current),
                            _ => y + i32::from(s <= current),
                        };
                        TimeValue::Season(y, s)
                    })
                } else if let Some(m) = words::month(unit)
                    .filter(|_| self.t[k].capital && !words::is_month_abbreviation(unit))
                {
                    dct.map(|d| {
                        let lean = match shift {
                            0 => Lean::Nearest,
                            s if s < 0 => Lean::Past,
                            _ => Lean::Future,
                        };
                        let mut y = infer_year(d, m, 15, lean);
                        if shift != 0 && m == d.month() {
                            y += shift;
                        }
                        TimeValue::Month(y, m)
                    })
                } else {
                    return None;
                }
            }
        };
        Some((k + 1, value))
    }

    /// `the third quarter`, `fourth-quarter`, `the first quarter of 2021`.
    fn quarter(&self, i: usize) -> Option<Hit> {
        let mut k = if self.word(i) == "the" { i + 1 } else { i };
        if self.word(k) == "fiscal" {
            k += 1;
        }
        // "the latest quarter", "last quarter", "this quarter".
        let shift = match (self.word(k), self.word(k + 1)) {
            ("latest" | "last" | "past" | "previous" | "preceding", "quarter") => Some(-1),
            ("this" | "current", "quarter") => Some(0),
            ("next" | "coming", "quarter") => Some(1),
            _ => None,
        };
        if let Some(shift) = shift {
            let value = self.dct.map(|d| {
                let (y, m) = add_months(d.year(), d.month(), 3 * shift);
                TimeValue::Quarter(y, (m - 1) / 3 + 1)
            });
            return Some((k + 2, value));
        }
        // "the 1988 second quarter".
        let stated = self.year_at(k).map(|(y, end)| {
            k = end;
            y
        });
        let word = match self.t.get(k) {
            Some(t) if t.kind == Lx::Num => t.low.as_str(),
            _ => self.word(k),
        };
        let q = words::ordinal(word)?;
        k += 1;
        if self.punct(k, '-') {
            k += 1;
        }
        if self.word(k) != "quarter" {
            return None;
        }
        k += 1;
        if self.word(k) == "of"
            && let Some((y, end)) = self.year_at(k + 1)
        {
            return Some((end, Some(TimeValue::Quarter(y, q))));
        }
        let value = match stated {
            Some(y) => Some(TimeValue::Quarter(y, q)),
            None => self.dct.map(|d| {
                let current = (d.month() - 1) / 3 + 1;
                TimeValue::Quarter(d.year() - i32::from(q > current), q)
            }),
        };
        Some((k, value))
    }

    /// `in 2019` (the year alone), `fiscal 1989`, `the 1990s`, `'90s`.
    fn year(&self, i: usize) -> Option<Hit> {
        let t = self.num(i)?;
        if t.digits == 4 && t.suffix == "s" && t.value % 10 == 0 {
            return Some((i + 1, Some(TimeValue::Decade(t.value as i32))));
        }
        let (y, end) = self.year_at(i)?;
        if !(1800..=2100).contains(&y) {
            return None;
        }
        let before = if i > 0 { self.word(i - 1) } else { "" };
        let after_hyphen = i > 0 && self.punct(i - 1, '-') && i > 1 && self.word(i - 2) == "mid";
        if !(words::is_year_cue(before) || after_hyphen) {
            return None;
        }
        // "the 2019 elections" is a year; "the 2000 people" a count.
        if words::is_count_noun(self.word(end)) {
            return None;
        }
        Some((end, Some(TimeValue::Year(y))))
    }

    /// `Christmas`, `New Year's Day`, `Thanksgiving`, `Election Day`, `Independence Day`.
    fn holiday(&self, i: usize) -> Option<Hit> {
        let (lean, i) = match self.word(i) {
            "last" => (Lean::Past, i + 1),
            "next" => (Lean::Future, i + 1),
            "this" => (self.lean_nearest(i), i + 1),
            _ => (self.lean_nearest(i), i),
        };
        let t = self.t.get(i)?;
        if !t.capital {
            return None;
        }
        // (month, day) fixed, or (month, weekday, nth) floating.
        enum Rule {
            Fixed(u32, u32),
            Nth(u32, Weekday, u32),
        }
        let (rule, end) = match (self.word(i), self.word(i + 1), self.word(i + 3)) {
            ("christmas", "eve", _) => (Rule::Fixed(12, 24), i + 2),
            ("christmas", "day", _) => (Rule::Fixed(12, 25), i + 2),
            ("christmas", ..) => (Rule::Fixed(12, 25), i + 1),
            ("new", "year", "day") if self.punct(i + 2, '\'') => (Rule::Fixed(1, 1), i + 4),
            ("new", "year", "eve") if self.punct(i + 2, '\'') => (Rule::Fixed(12, 31), i + 4),
            ("thanksgiving", "day", _) => (Rule::Nth(11, Weekday::Thu, 4), i + 2),
            ("thanksgiving", ..) => (Rule::Nth(11, Weekday::Thu, 4), i + 1),
            ("election", "day", _) => (Rule::Nth(11, Weekday::Mon, 1), i + 2),
            ("independence", "day", _) => (Rule::Fixed(7, 4), i + 2),
            ("halloween", ..) => (Rule::Fixed(10, 31), i + 1),
            _ => return None,
        };
        let value = self.dct.and_then(|dct| {
            let on = |y: i32| match rule {
                Rule::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
                // Election Day is the Tuesday after the first Monday of November.
                Rule::Nth(m, Weekday::Mon, 1) => {
                    nth_weekday(y, m, Weekday::Mon, 1).map(|d| d + Duration::days(1))
                }
                Rule::Nth(m, wd, n) => nth_weekday(y, m, wd, n),
            };
            let y = dct.year();
            let cands = [y - 1, y, y + 1].into_iter().filter_map(on);
            let ok = |d: &NaiveDate| match lean {
                Lean::Past => *d <= dct,
                Lean::Future => *d >= dct,
                Lean::Nearest => true,
            };
            cands
                .filter(ok)
                .min_by_key(|d| (*d - dct).num_days().abs())
                .map(TimeValue::Day)
        });
        Some((end, value))
    }
}
