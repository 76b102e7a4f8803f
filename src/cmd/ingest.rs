//! `herald ingest`: read, code and store articles in the SQLite store.
//!
//! Idempotent by content hash: a document whose text is already stored is skipped before it
//! is coded. Each document is stored in its own transaction, so an ingest killed at any point
//! and run again stores every document exactly once.

use super::code::{DATE_HELP, code_stream, parse_date_arg, thread_pool};
use anyhow::Context;
use herald_code::Coder;
use herald_core::Span;
use herald_store::{Inserted, Store};
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `herald ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files or directories (read recursively, sorted, hidden files skipped); `-` reads
    /// standard input. Same formats as `herald code`.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The SQLite database (created if missing).
    #[arg(long, value_name = "PATH", default_value = "herald.db")]
    db: PathBuf,
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg, help = DATE_HELP)]
    date: Option<chrono::NaiveDate>,
    /// Worker threads for coding; 0 uses every core.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,
}

/// Stores every input; bad records go to stderr and make the exit status 1. A summary line
/// goes to stderr.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // Both the skip test and the writer use the store, one at a time, on this thread.
    let store = std::cell::RefCell::new(Store::open(&args.db)?);
    let coder = Coder::new();
    let opts = herald_read::Options {
        date: args.date,
        format: None,
    };
    let pool = thread_pool(args.threads)?;
    let mut skip_error = None;
    let mut stored = 0usize;
    let mut duplicates = 0usize;
    let records = herald_read::read(&args.inputs, &opts);
    let tally = code_stream(
        records,
        &pool,
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
            match store.borrow_mut().insert(&doc, &coded, &sentences)? {
                Inserted::New => stored += 1,
                Inserted::Duplicate => duplicates += 1,
            }
            Ok(())
        },
    )?;
    if let Some(e) = skip_error {
        return Err(e).context("reading the store");
    }
    eprintln!(
        "herald: {}: {stored} documents stored, {} already there, {} bad records",
        args.db.display(),
        duplicates + tally.skipped,
        tally.failed
    );
    Ok(tally.exit_code())
}
