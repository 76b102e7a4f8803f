//! Quotes and attributions: who said what, with the cue and the speaker.
//!
//! Place in the pipeline: after segmentation (and actors, when they can code a speaker), before
//! consolidation. [`find_quotes`] works on surface patterns over its own word lexer, so it needs
//! no tagger or parser:
//!
//! 1. `marks` pairs quotation marks over the document (quotes over several paragraphs too);
//! 2. `attribute` finds, sentence by sentence, each cue with its speaker and content (signatures
//!    "“…” ― Name" and "Name: …" headlines too), and `transcript` the turns of an interview
//!    ("PENCE: …");
//! 3. quotes inside an attribution's content become its direct pieces; a quote with no cue of
//!    its own that opens a sentence right after an attribution with quoted words continues it;
//! 4. `coref` resolves pronouns and descriptions to the name they stand for.
//!
//! Every piece of an attribution is one [`Quote`]; pieces of one attribution share the cue and
//! the speaker span. A speaker's `span` is the mention next to the cue ("he"), its `text` the
//! name it resolves to ("Putin").
//!
//! ```
//! use herald_core::Document;
//! let doc = Document::from_text("“We will stay,” the mayor said. She added that talks go on.");
//! let sentences = herald_nlp::analyze(&doc.text);
//! let quotes = herald_code::quotes::find_quotes(&doc, &sentences);
//! assert_eq!(quotes[0].text, "We will stay");
//! assert!(quotes[0].direct);
//! assert_eq!(quotes[0].speaker.as_ref().unwrap().text, "the mayor");
//! ```

pub(crate) mod attribute;
mod coding;
pub(crate) mod coref;
mod cuephrase;
pub(crate) mod cues;
pub mod eval;
pub(crate) mod marks;
pub(crate) mod speaker;
mod transcript;
mod wordclass;
pub(crate) mod words;

pub use coding::code_speakers;

use attribute::Attribution;
use herald_core::{Document, Quote, Sentence, Span, Speaker};
use marks::Marked;
use words::Word;

/// An attribution placed in the document.
struct Found {
    sentence: usize,
    attribution: Attribution,
    /// Direct pieces (quote marks) attached to it.
    direct: Vec<Span>,
}

/// All quotes and attributions of `doc`, in text order.
pub fn find_quotes(doc: &Document, sentences: &[Sentence]) -> Vec<Quote> {
    let text = &doc.text;
    let marks = speech_marks(text);
    let sent_words: Vec<Vec<Word>> = sentences
        .iter()
        .map(|s| words::words(text, s.span))
        .collect();
    let mut found: Vec<Found> = Vec::new();
    // The first line is a headline when more lines follow it.
    let title_end = text.find('\n').unwrap_or(0);
    for (k, ws) in sent_words.iter().enumerate() {
        let headline = k == 0 && sentences[k].span.end <= title_end;
        for a in attribute::attributions(ws, &marks, headline) {
            found.push(Found {
                sentence: k,
                attribution: a,
                direct: Vec::new(),
            });
        }
    }
    add_turns(text, sentences, &sent_words, &mut found);
    attach_marks(text, sentences, &marks, &mut found);
    let names = resolve(&sent_words, &found);
    let mut out = Vec::new();
    for (f, name) in found.iter().zip(names) {
        let ws = &sent_words[f.sentence];
        let a = &f.attribution;
        let speaker = Speaker {
            text: name,
            code: None,
            span: ws[a.speaker.0].span.cover(ws[a.speaker.1].span),
        };
        let cue = Some(a.cue.slice(text).to_string());
        let mut pieces: Vec<(Span, bool)> = Vec::new();
        for p in &a.pieces {
            let is_mark = f
                .direct
                .iter()
                .any(|d| d.contains(*p) || p.contains(*d) && cover(*d, *p));
            if !is_mark {
                pieces.push((*p, false));
            }
        }
        for d in &f.direct {
            let mut inner = inner_of(&marks, *d);
            // A quoted transcript turn, "“PENCE: …": the label and colon are not the words.
            if inner.contains(a.group) {
                inner = Span::new(a.group.end, inner.end);
            }
            pieces.push((inner, true));
        }
        for (span, direct) in pieces {
            let span = trim(text, span);
            if span.is_empty() {
                continue;
            }
            out.push(Quote {
                text: span.slice(text).to_string(),
                span,
                direct,
                cue: cue.clone(),
                speaker: Some(speaker.clone()),
                sentence: sentence_of(sentences, span.start),
            });
        }
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    // The same words may be quoted by two speakers, one reporting the other.
    out.dedup_by(|a, b| {
        a.span == b.span && a.speaker.as_ref().map(|s| s.span) == b.speaker.as_ref().map(|s| s.span)
    });
    out
}

/// Adds the turns of a transcript, each an attribution to its label, in place of what the
/// sentence patterns made of the label's colon.
fn add_turns(text: &str, sentences: &[Sentence], sent_words: &[Vec<Word>], found: &mut Vec<Found>) {
    for t in transcript::turns(text) {
        found.retain(|f| f.attribution.cue != t.colon);
        let k = sentence_of(sentences, t.label.start);
        let ws = &sent_words[k];
        let a = ws.iter().position(|w| w.span.start >= t.label.start);
        let b = ws.iter().rposition(|w| w.span.end <= t.label.end);
        let (Some(a), Some(b)) = (a, b) else { continue };
        if a > b {
            continue;
        }
        found.push(Found {
            sentence: k,
            attribution: Attribution {
                speaker: (a, b),
                cue: t.colon,
                pieces: t.pieces,
                group: t.label.cover(t.colon),
            },
            direct: Vec::new(),
        });
    }
}

/// The quotes that hold words someone said: names and titles in quotation marks left out.
fn speech_marks(text: &str) -> Vec<Marked> {
    let all = marks::find(text);
    let mut index = vec![None; all.len()];
    let mut out: Vec<Marked> = Vec::new();
    // A headline is in title case: a quote in it may look like a name and still be speech.
    let title_end = text.find('\n').unwrap_or(0);
    for (k, m) in all.iter().enumerate() {
        let name = m.outer.end > title_end && is_name(m.inner.slice(text));
        if name || names_a_work(&text[..m.outer.start]) {
            continue;
        }
        index[k] = Some(out.len());
        let mut m = *m;
        m.continues = m.continues.and_then(|p| index[p]);
        out.push(m);
    }
    out
}

/// True when the mark's outer span `d` is most of `p`.
fn cover(d: Span, p: Span) -> bool {
    d.len() * 10 >= p.len() * 7
}

fn inner_of(marks: &[Marked], outer: Span) -> Span {
    marks
        .iter()
        .find(|m| m.outer == outer)
        .map_or(outer, |m| m.inner)
}

fn sentence_of(sentences: &[Sentence], at: usize) -> usize {
    sentences
        .iter()
        .position(|s| s.span.end > at)
        .unwrap_or(sentences.len().saturating_sub(1))
}

/// Trims spaces and trailing commas off a piece.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let t = s.trim();
    let t2 = t.trim_end_matches([',', ' ']);
    Span::new(start, start + t2.len())
}

/// A quote right after "known as", "the show", "the book"… names something.
fn names_a_work(before: &str) -> bool {
    // Only a word right before the mark: not across a sentence end or a new paragraph.
    let tail = before.trim_end_matches([' ', '\t']);
    if tail.len() != before.len() && before.ends_with('\n')
        || tail.ends_with(['.', ',', ':', ';', '!', '?', '\n'])
    {
        return false;
    }
    let prev: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let last = prev.first().map_or("", String::as_str);
    matches!(
        last,
        "show"
            | "book"
            | "film"
            | "movie"
            | "titled"
            | "entitled"
            | "album"
            | "song"
            | "program"
            | "programme"
            | "series"
            | "newspaper"
            | "magazine"
            | "documentary"
            | "nicknamed"
            | "dubbed"
            | "headlined"
            | "hashtag"
            | "slogan"
            | "memoir"
            | "novel"
    ) || (last == "as" && prev.get(1).is_some_and(|w| w == "known"))
}

/// A quoted title-case phrase is a name ("the “Liberation Front”"), not speech.
fn is_name(s: &str) -> bool {
    let s = s.trim_end_matches(['.', ',', '!', '?', ' ']);
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || s.contains(['.', ',', '!', '?', ';']) {
        return false;
    }
    let small = |w: &str| matches!(w, "of" | "the" | "and" | "for" | "in" | "on" | "de" | "a");
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps >= 2
        && words.iter().all(|w| {
            small(w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

/// Gives every quote mark to an attribution: the one whose content holds it, else (a quote
/// opening a sentence, or continuing the previous paragraph's) the latest attribution with
/// quoted words just before it.
fn attach_marks(text: &str, sentences: &[Sentence], marks: &[Marked], found: &mut [Found]) {
    let mut owner: Vec<Option<usize>> = vec![None; marks.len()];
    for (mi, m) in marks.iter().enumerate() {
        let best = found
            .iter()
            .enumerate()
            .filter_map(|(fi, f)| {
                let ov: usize = f
                    .attribution
                    .pieces
                    .iter()
                    .map(|p| p.overlap_len(m.inner))
                    .sum();
                (ov * 2 >= m.inner.len()).then_some((ov, fi))
            })
            .max();
        if let Some((_, fi)) = best {
            owner[mi] = Some(fi);
            found[fi].direct.push(m.outer);
            // "She says he called it “a farce”": a quote inside the content of an attribution
            // around the one that owns it is the outer speaker's words as well.
            for (fj, f) in found.iter_mut().enumerate() {
                if fj != fi
                    && f.attribution
                        .pieces
                        .iter()
                        .any(|p| p.contains(m.outer) && p.len() > m.outer.len())
                {
                    f.direct.push(m.outer);
                }
            }
        }
    }
    for (mi, m) in marks.iter().enumerate() {
        if owner[mi].is_some() {
            continue;
        }
        let from_prev = m.continues.and_then(|p| owner[p]);
        let k = sentence_of(sentences, m.outer.start);
        let opens_sentence = sentences.get(k).is_some_and(|s| {
            text[s.span.start.min(m.outer.start)..m.outer.start]
                .chars()
                .all(|c| !c.is_alphanumeric())
        });
        // …and a whole sentence: nothing but punctuation after it in its sentence.
        let end_k = sentence_of(sentences, m.outer.end.saturating_sub(1));
        let closes_sentence = sentences.get(end_k).is_some_and(|s| {
            text[m.outer.end.min(s.span.end)..s.span.end]
                .chars()
                .all(|c| !c.is_alphanumeric())
        });
        let fi = from_prev.or_else(|| {
            if !opens_sentence || !closes_sentence {
                return None;
            }
            // The latest attribution before it, with quoted words, within two sentences.
            found
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    // A signature ("“…” ― Ana Ruiz") closes its quote; it continues nothing.
                    !f.attribution.cue.slice(text).starts_with(['―', '—', '–'])
                        && f.sentence <= k
                        && k - f.sentence <= 2
                        && !f.direct.is_empty()
                        && f.direct.iter().all(|d| d.end <= m.outer.start)
                })
                .max_by_key(|(_, f)| f.direct.iter().map(|d| d.end).max())
                .map(|(fi, _)| fi)
        });
        if let Some(fi) = fi {
            owner[mi] = Some(fi);
            found[fi].direct.push(m.outer);
        }
    }
}

/// The name each attribution's speaker stands for.
fn resolve(sent_words: &[Vec<Word>], found: &[Found]) -> Vec<String> {
    let mut resolver = coref::Resolver::default();
    let mut names = vec![String::new(); found.len()];
    for (k, ws) in sent_words.iter().enumerate() {
        let here: Vec<usize> = (0..found.len())
            .filter(|&i| found[i].sentence == k)
            .collect();
        let spans: Vec<Span> = here
            .iter()
            .map(|&i| {
                let (a, b) = found[i].attribution.speaker;
                ws[a].span.cover(ws[b].span)
            })
            .collect();
        resolver.observe(ws, k, &spans);
        for &i in &here {
            let (a, b) = found[i].attribution.speaker;
            let name = resolver.resolve(ws, a, b, k);
            // A pronoun or description resolved to a name is a new mention of that name.
            let raw = ws[a].span.cover(ws[b].span);
            if !ws[a..=b].iter().any(|w| w.is_capitalized()) || name.len() != raw.len() {
                resolver.note_speaker(&name, ws[a].span.start, k);
            }
            names[i] = name;
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<Quote> {
        let doc = Document::from_text(text);
        let sentences = herald_nlp::segment::segment(&doc.text);
        find_quotes(&doc, &sentences)
    }

    #[test]
    fn direct_quotes_and_speakers() {
        // (text, quote text, direct, speaker text)
        let cases: &[(&str, &str, bool, &str)] = &[
            (
                "“The dam will hold,” the engineer said.",
                "The dam will hold",
                true,
                "the engineer",
            ),
            (
                "Mayor Jo Park spoke on Monday. “We are ready,” she added.",
                "We are ready",
                true,
                "Jo Park",
            ),
            (
                "The agency said the roads were closed.",
                "the roads were closed",
                false,
                "The agency",
            ),
            (
                "Governor Al Ruiz called the flood ``a disaster'' on Friday.",
                "a disaster",
                true,
                "Governor Al Ruiz",
            ),
        ];
        for (text, q, direct, sp) in cases {
            let got = quotes(text);
            assert!(
                got.iter().any(|x| x.text == *q
                    && x.direct == *direct
                    && x.speaker.as_ref().is_some_and(|s| s.text == *sp)),
                "{text}\n got {got:#?}"
            );
        }
    }

    #[test]
    fn quote_over_paragraphs_keeps_its_speaker() {
        let text = "The coach said: “We trained hard.\n\n“And we will win.”";
        let got = quotes(text);
        let second = got.iter().find(|q| q.text.starts_with("And we")).unwrap();
        assert_eq!(second.speaker.as_ref().unwrap().text, "The coach");
    }

    #[test]
    fn a_cue_with_its_own_quote_takes_no_quote_before() {
        // The quote ending the sentence before is the first speaker's, in the same paragraph
        // or across one.
        for sep in [" ", "\n\n"] {
            let text = format!(
                "Ana Ruiz says the plan is “a fraud.”{sep}Ben Lee adds, “We will fight it.”"
            );
            let got = quotes(&text);
            let fraud = got.iter().find(|q| q.text == "a fraud.").unwrap();
            assert_eq!(fraud.speaker.as_ref().unwrap().text, "Ana Ruiz", "{got:#?}");
        }
        // …but a bare "he asked." after a quote split off takes it.
        let got = quotes("“Is it over?” he asked.");
        assert!(
            got.iter()
                .any(|q| q.text == "Is it over?" && q.cue.as_deref() == Some("asked"))
        );
    }

    #[test]
    fn a_colon_ending_a_paragraph_introduces_the_quote_below() {
        let got = quotes("The union said about the deal in its letter:\n\n“We will not sign it.”");
        let q = got
            .iter()
            .find(|q| q.text == "We will not sign it.")
            .unwrap();
        assert_eq!(q.speaker.as_ref().unwrap().text, "The union");
        assert!(got.iter().all(|q| !q.text.starts_with("about")), "{got:#?}");
    }

    #[test]
    fn signatures_and_transcripts() {
        let text = "“We were never asked.” ― Ana Ruiz\n“It is not fair.” ― Ben Lee\n\n\
                    \"HOST: Is it fair?\n\n\"LEE: No, it is not.\n\n\"HOST: Thank you.";
        let got = quotes(text);
        let who = |t: &str| {
            let q = got.iter().find(|q| q.text == t).unwrap();
            (q.speaker.as_ref().unwrap().text.clone(), q.direct)
        };
        assert_eq!(who("We were never asked."), ("Ana Ruiz".into(), true));
        assert_eq!(who("It is not fair."), ("Ben Lee".into(), true));
        assert_eq!(who("No, it is not."), ("LEE".into(), true));
        assert_eq!(who("Thank you."), ("HOST".into(), true));
    }

    #[test]
    fn title_case_quotes_in_a_headline_are_speech() {
        let got = quotes("Mayor: Flood Plan Is ‘A Total Failure.’\n\nThe mayor spoke on Monday.");
        assert!(
            got.iter().any(|q| q.direct
                && q.text == "A Total Failure."
                && q.speaker.as_ref().unwrap().text == "Mayor"),
            "{got:#?}"
        );
    }

    #[test]
    fn names_in_quotes_are_not_quotes() {
        let got = quotes("A group called the “Free Valley Front” claimed the attack.");
        assert!(got.iter().all(|q| !q.direct), "{got:?}");
    }

    #[test]
    fn they_stands_for_the_last_counted_or_definite_plural() {
        let speakers = |text: &str| -> Vec<String> {
            quotes(text)
                .iter()
                .filter_map(|q| q.speaker.as_ref().map(|s| s.text.clone()))
                .collect()
        };
        assert_eq!(
            speakers(
                "A video shows four armed individuals in a forest. In the video they declare \
                 war on the government."
            ),
            ["four armed individuals"]
        );
        // Nothing plural before it: the pronoun stays.
        assert_eq!(
            speakers("In the video they declare war on the government."),
            ["they"]
        );
    }
}
