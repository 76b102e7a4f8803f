//! Attributions in one sentence: cue, speaker and the content the cue governs.
//!
//! Three shapes, read off the surface around each cue:
//! - speaker, cue, content: "Putin said (that) …", "Blinken told a press conference that …";
//! - content, speaker and cue: "… , he added." / "“…,” said Psaki." (the content may be a quote
//!   that began sentences earlier);
//! - "according to X, …" / "…, according to X".
//!
//! Participles after a comma ("…, calling the protests …") take the main clause's subject.

use super::cuephrase::{clause_follows, naming, phrase_cue, statement_noun};
use super::cues::{CueKind, cue_kind, is_aux_or_adverb, is_cue_particle};
use super::marks::Marked;
use super::speaker::{np_left, np_right};
use super::wordclass::{
    clause_like, is_adjunct, is_close_mark_or_straight, is_final, is_mark, is_open_mark,
    is_subordinator, is_time_word,
};
use super::words::Word;
use herald_core::Span;

/// One attribution found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Attribution {
    /// Word range (inclusive) of the speaker phrase in the sentence's words.
    pub speaker: (usize, usize),
    /// The cue's bytes.
    pub cue: Span,
    /// The content, one or more stretches of bytes.
    pub pieces: Vec<Span>,
    /// Speaker and cue together: the words that are not content.
    pub group: Span,
}

/// Finds the attributions of one sentence. `marks` are the document's quotes.
/// `headline` is true for the document's title line, where "Name: claim" attributes the claim.
pub(crate) fn attributions(ws: &[Word], marks: &[Marked], headline: bool) -> Vec<Attribution> {
    let quoted = |w: &Word| marks.iter().any(|m| m.inner.contains(w.span));
    let mut out: Vec<Attribution> = Vec::new();
    let mut clause_start = 0;
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        // "“…” ― Ana Ruiz": a dash and a name signing the quote before it.
        if is_dash(w.text)
            && let Some(a) = signature(ws, i, marks)
        {
            out.push(a);
            clause_start = i + 1;
            i += 1;
            continue;
        }
        // "Lynch: No outside influence on the probe." (a headline): the name before the colon
        // said what follows it.
        if headline
            && w.text == ":"
            && clause_start == 0
            && i > 0
            && i <= 6
            && !ws[0].text.eq_ignore_ascii_case("the")
            && ws[0].is_capitalized()
            // "Obama on Climate Change: …": the name is the phrase the headline opens with.
            && let Some(np) = np_left(ws, i - 1, 0)
                .filter(|np| np.0 == 0)
                .or_else(|| np_right(ws, 0, i))
        {
            let mut e = ws.len();
            while e > i + 1 && is_final(ws[e - 1].text) {
                e -= 1;
            }
            if e > i + 2 {
                out.push(Attribution {
                    speaker: np,
                    cue: w.span,
                    pieces: vec![ws[i + 1].span.cover(ws[e - 1].span)],
                    group: ws[0].span.cover(w.span),
                });
                clause_start = e;
                i = e;
                continue;
            }
        }
        // "Trump: “…”" (headlines, transcripts): a name at the clause start, a colon, a quote.
        if w.text == ":"
            && i > clause_start
            && let Some(m) = marks
                .iter()
                .find(|m| m.outer.start >= w.span.end && m.outer.start - w.span.end <= 2)
            && let Some(np) = np_left(ws, i - 1, clause_start)
            // "Polls held up - Ann Lee: “…”", "More from Lee: “…”" too.
            && (np.0 == clause_start
                || ws[np.0].is_capitalized()
                    && (matches!(ws[np.0 - 1].text, "-" | "—" | "–")
                        || ws[np.0 - 1].lower() == "from"))
        {
            out.push(Attribution {
                speaker: np,
                cue: w.span,
                pieces: vec![m.outer],
                group: ws[np.0].span.cover(w.span),
            });
            clause_start = i + 1;
            i += 1;
            continue;
        }
        // "he demurred: “…”", "Smith shot back: “…”": any past-tense verb before a colon and a
        // quote reports it.
        if w.text == ":"
            && i > clause_start + 1
            && let Some(m) = marks
                .iter()
                .find(|m| m.outer.start >= w.span.end && m.outer.start - w.span.end <= 2)
            && let Some(v) = verb_before(ws, i)
            && v > clause_start
            && cue_kind(&ws[v].lower()).is_none()
            && let Some(np) = speaker_left(ws, v, clause_start)
            && np.1 < v
        {
            out.push(Attribution {
                speaker: np,
                cue: ws[v].span.cover(ws[i - 1].span),
                pieces: vec![m.outer],
                group: ws[np.0].span.cover(w.span),
            });
            clause_start = i + 1;
            i += 1;
            continue;
        }
        // "“This is fantastic!” beamed Ann Lee", "“…,” Lee shot back": any verb after a quote
        // that ends in a comma, "!" or "?".
        if is_close_mark_or_straight(w.text)
            && i > 0
            && matches!(ws[i - 1].text, "," | "!" | "?")
            && let Some(m) = marks.iter().find(|m| m.outer.end == w.span.end)
            && !out
                .iter()
                .any(|a| a.pieces.iter().any(|p| p.contains(m.inner)))
            && let Some(a) = after_quote(ws, i, m)
        {
            out.push(a);
            clause_start = i + 1;
            i += 1;
            continue;
        }
        if !w.is_alnum() || quoted(w) {
            i += 1;
            continue;
        }
        let lower = w.lower();
        if lower == "as"
            && !out
                .iter()
                .any(|a| a.pieces.iter().any(|p| p.contains(w.span)))
            && let Some(a) = branding(ws, i, clause_start, marks)
        {
            clause_start = i + 1;
            out.push(a);
            i += 1;
            continue;
        }
        if lower == "according" && ws.get(i + 1).is_some_and(|n| n.lower() == "to") {
            if let Some(a) = according(ws, i, clause_start) {
                clause_start = i + 2;
                out.push(a);
            }
            i += 2;
            continue;
        }
        // "made statements", "issued a statement": a light verb and a noun of saying.
        let noun_cue = statement_noun(ws, i);
        let phrase_cue = phrase_cue(ws, i);
        let Some(kind) = cue_kind(&lower).or(noun_cue.or(phrase_cue).map(|_| CueKind::Strong))
        else {
            i += 1;
            continue;
        };
        let prev = i.checked_sub(1).map(|p| ws[p].lower());
        if prev.as_deref().is_some_and(|p| {
            matches!(
                p,
                "the"
                    | "a"
                    | "an"
                    | "to"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "'s"
                    | "’s"
                    | "this"
                    | "that"
                    | "no"
                    | "any"
                    | "without"
            )
        })
            // "He’s claiming": after a pronoun, 's is "is" or "has", no possessive.
            && !(prev.as_deref() == Some("'s")
                && i >= 2
                && super::speaker::is_pronoun(&ws[i - 2].lower()))
        {
            i += 1;
            continue;
        }
        // "uttering charges that", "denied claims that": a plural noun right after a verb.
        if i > 0 && object_noun(&ws[..=i]) || counted_noun(ws, i) {
            i += 1;
            continue;
        }
        // "the United States", "Fox News Reports": a capitalised word inside a name is no cue.
        if i > 0
            && ws[i].text.chars().next().is_some_and(char::is_uppercase)
            && ws[i - 1]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && matches!(
                lower.as_str(),
                "states" | "post" | "report" | "reports" | "notes" | "calls" | "times"
            )
        {
            i += 1;
            continue;
        }
        // "claimed the lives of", "continued to lead": not speech.
        let next = ws.get(i + 1).map(|w| w.lower()).unwrap_or_default();
        let next2 = ws.get(i + 2).map(|w| w.lower()).unwrap_or_default();
        if (lower.starts_with("claim") && (next == "lives" || next2 == "lives" || next2 == "life"))
            || (lower.starts_with("continu") && (next == "to" || next.ends_with("ing")))
            || naming(ws, i, marks)
            || (lower.starts_with("express") && !clause_follows(ws, i, marks))
        {
            i += 1;
            continue;
        }
        let mut cue_end = noun_cue.or(phrase_cue).unwrap_or(i);
        if ws
            .get(i + 1)
            .is_some_and(|n| is_cue_particle(&lower, &n.lower()))
        {
            cue_end = i + 1;
        }
        let prev_speaker = out.last().map(|a| a.speaker);
        if let Some(a) = at_cue(ws, i, cue_end, kind, clause_start, marks, prev_speaker)
            // "made statements" introduces what follows; it does not close a quote before it.
            && (noun_cue.is_none() || a.pieces.iter().all(|p| p.start >= ws[i].span.end))
            // …and only a clause or a quote: "made statements along these lines" says nothing.
            && (noun_cue.is_none()
                || ws.get(cue_end + 1).is_some_and(|w| {
                    // "issued a statement saying …" too.
                    matches!(w.text, "that" | ":" | ",")
                        || is_mark(w.text)
                        || cue_kind(&w.lower()).is_some()
                }))
        {
            clause_start = cue_end + 1;
            out.push(a);
        }
        i = cue_end + 1;
    }
    // "She says she hopes …": a weak cue inside a content is part of it, no attribution.
    let weak = |a: &Attribution| {
        ws.iter()
            .find(|w| w.span.start == a.cue.start)
            .is_some_and(|w| cue_kind(&w.lower()) == Some(CueKind::Weak))
    };
    let nested: Vec<bool> = out
        .iter()
        .enumerate()
        .map(|(k, a)| {
            weak(a)
                && out[..k]
                    .iter()
                    .any(|o| o.pieces.iter().any(|p| p.contains(a.group)))
        })
        .collect();
    let mut keep = nested.iter().map(|n| !n);
    out.retain(|_| keep.next().unwrap_or(true));
    // A content runs up to the next attribution's speaker and cue, not over them.
    for k in 1..out.len() {
        let next = out[k].group;
        for p in &mut out[k - 1].pieces {
            if p.start < next.start && p.end > next.start {
                let cut = ws
                    .iter()
                    .rposition(|w| {
                        w.span.end <= next.start
                            && w.is_alnum()
                            && !matches!(w.lower().as_str(), "and" | "but" | "while")
                            || w.span.end <= next.start && is_mark(w.text)
                    })
                    .map_or(p.start, |x| ws[x].span.end);
                if cut > p.start {
                    p.end = cut;
                }
            }
        }
    }
    out
}

fn is_dash(w: &str) -> bool {
    matches!(w, "―" | "—" | "–")
}

/// "“…” ― Ana Ruiz": the dash at `i` right after a closing quote (in this sentence or ending
/// the one before), then a capitalised name and nothing else in its clause.
fn signature(ws: &[Word], i: usize, marks: &[Marked]) -> Option<Attribution> {
    let at = ws[i].span.start;
    let m = if i == 0 {
        marks
            .iter()
            .find(|m| m.closed && m.outer.end <= at && at - m.outer.end <= 4)?
    } else {
        let mut k = i - 1;
        if k > 0 && matches!(ws[k].text, "." | ",") {
            k -= 1;
        }
        if !is_close_mark_or_straight(ws[k].text) {
            return None;
        }
        let end = ws[k].span.end;
        marks.iter().find(|m| m.closed && m.outer.end == end)?
    };
    let np = np_right(ws, i + 1, ws.len())?;
    let name = &ws[np.0..=np.1];
    let done = ws
        .get(np.1 + 1)
        .is_none_or(|w| is_final(w.text) || is_mark(w.text) || w.text == ",");
    (done && name.iter().all(Word::is_capitalized) && name.len() <= 5).then(|| Attribution {
        speaker: np,
        cue: ws[i].span,
        pieces: vec![m.outer],
        group: ws[i].span.cover(ws[np.1].span),
    })
}

/// The speaker left of the cue at `i`: skips auxiliaries and adverbs, and an apposition
/// ("Borrell, the EU's foreign policy chief, said").
fn speaker_left(ws: &[Word], i: usize, floor: usize) -> Option<(usize, usize)> {
    let mut j = i.checked_sub(1)?;
    // "She regularly tells", "he erroneously suggested": any -ly adverb.
    let adverb = |w: &Word| {
        let l = w.lower();
        l.len() > 4
            && l.ends_with("ly")
            && w.text.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                l.as_str(),
                "family" | "rally" | "ally" | "assembly" | "supply"
            )
    };
    // "He’s claiming", "she's said": the contracted auxiliary after a pronoun.
    let contracted = |k: usize| {
        k > floor
            && matches!(ws[k].text, "'s" | "’s")
            && super::speaker::is_pronoun(&ws[k - 1].lower())
    };
    while j > floor
        && (is_aux_or_adverb(&ws[j].lower())
            || is_time_word(&ws[j].lower())
            || adverb(&ws[j])
            || contracted(j))
    {
        j -= 1;
        // "on Thursday", "late Monday".
        if is_time_word(&ws[j + 1].lower())
            && j > floor
            && matches!(
                ws[j].lower().as_str(),
                "on" | "late" | "early" | "last" | "this"
            )
        {
            j -= 1;
        }
    }
    if j < floor {
        return None;
    }
    // "Gov. John Kasich (R-OH), said", "Rep. Earl Blumenauer (D-Ore.) said": skip the
    // parenthesis after the name.
    if j > floor && ws[j].text == "," && ws[j - 1].text == ")" {
        j -= 1;
    }
    if ws[j].text == ")"
        && let Some(o) = (floor..j).rev().take(8).find(|&k| ws[k].text == "(")
    {
        j = o.checked_sub(1)?;
        if j < floor {
            return None;
        }
    }
    if ws[j].text == "," {
        // "Ann Lee, 59, of Dover, Del., who watched it, said": a name, then a chain of
        // appositions (age, home town, state, relative clause); the name is the speaker.
        if let Some(np) = apposition_chain(ws, j, floor) {
            return Some(np);
        }
        // A relative clause, however long: "Trump, who … border, said".
        if let Some(k) = (floor..j).rev().take(40).find(|&k| {
            ws[k].text == ","
                && ws
                    .get(k + 1)
                    .is_some_and(|w| matches!(w.lower().as_str(), "who" | "whose"))
        }) && !ws[k + 1..j].iter().any(|w| is_mark(w.text))
            && let Some(np) = np_left(ws, k.checked_sub(1)?, floor)
        {
            return Some(np);
        }
        // "Forbes, however, says".
        if j >= 2
            && j - 2 >= floor
            && ws[j - 2].text == ","
            && matches!(
                ws[j - 1].lower().as_str(),
                "however" | "though" | "meanwhile" | "instead" | "too" | "therefore" | "though,"
            )
        {
            return np_left(ws, j.checked_sub(3)?, floor);
        }
        // "Reid (D-Nev.), in particular, has", "Lee, for her part, said": a short adverbial
        // between commas; the speaker is before it.
        if let Some(k) = (floor..j).rev().take(4).find(|&k| ws[k].text == ",")
            && parenthetical(&ws[k + 1..j])
            && k > floor
        {
            return speaker_left(ws, k, floor);
        }
        // Apposition: ", the … ," before the cue; the speaker is the phrase inside it.
        // "Ari Lee, a former aide who now sits on the board of the club, said": a long one
        // opens with an article and holds a relative clause.
        let k = (floor..j)
            .rev()
            .take(14)
            .find(|&k| ws[k].text == ",")
            .or_else(|| {
                (floor..j).rev().take(40).find(|&k| {
                    ws[k].text == ","
                        && matches!(ws[k + 1].lower().as_str(), "a" | "an" | "the")
                        && ws[k + 1..j]
                            .iter()
                            .any(|w| matches!(w.lower().as_str(), "who" | "which" | "that"))
                })
            })?;
        if ws[k + 1..j].iter().any(|w| is_mark(w.text)) {
            return None;
        }
        let inner = np_left(ws, j - 1, k + 1)?;
        let outer = np_left(ws, k.checked_sub(1)?, floor);
        return Some(outer.unwrap_or(inner));
    }
    let mut np = np_left(ws, j, floor)?;
    // "Trump in his speech called", "Lee at a rally said": the subject before the adjunct.
    // "Protesters marching through the streets chanted": before a participle and its place
    // too. "who in 2010 said": a year is an adjunct.
    if np.0 >= floor + 2
        && matches!(
            ws[np.0 - 1].lower().as_str(),
            "in" | "at"
                | "during"
                | "on"
                | "through"
                | "across"
                | "outside"
                | "inside"
                | "near"
                | "around"
        )
    {
        let mut k = np.0 - 2;
        let before = &ws[k];
        let participle = before.text.starts_with(char::is_lowercase)
            && before.text.len() > 4
            && before.text.ends_with("ing")
            && cue_kind(&before.lower()).is_none();
        let year = np.0 == np.1
            && ws[np.0].text.len() == 4
            && ws[np.0].text.chars().all(|c| c.is_ascii_digit());
        if participle && k > floor {
            k -= 1;
        }
        let determiner = super::speaker::is_determiner(&ws[np.0].lower());
        if (determiner || (participle && k < np.0 - 2) || year)
            && let Some(subject) = np_left(ws, k, floor)
        {
            if determiner && !participle {
                return Some(subject);
            }
            np = subject;
        }
    }
    // "the resolution which said", "Clinton, who said": the relative pronoun's antecedent.
    if np.0 == np.1 && np.0 > floor + 1 && matches!(ws[np.0].lower().as_str(), "who" | "which") {
        let k = if ws[np.0 - 1].text == "," {
            np.0 - 2
        } else {
            np.0 - 1
        };
        if k >= floor
            && let Some(a) = np_left(ws, k, floor)
        {
            return Some(a);
        }
    }
    Some(np)
}

/// "rejected claims that", "and uttering charges that": a cue word in `-s` right after a
/// lower-case verb form in `-ed`, or in `-ing` after a conjunction, comma, preposition or
/// auxiliary, is that verb's object, a noun ("the same polling suggests" keeps its cue).
fn object_noun(ws: &[Word]) -> bool {
    let [.., before, prev, w] = ws else {
        return false;
    };
    let p = prev.lower();
    let l = w.lower();
    let verb = p.ends_with("ed")
        || p.ends_with("ing")
            && (matches!(
                before.lower().as_str(),
                "," | "and" | "but" | "while" | "by" | "after" | "before" | "without"
            ) || is_aux_or_adverb(&before.lower()));
    prev.text.starts_with(char::is_lowercase)
        && p.len() > 4
        && verb
        && !matches!(p.as_str(), "according" | "during" | "including")
        && l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
}

/// "the 15 states that", "two reports": a cue word in `-s` after a number is a noun.
fn counted_noun(ws: &[Word], i: usize) -> bool {
    let l = ws[i].lower();
    i > 0
        && l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && (ws[i - 1].text.chars().all(|c| c.is_ascii_digit())
            || matches!(
                ws[i - 1].lower().as_str(),
                "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
            ))
}

/// "…, Lee said, would make": a lower-case word that carries the clause on after a cue set off
/// by commas (not a conjunction, relative, participle, adjunct or another cue).
fn continues_clause(w: &Word) -> bool {
    let l = w.lower();
    w.is_alnum()
        && w.text.starts_with(char::is_lowercase)
        && !l.ends_with("ing")
        && cue_kind(&l).is_none()
        && !is_adjunct(&l)
        && !is_time_word(&l)
        && !matches!(
            l.as_str(),
            "and" | "but" | "or" | "who" | "which" | "as" | "according" | "so" | "then" | "for"
        )
}

/// "in particular", "for his part", "in turn", "for example", "too": a short adverbial set off
/// by commas.
fn parenthetical(seg: &[Word]) -> bool {
    let lower_words = seg.iter().all(|w| {
        w.text
            .chars()
            .all(|c| c.is_alphabetic() && c.is_lowercase())
    });
    let Some(first) = seg.first() else {
        return false;
    };
    let l = first.lower();
    lower_words
        && (seg.len() >= 2 && matches!(l.as_str(), "in" | "for" | "at" | "by" | "of" | "on")
            || seg.len() == 1
                && (l.len() > 4 && l.ends_with("ly")
                    || matches!(
                        l.as_str(),
                        "however" | "though" | "meanwhile" | "instead" | "too" | "therefore"
                    )))
}

/// A segment between commas that only adds to the name before it: an age ("59"), a home
/// ("of Dover", "from Ohio"), a relative clause ("who watched it") or a description ("a
/// retired teacher"). A state or country ("Del.", "Ohio") counts right after a home only.
fn appositive(seg: &[Word], after_home: bool) -> bool {
    let Some(first) = seg.first() else {
        return false;
    };
    let l = first.lower();
    let words = seg.iter().filter(|w| w.is_alnum()).count();
    if matches!(l.as_str(), "who" | "whose") {
        return words <= 30;
    }
    if words == 0 || words > 12 {
        return false;
    }
    let age = first.text.chars().all(|c| c.is_ascii_digit()) && words == 1;
    let description = matches!(l.as_str(), "a" | "an");
    let place = after_home
        && words <= 2
        && seg
            .iter()
            .all(|w| w.text == "." || (w.is_capitalized() && w.is_alnum()));
    age || home(seg) || description || place
}

/// "of Dover", "from New York": where a person is from.
fn home(seg: &[Word]) -> bool {
    seg.len() >= 2
        && matches!(seg[0].lower().as_str(), "of" | "from")
        && seg[1..]
            .iter()
            .all(|w| w.text == "." || (w.is_capitalized() && w.is_alnum()))
}

/// "Ann Lee, 59, of Dover, Del., said": at the comma `j` before the cue, walks back over at
/// least two appositive segments to a capitalised name that fills its own segment.
fn apposition_chain(ws: &[Word], j: usize, floor: usize) -> Option<(usize, usize)> {
    let lo = floor.max(j.saturating_sub(60));
    // The commas before the cue, right to left, up to six.
    let mut commas = vec![j];
    while commas.len() < 7
        && let Some(k) = (lo..*commas.last()?).rev().find(|&k| ws[k].text == ",")
    {
        commas.push(k);
    }
    for n in 1..commas.len() {
        let (k, end) = (commas[n], commas[n - 1]);
        let seg = &ws[k + 1..end];
        let left = commas.get(n + 1).map_or(floor, |&c| c + 1);
        let after_home = home(&ws[left..k]);
        if seg.iter().any(|w| is_mark(w.text)) || !appositive(seg, after_home) {
            return None;
        }
        let mut last = k.checked_sub(1)?;
        // "Md.": the abbreviation's point is a word of its own.
        if ws[last].text == "." && last > floor {
            last -= 1;
        }
        let Some(np) = np_left(ws, last, floor) else {
            continue;
        };
        let name = &ws[np.0..=np.1];
        if n >= 2
            && np.0 == left
            && name.len() >= 2
            && name.iter().all(|w| w.is_capitalized() || w.text == ".")
        {
            return Some(np);
        }
    }
    None
}

/// The main clause's subject, for a participle cue ("…, calling the protests …").
fn main_subject(ws: &[Word], before: usize) -> Option<(usize, usize)> {
    let mut s = 0;
    // A quote opening the sentence is not its subject: "“I said no,” Lee said, adding …".
    if ws
        .first()
        .is_some_and(|w| is_open_mark(w.text) || w.text == "\"")
    {
        s = (1..before)
            .find(|&k| is_close_mark_or_straight(ws[k].text))
            .map_or(before, |k| k + 1);
    }
    while s < before && !ws[s].is_alnum() {
        s += 1;
    }
    // "Asked on Monday whether …, Mrs. Clinton said": a leading participle clause is skipped.
    let participial = ws.get(s).is_some_and(|w| {
        let l = w.lower();
        l.len() > 4 && (l.ends_with("ed") || l.ends_with("ing"))
    }) && (s..before).any(|k| ws[k].text == ",");
    if participial || ws.get(s).is_some_and(|w| is_subordinator(&w.lower())) {
        s = (s..before).find(|&k| ws[k].text == ",")? + 1;
    }
    np_right(ws, s, before)
}

fn at_cue(
    ws: &[Word],
    i: usize,
    cue_end: usize,
    kind: CueKind,
    clause_start: usize,
    marks: &[Marked],
    prev_speaker: Option<(usize, usize)>,
) -> Option<Attribution> {
    let n = ws.len();
    let floor = (clause_start..i)
        .rev()
        .find(|&k| is_mark(ws[k].text))
        .map_or(clause_start, |k| k + 1);
    let lower = ws[i].lower();
    let participle = lower.ends_with("ing");
    let after_comma = i > 0
        && (ws[i - 1].text == ","
            || (is_close_mark_or_straight(ws[i - 1].text) && i > 1 && ws[i - 2].text == ","));
    let mut inverted = false;
    // "and called", "but said", and "said answering a question": the same speaker.
    let coordinated = i > 0
        && (matches!(ws[i - 1].lower().as_str(), "and" | "but")
            || participle && cue_kind(&ws[i - 1].lower()).is_some());
    // "I laughed and said": a verb of its own before "and" has its own subject, when that
    // subject opens the clause.
    let own_subject = (i >= 3 && matches!(ws[i - 1].lower().as_str(), "and" | "but"))
        .then(|| i - 2)
        .filter(|&v| past_tense(&ws[v]) && cue_kind(&ws[v].lower()).is_none())
        .and_then(|v| np_left(ws, v - 1, floor))
        .filter(|np| {
            let opens = np.0 == 0 || matches!(ws[np.0 - 1].text, "," | ";" | ":");
            np.1 + 3 == i && opens && (np.0 == np.1 || ws[np.0].is_capitalized())
        });
    let coordinated = coordinated && own_subject.is_none();
    let borrowed = (participle && after_comma) || coordinated;
    let mut speaker = if borrowed {
        // "…, he said, adding that …", "… said X and called Y …": the same speaker.
        prev_speaker.or_else(|| main_subject(ws, i))
    } else {
        own_subject.or_else(|| speaker_left(ws, i, floor))
    };
    // "Ann Lee, a doctor who advised the mayor, said …": a cue inside the apposition closed a
    // clause there; the subject is before it, not after the cue.
    if speaker.is_none() && !borrowed && after_comma && kind != CueKind::Weak && clause_start > 0 {
        let floor0 = (0..i)
            .rev()
            .find(|&k| is_mark(ws[k].text))
            .map_or(0, |k| k + 1);
        if floor0 < clause_start {
            speaker = speaker_left(ws, i, floor0).filter(|np| np.1 < clause_start);
        }
    }
    // "“…,” Harry Bond, 30, of Raleigh, who was polled, said": right after a quote, the
    // speaker is the phrase that follows the quote, however long its apposition.
    if floor > 0
        && is_close_mark_or_straight(ws[floor - 1].text)
        && speaker.is_none_or(|(a, _)| a > floor)
        && (ws[floor..i].iter().filter(|w| w.text == ",").count() >= 1
            // "“…,” Mr. Ames of the club said": a phrase the left walk cut short.
            || ws[floor].is_capitalized() && ws[floor..i].iter().all(Word::is_alnum))
        && let Some(np) = np_right(ws, floor, i)
    {
        speaker = Some(np);
    }
    // Inverted: "“…,” said Psaki" / "…, said the minister".
    if speaker.is_none()
        && kind != CueKind::Weak
        && !participle
        // "Said Ellis: “…”" opens its sentence with the cue.
        && (i > 0 && (after_comma || is_mark(ws[i - 1].text))
            || i == clause_start
                && ws[i].is_capitalized()
                && ws[i + 1..n.min(i + 8)].iter().any(|w| w.text == ":" || w.text == ","))
        && let Some(np) = np_right(ws, cue_end + 1, n)
        // "said Friday that …", "says that …": no inverted speaker.
        && !is_time_word(&ws[np.0].lower())
        && !matches!(ws[np.0].lower().as_str(), "that" | "this" | "in" | "on")
        // "…, said the ''old model'' is dead": a determiner alone is no speaker.
        && !(np.0 == np.1 && super::speaker::is_determiner(&ws[np.0].lower()))
    {
        speaker = Some(np);
        inverted = true;
    }
    if speaker.is_none() && participle {
        speaker = main_subject(ws, i);
    }
    let speaker = speaker?;
    // A passive ("they were announced") is no attribution by its subject.
    let chain = (0..i)
        .rev()
        .take_while(|&k| is_aux_or_adverb(&ws[k].lower()))
        .map(|k| ws[k].lower());
    if !inverted
        && !participle
        && chain.into_iter().any(|w| {
            matches!(
                w.as_str(),
                "is" | "was" | "were" | "are" | "be" | "been" | "being"
            )
        })
    {
        return None;
    }
    // "It’s said that …" is a passive too ("he’s said" is "he has said").
    let mut k = i;
    while k > 1 && {
        let l = ws[k - 1].lower();
        is_aux_or_adverb(&l) || l.len() > 4 && l.ends_with("ly")
    } {
        k -= 1;
    }
    if !inverted && !participle && k >= 2 && ws[k - 1].lower() == "'s" && ws[k - 2].lower() == "it"
    {
        return None;
    }
    // A speaker taken over from the clause before ("…, adding that") is not next to the cue.
    let group_start = if inverted || borrowed {
        i
    } else {
        speaker.0.min(i)
    };
    let mut after = if inverted { speaker.1 + 1 } else { cue_end + 1 };
    let mut adjunct_only = false;
    // "“…,” Mr. Trump said in a documentary that showed …": with the quote before, a "that"
    // after the adjunct starts a relative clause, not the content.
    let gs = if inverted { i } else { speaker.0.min(i) };
    let quote_before = gs > 0
        && (is_close_mark_or_straight(ws[gs - 1].text)
            || (gs > 1 && ws[gs - 1].text == "," && is_close_mark_or_straight(ws[gs - 2].text)));
    if kind == CueKind::Tell {
        // Skip the hearer: "told reporters", "told a press conference that".
        // "is telling supporters after his victory in the primary that …": a long hearer.
        match (after..n.min(after + 14)).find(|&k| {
            matches!(ws[k].text, "that" | ":" | ",")
                || is_open_mark(ws[k].text)
                || ws[k].text == "\""
        }) {
            // "“…,” Merkel told reporters after the meeting that …": with the quote before, the
            // hearer ends at an adjunct.
            Some(k) if quote_before => {
                after = (after..k)
                    .find(|&j| j > after && is_adjunct(&ws[j].lower()))
                    .unwrap_or(k);
            }
            // "told MSNBC’s “Morning Joe” that …": a quoted name inside the hearer.
            Some(k)
                if k > after
                    && let Some(t) =
                        (k + 2..n.min(k + 8)).find(|&t| is_close_mark_or_straight(ws[t].text))
                    && ws.get(t + 1).is_some_and(|w| w.text == "that") =>
            {
                after = t + 1;
            }
            Some(k) => after = k,
            None => after = np_right(ws, after, n).map_or(after, |(_, e)| e + 1),
        }
    }
    while after < n && {
        let l = ws[after].lower();
        (l.ends_with("ly") && l.len() > 4 && !matches!(l.as_str(), "early" | "only" | "likely"))
            || matches!(
                l.as_str(),
                "again" | "also" | "later" | "earlier" | "then" | "repeatedly"
            )
    } {
        after += 1;
    }
    // "said in a statement that …": the content starts after "that". ("called Friday's
    // decision …": a day with a possessive is no adjunct.)
    let adjunct = ws.get(after).is_some_and(|w| is_adjunct(&w.lower()))
        && !ws
            .get(after + 1)
            .is_some_and(|w| w.text == "'s" || w.text == "’s");
    if adjunct && quote_before {
        adjunct_only = true;
    } else if adjunct {
        match (after..n.min(after + 16))
            .take_while(|&k| ws[k].text != "," && !is_mark(ws[k].text))
            .find(|&k| {
                // "said about the draft of its platform: “…”": the quote after the colon.
                (ws[k].text == ":" && ws.get(k + 1).is_some_and(|x| is_mark(x.text)))
                    || (k < after + 9 && ws[k].lower() == "that")
                // "in his speech that night": a demonstrative, no complementizer.
                    && !ws.get(k + 1).is_some_and(|x| {
                        matches!(
                            x.lower().as_str(),
                            "night"
                                | "day"
                                | "week"
                                | "month"
                                | "year"
                                | "morning"
                                | "afternoon"
                                | "evening"
                                | "time"
                                | "weekend"
                        )
                    })
            }) {
            Some(k) => after = k,
            None => {
                // "As Dell said last week in Tel Aviv, “…”": the quote after the adjunct.
                let k =
                    (after..n.min(after + 16)).find(|&k| ws[k].text == "," || is_mark(ws[k].text));
                match k {
                    Some(k)
                        if ws[k].text == ","
                            && ws
                                .get(k + 1)
                                .is_some_and(|w| is_open_mark(w.text) || w.text == "\"")
                            && !quote_before =>
                    {
                        after = k + 1;
                    }
                    _ => adjunct_only = true,
                }
            }
        }
    }
    let lead = ws.get(after).map(|w| w.lower());
    // "that", a colon or a quote; or "He jokes, “…”".
    let explicit = lead
        .as_deref()
        .is_some_and(|l| matches!(l, "that" | ":") || is_mark(l))
        || lead.as_deref() == Some(",")
            && ws
                .get(after + 1)
                .is_some_and(|w| is_open_mark(w.text) || w.text == "\"");
    while after < n && matches!(ws[after].text, "that" | ":" | ",") {
        after += 1;
    }
    // Content after the cue, to the clause's end.
    let mut end = n;
    for k in after..n {
        let l = ws[k].lower();
        let quoted = marks.iter().any(|m| m.inner.contains(ws[k].span));
        if quoted {
            continue;
        }
        if ws[k].text == ";"
            || (ws[k].text == ","
                && k + 1 < n
                && matches!(
                    ws[k + 1].lower().as_str(),
                    "while" | "whereas" | "according"
                ))
            || (l == "according" && ws.get(k + 1).is_some_and(|x| x.lower() == "to"))
        {
            end = k;
            break;
        }
    }
    while end > after && (is_final(ws[end - 1].text) || ws[end - 1].text == ",") {
        end -= 1;
    }
    end = quote_then_adjunct(ws, after, end).unwrap_or(end);
    let pre = (after < end && !adjunct_only).then(|| ws[after].span.cover(ws[end - 1].span));
    // Content before the cue: "…, he said."
    let mut post_quote = false;
    let post = (group_start > clause_start).then(|| {
        let mut e = group_start;
        while e > clause_start && matches!(ws[e - 1].text, "," | "—" | "–" | "-") {
            e -= 1;
        }
        if e > clause_start && is_close_mark_or_straight(ws[e - 1].text) {
            // The quote closing here, wherever it opened.
            let close = ws[e - 1].span;
            if let Some(m) = marks.iter().find(|m| m.outer.end == close.end) {
                post_quote = true;
                return Some(m.outer);
            }
        }
        let gap = group_start - e;
        (gap > 0 && e > clause_start + 2).then(|| ws[clause_start].span.cover(ws[e - 1].span))
    });
    let mut post = post.flatten();
    let possessive_after = ws
        .get(after + 1)
        .is_some_and(|w| w.text == "'s" || w.text == "’s");
    let adjunct_after = !possessive_after
        && lead.as_deref().is_none_or(|l| {
            // "said of Apple" (but "spoke of" reports what follows).
            (l == "of" && matches!(ws[i].lower().as_str(), "said" | "says" | "say"))
                || is_final(l)
                || is_adjunct(l) && l != "since"
                || matches!(l, "as" | "," | "to" | "this" | "via" | "through")
        });
    let cue = ws[i].span.cover(ws[cue_end].span);
    let mut pieces = Vec::new();
    // "…, Mr. Trump said, ''I'd like …''": a quote right after the cue is its content, not
    // the unquoted clause before it.
    let quote_after = ws.get(after).is_some_and(|w| is_mark(w.text)) && pre.is_some();
    // "“…?” he said." split after the question mark: the quote ends just before the sentence,
    // in the same paragraph, and the cue has no content of its own after it.
    if post.is_none()
        && group_start == 0
        && clause_start == 0
        && (pre.is_none() || adjunct_only || (adjunct_after && !quote_after))
    {
        let at = ws[0].span.start;
        if let Some(m) = marks
            .iter()
            .find(|m| m.outer.end <= at && at - m.outer.end <= 3 && !m.para_end)
        {
            post = Some(m.outer);
            post_quote = true;
        }
    }
    // A quote opening right after the cue is the content, however many sentences it runs.
    let pre = match ws
        .get(after)
        .and_then(|w| marks.iter().find(|m| m.outer.start == w.span.start))
    {
        Some(m) if quote_after && !adjunct_only => Some(m.outer),
        _ => pre,
    };
    // "The museum, Mr. Obama said, would make …": speaker and cue set off by commas inside
    // the clause, with the content on both sides.
    if !inverted
        && !borrowed
        && kind != CueKind::Weak
        && lead.as_deref() == Some(",")
        && !post_quote
        && !quote_after
        && group_start > clause_start + 1
        && ws[group_start - 1].text == ","
        && !ws[clause_start..group_start]
            .iter()
            .any(|w| is_mark(w.text) || w.text == ";")
        && let Some(p) = pre
        && ws.get(after).is_some_and(continues_clause)
    {
        let before = ws[clause_start].span.cover(ws[group_start - 2].span);
        return Some(Attribution {
            speaker,
            cue,
            pieces: vec![before, p],
            group: ws[group_start].span.cover(cue),
        });
    }
    if let Some(p) = post
        && (pre.is_none()
            || ((adjunct_after || kind == CueKind::Weak) && (post_quote || !quote_after))
            || (post_quote && !explicit))
    {
        pieces.push(p);
        // "“…,” he said, “…”": the quote after the cue is the same speaker's.
        if let Some(k) = (cue_end + 1..n).find(|&k| is_open_mark(ws[k].text) || ws[k].text == "\"")
            // …unless another cue comes first: "…,” he said, suggesting a question: “…”".
            && ws[cue_end + 1..k]
                .iter()
                .all(|w| w.text != "." && w.text != ";" && cue_kind(&w.lower()).is_none())
            && let Some(m) = marks.iter().find(|m| m.outer.start == ws[k].span.start)
        {
            pieces.push(m.outer);
        }
    } else if let Some(p) = pre {
        // "When asked whom she supported, Lee said …": a comma closes a weak cue's clause.
        if kind == CueKind::Weak
            && !explicit
            && (!clause_like(ws, after)
                || lead.as_deref() == Some(",")
                    && ws.get(after + 1).is_some_and(Word::is_capitalized))
        {
            return None;
        }
        // "… said about its platform:" and the quote in the next paragraph: the quote is the
        // content, not the words before the colon.
        let block = ws.last().filter(|w| w.text == ":").and_then(|w| {
            marks
                .iter()
                .find(|m| m.outer.start >= w.span.end && m.outer.start - w.span.end <= 4)
        });
        pieces.push(block.map_or(p, |m| m.outer));
    } else if let Some(m) = ws
        .last()
        .filter(|w| matches!(w.text, ":" | ","))
        .and_then(|w| {
            // "X echoed:" with the quote split off into the next sentence.
            marks
                .iter()
                .find(|m| m.outer.start >= w.span.end && m.outer.start - w.span.end <= 4)
        })
    {
        pieces.push(m.outer);
    } else {
        return None;
    }
    let group = ws[group_start].span.cover(cue);
    Some(Attribution {
        speaker,
        cue,
        pieces,
        group,
    })
}

/// A lower-case past-tense verb ending just before `i`, with a particle ("shot back"): the
/// verb's index.
fn verb_before(ws: &[Word], i: usize) -> Option<usize> {
    let mut v = i.checked_sub(1)?;
    if matches!(ws[v].lower().as_str(), "back" | "out" | "up" | "in") {
        v = v.checked_sub(1)?;
    }
    past_tense(&ws[v]).then_some(v)
}

/// A lower-case past-tense form: "beamed", "demurred", and the commonest irregulars.
fn past_tense(w: &Word) -> bool {
    let l = w.lower();
    w.text.starts_with(char::is_lowercase)
        && (l.len() > 4 && l.ends_with("ed")
            || matches!(
                l.as_str(),
                "shot" | "wrote" | "told" | "spoke" | "sang" | "cried" | "shouted" | "went"
            ))
}

/// "“…!” beamed Ann Lee, 60." / "“…,” Lee shot back.": after the quote closing at word `i`,
/// a verb and a name, or a name and a verb, and nothing more than an adjunct.
fn after_quote(ws: &[Word], i: usize, m: &Marked) -> Option<Attribution> {
    let n = ws.len();
    let (speaker, verb) = if ws.get(i + 1).is_some_and(past_tense) {
        let np = np_right(ws, i + 2, n)?;
        (np, i + 1)
    } else {
        let np = np_right(ws, i + 1, n)?;
        // The phrase may have run on over the verb: "Lee shot back".
        let v = (np.0 + 1..=np.1)
            .find(|&k| past_tense(&ws[k]))
            .unwrap_or(np.1 + 1);
        (ws.get(v).is_some_and(past_tense) && ws[np.0].lower() != "it")
            .then_some(((np.0, v - 1), v))?
    };
    // The clause ends here, or goes on with an adjunct or a comma: "… with a laugh."
    let mut end = verb.max(speaker.1) + 1;
    if ws
        .get(end)
        .is_some_and(|w| matches!(w.lower().as_str(), "back" | "out" | "up"))
    {
        end += 1;
    }
    let done = ws.get(end).is_none_or(|w| {
        is_final(w.text)
            || w.text == ","
            || matches!(
                w.lower().as_str(),
                "with" | "as" | "at" | "in" | "on" | "to"
            )
    });
    let cue_end = if end > verb + 1 && verb > speaker.1 {
        end - 1
    } else {
        verb
    };
    (done && cue_kind(&ws[verb].lower()).is_none()).then(|| Attribution {
        speaker,
        cue: ws[verb].span.cover(ws[cue_end].span),
        pieces: vec![m.outer],
        group: ws[i + 1].span.cover(ws[end - 1].span),
    })
}

/// "Reid has gone after Trump as a “con artist”", "Lawmakers Rip Trump As A ‘Fraud’": a verb, an
/// object of a few words, "as" at `i` and a quote. The verb need not be one of saying; the
/// quote makes the label the subject's words.
fn branding(ws: &[Word], i: usize, floor: usize, marks: &[Marked]) -> Option<Attribution> {
    // "as a “…”", "as being in the “…”", "as, “…”".
    let q =
        (i + 1..ws.len().min(i + 5)).find(|&k| is_open_mark(ws[k].text) || ws[k].text == "\"")?;
    if !ws[i + 1..q]
        .iter()
        .all(|w| w.text == "," || w.text.chars().all(char::is_alphabetic))
    {
        return None;
    }
    let m = marks.iter().find(|m| m.outer.start == ws[q].span.start)?;
    // The verb: the first lower-case verb form left of the object.
    let verb = (floor..i).rev().take(7).find(|&k| {
        let w = &ws[k];
        let l = w.lower();
        w.is_alnum()
            && !super::speaker::is_determiner(&l)
            && (cue_kind(&l).is_some()
                || l.len() > 3 && (l.ends_with("ed") || l.ends_with("ing") || l.ends_with('s'))
                // "has gone after": an irregular participle after "has".
                || k > 0 && matches!(ws[k - 1].lower().as_str(), "has" | "have" | "had"))
            && (w.text.chars().next().is_some_and(char::is_lowercase)
                // A headline in title case: "Lawmakers Rip Trump As …".
                || ws[i].text == "As")
    })?;
    // Prepositions may close the verb ("gone after Trump"); nothing else but the object.
    let object = &ws[verb + 1..i];
    if object
        .iter()
        .any(|w| !w.is_alnum() && w.text != "'s" && w.text != "’s")
    {
        return None;
    }
    // "was known as", "is seen as": a passive names no speaker.
    // ("has been pounding Trump as": a progressive, not a passive.)
    let perfect_progressive = ws[verb].lower().ends_with("ing")
        && (floor..verb)
            .rev()
            .take_while(|&k| is_aux_or_adverb(&ws[k].lower()))
            .any(|k| ws[k].lower() == "been");
    let passive = !perfect_progressive
        && (floor..verb)
            .rev()
            .take_while(|&k| is_aux_or_adverb(&ws[k].lower()))
            .any(|k| {
                matches!(
                    ws[k].lower().as_str(),
                    "is" | "was" | "were" | "are" | "be" | "been"
                )
            });
    let speaker = speaker_left(ws, verb, floor)?;
    // "rated 32% of Republican claims as “false”": a noun after a preposition is no subject.
    let governed = speaker.0 > floor
        && matches!(
            ws[speaker.0 - 1].lower().as_str(),
            "of" | "for" | "to" | "from" | "with" | "by" | "in" | "on" | "at" | "about"
        );
    // …nor is a phrase with a verb in it ("The site rated half of Republican").
    let verbal = ws[speaker.0..=speaker.1.min(verb)].iter().any(|w| {
        let l = w.lower();
        l.len() > 3 && l.ends_with("ed") && w.text.starts_with(char::is_lowercase)
    });
    if passive || governed || verbal || speaker.1 >= verb {
        return None;
    }
    let start = ws.get(verb + 1).map_or(ws[i].span, |w| w.span);
    Some(Attribution {
        speaker,
        cue: ws[verb].span,
        pieces: vec![start.cover(m.outer)],
        group: ws[speaker.0].span.cover(ws[verb].span),
    })
}

/// "called the law a “crazy system” during a stop in Flint": the content ends with its last
/// quote when a time or place adjunct follows it. The end (exclusive word index) if so.
fn quote_then_adjunct(ws: &[Word], after: usize, end: usize) -> Option<usize> {
    let k = (after + 1..end)
        .rev()
        .find(|&k| is_close_mark_or_straight(ws[k].text))?;
    let mut a = k + 1;
    if ws.get(a).is_some_and(|w| w.text == ",") {
        a += 1;
    }
    let lower = |j: usize| ws.get(j).map(Word::lower).unwrap_or_default();
    // Only adjuncts of the speech event: "during a stop", "on Monday", "in an interview"; or a
    // new clause: "… “a con” and encouraged Americans to …", "… “depleted” but he says …".
    let adjunct = match lower(a).as_str() {
        "during" | "while" | "though" | "although" | "until" | "—" | "–" => true,
        "and" | "but" => {
            let next = lower(a + 1);
            matches!(
                next.as_str(),
                "he" | "she" | "they" | "also" | "then" | "later"
            ) || cue_kind(&next).is_some()
                || ws.get(a + 1).is_some_and(past_tense)
        }
        "on" | "last" | "this" | "late" | "early" => is_time_word(&lower(a + 1)),
        "in" | "at" => (a + 1..a + 4).any(|j| {
            matches!(
                lower(j).as_str(),
                "statement"
                    | "interview"
                    | "speech"
                    | "tweet"
                    | "post"
                    | "letter"
                    | "rally"
                    | "event"
                    | "briefing"
                    | "conference"
                    | "debate"
                    | "hearing"
            )
        }),
        w => is_time_word(w),
    };
    (a < end && adjunct).then_some(k + 1)
}

/// "According to X, …" and "…, according to X".
fn according(ws: &[Word], i: usize, clause_start: usize) -> Option<Attribution> {
    let n = ws.len();
    let speaker = np_right(ws, i + 2, n)?;
    let cue = ws[i].span.cover(ws[i + 1].span);
    let first = (clause_start..i).all(|k| !ws[k].is_alnum() || is_subordinator(&ws[k].lower()));
    let piece = if first {
        let c = (speaker.1 + 1..n).find(|&k| ws[k].text == ",")?;
        let mut e = n;
        while e > c + 1 && is_final(ws[e - 1].text) {
            e -= 1;
        }
        (e > c + 1).then(|| ws[c + 1].span.cover(ws[e - 1].span))?
    } else {
        let mut e = i;
        while e > clause_start && matches!(ws[e - 1].text, "," | "—" | "(") {
            e -= 1;
        }
        let mut s = clause_start;
        while s < e && !ws[s].is_alnum() && !is_mark(ws[s].text) {
            s += 1;
        }
        (e > s).then(|| ws[s].span.cover(ws[e - 1].span))?
    };
    let group = cue.cover(ws[speaker.1].span);
    Some(Attribution {
        speaker,
        cue,
        pieces: vec![piece],
        group,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{marks, words::words};
    use super::*;

    /// (sentence, speaker, cue, content pieces)
    fn run(text: &str) -> Vec<(String, String, Vec<String>)> {
        run_as(text, false)
    }

    fn run_as(text: &str, headline: bool) -> Vec<(String, String, Vec<String>)> {
        let ws = words(text, Span::new(0, text.len()));
        let ms = marks::find(text);
        attributions(&ws, &ms, headline)
            .into_iter()
            .map(|a| {
                let sp = ws[a.speaker.0].span.cover(ws[a.speaker.1].span);
                (
                    sp.slice(text).to_string(),
                    a.cue.slice(text).to_string(),
                    a.pieces.iter().map(|p| p.slice(text).to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn shapes() {
        let cases: &[(&str, &str, &str, &[&str])] = &[
            (
                "The mayor said that the bridge would reopen in May.",
                "The mayor",
                "said",
                &["the bridge would reopen in May"],
            ),
            (
                "“We will rebuild the market,” the governor added on Monday.",
                "the governor",
                "added",
                &["“We will rebuild the market,”"],
            ),
            (
                "“Nobody was hurt,” said Ann Lee, a fire brigade spokeswoman.",
                "Ann Lee",
                "said",
                &["“Nobody was hurt,”"],
            ),
            (
                "Prices will rise again, the central bank warned.",
                "the central bank",
                "warned",
                &["Prices will rise again"],
            ),
            (
                "According to the health ministry, twelve patients were moved.",
                "the health ministry",
                "According to",
                &["twelve patients were moved"],
            ),
            (
                "Twelve patients were moved, according to the health ministry.",
                "the health ministry",
                "according to",
                &["Twelve patients were moved"],
            ),
            (
                "The union leader told reporters that the strike would go on.",
                "The union leader",
                "told",
                &["the strike would go on"],
            ),
            (
                "Since the vote, the opposition has rejected the result, calling it “a sham”.",
                "the opposition",
                "calling",
                &["it “a sham”"],
            ),
            (
                "The minister has also pointed out that talks continue.",
                "The minister",
                "pointed out",
                &["talks continue"],
            ),
            (
                "The minister made statements that the border would stay closed.",
                "The minister",
                "made statements",
                &["the border would stay closed"],
            ),
            (
                "The United States said it would send aid.",
                "The United States",
                "said",
                &["it would send aid"],
            ),
            (
                "“We are ready,” Jane Doe, 45, a nurse from Leeds, said.",
                "Jane Doe",
                "said",
                &["“We are ready,”"],
            ),
            (
                "The banner reads: “No war”.",
                "The banner",
                "reads",
                &["“No war”"],
            ),
            (
                "The envoy expressed concern that the truce could collapse.",
                "The envoy",
                "expressed",
                &["concern that the truce could collapse"],
            ),
            (
                "The senator criticized the plan as a “costly mistake” during a hearing.",
                "The senator",
                "criticized",
                &["the plan as a “costly mistake”"],
            ),
            (
                "The senator said the plan was “a scam” and called for a vote.",
                "The senator",
                "said",
                &["the plan was “a scam”"],
            ),
            (
                "“Who do they think they are?” Lee said of the bank on Friday.",
                "Lee",
                "said",
                &["“Who do they think they are?”"],
            ),
            (
                "“I said no then,” Lee said answering a question in Leeds.",
                "Lee",
                "said",
                &["“I said no then,”"],
            ),
            (
                "As Ann Lee said last week in Leeds, “The port is the future.”",
                "Ann Lee",
                "said",
                &["“The port is the future.”"],
            ),
            (
                "Lee in her speech called the plan a “fraud,” adding that she would fight it.",
                "Lee",
                "called",
                &["the plan a “fraud,”"],
            ),
            (
                "“I like the plan” of the mayor, Ann Lee said.",
                "Ann Lee",
                "said",
                &["“I like the plan” of the mayor"],
            ),
            (
                "Polls were right - Ann Lee: “The turnout was high.”",
                "Ann Lee",
                ":",
                &["“The turnout was high.”"],
            ),
            (
                "Lee jokes, “The line never ends!”",
                "Lee",
                "jokes",
                &["“The line never ends!”"],
            ),
            (
                "Lee says he is “ready to serve” and then left.",
                "Lee",
                "says",
                &["he is “ready to serve”"],
            ),
            (
                "Lee said there are forces that “seek chaos” and do not want peace.",
                "Lee",
                "said",
                &["there are forces that “seek chaos” and do not want peace"],
            ),
            (
                "Lee told the crowd of supporters after his win in the state primary that “we won big.”",
                "Lee",
                "told",
                &["“we won big.”"],
            ),
            (
                "“We will win,” Lee said, adding a warning: “Do not relax.”",
                "Lee",
                "said",
                &["“We will win,”"],
            ),
            (
                "“It was the least bad outcome,” Mr. Ames of the club said.",
                "Mr. Ames of the club",
                "said",
                &["“It was the least bad outcome,”"],
            ),
            (
                "“We are in a crisis,” Ann Lee told reporters after the meeting that ran late.",
                "Ann Lee",
                "told",
                &["“We are in a crisis,”"],
            ),
            (
                "Said Lee: “The tax plan is dead.”",
                "Lee",
                "Said",
                &["“The tax plan is dead.”"],
            ),
            (
                "The mayor is telling residents that the water is “safe to drink”.",
                "The mayor",
                "telling",
                &["the water is “safe to drink”"],
            ),
            (
                "Senator Ann Lee has gone after the governor as a “reckless gambler”.",
                "Senator Ann Lee",
                "gone",
                &["after the governor as a “reckless gambler”"],
            ),
            (
                "“This is wonderful!” beamed Ann Lee of Leeds, a delegate.",
                "Ann Lee of Leeds",
                "beamed",
                &["“This is wonderful!”"],
            ),
            (
                "“They came for the free food,” Lee shot back with a laugh.",
                "Lee",
                "shot back",
                &["“They came for the free food,”"],
            ),
            (
                "Asked about the vote, Mr. Ruiz demurred: “Ask me tomorrow.”",
                "Mr. Ruiz",
                "demurred",
                &["“Ask me tomorrow.”"],
            ),
            (
                "“The river rose in an hour.” ― Ana Ruiz, a farmer",
                "Ana Ruiz",
                "―",
                &["“The river rose in an hour.”"],
            ),
        ];
        for (text, sp, cue, pieces) in cases {
            let got = run(text);
            let want: Vec<String> = pieces.iter().map(|s| s.to_string()).collect();
            assert!(
                got.iter()
                    .any(|(s, c, p)| s == sp && c == cue && *p == want),
                "{text}\n got {got:?}"
            );
        }
    }

    #[test]
    fn headlines() {
        let text = "Lee: Tax cuts will pay for themselves.";
        assert_eq!(
            run_as(text, true),
            vec![(
                "Lee".to_string(),
                ":".to_string(),
                vec!["Tax cuts will pay for themselves".to_string()]
            )]
        );
        let got = run_as("Obama on Climate: The Trends Are Grim.", true);
        assert_eq!(got[0].0, "Obama");
        assert_eq!(got[0].2, vec!["The Trends Are Grim".to_string()]);
        let got = run_as("Lee on the Vote: ‘We Will Win.’", true);
        assert_eq!(got[0].0, "Lee");
        // Only in a headline, and not after "The".
        assert!(run_as(text, false).is_empty());
        assert!(run_as("The Latest: Votes are counted.", true).is_empty());
    }

    #[test]
    fn dashes_without_a_quote_before_sign_nothing() {
        for text in [
            "The plan ― Ana Ruiz wrote it ― failed.",
            "“It failed” ― and so did the next one.",
        ] {
            let got = run(text);
            assert!(got.iter().all(|(_, c, _)| c != "―"), "{text}: {got:?}");
        }
    }

    #[test]
    fn weak_cues_inside_a_content_are_part_of_it() {
        let text = "The mayor said she hopes that the dam “will hold”.";
        assert_eq!(
            run(text),
            vec![(
                "The mayor".to_string(),
                "said".to_string(),
                vec!["she hopes that the dam “will hold”".to_string()]
            )]
        );
        // A weak cue of its own still attributes its clause.
        assert_eq!(run("The mayor hopes that the dam will hold.").len(), 1);
    }

    #[test]
    fn nouns_are_not_cues() {
        for text in [
            "The report was published on Monday.",
            "He wants to say nothing.",
            "The call lasted an hour.",
            "A militia called the “Free Valley Front” took the town.",
            "The farmers expressed their anger over the new tax.",
            "The farmers see the tax as a burden.",
            "The town was known as “the Pearl” for years.",
            "The envoy made statements along these lines.",
            "Prices fell, said the ''old model'' is dead.",
            "“Stop,” the guards ordered the crowd to leave the square.",
            "The site rated half of Republican statements as “false”.",
        ] {
            let got = run(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    /// The speaker of the first attribution whose cue is `cue`.
    fn speaker_of(text: &str, cue: &str) -> Option<String> {
        run(text)
            .into_iter()
            .find(|(_, c, _)| c == cue)
            .map(|(s, _, _)| s)
    }

    #[test]
    fn names_before_a_chain_of_appositions() {
        for (text, speaker) in [
            (
                "Marta Olsen Vik, 71, of Bergen, Ore., who saw the parade from a balcony on the Square, said the crowd was calm.",
                "Marta Olsen Vik",
            ),
            (
                "Paul Grant, of Dayton, Ohio, said the plant would close.",
                "Paul Grant",
            ),
            (
                "Meanwhile, Rosa Diaz, 44, from Tucson, said she would vote.",
                "Rosa Diaz",
            ),
        ] {
            assert_eq!(speaker_of(text, "said").as_deref(), Some(speaker), "{text}");
        }
        // A single apposition is the ordinary case; an adverb before a name is no speaker.
        assert_eq!(
            speaker_of(
                "Still, Tad Moore, a senior aide to the mayor, said no.",
                "said"
            )
            .as_deref(),
            Some("Tad Moore")
        );
        assert_eq!(
            speaker_of("Still, Tad Moore, 52, said no.", "said").as_deref(),
            Some("Tad Moore")
        );
        // A place that follows no home ("of …") is no apposition of a name.
        assert!(!appositive(&words("Tad Moore", Span::new(0, 9)), false));
    }

    #[test]
    fn short_adverbials_between_commas_are_skipped() {
        let text = "Senator Ann Lee (R-Utah), in particular, has been steadily attacking the bill as a “giveaway.”";
        assert_eq!(
            speaker_of(text, "attacking").as_deref(),
            Some("Senator Ann Lee")
        );
        assert_eq!(
            speaker_of(
                "The governor, for her part, said the roads were safe.",
                "said"
            )
            .as_deref(),
            Some("The governor")
        );
        // A progressive without "been" is still no attribution by branding.
        assert!(
            run("About 300 workers were working full time as part of a “task force.”").is_empty()
        );
        // A longer phrase between commas is an apposition, not an adverbial.
        assert!(!parenthetical(&words(
            "the head of the union",
            Span::new(0, 21)
        )));
    }

    #[test]
    fn plural_nouns_after_verbs_are_no_cues() {
        let got =
            run("He stayed on, repeating charges that the mayor, for one, called “baseless.”");
        assert!(got.iter().all(|(_, c, _)| c != "charges"), "{got:?}");
        assert_eq!(
            speaker_of(
                "He stayed on, repeating charges that the mayor, for one, called “baseless.”",
                "called"
            )
            .as_deref(),
            Some("the mayor")
        );
        // A noun in -ing is a subject: its verb stays a cue.
        assert_eq!(
            speaker_of("Recent polling shows that the mayor is ahead.", "shows").as_deref(),
            Some("Recent polling")
        );
    }

    #[test]
    fn a_day_with_a_possessive_is_no_adjunct() {
        assert_eq!(
            run("The mayor called Tuesday's ruling a “victory for renters.”")[0].2,
            vec!["Tuesday's ruling a “victory for renters.”".to_string()]
        );
        // A day alone still is: "said Tuesday that …".
        assert_eq!(
            run("The mayor said Tuesday that the ruling was fair.")[0].2,
            vec!["the ruling was fair".to_string()]
        );
    }

    #[test]
    fn verbs_of_judging_aloud() {
        let got = run("Norway branded the tanker an “environmental menace.”");
        assert_eq!(got[0].0, "Norway");
        assert_eq!(got[0].1, "branded");
        assert!(run("The brand sold well.").is_empty());
    }

    #[test]
    fn subjects_before_a_place_or_a_year() {
        assert_eq!(
            speaker_of(
                "Farmers driving through the capital shouted “No more taxes!”",
                "shouted"
            )
            .as_deref(),
            Some("Farmers")
        );
        assert_eq!(
            speaker_of(
                "The governor, who in 2019 said the bridge was “safe,” resigned.",
                "said"
            )
            .as_deref(),
            Some("The governor")
        );
        // Without a participle, a determiner or a year the rule stays out: a bare place
        // after "in" is not skipped.
        assert_ne!(
            speaker_of("Officials in Lyon said the river had crested.", "said").as_deref(),
            Some("Officials")
        );
    }

    #[test]
    fn a_verb_before_and_has_its_own_subject() {
        let text = "When my aunt mentioned the storm, I shrugged and said, “It will pass.”";
        assert_eq!(speaker_of(text, "said").as_deref(), Some("I"));
        assert_eq!(
            speaker_of("Ana Ruiz smiled and said “maybe.”", "said").as_deref(),
            Some("Ana Ruiz")
        );
        // "said prices climbed and warned": the object of the first cue is no subject.
        assert_eq!(
            speaker_of(
                "Lee said prices climbed and warned of “hard times.”",
                "warned of"
            )
            .as_deref(),
            Some("Lee")
        );
    }

    #[test]
    fn a_comma_closes_a_weak_cue() {
        let got = run("Asked whom she supported, Ms. Ruiz laughed and said, “Nobody yet.”");
        assert!(got.iter().all(|(_, c, _)| c != "supported"), "{got:?}");
        // A clause after the cue is still its content.
        assert_eq!(run("She believes the vote was fair.").len(), 1);
    }

    #[test]
    fn counted_plurals_are_nouns() {
        let got = run("Turnout fell in the 12 states that held primaries.");
        assert!(got.is_empty(), "{got:?}");
        assert_eq!(
            speaker_of("The mayor states that the park will reopen.", "states").as_deref(),
            Some("The mayor")
        );
    }

    #[test]
    fn content_on_both_sides_of_a_cue_between_commas() {
        assert_eq!(
            run("The new bridge, the mayor said, would open in spring."),
            vec![(
                "the mayor".to_string(),
                "said".to_string(),
                vec![
                    "The new bridge".to_string(),
                    "would open in spring".to_string()
                ]
            )]
        );
        // A conjunction, an adjunct or a participle after the comma carries no content on.
        for text in [
            "Prices rose sharply, the minister said, and the market fell.",
            "Prices rose sharply, the minister said, in a statement.",
            "Prices rose sharply, the minister said, adding that wages lagged.",
        ] {
            let got = run(text);
            assert!(
                got.iter().all(|(_, c, p)| c != "said" || p.len() == 1),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn contracted_auxiliaries() {
        assert_eq!(
            speaker_of(
                "She’s claiming that the count was “rigged from the start.”",
                "claiming"
            )
            .as_deref(),
            Some("She")
        );
        // "Lee’s claims" is a possessive, and "it’s said" a passive.
        assert!(run("Lee’s claims were false.").is_empty());
        assert!(run("It’s often said that the bridge is safe.").is_empty());
        assert_eq!(
            speaker_of("He’s said that the bridge is safe.", "said").as_deref(),
            Some("He")
        );
    }

    #[test]
    fn a_quoted_show_inside_the_hearer() {
        assert_eq!(
            run("Lee told NBC’s “Evening Report” that the talks had failed.")[0].2,
            vec!["the talks had failed".to_string()]
        );
        // A quote after the hearer with no "that" after it is still the content.
        assert_eq!(
            run("Lee told reporters “we are done.”")[0].2,
            vec!["“we are done.”".to_string()]
        );
    }

    #[test]
    fn a_cue_inside_the_apposition_leaves_the_subject_before_it() {
        let text = "Vera Holm, a nurse who advised the board on staffing, said the wards were “dangerously full.”";
        assert_eq!(speaker_of(text, "said").as_deref(), Some("Vera Holm"));
        let text = "Omar Haddad, a former aide who now sits on the board of the regional water authority, said the rates “will have to rise.”";
        assert_eq!(speaker_of(text, "said").as_deref(), Some("Omar Haddad"));
        // With nothing before the comma to speak, the inverted reading stands.
        assert_eq!(
            speaker_of("“It is over,” said Vera Holm, a nurse.", "said").as_deref(),
            Some("Vera Holm")
        );
    }
}
