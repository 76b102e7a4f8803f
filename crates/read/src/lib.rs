//! herald's readers: bytes in, [`Document`]s out.
#![deny(missing_docs)]

use herald_core::{Document, Error, Result};
use std::path::Path;

/// Reads one input path as plain UTF-8 text: one document. Provisional; replaced by the
/// format-detecting readers.
pub fn read_path(path: &Path) -> Vec<Result<Document>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return vec![Err(Error::io(path.display(), e))],
    };
    match String::from_utf8(bytes) {
        Ok(text) => vec![Ok(Document::from_text(text))],
        Err(e) => vec![Err(Error::bad_record(
            path.display().to_string(),
            format!("not UTF-8: {e}"),
        ))],
    }
}
