//! The store's errors.

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database file could not be opened or set up.
    #[error("{path}: cannot open database: {source}")]
    Open {
        /// The database path.
        path: String,
        /// SQLite's reason.
        #[source]
        source: rusqlite::Error,
    },
    /// A PostgreSQL server could not be reached or refused the connection.
    #[error("{target}: cannot connect: {reason}")]
    Connect {
        /// The server (host, port and database; never the password).
        target: String,
        /// Why, in the server's or the network's words.
        reason: String,
    },
    /// The database was written by a newer herald with a schema this one does not know.
    #[error("{path}: schema version {found} is newer than this herald's ({known}); upgrade herald")]
    TooNew {
        /// The database path.
        path: String,
        /// Version in the file.
        found: u32,
        /// Version this build knows.
        known: u32,
    },
    /// Storing one document failed; nothing of it was kept.
    #[error("storing document {id}: {source}")]
    Insert {
        /// The document's id.
        id: String,
        /// The database's reason.
        #[source]
        source: crate::db::DbError,
    },
    /// A query filter is malformed; nothing was read.
    #[error("bad filter {field}: {reason}")]
    BadFilter {
        /// The filter field (`from`, `country`, `near`…).
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// Writing an export failed.
    #[error("export: {0}")]
    Export(String),
    /// Reading or writing a file or stream failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Any other SQLite failure.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Any other failure of the PostgreSQL backend.
    #[error(transparent)]
    Postgres(crate::db::DbError),
    /// A JSON column could not be written.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

/// `Result` with the store's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<crate::db::DbError> for Error {
    fn from(e: crate::db::DbError) -> Error {
        match e {
            crate::db::DbError::Sqlite(e) => Error::Sqlite(e),
            other => Error::Postgres(other),
        }
    }
}
