//! Named-entity recogniser: persons, organisations and places, as BIO tags predicted greedily
//! left to right by an averaged perceptron, with the BIO constraint enforced in decoding.
//!
//! Trained on GUM's named mentions (see [`crate::ner_data`]) and UNER English EWT dev; it
//! complements the actor and place dictionaries by finding names they do not list.

use crate::data::Rng;
use crate::features::{Atoms, f1, f2, f3};
use crate::model_io::{Reader, Writer};
use crate::weights::{Perceptron, Weights};
use herald_core::{EntityKind, Result};

const KIND: &[u8; 4] = b"NERR";
const START: u64 = 0x5354_4152;
const PAD_TAG: u64 = 0x5041_4454;

/// BIO classes: 0 = `O`, then `B-`/`I-` for PER, ORG, LOC.
pub const CLASSES: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

/// The class index of a BIO tag (`O` for anything unknown).
pub fn class_of(tag: &str) -> usize {
    CLASSES.iter().position(|c| *c == tag).unwrap_or(0)
}

/// The entity of a class: kind and whether it begins an entity.
pub fn entity_of(class: usize) -> Option<(EntityKind, bool)> {
    let kind = match class {
        1 | 2 => EntityKind::Person,
        3 | 4 => EntityKind::Organization,
        5 | 6 => EntityKind::Location,
        _ => return None,
    };
    Some((kind, class % 2 == 1))
}

/// Allowed after `prev`: `I-X` only continues `B-X` or `I-X`.
fn allowed(prev: usize, c: usize) -> bool {
    c == 0 || c % 2 == 1 || (prev != 0 && prev.div_ceil(2) == c.div_ceil(2))
}

/// A trained recogniser.
pub struct Ner {
    weights: Weights,
}

/// Features of word `i`; `a` and `t` are padded by two on each side.
fn features(a: &[Atoms], t: &[u64], i: usize, p1: u64, p2: u64, out: &mut Vec<u32>) {
    let j = i + 2;
    let (w, m1, m2, n1, n2) = (&a[j], &a[j - 1], &a[j - 2], &a[j + 1], &a[j + 2]);
    out.clear();
    out.extend_from_slice(&[
        f1(0, 1),
        f1(1, w.norm),
        f1(2, w.form),
        f1(3, w.shape),
        f1(4, w.suf[2]),
        f1(5, w.suf[3]),
        f1(6, w.pre[2]),
        f2(7, w.flags, (i == 0) as u64),
        f1(8, t[j]),
        f2(9, t[j - 1], t[j]),
        f2(10, t[j], t[j + 1]),
        f1(11, m1.norm),
        f1(12, n1.norm),
        f1(13, m2.norm),
        f1(14, n2.norm),
        f3(15, m1.shape, w.shape, n1.shape),
        f1(16, p1),
        f2(17, p1, p2),
        f2(18, p1, w.norm),
        f2(19, p1, w.shape),
        f2(20, p1, t[j]),
        f2(21, m1.norm, w.norm),
        f2(22, w.norm, n1.norm),
        f1(23, n1.form),
        f1(24, m1.form),
        f2(25, t[j + 1], n1.shape),
        f2(26, t[j - 1], m1.shape),
        f3(27, p1, w.shape, n1.shape),
        f1(28, w.suf[1]),
        f2(29, m1.norm, t[j]),
        f2(30, n1.norm, t[j]),
    ]);
}

fn padded_tags(tags: &[u64], out: &mut Vec<u64>) {
    out.clear();
    out.extend([PAD_TAG, PAD_TAG]);
    out.extend_from_slice(tags);
    out.extend([PAD_TAG, PAD_TAG]);
}

/// Reusable buffers.
#[derive(Default)]
pub struct NerScratch {
    t: Vec<u64>,
    feats: Vec<u32>,
    scores: Vec<i32>,
}

impl Ner {
    /// Tags a sentence given its padded atoms (as the tagger computes them) and one tag value
    /// per word; writes one class per word.
    pub fn tag(&self, atoms: &[Atoms], tags: &[u64], s: &mut NerScratch, out: &mut Vec<usize>) {
        padded_tags(tags, &mut s.t);
        s.scores.resize(CLASSES.len(), 0);
        out.clear();
        let (mut p1, mut p2) = (START, START);
        let mut prev = 0;
        for i in 0..tags.len() {
            features(atoms, &s.t, i, p1, p2, &mut s.feats);
            self.weights.score(&s.feats, &mut s.scores);
            let mut best = 0;
            for c in 1..CLASSES.len() {
                if allowed(prev, c) && s.scores[c] > s.scores[best] {
                    best = c;
                }
            }
            out.push(best);
            prev = best;
            p2 = p1;
            p1 = best as u64 + 1;
        }
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(KIND);
        w.strs(&CLASSES);
        self.weights.write(&mut w);
        w.buf
    }

    /// Reads a model written by [`Ner::to_bytes`].
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Ner> {
        let mut r = Reader::open(bytes, KIND, name)?;
        let classes = r.strs()?;
        if classes != CLASSES {
            return Err(r.err("unexpected entity classes"));
        }
        let weights = Weights::read(&mut r)?;
        if weights.n_classes() != CLASSES.len() || !r.at_end() {
            return Err(r.err("inconsistent entity model"));
        }
        Ok(Ner { weights })
    }
}

/// One training sentence: padded atoms, tag values, gold classes.
pub struct NerTrainSent {
    /// Atoms padded by two on each side.
    pub atoms: Vec<Atoms>,
    /// Tag value per word.
    pub tags: Vec<u64>,
    /// Gold class per word.
    pub gold: Vec<usize>,
}

/// Trains a recogniser.
pub fn train(sents: &[NerTrainSent], epochs: usize, seed: u64) -> Ner {
    let mut model = Perceptron::new(CLASSES.len());
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut t = Vec::new();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; CLASSES.len()];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = &sents[si];
            padded_tags(&s.tags, &mut t);
            let (mut p1, mut p2) = (START, START);
            let mut prev = 0;
            for i in 0..s.gold.len() {
                features(&s.atoms, &t, i, p1, p2, &mut feats);
                model.score(&feats, &mut scores);
                let mut best = 0;
                for c in 1..CLASSES.len() {
                    if allowed(prev, c) && scores[c] > scores[best] {
                        best = c;
                    }
                }
                model.update(&feats, s.gold[i], best);
                model.tick();
                prev = best;
                p2 = p1;
                p1 = best as u64 + 1;
            }
        }
    }
    Ner {
        weights: model.finish(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraint_and_entities() {
        assert!(allowed(1, 2));
        assert!(!allowed(0, 2));
        assert!(!allowed(3, 2));
        assert!(allowed(2, 2));
        assert!(allowed(4, 5));
        assert_eq!(entity_of(5), Some((EntityKind::Location, true)));
        assert_eq!(entity_of(4), Some((EntityKind::Organization, false)));
        assert_eq!(entity_of(0), None);
        assert_eq!(class_of("I-LOC"), 6);
        assert_eq!(class_of("B-MISC"), 0);
    }
}
