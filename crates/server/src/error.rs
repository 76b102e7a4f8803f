//! The API's errors: each one a status code and a small JSON body; internals are logged on
//! stderr, never sent to the client (axum's `examples/error-handling`).

use crate::params::ParamError;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// What a request can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// A query parameter is malformed (400, names the parameter).
    #[error("{0}")]
    Param(#[from] ParamError),
    /// A path segment is malformed (400).
    #[error("{what}: {reason}")]
    BadPath {
        /// The segment's name (`key`, `id`).
        what: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// Nothing at this path (404).
    #[error("{0}")]
    NotFound(String),
    /// The bearer token is missing or wrong (401).
    #[error("missing or wrong bearer token")]
    Unauthorized,
    /// The Host header names another site (421: a DNS-rebinding page, or a proxy mix-up).
    #[error("host {0:?} is not served here")]
    WrongHost(String),
    /// The request's headers are larger than [`crate::MAX_HEADER_BYTES`] (431).
    #[error("request headers too large: at most {0} bytes")]
    HeadersTooLarge(usize),
    /// The request method is not GET or HEAD (405).
    #[error("method not allowed: the API is read-only (GET)")]
    MethodNotAllowed,
    /// The store failed; the details go to the log only (500).
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Param(_) | ApiError::BadPath { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::WrongHost(_) => StatusCode::MISDIRECTED_REQUEST,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::HeadersTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A store failure: logged with its cause, reported as a bare 500.
    pub(crate) fn internal(context: &str, err: impl std::fmt::Display) -> ApiError {
        ApiError::Internal(format!("{context}: {err}"))
    }
}

impl From<herald_store::Error> for ApiError {
    fn from(e: herald_store::Error) -> ApiError {
        match e {
            herald_store::Error::BadFilter { field, reason } => ApiError::Param(ParamError {
                error: reason,
                param: field.to_string(),
            }),
            other => ApiError::internal("store", other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = match &self {
            ApiError::Param(p) => json!({"error": p.error, "param": p.param}),
            ApiError::BadPath { what, reason } => json!({"error": reason, "param": what}),
            ApiError::Internal(detail) => {
                eprintln!("herald serve: {detail}");
                json!({"error": "internal error (see the server log)"})
            }
            other => json!({"error": other.to_string()}),
        };
        let mut resp = (status, Json(body)).into_response();
        match self {
            ApiError::Unauthorized => {
                resp.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"herald\""),
                );
            }
            ApiError::MethodNotAllowed => {
                resp.headers_mut()
                    .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            }
            _ => {}
        }
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        let cases = [
            (
                ApiError::Param(ParamError {
                    error: "x".into(),
                    param: "quad".into(),
                }),
                400,
            ),
            (ApiError::NotFound("no".into()), 404),
            (ApiError::Unauthorized, 401),
            (ApiError::MethodNotAllowed, 405),
            (ApiError::Internal("disk on fire".into()), 500),
        ];
        for (err, want) in cases {
            assert_eq!(err.into_response().status().as_u16(), want);
        }
    }

    #[test]
    fn internals_are_not_leaked() {
        let e = ApiError::internal("store", "/secret/path/herald.db: locked");
        assert!(!format!("{e}").contains("secret"));
    }
}
