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
pub(crate) fn attributions(ws: &[Word], marks: &[Marked]) -> Vec<Attribution> {
    let quoted = |w: &Word| marks.iter().any(|m| m.inner.contains(w.span));
    let mut out: Vec<Attribution> = Vec::new();
    let mut clause_start = 0;
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        // "Trump: “…”" (headlines, transcripts): a name at the clause start, a colon, a quote.
        if w.text == ":"
            && i > clause_start
            && let Some(m) = marks
                .iter()
                .find(|m| m.outer.start >= w.span.end && m.outer.start - w.span.end <= 2)
            && let Some(np) = np_left(ws, i - 1, clause_start)
            && np.0 == clause_start
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
        if !w.is_alnum() || quoted(w) {
            i += 1;
            continue;
        }
        let lower = w.lower();
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
        }) {
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
        {
            clause_start = cue_end + 1;
            out.push(a);
        }
        i = cue_end + 1;
    }
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
    while j > floor
        && (is_aux_or_adverb(&ws[j].lower()) || is_time_word(&ws[j].lower()) || adverb(&ws[j]))
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
        // Apposition: ", the … ," before the cue; the speaker is the phrase inside it.
        let k = (floor..j).rev().take(14).find(|&k| ws[k].text == ",")?;
        if ws[k + 1..j].iter().any(|w| is_mark(w.text)) {
            return None;
        }
        let inner = np_left(ws, j - 1, k + 1)?;
        let outer = np_left(ws, k.checked_sub(1)?, floor);
        return Some(outer.unwrap_or(inner));
    }
    let np = np_left(ws, j, floor)?;
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

/// The main clause's subject, for a participle cue ("…, calling the protests …").
fn main_subject(ws: &[Word], before: usize) -> Option<(usize, usize)> {
    let mut s = 0;
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
    let coordinated = i > 0 && matches!(ws[i - 1].lower().as_str(), "and" | "but");
    let mut speaker = if (participle && after_comma) || coordinated {
        // "…, he said, adding that …", "… said X and called Y …": the same speaker.
        prev_speaker.or_else(|| main_subject(ws, i))
    } else {
        speaker_left(ws, i, floor)
    };
    // "“…,” Harry Bond, 30, of Raleigh, who was polled, said": right after a quote, the
    // speaker is the phrase that follows the quote, however long its apposition.
    if floor > 0
        && is_close_mark_or_straight(ws[floor - 1].text)
        && speaker.is_none_or(|(a, _)| a > floor)
        && ws[floor..i].iter().filter(|w| w.text == ",").count() >= 1
        && let Some(np) = np_right(ws, floor, i)
    {
        speaker = Some(np);
    }
    // Inverted: "“…,” said Psaki" / "…, said the minister".
    if speaker.is_none()
        && kind != CueKind::Weak
        && !participle
        && i > 0
        && (after_comma || is_mark(ws[i - 1].text))
        && let Some(np) = np_right(ws, cue_end + 1, n)
        // "said Friday that …", "says that …": no inverted speaker.
        && !is_time_word(&ws[np.0].lower())
        && !matches!(ws[np.0].lower().as_str(), "that" | "this" | "in" | "on")
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
        && chain.into_iter().any(|w| {
            matches!(
                w.as_str(),
                "is" | "was" | "were" | "are" | "be" | "been" | "being"
            )
        })
    {
        return None;
    }
    let group_start = if inverted { i } else { speaker.0.min(i) };
    let mut after = if inverted { speaker.1 + 1 } else { cue_end + 1 };
    let mut adjunct_only = false;
    if kind == CueKind::Tell {
        // Skip the hearer: "told reporters", "told a press conference that".
        match (after..n.min(after + 7)).find(|&k| {
            matches!(ws[k].text, "that" | ":" | ",")
                || is_open_mark(ws[k].text)
                || ws[k].text == "\""
        }) {
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
    // "“…,” Mr. Trump said in a documentary that showed …": with the quote before, a "that"
    // after the adjunct starts a relative clause, not the content.
    let gs = if inverted { i } else { speaker.0.min(i) };
    let quote_before = gs > 0
        && (is_close_mark_or_straight(ws[gs - 1].text)
            || (gs > 1 && ws[gs - 1].text == "," && is_close_mark_or_straight(ws[gs - 2].text)));
    // "said in a statement that …": the content starts after "that".
    if ws.get(after).is_some_and(|w| is_adjunct(&w.lower())) && quote_before {
        adjunct_only = true;
    } else if ws.get(after).is_some_and(|w| is_adjunct(&w.lower())) {
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
            None => adjunct_only = true,
        }
    }
    let lead = ws.get(after).map(|w| w.lower());
    let explicit = lead
        .as_deref()
        .is_some_and(|l| matches!(l, "that" | ":") || is_mark(l));
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
    // "“…?” he said." split after the question mark: the quote ends just before the sentence.
    if post.is_none() && group_start == 0 && clause_start == 0 {
        let at = ws[0].span.start;
        if let Some(m) = marks
            .iter()
            .find(|m| m.outer.end <= at && at - m.outer.end <= 3)
        {
            post = Some(m.outer);
            post_quote = true;
        }
    }
    let adjunct_after = lead.as_deref().is_none_or(|l| {
        is_final(l)
            || matches!(
                l,
                "on" | "in"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "as"
                    | ","
                    | "to"
                    | "from"
                    | "when"
                    | "while"
                    | "last"
                    | "yesterday"
                    | "today"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "earlier"
                    | "later"
                    | "this"
                    | "with"
                    | "via"
                    | "through"
            )
    });
    let cue = ws[i].span.cover(ws[cue_end].span);
    let mut pieces = Vec::new();
    // "…, Mr. Trump said, ''I'd like …''": a quote right after the cue is its content, not
    // the unquoted clause before it.
    let quote_after = ws.get(after).is_some_and(|w| is_mark(w.text)) && pre.is_some();
    // A quote opening right after the cue is the content, however many sentences it runs.
    let pre = match ws
        .get(after)
        .and_then(|w| marks.iter().find(|m| m.outer.start == w.span.start))
    {
        Some(m) if quote_after && !adjunct_only => Some(m.outer),
        _ => pre,
    };
    if let Some(p) = post
        && (pre.is_none()
            || ((adjunct_after || kind == CueKind::Weak) && (post_quote || !quote_after))
            || (post_quote && !explicit))
    {
        pieces.push(p);
        // "“…,” he said, “…”": the quote after the cue is the same speaker's.
        if let Some(k) = (cue_end + 1..n).find(|&k| is_open_mark(ws[k].text) || ws[k].text == "\"")
            && ws[cue_end + 1..k]
                .iter()
                .all(|w| w.text != "." && w.text != ";")
            && let Some(m) = marks.iter().find(|m| m.outer.start == ws[k].span.start)
        {
            pieces.push(m.outer);
        }
    } else if let Some(p) = pre {
        if kind == CueKind::Weak && !explicit && !clause_like(ws, after) {
            return None;
        }
        pieces.push(p);
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
        let ws = words(text, Span::new(0, text.len()));
        let ms = marks::find(text);
        attributions(&ws, &ms)
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
    fn nouns_are_not_cues() {
        for text in [
            "The report was published on Monday.",
            "He wants to say nothing.",
            "The call lasted an hour.",
            "A militia called the “Free Valley Front” took the town.",
            "The farmers expressed their anger over the new tax.",
        ] {
            let got = run(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }
}
