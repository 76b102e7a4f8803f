//! PLOVER type and quad-class accuracy of the main event with the default dictionaries, and
//! the seed report coded end to end. Skip (with a message) when ../shared is absent.

use herald_code::Coder;
use herald_code::events::class_eval;
use std::path::PathBuf;

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/")).join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: {} not found", p.display());
        None
    }
}

#[test]
fn plover_types() {
    let Some(p) = shared("data/plover/PLOVER_GSR_CAMEO.dev.json") else {
        return;
    };
    let text = std::fs::read_to_string(&p).unwrap();
    let acc = class_eval::plover(&text, "plover", &Coder::new()).unwrap();
    eprintln!("{}", acc.human("PLOVER event type"));
    assert!(acc.total > 100);
    assert!(acc.accuracy() >= 0.6, "{}", acc.accuracy());
}

#[test]
fn quad_classes() {
    let Some(p) = shared("data/conflibert/cameo_class/train.tsv") else {
        return;
    };
    let text = std::fs::read_to_string(&p).unwrap();
    let acc = class_eval::quad(&text, "quad", &Coder::new()).unwrap();
    eprintln!("{}", acc.human("event class (Phoenix five-way)"));
    assert!(acc.total > 1000);
    assert!(acc.accuracy() >= 0.68, "{}", acc.accuracy());
}

#[test]
fn seed_report() {
    let Some(p) = shared("seed/kazakhstan-unrest-2022-01.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&p).unwrap();
    let mut doc = herald_core::Document::from_text(text);
    doc.published = chrono::NaiveDate::from_ymd_opt(2022, 1, 10);
    let out = Coder::new().code(&doc);
    for e in &out.events {
        let t = e
            .target
            .as_ref()
            .map_or(String::from("-"), |t| format!("{}[{}]", t.code, t.text));
        eprintln!(
            "s{:<3} {}[{}] -> {} {} {} {}{}{}  «{}»",
            e.sentence,
            e.source.code,
            e.source.text,
            t,
            e.cameo,
            e.plover.as_ref().map_or("-", |p| p.kind.as_str()),
            if e.negated { "NEG " } else { "" },
            if e.hedged { "HEDGE " } else { "" },
            if e.reported { "REPORTED" } else { "" },
            e.evidence.slice(&doc.text).replace('\n', " ")
        );
        assert!(e.evidence.get(&doc.text).is_some());
        assert!(e.source.span.get(&doc.text).is_some());
    }
    assert!(out.events.len() >= 5, "{} events", out.events.len());
}
