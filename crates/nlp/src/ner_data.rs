//! Entity-recogniser training and test data: GUM's `Entity=` annotations reduced to named
//! persons, organisations and places, and UNER's IOB2 files.
//!
//! GUM marks every mention (`the president`, `it`, `Obama`) with its entity type. A mention
//! counts as a *named* entity when its syntactic head is a proper noun; its extent is the
//! mention trimmed to its first and last proper noun (`the University of Portsmouth` →
//! `University of Portsmouth`). Nested named mentions inside a longer one are dropped, as
//! UNER annotates only the outermost name.

use crate::conllu::ConlluSentence;
use herald_core::{Error, Result};
use std::path::Path;

/// Entity classes, in tag order.
pub const KINDS: [&str; 3] = ["PER", "ORG", "LOC"];

/// A sentence with its words and gold BIO tags (`O`, `B-PER`, `I-LOC`…).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NerSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// One tag per word.
    pub tags: Vec<String>,
}

fn gum_kind(etype: &str) -> Option<&'static str> {
    match etype {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "place" => Some("LOC"),
        _ => None,
    }
}

/// Converts one GUM sentence to BIO tags of named entities.
pub fn from_gum(s: &ConlluSentence) -> NerSentence {
    let n = s.words.len();
    // (start, end inclusive, kind)
    let mut spans: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut open: Vec<(String, usize, Option<&'static str>)> = Vec::new();
    for (i, w) in s.words.iter().enumerate() {
        let Some(ent) = w.misc.split('|').find_map(|kv| kv.strip_prefix("Entity=")) else {
            continue;
        };
        let b = ent.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'(' {
                let end = ent[k + 1..]
                    .find(['(', ')'])
                    .map_or(ent.len(), |e| k + 1 + e);
                let body = &ent[k + 1..end];
                let mut parts = body.split('-');
                let id = parts.next().unwrap_or("").to_string();
                let kind = parts.next().and_then(gum_kind);
                if end < ent.len() && b[end] == b')' {
                    if let Some(kind) = kind {
                        spans.push((i, i, kind));
                    }
                    k = end + 1;
                } else {
                    open.push((id, i, kind));
                    k = end;
                }
            } else {
                let end = ent[k..].find(')').map_or(ent.len(), |e| k + e);
                let id = &ent[k..end];
                if let Some(pos) = open.iter().rposition(|(o, _, _)| o == id) {
                    let (_, start, kind) = open.remove(pos);
                    if let Some(kind) = kind {
                        spans.push((start, i, kind));
                    }
                }
                k = end + 1;
            }
        }
    }
    let is_propn = |i: usize| s.words[i].upos == "PROPN";
    let mut named: Vec<(usize, usize, &'static str)> = Vec::new();
    for (a, b, kind) in spans {
        // The head: the word whose head lies outside the span.
        let head = (a..=b).find(|&i| {
            let h = s.words[i].head;
            h == 0 || h - 1 < a || h - 1 > b
        });
        if !head.is_some_and(is_propn) {
            continue;
        }
        let first = (a..=b).find(|&i| is_propn(i));
        let last = (a..=b).rev().find(|&i| is_propn(i));
        if let (Some(f), Some(l)) = (first, last) {
            named.push((f, l, kind));
        }
    }
    // Outermost first; drop anything overlapping an accepted span.
    named.sort_by_key(|&(f, l, _)| (std::cmp::Reverse(l - f), f));
    let mut tags = vec!["O".to_string(); n];
    let mut taken = vec![false; n];
    for (f, l, kind) in named {
        if (f..=l).any(|i| taken[i]) {
            continue;
        }
        for i in f..=l {
            taken[i] = true;
            tags[i] = format!("{}-{kind}", if i == f { "B" } else { "I" });
        }
    }
    NerSentence {
        words: s.words.iter().map(|w| w.form.clone()).collect(),
        tags,
    }
}

/// Reads a UNER IOB2 file (`id word tag …` per line, `#` comments, blank lines between
/// sentences). Unknown tag classes (`MISC`…) become `O`.
pub fn read_iob2(path: &Path) -> Result<Vec<NerSentence>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path.display(), e))?;
    let mut out = Vec::new();
    let mut cur = NerSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(Error::format(
                format!("{}:{}", path.display(), n + 1),
                format!(
                    "expected at least 3 tab-separated columns, found {}",
                    cols.len()
                ),
            ));
        }
        let tag = cols[2];
        let keep = tag
            .split_once('-')
            .is_some_and(|(bi, k)| (bi == "B" || bi == "I") && KINDS.contains(&k));
        cur.words.push(cols[1].to_string());
        cur.tags
            .push(if keep { tag.to_string() } else { "O".into() });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Entity spans `(start, end exclusive, kind)` of a BIO sequence; an `I-` without a matching
/// `B-` starts an entity (CoNLL convention).
pub fn spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, t) in tags
        .iter()
        .chain(std::iter::once(&"O".to_string()))
        .enumerate()
    {
        let (bi, kind) = t.split_once('-').unwrap_or(("O", ""));
        let continues = bi == "I" && cur.as_ref().is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((s, k)) = cur.take() {
                out.push((s, i, k));
            }
            if bi == "B" || bi == "I" {
                cur = Some((i, kind.to_string()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::Word;

    fn w(form: &str, upos: &str, head: usize, misc: &str) -> Word {
        Word {
            form: form.into(),
            upos: upos.into(),
            head,
            misc: misc.into(),
            ..Default::default()
        }
    }

    #[test]
    fn gum_mentions_become_named_entities() {
        // "the University of Portsmouth hired her": ORG with a nested place; a pronoun person.
        let s = ConlluSentence {
            words: vec![
                w("the", "DET", 2, "Entity=(1-organization-new-x-cf1-2-sgl"),
                w("University", "PROPN", 5, "_"),
                w("of", "ADP", 4, "_"),
                w(
                    "Portsmouth",
                    "PROPN",
                    2,
                    "Entity=(2-place-new-x-cf2-1-sgl)1)",
                ),
                w("hired", "VERB", 0, "_"),
                w("her", "PRON", 5, "Entity=(3-person-giv-x-cf3-1-ana)"),
            ],
            ..Default::default()
        };
        let ner = from_gum(&s);
        assert_eq!(ner.tags, ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]);
    }

    #[test]
    fn bio_spans_follow_conll_rules() {
        let t: Vec<String> = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-PER"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            spans(&t),
            vec![
                (0, 2, "PER".to_string()),
                (3, 4, "LOC".to_string()),
                (4, 5, "ORG".to_string()),
                (5, 6, "PER".to_string())
            ]
        );
    }
}
