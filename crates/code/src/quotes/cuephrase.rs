//! Cue phrases the word lexicon cannot judge alone: "called" before a quoted name (naming),
//! "expressed" without a clause, light verbs with nouns of saying ("made statements"), and
//! phrases that introduce a quote ("as he put it", "the sign reads:").

use super::marks::Marked;
use super::wordclass::{is_final, is_mark};
use super::words::Word;

/// "a militia called the “Liberation Movement”": `call` right before a quoted name (after at
/// most a determiner) names something; it reports no speech.
pub(super) fn naming(ws: &[Word], i: usize, marks: &[Marked]) -> bool {
    if !matches!(
        ws[i].lower().as_str(),
        "call" | "calls" | "called" | "calling"
    ) {
        return false;
    }
    // Only right after a common noun ("a militia called …"); "Trump called “…”" may be speech.
    let after_noun = i > 0
        && ws[i - 1].is_alnum()
        && ws[i - 1].text.chars().all(char::is_lowercase)
        && !matches!(
            ws[i - 1].lower().as_str(),
            "he" | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "it"
                | "who"
                | "which"
                | "and"
                | "also"
                | "has"
                | "have"
                | "had"
                | "was"
                | "is"
                | "were"
                | "are"
                | "then"
                | "once"
        );
    if !after_noun {
        return false;
    }
    let mut k = i + 1;
    if ws.get(k).is_some_and(|w| {
        matches!(
            w.lower().as_str(),
            "the" | "a" | "an" | "itself" | "themselves"
        )
    }) {
        k += 1;
    }
    // The mark may have been dropped from the speech marks already as a name.
    let Some(w) = ws.get(k) else { return false };
    is_mark(w.text)
        && marks
            .iter()
            .all(|m| m.outer.start != w.span.start || m.inner.len() < 80)
}

/// "expressed concern that …", "expressed his anger: “…”": `express` reports speech only when
/// a clause or a quote follows within a few words ("expressed their discontent" does not).
pub(super) fn clause_follows(ws: &[Word], i: usize, marks: &[Marked]) -> bool {
    ws.iter().skip(i + 1).take(6).any(|w| {
        w.lower() == "that" || w.text == ":" || marks.iter().any(|m| m.outer.start == w.span.start)
    })
}

/// "as Will put it, “…”", "the sign reads: “…”": cues only before a quote or a colon. The index
/// of the cue's last word.
pub(super) fn phrase_cue(ws: &[Word], i: usize) -> Option<usize> {
    let quote_at = |k: usize| {
        ws.get(k).is_some_and(|w| w.text == ":" || is_mark(w.text))
            || ws.get(k).is_some_and(|w| w.text == ",")
                && ws.get(k + 1).is_some_and(|w| is_mark(w.text))
    };
    // "“…,” the sign reads" / "“…,” read one": right after a quote.
    let after_quote = |k: usize| {
        (1..=3).any(|b| {
            k >= b
                && ws[k - b].text != ","
                && is_mark(ws[k - b].text)
                && ws[k - b + 1..k]
                    .iter()
                    .all(|w| w.text == "," || w.is_alnum() && b > 1)
        })
    };
    match ws[i].lower().as_str() {
        "read" | "reads" if quote_at(i + 1) || after_quote(i) => Some(i),
        // "as he put it", before or after the quote.
        "put" | "puts"
            if ws.get(i + 1).is_some_and(|w| w.lower() == "it")
                && (quote_at(i + 2)
                    || ws.get(i + 2).is_none_or(|w| is_final(w.text))
                    || i > 1 && ws[..i].iter().rev().take(4).any(|w| w.lower() == "as")) =>
        {
            Some(i + 1)
        }
        _ => None,
    }
}

/// "made statements", "issued a statement", "gave remarks": the index of the noun when the verb
/// at `i` is a light verb followed (after at most two determiners or adjectives) by a noun of
/// saying.
pub(super) fn statement_noun(ws: &[Word], i: usize) -> Option<usize> {
    let verb = ws[i].lower();
    if !matches!(
        verb.as_str(),
        "make"
            | "makes"
            | "made"
            | "making"
            | "issue"
            | "issues"
            | "issued"
            | "issuing"
            | "release"
            | "releases"
            | "released"
            | "releasing"
            | "give"
            | "gives"
            | "gave"
            | "given"
            | "giving"
    ) {
        return None;
    }
    (i + 1..(i + 4).min(ws.len()))
        .find(|&k| {
            matches!(
                ws[k].lower().as_str(),
                "statement" | "statements" | "remarks" | "comments" | "announcement"
            )
        })
        .filter(|&k| {
            ws[i + 1..k]
                .iter()
                .all(|w| w.is_alnum() && w.text.chars().next().is_some_and(char::is_lowercase))
        })
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;
    use herald_core::Span;

    #[test]
    fn read_introduces_or_closes_a_quote() {
        let at = |text: &str| {
            let ws = words(text, Span::new(0, text.len()));
            let i = ws
                .iter()
                .position(|w| w.lower().starts_with("read"))
                .unwrap();
            phrase_cue(&ws, i).is_some()
        };
        assert!(at("The sign reads: “Closed”."));
        assert!(at("“Go home,” read one banner."));
        assert!(at("“Go home,” the banner reads."));
        assert!(!at("She reads the paper every day."));
        assert!(!at("“Go home” is what he read in the paper."));
    }
}
