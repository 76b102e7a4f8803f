//! Resolved time values and calendar arithmetic.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A resolved time: a day, or a coarser period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeValue {
    /// A calendar day.
    Day(NaiveDate),
    /// An ISO week: ISO year and week number.
    Week(i32, u32),
    /// A month of a year.
    Month(i32, u32),
    /// A quarter (1–4) of a year.
    Quarter(i32, u32),
    /// A season of a year: 0 spring, 1 summer, 2 fall, 3 winter.
    Season(i32, u8),
    /// A year.
    Year(i32),
    /// A decade, by its first year (1990 for the 1990s).
    Decade(i32),
}

impl TimeValue {
    /// The ISO 8601 / TIMEX3 value: `2022-01-07`, `2022-W01`, `2022-01`, `2022-Q3`, `2022-SU`,
    /// `2022`, `199` (the 1990s).
    pub fn iso(&self) -> String {
        match *self {
            TimeValue::Day(d) => d.format("%Y-%m-%d").to_string(),
            TimeValue::Week(y, w) => format!("{y:04}-W{w:02}"),
            TimeValue::Month(y, m) => format!("{y:04}-{m:02}"),
            TimeValue::Quarter(y, q) => format!("{y:04}-Q{q}"),
            TimeValue::Season(y, s) => format!("{y:04}-{}", ["SP", "SU", "FA", "WI"][s as usize]),
            TimeValue::Year(y) => format!("{y:04}"),
            TimeValue::Decade(d) => format!("{:03}", d / 10),
        }
    }

    /// day, week, month, quarter, season, year or decade.
    pub fn granularity(&self) -> &'static str {
        match self {
            TimeValue::Day(_) => "day",
            TimeValue::Week(..) => "week",
            TimeValue::Month(..) => "month",
            TimeValue::Quarter(..) => "quarter",
            TimeValue::Season(..) => "season",
            TimeValue::Year(_) => "year",
            TimeValue::Decade(_) => "decade",
        }
    }

    /// The first day of the period.
    pub fn start(&self) -> Option<NaiveDate> {
        match *self {
            TimeValue::Day(d) => Some(d),
            TimeValue::Week(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
            TimeValue::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            TimeValue::Quarter(y, q) => NaiveDate::from_ymd_opt(y, q * 3 - 2, 1),
            TimeValue::Season(y, s) => NaiveDate::from_ymd_opt(y, [3, 6, 9, 12][s as usize], 21),
            TimeValue::Year(y) | TimeValue::Decade(y) => NaiveDate::from_ymd_opt(y, 1, 1),
        }
    }

    /// The ISO week of a day.
    pub fn week_of(d: NaiveDate) -> TimeValue {
        let w = d.iso_week();
        TimeValue::Week(w.year(), w.week())
    }

    /// The month of a day.
    pub fn month_of(d: NaiveDate) -> TimeValue {
        TimeValue::Month(d.year(), d.month())
    }
}

/// Which way a bare reference points from the document date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lean {
    /// The most recent such time, on or before the document date (news convention).
    Past,
    /// The next such time, on or after the document date (future tense, "next", "coming").
    Future,
    /// Whichever is nearest.
    Nearest,
}

/// The weekday `wd` relative to `dct`. `strict` excludes `dct` itself ("last Friday" in a
/// Friday story is a week earlier).
pub(crate) fn weekday(dct: NaiveDate, wd: Weekday, lean: Lean, strict: bool) -> NaiveDate {
    let today = dct.weekday().num_days_from_monday() as i64;
    let target = wd.num_days_from_monday() as i64;
    match lean {
        Lean::Future => {
            let mut ahead = (target - today).rem_euclid(7);
            if ahead == 0 && strict {
                ahead = 7;
            }
            dct + Duration::days(ahead)
        }
        Lean::Past | Lean::Nearest => {
            let mut back = (today - target).rem_euclid(7);
            if back == 0 && strict {
                back = 7;
            }
            dct - Duration::days(back)
        }
    }
}

/// The year to give a month (and day) named without one: the occurrence nearest the document
/// date (a later one counting twice as far), or the next / most recent one when the text
/// leans that way.
pub(crate) fn infer_year(dct: NaiveDate, month: u32, day: u32, lean: Lean) -> i32 {
    let y = dct.year();
    let day = day.max(1);
    let make = |yy: i32| {
        NaiveDate::from_ymd_opt(yy, month, day)
            .or_else(|| NaiveDate::from_ymd_opt(yy, month, 28))
            .unwrap_or(dct)
    };
    let candidates = [y - 1, y, y + 1];
    let ok = |yy: &i32| match lean {
        Lean::Past => make(*yy) <= dct,
        Lean::Future => make(*yy) >= dct,
        Lean::Nearest => true,
    };
    // News looks back more often than ahead: a later date counts as twice as far.
    let cost = |yy: &i32| {
        let days = (make(*yy) - dct).num_days();
        if days > 0 { 2 * days } else { -days }
    };
    candidates
        .iter()
        .copied()
        .filter(ok)
        .min_by_key(cost)
        .unwrap_or(y)
}

/// Adds `n` months to the month `(y, m)`.
pub(crate) fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + n;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

/// The `n`th (1-based) `wd` of a month; `n = 5` means the last.
pub(crate) fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u32) -> Option<NaiveDate> {
    if n >= 5 {
        let (ny, nm) = add_months(y, m, 1);
        let last = NaiveDate::from_ymd_opt(ny, nm, 1)? - Duration::days(1);
        let back = (last.weekday().num_days_from_monday() as i64
            - wd.num_days_from_monday() as i64)
            .rem_euclid(7);
        return Some(last - Duration::days(back));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn iso_values() {
        for (v, want) in [
            (TimeValue::Day(d("2022-01-07")), "2022-01-07"),
            (TimeValue::week_of(d("2022-01-07")), "2022-W01"),
            (TimeValue::Month(2022, 1), "2022-01"),
            (TimeValue::Quarter(1989, 3), "1989-Q3"),
            (TimeValue::Season(1998, 1), "1998-SU"),
            (TimeValue::Year(2019), "2019"),
            (TimeValue::Decade(1990), "199"),
        ] {
            assert_eq!(v.iso(), want);
        }
    }

    #[test]
    fn weekdays_from_a_monday() {
        let monday = d("2022-01-10");
        for (wd, lean, strict, want) in [
            (Weekday::Fri, Lean::Past, false, "2022-01-07"),
            (Weekday::Fri, Lean::Past, true, "2022-01-07"),
            (Weekday::Sat, Lean::Past, false, "2022-01-08"),
            (Weekday::Mon, Lean::Past, false, "2022-01-10"),
            (Weekday::Mon, Lean::Past, true, "2022-01-03"),
            (Weekday::Fri, Lean::Future, false, "2022-01-14"),
            (Weekday::Mon, Lean::Future, true, "2022-01-17"),
        ] {
            assert_eq!(
                weekday(monday, wd, lean, strict),
                d(want),
                "{wd:?} {lean:?}"
            );
        }
    }

    #[test]
    fn years_for_bare_months() {
        let dct = d("1998-08-09");
        assert_eq!(infer_year(dct, 12, 25, Lean::Nearest), 1997);
        assert_eq!(infer_year(dct, 10, 1, Lean::Nearest), 1998);
        assert_eq!(infer_year(dct, 12, 25, Lean::Future), 1998);
        assert_eq!(infer_year(dct, 12, 25, Lean::Past), 1997);
        assert_eq!(infer_year(dct, 3, 1, Lean::Nearest), 1998);
        assert_eq!(infer_year(d("2022-01-10"), 12, 30, Lean::Nearest), 2021);
        assert_eq!(add_months(2022, 1, -1), (2021, 12));
        assert_eq!(
            nth_weekday(1998, 11, Weekday::Thu, 4),
            Some(d("1998-11-26"))
        );
    }
}
