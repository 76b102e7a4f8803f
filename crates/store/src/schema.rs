//! The schema, as an ordered list of migrations; `PRAGMA user_version` (SQLite) or the one row
//! of `herald_schema` (PostgreSQL) counts those applied.
//!
//! Never edit a migration that has shipped: append a new one, to [`MIGRATIONS`] and its
//! PostgreSQL translation to [`PG_MIGRATIONS`] (same index, same tables and columns). Each runs
//! in its own transaction together with the version bump, so a kill mid-migration leaves the
//! previous version intact (PostgreSQL's DDL is transactional too).

use crate::Error;
use crate::db::{Db, DbResult};
use rusqlite::params;

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
    // 4: the event a figure quantifies (its id within the document, "e3").
    "ALTER TABLE figures ADD COLUMN event TEXT;",
];

/// [`MIGRATIONS`] for PostgreSQL: `BIGSERIAL`/`BIGINT` for `INTEGER`, `DOUBLE PRECISION` for
/// `REAL`, `COLLATE "C"` on text so that it sorts and compares byte-wise as in SQLite, flags as
/// 0/1 integers as in SQLite, a generated `tsvector` column (`simple` configuration: lower
/// case, no stemming, like FTS5's default tokenizer) with a GIN index in place of FTS5, and
/// `herald_km` (great-circle km, the same formula as [`crate::haversine_km`]) as an SQL
/// function.
pub(crate) const PG_MIGRATIONS: &[&str] = &[
    r#"
CREATE FUNCTION herald_km(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION,
                          lat2 DOUBLE PRECISION, lon2 DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS $$ SELECT 2.0 * 6371.0088 * asin(least(sqrt(
    power(sin((radians(lat2) - radians(lat1)) / 2.0), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2.0), 2)), 1.0)) $$;

CREATE TABLE documents (
    id        BIGSERIAL PRIMARY KEY,
    hash      TEXT COLLATE "C" NOT NULL UNIQUE,
    doc_id    TEXT COLLATE "C" NOT NULL,
    title     TEXT COLLATE "C",
    url       TEXT COLLATE "C",
    source    TEXT COLLATE "C",
    published TEXT COLLATE "C",
    byline    TEXT COLLATE "C",
    language  TEXT COLLATE "C" NOT NULL,
    text      TEXT COLLATE "C" NOT NULL,
    extra     TEXT COLLATE "C",
    tsv       tsvector GENERATED ALWAYS AS
                  (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX documents_doc_id ON documents(doc_id);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_tsv ON documents USING GIN (tsv);

CREATE TABLE sentences (
    document   BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx        BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end   BIGINT NOT NULL,
    PRIMARY KEY (document, idx)
);

CREATE TABLE mentions (
    id         BIGSERIAL PRIMARY KEY,
    document   BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text       TEXT COLLATE "C" NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    code       TEXT COLLATE "C",
    span_start BIGINT NOT NULL,
    span_end   BIGINT NOT NULL
);
CREATE INDEX mentions_document ON mentions(document);
CREATE INDEX mentions_code ON mentions(code);

CREATE TABLE events (
    id             BIGSERIAL PRIMARY KEY,
    document       BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id       TEXT COLLATE "C" NOT NULL,
    sentence       BIGINT NOT NULL,
    date           TEXT COLLATE "C",
    date_text      TEXT COLLATE "C",
    source_code    TEXT COLLATE "C" NOT NULL,
    source_text    TEXT COLLATE "C" NOT NULL,
    source_start   BIGINT NOT NULL,
    source_end     BIGINT NOT NULL,
    target_code    TEXT COLLATE "C",
    target_text    TEXT COLLATE "C",
    target_start   BIGINT,
    target_end     BIGINT,
    cameo          TEXT COLLATE "C" NOT NULL,
    root           TEXT COLLATE "C" NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL,
    quad_class     BIGINT NOT NULL,
    plover_type    TEXT COLLATE "C",
    plover_mode    TEXT COLLATE "C",
    place_name     TEXT COLLATE "C",
    place_lat      DOUBLE PRECISION,
    place_lon      DOUBLE PRECISION,
    place_country  TEXT COLLATE "C",
    place_start    BIGINT,
    place_end      BIGINT,
    negated        BIGINT NOT NULL,
    hedged         BIGINT NOT NULL,
    reported       BIGINT NOT NULL,
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL,
    rule           TEXT COLLATE "C" NOT NULL
);
CREATE INDEX events_document ON events(document);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);

CREATE TABLE quotes (
    id            BIGSERIAL PRIMARY KEY,
    document      BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text          TEXT COLLATE "C" NOT NULL,
    span_start    BIGINT NOT NULL,
    span_end      BIGINT NOT NULL,
    direct        BIGINT NOT NULL,
    cue           TEXT COLLATE "C",
    speaker_text  TEXT COLLATE "C",
    speaker_code  TEXT COLLATE "C",
    speaker_start BIGINT,
    speaker_end   BIGINT,
    sentence      BIGINT NOT NULL
);
CREATE INDEX quotes_document ON quotes(document);

CREATE TABLE figures (
    id           BIGSERIAL PRIMARY KEY,
    document     BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    category     TEXT COLLATE "C" NOT NULL,
    value        DOUBLE PRECISION NOT NULL,
    low          DOUBLE PRECISION NOT NULL,
    high         DOUBLE PRECISION,
    qualifier    TEXT COLLATE "C",
    text         TEXT COLLATE "C" NOT NULL,
    span_start   BIGINT NOT NULL,
    span_end     BIGINT NOT NULL,
    according_to TEXT COLLATE "C"
);
CREATE INDEX figures_document ON figures(document);

CREATE TABLE places (
    id         BIGSERIAL PRIMARY KEY,
    document   BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name       TEXT COLLATE "C" NOT NULL,
    lat        DOUBLE PRECISION NOT NULL,
    lon        DOUBLE PRECISION NOT NULL,
    country    TEXT COLLATE "C",
    span_start BIGINT NOT NULL,
    span_end   BIGINT NOT NULL
);
CREATE INDEX places_document ON places(document);

CREATE TABLE times (
    id          BIGSERIAL PRIMARY KEY,
    document    BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text        TEXT COLLATE "C" NOT NULL,
    span_start  BIGINT NOT NULL,
    span_end    BIGINT NOT NULL,
    value       TEXT COLLATE "C",
    granularity TEXT COLLATE "C"
);
CREATE INDEX times_document ON times(document);
"#,
    r#"
CREATE TABLE feeds (
    url           TEXT COLLATE "C" PRIMARY KEY,
    etag          TEXT COLLATE "C",
    last_modified TEXT COLLATE "C",
    last_polled   TEXT COLLATE "C",
    last_status   BIGINT,
    last_error    TEXT COLLATE "C",
    failures      BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE feed_items (
    feed       TEXT COLLATE "C" NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
    item       TEXT COLLATE "C" NOT NULL,
    link       TEXT COLLATE "C",
    hash       TEXT COLLATE "C",
    fetched_at TEXT COLLATE "C" NOT NULL,
    error      TEXT COLLATE "C",
    PRIMARY KEY (feed, item)
);
"#,
    r#"
ALTER TABLE documents ADD COLUMN added TEXT COLLATE "C";
ALTER TABLE documents ADD COLUMN origin TEXT COLLATE "C";
ALTER TABLE documents ADD COLUMN simhash BIGINT;
ALTER TABLE documents ADD COLUMN band0 BIGINT;
ALTER TABLE documents ADD COLUMN band1 BIGINT;
ALTER TABLE documents ADD COLUMN band2 BIGINT;
ALTER TABLE documents ADD COLUMN band3 BIGINT;
ALTER TABLE documents ADD COLUMN duplicate_of BIGINT REFERENCES documents(id);
CREATE INDEX documents_band0 ON documents(band0);
CREATE INDEX documents_band1 ON documents(band1);
CREATE INDEX documents_band2 ON documents(band2);
CREATE INDEX documents_band3 ON documents(band3);

CREATE TABLE clusters (
    id            BIGSERIAL PRIMARY KEY,
    root          TEXT COLLATE "C" NOT NULL,
    source_code   TEXT COLLATE "C" NOT NULL,
    target_code   TEXT COLLATE "C" NOT NULL,
    first_date    TEXT COLLATE "C",
    place_name    TEXT COLLATE "C",
    place_country TEXT COLLATE "C",
    place_lat     DOUBLE PRECISION,
    place_lon     DOUBLE PRECISION,
    first_event   BIGINT NOT NULL,
    num_mentions  BIGINT NOT NULL,
    num_sources   BIGINT NOT NULL,
    num_articles  BIGINT NOT NULL
);
CREATE INDEX clusters_dyad ON clusters(root, source_code, target_code, first_date);
ALTER TABLE events ADD COLUMN cluster BIGINT REFERENCES clusters(id);
CREATE INDEX events_cluster ON events(cluster);
"#,
    // 4
    r#"ALTER TABLE figures ADD COLUMN event TEXT COLLATE "C";"#,
];

/// The schema version this build writes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

const _: () = assert!(PG_MIGRATIONS.len() == MIGRATIONS.len());

/// The schema version of the database (inside the migration transaction).
fn version(db: &Db) -> DbResult<u32> {
    let sql = if db.is_postgres() {
        "SELECT version FROM herald_schema"
    } else {
        "PRAGMA user_version"
    };
    Ok(match db.query_row(sql, params![])? {
        Some(r) => r.get::<i64>(0)? as u32,
        None => 0,
    })
}

fn set_version(db: &Db, v: u32) -> DbResult<()> {
    if db.is_postgres() {
        db.execute("UPDATE herald_schema SET version = ?1", params![v as i64])?;
    } else {
        db.batch(&format!("PRAGMA user_version = {v}"))?;
    }
    Ok(())
}

/// Brings the database up to [`VERSION`]; refuses a database from a newer herald.
pub(crate) fn migrate(db: &Db, path: &str) -> Result<(), Error> {
    if db.is_postgres() {
        // The version counter, created once under the writer lock (two herald processes may
        // open a new database at the same time).
        let tx = db.write_tx()?;
        tx.batch(
            "CREATE TABLE IF NOT EXISTS herald_schema (version BIGINT NOT NULL);
             INSERT INTO herald_schema SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM herald_schema);",
        )?;
        tx.commit()?;
    }
    let found = version(db)?;
    if found > VERSION {
        return Err(Error::TooNew {
            path: path.to_string(),
            found,
            known: VERSION,
        });
    }
    let migrations = if db.is_postgres() {
        PG_MIGRATIONS
    } else {
        MIGRATIONS
    };
    for (i, sql) in migrations.iter().enumerate().skip(found as usize) {
        let tx = db.write_tx()?;
        // Another process may have migrated between our check and the lock.
        if version(&tx)? as usize > i {
            continue;
        }
        tx.batch(sql)?;
        if i == 2 {
            // Schema 3 brought consolidation: cluster what an older herald stored.
            crate::consolidate::backfill(&tx)?;
        }
        set_version(&tx, i as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
