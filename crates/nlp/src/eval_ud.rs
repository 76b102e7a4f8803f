//! `herald eval ud`: tagging, lemma and attachment scores on gold tokens (CoNLL 2018 style).
//!
//! UPOS, XPOS and lemma accuracy are exact matches; UAS counts correct heads; LAS counts
//! correct heads with the correct universal relation (the part before `:`, as the CoNLL 2018
//! shared task scores it); `las_full` also requires the subtype. Punctuation is included.
//!
//! Throughput: each phase (tag, parse, lemmatise) runs over the whole file on one thread with
//! the models already loaded. Rates are given per second of the thread's CPU time (from
//! `/proc/thread-self/schedstat`, so that other processes on a shared machine do not distort
//! them) and per second of wall-clock time.

use crate::conllu::ConlluSentence;
use crate::pipeline::Annotator;
use std::time::Instant;

/// Scores over one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UdScores {
    /// Sentences.
    pub sentences: usize,
    /// Words scored.
    pub tokens: usize,
    /// Correct UPOS.
    pub upos: usize,
    /// Correct XPOS.
    pub xpos: usize,
    /// Correct (UPOS, XPOS) pairs.
    pub tags: usize,
    /// Correct lemmas.
    pub lemma: usize,
    /// Correct heads.
    pub uas: usize,
    /// Correct heads and universal relations.
    pub las: usize,
    /// Correct heads and full relations (with subtypes).
    pub las_full: usize,
    /// Seconds spent tagging (thread CPU time when available, else wall clock).
    pub tag_seconds: f64,
    /// Seconds spent lemmatising.
    pub lemma_seconds: f64,
    /// Seconds spent parsing.
    pub parse_seconds: f64,
    /// Wall-clock seconds of the three phases together.
    pub wall_seconds: f64,
    /// True when the phase times are thread CPU time.
    pub cpu_time: bool,
}

/// Nanoseconds this thread has run on a CPU (Linux), if known.
pub fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// A stopwatch over thread CPU time, falling back to wall-clock time.
struct Watch {
    cpu: Option<u64>,
    wall: Instant,
}

impl Watch {
    fn start() -> Watch {
        Watch {
            cpu: thread_cpu_ns(),
            wall: Instant::now(),
        }
    }
    fn seconds(&self) -> (f64, bool) {
        match (self.cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => ((b.saturating_sub(a)) as f64 / 1e9, true),
            _ => (self.wall.elapsed().as_secs_f64(), false),
        }
    }
}

impl UdScores {
    /// `part` as a percentage of the tokens.
    pub fn pct(&self, part: usize) -> f64 {
        100.0 * part as f64 / self.tokens.max(1) as f64
    }

    /// Tokens per second of a phase that took `secs`.
    pub fn rate(&self, secs: f64) -> f64 {
        self.tokens as f64 / secs.max(1e-9)
    }

    /// The human summary.
    pub fn human(&self, name: &str) -> String {
        format!(
            "{name}: {} sentences, {} words (gold tokens, punctuation included)\n\
             UPOS {:.2}%  XPOS {:.2}%  UPOS+XPOS {:.2}%  lemma {:.2}%\n\
             UAS {:.2}%  LAS {:.2}%  (LAS with subtypes {:.2}%)\n\
             tokens/s, one thread ({}): tag {:.0}, parse {:.0}, tag+parse {:.0}, tag+parse+lemma {:.0}; wall clock all phases {:.0}\n",
            self.sentences,
            self.tokens,
            self.pct(self.upos),
            self.pct(self.xpos),
            self.pct(self.tags),
            self.pct(self.lemma),
            self.pct(self.uas),
            self.pct(self.las),
            self.pct(self.las_full),
            if self.cpu_time {
                "CPU time"
            } else {
                "wall clock"
            },
            self.rate(self.tag_seconds),
            self.rate(self.parse_seconds),
            self.rate(self.tag_seconds + self.parse_seconds),
            self.rate(self.tag_seconds + self.parse_seconds + self.lemma_seconds),
            self.rate(self.wall_seconds),
        )
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Scores the annotator's models on gold sentences.
pub fn evaluate(ann: &mut Annotator<'_>, gold: &[ConlluSentence]) -> UdScores {
    let mut sc = UdScores::default();
    let models = ann.models();
    let words: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let wall = Instant::now();
    // Phase 1: tag.
    let w = Watch::start();
    let tags: Vec<Vec<usize>> = words.iter().map(|ws| ann.tag(ws).to_vec()).collect();
    (sc.tag_seconds, sc.cpu_time) = w.seconds();
    // Phase 2: parse.
    let w = Watch::start();
    let parsed: Vec<Option<(Vec<usize>, Vec<u8>)>> = words
        .iter()
        .zip(&tags)
        .map(|(ws, t)| {
            ann.parse_indices(ws, t)
                .map(|(h, l)| (h.to_vec(), l.to_vec()))
        })
        .collect();
    sc.parse_seconds = w.seconds().0;
    // Phase 3: lemmatise.
    let w = Watch::start();
    let t = &models.tagger;
    let lemmas: Vec<Vec<String>> = words
        .iter()
        .zip(&tags)
        .map(|(ws, ts)| {
            ws.iter()
                .zip(ts)
                .map(|(w, &c)| models.lemmatizer.lemma(w, t.xpos(c)))
                .collect()
        })
        .collect();
    sc.lemma_seconds = w.seconds().0;
    sc.wall_seconds = wall.elapsed().as_secs_f64();
    let names = models.parser.as_ref().map(|p| p.labels()).unwrap_or(&[]);
    for (k, s) in gold.iter().enumerate() {
        sc.sentences += 1;
        for (i, w) in s.words.iter().enumerate() {
            let c = tags[k][i];
            sc.tokens += 1;
            let up = t.upos(c).as_str() == w.upos;
            let xp = t.xpos(c) == w.xpos;
            sc.upos += up as usize;
            sc.xpos += xp as usize;
            sc.tags += (up && xp) as usize;
            sc.lemma += (lemmas[k][i] == w.lemma) as usize;
            if let Some((heads, rels)) = &parsed[k]
                && heads[i] == w.head
            {
                sc.uas += 1;
                let rel = names[rels[i] as usize].as_str();
                sc.las += (universal(rel) == universal(&w.deprel)) as usize;
                sc.las_full += (rel == w.deprel) as usize;
            }
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn universal_relation_drops_subtype() {
        assert_eq!(universal("nsubj:pass"), "nsubj");
        assert_eq!(universal("obj"), "obj");
    }

    #[test]
    fn thread_cpu_time_advances() {
        let Some(a) = thread_cpu_ns() else {
            eprintln!("skipping: /proc/thread-self/schedstat not available");
            return;
        };
        // The kernel updates the counter at scheduler ticks: spin for a few of them.
        let t0 = Instant::now();
        let mut x = 0u64;
        while t0.elapsed().as_millis() < 60 {
            for i in 0..10_000u64 {
                x = x.wrapping_mul(31).wrapping_add(i);
            }
        }
        std::hint::black_box(x);
        assert!(thread_cpu_ns().unwrap() > a);
    }
}
