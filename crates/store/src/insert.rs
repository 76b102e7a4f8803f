//! Writing one coded document: every row it owns, in one transaction.

use crate::db::{Db, DbResult};
use herald_core::{CodedDoc, Document, Span};
use rusqlite::params;

/// Inserts the document and everything coded from it; returns its row id.
pub(crate) fn document(
    tx: &Db,
    hash: &str,
    doc: &Document,
    coded: &CodedDoc,
    sentences: &[Span],
) -> DbResult<i64> {
    let extra = if doc.extra.is_empty() {
        None
    } else {
        Some(serde_json::Value::Object(doc.extra.clone()).to_string())
    };
    let id = tx.insert_id(
        "INSERT INTO documents (hash, doc_id, title, url, source, published, byline, language, text, extra)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            hash,
            doc.id,
            doc.title,
            doc.url,
            doc.source,
            doc.published.map(|d| d.to_string()),
            doc.byline,
            doc.language,
            doc.text,
            extra,
        ],
    )?;

    let sql = "INSERT INTO sentences (document, idx, span_start, span_end) VALUES (?1, ?2, ?3, ?4)";
    for (i, s) in sentences.iter().enumerate() {
        tx.execute(sql, params![id, i as i64, s.start as i64, s.end as i64])?;
    }

    let sql = "INSERT INTO mentions (document, text, kind, code, span_start, span_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    for m in &coded.mentions {
        tx.execute(
            sql,
            params![
                id,
                m.text,
                m.kind,
                m.code,
                m.span.start as i64,
                m.span.end as i64
            ],
        )?;
    }

    let sql = "INSERT INTO events (document, event_id, sentence, date, date_text,
            source_code, source_text, source_start, source_end,
            target_code, target_text, target_start, target_end,
            cameo, root, goldstein, quad_class, plover_type, plover_mode,
            place_name, place_lat, place_lon, place_country, place_start, place_end,
            negated, hedged, reported, evidence_start, evidence_end, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)";
    for e in &coded.events {
        let t = e.target.as_ref();
        let p = e.place.as_ref();
        tx.execute(
            sql,
            params![
                id,
                e.id,
                e.sentence as i64,
                e.date.map(|d| d.to_string()),
                e.date_text,
                e.source.code,
                e.source.text,
                e.source.span.start as i64,
                e.source.span.end as i64,
                t.map(|t| &t.code),
                t.map(|t| &t.text),
                t.map(|t| t.span.start as i64),
                t.map(|t| t.span.end as i64),
                e.cameo,
                e.root,
                e.goldstein,
                e.quad_class,
                e.plover.as_ref().map(|p| &p.kind),
                e.plover.as_ref().and_then(|p| p.mode.as_ref()),
                p.map(|p| &p.name),
                p.map(|p| p.lat),
                p.map(|p| p.lon),
                p.and_then(|p| p.country.as_ref()),
                p.map(|p| p.span.start as i64),
                p.map(|p| p.span.end as i64),
                e.negated,
                e.hedged,
                e.reported,
                e.evidence.start as i64,
                e.evidence.end as i64,
                e.rule,
            ],
        )?;
    }

    let sql = "INSERT INTO quotes (document, text, span_start, span_end, direct, cue,
            speaker_text, speaker_code, speaker_start, speaker_end, sentence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    for q in &coded.quotes {
        let s = q.speaker.as_ref();
        tx.execute(
            sql,
            params![
                id,
                q.text,
                q.span.start as i64,
                q.span.end as i64,
                q.direct,
                q.cue,
                s.map(|s| &s.text),
                s.and_then(|s| s.code.as_ref()),
                s.map(|s| s.span.start as i64),
                s.map(|s| s.span.end as i64),
                q.sentence as i64,
            ],
        )?;
    }

    let sql = "INSERT INTO figures (document, category, value, low, high, qualifier, text,
            span_start, span_end, according_to, event)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    for f in &coded.figures {
        tx.execute(
            sql,
            params![
                id,
                f.category,
                f.value,
                f.low,
                f.high,
                f.qualifier,
                f.text,
                f.span.start as i64,
                f.span.end as i64,
                f.according_to,
                f.event,
            ],
        )?;
    }

    let sql = "INSERT INTO places (document, name, lat, lon, country, span_start, span_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    for p in &coded.places {
        tx.execute(
            sql,
            params![
                id,
                p.name,
                p.lat,
                p.lon,
                p.country,
                p.span.start as i64,
                p.span.end as i64,
            ],
        )?;
    }

    let sql = "INSERT INTO times (document, text, span_start, span_end, value, granularity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    for t in &coded.times {
        tx.execute(
            sql,
            params![
                id,
                t.text,
                t.span.start as i64,
                t.span.end as i64,
                t.value,
                t.granularity,
            ],
        )?;
    }
    Ok(id)
}
