//! herald's language layer: text in, sentences of tagged and parsed tokens out.
//!
//! Place in the pipeline: after ingest, before the coder. [`analyze`] splits a document into
//! sentences and tokens (byte spans into the text) and annotates every token with its part of
//! speech, lemma, dependency head and relation, and entity tag.
//!
//! ```
//! let sentences = herald_nlp::analyze("Protesters stormed the building.");
//! let t = &sentences[0].tokens[1];
//! assert_eq!(t.upos, herald_core::Upos::Verb);
//! assert_eq!(t.lemma, "storm");
//! ```
//!
//! The models are trained by this crate's own code from UD English EWT and the
//! commercially usable part of UD English GUM (`herald train tagger|parser|ner`), committed
//! under `models/` and embedded with `include_bytes!`; they are decoded once, on first use.
#![deny(missing_docs)]

pub mod baseline;
pub mod conllu;
pub mod conllu_out;
pub mod data;
pub mod eval_ud;
pub mod features;
pub mod lemma;
pub mod model_io;
pub mod ner;
pub mod ner_data;
pub mod parser;
pub mod pipeline;
pub mod segment;
pub mod tagger;
pub mod train;
pub mod train_ner;
mod train_parser;
pub mod weights;

pub use pipeline::{Annotator, Models, NlpTimes};

use herald_core::Sentence;

/// Splits `text` into sentences and tokens and annotates them with the embedded models.
pub fn analyze(text: &str) -> Vec<Sentence> {
    let mut sentences = segment::segment(text);
    annotate(text, &mut sentences);
    sentences
}

/// [`analyze`], adding the time spent in each step (and the sentences and tokens seen) to
/// `times`. The sentences are the same as [`analyze`]'s.
pub fn analyze_timed(text: &str, times: &mut NlpTimes) -> Vec<Sentence> {
    let t0 = std::time::Instant::now();
    let mut sentences = segment::segment(text);
    times.segment += t0.elapsed();
    times.sentences += sentences.len() as u64;
    times.tokens += sentences.iter().map(|s| s.tokens.len() as u64).sum::<u64>();
    Annotator::new(Models::embedded()).annotate_timed(text, &mut sentences, times);
    sentences
}

/// Annotates already-segmented `sentences` (token spans index `text`) with the embedded
/// models: UPOS, XPOS, lemma, head, relation and entity tag of every token.
pub fn annotate(text: &str, sentences: &mut [Sentence]) {
    Annotator::new(Models::embedded()).annotate(text, sentences);
}
