//! The error type shared by herald's library crates.

/// What went wrong, with enough context to name the file or record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An I/O failure on a named path.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A record that could not be read; `origin` names the file and line or record id.
    #[error("{origin}: {reason}")]
    BadRecord {
        /// Where: `file:line` and, when known, `id=…`.
        origin: String,
        /// Why, in words.
        reason: String,
    },
    /// Malformed data in a known format (dictionary, model, gold file...).
    #[error("{origin}: {reason}")]
    Format {
        /// Where: file and line.
        origin: String,
        /// Why.
        reason: String,
    },
    /// Any other failure, in words.
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl std::fmt::Display, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_string(),
            source,
        }
    }

    /// A bad input record.
    pub fn bad_record(origin: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::BadRecord {
            origin: origin.into(),
            reason: reason.into(),
        }
    }

    /// Malformed data in a known format.
    pub fn format(origin: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Format {
            origin: origin.into(),
            reason: reason.into(),
        }
    }
}

/// `Result` with herald's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
