//! herald's HTTP side: feeds and pages fetched politely, made into documents.
//!
//! Place in the pipeline: before reading. `herald watch` polls feeds with [`Client::get_feed`]
//! (a conditional GET: `If-None-Match` / `If-Modified-Since` from the last answer's
//! [`Validators`], a `304` costs nothing), splits them into [`Item`]s with [`items`], fetches
//! each new item's page with [`Client::get_page`] and reads its article with [`article`];
//! `herald ingest URL` reads any fetched body with [`page::documents`]. Feed lists come from
//! OPML files ([`opml::feed_urls`]).
//!
//! ```
//! let items = herald_fetch::items(
//!     br#"<rss version="2.0"><channel><title>Post</title><item><guid>p1</guid>
//!         <link>/a/1</link><description>Talks resumed in Geneva.</description></item>
//!         </channel></rss>"#,
//!     "https://post.example/feed.xml",
//! ).unwrap();
//! assert_eq!(items[0].key, "p1");
//! assert_eq!(items[0].link.as_deref(), Some("https://post.example/a/1"));
//! assert_eq!(items[0].fallback.as_ref().unwrap().text, "Talks resumed in Geneva.");
//! ```
//!
//! Design choices:
//! - **Synchronous `ureq` with rustls** (ring, webpki roots): no OpenSSL, no async runtime; a
//!   watcher runs a few threads, each blocked on one request at a time.
//! - **Politeness per host**: requests to one host start at least [`ClientBuilder::delay`]
//!   apart, whichever thread makes them; herald names itself in [`USER_AGENT`].
//! - **Nothing waits forever**: every request has a total timeout (connection, redirects and
//!   body); transient failures (timeouts, resets, refused connections, 429, 5xx) are retried
//!   with exponential backoff, honouring a short `Retry-After`; bodies are size-capped.
//! - **Same readers as files**: pages and feeds go through `herald_read`'s parsers, so a URL
//!   and a saved copy of it give the same document.
#![deny(missing_docs)]

mod client;
mod error;
mod items;
pub mod opml;
pub mod page;

pub use client::{Client, ClientBuilder, Fetched, Page, USER_AGENT, Validators, is_url};
pub use error::{Error, Result};
pub use items::{Item, article, items, resolve};
