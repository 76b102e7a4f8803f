//! Consolidation: reports of the same event across articles become one cluster with GDELT's
//! counts (NumMentions, NumSources, NumArticles); syndicated copies of an article count once.
//!
//! Runs inside the transaction that stores the document, so a kill leaves either the document
//! with its clusters updated or neither.
//!
//! A non-negated event joins the oldest cluster with the same CAMEO root, the same
//! (source code, target code) dyad, a first date within ±1 day of its own date (the event
//! date, else the publication date; undated joins undated), and the same place: the same name
//! and country, or within [`SAME_PLACE_KM`], or neither placed. Otherwise it starts a cluster.
//!
//! Counts of a cluster are recomputed from its members whenever a document adds to it:
//! - an *article* is a document, or the original of a near-duplicate (see `simhash.rs`): a copy
//!   and its original are one article;
//! - `num_mentions` sums, per article, the largest number of reports one of its documents
//!   gives, so a copy repeats its original's mentions without adding to them;
//! - `num_sources` counts the distinct origins (URL host, else source name) of the articles;
//!   a document with neither is its own origin.

use crate::db::{Db, DbResult};
use crate::query::haversine_km;
use crate::simhash;
use rusqlite::params;
use std::collections::BTreeSet;

/// Places closer than this are the same place.
pub const SAME_PLACE_KM: f64 = 50.0;

/// What consolidation needs to know about a stored document.
pub(crate) struct DocFacts<'a> {
    pub(crate) id: i64,
    pub(crate) text: &'a str,
    pub(crate) url: Option<&'a str>,
    pub(crate) source: Option<&'a str>,
    pub(crate) hash: &'a str,
    pub(crate) added: Option<String>,
}

/// Where a document comes from, for `num_sources`: the URL's host (lower case, without
/// `www.`), else the source name, else the document itself.
pub(crate) fn origin(url: Option<&str>, source: Option<&str>, hash: &str) -> String {
    let host = url.and_then(|u| {
        let rest = u.split_once("://").map_or(u, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next()?.trim().to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
        (!host.is_empty()).then_some(host)
    });
    host.or_else(|| {
        source
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
    })
    .unwrap_or_else(|| format!("doc:{hash}"))
}

/// Marks the stored document (time, origin, SimHash, copy-of) and clusters its events.
pub(crate) fn document(tx: &Db, doc: &DocFacts<'_>) -> DbResult<()> {
    let hash = simhash::simhash(doc.text);
    let duplicate_of = match hash {
        Some(h) => near_duplicate(tx, doc.id, doc.text, h)?,
        None => None,
    };
    let bands = hash.map(simhash::bands);
    tx.execute(
        "UPDATE documents SET added = ?2, origin = ?3, simhash = ?4, band0 = ?5, band1 = ?6,
             band2 = ?7, band3 = ?8, duplicate_of = ?9
         WHERE id = ?1",
        params![
            doc.id,
            doc.added,
            origin(doc.url, doc.source, doc.hash),
            hash.map(|h| h as i64),
            bands.map(|b| b[0]),
            bands.map(|b| b[1]),
            bands.map(|b| b[2]),
            bands.map(|b| b[3]),
            duplicate_of,
        ],
    )?;
    cluster_events(tx, doc.id)
}

/// The original of the first stored document the new one copies (see `simhash.rs`).
fn near_duplicate(tx: &Db, id: i64, text: &str, hash: u64) -> DbResult<Option<i64>> {
    let probes = simhash::probes(hash);
    let list = |band: usize| -> String {
        let ph: Vec<String> = (0..17).map(|i| format!("?{}", band * 17 + i + 2)).collect();
        format!("band{band} IN ({})", ph.join(", "))
    };
    let sql = format!(
        "SELECT id, simhash, duplicate_of FROM documents
         WHERE ({} OR {} OR {} OR {}) AND id <> ?1 ORDER BY id",
        list(0),
        list(1),
        list(2),
        list(3)
    );
    let mut values: Vec<i64> = vec![id];
    values.extend(probes.iter().flatten());
    let values: Vec<&dyn rusqlite::ToSql> =
        values.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
    let candidates: Vec<(i64, i64, Option<i64>)> =
        tx.all(&sql, &values, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    for (other, h, orig) in candidates {
        let mut failed = None;
        let copy = simhash::is_copy(simhash::distance(hash, h as u64), || {
            tx.query_row("SELECT text FROM documents WHERE id = ?1", params![other])
                .and_then(|r| {
                    r.ok_or(rusqlite::Error::QueryReturnedNoRows)?
                        .get::<String>(0)
                        .map_err(Into::into)
                })
                .map_err(|e| failed = Some(e))
                .ok()
                .map(|stored| (stored, text.to_string()))
        });
        if let Some(e) = failed {
            return Err(e);
        }
        if copy {
            return Ok(Some(orig.unwrap_or(other)));
        }
    }
    Ok(None)
}

/// A place as clustering compares it: name, country, latitude, longitude.
type PlaceKey = (String, Option<String>, f64, f64);

/// One event as clustering sees it.
struct Report {
    id: i64,
    root: String,
    source: String,
    target: String,
    date: Option<String>,
    place: Option<PlaceKey>,
}

fn same_place(a: &Option<PlaceKey>, b: &Option<PlaceKey>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some((n1, c1, la1, lo1)), Some((n2, c2, la2, lo2))) => {
            (n1.eq_ignore_ascii_case(n2) && c1 == c2)
                || haversine_km(*la1, *lo1, *la2, *lo2) <= SAME_PLACE_KM
        }
        _ => false,
    }
}

/// ±1 day around `date`, as `YYYY-MM-DD` strings.
fn day_window(date: &str) -> Option<(String, String)> {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let one = chrono::Days::new(1);
    Some((
        d.checked_sub_days(one)?.to_string(),
        d.checked_add_days(one)?.to_string(),
    ))
}

/// Assigns each non-negated event of the document to a cluster and recounts the clusters.
fn cluster_events(tx: &Db, doc: i64) -> DbResult<()> {
    let reports: Vec<Report> = tx.all(
        "SELECT e.id, e.root, e.source_code, COALESCE(e.target_code, ''),
                    COALESCE(e.date, d.published),
                    e.place_name, e.place_country, e.place_lat, e.place_lon
             FROM events e JOIN documents d ON d.id = e.document
             WHERE e.document = ?1 AND e.negated = 0 ORDER BY e.id",
        params![doc],
        |r| {
            let name: Option<String> = r.get(5)?;
            let (lat, lon): (Option<f64>, Option<f64>) = (r.get(7)?, r.get(8)?);
            Ok(Report {
                id: r.get(0)?,
                root: r.get(1)?,
                source: r.get(2)?,
                target: r.get(3)?,
                date: r.get(4)?,
                place: name
                    .map(|n| {
                        Ok::<_, rusqlite::Error>((
                            n,
                            r.get(6)?,
                            lat.unwrap_or_default(),
                            lon.unwrap_or_default(),
                        ))
                    })
                    .transpose()?,
            })
        },
    )?;
    let mut touched = BTreeSet::new();
    for rep in &reports {
        let cluster = match find_cluster(tx, rep)? {
            Some(c) => c,
            None => {
                let p = rep.place.as_ref();
                tx.insert_id(
                    "INSERT INTO clusters (root, source_code, target_code, first_date, place_name,
                         place_country, place_lat, place_lon, first_event,
                         num_mentions, num_sources, num_articles)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, 0, 0)",
                    params![
                        rep.root,
                        rep.source,
                        rep.target,
                        rep.date,
                        p.map(|p| &p.0),
                        p.and_then(|p| p.1.as_ref()),
                        p.map(|p| p.2),
                        p.map(|p| p.3),
                        rep.id,
                    ],
                )?
            }
        };
        tx.execute(
            "UPDATE events SET cluster = ?1 WHERE id = ?2",
            params![cluster, rep.id],
        )?;
        touched.insert(cluster);
    }
    for c in touched {
        recount(tx, c)?;
    }
    Ok(())
}

/// The oldest cluster the report belongs to.
fn find_cluster(tx: &Db, rep: &Report) -> DbResult<Option<i64>> {
    let window = rep.date.as_deref().and_then(day_window);
    let sql = "SELECT id, place_name, place_country, place_lat, place_lon FROM clusters
         WHERE root = ?1 AND source_code = ?2 AND target_code = ?3
           AND ((CAST(?4 AS TEXT) IS NULL AND first_date IS NULL) OR first_date BETWEEN ?4 AND ?5)
         ORDER BY id";
    let (lo, hi) = window.unzip();
    let mut found = None;
    tx.each(
        sql,
        params![rep.root, rep.source, rep.target, lo, hi],
        |r| {
            let name: Option<String> = r.get(1)?;
            let place = match name {
                Some(n) => Some((
                    n,
                    r.get(2)?,
                    r.get::<Option<f64>>(3)?.unwrap_or_default(),
                    r.get::<Option<f64>>(4)?.unwrap_or_default(),
                )),
                None => None,
            };
            if same_place(&rep.place, &place) {
                found = Some(r.get(0)?);
                return Ok(false);
            }
            Ok(true)
        },
    )?;
    Ok(found)
}

/// Recomputes a cluster's counts from its members (see the module docs).
fn recount(tx: &Db, cluster: i64) -> DbResult<()> {
    tx.execute(
        "UPDATE clusters SET (num_mentions, num_articles, num_sources) = (
             SELECT COALESCE(sum(a.m), 0), count(*), count(DISTINCT COALESCE(o.origin, o.hash))
             FROM (SELECT COALESCE(d.duplicate_of, d.id) AS article, max(x.n) AS m
                   FROM (SELECT document, count(*) AS n FROM events
                         WHERE cluster = ?1 GROUP BY document) x
                   JOIN documents d ON d.id = x.document
                   GROUP BY article) a
             JOIN documents o ON o.id = a.article)
         WHERE id = ?1",
        params![cluster],
    )?;
    Ok(())
}

/// Consolidates every stored document, oldest first (the migration to schema 3 runs it once
/// over a store written before consolidation existed).
pub(crate) fn backfill(tx: &Db) -> DbResult<()> {
    // id, text, url, source, hash
    type Row = (i64, String, Option<String>, Option<String>, String);
    let docs: Vec<Row> = tx.all(
        "SELECT id, text, url, source, hash FROM documents ORDER BY id",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    for (id, text, url, source, hash) in &docs {
        document(
            tx,
            &DocFacts {
                id: *id,
                text,
                url: url.as_deref(),
                source: source.as_deref(),
                hash,
                added: None,
            },
        )?;
    }
    Ok(())
}

/// The current time for `documents.added`: RFC 3339, UTC, whole seconds.
pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
#[path = "consolidate_tests.rs"]
mod tests;
