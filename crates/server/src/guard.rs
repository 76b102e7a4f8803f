//! Middleware that stands between the network and the handlers: the bearer token, the Host
//! check, and the headers every response carries.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use subtle::ConstantTimeEq;

/// Requires `Authorization: Bearer <token>` on `/api…` when the server has a token. The comparison takes
/// the same time wherever the tokens differ (only the length can be learnt).
pub async fn require_token(
    State(st): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Result<Response, ApiError> {
    if let Some(want) = st.token()
        && req.uri().path().starts_with("/api")
        && !token_matches(req.headers(), want)
    {
        return Err(ApiError::Unauthorized);
    }
    Ok(next.run(req).await)
}

fn token_matches(headers: &HeaderMap, want: &str) -> bool {
    let Some(got) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
    else {
        return false;
    };
    bool::from(got.ct_eq(want.as_bytes()))
}

/// Refuses requests whose headers, names and values together, exceed
/// [`crate::MAX_HEADER_BYTES`]: hyper alone accepts about 400 KB of them.
pub async fn header_limit(req: Request, next: Next) -> Result<Response, ApiError> {
    let size: usize = req
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len() + 4)
        .sum();
    if size > crate::MAX_HEADER_BYTES {
        return Err(ApiError::HeadersTooLarge(crate::MAX_HEADER_BYTES));
    }
    Ok(next.run(req).await)
}

/// Refuses requests whose `Host` is not a loopback name, for a server bound to loopback: a web
/// page elsewhere cannot then read the API through DNS rebinding.
pub async fn loopback_host(req: Request, next: Next) -> Result<Response, ApiError> {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !is_loopback_host(host) {
        return Err(ApiError::WrongHost(host.chars().take(60).collect()));
    }
    Ok(next.run(req).await)
}

fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        // [::1]:8080
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(n, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                n
            } else {
                host
            }
        })
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name == "::1"
        || name
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The Content-Security-Policy of every response: the page loads only its own files.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                       img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
                       form-action 'self'; frame-ancestors 'none'";

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn hosts() {
        for ok in [
            "127.0.0.1:8080",
            "localhost",
            "LOCALHOST:1",
            "[::1]:80",
            "127.1.2.3",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:8080",
            "",
            "127.0.0.1.evil.example",
            "[::2]:80",
            "localhost.evil:80",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }

    #[test]
    fn tokens() {
        let mut h = HeaderMap::new();
        assert!(!token_matches(&h, "s3cret"));
        for (value, ok) in [
            ("Bearer s3cret", true),
            ("Bearer s3cre", false),
            ("Bearer s3cretX", false),
            ("bearer s3cret", false),
            ("Basic s3cret", false),
            ("Bearer  s3cret", false),
        ] {
            h.insert(header::AUTHORIZATION, HeaderValue::from_static(value));
            assert_eq!(token_matches(&h, "s3cret"), ok, "{value}");
        }
    }
}
