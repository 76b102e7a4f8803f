//! `herald bench`: throughput end to end and per stage, peak memory, and scaling with threads.
//!
//! End-to-end runs do exactly what `herald code --format json` does (read, code in parallel
//! chunks, serialise in input order) with the output going to a hashing sink instead of
//! stdout, once per `--threads` value; the hashes must agree (the output is deterministic) or
//! the command fails. A per-stage pass then codes the same articles with
//! [`Coder::code_timed`] and also stores them in a temporary SQLite database, adding up the
//! time each stage takes (thread-seconds: with N threads the stages add up to about N times
//! the wall time). Wall time, CPU time (user + system, from `/proc/self/stat`) and peak
//! resident memory (`VmHWM`, reset before each run through `/proc/self/clear_refs`) are
//! reported per run: CPU time does not depend on what else the machine is doing.
//!
//! A human table goes to stderr, one JSON object to stdout.

use super::code::{code_stream, thread_pool};
use super::progress::Progress;
use anyhow::Context;
use herald_code::{Coder, StageTimes};
use herald_core::{CodedDoc, Document};
use serde::Serialize;
use std::cell::Cell;
use std::hash::Hasher;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Flags of `herald bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles: JSON Lines (e.g. ../shared/data/bulk/news_bulk.jsonl) or anything `herald
    /// code` reads.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Worker threads of an end-to-end run (repeatable: one run per value); default 1, 2, …
    /// up to the number of cores.
    #[arg(long = "threads", value_name = "N")]
    threads: Vec<usize>,
    /// Only the first N input records.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Skip the per-stage pass (end-to-end runs only).
    #[arg(long)]
    no_stages: bool,
    /// Leave the store out of the per-stage pass.
    #[arg(long)]
    no_store: bool,
}

/// One end-to-end run.
#[derive(Debug, Serialize)]
struct Run {
    threads: usize,
    articles: usize,
    text_bytes: u64,
    failed: usize,
    wall_s: f64,
    cpu_s: Option<f64>,
    articles_per_s: f64,
    articles_per_cpu_s: Option<f64>,
    mb_per_s: f64,
    tokens_per_s: Option<f64>,
    peak_rss_mb: Option<f64>,
    events: usize,
    output_bytes: u64,
    output_hash: String,
}

/// One stage of the per-stage pass.
#[derive(Debug, Serialize)]
struct StageRow {
    stage: &'static str,
    seconds: f64,
    share: f64,
    articles_per_s: f64,
    mb_per_s: f64,
}

/// The per-stage pass.
#[derive(Debug, Serialize)]
struct Stages {
    threads: usize,
    wall_s: f64,
    cpu_s: Option<f64>,
    peak_rss_mb: Option<f64>,
    sentences: u64,
    tokens: u64,
    rows: Vec<StageRow>,
}

/// The JSON summary.
#[derive(Debug, Serialize)]
struct Report {
    inputs: Vec<String>,
    articles: usize,
    text_bytes: u64,
    tokens: Option<u64>,
    cores: usize,
    load_avg_1m: Option<f64>,
    deterministic: bool,
    runs: Vec<Run>,
    stages: Option<Stages>,
}

/// Runs the benchmark; exit status 1 when the output differs between thread counts.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = if args.threads.is_empty() {
        (1..=cores).collect()
    } else {
        args.threads.clone()
    };
    if threads.contains(&0) {
        anyhow::bail!("--threads must be at least 1");
    }
    let coder = Coder::new();
    let load_avg_1m = load_average();
    let mut runs = Vec::new();
    for &n in &threads {
        runs.push(end_to_end(&args, &coder, n)?);
    }
    let stages = if args.no_stages {
        None
    } else {
        Some(stage_pass(
            &args,
            &coder,
            *threads.iter().max().unwrap_or(&1),
        )?)
    };
    let tokens = stages.as_ref().map(|s| s.tokens);
    if let Some(t) = tokens {
        for r in &mut runs {
            r.tokens_per_s = Some(t as f64 / r.wall_s);
        }
    }
    let deterministic = runs
        .windows(2)
        .all(|w| w[0].output_hash == w[1].output_hash);
    let first = runs.first().context("no run")?;
    let report = Report {
        inputs: args
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        articles: first.articles,
        text_bytes: first.text_bytes,
        tokens,
        cores,
        load_avg_1m,
        deterministic,
        runs,
        stages,
    };
    print_table(&report);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer(&mut out, &report).context("writing output")?;
    writeln!(out).context("writing output")?;
    if !deterministic {
        eprintln!("herald: the output differs between thread counts");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The records of the inputs, the first `--limit` of them.
fn records(args: &Args) -> impl Iterator<Item = Result<Document, herald_read::Error>> {
    let opts = herald_read::Options {
        date: None,
        format: None,
    };
    herald_read::read(&args.inputs, &opts).take(args.limit.unwrap_or(usize::MAX))
}

/// Codes the inputs as `herald code --format json` does, into a hashing sink.
fn end_to_end(args: &Args, coder: &Coder, threads: usize) -> anyhow::Result<Run> {
    let pool = thread_pool(threads)?;
    let progress = Progress::new("articles");
    let mut sink = HashSink::default();
    let (mut bytes, mut events) = (0u64, 0usize);
    reset_peak_rss();
    let cpu0 = cpu_time();
    let t0 = Instant::now();
    let tally = code_stream(
        records(args),
        &pool,
        &progress,
        |_| false,
        |doc| coder.code(doc),
        |doc, coded: CodedDoc| {
            bytes += doc.text.len() as u64;
            events += coded.events.len();
            serde_json::to_writer(&mut sink, &coded)?;
            sink.write_all(b"\n")?;
            Ok(())
        },
    );
    progress.finish();
    let tally = tally?;
    let wall = t0.elapsed().as_secs_f64();
    let cpu = cpu_time().zip(cpu0).map(|(b, a)| b - a);
    let n = tally.done;
    Ok(Run {
        threads,
        articles: n,
        text_bytes: bytes,
        failed: tally.failed,
        wall_s: wall,
        cpu_s: cpu,
        articles_per_s: n as f64 / wall,
        articles_per_cpu_s: cpu.filter(|&c| c > 0.0).map(|c| n as f64 / c),
        mb_per_s: bytes as f64 / 1e6 / wall,
        tokens_per_s: None,
        peak_rss_mb: peak_rss_mb(),
        events,
        output_bytes: sink.bytes,
        output_hash: format!("{:016x}", sink.hasher.finish()),
    })
}

/// Codes the inputs stage by stage, adding up the time of each.
fn stage_pass(args: &Args, coder: &Coder, threads: usize) -> anyhow::Result<Stages> {
    let pool = thread_pool(threads)?;
    let progress = Progress::new("articles (per stage)");
    let read_time = Cell::new(Duration::ZERO);
    let timed_records = TimedIter {
        inner: records(args),
        elapsed: &read_time,
    };
    let db = std::env::temp_dir().join(format!("herald-bench-{}.db", std::process::id()));
    let mut store = if args.no_store {
        None
    } else {
        Some(
            herald_store::Store::open(&db)
                .with_context(|| format!("opening a scratch store {}", db.display()))?,
        )
    };
    let mut total = StageTimes::default();
    let (mut write, mut store_time, mut bytes) = (Duration::ZERO, Duration::ZERO, 0u64);
    let mut sink = HashSink::default();
    reset_peak_rss();
    let cpu0 = cpu_time();
    let t0 = Instant::now();
    let tally = code_stream(
        timed_records,
        &pool,
        &progress,
        |_| false,
        |doc| {
            let mut t = StageTimes::default();
            let coded = coder.code_timed(doc, &mut t);
            (coded, t)
        },
        |doc, (coded, t)| {
            total.add(&t);
            bytes += doc.text.len() as u64;
            let w0 = Instant::now();
            serde_json::to_writer(&mut sink, &coded)?;
            sink.write_all(b"\n")?;
            write += w0.elapsed();
            if let Some(store) = store.as_mut() {
                let s0 = Instant::now();
                let spans: Vec<herald_core::Span> = herald_nlp::segment::segment(&doc.text)
                    .iter()
                    .map(|s| s.span)
                    .collect();
                store
                    .insert(&doc, &coded, &spans)
                    .with_context(|| format!("storing {}", doc.id))?;
                store_time += s0.elapsed();
            }
            Ok(())
        },
    );
    progress.finish();
    drop(store);
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    let tally = tally?;
    let wall = t0.elapsed().as_secs_f64();
    let cpu = cpu_time().zip(cpu0).map(|(b, a)| b - a);
    let n = tally.done as f64;
    let nlp = &total.nlp;
    let glue = total
        .nlp_total
        .saturating_sub(nlp.segment + nlp.tag + nlp.lemma + nlp.parse + nlp.ner);
    let mut rows: Vec<(&'static str, Duration)> = vec![
        ("read", read_time.get()),
        ("segment", nlp.segment),
        ("tag", nlp.tag),
        ("lemma", nlp.lemma),
        ("parse", nlp.parse),
        ("entities", nlp.ner),
        ("nlp other", glue),
        ("actors+events", total.events),
        ("  of which actors", total.actors),
        ("times", total.times),
        ("places", total.places),
        ("quotes", total.quotes),
        ("figures", total.figures),
        ("write json", write),
    ];
    if !args.no_store {
        rows.push(("store", store_time));
    }
    let sum: f64 = rows
        .iter()
        .filter(|(name, _)| !name.starts_with(' '))
        .map(|(_, d)| d.as_secs_f64())
        .sum();
    Ok(Stages {
        threads,
        wall_s: wall,
        cpu_s: cpu,
        peak_rss_mb: peak_rss_mb(),
        sentences: nlp.sentences,
        tokens: nlp.tokens,
        rows: rows
            .into_iter()
            .map(|(stage, d)| {
                let s = d.as_secs_f64();
                StageRow {
                    stage,
                    seconds: s,
                    share: if sum > 0.0 { s / sum } else { 0.0 },
                    articles_per_s: if s > 0.0 { n / s } else { 0.0 },
                    mb_per_s: if s > 0.0 { bytes as f64 / 1e6 / s } else { 0.0 },
                }
            })
            .collect(),
    })
}

fn print_table(r: &Report) {
    let load = r.load_avg_1m.map_or("?".into(), |l| format!("{l:.2}"));
    eprintln!(
        "herald bench: {} articles, {:.1} MB of text, {} tokens; {} cores, load average {load}",
        r.articles,
        r.text_bytes as f64 / 1e6,
        r.tokens.map_or("?".into(), |t| t.to_string()),
        r.cores
    );
    eprintln!(
        "{:>7} {:>9} {:>9} {:>10} {:>12} {:>7} {:>10} {:>9}",
        "threads", "wall s", "CPU s", "articles/s", "art/CPU-s", "MB/s", "tokens/s", "peak MB"
    );
    let opt = |v: Option<f64>, p: usize| v.map_or("?".into(), |v| format!("{v:.p$}"));
    for run in &r.runs {
        eprintln!(
            "{:>7} {:>9.2} {:>9} {:>10.1} {:>12} {:>7.2} {:>10} {:>9}",
            run.threads,
            run.wall_s,
            opt(run.cpu_s, 2),
            run.articles_per_s,
            opt(run.articles_per_cpu_s, 1),
            run.mb_per_s,
            opt(run.tokens_per_s, 0),
            opt(run.peak_rss_mb, 0),
        );
    }
    eprintln!(
        "output {} across thread counts",
        if r.deterministic {
            "identical"
        } else {
            "DIFFERS"
        }
    );
    if let Some(s) = &r.stages {
        eprintln!(
            "per stage ({} threads, thread-seconds; wall {:.2} s, CPU {} s, peak {} MB):",
            s.threads,
            s.wall_s,
            opt(s.cpu_s, 2),
            opt(s.peak_rss_mb, 0)
        );
        eprintln!(
            "{:<18} {:>9} {:>7} {:>12} {:>9}",
            "stage", "seconds", "share", "articles/s", "MB/s"
        );
        for row in &s.rows {
            eprintln!(
                "{:<18} {:>9.3} {:>6.1}% {:>12.0} {:>9.1}",
                row.stage,
                row.seconds,
                row.share * 100.0,
                row.articles_per_s,
                row.mb_per_s
            );
        }
    }
}

/// An iterator adding the time spent in `next` to `elapsed`.
struct TimedIter<'a, I> {
    inner: I,
    elapsed: &'a Cell<Duration>,
}

impl<I: Iterator> Iterator for TimedIter<'_, I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let t0 = Instant::now();
        let item = self.inner.next();
        self.elapsed.set(self.elapsed.get() + t0.elapsed());
        item
    }
}

/// Counts and hashes what is written to it.
#[derive(Default)]
struct HashSink {
    bytes: u64,
    hasher: std::collections::hash_map::DefaultHasher,
}

impl Write for HashSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes += buf.len() as u64;
        self.hasher.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// User + system CPU seconds of this process (all threads), from `/proc/self/stat`.
fn cpu_time() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 11 and 12 after the name.
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    // USER_HZ is 100 on every Linux architecture herald builds for.
    Some(ticks / 100.0)
}

/// Peak resident set size (`VmHWM`) in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resets `VmHWM` to the current resident size, so each run reports its own peak.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The one-minute load average: how busy the machine was.
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_readers_work_on_linux() {
        if !cfg!(target_os = "linux") {
            return;
        }
        assert!(cpu_time().is_some_and(|c| c >= 0.0));
        assert!(peak_rss_mb().is_some_and(|m| m > 0.0));
        assert!(load_average().is_some_and(|l| l >= 0.0));
    }

    #[test]
    fn hash_sink_counts_and_hashes() {
        let mut a = HashSink::default();
        let mut b = HashSink::default();
        a.write_all(b"abc").unwrap();
        b.write_all(b"abd").unwrap();
        assert_eq!(a.bytes, 3);
        assert_ne!(a.hasher.finish(), b.hasher.finish());
    }
}
