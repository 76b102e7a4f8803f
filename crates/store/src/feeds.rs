//! What `herald watch` remembers between polls: each feed's validators and health, and each
//! item already fetched, so a restarted watcher neither refetches nor stores twice.
//!
//! An item's row is written in the same transaction as its document: after a kill, an item is
//! either stored and marked, or neither. A feed's validators are saved only after all its items
//! are, so a kill between the two costs a full refetch, never a lost item behind a `304`.

use crate::db::Row;
use crate::{Error, Inserted, Result, Store, insert};
use herald_core::{CodedDoc, Document, Span};
use rusqlite::params;
use std::collections::HashSet;

/// A feed's row: what its last answer said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedState {
    /// The feed's URL.
    pub url: String,
    /// The last `ETag`.
    pub etag: Option<String>,
    /// The last `Last-Modified`.
    pub last_modified: Option<String>,
    /// When it was last polled (RFC 3339, UTC).
    pub last_polled: Option<String>,
    /// The last HTTP status, `None` when the request itself failed.
    pub last_status: Option<u16>,
    /// The last failure, cleared by a success.
    pub last_error: Option<String>,
    /// Failed polls in a row.
    pub failures: u32,
}

/// How a poll of a feed ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Poll<'a> {
    /// A fresh copy was read (2xx); its validators are kept for the next conditional GET.
    Fetched {
        /// HTTP status.
        status: u16,
        /// `ETag` of the answer.
        etag: Option<&'a str>,
        /// `Last-Modified` of the answer.
        last_modified: Option<&'a str>,
    },
    /// `304 Not Modified`.
    NotModified,
    /// The poll failed; the validators are left as they were.
    Failed {
        /// The HTTP status when the server answered.
        status: Option<u16>,
        /// Why, in words.
        error: &'a str,
    },
}

/// One fetched feed item.
#[derive(Clone, Copy, Debug)]
pub struct FeedItem<'a> {
    /// The feed's URL.
    pub feed: &'a str,
    /// The item's guid, else its link.
    pub item: &'a str,
    /// The article's URL.
    pub link: Option<&'a str>,
    /// What went wrong fetching it (the page failed and the feed's own text was stored, or
    /// nothing could be stored).
    pub error: Option<&'a str>,
}

/// The columns [`feed_row`] reads.
const FEED_COLUMNS: &str =
    "SELECT url, etag, last_modified, last_polled, last_status, last_error, failures FROM feeds";

impl Store {
    /// Adds a feed to watch; a known one is left as it is.
    pub fn add_feed(&self, url: &str) -> Result<()> {
        self.db.execute(
            "INSERT INTO feeds (url) VALUES (?1) ON CONFLICT DO NOTHING",
            params![url],
        )?;
        Ok(())
    }

    /// A feed's state, `None` when it was never added.
    pub fn feed(&self, url: &str) -> Result<Option<FeedState>> {
        let row = self
            .db
            .query_row(&format!("{FEED_COLUMNS} WHERE url = ?1"), params![url])?;
        Ok(row.as_ref().map(feed_row).transpose()?)
    }

    /// Every feed, by URL.
    pub fn feeds(&self) -> Result<Vec<FeedState>> {
        let sql = format!("{FEED_COLUMNS} ORDER BY url");
        Ok(self.db.all(&sql, params![], feed_row)?)
    }

    /// Records how a poll ended: success resets the failure count, failure increments it.
    pub fn record_poll(&self, url: &str, poll: Poll<'_>) -> Result<()> {
        self.add_feed(url)?;
        let now = crate::consolidate::now();
        match poll {
            Poll::Fetched {
                status,
                etag,
                last_modified,
            } => self.db.execute(
                "UPDATE feeds SET etag = ?2, last_modified = ?3, last_polled = ?5,
                 last_status = ?4, last_error = NULL, failures = 0 WHERE url = ?1",
                params![url, etag, last_modified, status, now],
            )?,
            Poll::NotModified => self.db.execute(
                "UPDATE feeds SET last_polled = ?2, last_status = 304, last_error = NULL,
                 failures = 0 WHERE url = ?1",
                params![url, now],
            )?,
            Poll::Failed { status, error } => self.db.execute(
                "UPDATE feeds SET last_polled = ?4, last_status = ?2, last_error = ?3,
                 failures = failures + 1 WHERE url = ?1",
                params![url, status, error, now],
            )?,
        };
        Ok(())
    }

    /// The keys of a feed's items already fetched (or given up on).
    pub fn feed_item_keys(&self, feed: &str) -> Result<HashSet<String>> {
        let keys = self.db.all(
            "SELECT item FROM feed_items WHERE feed = ?1",
            params![feed],
            |r| r.get::<String>(0),
        )?;
        Ok(keys.into_iter().collect())
    }

    /// Marks a feed item fetched and stores its document (when there is one) in one
    /// transaction. A document whose text is already stored is not stored again; the item is
    /// marked all the same. Returns what happened to the document (`None` without one).
    pub fn insert_feed_item(
        &mut self,
        item: FeedItem<'_>,
        doc: Option<(&Document, &CodedDoc, &[Span])>,
    ) -> Result<Option<Inserted>> {
        let wrap = |source| Error::Insert {
            id: format!("{} of feed {}", item.item, item.feed),
            source,
        };
        let tx = self.db.write_tx().map_err(wrap)?;
        tx.execute(
            "INSERT INTO feeds (url) VALUES (?1) ON CONFLICT DO NOTHING",
            params![item.feed],
        )
        .map_err(wrap)?;
        let mut outcome = None;
        let mut hash = None;
        if let Some((doc, coded, sentences)) = doc {
            let h = Document::content_id(&doc.text);
            let exists = tx
                .query_row("SELECT 1 FROM documents WHERE hash = ?1", params![h])
                .map_err(wrap)?
                .is_some();
            if exists {
                outcome = Some(Inserted::Duplicate);
            } else {
                insert::document(&tx, &h, doc, coded, sentences).map_err(wrap)?;
                outcome = Some(Inserted::New);
            }
            hash = Some(h);
        }
        tx.execute(
            "INSERT INTO feed_items (feed, item, link, hash, fetched_at, error)
             VALUES (?1, ?2, ?3, ?4, ?6, ?5)
             ON CONFLICT (feed, item) DO UPDATE SET link = excluded.link,
                 hash = excluded.hash, fetched_at = excluded.fetched_at, error = excluded.error",
            params![
                item.feed,
                item.item,
                item.link,
                hash,
                item.error,
                crate::consolidate::now()
            ],
        )
        .map_err(wrap)?;
        tx.commit().map_err(wrap)?;
        Ok(outcome)
    }
}

fn feed_row(r: &Row) -> rusqlite::Result<FeedState> {
    Ok(FeedState {
        url: r.get(0)?,
        etag: r.get(1)?,
        last_modified: r.get(2)?,
        last_polled: r.get(3)?,
        last_status: r.get(4)?,
        last_error: r.get(5)?,
        failures: r.get(6)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> (Document, CodedDoc) {
        let d = Document::from_text(text);
        let c = CodedDoc {
            doc: d.meta(),
            ..Default::default()
        };
        (d, c)
    }

    #[test]
    fn poll_outcomes_update_the_feed_row() {
        let store = Store::open_in_memory().unwrap();
        let url = "http://a.example/feed";
        assert_eq!(store.feed(url).unwrap(), None);
        store.add_feed(url).unwrap();
        store.add_feed(url).unwrap();
        assert_eq!(store.feeds().unwrap().len(), 1);
        let ok = Poll::Fetched {
            status: 200,
            etag: Some("\"v1\""),
            last_modified: Some("Tue, 04 Apr 2023 08:00:00 GMT"),
        };
        store.record_poll(url, ok).unwrap();
        let s = store.feed(url).unwrap().unwrap();
        assert_eq!(s.etag.as_deref(), Some("\"v1\""));
        assert_eq!(s.last_status, Some(200));
        assert!(s.last_polled.unwrap().ends_with('Z'));
        for _ in 0..2 {
            let failed = Poll::Failed {
                status: None,
                error: "connection reset",
            };
            store.record_poll(url, failed).unwrap();
        }
        let s = store.feed(url).unwrap().unwrap();
        assert_eq!((s.failures, s.last_status), (2, None));
        assert_eq!(
            s.etag.as_deref(),
            Some("\"v1\""),
            "validators survive failure"
        );
        assert_eq!(s.last_error.as_deref(), Some("connection reset"));
        store.record_poll(url, Poll::NotModified).unwrap();
        let s = store.feed(url).unwrap().unwrap();
        assert_eq!(
            (s.failures, s.last_status, s.last_error),
            (0, Some(304), None)
        );
    }

    #[test]
    fn items_are_marked_with_their_documents() {
        let mut store = Store::open_in_memory().unwrap();
        let feed = "http://a.example/feed";
        let (d1, c1) = doc("Talks resumed in Geneva on Monday.");
        let item = |key, error| FeedItem {
            feed,
            item: key,
            link: Some("http://a.example/1"),
            error,
        };
        let r = store
            .insert_feed_item(item("i1", None), Some((&d1, &c1, &[])))
            .unwrap();
        assert_eq!(r, Some(Inserted::New));
        // A syndicated copy under another key: marked, not stored twice.
        let r = store
            .insert_feed_item(item("i2", None), Some((&d1, &c1, &[])))
            .unwrap();
        assert_eq!(r, Some(Inserted::Duplicate));
        let r = store
            .insert_feed_item(
                item("i3", Some("HTTP status 404; no text in the feed")),
                None,
            )
            .unwrap();
        assert_eq!(r, None);
        let keys = store.feed_item_keys(feed).unwrap();
        assert_eq!(keys.len(), 3);
        assert!(keys.contains("i1") && keys.contains("i3"));
        assert_eq!(store.stats().unwrap().documents, 1);
        assert!(store.feed_item_keys("http://other/").unwrap().is_empty());
    }
}
