//! herald's language layer: text in, sentences of tagged and parsed tokens out.
//!
//! Place in the pipeline: after ingest, before the coder. [`analyze`] splits a document into
//! sentences and tokens (byte spans into the text) and annotates every token with its part of
//! speech, lemma, dependency head and relation, and entity tag.
#![deny(missing_docs)]

pub mod conllu;
pub mod segment;

use herald_core::Sentence;

/// Splits `text` into sentences and tokens and annotates them with the embedded models.
pub fn analyze(text: &str) -> Vec<Sentence> {
    segment::segment(text)
}
