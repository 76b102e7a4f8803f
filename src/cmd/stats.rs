//! `herald stats`: row counts of the store.

use anyhow::bail;
use herald_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `herald stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The SQLite database. Or a
    /// PostgreSQL URL, `postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME` (the database must exist;
    /// no TLS: use a server on this machine or a trusted network).
    #[arg(long, value_name = "PATH|URL", default_value = "herald.db")]
    db: PathBuf,
    /// One JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// Prints the counts of documents, sentences, events, quotes, figures, places, times and
/// mentions.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !super::db::exists(&args.db) {
        bail!(
            "{}: no such database (run `herald ingest --db {0} …` first)",
            super::db::shown(&args.db)
        );
    }
    let stats = Store::open(&args.db)?.stats()?;
    if args.json {
        println!("{}", serde_json::to_string(&stats)?);
    } else {
        let width = stats
            .rows()
            .iter()
            .map(|(_, n)| n.to_string().len())
            .max()
            .unwrap_or(1);
        for (name, n) in stats.rows() {
            println!("{name:<10} {n:>width$}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
