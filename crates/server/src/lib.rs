//! herald's HTTP API and dashboard: `herald serve`.
//!
//! Place in the pipeline: after the store. It reads what `herald ingest` wrote (the same
//! SQLite file, in WAL mode, so an ingest can keep writing while the API reads) and answers
//! JSON under `/api` and the dashboard at `/`.
//!
//! ```
//! use herald_server::{Config, params::parse_filter};
//! let config = Config::new("herald.db");
//! let app = herald_server::router(&config); // nothing is opened until a request comes
//! # drop(app);
//! let (filter, page) = parse_filter("country=KZ&quad=4&limit=50").unwrap();
//! assert_eq!((filter.quad_class, page.limit), (Some(4), 50));
//! ```
//!
//! Design choices:
//! - **Read-only and GET-only.** No endpoint takes a body: any body is refused (413) and any
//!   other method gets 405. The API cannot change the store.
//! - **Every parameter checked** by a pure function ([`params::parse_filter`], fuzzed) before
//!   the store sees it; unknown or repeated parameters are errors; the store binds every value
//!   as an SQL parameter. Errors are `{"error": "…", "param": "…"}` with a 4xx status.
//! - **Embedded files only** ([`assets::ASSETS`]): nothing is served from disk, so there is no
//!   path to traverse. The page loads nothing from elsewhere (a strict CSP says so) and works
//!   offline; the world outlines are a generated, committed file (`gen/`).
//! - **Loopback by default**: bound to 127.0.0.1, with the `Host` header checked so that a web
//!   page cannot reach the API by DNS rebinding. An optional bearer token guards `/api`.
//! - **Bounded work**: at most [`Config::readers`] queries at once (the rest queue), a timeout
//!   per request, pages of at most [`herald_store::MAX_PAGE`] events.
#![deny(missing_docs)]

pub mod api;
pub mod article;
pub mod assets;
pub mod error;
mod guard;
pub mod params;
mod state;

pub use error::ApiError;
pub use state::AppState;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::from_fn_with_state;
use axum::routing::{MethodRouter, get};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The SQLite database `herald ingest` wrote.
    pub db: PathBuf,
    /// When set, every `/api` request needs `Authorization: Bearer <token>`.
    pub token: Option<String>,
    /// Queries run at once; more requests wait their turn.
    pub readers: usize,
    /// A request not answered within this gets 503.
    pub timeout: Duration,
    /// Refuse requests whose `Host` is not a loopback name (for a server bound to loopback).
    pub loopback_only: bool,
}

impl Config {
    /// Defaults: no token, 8 readers, 30 s timeout, loopback hosts only.
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config {
            db: db.into(),
            token: None,
            readers: 8,
            timeout: Duration::from_secs(30),
            loopback_only: true,
        }
    }
}

/// Request headers larger than this, in bytes, are refused with 431.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The API's routes: the router is built from this list, and a test checks that the OpenAPI
/// document describes each of them.
pub fn api_routes() -> Vec<(&'static str, MethodRouter<Arc<AppState>>)> {
    vec![
        ("/api/events", get(api::events)),
        ("/api/events/{key}", get(api::event)),
        ("/api/documents/{id}", get(api::document)),
        ("/api/timeline", get(api::timeline)),
        ("/api/stats", get(api::stats)),
        ("/api/openapi.json", get(api::openapi)),
    ]
}

/// The whole application: API, dashboard, and the layers around them.
pub fn router(config: &Config) -> Router {
    let state = AppState::new(config.db.clone(), config.readers, config.token.clone());
    let api = api_routes()
        .into_iter()
        .fold(Router::new(), |r, (path, route)| r.route(path, route));
    let files = assets::ASSETS.iter().fold(Router::new(), |r, a| {
        r.route(a.path, get(move || async move { a.response() }))
    });
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    let app = api
        .merge(files)
        .fallback(|| async { ApiError::NotFound("not found".into()) })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(from_fn_with_state(state.clone(), guard::require_token))
        .with_state(state);
    let app = if config.loopback_only {
        app.layer(axum::middleware::from_fn(guard::loopback_host))
    } else {
        app
    };
    app.layer(RequestBodyLimitLayer::new(0))
        .layer(axum::middleware::from_fn(guard::header_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            config.timeout,
        ))
        .layer(header(header::CONTENT_SECURITY_POLICY, guard::CSP))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
}

/// Serves `app` on `listener` until Ctrl-C or SIGTERM, then lets open requests finish.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

#[cfg(test)]
mod tests;
