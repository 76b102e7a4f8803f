//! herald's shared types.
//!
//! Every stage of the pipeline (`ingest → segment → tag+parse → actors → time → places → events →
//! quotes, figures → consolidate`) reads and writes the types defined here, so that a crate never
//! needs to reach "up" the dependency chain. Offsets are byte offsets into [`Document::text`]
//! (UTF-8); no stage rewrites them.
//!
//! ```
//! use herald_core::{Document, Span};
//! let doc = Document::from_text("Tokayev ordered troops to Almaty.");
//! let span = Span::new(0, 7);
//! assert_eq!(span.slice(&doc.text), "Tokayev");
//! ```
#![deny(missing_docs)]

mod document;
mod error;
pub mod metrics;
mod output;
mod span;
mod syntax;

pub use document::{DocMeta, Document};
pub use error::{Error, Result};
pub use output::{
    ActorRef, CodedDoc, Event, Figure, Mention, Place, Plover, Quote, Speaker, TimeExpr,
};
pub use span::{CharIndex, Span};
pub use syntax::{EntityKind, Sentence, Token, Upos};
