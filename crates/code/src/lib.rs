//! herald's coder: from analysed sentences to events, quotes, figures, times and places.
//!
//! Place in the pipeline: after `herald-nlp` (sentences, tokens, tags, parse), before the store.
//! [`Coder::code`] runs every stage over one document and returns the output contract's
//! [`CodedDoc`](herald_core::CodedDoc).
//!
//! ```
//! use herald_code::Coder;
//! use herald_core::Document;
//! let coder = Coder::new();
//! let out = coder.code(&Document::from_text("Protesters gathered in Almaty on Tuesday."));
//! assert_eq!(out.doc.language, "en");
//! ```
#![deny(missing_docs)]

pub mod actors;
pub mod coref;
pub mod events;
pub mod figures;
pub(crate) mod numbers;
pub mod ontology;
mod pipeline;
pub mod places;
pub mod quotes;
pub mod time;

pub use pipeline::{Coder, StageTimes};
