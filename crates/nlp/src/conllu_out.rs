//! Writing predicted annotation as CoNLL-U (`herald parse --format conllu`).

use crate::conllu::ConlluSentence;
use crate::pipeline::Annotator;
use herald_core::Sentence;
use std::fmt::Write;

/// Annotates gold-tokenised sentences and writes them as CoNLL-U: comments, multi-word token
/// lines and MISC are kept; LEMMA, UPOS, XPOS, HEAD and DEPREL are predicted; FEATS and DEPS
/// are `_`.
pub fn annotate_conllu(ann: &mut Annotator<'_>, sents: &[ConlluSentence]) -> String {
    let mut out = String::new();
    let models = ann.models();
    let mut words: Vec<&str> = Vec::new();
    let mut lemma = String::new();
    for s in sents {
        for c in &s.comments {
            out.push_str(c);
            out.push('\n');
        }
        words.clear();
        words.extend(s.words.iter().map(|w| w.form.as_str()));
        let tags = ann.tag(&words).to_vec();
        let parsed = ann.parse_tagged(&words, &tags);
        for (i, w) in s.words.iter().enumerate() {
            for m in s.multiwords.iter().filter(|m| m.first == i + 1) {
                let _ = writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t_",
                    m.first, m.last, m.form
                );
            }
            let t = &models.tagger;
            models
                .lemmatizer
                .lemma_into(&w.form, t.xpos(tags[i]), &mut lemma);
            let (head, rel) = match &parsed {
                Some((h, r)) => (h[i].to_string(), r[i].as_str()),
                None => ("_".to_string(), "_"),
            };
            let misc = if w.misc.is_empty() { "_" } else { &w.misc };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                w.form,
                lemma,
                t.upos(tags[i]).as_str(),
                t.xpos(tags[i]),
                head,
                rel,
                misc
            );
        }
        out.push('\n');
    }
    out
}

/// Writes annotated sentences of `text` as CoNLL-U, with `# sent_id`, `# text` and
/// `SpaceAfter=No` where a token touches the next.
pub fn sentences_to_conllu(text: &str, sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for (k, s) in sentences.iter().enumerate() {
        let stext: String = s
            .span
            .get(text)
            .unwrap_or("")
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let _ = writeln!(out, "# sent_id = {}", k + 1);
        let _ = writeln!(out, "# text = {stext}");
        for (i, t) in s.tokens.iter().enumerate() {
            let form = clean(t.span.get(text).unwrap_or("_"));
            let mut misc = Vec::new();
            if let Some(next) = s.tokens.get(i + 1)
                && next.span.start == t.span.end
            {
                misc.push("SpaceAfter=No".to_string());
            }
            if let Some((kind, begins)) = t.entity {
                let k = match kind {
                    herald_core::EntityKind::Person => "PER",
                    herald_core::EntityKind::Organization => "ORG",
                    herald_core::EntityKind::Location => "LOC",
                };
                misc.push(format!("NER={}-{k}", if begins { "B" } else { "I" }));
            }
            let misc = if misc.is_empty() {
                "_".to_string()
            } else {
                misc.join("|")
            };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                form,
                or_blank(&clean(&t.lemma)),
                t.upos.as_str(),
                or_blank(&t.xpos),
                t.head,
                or_blank(&t.deprel),
                misc
            );
        }
        out.push('\n');
    }
    out
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() { "_" } else { s }
}

/// True when `input` looks like CoNLL-U: the first non-blank line is a comment or a word line
/// with ten tab-separated columns.
pub fn looks_like_conllu(input: &str) -> bool {
    input
        .lines()
        .map(str::trim_end)
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with('#') || l.split('\t').count() == 10)
}
