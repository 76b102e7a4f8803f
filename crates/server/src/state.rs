//! What every handler shares: the database path, a small pool of open stores, the token.
//!
//! A rusqlite connection is `Send` but not `Sync`, so each request takes a [`Store`] out of
//! the pool for the length of one blocking call (on tokio's blocking threads) and puts it back.
//! A semaphore bounds how many queries run at once, so a burst of clients queues instead of
//! opening a connection each; the database is in WAL mode, so these readers never block the
//! ingest that writes beside them.

use crate::error::ApiError;
use herald_store::Store;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// Shared by all requests.
#[derive(Debug)]
pub struct AppState {
    db: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Semaphore,
    token: Option<String>,
}

impl AppState {
    /// State for the database at `db`, running at most `readers` queries at once, requiring
    /// `token` (when given) on every API request.
    pub fn new(db: PathBuf, readers: usize, token: Option<String>) -> Arc<AppState> {
        Arc::new(AppState {
            db,
            idle: Mutex::new(Vec::new()),
            permits: Semaphore::new(readers.max(1)),
            token: token.filter(|t| !t.is_empty()),
        })
    }

    /// The bearer token every `/api` request must carry, if any.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Runs `f` on a store, on a blocking thread.
    pub(crate) async fn with_store<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| ApiError::internal("reader pool", e))?;
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = match state.idle.lock().map(|mut v| v.pop()) {
                Ok(Some(s)) => s,
                _ => Store::open(&state.db)
                    .map_err(|e| ApiError::internal("opening the store", e))?,
            };
            let out = f(&store);
            // A store that failed is dropped rather than reused.
            if out.is_ok()
                && let Ok(mut idle) = state.idle.lock()
            {
                idle.push(store);
            }
            out
        })
        .await
        .map_err(|e| ApiError::internal("query task", e))?
    }
}
