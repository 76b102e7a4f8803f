//! The coder: every stage over one document, in the pipeline's one-way order.

use crate::events::EventStage;
use herald_core::{CodedDoc, Document};

/// Codes documents. Build once, share across threads (`Send + Sync`), call [`Coder::code`].
#[derive(Debug, Default)]
pub struct Coder {
    events: EventStage,
}

impl Coder {
    /// A coder with the embedded default dictionaries and models.
    pub fn new() -> Coder {
        Coder {
            events: EventStage::defaults(),
        }
    }

    /// A coder with `extra` dictionaries added to the defaults, or coding with `extra` alone
    /// when `use_defaults` is false (`--dict …` / `--no-default-dict`).
    pub fn with_dictionary(extra: herald_dict::Dictionary, use_defaults: bool) -> Coder {
        Coder {
            events: EventStage::new(extra, use_defaults),
        }
    }

    /// The compiled actor/verb dictionary, for stages that resolve actors
    /// (see [`crate::actors::resolve_span`]).
    pub fn dictionary(&self) -> &herald_dict::compile::CompiledDict {
        self.events.dict()
    }

    /// Codes one document.
    pub fn code(&self, doc: &Document) -> CodedDoc {
        let sentences = herald_nlp::analyze(&doc.text);
        let mut out = CodedDoc {
            doc: doc.meta(),
            ..Default::default()
        };
        self.events.run(doc, &sentences, &mut out);
        out.times = crate::time::find_times(doc, &sentences);
        out.places = crate::places::find_places(doc, &sentences);
        crate::time::date_events(&mut out.events, &out.times, &sentences, doc);
        crate::places::place_events(&mut out.events, &out.places, &sentences);
        out.quotes = crate::quotes::find_quotes(doc, &sentences);
        crate::quotes::code_speakers(&mut out.quotes, &out.mentions, &doc.text);
        out.figures = crate::figures::find_figures(doc, &sentences);
        out
    }
}
