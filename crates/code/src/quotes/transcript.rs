//! Transcripts: paragraphs that open with a speaker's label in capitals ("PENCE: Well, …").
//!
//! A label counts only in a document that reads as a transcript: at least three labelled
//! paragraphs from at least two speakers, so that one-off headers ("UPDATE:", "BYLINE:") are
//! not taken for speakers. A turn runs to its paragraph's end, and over the unlabelled
//! paragraphs that follow it up to the next turn (not after the last one, where the article
//! may take over again).

use herald_core::Span;

/// One speaker's turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Turn {
    /// The label's bytes ("PENCE", "SEN. JO PARK").
    pub label: Span,
    /// The colon after the label.
    pub colon: Span,
    /// What the speaker says, one span per paragraph.
    pub pieces: Vec<Span>,
}

/// Labels that head a paragraph without naming a speaker.
fn is_header(label: &str) -> bool {
    matches!(
        label,
        "UPDATE"
            | "UPDATED"
            | "CORRECTION"
            | "CLARIFICATION"
            | "BYLINE"
            | "EMAIL"
            | "VIDEO"
            | "WATCH"
            | "PHOTO"
            | "PHOTOS"
            | "EXCLUSIVE"
            | "BREAKING"
            | "NOTE"
            | "EDITOR'S NOTE"
            | "EDITOR’S NOTE"
            | "SOURCE"
            | "SOURCES"
            | "RELATED"
            | "READ MORE"
            | "LOOK"
            | "AUDIO"
            | "TRANSCRIPT"
            | "Q"
            | "A"
    )
}

/// The label at the start of a paragraph: up to four words of capitals, then a colon and a
/// space. Returns the label's and the colon's byte ranges within `p`.
fn label(p: &str) -> Option<((usize, usize), usize)> {
    let lead = p.len()
        - p.trim_start_matches([' ', '\t', '"', '“', '\'', '‘', '`'])
            .len();
    let colon = lead + p[lead..].find(':')?;
    let l = &p[lead..colon];
    let words = l.split(' ').count();
    let letters = l.chars().filter(|c| c.is_alphabetic()).count();
    let ok = words <= 4
        && letters >= 2
        && l.starts_with(|c: char| c.is_uppercase())
        && l.chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && p[colon + 1..].starts_with(char::is_whitespace)
        && !is_header(l);
    ok.then_some(((lead, colon), colon))
}

/// The turns of `text`, if it reads as a transcript.
pub(crate) fn turns(text: &str) -> Vec<Turn> {
    // (paragraph span, label and colon within the document)
    let mut paras: Vec<(Span, Option<(Span, Span)>)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let base = at;
        at += line.len();
        let body = line.trim_end();
        if body.trim().is_empty() {
            continue;
        }
        let lab = label(body).map(|((s, e), c)| {
            (
                Span::new(base + s, base + e),
                Span::new(base + c, base + c + 1),
            )
        });
        paras.push((Span::new(base, base + body.len()), lab));
    }
    let labelled: Vec<&str> = paras
        .iter()
        .filter_map(|(_, l)| l.map(|(s, _)| s.slice(text)))
        .collect();
    let mut distinct = labelled.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if labelled.len() < 3 || distinct.len() < 2 {
        return Vec::new();
    }
    let mut out: Vec<Turn> = Vec::new();
    let mut open: Option<Turn> = None;
    for (para, lab) in paras {
        if let Some((label, colon)) = lab {
            out.extend(open.take());
            let content = trimmed(text, Span::new(colon.end, para.end));
            open = Some(Turn {
                label,
                colon,
                pieces: content.into_iter().collect(),
            });
        } else if let Some(t) = open.as_mut() {
            // A stage direction, "(CROSSTALK)", is nobody's words.
            let body = para.slice(text).trim_start_matches(['"', '“', ' ']);
            if !body.starts_with(['(', '[']) {
                t.pieces.extend(trimmed(text, para));
            }
        }
    }
    // The last turn keeps its own paragraph only.
    if let Some(mut t) = open {
        t.pieces.truncate(1);
        out.push(t);
    }
    out.retain(|t| !t.pieces.is_empty());
    out
}

/// `span` without spaces and quotation marks at its ends; `None` when nothing is left.
fn trimmed(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text);
    let marks = [' ', '\t', '\u{a0}', '"', '“', '”'];
    let start = span.start + (s.len() - s.trim_start_matches(marks).len());
    let end = span.start + s.trim_end_matches(marks).len();
    (end > start).then(|| Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Vec<String>)> {
        turns(text)
            .into_iter()
            .map(|t| {
                (
                    t.label.slice(text).to_string(),
                    t.pieces.iter().map(|p| p.slice(text).to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn reads_turns() {
        let text = "The interview ran on Sunday.\n\n\"HOST: Will you run again?\n\n\
                    \"SEN. ANA RUIZ: Not this year. We have work to do.\n\n\"(LAUGHTER)\n\n\
                    \"And the party knows it.\n\n\"HOST: Thank you.\n\nThe show ended.";
        let got = read(text);
        assert_eq!(
            got,
            vec![
                ("HOST".to_string(), vec!["Will you run again?".to_string()]),
                (
                    "SEN. ANA RUIZ".to_string(),
                    vec![
                        "Not this year. We have work to do.".to_string(),
                        "And the party knows it.".to_string()
                    ]
                ),
                ("HOST".to_string(), vec!["Thank you.".to_string()]),
            ]
        );
    }

    #[test]
    fn headers_are_no_transcript() {
        // One label, or labels that are headers, make no transcript.
        assert!(read("UPDATE: The vote moved.\n\nBYLINE: Jo Park.\n\nUPDATE: Done.").is_empty());
        assert!(read("KIM: Yes.\n\nKIM: No.\n\nKIM: Maybe.").is_empty());
        assert!(read("LEE: Yes.\n\nKIM: No.").is_empty());
        assert_eq!(read("LEE: Yes.\n\nKIM: No.\n\nLEE: So?").len(), 3);
    }
}
