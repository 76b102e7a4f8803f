//! The coder: every stage over one document, in the pipeline's one-way order.

use crate::events::EventStage;
use herald_core::{CodedDoc, Document};

/// Codes documents. Build once, share across threads (`Send + Sync`), call [`Coder::code`].
#[derive(Debug, Default)]
pub struct Coder {
    events: EventStage,
    /// A gazetteer loaded by the user (`--gazetteer`); the embedded one otherwise.
    gazetteer: Option<herald_geo::Gazetteer>,
}

impl Coder {
    /// A coder with the embedded default dictionaries and models.
    pub fn new() -> Coder {
        Coder {
            events: EventStage::defaults(),
            gazetteer: None,
        }
    }

    /// A coder with `extra` dictionaries added to the defaults, or coding with `extra` alone
    /// when `use_defaults` is false (`--dict …` / `--no-default-dict`).
    pub fn with_dictionary(extra: herald_dict::Dictionary, use_defaults: bool) -> Coder {
        Coder {
            events: EventStage::new(extra, use_defaults),
            gazetteer: None,
        }
    }

    /// Geocodes with `gazetteer` (e.g. a full GeoNames dump loaded with
    /// [`herald_geo::Gazetteer::load_geonames`]) instead of the embedded one.
    pub fn with_gazetteer(mut self, gazetteer: herald_geo::Gazetteer) -> Coder {
        self.gazetteer = Some(gazetteer);
        self
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
        out.places = match &self.gazetteer {
            Some(gaz) => crate::places::find_places_with(doc, &sentences, gaz),
            None => crate::places::find_places(doc, &sentences),
        };
        crate::time::date_events(&mut out.events, &out.times, &sentences, doc);
        crate::places::place_events(&mut out.events, &out.places, &sentences);
        out.quotes = crate::quotes::find_quotes(doc, &sentences);
        crate::quotes::code_speakers(&mut out.quotes, &out.mentions, &doc.text);
        out.figures = crate::figures::find_figures(doc, &sentences);
        out
    }
}
