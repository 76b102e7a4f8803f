//! `herald ingest`: read, code and store articles in the SQLite store.
//!
//! Idempotent by content hash: a document whose text is already stored is skipped before it
//! is coded. Each document is stored in its own transaction, so an ingest killed at any point
//! and run again stores every document exactly once. Inputs may be files, directories, `-` or
//! http(s) URLs (fetched once, politely, then read like a file of the same format).

use super::code::{DATE_HELP, code_stream, parse_date_arg, thread_pool};
use super::db;
use super::progress::Progress;
use super::watch::FetchArgs;
use herald_code::Coder;
use herald_core::{Document, Span};
use herald_store::Inserted;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `herald ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files or directories (read recursively, sorted, hidden files skipped), `-` for
    /// standard input, or http(s) URLs. Same formats as `herald code`.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The SQLite database (created if missing). Or a
    /// PostgreSQL URL, `postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME` (the database must exist;
    /// no TLS: use a server on this machine or a trusted network).
    #[arg(long, value_name = "PATH|URL", default_value = "herald.db")]
    db: PathBuf,
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg, help = DATE_HELP)]
    date: Option<chrono::NaiveDate>,
    /// Worker threads for coding; 0 uses every core.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,
    #[command(flatten)]
    fetch: FetchArgs,
}

/// Stores every input; bad records go to stderr and make the exit status 1. A summary line
/// goes to stderr.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // Both the skip test and the writer use the store, one at a time, on this thread.
    let store = std::cell::RefCell::new(db::open_for_writing(&args.db)?);
    let coder = Coder::new();
    let opts = herald_read::Options {
        date: args.date,
        format: None,
    };
    let is_url = |p: &PathBuf| herald_fetch::is_url(&p.to_string_lossy());
    let client = if args.inputs.iter().any(is_url) {
        Some(args.fetch.client()?)
    } else {
        None
    };
    let pool = thread_pool(args.threads)?;
    let mut skip_error = None;
    let mut stored = 0usize;
    let mut duplicates = 0usize;
    let records = args
        .inputs
        .iter()
        .flat_map(|input| -> Box<dyn Iterator<Item = _>> {
            match &client {
                Some(client) if is_url(input) => {
                    Box::new(fetch(client, &input.to_string_lossy(), args.date).into_iter())
                }
                _ => Box::new(herald_read::read([input], &opts)),
            }
        });
    let progress = Progress::new("documents");
    progress.count_in_background(args.inputs.clone());
    let tally = code_stream(
        records,
        &pool,
        &progress,
        |doc| match store.borrow().contains_text(&doc.text) {
            Ok(found) => found,
            Err(e) => {
                skip_error.get_or_insert(e);
                false
            }
        },
        |doc| {
            let sentences: Vec<Span> = herald_nlp::segment::segment(&doc.text)
                .iter()
                .map(|s| s.span)
                .collect();
            (coder.code(doc), sentences)
        },
        |doc, (coded, sentences)| {
            match store
                .borrow_mut()
                .insert(&doc, &coded, &sentences)
                .map_err(|e| db::write_error(&args.db, e))?
            {
                Inserted::New => stored += 1,
                Inserted::Duplicate => duplicates += 1,
            }
            Ok(())
        },
    );
    progress.finish();
    let tally = tally?;
    if let Some(e) = skip_error {
        return Err(db::write_error(&args.db, e));
    }
    eprintln!(
        "herald: {}: {stored} documents stored, {} already there, {} bad records",
        super::db::shown(&args.db),
        duplicates + tally.skipped,
        tally.failed
    );
    Ok(tally.exit_code())
}

/// The documents at a URL, or why there are none.
fn fetch(
    client: &herald_fetch::Client,
    url: &str,
    date: Option<chrono::NaiveDate>,
) -> Vec<Result<Document, herald_read::Error>> {
    match client.get_page(url) {
        Ok(page) => herald_fetch::page::documents(&page)
            .into_iter()
            .map(|r| {
                r.map(|mut doc| {
                    if doc.published.is_none() {
                        doc.published = date;
                    }
                    doc
                })
            })
            .collect(),
        Err(e) => {
            let text = e.to_string();
            let reason = text.strip_prefix(&format!("{url}: ")).unwrap_or(&text);
            let origin = herald_read::Origin {
                file: url.to_string(),
                ..Default::default()
            };
            vec![Err(herald_read::Error::bad(origin, reason))]
        }
    }
}
