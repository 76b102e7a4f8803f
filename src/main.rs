//! `herald`: news in, event data out.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cmd;

/// herald turns news into event data: who did what to whom (CAMEO and PLOVER), when, where and
/// how many, the quotes and their speakers, each field pointing at the span of text it came from.
#[derive(Debug, Parser)]
#[command(name = "herald", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Throughput end to end and per stage, peak memory, scaling with threads (JSON on stdout).
    Bench(cmd::bench::Args),
    /// Code articles into events: files, directories or `-` (stdin) in, JSON Lines out.
    Code(cmd::code::Args),
    /// Dictionaries: import PETRARCH files, check a file, show how a term codes.
    #[command(subcommand)]
    Dict(cmd::dict::Action),
    /// Measure accuracy on gold data (../shared/data formats); JSON summary on stdout.
    #[command(subcommand)]
    Eval(cmd::eval::Kind),
    /// Read, code and store articles in SQLite (idempotent by content, safe to kill and rerun).
    Ingest(cmd::ingest::Args),
    /// Stored events by date, country, actor, CAMEO code, place radius or words: table, CSV, JSON.
    Query(cmd::query::Args),
    /// Export stored events: GDELT 2.0 event table, CSV, JSON Lines or Parquet.
    Export(cmd::export::Args),
    /// Row counts of the store: documents, sentences, events, quotes, figures, places...
    Stats(cmd::stats::Args),
    /// HTTP API and dashboard over the store: map, timeline, events, articles with spans lit.
    Serve(cmd::serve::Args),
    /// Poll RSS/Atom feeds (URLs or OPML files); fetch, code and store each new article.
    Watch(cmd::watch::Args),
    /// Regenerate a model file (tagger, parser, ner) from the UD treebanks.
    Train(cmd::train::Args),
    /// Tag, lemmatise and parse: text or CoNLL-U in, CoNLL-U out.
    Parse(cmd::parse::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Bench(args) => cmd::bench::run(args),
        Command::Code(args) => cmd::code::run(args),
        Command::Dict(action) => cmd::dict::run(action),
        Command::Eval(kind) => cmd::eval::run(kind),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Query(args) => cmd::query::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Stats(args) => cmd::stats::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Watch(args) => cmd::watch::run(args),
        Command::Train(args) => cmd::train::run(args),
        Command::Parse(args) => cmd::parse::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("herald: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed stdout (`herald code … | head`) is a normal way to stop, not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
