//! Speakers: the noun phrase next to a cue.
//!
//! Noun phrases are read off the surface (capitalised runs, determiners, `of`, possessives), so
//! they need no parse. What a pronoun or description refers to is [`super::coref`]'s.

use super::words::Word;

/// Personal and relative pronouns that can be speakers.
pub(crate) fn is_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "he" | "she" | "they" | "i" | "we" | "you" | "it" | "who" | "which" | "that"
    )
}

pub(super) fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "some"
            | "many"
            | "most"
            | "several"
            | "other"
            | "both"
            | "all"
            | "one"
            | "two"
            | "three"
            | "few"
            | "no"
            | "each"
            | "every"
            | "another"
            | "such"
    )
}

/// Words that end a noun phrase walking outwards.
pub(super) fn is_boundary(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "after"
            | "before"
            | "during"
            | "while"
            | "when"
            | "if"
            | "than"
            | "about"
            | "into"
            | "over"
            | "under"
            | "and"
            | "but"
            | "or"
            | "because"
            | "since"
            | "although"
            | "though"
            | "that"
            | "who"
            | "which"
            | "whom"
            | "where"
            | "whose"
            | "what"
            | "not"
            | "also"
            | "so"
            | "yet"
            | "then"
            | "there"
            | "here"
            | "be"
            | "is"
            | "was"
            | "were"
            | "are"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "do"
            | "does"
            | "did"
            | "said"
            | "says"
            | "say"
            | "told"
            | "like"
            | "unlike"
            | "against"
            | "without"
            | "through"
            | "per"
            | "via"
            | "among"
            | "between"
            | "until"
            | "once"
            | "upon"
            | "up"
            | "down"
            | "out"
            | "off"
            | "just"
            | "even"
            | "however"
            | "meanwhile"
            | "yesterday"
            | "today"
            | "tonight"
            | "now"
            | "later"
            | "earlier"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "them"
            | "us"
            | "me"
            | "how"
            | "why"
            | "whether"
            | "very"
            | "too"
            | "only"
            | "according"
            | "adding"
            | "saying"
            | "noting"
    )
}

/// A boundary word, but not an acronym that looks like one ("US", "IT").
fn stops(w: &Word) -> bool {
    let acronym = w.text.len() > 1 && w.text.chars().all(|c| c.is_uppercase() || c == '.');
    !acronym && is_boundary(&w.lower())
}

/// Index range `[start, end]` (inclusive) of the noun phrase ending at word `j`, if one does.
pub(crate) fn np_left(ws: &[Word], j: usize, floor: usize) -> Option<(usize, usize)> {
    let w = ws.get(j)?;
    if !w.is_alnum() {
        return None;
    }
    let lower = w.lower();
    if is_pronoun(&lower) {
        return Some((j, j));
    }
    if is_boundary(&lower) || is_determiner(&lower) {
        return None;
    }
    let mut start = j;
    let mut k = j;
    while k > floor && j - k < 9 {
        let prev = &ws[k - 1];
        let pl = prev.lower();
        if is_determiner(&pl) {
            // "Mr. Morgan of the Sierra Club": the phrase goes on over "of the".
            if k >= floor + 3
                && ws[k - 2].lower() == "of"
                && ws[k - 3].is_capitalized()
                && !stops(&ws[k - 3])
            {
                k -= 2;
                start = k;
                continue;
            }
            start = k - 1;
            break;
        }
        let ok = if prev.text == "'s" || prev.text == "’s" {
            true
        } else if pl == "of" || pl == "and" {
            // "Secretary of State", "head of European diplomacy", "the senator and candidate".
            k >= 2 && ws[k - 2].is_alnum() && !stops(&ws[k - 2])
        } else {
            prev.is_alnum() && !stops(prev)
        };
        if !ok {
            break;
        }
        k -= 1;
        start = k;
    }
    Some((start, j))
}

/// Index range of the noun phrase starting at word `j` ("said the minister", "according to
/// the Ministry of the Interior").
pub(crate) fn np_right(ws: &[Word], j: usize, ceil: usize) -> Option<(usize, usize)> {
    let w = ws.get(j)?;
    if j >= ceil || !w.is_alnum() {
        return None;
    }
    let lower = w.lower();
    if is_pronoun(&lower) {
        return Some((j, j));
    }
    // "'' of the proposals, Mr. Lee said": a phrase opening with "of" is no noun phrase.
    if is_boundary(&lower) || lower == "of" {
        return None;
    }
    let mut end = j;
    let mut k = j + 1;
    while k < ceil && k - j < 10 {
        let w = &ws[k];
        let l = w.lower();
        let ok = if w.text == "'s" || w.text == "’s" {
            true
        } else if l == "of" || l == "the" {
            ws.get(k + 1).is_some_and(|n| n.is_alnum() && !stops(n))
        } else {
            w.is_alnum() && !stops(w) && !super::cues::is_aux_or_adverb(&l) && !past_verb(ws, k)
        };
        if !ok {
            break;
        }
        end = k;
        k += 1;
    }
    Some((j, end))
}

/// "The head of diplomacy expressed his concern": a lower-case `-ed` word followed by a
/// determiner or possessive is a past-tense verb, which ends the subject ("the armed forces"
/// is no verb: a noun follows).
fn past_verb(ws: &[Word], k: usize) -> bool {
    let l = ws[k].lower();
    l.len() > 4
        && l.ends_with("ed")
        && ws[k].text.chars().next().is_some_and(char::is_lowercase)
        && ws.get(k + 1).is_some_and(|n| {
            matches!(
                n.lower().as_str(),
                "his" | "her" | "their" | "its" | "our" | "the" | "a" | "an" | "that" | "to"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;
    use herald_core::Span;

    fn left(text: &str, cue: &str) -> String {
        let ws = words(text, Span::new(0, text.len()));
        let i = ws.iter().position(|w| w.text == cue).unwrap();
        match np_left(&ws, i - 1, 0) {
            Some((a, b)) => ws[a].span.cover(ws[b].span).slice(text).to_string(),
            None => String::new(),
        }
    }

    #[test]
    fn noun_phrases_left() {
        let cases = [
            ("Officials in Almaty said", "said", "Almaty"),
            (
                "US Secretary of State Antony Blinken told",
                "told",
                "US Secretary of State Antony Blinken",
            ),
            (
                "and the head of European diplomacy expressed",
                "expressed",
                "the head of European diplomacy",
            ),
            ("Yesterday he said", "said", "he"),
            (
                "as BBC correspondent Jane Doe laments",
                "laments",
                "BBC correspondent Jane Doe",
            ),
            (
                "the president's spokesman said",
                "said",
                "the president's spokesman",
            ),
            ("Mr. Smith said", "said", "Mr. Smith"),
            (
                "Ann Lee of the Valley Club said",
                "said",
                "Ann Lee of the Valley Club",
            ),
            ("a member of the club said", "said", "the club"),
        ];
        for (text, cue, want) in cases {
            assert_eq!(left(text, cue), want, "{text}");
        }
    }
}
