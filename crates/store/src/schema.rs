//! The schema, as an ordered list of migrations; `PRAGMA user_version` counts those applied.
//!
//! Never edit a migration that has shipped: append a new one. Each runs in its own transaction
//! together with the version bump, so a kill mid-migration leaves the previous version intact.

use crate::Error;
use rusqlite::Connection;

/// Migration `i` takes the schema from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    hash      TEXT NOT NULL UNIQUE,      -- herald_core::Document::content_id(text)
    doc_id    TEXT NOT NULL,             -- the input's id (echoed by `herald code`)
    title     TEXT,
    url       TEXT,
    source    TEXT,
    published TEXT,                      -- YYYY-MM-DD
    byline    TEXT,
    language  TEXT NOT NULL,
    text      TEXT NOT NULL,
    extra     TEXT                       -- JSON object of uninterpreted input fields
);
CREATE INDEX documents_doc_id ON documents(doc_id);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE sentences (
    document   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    PRIMARY KEY (document, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    document   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    code       TEXT,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL
);
CREATE INDEX mentions_document ON mentions(document);
CREATE INDEX mentions_code ON mentions(code);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    document       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id       TEXT NOT NULL,
    sentence       INTEGER NOT NULL,
    date           TEXT,
    date_text      TEXT,
    source_code    TEXT NOT NULL,
    source_text    TEXT NOT NULL,
    source_start   INTEGER NOT NULL,
    source_end     INTEGER NOT NULL,
    target_code    TEXT,
    target_text    TEXT,
    target_start   INTEGER,
    target_end     INTEGER,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    goldstein      REAL NOT NULL,
    quad_class     INTEGER NOT NULL,
    plover_type    TEXT,
    plover_mode    TEXT,
    place_name     TEXT,
    place_lat      REAL,
    place_lon      REAL,
    place_country  TEXT,
    place_start    INTEGER,
    place_end      INTEGER,
    negated        INTEGER NOT NULL,
    hedged         INTEGER NOT NULL,
    reported       INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    rule           TEXT NOT NULL
);
CREATE INDEX events_document ON events(document);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    document      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    direct        INTEGER NOT NULL,
    cue           TEXT,
    speaker_text  TEXT,
    speaker_code  TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    sentence      INTEGER NOT NULL
);
CREATE INDEX quotes_document ON quotes(document);

CREATE TABLE figures (
    id           INTEGER PRIMARY KEY,
    document     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    category     TEXT NOT NULL,
    value        REAL NOT NULL,
    low          REAL NOT NULL,
    high         REAL,
    qualifier    TEXT,
    text         TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    according_to TEXT
);
CREATE INDEX figures_document ON figures(document);

CREATE TABLE places (
    id         INTEGER PRIMARY KEY,
    document   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    lat        REAL NOT NULL,
    lon        REAL NOT NULL,
    country    TEXT,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL
);
CREATE INDEX places_document ON places(document);

CREATE TABLE times (
    id          INTEGER PRIMARY KEY,
    document    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    value       TEXT,
    granularity TEXT
);
CREATE INDEX times_document ON times(document);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'id'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;
"#,
    r#"
-- `herald watch`: what each feed answered last, for conditional GET and backoff.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    last_polled   TEXT,                  -- RFC 3339, UTC
    last_status   INTEGER,               -- HTTP status, or NULL when the request failed
    last_error    TEXT,
    failures      INTEGER NOT NULL DEFAULT 0
);
-- Items already fetched (or given up on), so a restarted watch fetches each once.
CREATE TABLE feed_items (
    feed       TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
    item       TEXT NOT NULL,            -- the item's guid, else its link
    link       TEXT,
    hash       TEXT,                     -- documents.hash of the stored article, if any
    fetched_at TEXT NOT NULL,
    error      TEXT,
    PRIMARY KEY (feed, item)
) WITHOUT ROWID;
"#,
    r#"
-- Consolidation: when each document was stored, where it came from, its SimHash (and four
-- 16-bit bands of it, indexed, to find near-duplicates), and the original it copies.
ALTER TABLE documents ADD COLUMN added TEXT;          -- RFC 3339, UTC
ALTER TABLE documents ADD COLUMN origin TEXT;         -- URL host, else source, else doc:<hash>
ALTER TABLE documents ADD COLUMN simhash INTEGER;     -- 64-bit SimHash as a signed integer
ALTER TABLE documents ADD COLUMN band0 INTEGER;
ALTER TABLE documents ADD COLUMN band1 INTEGER;
ALTER TABLE documents ADD COLUMN band2 INTEGER;
ALTER TABLE documents ADD COLUMN band3 INTEGER;
ALTER TABLE documents ADD COLUMN duplicate_of INTEGER REFERENCES documents(id);
CREATE INDEX documents_band0 ON documents(band0);
CREATE INDEX documents_band1 ON documents(band1);
CREATE INDEX documents_band2 ON documents(band2);
CREATE INDEX documents_band3 ON documents(band3);

-- Reports of one real-world event across articles (GDELT's event, with its counts).
CREATE TABLE clusters (
    id            INTEGER PRIMARY KEY,
    root          TEXT NOT NULL,
    source_code   TEXT NOT NULL,
    target_code   TEXT NOT NULL,         -- '' when the event has no target
    first_date    TEXT,                  -- YYYY-MM-DD of the first report's event date
    place_name    TEXT,
    place_country TEXT,
    place_lat     REAL,
    place_lon     REAL,
    first_event   INTEGER NOT NULL,      -- events.id of the report that started it
    num_mentions  INTEGER NOT NULL,
    num_sources   INTEGER NOT NULL,
    num_articles  INTEGER NOT NULL
);
CREATE INDEX clusters_dyad ON clusters(root, source_code, target_code, first_date);
ALTER TABLE events ADD COLUMN cluster INTEGER REFERENCES clusters(id);
CREATE INDEX events_cluster ON events(cluster);
"#,
];

/// The schema version this build writes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// Brings the database up to [`VERSION`]; refuses a database from a newer herald.
pub(crate) fn migrate(conn: &mut Connection, path: &str) -> Result<(), Error> {
    let found: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > VERSION {
        return Err(Error::TooNew {
            path: path.to_string(),
            found,
            known: VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        // Another process may have migrated between our check and the lock.
        let now: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now as usize > i {
            continue;
        }
        tx.execute_batch(sql)?;
        if i == 2 {
            // Schema 3 brought consolidation: cluster what an older herald stored.
            crate::consolidate::backfill(&tx)?;
        }
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
