//! `herald export`: every matching event as GDELT 2.0 TSV, CSV, JSON Lines or Parquet.

use super::query::{FilterArgs, open_existing};
use anyhow::{Context, bail};
use herald_store::Format;
use std::path::PathBuf;
use std::process::ExitCode;

/// Export formats, as flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    /// GDELT 2.0 event table: 61 tab-separated columns, no header, one row per consolidated
    /// event.
    Gdelt,
    /// Flat columns with a header, one row per event report.
    Csv,
    /// One JSON object per event report (as `herald query --format json` has them).
    Jsonl,
    /// Apache Parquet with typed columns (needs -o).
    Parquet,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Gdelt => Format::Gdelt,
            FormatArg::Csv => Format::Csv,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Parquet => Format::Parquet,
        }
    }
}

const AFTER_HELP: &str = "\
Examples:
  herald export --format gdelt > events.tsv          # loads where GDELT 2.0 event files load
  herald export --format parquet -o events.parquet   # DuckDB: SELECT * FROM 'events.parquet'
  herald export --format csv --country KZ --from 2022-01-01 -o kz.csv
  herald export --format jsonl --cameo 14 | jq .source.code

GDELT rows: one per consolidated event (reports of the same event across articles merged;
NumMentions, NumSources, NumArticles count them). What herald does not know stays empty;
AvgTone is 0 (tone is not scored); ActionGeo_CountryCode is ISO 3166 alpha-2, not GDELT's
FIPS 10-4; Actor1Geo/Actor2Geo are empty. CSV, JSONL and Parquet have one row per event
report, with its cluster and counts. The file given to -o is written whole or not at all.";

/// Flags of `herald export`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// The SQLite database. Or a
    /// PostgreSQL URL, `postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME` (the database must exist;
    /// no TLS: use a server on this machine or a trusted network).
    #[arg(long, value_name = "PATH|URL", default_value = "herald.db")]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Write to this file instead of standard output (required for parquet).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
}

/// Writes every matching event; a count goes to stderr.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let filter = args.filters.filter()?;
    let format = Format::from(args.format);
    let store = open_existing(&args.db)?;
    let n = match &args.output {
        None => {
            if format.is_binary() {
                bail!("--format parquet writes a file: give it with -o FILE");
            }
            store.export(&filter, format, std::io::stdout())?
        }
        Some(path) => {
            // Write beside the target, then rename: a failed export leaves no half file.
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let name = path
                .file_name()
                .with_context(|| format!("{}: not a file name", path.display()))?;
            let tmp = dir.join(format!(".{}.herald-tmp", name.to_string_lossy()));
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("creating {}", tmp.display()))?;
            let result = store
                .export(&filter, format, std::io::BufWriter::new(file))
                .with_context(|| format!("writing {}", path.display()));
            let n = match result {
                Ok(n) => n,
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
            };
            std::fs::rename(&tmp, path)
                .with_context(|| format!("moving {} to {}", tmp.display(), path.display()))?;
            n
        }
    };
    let unit = if format == Format::Gdelt {
        "events"
    } else {
        "event reports"
    };
    match &args.output {
        Some(p) => eprintln!("herald: {n} {unit} written to {}", p.display()),
        None => eprintln!("herald: {n} {unit} written"),
    }
    Ok(ExitCode::SUCCESS)
}
