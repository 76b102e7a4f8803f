//! Is the database file sound and writable? Checks for commands about to write a lot.

use crate::db::Db;
use crate::{Result, Store};
use rusqlite::{MAIN_DB, params};

impl Store {
    /// True when SQLite opened the file read-only (file or directory permissions, a read-only
    /// medium), or the PostgreSQL session is read-only (a standby): every write would fail.
    pub fn is_read_only(&self) -> Result<bool> {
        match &self.db {
            Db::Sqlite(c) => Ok(c.is_readonly(MAIN_DB)?),
            Db::Postgres(_) => {
                let row = self.db.query_row("SHOW transaction_read_only", params![])?;
                Ok(row.map(|r| r.get::<String>(0)).transpose()?.as_deref() == Some("on"))
            }
        }
    }

    /// SQLite's `PRAGMA quick_check`: `None` when the file is sound, else its first findings.
    /// Reads every page (about a second per GB); damage found while reading is an `Err`.
    /// A PostgreSQL server checks its own pages: always `None` there.
    pub fn quick_check(&self) -> Result<Option<String>> {
        if self.db.is_postgres() {
            return Ok(None);
        }
        let findings = self
            .db
            .all("PRAGMA quick_check(5)", params![], |r| r.get::<String>(0))?;
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
