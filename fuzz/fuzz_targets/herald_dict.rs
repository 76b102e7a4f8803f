//! herald's own dictionary format: `parse` and `check` agree (a file parses exactly when
//! `check` finds no error; warnings do not stop parsing), and what parses writes back and
//! parses to the same entries.
#![no_main]
use herald_dict::format::Severity;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = herald_dict::format::parse(&text, "fuzz.hd");
    let problems = herald_dict::format::check(&text, "fuzz.hd");
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    assert_eq!(
        parsed.is_ok(),
        errors == 0,
        "parse {parsed:?} but check {problems:?}"
    );
    if let Ok(d) = parsed {
        herald_fuzz::round_trip(&d);
    }
});
