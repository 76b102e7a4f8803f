//! The event stage as the [`Coder`](crate::Coder) holds it: compiled dictionaries, shared.

use crate::events::code_events;
use herald_core::{CodedDoc, Document, Sentence};
use herald_dict::Dictionary;
use herald_dict::compile::CompiledDict;
use std::sync::{Arc, LazyLock};

static DEFAULTS: LazyLock<Arc<CompiledDict>> =
    LazyLock::new(|| Arc::new(CompiledDict::new(herald_dict::defaults::defaults())));

/// Actors and events over a document, with one compiled dictionary.
#[derive(Clone, Debug)]
pub struct EventStage {
    dict: Arc<CompiledDict>,
}

impl Default for EventStage {
    fn default() -> Self {
        EventStage::defaults()
    }
}

impl EventStage {
    /// The embedded default dictionaries (compiled once per process).
    pub fn defaults() -> EventStage {
        EventStage {
            dict: DEFAULTS.clone(),
        }
    }

    /// `extra` added to the defaults, or alone when `use_defaults` is false
    /// (`--no-default-dict`).
    pub fn new(extra: Dictionary, use_defaults: bool) -> EventStage {
        let mut d = if use_defaults {
            herald_dict::defaults::defaults().clone()
        } else {
            Dictionary::default()
        };
        d.extend(extra);
        EventStage {
            dict: Arc::new(CompiledDict::new(&d)),
        }
    }

    /// The compiled dictionary (for actor resolution by other stages).
    pub fn dict(&self) -> &CompiledDict {
        &self.dict
    }

    /// Codes `doc`'s actor mentions and events into `out`.
    pub fn run(&self, doc: &Document, sentences: &[Sentence], out: &mut CodedDoc) {
        let (mentions, events) = code_events(&doc.text, sentences, &self.dict, doc.published);
        out.mentions.extend(mentions);
        out.events.extend(events);
    }
}
