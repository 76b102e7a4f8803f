//! The two backends behind a [`Store`](crate::Store): SQLite (embedded, the default) and
//! PostgreSQL (`postgres://…`, the shared store for teams).
//!
//! Design: one enum, [`Db`], with the handful of operations the store needs (`execute`,
//! `insert_id`, `query_row`, `each`, `all`, `batch`, transactions). Every query of the store
//! is written once, in the SQL both servers understand, with SQLite's `?N` placeholders and
//! rusqlite's `params![…]`; the PostgreSQL arm rewrites `?N` to `$N` and converts each bound
//! value to the type the server inferred for its placeholder. Rows come back from either side
//! as a [`Row`] of SQLite values, so the code that rebuilds events, documents and feeds from
//! rows is shared too. What really differs is kept in few places:
//! - the DDL (`schema.rs` has a PostgreSQL twin of every migration: `BIGSERIAL`/`BIGINT`,
//!   `DOUBLE PRECISION`, `COLLATE "C"` so that text sorts and compares as in SQLite, a
//!   generated `tsvector` column with a GIN index in place of FTS5, `herald_km` as an SQL
//!   function) and the version counter (`PRAGMA user_version` / table `herald_schema`);
//! - two filter fragments (`query/filter.rs`: full-text search, case-insensitive `LIKE`);
//! - [`Store::search`](crate::Store::search)'s ranking;
//! - the writer lock: SQLite's `BEGIN IMMEDIATE` is a transaction-scoped advisory lock on
//!   PostgreSQL, so that concurrent writers (two `herald ingest` runs) are serialised the same
//!   way and the check-then-insert of the content hash and of consolidation stays race-free.
//!
//! PostgreSQL connections use no TLS: herald expects the server on the loopback interface or a
//! trusted network (say so in `--help`). Flags stay 0/1 integers on both sides so that the same
//! SQL (`e.negated = 0`) serves both.
//!
//! A [`Db`] is `Send`, not `Sync`: the PostgreSQL client sits in a `RefCell` (its calls need
//! `&mut`), exactly like a SQLite connection serves one thread at a time.

use postgres::types::{ToSql as PgToSql, Type};
use rusqlite::ToSql;
use rusqlite::types::{FromSql, Value, ValueRef};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

/// A failure of either backend.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DbError {
    /// SQLite's error.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL's error.
    #[error("postgres: {}", pg_message(.0))]
    Postgres(#[from] postgres::Error),
    /// A value that does not fit the column (PostgreSQL side), or a misuse.
    #[error("postgres: {0}")]
    Convert(String),
}

/// The server's own words (severity, message, detail) where there are some.
pub(crate) fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let mut s = format!("{}: {}", db.severity(), db.message());
            if let Some(d) = db.detail() {
                s.push_str(&format!(" ({d})"));
            }
            s
        }
        None => {
            let mut s = e.to_string();
            let mut src = std::error::Error::source(e);
            while let Some(inner) = src {
                let more = inner.to_string();
                if !s.contains(&more) {
                    s.push_str(&format!(": {more}"));
                }
                src = inner.source();
            }
            s
        }
    }
}

pub(crate) type DbResult<T> = std::result::Result<T, DbError>;

/// One row, as SQLite values (PostgreSQL's are converted): `get` takes any rusqlite
/// [`FromSql`] type, as `rusqlite::Row::get` does.
#[derive(Debug)]
pub(crate) struct Row(Vec<Value>);

impl Row {
    /// Column `i` as `T`.
    pub(crate) fn get<T: FromSql>(&self, i: usize) -> rusqlite::Result<T> {
        let v = self
            .0
            .get(i)
            .ok_or(rusqlite::Error::InvalidColumnIndex(i))?;
        T::column_result(ValueRef::from(v)).map_err(|e| match e {
            rusqlite::types::FromSqlError::InvalidType => {
                rusqlite::Error::InvalidColumnType(i, format!("column {i}"), v.data_type())
            }
            other => rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(other)),
        })
    }

    fn from_sqlite(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
        let n = r.as_ref().column_count();
        (0..n)
            .map(|i| r.get::<_, Value>(i))
            .collect::<rusqlite::Result<_>>()
            .map(Row)
    }

    fn from_pg(r: &postgres::Row) -> DbResult<Row> {
        let mut out = Vec::with_capacity(r.len());
        for (i, col) in r.columns().iter().enumerate() {
            let ty = col.type_();
            let int = |v: Option<i64>| v.map_or(Value::Null, Value::Integer);
            let v = match *ty {
                Type::BOOL => int(r.try_get::<_, Option<bool>>(i)?.map(i64::from)),
                Type::INT2 => int(r.try_get::<_, Option<i16>>(i)?.map(i64::from)),
                Type::INT4 => int(r.try_get::<_, Option<i32>>(i)?.map(i64::from)),
                Type::INT8 => int(r.try_get::<_, Option<i64>>(i)?),
                Type::FLOAT4 => r
                    .try_get::<_, Option<f32>>(i)?
                    .map_or(Value::Null, |f| Value::Real(f.into())),
                Type::FLOAT8 => r
                    .try_get::<_, Option<f64>>(i)?
                    .map_or(Value::Null, Value::Real),
                Type::BYTEA => r
                    .try_get::<_, Option<Vec<u8>>>(i)?
                    .map_or(Value::Null, Value::Blob),
                _ => r
                    .try_get::<_, Option<String>>(i)
                    .map_err(|_| {
                        DbError::Convert(format!(
                            "column {:?} has type {ty}, which herald does not read",
                            col.name()
                        ))
                    })?
                    .map_or(Value::Null, Value::Text),
            };
            out.push(v);
        }
        Ok(Row(out))
    }
}

/// A PostgreSQL connection and its prepared statements.
pub(crate) struct Pg {
    /// `None` only while being dropped.
    client: RefCell<Option<postgres::Client>>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
}

/// The connection of a [`Store`](crate::Store).
pub(crate) enum Db {
    /// An embedded SQLite database.
    Sqlite(rusqlite::Connection),
    /// A PostgreSQL server.
    Postgres(Box<Pg>),
}

impl fmt::Debug for Db {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Db::Sqlite(c) => f.debug_tuple("Sqlite").field(c).finish(),
            Db::Postgres(_) => f.write_str("Postgres"),
        }
    }
}

/// Bound values as rusqlite takes them (`params![…]`).
pub(crate) type Params<'a> = &'a [&'a dyn ToSql];

/// `?N` placeholders as PostgreSQL's `$N` (outside string literals).
pub(crate) fn pg_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

/// A rusqlite value as the PostgreSQL type its placeholder was given.
fn pg_value(v: &dyn ToSql, ty: &Type) -> DbResult<Box<dyn PgToSql + Sync>> {
    let v: Value = match v.to_sql()? {
        rusqlite::types::ToSqlOutput::Borrowed(r) => match r {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Integer(i),
            ValueRef::Real(x) => Value::Real(x),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        },
        rusqlite::types::ToSqlOutput::Owned(v) => v,
        _ => return Err(DbError::Convert("unsupported parameter".into())),
    };
    let bad = || DbError::Convert(format!("cannot bind {v:?} to a {ty} parameter"));
    Ok(match (&v, ty) {
        (Value::Null, t) => match *t {
            Type::BOOL => Box::new(None::<bool>),
            Type::INT2 => Box::new(None::<i16>),
            Type::INT4 => Box::new(None::<i32>),
            Type::INT8 => Box::new(None::<i64>),
            Type::FLOAT4 => Box::new(None::<f32>),
            Type::FLOAT8 => Box::new(None::<f64>),
            Type::BYTEA => Box::new(None::<Vec<u8>>),
            _ => Box::new(None::<String>),
        },
        (Value::Integer(i), t) => match *t {
            Type::BOOL => Box::new(*i != 0),
            Type::INT2 => Box::new(i16::try_from(*i).map_err(|_| bad())?),
            Type::INT4 => Box::new(i32::try_from(*i).map_err(|_| bad())?),
            Type::INT8 => Box::new(*i),
            Type::FLOAT8 => Box::new(*i as f64),
            Type::FLOAT4 => Box::new(*i as f32),
            Type::TEXT | Type::VARCHAR | Type::UNKNOWN => Box::new(i.to_string()),
            _ => return Err(bad()),
        },
        (Value::Real(x), t) => match *t {
            Type::FLOAT8 => Box::new(*x),
            Type::FLOAT4 => Box::new(*x as f32),
            _ => return Err(bad()),
        },
        (Value::Text(s), t) => match *t {
            Type::BYTEA => Box::new(s.as_bytes().to_vec()),
            _ => Box::new(s.clone()),
        },
        (Value::Blob(b), t) if *t == Type::BYTEA => Box::new(b.clone()),
        (Value::Blob(_), _) => return Err(bad()),
    })
}

impl Pg {
    pub(crate) fn new(client: postgres::Client) -> Pg {
        Pg {
            client: RefCell::new(Some(client)),
            statements: RefCell::new(HashMap::new()),
        }
    }

    fn client(&self) -> DbResult<std::cell::RefMut<'_, postgres::Client>> {
        let c = self
            .client
            .try_borrow_mut()
            .map_err(|_| DbError::Convert("a query was started while another was read".into()))?;
        std::cell::RefMut::filter_map(c, Option::as_mut)
            .map_err(|_| DbError::Convert("the connection is closed".into()))
    }

    /// The prepared statement for `sql` (SQLite placeholders), prepared once per connection.
    fn statement(&self, client: &mut postgres::Client, sql: &str) -> DbResult<postgres::Statement> {
        if let Some(st) = self.statements.borrow().get(sql) {
            return Ok(st.clone());
        }
        let st = client.prepare(&pg_sql(sql))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), st.clone());
        Ok(st)
    }

    fn bind(
        st: &postgres::Statement,
        params: Params<'_>,
    ) -> DbResult<Vec<Box<dyn PgToSql + Sync>>> {
        if st.params().len() != params.len() {
            return Err(DbError::Convert(format!(
                "{} parameters given for {} placeholders",
                params.len(),
                st.params().len()
            )));
        }
        params
            .iter()
            .zip(st.params())
            .map(|(v, ty)| pg_value(*v, ty))
            .collect()
    }

    fn run<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        go: impl FnOnce(
            &mut postgres::Client,
            &postgres::Statement,
            &[&(dyn PgToSql + Sync)],
        ) -> DbResult<T>,
    ) -> DbResult<T> {
        let mut client = self.client()?;
        let st = self.statement(&mut client, sql)?;
        let values = Pg::bind(&st, params)?;
        let refs: Vec<&(dyn PgToSql + Sync)> = values.iter().map(|b| &**b).collect();
        go(&mut client, &st, &refs)
    }
}

impl Drop for Pg {
    /// `postgres::Client` closes by blocking on its own runtime, which panics on a thread that
    /// drives an async runtime (a server shutting down with stores in its pool): it is closed
    /// on a plain thread instead.
    fn drop(&mut self) {
        self.statements.get_mut().clear();
        if let Some(client) = self.client.get_mut().take() {
            let _ = std::thread::spawn(move || drop(client)).join();
        }
    }
}

impl Db {
    /// Runs one statement; returns the rows changed.
    pub(crate) fn execute(&self, sql: &str, params: Params<'_>) -> DbResult<usize> {
        match self {
            Db::Sqlite(c) => Ok(c.prepare_cached(sql)?.execute(params)?),
            Db::Postgres(pg) => pg.run(sql, params, |c, st, p| Ok(c.execute(st, p)? as usize)),
        }
    }

    /// Runs an `INSERT` into a table with an `id` key; returns the new row's id.
    pub(crate) fn insert_id(&self, sql: &str, params: Params<'_>) -> DbResult<i64> {
        match self {
            Db::Sqlite(c) => {
                c.prepare_cached(sql)?.execute(params)?;
                Ok(c.last_insert_rowid())
            }
            Db::Postgres(pg) => {
                let sql = format!("{sql} RETURNING id");
                pg.run(&sql, params, |c, st, p| {
                    Ok(c.query_one(st, p)?.try_get(0)?)
                })
            }
        }
    }

    /// Several statements without parameters (DDL).
    pub(crate) fn batch(&self, sql: &str) -> DbResult<()> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(pg) => Ok(pg.client()?.batch_execute(sql)?),
        }
    }

    /// Calls `each` on every row, as the rows arrive, until it returns `false`.
    pub(crate) fn each(
        &self,
        sql: &str,
        params: Params<'_>,
        mut each: impl FnMut(Row) -> DbResult<bool>,
    ) -> DbResult<()> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(params)?;
                while let Some(r) = rows.next()? {
                    if !each(Row::from_sqlite(r)?)? {
                        break;
                    }
                }
                Ok(())
            }
            Db::Postgres(pg) => pg.run(sql, params, |c, st, p| {
                use postgres::fallible_iterator::FallibleIterator;
                let mut rows = c.query_raw(st, p.iter().copied())?;
                while let Some(r) = rows.next()? {
                    if !each(Row::from_pg(&r)?)? {
                        break;
                    }
                }
                Ok(())
            }),
        }
    }

    /// Every row, mapped.
    pub(crate) fn all<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        mut map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> DbResult<Vec<T>> {
        let mut out = Vec::new();
        self.each(sql, params, |r| {
            out.push(map(&r)?);
            Ok(true)
        })?;
        Ok(out)
    }

    /// The first row, if any.
    pub(crate) fn query_row(&self, sql: &str, params: Params<'_>) -> DbResult<Option<Row>> {
        let mut first = None;
        self.each(sql, params, |r| {
            first = Some(r);
            Ok(false)
        })?;
        Ok(first)
    }

    /// Starts a transaction that holds the writer lock from its start (SQLite's
    /// `BEGIN IMMEDIATE`; an advisory lock on PostgreSQL). Rolled back when dropped
    /// uncommitted.
    pub(crate) fn write_tx(&self) -> DbResult<Tx<'_>> {
        match self {
            Db::Sqlite(c) => c.execute_batch("BEGIN IMMEDIATE")?,
            Db::Postgres(pg) => pg.client()?.batch_execute(&format!(
                "BEGIN; SELECT pg_advisory_xact_lock({WRITER_LOCK})"
            ))?,
        }
        Ok(Tx {
            db: self,
            done: false,
        })
    }

    /// True for a PostgreSQL store.
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self, Db::Postgres(_))
    }
}

/// The advisory lock key of herald's writers on PostgreSQL ("herald" in ASCII).
const WRITER_LOCK: i64 = 0x6865_7261_6c64;

/// A transaction on a [`Db`]: use it as the `Db` (it derefs to it), then [`Tx::commit`].
pub(crate) struct Tx<'a> {
    db: &'a Db,
    done: bool,
}

impl Tx<'_> {
    /// Commits.
    pub(crate) fn commit(mut self) -> DbResult<()> {
        self.done = true;
        self.db.batch("COMMIT")
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Db;

    fn deref(&self) -> &Db {
        self.db
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.db.batch("ROLLBACK");
        }
    }
}

/// Parameters as `&dyn ToSql`, from owned values.
pub(crate) fn dyn_params(values: &[Value]) -> Vec<&dyn ToSql> {
    values.iter().map(|v| v as &dyn ToSql).collect()
}

/// True when `location` names a PostgreSQL database (`postgres://…`, `postgresql://…`).
pub fn is_postgres_url(location: &str) -> bool {
    let l = location.trim_start().to_ascii_lowercase();
    l.starts_with("postgres://") || l.starts_with("postgresql://")
}

/// A database location fit to print: a PostgreSQL URL without its password (and without
/// query parameters, which may hold one), a path as it is.
pub fn redact(location: &str) -> String {
    if !is_postgres_url(location) {
        return location.to_string();
    }
    let (scheme, rest) = location.split_once("://").unwrap_or(("postgres", location));
    let rest = rest.split('?').next().unwrap_or(rest);
    let (auth, host) = match rest.rsplit_once('@') {
        Some((auth, host)) => (Some(auth), host),
        None => (None, rest),
    };
    match auth {
        Some(a) => {
            let user = a.split(':').next().unwrap_or("");
            let hidden = if a.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{hidden}@{host}")
        }
        None => format!("{scheme}://{host}"),
    }
}

/// Connects to the PostgreSQL server of `url`. The error names the server (host, port,
/// database) and the reason, never the password.
pub(crate) fn connect(url: &str) -> Result<postgres::Client, crate::Error> {
    let shown = redact(url);
    let config: postgres::Config =
        url.parse()
            .map_err(|e: postgres::Error| crate::Error::Connect {
                target: shown.clone(),
                reason: format!("not a valid PostgreSQL URL ({})", pg_message(&e)),
            })?;
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .zip(config.get_ports().iter().chain(std::iter::repeat(&5432)))
        .map(|(h, p)| match h {
            postgres::config::Host::Tcp(h) => format!("{h}:{p}"),
            #[cfg(unix)]
            postgres::config::Host::Unix(path) => format!("{}:{p}", path.display()),
        })
        .collect();
    let target = format!(
        "PostgreSQL server {} (database {:?})",
        if hosts.is_empty() {
            "localhost:5432".to_string()
        } else {
            hosts.join(", ")
        },
        config
            .get_dbname()
            .unwrap_or(config.get_user().unwrap_or("postgres"))
    );
    let mut config = config;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(std::time::Duration::from_secs(10));
    }
    config
        .connect(postgres::NoTls)
        .map_err(|e| crate::Error::Connect {
            target,
            reason: pg_message(&e),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_literals() {
        assert_eq!(
            pg_sql(
                "SELECT '?1', x FROM t WHERE a = ?1 AND b IN (?2, ?10) AND c LIKE ? ESCAPE '\\'"
            ),
            "SELECT '?1', x FROM t WHERE a = $1 AND b IN ($2, $10) AND c LIKE ? ESCAPE '\\'"
        );
    }

    #[test]
    fn urls_are_recognised_and_redacted() {
        for (url, pg, shown) in [
            ("postgres://u:pw@h:5/db", true, "postgres://u:***@h:5/db"),
            (
                "postgresql://u@h/db?password=pw",
                true,
                "postgresql://u@h/db",
            ),
            ("POSTGRES://h/db", true, "POSTGRES://h/db"),
            ("news.db", false, "news.db"),
            ("./postgres://x", false, "./postgres://x"),
        ] {
            assert_eq!(is_postgres_url(url), pg, "{url}");
            assert_eq!(redact(url), shown, "{url}");
        }
    }
}
