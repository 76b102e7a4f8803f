//! `herald code`: the stateless filter. Articles in, one JSON line per document (or one row
//! per event) out.
//!
//! Documents are coded in parallel in chunks (rayon), and written in input order: the output
//! is the same for any `--threads`, and memory holds one chunk at a time.

use super::progress::Progress;
use anyhow::Context;
use herald_code::Coder;
use herald_core::{CodedDoc, Document, Event};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Help text shared by every `--date` flag.
pub(crate) const DATE_HELP: &str = "Publication date for documents whose input gives none \
    (a JSON Lines \"date\", feed item date or HTML meta date always wins; --date only fills \
    the gaps). Relative dates in the text resolve against it. Accepts 2022-01-10, \
    \"10 Jan 2022\", \"Jan 10, 2022\", RFC 2822 and RFC 3339";

/// Flags of `herald code`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files or directories (read recursively, sorted, hidden files skipped); `-` reads
    /// standard input. Formats: .txt, .html, .jsonl ({"id","text","title","url","date"}),
    /// .rss/.atom; other names are recognised by their content.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg, help = DATE_HELP)]
    date: Option<chrono::NaiveDate>,
    /// Output: json (one JSON object per document), tsv (one row per event, with header) or
    /// table (aligned columns for reading).
    #[arg(long, value_enum, default_value_t = Output::Json)]
    format: Output,
    /// Worker threads; 0 uses every core.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Add a dictionary, KIND=PATH (repeatable). KIND: verbs, actors, agents, discards,
    /// issues (PETRARCH formats), tabari-actors, tabari-verbs, tabari-agents, tabari-options
    /// (TABARI formats) or herald (herald's own format).
    #[arg(long = "dict", value_name = "KIND=PATH")]
    dicts: Vec<String>,
    /// Code with the --dict dictionaries only, without the embedded defaults.
    #[arg(long)]
    no_default_dict: bool,
    /// Geocode with a GeoNames dump (allCountries.txt or citiesN.txt, tab-separated) instead
    /// of the embedded gazetteer of GeoNames cities.
    #[arg(long, value_name = "PATH")]
    gazetteer: Option<PathBuf>,
}

/// Output formats of `herald code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Output {
    /// One JSON object per document (the output contract).
    Json,
    /// One tab-separated row per event.
    Tsv,
    /// One aligned row per event, for people.
    Table,
}

/// `--date` values: any form [`herald_read::parse_date`] knows.
pub(crate) fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    herald_read::parse_date(s).ok_or_else(|| {
        format!("unrecognised date {s:?} (try 2022-01-10, \"10 Jan 2022\" or \"Jan 10, 2022\")")
    })
}

/// Codes every input; bad records go to stderr and make the exit status 1.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let coder = if args.dicts.is_empty() && !args.no_default_dict {
        Coder::new()
    } else {
        Coder::with_dictionary(super::dict::load_specs(&args.dicts)?, !args.no_default_dict)
    };
    let coder = match &args.gazetteer {
        Some(path) => coder.with_gazetteer(
            herald_geo::Gazetteer::load_geonames(path)
                .with_context(|| format!("loading gazetteer {}", path.display()))?,
        ),
        None => coder,
    };
    let opts = herald_read::Options {
        date: args.date,
        format: None,
    };
    let records = herald_read::read(&args.inputs, &opts);
    let pool = thread_pool(args.threads)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut writer = Writer::new(args.format);
    writer.header(&mut out).context("writing output")?;
    let progress = Progress::new("documents");
    progress.count_in_background(args.inputs.clone());
    let tally = code_stream(
        records,
        &pool,
        &progress,
        |_| false,
        |doc| coder.code(doc),
        |doc, coded| {
            writer
                .write(&mut out, &doc, &coded)
                .context("writing output")
        },
    );
    progress.finish();
    let tally = tally?;
    out.flush().context("writing output")?;
    Ok(tally.exit_code())
}

/// A rayon pool of `threads` workers (0 = one per core).
pub(crate) fn thread_pool(threads: usize) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("starting worker threads")
}

/// What happened to the inputs of a run.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Documents handed to `emit`.
    pub done: usize,
    /// Documents `skip` passed over.
    pub skipped: usize,
    /// Bad records and documents the coder failed on, each reported on stderr.
    pub failed: usize,
}

impl Tally {
    /// 1 when anything failed.
    pub fn exit_code(&self) -> ExitCode {
        if self.failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Runs `work` over every document in parallel, a chunk at a time, and hands the results to
/// `emit` in input order. Bad records are reported on stderr as they are met; `skip` drops a
/// document before any work is spent on it. A panic inside `work` is reported as that
/// document's failure, not the run's. `progress` counts every input record.
///
/// The calling thread overlaps with the pool: while the pool codes chunk N, it emits chunk
/// N-1 and reads chunk N+1, so reading and writing (JSON, SQLite) do not leave the workers
/// idle. Memory holds three chunks at most.
pub(crate) fn code_stream<T, W, E>(
    records: impl Iterator<Item = Result<Document, herald_read::Error>>,
    pool: &rayon::ThreadPool,
    progress: &Progress,
    mut skip: impl FnMut(&Document) -> bool,
    work: W,
    mut emit: E,
) -> anyhow::Result<Tally>
where
    T: Send,
    W: Fn(&Document) -> T + Sync,
    E: FnMut(Document, T) -> anyhow::Result<()>,
{
    let chunk_size = pool.current_num_threads().max(1) * CHUNK_PER_THREAD;
    let mut tally = Tally::default();
    let mut records = records.peekable();
    let mut read_chunk = |tally: &mut Tally| {
        let mut chunk = Vec::with_capacity(chunk_size);
        for record in records.by_ref() {
            match record {
                Ok(doc) if skip(&doc) => {
                    tally.skipped += 1;
                    progress.inc(1);
                }
                Ok(doc) => {
                    chunk.push(doc);
                    if chunk.len() == chunk_size {
                        break;
                    }
                }
                Err(e) => {
                    tally.failed += 1;
                    progress.inc(1);
                    progress.println(&format!("herald: {e}"));
                }
            }
        }
        chunk
    };
    let mut chunk = read_chunk(&mut tally);
    let mut prev: Option<(Vec<Document>, Vec<std::thread::Result<T>>)> = None;
    while !chunk.is_empty() || prev.is_some() {
        let mut results = Vec::new();
        let mut next = Vec::new();
        let mut emitted = Ok(());
        pool.in_place_scope(|scope| {
            if !chunk.is_empty() {
                let (chunk, results, work) = (&chunk, &mut results, &work);
                scope.spawn(move |_| {
                    *results = chunk
                        .par_iter()
                        .map(|doc| {
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(doc)))
                        })
                        .collect();
                });
            }
            if let Some((docs, done)) = prev.take() {
                emitted = emit_all(docs, done, progress, &mut tally, &mut emit);
            }
            if emitted.is_ok() {
                next = read_chunk(&mut tally);
            }
        });
        emitted?;
        prev = (!chunk.is_empty()).then(|| (std::mem::take(&mut chunk), results));
        chunk = next;
    }
    Ok(tally)
}

/// Documents per worker thread in a chunk: large enough that the slowest document of a
/// chunk leaves the other workers idle only briefly.
const CHUNK_PER_THREAD: usize = 64;

/// Hands a coded chunk to `emit` in order; a panic is reported as its document's failure.
fn emit_all<T>(
    docs: Vec<Document>,
    results: Vec<std::thread::Result<T>>,
    progress: &Progress,
    tally: &mut Tally,
    emit: &mut impl FnMut(Document, T) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for (doc, result) in docs.into_iter().zip(results) {
        progress.inc(1);
        match result {
            Ok(value) => {
                emit(doc, value)?;
                tally.done += 1;
            }
            Err(panic) => {
                tally.failed += 1;
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                progress.println(&format!(
                    "herald: document {}: internal error while coding: {why}",
                    doc.id
                ));
            }
        }
    }
    Ok(())
}

/// Writes coded documents in one [`Output`] format.
struct Writer {
    format: Output,
}

/// Table column widths (characters); the evidence column takes the rest.
const WIDTHS: [usize; 7] = [16, 10, 20, 20, 5, 4, 9];

impl Writer {
    fn new(format: Output) -> Writer {
        Writer { format }
    }

    fn header(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        match self.format {
            Output::Json => Ok(()),
            Output::Tsv => writeln!(
                out,
                "doc_id\tdate\tsource\tsource_text\ttarget\ttarget_text\tcameo\tquad_class\tgoldstein\tevidence"
            ),
            Output::Table => {
                let cells = [
                    "DOC",
                    "DATE",
                    "SOURCE",
                    "TARGET",
                    "CAMEO",
                    "QUAD",
                    "GOLDSTEIN",
                    "EVIDENCE",
                ];
                write_table_row(out, &cells.map(String::from))
            }
        }
    }

    fn write(
        &mut self,
        out: &mut impl Write,
        doc: &Document,
        coded: &CodedDoc,
    ) -> std::io::Result<()> {
        match self.format {
            Output::Json => {
                serde_json::to_writer(&mut *out, coded)?;
                out.write_all(b"\n")
            }
            Output::Tsv => {
                for e in &coded.events {
                    let r = EventRow::new(doc, e);
                    let cells = [
                        r.doc_id,
                        r.date,
                        r.source,
                        r.source_text,
                        r.target,
                        r.target_text,
                        r.cameo,
                        r.quad,
                        r.goldstein,
                        r.evidence,
                    ];
                    let cells: Vec<String> = cells.iter().map(|c| tsv_cell(c)).collect();
                    writeln!(out, "{}", cells.join("\t"))?;
                }
                Ok(())
            }
            Output::Table => {
                for e in &coded.events {
                    let r = EventRow::new(doc, e);
                    let source = if r.source.is_empty() {
                        r.source_text
                    } else {
                        r.source
                    };
                    let target = if r.target.is_empty() {
                        r.target_text
                    } else {
                        r.target
                    };
                    let cells = [
                        r.doc_id,
                        r.date,
                        source,
                        target,
                        r.cameo,
                        r.quad,
                        r.goldstein,
                        r.evidence,
                    ];
                    write_table_row(out, &cells)?;
                }
                Ok(())
            }
        }
    }
}

/// One event as text cells.
struct EventRow {
    doc_id: String,
    date: String,
    source: String,
    source_text: String,
    target: String,
    target_text: String,
    cameo: String,
    quad: String,
    goldstein: String,
    evidence: String,
}

impl EventRow {
    fn new(doc: &Document, e: &Event) -> EventRow {
        let target = e.target.as_ref();
        EventRow {
            doc_id: doc.id.clone(),
            date: e
                .date
                .or(doc.published)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            source: e.source.code.clone(),
            source_text: e.source.text.clone(),
            target: target.map(|t| t.code.clone()).unwrap_or_default(),
            target_text: target.map(|t| t.text.clone()).unwrap_or_default(),
            cameo: e.cameo.clone(),
            quad: e.quad_class.to_string(),
            goldstein: format!("{:.1}", e.goldstein),
            evidence: e.evidence.get(&doc.text).unwrap_or("").to_string(),
        }
    }
}

/// Tabs and line breaks become spaces, so a cell never breaks the row.
fn tsv_cell(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn write_table_row(out: &mut impl Write, cells: &[String]) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        let cell = tsv_cell(cell);
        match WIDTHS.get(i) {
            Some(&w) => {
                let fitted = fit(&cell, w);
                let pad = w.saturating_sub(fitted.chars().count());
                line.push_str(&fitted);
                line.extend(std::iter::repeat_n(' ', pad + 2));
            }
            None => line.push_str(
                cell.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_str(),
            ),
        }
    }
    writeln!(out, "{}", line.trim_end())
}

/// At most `w` characters, an ellipsis marking a cut.
fn fit(s: &str, w: usize) -> String {
    if s.chars().count() <= w {
        return s.to_string();
    }
    let mut t: String = s.chars().take(w.saturating_sub(1)).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        assert_eq!(tsv_cell("a\tb\nc\r"), "a b c ");
        assert_eq!(fit("Almaty", 10), "Almaty");
        assert_eq!(fit("Kasym-Zhomart Tokayev", 8), "Kasym-Z…");
        assert_eq!(fit("ééééé", 3), "éé…");
    }
}
