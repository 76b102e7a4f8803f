//! Coding speed after parsing: actors + events over pre-analysed sentences.
//!
//! Two workloads: the PETRARCH unit-test records with their small dictionaries, and real news
//! (../shared/data/bulk) with the embedded default dictionaries. Each iteration checks the
//! number of events coded, so a broken coder cannot be timed. Skips when ../shared is absent.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use herald_code::events::{code_events, petrarch_eval};
use herald_core::Sentence;
use herald_dict::compile::CompiledDict;
use std::hint::black_box;
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: {} not found", p.display());
        None
    }
}

struct Work {
    docs: Vec<(String, Vec<Sentence>)>,
    sentences: u64,
}

fn work(texts: Vec<String>) -> Work {
    let docs: Vec<(String, Vec<Sentence>)> = texts
        .into_iter()
        .map(|t| {
            let s = herald_nlp::analyze(&t);
            (t, s)
        })
        .collect();
    let sentences = docs.iter().map(|(_, s)| s.len() as u64).sum();
    Work { docs, sentences }
}

fn count(w: &Work, dict: &CompiledDict) -> usize {
    w.docs
        .iter()
        .map(|(t, s)| code_events(t, s, dict, None).1.len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let Some(data) = shared() else { return };
    let mut g = c.benchmark_group("events");

    let file = data.join("petrarch/PETR.UnitTest.records.dev.xml");
    if let Ok(xml) = std::fs::read_to_string(&file) {
        let suite = petrarch_eval::parse_suite(&xml, "unit").expect("suite");
        let (dict, _) =
            petrarch_eval::load_dictionaries(&suite, &data.join("petrarch/dictionaries"))
                .expect("dicts");
        let w = work(suite.records.iter().map(|r| r.text.clone()).collect());
        let expected = count(&w, &dict);
        assert!(expected > 100);
        g.throughput(Throughput::Elements(w.sentences));
        g.bench_function("petrarch_unit_records", |b| {
            b.iter(|| assert_eq!(count(black_box(&w), &dict), expected))
        });
    }

    let bulk = data.join("bulk/news_bulk.jsonl");
    if let Ok(text) = std::fs::read_to_string(&bulk) {
        let texts: Vec<String> = text
            .lines()
            .take(200)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        let dict = CompiledDict::new(herald_dict::defaults::defaults());
        let w = work(texts);
        let expected = count(&w, &dict);
        assert!(expected > 0);
        g.throughput(Throughput::Elements(w.sentences));
        g.bench_function("news_default_dict", |b| {
            b.iter(|| assert_eq!(count(black_box(&w), &dict), expected))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
