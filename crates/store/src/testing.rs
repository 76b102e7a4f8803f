//! Test support: a fresh PostgreSQL database per test, dropped afterwards, so that tests run in
//! parallel against one server. Not part of the store's API proper (hidden from the docs).
//!
//! The server comes from `HERALD_TEST_PG` (a `postgres://` URL of a user who may create
//! databases; `.ci/postgres.sh` starts one and prints it). Without it a test is skipped with a
//! message on stderr, unless `CI` is set: then it fails, so that CI cannot skip PostgreSQL
//! silently.

use crate::{Result, Store};

/// The variable that names the test server.
pub const ENV: &str = "HERALD_TEST_PG";

/// The test server's URL; `None` (with a skip message naming `test`) when there is none to
/// use. Panics when `CI` is set and `HERALD_TEST_PG` is not.
pub fn server(test: &str) -> Option<String> {
    match std::env::var(ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url.trim().to_string()),
        _ => {
            if std::env::var_os("CI").is_some() {
                panic!(
                    "{test}: {ENV} is not set but CI is: run `export {ENV}=$(bash .ci/postgres.sh | tail -n1)` first"
                );
            }
            eprintln!(
                "skipped: {ENV} not set ({test} on PostgreSQL); `bash .ci/postgres.sh` starts a server"
            );
            None
        }
    }
}

/// `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// A database created for one test and dropped (with whatever is connected to it) when this
/// value is dropped.
#[derive(Debug)]
pub struct TempDatabase {
    admin: String,
    name: String,
    /// The URL of the new database.
    pub url: String,
}

impl TempDatabase {
    /// Creates a uniquely named database on the server of `admin_url`.
    pub fn create(admin_url: &str) -> Result<TempDatabase> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static SEQ: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(
            "herald_test_{}_{}_{nanos}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = crate::db::connect(admin_url)?;
        // The name is ours, made of [a-z0-9_]: safe to splice (DDL takes no parameters).
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .map_err(crate::db::DbError::from)?;
        Ok(TempDatabase {
            admin: admin_url.to_string(),
            url: with_database(admin_url, &name),
            name,
        })
    }

    /// A store on the new database.
    pub fn store(&self) -> Result<Store> {
        Store::connect(&self.url)
    }
}

impl Drop for TempDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = crate::db::connect(&self.admin) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// A store for one test, on either backend; derefs to [`Store`]. A PostgreSQL one drops its
/// database when dropped.
#[derive(Debug)]
pub struct TestStore {
    store: Option<Store>,
    db: Option<TempDatabase>,
    /// `sqlite` or `postgres`, for assertion messages.
    pub backend: &'static str,
}

impl TestStore {
    /// The stores a test runs on: SQLite in memory, and a fresh PostgreSQL database when
    /// [`server`] gives one.
    pub fn all(test: &str) -> Vec<TestStore> {
        let mut out = vec![TestStore {
            store: Some(Store::open_in_memory().expect("in-memory SQLite")),
            db: None,
            backend: "sqlite",
        }];
        if let Some(url) = server(test) {
            let db = TempDatabase::create(&url).expect("a test database on HERALD_TEST_PG");
            out.push(TestStore {
                store: Some(db.store().expect("connecting to the test database")),
                db: Some(db),
                backend: "postgres",
            });
        }
        out
    }
}

impl std::ops::Deref for TestStore {
    type Target = Store;

    fn deref(&self) -> &Store {
        self.store.as_ref().expect("a store until dropped")
    }
}

impl std::ops::DerefMut for TestStore {
    fn deref_mut(&mut self) -> &mut Store {
        self.store.as_mut().expect("a store until dropped")
    }
}

impl Drop for TestStore {
    fn drop(&mut self) {
        self.store = None; // close the connection before dropping the database
        self.db = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5/herald", "t1"),
            "postgres://u@127.0.0.1:5/t1"
        );
        assert_eq!(
            with_database("postgresql://u:pw@h/x?sslmode=disable", "t"),
            "postgresql://u:pw@h/t?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h:1", "t"), "postgres://h:1/t");
    }
}
