//! Opening the store for a command that writes, and saying clearly what went wrong.

use herald_store::Store;
use std::path::Path;

/// Databases up to this size get a full `PRAGMA quick_check` before a writing command starts
/// (about a second per GB); larger ones rely on SQLite's checks as pages are read.
const CHECK_UP_TO: u64 = 1 << 30;

/// Opens (creating if needed) the database at `path` for writing. A read-only file, a file
/// that is not a database and a damaged database are refused up front, each with the path
/// and the reason, before any work is done.
pub(crate) fn open_for_writing(path: &Path) -> anyhow::Result<Store> {
    if is_url(path) {
        // A server checks its own files; connection errors name the server, not the password.
        let store = Store::open(path).map_err(|e| describe(path, e))?;
        check_writable(path, &store)?;
        return Ok(store);
    }
    let shown = path.display();
    if let Ok(meta) = std::fs::metadata(path) {
        let writable = std::fs::OpenOptions::new().write(true).open(path);
        if let Err(e) = writable
            && e.kind() == std::io::ErrorKind::PermissionDenied
        {
            anyhow::bail!(
                "{shown}: the database is read-only ({e}); check the permissions of the file \
                 and its directory; nothing was written"
            );
        }
        let store = Store::open(path).map_err(|e| describe(path, e))?;
        if meta.len() <= CHECK_UP_TO
            && let Some(findings) = store.quick_check().map_err(|e| describe(path, e))?
        {
            anyhow::bail!(
                "{shown}: the database file is damaged (SQLite's check: {findings}); restore \
                 it from a backup or start a new one; nothing was written"
            );
        }
        check_writable(path, &store)?;
        return Ok(store);
    }
    let store = Store::open(path).map_err(|e| describe(path, e))?;
    check_writable(path, &store)?;
    Ok(store)
}

fn check_writable(path: &Path, store: &Store) -> anyhow::Result<()> {
    if store.is_read_only().map_err(|e| describe(path, e))? {
        anyhow::bail!(
            "{}: the database is read-only (check the permissions of the file and its \
             directory); nothing was written",
            shown(path)
        );
    }
    Ok(())
}

/// A failed write, naming the database and, where SQLite's words are terse, the likely cause.
pub(crate) fn write_error(path: &Path, e: herald_store::Error) -> anyhow::Error {
    describe(path, e)
}

fn describe(path: &Path, e: herald_store::Error) -> anyhow::Error {
    let text = e.to_string();
    let hint = if text.contains("database or disk is full") || text.contains("disk I/O error") {
        " (is the disk full, or a file size limit reached?); everything committed before \
         is kept, run again when there is room"
    } else if text.contains("readonly database") {
        " (the file or its directory is read-only)"
    } else if text.contains("unable to open database file") {
        " (check that the file and its directory exist and are writable)"
    } else if text.contains("malformed") || text.contains("not a database") {
        " (the file is damaged or is not a herald database)"
    } else {
        ""
    };
    let path = shown(path);
    if text.starts_with(&path) || text.starts_with("PostgreSQL server") {
        anyhow::anyhow!("{text}{hint}")
    } else {
        anyhow::anyhow!("{path}: {text}{hint}")
    }
}

/// True when `--db` names a PostgreSQL database rather than a SQLite file.
pub(crate) fn is_url(path: &Path) -> bool {
    path.to_str().is_some_and(herald_store::is_postgres_url)
}

/// `--db` fit to print: a path as it is, a URL without its password.
pub(crate) fn shown(path: &Path) -> String {
    herald_store::redact(&path.to_string_lossy())
}

/// True when the database `--db` names can be read: an existing file, or a server URL (whose
/// errors come on connecting).
pub(crate) fn exists(path: &Path) -> bool {
    is_url(path) || path.is_file()
}
