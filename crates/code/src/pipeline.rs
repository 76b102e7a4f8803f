//! The coder: every stage over one document, in the pipeline's one-way order.

use herald_core::{CodedDoc, Document};

/// Codes documents. Build once, share across threads (`Send + Sync`), call [`Coder::code`].
#[derive(Debug, Default)]
pub struct Coder {}

impl Coder {
    /// A coder with the embedded default dictionaries and models.
    pub fn new() -> Coder {
        Coder {}
    }

    /// Codes one document.
    pub fn code(&self, doc: &Document) -> CodedDoc {
        let _sentences = herald_nlp::analyze(&doc.text);
        CodedDoc {
            doc: doc.meta(),
            ..Default::default()
        }
    }
}
