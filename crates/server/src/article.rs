//! The article view: a stored document with every coded span as a highlight the browser can
//! paint, each linked to the events it belongs to.
//!
//! herald's spans are UTF-8 byte offsets; JavaScript strings index UTF-16 code units. Each
//! highlight carries both: `span` (bytes, as everywhere in herald) and `start`/`end` (UTF-16
//! units, ready for `text.slice(start, end)` in the browser), so the page never converts.

use herald_core::Span;
use herald_store::StoredDoc;
use serde::Serialize;

/// A stored document as `/api/documents/{id}` returns it.
#[derive(Debug, Serialize)]
pub struct Article {
    /// The document, its text, sentences and coded output, as the store keeps them.
    #[serde(flatten)]
    pub stored: StoredDoc,
    /// Everything to light up in the text, in text order (longer first at the same start).
    pub highlights: Vec<Highlight>,
}

/// What a highlight marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The words that code an event (the verb phrase and its clause).
    Event,
    /// A quote or reported speech.
    Quote,
    /// An actor mention, or an event's source/target words.
    Actor,
    /// A figure: killed, detained, troops…
    Figure,
    /// A time expression.
    Time,
    /// A toponym.
    Place,
}

/// One span to light up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Highlight {
    /// What it marks.
    pub kind: Kind,
    /// Start, in UTF-16 code units (JavaScript string index).
    pub start: usize,
    /// End (exclusive), in UTF-16 code units.
    pub end: usize,
    /// The same range in bytes of the UTF-8 text: herald's span.
    pub span: Span,
    /// The words covered.
    pub text: String,
    /// A short description: code, category, value.
    pub label: String,
    /// Store keys of the events this span belongs to (first = most direct).
    pub events: Vec<i64>,
}

/// Byte offsets to UTF-16 offsets for one text.
#[derive(Debug)]
pub struct Utf16Index {
    /// `(byte, utf16)` at the start of every char, and the end of the text.
    marks: Vec<(usize, usize)>,
}

impl Utf16Index {
    /// Indexes `text`.
    pub fn new(text: &str) -> Utf16Index {
        let mut marks = Vec::with_capacity(text.len() + 1);
        let mut u = 0;
        for (b, c) in text.char_indices() {
            marks.push((b, u));
            u += c.len_utf16();
        }
        marks.push((text.len(), u));
        Utf16Index { marks }
    }

    /// The UTF-16 offset of byte `b`, or `None` when `b` is not on a char boundary of the text.
    pub fn utf16(&self, b: usize) -> Option<usize> {
        self.marks
            .binary_search_by_key(&b, |&(byte, _)| byte)
            .ok()
            .map(|i| self.marks[i].1)
    }
}

/// The article view of a stored document. Spans that do not slice the text (a bug upstream)
/// are left out rather than sent to the browser wrong.
pub fn article(stored: StoredDoc) -> Article {
    let highlights = highlights(&stored);
    Article { stored, highlights }
}

fn highlights(d: &StoredDoc) -> Vec<Highlight> {
    let text = &d.text;
    let idx = Utf16Index::new(text);
    let c = &d.coded;
    let key = |i: usize| d.event_keys.get(i).copied();
    let sentence_of = |span: Span| d.sentences.iter().position(|s| s.contains(span));
    // Events touching a span through `part`, else events of the same sentence.
    let linked = |span: Span, part: &dyn Fn(&herald_core::Event) -> Vec<Span>| -> Vec<i64> {
        let direct: Vec<i64> = c
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| part(e).iter().any(|p| p.overlaps(span)))
            .filter_map(|(i, _)| key(i))
            .collect();
        if !direct.is_empty() {
            return direct;
        }
        let Some(s) = sentence_of(span) else {
            return Vec::new();
        };
        c.events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.sentence == s)
            .filter_map(|(i, _)| key(i))
            .collect()
    };
    let mut out = Vec::new();
    let mut push = |kind: Kind, span: Span, label: String, events: Vec<i64>| {
        if span.is_empty() {
            return;
        }
        let (Some(start), Some(end), Some(words)) =
            (idx.utf16(span.start), idx.utf16(span.end), span.get(text))
        else {
            return;
        };
        out.push(Highlight {
            kind,
            start,
            end,
            span,
            text: words.to_string(),
            label,
            events,
        });
    };
    for (i, e) in c.events.iter().enumerate() {
        let plover = e.plover.as_ref().map(|p| p.kind.as_str()).unwrap_or("");
        let mut label = format!("CAMEO {} {plover} · quad {}", e.cameo, e.quad_class);
        if e.negated {
            label.push_str(" · negated");
        }
        push(Kind::Event, e.evidence, label, key(i).into_iter().collect());
    }
    let actor_spans = |e: &herald_core::Event| {
        let mut v = vec![e.source.span];
        v.extend(e.target.as_ref().map(|t| t.span));
        v
    };
    let mut actor_done: Vec<Span> = Vec::new();
    for m in &c.mentions {
        let code = m.code.as_deref().unwrap_or("no code");
        push(
            Kind::Actor,
            m.span,
            format!("{code} · {}", m.kind),
            linked(m.span, &actor_spans),
        );
        actor_done.push(m.span);
    }
    // Event actors the mention list does not cover (pronouns resolved, agents).
    for (i, e) in c.events.iter().enumerate() {
        for a in std::iter::once(&e.source).chain(e.target.as_ref()) {
            if a.span.is_empty() || actor_done.iter().any(|s| s.overlaps(a.span)) {
                continue;
            }
            let code = if a.code.is_empty() {
                "no code"
            } else {
                &a.code
            };
            push(
                Kind::Actor,
                a.span,
                format!("{code} · actor"),
                key(i).into_iter().collect(),
            );
            actor_done.push(a.span);
        }
    }
    for q in &c.quotes {
        let who = q
            .speaker
            .as_ref()
            .map(|s| format!("{} ({})", s.text, s.code.as_deref().unwrap_or("no code")))
            .unwrap_or_else(|| "unattributed".into());
        let kind = if q.direct { "quote" } else { "reported" };
        push(
            Kind::Quote,
            q.span,
            format!("{kind} · {who}"),
            linked(q.span, &|e| vec![e.evidence]),
        );
    }
    for f in &c.figures {
        let mut label = format!("{}: {}", f.category, f.value);
        if let Some(q) = &f.qualifier {
            label = format!("{label} ({q})");
        }
        push(
            Kind::Figure,
            f.span,
            label,
            linked(f.span, &|e| vec![e.evidence]),
        );
    }
    for t in &c.times {
        push(
            Kind::Time,
            t.span,
            t.value.clone().unwrap_or_else(|| "unresolved".into()),
            linked(t.span, &|e| vec![e.evidence]),
        );
    }
    for p in &c.places {
        let cc = p.country.as_deref().unwrap_or("?");
        push(
            Kind::Place,
            p.span,
            format!("{} ({cc}) {:.2}, {:.2}", p.name, p.lat, p.lon),
            linked(p.span, &|e| e.place.iter().map(|pl| pl.span).collect()),
        );
    }
    out.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), a.kind).cmp(&(
            b.start,
            std::cmp::Reverse(b.end),
            b.kind,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_core::{ActorRef, CodedDoc, DocMeta, Event, Figure, Mention, Place};

    fn span_of(text: &str, w: &str) -> Span {
        let s = text.find(w).unwrap_or_else(|| panic!("{w:?}"));
        Span::new(s, s + w.len())
    }

    /// JavaScript's `text.slice(start, end)`.
    fn js_slice(text: &str, start: usize, end: usize) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start..end]).unwrap()
    }

    #[test]
    fn utf16_offsets_slice_the_same_words() {
        // 2-byte (é), 3-byte (’ «) and 4-byte (𝕏: two UTF-16 units) chars before the spans.
        let text = "Zhanaozen’s «émeute» 𝕏: Tokayev said police detained 164 in Almaty.";
        let sp = |w| span_of(text, w);
        let ev = Event {
            id: "e0".into(),
            source: ActorRef {
                code: "KAZPOL".into(),
                text: "police".into(),
                span: sp("police"),
            },
            cameo: "173".into(),
            quad_class: 4,
            evidence: sp("police detained 164"),
            place: Some(Place {
                name: "Almaty".into(),
                span: sp("Almaty"),
                ..Default::default()
            }),
            ..Default::default()
        };
        let stored = StoredDoc {
            key: 1,
            meta: DocMeta::default(),
            text: text.into(),
            sentences: vec![Span::new(0, text.len())],
            coded: CodedDoc {
                events: vec![ev],
                mentions: vec![Mention {
                    text: "Tokayev".into(),
                    kind: "person".into(),
                    code: Some("KAZGOV".into()),
                    span: sp("Tokayev"),
                }],
                figures: vec![Figure {
                    category: "detained".into(),
                    value: 164.0,
                    text: "164".into(),
                    span: sp("164"),
                    ..Default::default()
                }],
                places: vec![Place {
                    name: "Almaty".into(),
                    span: sp("Almaty"),
                    ..Default::default()
                }],
                ..Default::default()
            },
            event_keys: vec![42],
            duplicate_of: None,
        };
        let a = article(stored);
        let words: Vec<(Kind, &str)> = a
            .highlights
            .iter()
            .map(|h| (h.kind, h.text.as_str()))
            .collect();
        assert_eq!(
            words,
            [
                (Kind::Actor, "Tokayev"),
                (Kind::Event, "police detained 164"),
                (Kind::Actor, "police"),
                (Kind::Figure, "164"),
                (Kind::Place, "Almaty"),
            ]
        );
        for h in &a.highlights {
            assert_eq!(js_slice(text, h.start, h.end), h.text, "{h:?}");
            assert!(h.start < h.span.start, "non-ASCII before: offsets differ");
        }
        let by = |w: &str| a.highlights.iter().find(|h| h.text == w).unwrap();
        // Police is the event's source; the figure sits in its evidence; the place is its place.
        assert_eq!(by("police").events, [42]);
        assert_eq!(by("164").events, [42]);
        assert_eq!(by("Almaty").events, [42]);
        // Tokayev takes no part in the event, but shares its sentence.
        assert_eq!(by("Tokayev").events, [42]);
    }

    #[test]
    fn bad_spans_are_dropped_not_sent() {
        let text = "é";
        let stored = StoredDoc {
            key: 1,
            meta: DocMeta::default(),
            text: text.into(),
            sentences: vec![],
            coded: CodedDoc {
                mentions: vec![
                    Mention {
                        span: Span::new(1, 2), // inside é
                        ..Default::default()
                    },
                    Mention {
                        span: Span::new(0, 9), // past the end
                        ..Default::default()
                    },
                ],
                ..Default::default()
            },
            event_keys: vec![],
            duplicate_of: None,
        };
        assert!(article(stored).highlights.is_empty());
    }

    #[test]
    fn utf16_index() {
        let idx = Utf16Index::new("a𝕏b");
        assert_eq!(idx.utf16(0), Some(0));
        assert_eq!(idx.utf16(1), Some(1));
        assert_eq!(idx.utf16(2), None);
        assert_eq!(idx.utf16(5), Some(3));
        assert_eq!(idx.utf16(6), Some(4));
        assert_eq!(idx.utf16(7), None);
    }
}
