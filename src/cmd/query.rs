//! `herald query`: stored events by date, place, actor, code or text, as a table, CSV or JSON.

use anyhow::{Context, bail};
use herald_store::{Error as StoreError, EventRow, Filter, Near, Page, Store};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The filters `herald query` and `herald export` share.
#[derive(Debug, Default, clap::Args)]
pub struct FilterArgs {
    /// First day, inclusive (event date, else publication date).
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Filters")]
    from: Option<String>,
    /// Last day, inclusive.
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Filters")]
    to: Option<String>,
    /// Country: ISO code of the event's place (KZ), or CAMEO code of source or target (KAZ).
    #[arg(long, value_name = "CODE", help_heading = "Filters")]
    country: Option<String>,
    /// Actor: CAMEO code prefix of source or target (KAZGOV), or words naming it (tokayev).
    #[arg(long, value_name = "CODE|WORDS", help_heading = "Filters")]
    actor: Option<String>,
    /// CAMEO event code prefix: 17 = root 17 and its sub-codes, 173 = that code and below.
    #[arg(long, value_name = "CODE", help_heading = "Filters")]
    cameo: Option<String>,
    /// CAMEO root, 01..20.
    #[arg(long, value_name = "ROOT", help_heading = "Filters")]
    root: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    #[arg(long, value_name = "1-4", help_heading = "Filters")]
    quad: Option<u8>,
    /// PLOVER event type (PROTEST, ASSAULT, ...).
    #[arg(long, value_name = "TYPE", help_heading = "Filters")]
    plover: Option<String>,
    /// Events placed within KM kilometres of a point.
    #[arg(
        long,
        value_name = "LAT,LON,KM",
        help_heading = "Filters",
        allow_hyphen_values = true
    )]
    near: Option<String>,
    /// Words the article contains (all of them; plain words, no search syntax).
    #[arg(long, value_name = "WORDS", help_heading = "Filters")]
    text: Option<String>,
    /// One document, by its input id.
    #[arg(long, value_name = "ID", help_heading = "Filters")]
    doc: Option<String>,
    /// Keep events the text denies ("did not attack"), left out by default.
    #[arg(long, help_heading = "Filters")]
    include_negated: bool,
}

impl FilterArgs {
    /// The store filter, checked; a bad value names its flag.
    pub fn filter(&self) -> anyhow::Result<Filter> {
        let near = match &self.near {
            Some(s) => Some(Near::parse(s).map_err(flag_error)?),
            None => None,
        };
        let filter = Filter {
            from: self.from.clone(),
            to: self.to.clone(),
            country: self.country.clone(),
            actor: self.actor.clone(),
            cameo: self.cameo.clone(),
            root: self.root.clone(),
            quad_class: self.quad,
            plover: self.plover.clone(),
            near,
            text: self.text.clone(),
            document: self.doc.clone(),
            include_negated: self.include_negated,
        };
        filter.validate().map_err(flag_error)?;
        Ok(filter)
    }
}

/// A bad filter as the flag that carries it: `--quad: 5: expected 1..4`.
fn flag_error(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::BadFilter { field, reason } => {
            let flag = match field {
                "quad_class" => "quad",
                "document" => "doc",
                f => f,
            };
            anyhow::anyhow!("--{flag}: {reason}")
        }
        other => other.into(),
    }
}

/// Opens an existing store (never creates one for a read).
pub fn open_existing(db: &Path) -> anyhow::Result<Store> {
    if !super::db::exists(db) {
        bail!(
            "{}: no such database (run `herald ingest --db {0} …` first)",
            db.display()
        );
    }
    if super::db::is_url(db) {
        // The error names the server and the reason (never the password).
        return Ok(Store::open(db)?);
    }
    Store::open(db).with_context(|| format!("opening {}", db.display()))
}

/// How `herald query` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// Aligned columns for reading; the count goes to stderr.
    Table,
    /// The export's flat columns with a header.
    Csv,
    /// One JSON object: {"total": N, "events": [...]}.
    Json,
}

const AFTER_HELP: &str = "\
Examples:
  herald query --country KZ --from 2022-01-01 --to 2022-01-31
  herald query --cameo 17 --near 43.25,76.92,100          # coercion within 100 km of Almaty
  herald query --actor KAZGOV --quad 4 --format csv > kz.csv
  herald query --text \"water cannon\" --plover PROTEST --format json
  herald query --doc sample-003 --include-negated

Events come in a fixed order: date (undated last), document, sentence. Page with
--limit/--offset; the total number of matches is printed on stderr (table) or in the JSON.
For every matching event at once, use `herald export`.";

/// Flags of `herald query`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// The SQLite database. Or a
    /// PostgreSQL URL, `postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME` (the database must exist;
    /// no TLS: use a server on this machine or a trusted network).
    #[arg(long, value_name = "PATH|URL", default_value = "herald.db")]
    db: PathBuf,
    #[command(flatten)]
    filters: FilterArgs,
    /// At most this many events (up to 1000).
    #[arg(long, value_name = "N", default_value_t = 50)]
    limit: usize,
    /// Skip this many events first.
    #[arg(long, value_name = "N", default_value_t = 0)]
    offset: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Output::Table)]
    format: Output,
}

/// Prints one page of matching events.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let filter = args.filters.filter()?;
    if args.limit > herald_store::MAX_PAGE {
        bail!(
            "--limit: {} is over {}; page with --offset or use `herald export`",
            args.limit,
            herald_store::MAX_PAGE
        );
    }
    let store = open_existing(&args.db)?;
    let page = store.events(
        &filter,
        Page {
            limit: args.limit,
            offset: args.offset,
        },
    )?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Output::Json => {
            serde_json::to_writer(&mut out, &page)?;
            writeln!(out)?;
        }
        Output::Csv => {
            herald_store::write_csv(&page.events, &mut out)?;
        }
        Output::Table => {
            write_table(&mut out, &page.events)?;
            out.flush()?;
            eprintln!(
                "herald: {} of {} events (from {})",
                page.events.len(),
                page.total,
                args.offset
            );
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Aligned columns: key, date, source, CAMEO code, target, place, document.
fn write_table(out: &mut impl Write, rows: &[EventRow]) -> std::io::Result<()> {
    let header = ["KEY", "DATE", "SOURCE", "CAMEO", "TARGET", "PLACE", "DOC"];
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|r| {
            let e = &r.event;
            let actor = |code: &str, text: &str| {
                if code.is_empty() {
                    text.to_string()
                } else {
                    format!("{code} ({text})")
                }
            };
            let mut cameo = e.cameo.clone();
            if e.negated {
                cameo.push_str(" (denied)");
            }
            [
                r.key.to_string(),
                e.date
                    .map(|d| d.to_string())
                    .or_else(|| r.published.clone())
                    .unwrap_or_else(|| "-".into()),
                actor(&e.source.code, &e.source.text),
                cameo,
                e.target
                    .as_ref()
                    .map_or_else(|| "-".into(), |t| actor(&t.code, &t.text)),
                e.place.as_ref().map_or_else(
                    || "-".into(),
                    |p| match &p.country {
                        Some(c) => format!("{} {c}", p.name),
                        None => p.name.clone(),
                    },
                ),
                r.doc_id.clone(),
            ]
        })
        .collect();
    let mut width = header.map(|h| h.chars().count());
    for row in &cells {
        for (w, c) in width.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count().min(40));
        }
    }
    let line = |out: &mut dyn Write, row: &[&str]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, (c, w)) in row.iter().zip(width).enumerate() {
            let c: String = if c.chars().count() > 40 {
                c.chars().take(39).chain(['…']).collect()
            } else {
                c.to_string()
            };
            if i + 1 == row.len() {
                s.push_str(&c);
            } else {
                s.push_str(&format!("{c:<w$}  "));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, &header)?;
    for row in &cells {
        line(out, &row.each_ref().map(String::as_str))?;
    }
    Ok(())
}
