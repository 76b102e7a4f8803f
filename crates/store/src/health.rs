//! Is the database file sound and writable? Checks for commands about to write a lot.

use crate::{Result, Store};
use rusqlite::MAIN_DB;

impl Store {
    /// True when SQLite opened the file read-only (file or directory permissions, a read-only
    /// medium): every write would fail.
    pub fn is_read_only(&self) -> Result<bool> {
        Ok(self.conn.is_readonly(MAIN_DB)?)
    }

    /// SQLite's `PRAGMA quick_check`: `None` when the file is sound, else its first findings.
    /// Reads every page (about a second per GB); damage found while reading is an `Err`.
    pub fn quick_check(&self) -> Result<Option<String>> {
        let mut st = self.conn.prepare("PRAGMA quick_check(5)")?;
        let findings = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if findings.len() == 1 && findings[0] == "ok" {
            Ok(None)
        } else {
            Ok(Some(findings.join("; ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_store_is_sound_and_writable() {
        let store = Store::open_in_memory().unwrap();
        assert!(!store.is_read_only().unwrap());
        assert_eq!(store.quick_check().unwrap(), None);
    }
}
