//! Throughput of the sentence splitter and tokenizer on real news text.
//!
//! Reads up to 4 MB of article text from `../shared/data/bulk/news_bulk.jsonl` (a hand-written
//! paragraph repeated when the data is absent). `whitespace` — counting whitespace-separated
//! words — is the same-run floor the segmenter's throughput is compared with.
//!
//! `cargo bench -p herald-nlp --bench segment`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const LIMIT: usize = 4_000_000;

fn corpus() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/bulk/news_bulk.jsonl"
    );
    let mut docs = Vec::new();
    let mut total = 0;
    match std::fs::read_to_string(path) {
        Ok(data) => {
            for line in data.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    total += t.len();
                    docs.push(t.to_string());
                    if total >= LIMIT {
                        break;
                    }
                }
            }
        }
        Err(_) => {
            eprintln!("skipping real news: {path} not found; using a synthetic paragraph");
            let para = "ALMATY, Jan 10 (Reuters) - Kazakhstan's President Kassym-Jomart \
                Tokayev said on Monday that 164 people, including Gen. Smith's aides, had died \
                in the U.S.-backed operation. \"It is over,\" he said. \"We won't leave.\" \
                Prices rose 3.5% to $1.2bn at 3 p.m. The anti-government protests began on \
                Jan. 2 after fuel prices doubled...\n\n";
            docs = vec![para.repeat(LIMIT / para.len())];
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let tokens: usize = docs
        .iter()
        .map(|d| herald_nlp::segment::tokenize(d).len())
        .sum();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("whitespace", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| black_box(d).split_whitespace().count())
                .sum();
            assert_eq!(n, words);
        })
    });
    g.bench_function("herald", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                for s in herald_nlp::segment::segment(black_box(d)) {
                    n += s.tokens.len();
                }
            }
            assert_eq!(n, tokens);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
