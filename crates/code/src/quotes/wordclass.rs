//! Word classes the attribution shapes test: quotation marks, sentence ends, subordinators,
//! adjuncts, times, and what starts a clause.

use super::words::Word;

pub(super) fn is_open_mark(w: &str) -> bool {
    matches!(w, "“" | "``" | "„" | "‘")
}

pub(super) fn is_close_mark(w: &str) -> bool {
    matches!(w, "”" | "''" | "’")
}

pub(super) fn is_mark(w: &str) -> bool {
    is_open_mark(w) || is_close_mark(w) || w == "\"" || w == "'"
}

/// Sentence-final punctuation.
pub(super) fn is_final(w: &str) -> bool {
    matches!(w, "." | "!" | "?" | "…")
}

/// Words that open a subordinate clause before the main clause ("Since the riots began, …").
pub(super) fn is_subordinator(lower: &str) -> bool {
    matches!(
        lower,
        "since"
            | "when"
            | "after"
            | "as"
            | "while"
            | "although"
            | "though"
            | "if"
            | "because"
            | "despite"
            | "in"
            | "on"
            | "for"
            | "meanwhile"
            | "however"
            | "before"
            | "during"
            | "with"
            | "without"
            | "unlike"
            | "like"
            | "amid"
            | "following"
            | "at"
            | "by"
            | "yesterday"
            | "today"
            | "earlier"
            | "later"
            | "but"
            | "and"
            | "still"
            | "yet"
            | "instead"
            | "also"
            | "now"
            | "then"
            | "here"
            | "once"
    )
}

/// Prepositions that open an adjunct after a cue ("said on Monday", "spoke in Almaty").
pub(super) fn is_adjunct(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "with"
            | "from"
            | "while"
            | "when"
            | "since"
            | "last"
            | "yesterday"
            | "today"
            | "earlier"
            | "later"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Days and times that sit between a speaker and the cue ("Pence on Thursday blamed").
pub(super) fn is_time_word(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "weekend"
    )
}

pub(super) fn is_close_mark_or_straight(w: &str) -> bool {
    is_close_mark(w) || w == "\"" || w == "'"
}

/// Whether the words from `k` start like a clause (a subject), for weak cues without "that".
pub(super) fn clause_like(ws: &[Word], k: usize) -> bool {
    ws.get(k).is_some_and(|w| {
        let l = w.lower();
        matches!(
            l.as_str(),
            "he" | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "you"
                | "there"
                | "the"
                | "this"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "most"
                | "many"
                | "some"
                | "no"
                | "all"
        ) || (w.is_capitalized() && ws.get(k + 1).is_some_and(|n| n.is_alnum()))
    })
}
