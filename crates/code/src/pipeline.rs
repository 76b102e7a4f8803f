//! The coder: every stage over one document, in the pipeline's one-way order.

use crate::events::EventStage;
use herald_core::{CodedDoc, Document};
use std::time::{Duration, Instant};

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
        self.code_inner(doc, None)
    }

    /// [`Coder::code`], adding the time spent in each stage to `times` (for `herald bench`;
    /// the output is the same).
    pub fn code_timed(&self, doc: &Document, times: &mut StageTimes) -> CodedDoc {
        self.code_inner(doc, Some(times))
    }

    fn code_inner(&self, doc: &Document, mut times: Option<&mut StageTimes>) -> CodedDoc {
        let mut clock = Instant::now();
        // Adds the time since the last lap to one stage (nothing when untimed).
        let mut lap = |times: &mut Option<&mut StageTimes>,
                       stage: fn(&mut StageTimes) -> &mut Duration| {
            if let Some(t) = times.as_deref_mut() {
                let now = Instant::now();
                *stage(t) += now - clock;
                clock = now;
            }
        };
        let sentences = match times.as_deref_mut() {
            Some(t) => herald_nlp::analyze_timed(&doc.text, &mut t.nlp),
            None => herald_nlp::analyze(&doc.text),
        };
        lap(&mut times, |t| &mut t.nlp_total);
        let mut out = CodedDoc {
            doc: doc.meta(),
            ..Default::default()
        };
        self.events.run(doc, &sentences, &mut out);
        lap(&mut times, |t| &mut t.events);
        if times.is_some() {
            // The actor pass on its own, to show its share of `events` (timed runs only).
            for s in &sentences {
                let ws = crate::actors::words(&doc.text, s);
                std::hint::black_box(crate::actors::units(&ws, self.dictionary(), doc.published));
            }
            lap(&mut times, |t| &mut t.actors);
        }
        out.times = crate::time::find_times(doc, &sentences);
        lap(&mut times, |t| &mut t.times);
        let gaz = self
            .gazetteer
            .as_ref()
            .unwrap_or_else(|| herald_geo::Gazetteer::embedded());
        out.places = crate::places::find_places_with(doc, &sentences, gaz);
        lap(&mut times, |t| &mut t.places);
        crate::time::date_events(&mut out.events, &out.times, &sentences, doc);
        lap(&mut times, |t| &mut t.times);
        crate::places::place_events(&mut out.events, &out.places, &sentences, &doc.text, gaz);
        lap(&mut times, |t| &mut t.places);
        out.quotes = crate::quotes::find_quotes(doc, &sentences);
        crate::quotes::code_speakers(&mut out.quotes, &out.mentions, &doc.text);
        lap(&mut times, |t| &mut t.quotes);
        out.figures = crate::figures::find_figures(doc, &sentences);
        crate::figures::link_events(&mut out.figures, &out.events, &sentences);
        lap(&mut times, |t| &mut t.figures);
        out
    }
}

/// Time spent in each stage of [`Coder::code_timed`], summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    /// Segmenting, tagging, lemmatising, parsing, entity recognition (by step).
    pub nlp: herald_nlp::NlpTimes,
    /// All of the language layer ([`StageTimes::nlp`]'s steps and the glue between them).
    pub nlp_total: Duration,
    /// Actor mentions and events (they are found together, sentence by sentence).
    pub events: Duration,
    /// The actor pass alone (words and actor units), timed separately: a part of
    /// [`StageTimes::events`], not in addition to it.
    pub actors: Duration,
    /// Time expressions, and dating the events.
    pub times: Duration,
    /// Places, and placing the events.
    pub places: Duration,
    /// Quotes and their speakers.
    pub quotes: Duration,
    /// Casualty, arrest and other figures.
    pub figures: Duration,
}

impl StageTimes {
    /// Adds `other` to `self`.
    pub fn add(&mut self, other: &StageTimes) {
        self.nlp.add(&other.nlp);
        self.nlp_total += other.nlp_total;
        self.events += other.events;
        self.actors += other.actors;
        self.times += other.times;
        self.places += other.places;
        self.quotes += other.quotes;
        self.figures += other.figures;
    }
}
