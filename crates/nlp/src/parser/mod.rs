//! Labelled dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron,
//! trained with a dynamic oracle and exploration (Goldberg & Nivre 2013).
//!
//! Why this design: a greedy transition parser is linear in sentence length and needs one
//! sparse dot product per move, so it parses hundreds of thousands of words a second on one
//! core; the dynamic oracle teaches it to recover from its own mistakes, which is most of the
//! gap between greedy and beam parsers. Non-projective training trees are lifted to
//! projective ones; the output is always a single-rooted projective tree.

mod features;
pub mod state;

use crate::data::Rng;
use crate::model_io::{Reader, Writer};
use crate::weights::{Perceptron, Weights};
use features::{Inputs, extract};
use herald_core::Result;
use state::{Move, NONE, State};

const KIND: &[u8; 4] = b"PARS";
/// Word and tag value of the artificial root.
pub const ROOT_VALUE: u64 = 0x524F_4F54;

/// The tag value the parser sees for a (UPOS, XPOS) pair.
pub fn tag_value(upos: &str, xpos: &str) -> u64 {
    crate::features::hash_str(upos) ^ crate::features::hash_str(xpos).rotate_left(17)
}

/// A trained parser.
pub struct Parser {
    weights: Weights,
    labels: Vec<String>,
    /// Index of the `root` relation, when the labels have it.
    root_label: Option<u8>,
}

/// Reusable buffers for parsing.
#[derive(Default)]
pub struct ParseScratch {
    st: State,
    feats: Vec<u32>,
    scores: Vec<i32>,
    w: Vec<u64>,
    t: Vec<u64>,
}

/// Mask the scores of invalid moves and return the best valid class.
fn best_valid<T: PartialOrd + Copy>(scores: &[T], valid: [bool; 3], n_labels: usize) -> usize {
    let mut best = NONE;
    for (c, &s) in scores.iter().enumerate() {
        let kind = if c == 0 {
            0
        } else if c <= n_labels {
            1
        } else {
            2
        };
        if valid[kind] && (best == NONE || s > scores[best]) {
            best = c;
        }
    }
    best
}

impl Parser {
    fn with(weights: Weights, labels: Vec<String>) -> Parser {
        let root_label = labels
            .iter()
            .position(|l| l == "root")
            .and_then(|i| u8::try_from(i).ok());
        Parser {
            weights,
            labels,
            root_label,
        }
    }

    /// The relation names, by label index.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Parses a sentence given its word hashes and tag values (one per word). Writes heads
    /// (0 = root, else 1-based) and label indices.
    pub fn parse(
        &self,
        words: &[u64],
        tags: &[u64],
        s: &mut ParseScratch,
        heads: &mut Vec<usize>,
        labels: &mut Vec<u8>,
    ) {
        let n = words.len();
        let nl = self.labels.len();
        s.w.clear();
        s.w.extend_from_slice(words);
        s.w.push(ROOT_VALUE);
        s.t.clear();
        s.t.extend_from_slice(tags);
        s.t.push(ROOT_VALUE);
        s.scores.resize(self.weights.n_classes(), 0);
        s.st.reset(n);
        let x = Inputs { w: &s.w, t: &s.t };
        while !s.st.terminal() {
            let valid = s.st.valid();
            // An empty stack leaves only SHIFT: no need to score it (head-final phrases empty
            // the stack often: "the dog barked" shifts "dog" and "barked" this way).
            if valid == [true, false, false] {
                s.st.apply(Move::Shift);
                continue;
            }
            // One word left on the stack and none in the buffer: it is the sentence's root.
            if valid == [false, true, false]
                && let Some(root) = self.root_label
            {
                s.st.apply(Move::Left(root));
                continue;
            }
            extract(&s.st, &x, &mut s.feats);
            self.weights.score(&s.feats, &mut s.scores);
            let c = best_valid(&s.scores, valid, nl);
            s.st.apply(Move::from_class(c, nl));
        }
        heads.clear();
        labels.clear();
        for i in 0..n {
            let h = s.st.head[i];
            heads.push(if h == n { 0 } else { h + 1 });
            labels.push(s.st.label[i]);
        }
    }

    /// A copy with weights below `min_q` quantised units dropped.
    pub fn pruned(&self, min_q: i16) -> Parser {
        Parser {
            weights: self.weights.pruned(min_q),
            labels: self.labels.clone(),
            root_label: self.root_label,
        }
    }

    /// Number of stored features and weights, and the value of one quantised unit.
    pub fn size(&self) -> (usize, usize, f32) {
        (
            self.weights.n_features(),
            self.weights.n_weights(),
            self.weights.scale(),
        )
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(KIND);
        w.strs(&self.labels);
        self.weights.write(&mut w);
        w.buf
    }

    /// Reads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Parser> {
        let mut r = Reader::open(bytes, KIND, name)?;
        let labels = r.strs()?;
        let weights = Weights::read(&mut r)?;
        if weights.n_classes() != 1 + 2 * labels.len() || !r.at_end() || labels.len() > 64 {
            return Err(r.err("inconsistent parser model"));
        }
        Ok(Parser::with(weights, labels))
    }
}

/// One training sentence: word hashes, tag values, gold heads (CoNLL-U convention) and labels.
pub struct TrainSent {
    /// Normalised word hashes.
    pub w: Vec<u64>,
    /// Tag values (predicted tags, as at run time).
    pub t: Vec<u64>,
    /// Gold heads, 0 = root, else 1-based; projective.
    pub heads: Vec<usize>,
    /// Gold label indices.
    pub labels: Vec<u8>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct ParseTrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Probability of following a wrong prediction (from the second epoch).
    pub explore: f64,
    /// Seed for shuffling and exploration.
    pub seed: u64,
    /// Averaged weights below this magnitude are dropped.
    pub prune: f32,
}

impl Default for ParseTrainConfig {
    fn default() -> Self {
        ParseTrainConfig {
            epochs: 12,
            explore: 0.9,
            seed: 0x009A_25E5,
            prune: 1.2,
        }
    }
}

/// Labelled cost of class `c` given the unlabelled costs.
fn class_cost(
    st: &State,
    c: usize,
    costs: &[Option<u32>; 3],
    gh: &[usize],
    gl: &[u8],
    nl: usize,
) -> Option<u32> {
    match Move::from_class(c, nl) {
        Move::Shift => costs[0],
        Move::Left(l) => costs[1].map(|k| {
            let s0 = st.s(0);
            k + (gh[s0] == st.b && gl[s0] != l) as u32
        }),
        Move::Right(l) => costs[2].map(|k| {
            let s0 = st.s(0);
            k + (gh[s0] == st.s(1) && gl[s0] != l) as u32
        }),
    }
}

/// Trains a parser. `labels` names the label indices used in `sents`.
pub fn train(
    sents: &[TrainSent],
    labels: Vec<String>,
    cfg: &ParseTrainConfig,
    mut progress: impl FnMut(usize, f64),
) -> Parser {
    let nl = labels.len();
    let n_classes = 1 + 2 * nl;
    let mut model = Perceptron::new(n_classes);
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut st = State::default();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; n_classes];
    let mut w = Vec::new();
    let mut t = Vec::new();
    let mut gh = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let s = &sents[si];
            let n = s.w.len();
            w.clear();
            w.extend_from_slice(&s.w);
            w.push(ROOT_VALUE);
            t.clear();
            t.extend_from_slice(&s.t);
            t.push(ROOT_VALUE);
            gh.clear();
            gh.extend(s.heads.iter().map(|&h| if h == 0 { n } else { h - 1 }));
            gh.push(NONE);
            st.reset(n);
            while !st.terminal() {
                let x = Inputs { w: &w, t: &t };
                extract(&st, &x, &mut feats);
                model.score(&feats, &mut scores);
                let valid = st.valid();
                let costs = st.costs(&gh);
                let pred = best_valid(&scores, valid, nl);
                let mut gold = NONE;
                for c in 0..n_classes {
                    if class_cost(&st, c, &costs, &gh, &s.labels, nl) == Some(0)
                        && (gold == NONE || scores[c] > scores[gold])
                    {
                        gold = c;
                    }
                }
                if gold == NONE {
                    // No zero-cost move (cannot happen on projective trees); follow the model.
                    st.apply(Move::from_class(pred, nl));
                    continue;
                }
                let pred_cost = class_cost(&st, pred, &costs, &gh, &s.labels, nl);
                total += 1;
                if pred_cost == Some(0) {
                    right += 1;
                } else {
                    model.update(&feats, gold, pred);
                }
                model.tick();
                let follow = if pred_cost == Some(0) || (epoch > 0 && rng.unit() < cfg.explore) {
                    pred
                } else {
                    gold
                };
                st.apply(Move::from_class(follow, nl));
            }
        }
        progress(epoch, right as f64 / total.max(1) as f64);
    }
    Parser::with(model.finish(cfg.prune), labels)
}
