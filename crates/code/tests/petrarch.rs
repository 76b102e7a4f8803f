//! PETRARCH validation suites from ../shared/data, scored with their own dictionaries.
//! Skips (with a message) when the data is absent. Floors sit below the measured figures.

use herald_code::events::petrarch_eval;
use std::path::PathBuf;

fn data() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/petrarch"
    ));
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: {} not found", p.display());
        None
    }
}

fn run(file: &str) -> Option<petrarch_eval::Report> {
    let dir = data()?;
    let xml = std::fs::read_to_string(dir.join(file)).ok()?;
    let suite = petrarch_eval::parse_suite(&xml, file).expect("suite parses");
    let (dict, _) = petrarch_eval::load_dictionaries(&suite, &dir.join("dictionaries"))
        .expect("dictionaries load");
    let report = petrarch_eval::evaluate(&suite, &dict);
    eprintln!(
        "{file}\n{}",
        report.human(std::env::var_os("HERALD_VERBOSE").is_some())
    );
    Some(report)
}

#[test]
fn unit_test_records() {
    if let Some(r) = run("PETR.UnitTest.records.dev.xml") {
        assert!(r.records > 100);
        assert!(r.total.f1() >= 0.78, "F1 {}", r.total.f1());
    }
}

#[test]
fn gsr_validation() {
    if let Some(r) = run("PETR2_GSR_validation.dev.xml") {
        assert!(r.records > 30);
        assert!(r.total.f1() >= 0.44, "F1 {}", r.total.f1());
    }
}
