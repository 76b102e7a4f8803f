//! `herald watch`: poll RSS/Atom feeds, fetch each new item's article, code and store it.
//!
//! Feeds are polled by a few threads at once, so a feed that hangs, resets or sends garbage
//! costs one thread its timeout and never holds the others up. Each poll is a conditional GET
//! (the validators of the last answer are in the store); each new item's page is fetched,
//! politely paced per host, and read for its article; when the page cannot be had, the item's
//! own content or description is stored instead. Coding and storing happen on the main thread,
//! one transaction per item (document and "seen" mark together), and a feed's new validators
//! are saved only after all its items: a watcher killed at any instant and started again
//! neither loses an item nor stores one twice.

use super::code::{DATE_HELP, parse_date_arg};
use super::db;
use super::progress::Progress;
use anyhow::Context;
use herald_code::Coder;
use herald_core::{CodedDoc, Document, Span};
use herald_fetch::{Client, Fetched, Validators};
use herald_store::{FeedItem, Inserted, Poll, Store};
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// HTTP flags shared by `herald watch` and `herald ingest URL`.
#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// Least time between two requests to the same host, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    delay: f64,
    /// Longest one request may take (connection, redirects and body), in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    timeout: f64,
    /// Retries after a transient failure (timeout, reset, 429, 5xx); waits 0.5 s, then 1 s…
    #[arg(long, value_name = "N", default_value_t = 2)]
    retries: u32,
    /// The User-Agent header (default names herald and its version).
    #[arg(long, value_name = "STRING")]
    user_agent: Option<String>,
}

impl FetchArgs {
    /// The HTTP client these flags describe.
    pub fn client(&self) -> anyhow::Result<Client> {
        let secs = |name: &str, v: f64| {
            anyhow::ensure!(
                v.is_finite() && v >= 0.0,
                "--{name} must be a number of seconds"
            );
            Ok(Duration::from_secs_f64(v))
        };
        let mut b = Client::builder();
        b.delay(secs("delay", self.delay)?)
            .timeout(secs("timeout", self.timeout)?)
            .retries(self.retries);
        if let Some(ua) = &self.user_agent {
            b.user_agent(ua.as_str());
        }
        b.build().map_err(|e| anyhow::anyhow!("--timeout: {e}"))
    }
}

/// Flags of `herald watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Feed URLs (http/https), or files listing them: OPML, or one URL per line.
    #[arg(required = true, value_name = "FEED_URL|OPML_FILE")]
    feeds: Vec<String>,
    /// The SQLite database (created if missing). Or a
    /// PostgreSQL URL, `postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME` (the database must exist;
    /// no TLS: use a server on this machine or a trusted network).
    #[arg(long, value_name = "PATH|URL", default_value = "herald.db")]
    db: PathBuf,
    /// Seconds between the starts of two polls of every feed.
    #[arg(long, value_name = "SECS", default_value_t = 900)]
    interval: u64,
    /// Poll every feed once and exit (status 1 if a feed or an item failed).
    #[arg(long)]
    once: bool,
    /// Feeds polled at the same time.
    #[arg(long, value_name = "N", default_value_t = 8)]
    parallel: usize,
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg, help = DATE_HELP)]
    date: Option<chrono::NaiveDate>,
    #[command(flatten)]
    fetch: FetchArgs,
}

/// Polls until killed, or once with `--once`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let feeds = feed_list(&args.feeds)?;
    anyhow::ensure!(!feeds.is_empty(), "no feeds to watch in {:?}", args.feeds);
    let client = args.fetch.client()?;
    let mut store = db::open_for_writing(&args.db)?;
    let coder = Coder::new();
    let interval = Duration::from_secs(args.interval.max(1));
    loop {
        let started = std::time::Instant::now();
        let tally = poll_all(&feeds, &args, &client, &coder, &mut store)?;
        eprintln!(
            "herald: {}: {} documents stored from {} feeds ({} not modified, {} failed), {} items failed",
            super::db::shown(&args.db),
            tally.stored,
            feeds.len(),
            tally.not_modified,
            tally.feeds_failed,
            tally.items_failed
        );
        if args.once {
            let failed = tally.feeds_failed + tally.items_failed > 0;
            return Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
        std::thread::sleep(interval.saturating_sub(started.elapsed()));
    }
}

/// The feeds named on the command line: URLs as they are, files read as feed lists.
fn feed_list(inputs: &[String]) -> anyhow::Result<Vec<String>> {
    let mut feeds = Vec::new();
    for input in inputs {
        if herald_fetch::is_url(input) {
            feeds.push(input.clone());
            continue;
        }
        let bytes = std::fs::read(input).with_context(|| format!("{input}: cannot read"))?;
        let urls =
            herald_fetch::opml::feed_urls(&bytes).map_err(|e| anyhow::anyhow!("{input}: {e}"))?;
        feeds.extend(urls);
    }
    let mut seen = HashSet::new();
    feeds.retain(|f| seen.insert(f.clone()));
    Ok(feeds)
}

/// What one round of polling did.
#[derive(Debug, Default)]
struct Tally {
    stored: usize,
    not_modified: usize,
    feeds_failed: usize,
    items_failed: usize,
}

/// From the polling threads to the main thread.
enum Msg {
    /// A new item, with its document or why it has none.
    Item {
        feed: usize,
        key: String,
        link: Option<String>,
        doc: Result<Box<Document>, String>,
        /// Why the page was not used, when the feed's own text was.
        note: Option<String>,
        /// The failure may pass: leave the item unmarked and try again next poll.
        transient: bool,
    },
    /// The feed is done; sent after all its items.
    Done { feed: usize, outcome: Outcome },
}

enum Outcome {
    NotModified,
    Fetched {
        status: u16,
        validators: Validators,
        items: usize,
        new: usize,
    },
    Failed {
        status: Option<u16>,
        error: String,
    },
}

/// Per-feed counts for its report line.
#[derive(Debug, Default, Clone)]
struct FeedTally {
    stored: usize,
    duplicates: usize,
    failed: usize,
    /// An item failed transiently: keep the old validators so the next poll sees it again.
    retry: bool,
}

fn poll_all(
    feeds: &[String],
    args: &Args,
    client: &Client,
    coder: &Coder,
    store: &mut Store,
) -> anyhow::Result<Tally> {
    let db = &args.db;
    let mut jobs = Vec::with_capacity(feeds.len());
    for url in feeds {
        store.add_feed(url).map_err(|e| db::write_error(db, e))?;
        let state = store.feed(url).map_err(|e| db::write_error(db, e))?;
        let validators = state
            .map(|s| Validators {
                etag: s.etag,
                last_modified: s.last_modified,
            })
            .unwrap_or_default();
        let seen = store
            .feed_item_keys(url)
            .map_err(|e| db::write_error(db, e))?;
        jobs.push(std::sync::Mutex::new(Some((validators, seen))));
    }
    let progress = Progress::new("articles");
    let mut tally = Tally::default();
    let mut per_feed = vec![FeedTally::default(); feeds.len()];
    let next = AtomicUsize::new(0);
    let workers = args.parallel.clamp(1, feeds.len());
    let result = std::thread::scope(|scope| -> anyhow::Result<()> {
        let (tx, rx) = mpsc::sync_channel::<Msg>(4);
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, jobs) = (&next, &jobs);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(job) = jobs.get(i) else { return };
                    let (validators, seen) = job
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .take()
                        .expect("each feed is taken once");
                    if poll_feed(client, i, &feeds[i], &validators, seen, &tx).is_err() {
                        return; // the main thread stopped listening
                    }
                }
            });
        }
        drop(tx);
        let mut done = 0;
        for msg in rx {
            match msg {
                Msg::Item {
                    feed,
                    key,
                    link,
                    doc,
                    note,
                    transient,
                } => {
                    progress.inc(1);
                    let t = &mut per_feed[feed];
                    let url = feeds[feed].as_str();
                    let item = FeedItem {
                        feed: url,
                        item: &key,
                        link: link.as_deref(),
                        error: note.as_deref(),
                    };
                    match doc {
                        Ok(doc) => {
                            let mut doc = *doc;
                            if doc.published.is_none() {
                                doc.published = args.date;
                            }
                            match store_item(store, coder, item, &doc) {
                                Ok(Some(Inserted::New)) => t.stored += 1,
                                Ok(_) => t.duplicates += 1,
                                Err(StoreItem::Coding(why)) => {
                                    t.failed += 1;
                                    progress.println(&format!(
                                        "herald: {url}: item {key}: internal error while coding: {why}"
                                    ));
                                }
                                Err(StoreItem::Store(e)) => return Err(db::write_error(db, e)),
                            }
                        }
                        Err(why) => {
                            t.failed += 1;
                            progress.println(&format!("herald: {url}: item {key}: {why}"));
                            if transient {
                                t.retry = true;
                            } else {
                                let item = FeedItem {
                                    error: Some(&why),
                                    ..item
                                };
                                store
                                    .insert_feed_item(item, None)
                                    .map_err(|e| db::write_error(db, e))?;
                            }
                        }
                    }
                }
                Msg::Done { feed, outcome } => {
                    done += 1;
                    progress.set_message(format!("{done}/{} feeds", feeds.len()));
                    let url = feeds[feed].as_str();
                    let t = &per_feed[feed];
                    let line = match outcome {
                        Outcome::NotModified => {
                            tally.not_modified += 1;
                            store
                                .record_poll(url, Poll::NotModified)
                                .map_err(|e| db::write_error(db, e))?;
                            format!("{url}: not modified")
                        }
                        Outcome::Fetched {
                            status,
                            validators,
                            items,
                            new,
                        } => {
                            // Keep the old validators while an item waits for a retry.
                            let kept = if t.retry {
                                let old = store.feed(url).map_err(|e| db::write_error(db, e))?;
                                old.map(|s| Validators {
                                    etag: s.etag,
                                    last_modified: s.last_modified,
                                })
                                .unwrap_or_default()
                            } else {
                                validators
                            };
                            let poll = Poll::Fetched {
                                status,
                                etag: kept.etag.as_deref(),
                                last_modified: kept.last_modified.as_deref(),
                            };
                            store
                                .record_poll(url, poll)
                                .map_err(|e| db::write_error(db, e))?;
                            format!(
                                "{url}: {items} items, {new} new: {} stored, {} already stored, {} failed",
                                t.stored, t.duplicates, t.failed
                            )
                        }
                        Outcome::Failed { status, error } => {
                            tally.feeds_failed += 1;
                            let poll = Poll::Failed {
                                status,
                                error: &error,
                            };
                            store
                                .record_poll(url, poll)
                                .map_err(|e| db::write_error(db, e))?;
                            error
                        }
                    };
                    tally.stored += t.stored;
                    tally.items_failed += t.failed;
                    progress.println(&format!("herald: {line}"));
                }
            }
        }
        Ok(())
    });
    progress.finish();
    result?;
    Ok(tally)
}

enum StoreItem {
    Coding(String),
    Store(herald_store::Error),
}

/// Codes (unless the text is already stored) and stores one item with its mark.
fn store_item(
    store: &mut Store,
    coder: &Coder,
    item: FeedItem<'_>,
    doc: &Document,
) -> Result<Option<Inserted>, StoreItem> {
    let known = store.contains_text(&doc.text).map_err(StoreItem::Store)?;
    let (coded, sentences) = if known {
        (CodedDoc::default(), Vec::new())
    } else {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let sentences: Vec<Span> = herald_nlp::segment::segment(&doc.text)
                .iter()
                .map(|s| s.span)
                .collect();
            (coder.code(doc), sentences)
        }))
        .map_err(|panic| {
            StoreItem::Coding(
                panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into()),
            )
        })?
    };
    store
        .insert_feed_item(item, Some((doc, &coded, &sentences)))
        .map_err(StoreItem::Store)
}

/// The main thread stopped listening.
struct Stopped;

/// Polls one feed on a worker thread: the feed, then each new item's page. `Err` only when the
/// main thread has stopped listening.
fn poll_feed(
    client: &Client,
    feed: usize,
    url: &str,
    validators: &Validators,
    mut seen: HashSet<String>,
    tx: &mpsc::SyncSender<Msg>,
) -> Result<(), Stopped> {
    let done = |outcome| tx.send(Msg::Done { feed, outcome }).map_err(|_| Stopped);
    let page = match client.get_feed(url, validators) {
        Ok(Fetched::NotModified) => return done(Outcome::NotModified),
        Ok(Fetched::Page(page)) => page,
        Err(e) => {
            return done(Outcome::Failed {
                status: e.status(),
                error: e.to_string(),
            });
        }
    };
    let items = match herald_fetch::items(&page.body, &page.url) {
        Ok(items) => items,
        Err(e) => {
            return done(Outcome::Failed {
                status: Some(page.status),
                error: format!("{url}: {e}"),
            });
        }
    };
    let total = items.len();
    let mut new = 0;
    for item in items {
        if !seen.insert(item.key.clone()) {
            continue;
        }
        new += 1;
        let (doc, note, transient) = article(client, &item);
        tx.send(Msg::Item {
            feed,
            key: item.key,
            link: item.link,
            doc,
            note,
            transient,
        })
        .map_err(|_| Stopped)?;
    }
    done(Outcome::Fetched {
        status: page.status,
        validators: page.validators,
        items: total,
        new,
    })
}

/// The item's article from its page, else its own text: `(document or reason, why the page
/// was not used, whether the failure may pass)`.
fn article(
    client: &Client,
    item: &herald_fetch::Item,
) -> (Result<Box<Document>, String>, Option<String>, bool) {
    let page_result = match &item.link {
        None => Err(("no link".to_string(), false)),
        Some(link) => match client.get_page(link) {
            Ok(page) => {
                herald_fetch::article(&page, item).map_err(|e| (format!("{link}: {e}"), false))
            }
            Err(e) => Err((e.to_string(), e.is_transient())),
        },
    };
    match (page_result, &item.fallback) {
        (Ok(doc), _) => (Ok(Box::new(doc)), None, false),
        (Err((why, _)), Ok(fallback)) => {
            let mut doc = fallback.clone();
            doc.id = item.key.clone();
            (Ok(Box::new(doc)), Some(why), false)
        }
        (Err((why, transient)), Err(own)) => (
            Err(format!("{why}; and the feed has no text for it ({own})")),
            None,
            transient,
        ),
    }
}
