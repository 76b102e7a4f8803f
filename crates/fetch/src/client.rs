//! The HTTP client: conditional GETs, a per-host pace, a timeout per request and retries with
//! exponential backoff.

use crate::error::{Error, Result};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use ureq::ResponseExt;
use ureq::http::Uri;

/// The `User-Agent` herald sends unless told otherwise.
pub const USER_AGENT: &str = concat!(
    "herald/",
    env!("CARGO_PKG_VERSION"),
    " (news event coder; +https://example.invalid/herald)"
);

/// What a previous answer said about a resource, sent back so an unchanged one costs a `304`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header, sent as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` header, sent as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// The answer to a GET.
#[derive(Debug)]
pub enum Fetched {
    /// `304 Not Modified`: the validators still hold.
    NotModified,
    /// A `2xx` answer with its body.
    Page(Page),
}

/// A fetched resource.
#[derive(Debug)]
pub struct Page {
    /// The URL the body came from, after redirects.
    pub url: String,
    /// The HTTP status (2xx).
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// Validators for the next conditional GET.
    pub validators: Validators,
    /// The body, decompressed.
    pub body: Vec<u8>,
}

/// Builds a [`Client`]; every setting has a polite default.
#[derive(Clone, Debug)]
pub struct ClientBuilder {
    user_agent: String,
    timeout: Duration,
    delay: Duration,
    retries: u32,
    backoff: Duration,
    max_bytes: u64,
}

impl Default for ClientBuilder {
    fn default() -> ClientBuilder {
        ClientBuilder {
            user_agent: USER_AGENT.to_string(),
            timeout: Duration::from_secs(30),
            delay: Duration::from_secs(1),
            retries: 2,
            backoff: Duration::from_millis(500),
            max_bytes: 20 << 20,
        }
    }
}

impl ClientBuilder {
    /// The `User-Agent` header (default [`USER_AGENT`]).
    pub fn user_agent(&mut self, ua: impl Into<String>) -> &mut Self {
        self.user_agent = ua.into();
        self
    }

    /// Longest a request may take, connection, redirects and body included (default 30 s).
    pub fn timeout(&mut self, timeout: Duration) -> &mut Self {
        self.timeout = timeout;
        self
    }

    /// Least time between the starts of two requests to one host (default 1 s).
    pub fn delay(&mut self, delay: Duration) -> &mut Self {
        self.delay = delay;
        self
    }

    /// Retries after a transient failure (default 2).
    pub fn retries(&mut self, retries: u32) -> &mut Self {
        self.retries = retries;
        self
    }

    /// Wait before the first retry; each further retry waits twice as long (default 0.5 s).
    pub fn backoff(&mut self, backoff: Duration) -> &mut Self {
        self.backoff = backoff;
        self
    }

    /// Largest body read (default 20 MiB).
    pub fn max_bytes(&mut self, max: u64) -> &mut Self {
        self.max_bytes = max;
        self
    }

    /// The client. A zero timeout is refused: a request must not wait forever.
    pub fn build(&self) -> std::result::Result<Client, String> {
        if self.timeout.is_zero() {
            return Err("the request timeout must be more than zero".into());
        }
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .user_agent(self.user_agent.as_str())
            .timeout_global(Some(self.timeout))
            .max_redirects(8)
            .build();
        Ok(Client {
            agent: ureq::Agent::new_with_config(config),
            pace: Pace {
                delay: self.delay,
                next: Mutex::new(HashMap::new()),
            },
            settings: self.clone(),
        })
    }
}

/// A polite HTTP client, shared by threads (`&Client` is enough to fetch).
#[derive(Debug)]
pub struct Client {
    agent: ureq::Agent,
    pace: Pace,
    settings: ClientBuilder,
}

/// `Accept` for feeds.
const ACCEPT_FEED: &str = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, \
    application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
/// `Accept` for pages.
const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.5";
/// Longest a `Retry-After` is obeyed.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

impl Client {
    /// A client with the default settings.
    pub fn new() -> Client {
        ClientBuilder::default()
            .build()
            .expect("the default settings are valid")
    }

    /// Settings for a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// GETs a feed, conditionally when `validators` hold anything.
    pub fn get_feed(&self, url: &str, validators: &Validators) -> Result<Fetched> {
        self.get(url, validators, ACCEPT_FEED)
    }

    /// GETs a page (an article, a document).
    pub fn get_page(&self, url: &str) -> Result<Page> {
        match self.get(url, &Validators::default(), ACCEPT_PAGE)? {
            Fetched::Page(page) => Ok(page),
            // Only a conditional request may get a 304.
            Fetched::NotModified => Err(Error::Status {
                url: url.to_string(),
                status: 304,
                attempts: 1,
            }),
        }
    }

    fn get(&self, url: &str, validators: &Validators, accept: &str) -> Result<Fetched> {
        let host = host_of(url)?;
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.pace.wait(&host);
            let (result, retry_after) = self.once(url, validators, accept, attempt);
            match result {
                Err(e) if e.is_transient() && attempt <= self.settings.retries => {
                    let backoff = self.settings.backoff * 2u32.saturating_pow(attempt - 1);
                    std::thread::sleep(backoff.max(retry_after.unwrap_or_default()));
                }
                other => return other,
            }
        }
    }

    /// One request; a `Retry-After` of a 429/503 rides along.
    fn once(
        &self,
        url: &str,
        validators: &Validators,
        accept: &str,
        attempt: u32,
    ) -> (Result<Fetched>, Option<Duration>) {
        let mut req = self.agent.get(url).header("Accept", accept);
        if let Some(etag) = &validators.etag {
            req = req.header("If-None-Match", etag);
        }
        if let Some(lm) = &validators.last_modified {
            req = req.header("If-Modified-Since", lm);
        }
        let mut resp = match req.call() {
            Ok(r) => r,
            Err(e) => return (Err(self.transport(url, e, attempt)), None),
        };
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        if status == 304 {
            return (Ok(Fetched::NotModified), None);
        }
        if !(200..300).contains(&status) {
            let retry_after = header("retry-after")
                .and_then(|s| s.parse::<u64>().ok())
                .map(|s| Duration::from_secs(s).min(MAX_RETRY_AFTER));
            let e = Error::Status {
                url: url.to_string(),
                status,
                attempts: attempt,
            };
            return (Err(e), retry_after);
        }
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let content_type = header("content-type");
        let final_url = resp.get_uri().to_string();
        let body = resp
            .body_mut()
            .with_config()
            .limit(self.settings.max_bytes)
            .read_to_vec();
        let result = match body {
            Ok(body) => Ok(Fetched::Page(Page {
                url: final_url,
                status,
                content_type,
                validators,
                body,
            })),
            Err(e) => Err(self.transport(url, e, attempt)),
        };
        (result, None)
    }

    fn transport(&self, url: &str, e: ureq::Error, attempts: u32) -> Error {
        use std::io::ErrorKind as K;
        let url = url.to_string();
        let (reason, transient) = match e {
            ureq::Error::BodyExceedsLimit(limit) => return Error::TooLarge { url, limit },
            ureq::Error::BadUri(reason) => return Error::BadUrl { url, reason },
            ureq::Error::Timeout(_) => (
                format!(
                    "no complete answer within {:.1} s (timed out)",
                    self.settings.timeout.as_secs_f64()
                ),
                true,
            ),
            ureq::Error::Io(io) => {
                let transient = matches!(
                    io.kind(),
                    K::ConnectionReset
                        | K::ConnectionAborted
                        | K::ConnectionRefused
                        | K::UnexpectedEof
                        | K::BrokenPipe
                        | K::TimedOut
                        | K::Interrupted
                        | K::NotConnected
                );
                let what = match io.kind() {
                    K::ConnectionReset => "connection reset by the server".to_string(),
                    K::ConnectionRefused => "connection refused".to_string(),
                    K::UnexpectedEof => "connection closed before a complete answer".to_string(),
                    _ => format!("network error: {io}"),
                };
                (what, transient)
            }
            ureq::Error::ConnectionFailed => ("could not connect".to_string(), true),
            ureq::Error::HostNotFound => ("host not found".to_string(), false),
            ureq::Error::Protocol(p) => (format!("not a valid HTTP answer: {p}"), false),
            ureq::Error::TooManyRedirects => ("too many redirects".to_string(), false),
            other => (other.to_string(), false),
        };
        Error::Transport {
            url,
            reason,
            transient,
            attempts,
        }
    }
}

impl Default for Client {
    fn default() -> Client {
        Client::new()
    }
}

/// The host a URL names, for pacing; only `http` and `https` URLs pass.
pub(crate) fn host_of(url: &str) -> Result<String> {
    let bad = |reason: &str| Error::BadUrl {
        url: url.to_string(),
        reason: reason.to_string(),
    };
    let uri: Uri = url.parse().map_err(|e| bad(&format!("{e}")))?;
    match uri.scheme_str() {
        Some("http" | "https") => {}
        _ => return Err(bad("only http:// and https:// URLs are fetched")),
    }
    let host = uri
        .host()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| bad("no host"))?;
    Ok(host.to_ascii_lowercase())
}

/// True for the URLs herald fetches rather than opens as files.
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The next free request slot per host.
#[derive(Debug)]
struct Pace {
    delay: Duration,
    next: Mutex<HashMap<String, Instant>>,
}

impl Pace {
    /// Takes the host's next slot and sleeps until it comes. Slots are handed out in call
    /// order, so threads sharing a host queue up `delay` apart; a slow request does not hold
    /// the others back beyond its slot.
    fn wait(&self, host: &str) {
        if self.delay.is_zero() {
            return;
        }
        let now = Instant::now();
        let slot = {
            let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
            let slot = next.get(host).map_or(now, |&t| t.max(now));
            next.insert(host.to_string(), slot + self.delay);
            slot
        };
        std::thread::sleep(slot.saturating_duration_since(now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_schemes() {
        let cases = [
            ("http://Example.org/feed", Some("example.org")),
            ("https://news.example:8443/a?b=c", Some("news.example")),
            ("http://127.0.0.1:8080/", Some("127.0.0.1")),
            ("ftp://example.org/", None),
            ("file:///etc/passwd", None),
            ("example.org/feed", None),
            ("http://", None),
        ];
        for (url, want) in cases {
            assert_eq!(host_of(url).ok().as_deref(), want, "{url}");
        }
        assert!(is_url("HTTPS://x"));
        assert!(!is_url("feeds.opml"));
    }

    #[test]
    fn pace_spaces_requests_per_host() {
        let pace = Pace {
            delay: Duration::from_millis(60),
            next: Mutex::new(HashMap::new()),
        };
        let start = Instant::now();
        pace.wait("a");
        pace.wait("b"); // another host: no wait
        assert!(start.elapsed() < Duration::from_millis(50));
        pace.wait("a");
        pace.wait("a");
        assert!(start.elapsed() >= Duration::from_millis(120));
    }

    #[test]
    fn zero_timeout_refused() {
        assert!(Client::builder().timeout(Duration::ZERO).build().is_err());
    }
}
