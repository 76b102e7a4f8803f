//! Rows read back from the store, and the code that rebuilds them from the tables.

use crate::Result;
use crate::db::{Db, Row};
use chrono::NaiveDate;
use herald_core::{
    ActorRef, CodedDoc, DocMeta, Event, Figure, Mention, Place, Plover, Quote, Span, Speaker,
    TimeExpr,
};
use rusqlite::params;
use serde::Serialize;

/// One stored event with its document and consolidation figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// The event's key in the store (stable handle: `/api/events/{key}`).
    pub key: i64,
    /// The document's input id.
    pub doc_id: String,
    /// The document's headline.
    pub doc_title: Option<String>,
    /// The document's URL.
    pub doc_url: Option<String>,
    /// The document's publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The event exactly as `herald code` writes it.
    #[serde(flatten)]
    pub event: Event,
    /// The consolidated event (cluster) this report belongs to, when consolidated.
    pub cluster: Option<i64>,
    /// Reports of the consolidated event (GDELT NumMentions); 1 when not consolidated.
    pub num_mentions: u64,
    /// Distinct sources reporting it (GDELT NumSources).
    pub num_sources: u64,
    /// Distinct articles reporting it (GDELT NumArticles).
    pub num_articles: u64,
    /// The document is a near-duplicate (syndicated copy) of another stored one; its reports
    /// do not add to the counts.
    pub duplicate: bool,
    /// When the document was stored (RFC 3339, UTC). Not serialised, so that outputs stay
    /// the same from run to run; the GDELT export's `DATEADDED` uses it.
    #[serde(skip)]
    pub added: Option<String>,
}

/// A page of events and how many matched in all.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventPage {
    /// Matches of the filter, all pages together.
    pub total: u64,
    /// This page.
    pub events: Vec<EventRow>,
}

/// Events of one day and quad class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelineRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 1 verbal cooperation … 4 material conflict.
    pub quad_class: u8,
    /// Number of events.
    pub count: u64,
}

/// A stored document, its text, and everything coded from it, rebuilt from the tables.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredDoc {
    /// Document row key in the store.
    pub key: i64,
    /// What the document is.
    pub meta: DocMeta,
    /// The text every span points into (byte offsets).
    pub text: String,
    /// Sentence spans as stored.
    pub sentences: Vec<Span>,
    /// Events (negated ones too), quotes, figures, places, times and mentions, in text order.
    pub coded: CodedDoc,
    /// The store key of each event of `coded.events`, in the same order.
    pub event_keys: Vec<i64>,
    /// The input id of the stored document this one is a near-duplicate of.
    pub duplicate_of: Option<String>,
}

/// The columns [`event`] reads.
macro_rules! event_columns {
    () => {
        "e.event_id, e.sentence, e.date, e.date_text, \
         e.source_code, e.source_text, e.source_start, e.source_end, \
         e.target_code, e.target_text, e.target_start, e.target_end, \
         e.cameo, e.root, e.goldstein, e.quad_class, e.plover_type, e.plover_mode, \
         e.place_name, e.place_lat, e.place_lon, e.place_country, e.place_start, e.place_end, \
         e.negated, e.hedged, e.reported, e.evidence_start, e.evidence_end, e.rule"
    };
}

/// The columns [`event_row`] reads, over [`FROM`].
pub(crate) const EVENT_COLUMNS: &str = concat!(
    "e.id, d.doc_id, d.title, d.url, d.published, ",
    event_columns!(),
    ", e.cluster, c.num_mentions, c.num_sources, c.num_articles, \
     d.duplicate_of IS NOT NULL, d.added"
);

/// The tables behind an [`EventRow`].
pub(crate) const FROM: &str =
    "FROM events e JOIN documents d ON d.id = e.document LEFT JOIN clusters c ON c.id = e.cluster";

/// Reads columns left to right.
struct Cols<'r> {
    row: &'r Row,
    i: usize,
}

impl Cols<'_> {
    fn next<T: rusqlite::types::FromSql>(&mut self) -> rusqlite::Result<T> {
        let v = self.row.get(self.i);
        self.i += 1;
        v
    }

    fn span(&mut self) -> rusqlite::Result<Span> {
        let (s, e): (i64, i64) = (self.next()?, self.next()?);
        Ok(Span::new(s as usize, e as usize))
    }

    fn opt_span(&mut self) -> rusqlite::Result<Option<Span>> {
        let (s, e): (Option<i64>, Option<i64>) = (self.next()?, self.next()?);
        Ok(s.zip(e).map(|(s, e)| Span::new(s as usize, e as usize)))
    }

    fn date(&mut self) -> rusqlite::Result<Option<NaiveDate>> {
        let i = self.i;
        let s: Option<String> = self.next()?;
        s.map(|s| {
            NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    i,
                    rusqlite::types::Type::Text,
                    format!("stored date {s:?}: {e}").into(),
                )
            })
        })
        .transpose()
    }
}

/// The event columns from `c`, as `herald code` wrote the event.
fn event(c: &mut Cols<'_>) -> rusqlite::Result<Event> {
    let id = c.next()?;
    let sentence: i64 = c.next()?;
    let date = c.date()?;
    let date_text = c.next()?;
    let source = ActorRef {
        code: c.next()?,
        text: c.next()?,
        span: c.span()?,
    };
    let (t_code, t_text): (Option<String>, Option<String>) = (c.next()?, c.next()?);
    let t_span = c.opt_span()?;
    let target = t_code.map(|code| ActorRef {
        code,
        text: t_text.unwrap_or_default(),
        span: t_span.unwrap_or_default(),
    });
    let cameo = c.next()?;
    let root = c.next()?;
    let goldstein = c.next()?;
    let quad_class = c.next()?;
    let (p_type, p_mode): (Option<String>, Option<String>) = (c.next()?, c.next()?);
    let plover = p_type.map(|kind| Plover { kind, mode: p_mode });
    let (name, lat, lon): (Option<String>, Option<f64>, Option<f64>) =
        (c.next()?, c.next()?, c.next()?);
    let country = c.next()?;
    let p_span = c.opt_span()?;
    let place = name.map(|name| Place {
        name,
        lat: lat.unwrap_or_default(),
        lon: lon.unwrap_or_default(),
        country,
        span: p_span.unwrap_or_default(),
    });
    Ok(Event {
        id,
        sentence: sentence as usize,
        date,
        date_text,
        source,
        target,
        cameo,
        root,
        goldstein,
        quad_class,
        plover,
        place,
        negated: c.next()?,
        hedged: c.next()?,
        reported: c.next()?,
        evidence: c.span()?,
        rule: c.next()?,
    })
}

/// An [`EventRow`] from a row of [`EVENT_COLUMNS`].
pub(crate) fn event_row(row: &Row) -> rusqlite::Result<EventRow> {
    let mut c = Cols { row, i: 0 };
    Ok(EventRow {
        key: c.next()?,
        doc_id: c.next()?,
        doc_title: c.next()?,
        doc_url: c.next()?,
        published: c.next()?,
        event: event(&mut c)?,
        cluster: c.next()?,
        num_mentions: c.next::<Option<i64>>()?.unwrap_or(1) as u64,
        num_sources: c.next::<Option<i64>>()?.unwrap_or(1) as u64,
        num_articles: c.next::<Option<i64>>()?.unwrap_or(1) as u64,
        duplicate: c.next()?,
        added: c.next()?,
    })
}

/// The stored document with input id `doc_id` (the first stored, when several share it).
pub(crate) fn document(conn: &Db, doc_id: &str) -> Result<Option<StoredDoc>> {
    let found = conn
        .query_row(
            "SELECT d.id, d.doc_id, d.title, d.url, d.source, d.published, d.language, d.text,
                    o.doc_id
             FROM documents d LEFT JOIN documents o ON o.id = d.duplicate_of
             WHERE d.doc_id = ?1 ORDER BY d.id LIMIT 1",
            params![doc_id],
        )?
        .map(|r| {
            let mut c = Cols { row: &r, i: 0 };
            let key: i64 = c.next()?;
            let meta = DocMeta {
                id: c.next()?,
                title: c.next()?,
                url: c.next()?,
                source: c.next()?,
                published: c.date()?,
                language: c.next()?,
            };
            Ok::<_, rusqlite::Error>((key, meta, c.next::<String>()?, c.next::<Option<String>>()?))
        })
        .transpose()?;
    let Some((key, meta, text, duplicate_of)) = found else {
        return Ok(None);
    };

    let sentences = all(
        conn,
        "SELECT span_start, span_end FROM sentences WHERE document = ?1 ORDER BY idx",
        key,
        |c| c.span(),
    )?;
    let keyed = all(
        conn,
        concat!(
            "SELECT e.id, ",
            event_columns!(),
            " FROM events e WHERE e.document = ?1 ORDER BY e.id"
        ),
        key,
        |c| Ok((c.next::<i64>()?, event(c)?)),
    )?;
    let (event_keys, events) = keyed.into_iter().unzip();
    let quotes = all(
        conn,
        "SELECT text, span_start, span_end, direct, cue, speaker_text, speaker_code,
                speaker_start, speaker_end, sentence
         FROM quotes WHERE document = ?1 ORDER BY id",
        key,
        |c| {
            let text = c.next()?;
            let span = c.span()?;
            let direct = c.next()?;
            let cue = c.next()?;
            let (s_text, s_code): (Option<String>, Option<String>) = (c.next()?, c.next()?);
            let s_span = c.opt_span()?;
            Ok(Quote {
                text,
                span,
                direct,
                cue,
                speaker: s_text.map(|text| Speaker {
                    text,
                    code: s_code,
                    span: s_span.unwrap_or_default(),
                }),
                sentence: c.next::<i64>()? as usize,
            })
        },
    )?;
    let figures = all(
        conn,
        "SELECT category, value, low, high, qualifier, text, span_start, span_end, according_to,
                event
         FROM figures WHERE document = ?1 ORDER BY id",
        key,
        |c| {
            Ok(Figure {
                category: c.next()?,
                value: c.next()?,
                low: c.next()?,
                high: c.next()?,
                qualifier: c.next()?,
                text: c.next()?,
                span: c.span()?,
                according_to: c.next()?,
                event: c.next()?,
            })
        },
    )?;
    let places = all(
        conn,
        "SELECT name, lat, lon, country, span_start, span_end
         FROM places WHERE document = ?1 ORDER BY id",
        key,
        |c| {
            Ok(Place {
                name: c.next()?,
                lat: c.next()?,
                lon: c.next()?,
                country: c.next()?,
                span: c.span()?,
            })
        },
    )?;
    let times = all(
        conn,
        "SELECT text, span_start, span_end, value, granularity
         FROM times WHERE document = ?1 ORDER BY id",
        key,
        |c| {
            Ok(TimeExpr {
                text: c.next()?,
                span: c.span()?,
                value: c.next()?,
                granularity: c.next()?,
            })
        },
    )?;
    let mentions = all(
        conn,
        "SELECT text, kind, code, span_start, span_end
         FROM mentions WHERE document = ?1 ORDER BY id",
        key,
        |c| {
            Ok(Mention {
                text: c.next()?,
                kind: c.next()?,
                code: c.next()?,
                span: c.span()?,
            })
        },
    )?;
    Ok(Some(StoredDoc {
        key,
        meta: meta.clone(),
        text,
        sentences,
        coded: CodedDoc {
            doc: meta,
            events,
            quotes,
            figures,
            places,
            times,
            mentions,
        },
        event_keys,
        duplicate_of,
    }))
}

/// Every row of a one-parameter query, mapped.
fn all<T>(
    conn: &Db,
    sql: &str,
    key: i64,
    mut map: impl FnMut(&mut Cols<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    Ok(conn.all(sql, params![key], |r| map(&mut Cols { row: r, i: 0 }))?)
}
