//! Reading the store back: filtered, paged events; one event; one document with everything
//! coded from it; a timeline by quad class.
//!
//! ```
//! use herald_store::{Filter, Page, Store};
//! let store = Store::open_in_memory().unwrap();
//! let filter = Filter { cameo: Some("17".into()), country: Some("KZ".into()), ..Default::default() };
//! let page = store.events(&filter, Page { limit: 50, offset: 0 }).unwrap();
//! assert_eq!(page.total, 0);
//! ```

mod filter;
mod rows;

pub(crate) use filter::{Dialect, EVENT_DATE};
pub use filter::{EARTH_RADIUS_KM, Filter, Near, fts_query, haversine_km};
pub use rows::{EventPage, EventRow, StoredDoc, TimelineRow};

use crate::db::dyn_params;
use crate::{Result, Store};
use rusqlite::params;
use rusqlite::types::Value;

/// The largest page [`Store::events`] returns; bigger limits are cut to it.
pub const MAX_PAGE: usize = 1000;

/// Which slice of the results to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// At most this many rows (capped by [`MAX_PAGE`]); 0 returns only the total.
    pub limit: usize,
    /// Rows to skip.
    pub offset: usize,
}

impl Default for Page {
    /// The first 100 rows.
    fn default() -> Page {
        Page {
            limit: 100,
            offset: 0,
        }
    }
}

/// The order of every event listing: date (undated last), document, sentence, store key.
const ORDER: &str = "ORDER BY COALESCE(e.date, d.published) IS NULL, COALESCE(e.date, d.published), \
                     d.doc_id, d.id, e.sentence, e.id";

impl Store {
    /// Events matching `filter`, in a deterministic order (date, document, sentence, key),
    /// with the total number of matches.
    pub fn events(&self, filter: &Filter, page: Page) -> Result<EventPage> {
        let mut w = filter.to_where(self.dialect())?;
        let total: i64 = match self.db.query_row(
            &format!("SELECT count(*) {} {}", rows::FROM, w.sql),
            &dyn_params(&w.params),
        )? {
            Some(r) => r.get(0)?,
            None => 0,
        };
        let limit = page.limit.min(MAX_PAGE);
        let mut events = Vec::with_capacity(limit);
        if limit > 0 {
            let lim = w.param(Value::Integer(limit as i64));
            let off = w.param(Value::Integer(
                i64::try_from(page.offset).unwrap_or(i64::MAX),
            ));
            let sql = format!(
                "SELECT {} {} {} {ORDER} LIMIT {lim} OFFSET {off}",
                rows::EVENT_COLUMNS,
                rows::FROM,
                w.sql
            );
            self.db.each(&sql, &dyn_params(&w.params), |r| {
                events.push(rows::event_row(&r)?);
                Ok(true)
            })?;
        }
        Ok(EventPage {
            total: total as u64,
            events,
        })
    }

    /// Calls `each` on every event matching `filter`, in the order of [`Store::events`],
    /// without paging (exports). Stops early when `each` returns `Ok(false)`; an error from
    /// `each` stops the scan and comes back inside the outer `Ok`.
    pub fn for_each_event<E>(
        &self,
        filter: &Filter,
        each: impl FnMut(EventRow) -> std::result::Result<bool, E>,
    ) -> Result<std::result::Result<(), E>> {
        self.scan_events(filter, false, each)
    }

    /// [`Store::for_each_event`], keeping only the first report of each consolidated event
    /// when `consolidated` (events outside any cluster, i.e. negated ones, are kept).
    pub(crate) fn scan_events<E>(
        &self,
        filter: &Filter,
        consolidated: bool,
        mut each: impl FnMut(EventRow) -> std::result::Result<bool, E>,
    ) -> Result<std::result::Result<(), E>> {
        let w = filter.to_where(self.dialect())?;
        let first = match (consolidated, w.sql.is_empty()) {
            (false, _) => "",
            (true, true) => "WHERE (c.id IS NULL OR c.first_event = e.id)",
            (true, false) => "AND (c.id IS NULL OR c.first_event = e.id)",
        };
        let sql = format!(
            "SELECT {} {} {} {first} {ORDER}",
            rows::EVENT_COLUMNS,
            rows::FROM,
            w.sql
        );
        let mut failed = None;
        self.db.each(&sql, &dyn_params(&w.params), |r| {
            match each(rows::event_row(&r)?) {
                Ok(go_on) => Ok(go_on),
                Err(e) => {
                    failed = Some(e);
                    Ok(false)
                }
            }
        })?;
        Ok(failed.map_or(Ok(()), Err))
    }

    /// One event by its store key ([`EventRow::key`]), negated or not.
    pub fn event(&self, key: i64) -> Result<Option<EventRow>> {
        let sql = format!(
            "SELECT {} {} WHERE e.id = ?1",
            rows::EVENT_COLUMNS,
            rows::FROM
        );
        let row = self.db.query_row(&sql, params![key])?;
        Ok(row.as_ref().map(rows::event_row).transpose()?)
    }

    /// A stored document by its input id, with its text and everything coded from it
    /// (negated events included). When several stored texts share the id, the first stored.
    pub fn document(&self, doc_id: &str) -> Result<Option<StoredDoc>> {
        rows::document(&self.db, doc_id)
    }

    /// Events matching `filter` counted per day and quad class, by day (undated events left
    /// out).
    pub fn timeline(&self, filter: &Filter) -> Result<Vec<TimelineRow>> {
        let w = filter.to_where(self.dialect())?;
        let and = if w.sql.is_empty() { "WHERE" } else { "AND" };
        let sql = format!(
            "SELECT {EVENT_DATE} AS day, e.quad_class, count(*)
             {} {} {and} {EVENT_DATE} IS NOT NULL
             GROUP BY day, e.quad_class ORDER BY day, e.quad_class",
            rows::FROM,
            w.sql
        );
        let rows = self.db.all(&sql, &dyn_params(&w.params), |r| {
            Ok(TimelineRow {
                date: r.get(0)?,
                quad_class: r.get(1)?,
                count: r.get::<i64>(2)? as u64,
            })
        })?;
        Ok(rows)
    }

    /// The SQL dialect of the filters.
    fn dialect(&self) -> Dialect {
        if self.db.is_postgres() {
            Dialect::Postgres
        } else {
            Dialect::Sqlite
        }
    }
}

#[cfg(test)]
mod tests;
