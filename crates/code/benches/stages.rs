//! Per-stage coding speed over real news (../shared/data/bulk, first 100 articles): times,
//! places, quotes and figures over pre-analysed sentences, and the whole coder end to end.
//! Each iteration checks its count, so broken code cannot be timed. Skips when ../shared is
//! absent. The corpus-scale figures come from `herald bench`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use herald_code::Coder;
use herald_core::{Document, Sentence};
use std::hint::black_box;

fn articles() -> Option<Vec<Document>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/bulk/news_bulk.jsonl"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} not found");
        return None;
    };
    let docs = text
        .lines()
        .take(100)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .map(Document::from_text)
        .collect();
    Some(docs)
}

fn bench(c: &mut Criterion) {
    let Some(docs) = articles() else { return };
    let analysed: Vec<(Document, Vec<Sentence>)> = docs
        .iter()
        .map(|d| (d.clone(), herald_nlp::analyze(&d.text)))
        .collect();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Elements(docs.len() as u64));
    macro_rules! stage {
        ($name:literal, $f:path) => {
            let want: usize = analysed.iter().map(|(d, s)| $f(d, s).len()).sum();
            g.bench_function($name, |b| {
                b.iter(|| {
                    let n: usize = analysed
                        .iter()
                        .map(|(d, s)| $f(black_box(d), s).len())
                        .sum();
                    assert_eq!(n, want);
                })
            });
        };
    }
    stage!("times", herald_code::time::find_times);
    stage!("places", herald_code::places::find_places);
    stage!("quotes", herald_code::quotes::find_quotes);
    stage!("figures", herald_code::figures::find_figures);
    let coder = Coder::new();
    let want: usize = docs.iter().map(|d| coder.code(d).events.len()).sum();
    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| coder.code(black_box(d)).events.len())
                .sum();
            assert_eq!(n, want);
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
