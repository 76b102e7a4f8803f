//! The JSON endpoints under `/api`. Every one is a GET; every query parameter goes through
//! [`crate::params`]; every store call runs on a blocking thread via `AppState::with_store`.

use crate::article::article;
use crate::error::ApiError;
use crate::params::{self, Paging};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde_json::{Value, json};
use std::sync::Arc;

type Shared = State<Arc<AppState>>;

/// Longest document id accepted in a path, in bytes.
const MAX_ID_BYTES: usize = 512;

/// The OpenAPI 3.1 document of this API, hand-written.
pub const OPENAPI: &str = include_str!("openapi.json");

/// `GET /api/events`: filtered, paged events, with the total.
pub async fn events(State(st): Shared, RawQuery(q): RawQuery) -> Result<Json<Value>, ApiError> {
    let (filter, page) = params::parse(q.as_deref().unwrap_or(""), Paging::Allowed)?;
    let found = st.with_store(move |s| Ok(s.events(&filter, page)?)).await?;
    Ok(Json(json!({
        "total": found.total,
        "limit": page.limit,
        "offset": page.offset,
        "events": found.events,
    })))
}

/// `GET /api/events/{key}`: one event by its store key.
pub async fn event(State(st): Shared, Path(key): Path<String>) -> Result<Json<Value>, ApiError> {
    let key: i64 = key
        .parse()
        .ok()
        .filter(|k| *k > 0)
        .ok_or_else(|| ApiError::BadPath {
            what: "key",
            reason: format!("{:?}: expected a positive whole number", clip(&key)),
        })?;
    let row = st.with_store(move |s| Ok(s.event(key)?)).await?;
    let row = row.ok_or_else(|| ApiError::NotFound(format!("no event {key}")))?;
    Ok(Json(
        serde_json::to_value(row).map_err(|e| ApiError::internal("event json", e))?,
    ))
}

/// `GET /api/documents/{id}`: the document, its text, everything coded from it and the
/// highlights of the article view.
pub async fn document(State(st): Shared, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    if id.is_empty() || id.len() > MAX_ID_BYTES || id.chars().any(char::is_control) {
        return Err(ApiError::BadPath {
            what: "id",
            reason: format!("expected a document id of 1 to {MAX_ID_BYTES} printable bytes"),
        });
    }
    let lookup = id.clone();
    let doc = st.with_store(move |s| Ok(s.document(&lookup)?)).await?;
    let doc = doc.ok_or_else(|| ApiError::NotFound(format!("no document {:?}", clip(&id))))?;
    let view = article(doc);
    Ok(Json(
        serde_json::to_value(view).map_err(|e| ApiError::internal("document json", e))?,
    ))
}

/// `GET /api/timeline`: events per day and quad class, same filters as `/api/events`.
pub async fn timeline(State(st): Shared, RawQuery(q): RawQuery) -> Result<Json<Value>, ApiError> {
    let (filter, _) = params::parse(q.as_deref().unwrap_or(""), Paging::Refused)?;
    let rows = st.with_store(move |s| Ok(s.timeline(&filter)?)).await?;
    let total: u64 = rows.iter().map(|r| r.count).sum();
    Ok(Json(json!({"total": total, "days": rows})))
}

/// `GET /api/stats`: row counts of the store.
pub async fn stats(State(st): Shared) -> Result<Json<Value>, ApiError> {
    let stats = st.with_store(|s| Ok(s.stats()?)).await?;
    Ok(Json(
        serde_json::to_value(stats).map_err(|e| ApiError::internal("stats json", e))?,
    ))
}

/// `GET /api/openapi.json`: the API's description.
pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// At most 60 chars of user input, for error messages.
fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}
