//! What can go wrong fetching a URL.

/// A failed fetch, naming the URL and the reason.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Not an `http://` or `https://` URL herald can fetch.
    #[error("{url}: not a fetchable URL: {reason}")]
    BadUrl {
        /// The URL as given.
        url: String,
        /// Why.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("{url}: HTTP status {status}{}", attempts_note(*.attempts))]
    Status {
        /// The URL.
        url: String,
        /// The status code (4xx, 5xx, or a 3xx that could not be followed).
        status: u16,
        /// Requests made, retries included.
        attempts: u32,
    },
    /// No usable answer: refused, reset, timed out, TLS failure, malformed HTTP.
    #[error("{url}: {reason}{}", attempts_note(*.attempts))]
    Transport {
        /// The URL.
        url: String,
        /// What the connection did, in words.
        reason: String,
        /// Whether trying again later may succeed (timeouts, resets, refused connections).
        transient: bool,
        /// Requests made, retries included.
        attempts: u32,
    },
    /// The body was larger than the client's limit.
    #[error("{url}: response larger than {limit} bytes, not read")]
    TooLarge {
        /// The URL.
        url: String,
        /// The limit in bytes.
        limit: u64,
    },
}

fn attempts_note(attempts: u32) -> String {
    if attempts > 1 {
        format!(" (after {attempts} attempts)")
    } else {
        String::new()
    }
}

impl Error {
    /// True when the same request may succeed later: timeouts, resets, refused connections,
    /// 5xx and 429 answers.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Status { status, .. } => is_transient_status(*status),
            Error::Transport { transient, .. } => *transient,
            Error::BadUrl { .. } | Error::TooLarge { .. } => false,
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Status { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// Statuses worth retrying: the server is busy or briefly broken.
pub(crate) fn is_transient_status(status: u16) -> bool {
    matches!(status, 408 | 425 | 429 | 500 | 502 | 503 | 504)
}

/// `Result` with the fetcher's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
