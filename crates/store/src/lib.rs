//! herald's store: coded documents into SQLite (embedded, the default) or PostgreSQL
//! ([`Store::open`] with a `postgres://…` URL: the shared store for teams).
//!
//! Place in the pipeline: last. `herald ingest` reads, codes and hands each document to
//! [`Store::insert`]; `herald stats` reads [`Store::stats`].
//!
//! ```
//! use herald_core::{CodedDoc, Document};
//! use herald_store::{Inserted, Store};
//! let mut store = Store::open_in_memory().unwrap();
//! let doc = Document::from_text("Protesters gathered in Almaty.");
//! let coded = CodedDoc { doc: doc.meta(), ..Default::default() };
//! assert_eq!(store.insert(&doc, &coded, &[]).unwrap(), Inserted::New);
//! assert_eq!(store.insert(&doc, &coded, &[]).unwrap(), Inserted::Duplicate);
//! assert_eq!(store.stats().unwrap().documents, 1);
//! ```
//!
//! Design choices:
//! - **Idempotent by content hash.** A document is identified by
//!   [`Document::content_id`] of its text; storing the same text again adds nothing, whatever
//!   its id or file. Re-running an ingest over the same inputs is a no-op.
//! - **One transaction per document.** The document row and all its sentences, mentions,
//!   events, quotes, figures, places and times commit together or not at all, so a process
//!   killed at any instant leaves only whole documents, and a rerun stores the rest exactly
//!   once.
//! - **WAL, `synchronous = NORMAL`.** Commits survive a killed process (the WAL is in the OS
//!   cache); on power loss the last few may roll back, never half of one. Readers do not
//!   block the writer.
//! - **Migrations** are numbered by `PRAGMA user_version` (see [`SCHEMA_VERSION`]).
//! - **FTS5** over title and text (`documents_fts`, external content kept by triggers).
//! - **Reading back**: [`Store::events`] (a [`Filter`] built into parameterised SQL, paged,
//!   deterministic order), [`Store::event`], [`Store::document`], [`Store::timeline`];
//!   [`Store::export`] writes GDELT 2.0 TSV, CSV, JSON Lines or Parquet ([`Format`]).
//! - **Consolidation** in the insert transaction: near-duplicate articles by SimHash
//!   ([`simhash`]) and clusters of reports of one event with GDELT's NumMentions/NumSources/
//!   NumArticles (see [`EventRow`]).
//! - **Two backends, one store.** Every query is written once; the few places SQLite and
//!   PostgreSQL differ (DDL, full-text search, the writer lock) are isolated in `db.rs`,
//!   `schema.rs` and two filter fragments (see `db.rs`'s module doc). Same schema, same
//!   behaviour: idempotent by content hash, one transaction per document, the same filters,
//!   order, paging, exports and consolidation counts.
//! - A [`Store`] is `Send`, not `Sync` (one connection): a server opens one per worker
//!   or guards one with a mutex.
#![deny(missing_docs)]

mod consolidate;
mod db;
mod error;
mod exporters;
mod feeds;
mod health;
mod insert;
mod query;
mod schema;
pub mod simhash;
#[doc(hidden)]
pub mod testing;

pub use consolidate::SAME_PLACE_KM;
pub use db::{DbError, is_postgres_url, redact};
pub use error::{Error, Result};
pub use exporters::{Format, flat_columns, write_csv};
pub use feeds::{FeedItem, FeedState, Poll};
pub use query::{
    EARTH_RADIUS_KM, EventPage, EventRow, Filter, MAX_PAGE, Near, Page, StoredDoc, TimelineRow,
    fts_query, haversine_km,
};
pub use schema::VERSION as SCHEMA_VERSION;

use db::Db;
use herald_core::{CodedDoc, Document, Span};
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, params};
use serde::Serialize;
use std::path::Path;
use std::time::Duration;

/// Where coded documents go: the store, a JSON Lines writer, the API. `false` asks the caller
/// to stop (ripgrep's `Sink`).
pub trait Sink {
    /// The sink's error.
    type Error;
    /// Takes one coded document.
    fn document(&mut self, doc: &Document, coded: &CodedDoc) -> Result<bool, Self::Error>;
}

/// What [`Store::insert`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inserted {
    /// The document was new and is now stored.
    New,
    /// A document with the same text was already stored; nothing changed.
    Duplicate,
}

/// Row counts of every table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Stored documents.
    pub documents: u64,
    /// Their sentences.
    pub sentences: u64,
    /// Coded events.
    pub events: u64,
    /// Quotes.
    pub quotes: u64,
    /// Figures.
    pub figures: u64,
    /// Places.
    pub places: u64,
    /// Time expressions.
    pub times: u64,
    /// Actor mentions.
    pub mentions: u64,
}

impl Stats {
    /// `(name, count)` pairs in display order.
    pub fn rows(&self) -> [(&'static str, u64); 8] {
        [
            ("documents", self.documents),
            ("sentences", self.sentences),
            ("events", self.events),
            ("quotes", self.quotes),
            ("figures", self.figures),
            ("places", self.places),
            ("times", self.times),
            ("mentions", self.mentions),
        ]
    }
}

/// A herald database: SQLite (a file) or PostgreSQL (a server).
#[derive(Debug)]
pub struct Store {
    db: Db,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A `postgres://` or `postgresql://` URL connects to that server instead (see
    /// [`Store::connect`]).
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        if let Some(url) = path.as_ref().to_str().filter(|s| is_postgres_url(s)) {
            return Store::connect(url);
        }
        let name = path.as_ref().display().to_string();
        let conn = Connection::open(path.as_ref()).map_err(|source| Error::Open {
            path: name.clone(),
            source,
        })?;
        Store::setup(conn, &name)
    }

    /// A private database in memory (tests, one-off runs).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|source| Error::Open {
            path: ":memory:".into(),
            source,
        })?;
        Store::setup(conn, ":memory:")
    }

    /// Connects to the PostgreSQL database of `url`
    /// (`postgres://user[:password]@host[:port]/dbname`; the database must exist) and brings
    /// its schema up to date. No TLS: for a server on this machine or a trusted network.
    /// Errors name the server and the reason, never the password.
    pub fn connect(url: &str) -> Result<Store> {
        let client = db::connect(url)?;
        let db = Db::Postgres(Box::new(db::Pg::new(client)));
        schema::migrate(&db, &redact(url))?;
        Ok(Store { db })
    }

    /// True when the store is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        self.db.is_postgres()
    }

    fn setup(conn: Connection, name: &str) -> Result<Store> {
        let open_err = |source| Error::Open {
            path: name.to_string(),
            source,
        };
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(open_err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        // `herald_km(lat1, lon1, lat2, lon2)`: great-circle km, for the `near` filter.
        conn.create_scalar_function(
            "herald_km",
            4,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| {
                let arg = |i| ctx.get::<Option<f64>>(i);
                Ok(match (arg(0)?, arg(1)?, arg(2)?, arg(3)?) {
                    (Some(a), Some(b), Some(c), Some(d)) => Some(haversine_km(a, b, c, d)),
                    _ => None,
                })
            },
        )
        .map_err(open_err)?;
        let db = Db::Sqlite(conn);
        schema::migrate(&db, name)?;
        Ok(Store { db })
    }

    /// True when a document with this text is already stored.
    pub fn contains_text(&self, text: &str) -> Result<bool> {
        let hash = Document::content_id(text);
        Ok(self
            .db
            .query_row("SELECT 1 FROM documents WHERE hash = ?1", params![hash])?
            .is_some())
    }

    /// Stores a document, its sentence spans and everything coded from it, in one
    /// transaction. A document whose text is already stored is left alone.
    pub fn insert(
        &mut self,
        doc: &Document,
        coded: &CodedDoc,
        sentences: &[Span],
    ) -> Result<Inserted> {
        let hash = Document::content_id(&doc.text);
        let wrap = |source| Error::Insert {
            id: doc.id.clone(),
            source,
        };
        let tx = self.db.write_tx().map_err(wrap)?;
        let exists = tx
            .query_row("SELECT 1 FROM documents WHERE hash = ?1", params![hash])
            .map_err(wrap)?
            .is_some();
        if exists {
            return Ok(Inserted::Duplicate); // dropping `tx` rolls back: nothing was written
        }
        let id = insert::document(&tx, &hash, doc, coded, sentences).map_err(wrap)?;
        let facts = consolidate::DocFacts {
            id,
            text: &doc.text,
            url: doc.url.as_deref(),
            source: doc.source.as_deref(),
            hash: &hash,
            added: Some(consolidate::now()),
        };
        consolidate::document(&tx, &facts).map_err(wrap)?;
        tx.commit().map_err(wrap)?;
        Ok(Inserted::New)
    }

    /// Row counts of every table.
    pub fn stats(&self) -> Result<Stats> {
        let count = |table: &str| -> Result<u64> {
            let sql = format!("SELECT count(*) FROM {table}");
            let n: i64 = match self.db.query_row(&sql, params![])? {
                Some(r) => r.get(0)?,
                None => 0,
            };
            Ok(n as u64)
        };
        Ok(Stats {
            documents: count("documents")?,
            sentences: count("sentences")?,
            events: count("events")?,
            quotes: count("quotes")?,
            figures: count("figures")?,
            places: count("places")?,
            times: count("times")?,
            mentions: count("mentions")?,
        })
    }

    /// The input ids of all stored documents, in storage order.
    pub fn doc_ids(&self) -> Result<Vec<String>> {
        Ok(self
            .db
            .all("SELECT doc_id FROM documents ORDER BY id", params![], |r| {
                r.get(0)
            })?)
    }

    /// Ids of the documents whose title or text match a full-text query, best match first.
    /// On SQLite the query is FTS5's syntax; on PostgreSQL, `websearch_to_tsquery`'s (words,
    /// `"phrases"`, `-not`, `or`), ranked by `ts_rank`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<String>> {
        let sql = if self.db.is_postgres() {
            "SELECT d.doc_id FROM documents d, websearch_to_tsquery('simple', ?1) q
             WHERE d.tsv @@ q ORDER BY ts_rank(d.tsv, q) DESC, d.id LIMIT ?2"
        } else {
            "SELECT d.doc_id FROM documents_fts f JOIN documents d ON d.id = f.rowid
             WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2"
        };
        Ok(self
            .db
            .all(sql, params![query, limit as i64], |r| r.get(0))?)
    }
}

impl Sink for Store {
    type Error = Error;

    /// Stores the document with the sentence spans of `herald_nlp::segment`; a duplicate is
    /// not an error. Always asks for more. Call it as `Sink::document(&mut store, …)`:
    /// `store.document(id)` is the inherent reader [`Store::document`].
    fn document(&mut self, doc: &Document, coded: &CodedDoc) -> Result<bool> {
        let sentences: Vec<Span> = herald_nlp::segment::segment(&doc.text)
            .iter()
            .map(|s| s.span)
            .collect();
        self.insert(doc, coded, &sentences)?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod testutil;
