//! Same-run baselines for `herald eval ud`: a most-frequent-tag tagger and an
//! attach-to-the-previous-word parser. They give the accuracy and speed the trained models are
//! compared with in the same process.

use crate::conllu::ConlluSentence;
use std::collections::HashMap;

/// Most frequent (UPOS, XPOS) per word form; unseen words get the most frequent pair of their
/// shape class (capitalised, numeric, other).
pub struct MostFrequentTag {
    words: HashMap<String, (String, String)>,
    shapes: [(String, String); 3],
}

fn shape_class(w: &str) -> usize {
    if w.chars().next().is_some_and(char::is_uppercase) {
        0
    } else if w.chars().any(|c| c.is_ascii_digit()) {
        1
    } else {
        2
    }
}

impl MostFrequentTag {
    /// Counts tags in `sents`.
    pub fn train(sents: &[ConlluSentence]) -> MostFrequentTag {
        let mut counts: HashMap<&str, HashMap<(&str, &str), usize>> = HashMap::new();
        let mut shape_counts: [HashMap<(&str, &str), usize>; 3] = Default::default();
        for s in sents {
            for w in &s.words {
                let tag = (w.upos.as_str(), w.xpos.as_str());
                *counts.entry(&w.form).or_default().entry(tag).or_default() += 1;
                *shape_counts[shape_class(&w.form)].entry(tag).or_default() += 1;
            }
        }
        let best = |m: &HashMap<(&str, &str), usize>| {
            m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|((u, x), _)| (u.to_string(), x.to_string()))
                .unwrap_or_else(|| ("NOUN".into(), "NN".into()))
        };
        MostFrequentTag {
            words: counts
                .iter()
                .map(|(w, m)| (w.to_string(), best(m)))
                .collect(),
            shapes: [
                best(&shape_counts[0]),
                best(&shape_counts[1]),
                best(&shape_counts[2]),
            ],
        }
    }

    /// The (UPOS, XPOS) of `word`.
    pub fn tag(&self, word: &str) -> (&str, &str) {
        let (u, x) = self
            .words
            .get(word)
            .unwrap_or(&self.shapes[shape_class(word)]);
        (u, x)
    }
}

/// Heads of the chain baseline: every word depends on the word before it, the first is root.
pub fn chain_heads(n: usize) -> Vec<usize> {
    (0..n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::Word;

    #[test]
    fn picks_most_frequent_tag_and_shape_fallback() {
        let w = |f: &str, u: &str, x: &str| Word {
            form: f.into(),
            upos: u.into(),
            xpos: x.into(),
            ..Default::default()
        };
        let s = ConlluSentence {
            words: vec![
                w("run", "VERB", "VB"),
                w("run", "VERB", "VB"),
                w("run", "NOUN", "NN"),
                w("Paris", "PROPN", "NNP"),
            ],
            ..Default::default()
        };
        let m = MostFrequentTag::train(&[s]);
        assert_eq!(m.tag("run"), ("VERB", "VB"));
        assert_eq!(m.tag("Lyon"), ("PROPN", "NNP"));
        assert_eq!(chain_heads(3), vec![0, 1, 2]);
    }
}
