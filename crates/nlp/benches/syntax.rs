//! Throughput of the tagger, parser and entity recogniser on gold-tokenised sentences
//! (EWT dev when ../shared is present, otherwise a few project-written sentences), with the
//! most-frequent-tag baseline in the same run. Every iteration checks its output.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use herald_nlp::{Annotator, Models};
use std::hint::black_box;

fn sentences() -> Vec<Vec<String>> {
    if let Some(ud) = herald_nlp::data::find_ud_dir()
        && let Ok(s) = herald_nlp::conllu::read(&ud.join("en_ewt-ud-dev.conllu"))
    {
        return s
            .iter()
            .take(500)
            .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
            .collect();
    }
    eprintln!("shared/data/ud not found: benchmarking on built-in sentences");
    [
        "Security forces detained dozens of people after the rally in the capital .",
        "The minister said on Tuesday that talks with the rebels would resume next week .",
        "Two soldiers were killed when their convoy was attacked near the border .",
    ]
    .iter()
    .map(|s| s.split(' ').map(String::from).collect())
    .collect()
}

fn bench(c: &mut Criterion) {
    let sents = sentences();
    let n_words: usize = sents.iter().map(Vec::len).sum();
    let refs: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let models = Models::embedded();
    let mut g = c.benchmark_group("syntax");
    g.throughput(Throughput::Elements(n_words as u64));
    g.bench_function("tag", |b| {
        let mut a = Annotator::new(models);
        b.iter(|| {
            let mut n = 0;
            for s in &refs {
                n += a.tag(black_box(s)).len();
            }
            assert_eq!(n, n_words);
        })
    });
    g.bench_function("tag+parse", |b| {
        let mut a = Annotator::new(models);
        b.iter(|| {
            let mut roots = 0;
            for s in &refs {
                let tags = a.tag(black_box(s)).to_vec();
                let (heads, _) = a.parse_indices(s, &tags).expect("embedded parser");
                roots += heads.iter().filter(|&&h| h == 0).count();
            }
            assert_eq!(roots, refs.len(), "one root per sentence");
        })
    });
    if let Some(ud) = herald_nlp::data::find_ud_dir()
        && let Ok(train) = herald_nlp::data::training_sentences(&ud)
    {
        let mft = herald_nlp::baseline::MostFrequentTag::train(&train);
        g.bench_function("baseline most-frequent-tag", |b| {
            b.iter(|| {
                let mut n = 0;
                for s in &refs {
                    n += s
                        .iter()
                        .filter(|w| !mft.tag(black_box(w)).0.is_empty())
                        .count();
                }
                assert_eq!(n, n_words);
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
