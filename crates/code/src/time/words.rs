//! Word lists of the time recogniser.

use chrono::Weekday;

/// The month a word names (full or abbreviated: "Jan", "Sept").
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for month words that are abbreviations, which need a day or year after them.
pub(crate) fn is_month_abbreviation(w: &str) -> bool {
    w.len() <= 4 && !matches!(w, "may" | "june" | "july")
}

/// True for month names that are also common words ("may", "march"): alone they need a
/// preposition or a year to count.
pub(crate) fn is_ambiguous_month(w: &str) -> bool {
    matches!(w, "may" | "march" | "august")
}

/// The weekday a word names.
pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Parts of a day that may follow a day reference ("Tuesday night").
pub(crate) fn is_day_part(w: &str) -> bool {
    matches!(
        w,
        "morning" | "afternoon" | "evening" | "night" | "overnight" | "midday" | "noon"
    )
}

/// Small cardinal numbers in words ("two days ago", "a week ago", "a hundred years ago"):
/// the number words of [`crate::numbers`], plus "a"/"an" and "hundred".
pub(crate) fn number_word(w: &str) -> Option<u32> {
    match w {
        "a" | "an" => Some(1),
        "hundred" => Some(100),
        // Number words are whole numbers below 100.
        _ => crate::numbers::word_value(w).map(|v| v as u32),
    }
}

/// Ordinals one to four, in words or digits ("third", "3rd"), for quarters.
pub(crate) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// Seasons: 0 spring, 1 summer, 2 fall, 3 winter.
pub(crate) fn season(w: &str) -> Option<u8> {
    Some(match w {
        "spring" => 0,
        "summer" => 1,
        "fall" | "autumn" => 2,
        "winter" => 3,
        _ => return None,
    })
}

/// Words before a bare four-digit number that make it a year ("in 2019", "fiscal 1989").
pub(crate) fn is_year_cue(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "during"
            | "until"
            | "till"
            | "from"
            | "before"
            | "after"
            | "of"
            | "through"
            | "early"
            | "late"
            | "mid"
            | "fiscal"
            | "year"
            | "around"
            | "circa"
            | "between"
            | "throughout"
            | "spring"
            | "the"
            | "a"
            | "that"
            | "this"
            | "its"
            | "his"
            | "her"
            | "their"
            | "to"
            | "and"
            | "post"
            | "pre"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
    )
}

/// Words that make a following bare weekday or date point ahead ("will meet on Friday").
pub(crate) fn is_future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "ll"
            | "shall"
            | "scheduled"
            | "planned"
            | "plans"
            | "plan"
            | "planning"
            | "intend"
            | "intending"
            | "expects"
            | "expected"
            | "due"
            | "upcoming"
            | "going"
            | "tomorrow"
            | "hopes"
            | "intends"
            | "would"
            | "until"
            | "till"
            | "soon"
            | "postponed"
            | "resume"
    )
}

/// Counted things: a four-digit number before one is a count, not a year ("2000 people").
pub(crate) fn is_count_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "troops"
            | "soldiers"
            | "members"
            | "workers"
            | "votes"
            | "cases"
            | "dollars"
            | "euros"
            | "pounds"
            | "tons"
            | "tonnes"
            | "acres"
            | "feet"
            | "miles"
            | "meters"
            | "metres"
            | "students"
            | "jobs"
            | "homes"
            | "shares"
            | "units"
            | "points"
            | "residents"
            | "police"
            | "officers"
            | "rounds"
            | "kilometers"
            | "kilometres"
            | "protesters"
            | "prisoners"
            | "refugees"
            | "civilians"
            | "deaths"
            | "dead"
    )
}

/// Determiners and possessives: the word before a noun.
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that" | "new"
    )
}

/// Reporting verbs: a future cue before one of them belongs to another clause.
pub(crate) fn is_report_verb(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "announced" | "reported" | "stated" | "added" | "claimed"
    )
}
