//! The output contract of `herald code`: one [`CodedDoc`] per document, one JSON line each.
//!
//! Field names are a public interface: extend, don't rename.

use crate::{DocMeta, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Everything herald found in one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CodedDoc {
    /// What the document is.
    pub doc: DocMeta,
    /// Coded events, in text order.
    pub events: Vec<Event>,
    /// Attributed quotes and reported speech.
    pub quotes: Vec<Quote>,
    /// Counts of people and things: killed, detained, troops…
    pub figures: Vec<Figure>,
    /// Toponyms with coordinates.
    pub places: Vec<Place>,
    /// Time expressions and their resolved values.
    pub times: Vec<TimeExpr>,
    /// Actor mentions with their codes.
    pub mentions: Vec<Mention>,
}

impl CodedDoc {
    /// Every span of the output, named by what it belongs to (`"event 2 target"`, `"time 0"`).
    pub fn spans(&self) -> Vec<(String, Span)> {
        let mut out = Vec::new();
        for (i, e) in self.events.iter().enumerate() {
            out.push((format!("event {i} source"), e.source.span));
            if let Some(t) = &e.target {
                out.push((format!("event {i} target"), t.span));
            }
            if let Some(p) = &e.place {
                out.push((format!("event {i} place"), p.span));
            }
            out.push((format!("event {i} evidence"), e.evidence));
        }
        for (i, q) in self.quotes.iter().enumerate() {
            out.push((format!("quote {i}"), q.span));
            if let Some(s) = &q.speaker {
                out.push((format!("quote {i} speaker"), s.span));
            }
        }
        let named = |kind: &str, spans: Vec<Span>| {
            spans
                .into_iter()
                .enumerate()
                .map(move |(i, s)| (format!("{kind} {i}"), s))
                .collect::<Vec<_>>()
        };
        out.extend(named(
            "figure",
            self.figures.iter().map(|f| f.span).collect(),
        ));
        out.extend(named("place", self.places.iter().map(|p| p.span).collect()));
        out.extend(named("time", self.times.iter().map(|t| t.span).collect()));
        out.extend(named(
            "mention",
            self.mentions.iter().map(|m| m.span).collect(),
        ));
        out
    }

    /// What is wrong with the output's spans over `text`, the document they were found in:
    /// a reversed span, one outside the text or off its char boundaries, a time expression
    /// whose text is not its span's. Empty when all is well (tests and fuzzing assert it).
    pub fn span_problems(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (what, span) in self.spans() {
            if span.start > span.end {
                out.push(format!("{what}: reversed span {span:?}"));
            } else if span.get(text).is_none() {
                out.push(format!(
                    "{what}: span {span:?} does not slice the text ({} bytes) on char boundaries",
                    text.len()
                ));
            }
        }
        for (i, t) in self.times.iter().enumerate() {
            if t.span.get(text).is_some_and(|s| s != t.text) {
                out.push(format!("time {i}: text {:?} is not its span's", t.text));
            }
        }
        out
    }
}

/// An actor as it takes part in an event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// CAMEO actor code (`KAZGOV`, `RUSMIL`, `IGOCSTO`…); empty when no code could be justified.
    pub code: String,
    /// The words in the text.
    pub text: String,
    /// Their bytes.
    pub span: Span,
}

/// PLOVER event type and mode.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    /// Event type (`ASSAULT`, `PROTEST`, `REQUEST`…).
    #[serde(rename = "type")]
    pub kind: String,
    /// Mode within the type, when the CAMEO code fixes one.
    pub mode: Option<String>,
}

/// A coded event: who did what to whom, when and where, and the words that say so.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id within the document.
    pub id: String,
    /// 0-based index of the sentence.
    pub sentence: usize,
    /// Resolved date of the event.
    pub date: Option<NaiveDate>,
    /// The words the date came from; `None` when it is the publication date.
    pub date_text: Option<String>,
    /// Who acted.
    pub source: ActorRef,
    /// Whom it was done to, when anyone.
    pub target: Option<ActorRef>,
    /// CAMEO event code (`175`, `0874`…).
    pub cameo: String,
    /// CAMEO root (`17`).
    pub root: String,
    /// Goldstein score of the code.
    pub goldstein: f64,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    /// PLOVER type and mode.
    pub plover: Option<Plover>,
    /// Where it happened.
    pub place: Option<Place>,
    /// The text denies the event ("did not attack"): flagged, not counted.
    pub negated: bool,
    /// The text hedges it ("could be behind", "plans to").
    pub hedged: bool,
    /// The event is a claim inside someone's statement.
    #[serde(default)]
    pub reported: bool,
    /// Bytes of the words that code the event.
    pub evidence: Span,
    /// The dictionary pattern or rule that fired.
    pub rule: String,
}

/// Who spoke, as a quote names them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The words naming the speaker (after coreference: "Putin" for "he").
    pub text: String,
    /// Actor code, when known.
    pub code: Option<String>,
    /// Bytes of the speaker's mention in the text.
    pub span: Span,
}

/// A quote or attribution.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// What was said.
    pub text: String,
    /// Its bytes.
    pub span: Span,
    /// Quoted words (true) or reported speech (false).
    pub direct: bool,
    /// The cue: "said", "according to", "calling"…
    pub cue: Option<String>,
    /// Who said it.
    pub speaker: Option<Speaker>,
    /// 0-based index of the sentence the quote starts in.
    pub sentence: usize,
}

/// A figure: how many were killed, detained, deployed…
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// killed, injured, detained, displaced, missing, troops, protesters, or a free category.
    pub category: String,
    /// Best single value.
    pub value: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound (`None` when open, as in "more than 75").
    pub high: Option<f64>,
    /// "almost", "more than", "at least"…
    pub qualifier: Option<String>,
    /// The words of the figure.
    pub text: String,
    /// Their bytes.
    pub span: Span,
    /// Who gives the figure ("the Ministry of the Interior").
    pub according_to: Option<String>,
    /// The id of the event the figure quantifies (an event of its own sentence), if any.
    #[serde(default)]
    pub event: Option<String>,
}

/// A toponym and where it is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Name as the gazetteer has it.
    pub name: String,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Bytes of the toponym in the text.
    pub span: Span,
}

/// A time expression and its value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The words.
    pub text: String,
    /// Their bytes.
    pub span: Span,
    /// ISO value: `2022-01-07` (day), `2022-W01` (week), `2022-01` (month), `2022` (year).
    pub value: Option<String>,
    /// day, week, month, year, or time.
    #[serde(default)]
    pub granularity: Option<String>,
}

/// A mention of an actor.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The words.
    pub text: String,
    /// person, organization, country, agent, group…
    pub kind: String,
    /// CAMEO actor code, when known.
    pub code: Option<String>,
    /// Their bytes.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_problems_name_each_bad_span() {
        let text = "Almaty, Тоқаев said.";
        let mut c = CodedDoc::default();
        c.times.push(TimeExpr {
            text: "Almaty".into(),
            span: Span::new(0, 6),
            ..Default::default()
        });
        assert!(c.span_problems(text).is_empty());
        c.times[0].text = "Astana".into();
        c.figures.push(Figure {
            span: Span::new(9, 10), // inside the two-byte 'Т'
            ..Default::default()
        });
        c.figures.push(Figure {
            span: Span::new(5, 100),
            ..Default::default()
        });
        let problems = c.span_problems(text);
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems[0].starts_with("figure 0"), "{problems:#?}");
        assert!(problems[1].starts_with("figure 1"), "{problems:#?}");
        assert!(problems[2].starts_with("time 0"), "{problems:#?}");
        assert_eq!(c.spans().len(), 3);
    }
}
