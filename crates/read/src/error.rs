//! What can go wrong while reading, named by file, line and record id.

use std::fmt;

/// Where a record came from: file (or `<stdin>`), 1-based line when the format has lines, and
/// the record's own id when it was read before the failure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file, as given on the command line or found in a directory; `<stdin>` for `-`.
    pub file: String,
    /// 1-based line number (JSON Lines).
    pub line: Option<usize>,
    /// The record's id (JSON Lines `id`, feed item id).
    pub id: Option<String>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " (id {id})")?;
        }
        Ok(())
    }
}

/// A record a parser rejected: its id when known, and why.
///
/// The format parsers ([`crate::readers`]) are pure functions of bytes and return this; the
/// walker adds the file and line to make an [`Error::BadRecord`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct Invalid {
    /// The record's id, when it was read before the failure.
    pub id: Option<String>,
    /// Why, in words.
    pub reason: String,
}

impl Invalid {
    /// A rejection without an id.
    pub fn new(reason: impl Into<String>) -> Invalid {
        Invalid {
            id: None,
            reason: reason.into(),
        }
    }

    /// The same rejection, naming the record.
    pub fn with_id(mut self, id: Option<String>) -> Invalid {
        if self.id.is_none() {
            self.id = id;
        }
        self
    }
}

/// A failure to read an input or one record of it. None stops the others from being read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file or directory could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A record (or a whole file) that could not be turned into a document.
    #[error("{origin}: {reason}")]
    BadRecord {
        /// File, line and id.
        origin: Origin,
        /// Why, in words.
        reason: String,
    },
}

impl Error {
    /// A bad record at `origin`.
    pub fn bad(origin: Origin, reason: impl Into<String>) -> Error {
        Error::BadRecord {
            origin,
            reason: reason.into(),
        }
    }

    /// The record's origin, when the error is about one record.
    pub fn origin(&self) -> Option<&Origin> {
        match self {
            Error::BadRecord { origin, .. } => Some(origin),
            Error::Io { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_display() {
        let cases = [
            (
                Origin {
                    file: "a.txt".into(),
                    line: None,
                    id: None,
                },
                "a.txt",
            ),
            (
                Origin {
                    file: "a.jsonl".into(),
                    line: Some(3),
                    id: None,
                },
                "a.jsonl:3",
            ),
            (
                Origin {
                    file: "a.jsonl".into(),
                    line: Some(3),
                    id: Some("x1".into()),
                },
                "a.jsonl:3 (id x1)",
            ),
        ];
        for (o, want) in cases {
            assert_eq!(o.to_string(), want);
        }
        let e = Error::bad(
            Origin {
                file: "f".into(),
                line: Some(2),
                id: None,
            },
            "empty text",
        );
        assert_eq!(e.to_string(), "f:2: empty text");
    }
}
