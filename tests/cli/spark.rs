//! The Spark job (examples/spark/herald_job.py) in pip's pyspark, local mode: its Parquet
//! events must equal those of a plain `herald code` run over the same articles.
//!
//! Needs ../shared/data/bulk and `python3` with pyspark (`bash .ci/spark.sh`; HERALD_PYTHON
//! overrides the interpreter). Skips visibly without them, except that a missing pyspark
//! fails when `CI` is set.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::Command;

const ARTICLES: usize = 300;

fn bulk() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/bulk/news_bulk.jsonl"
    ));
    p.is_file().then_some(p)
}

fn python() -> String {
    std::env::var("HERALD_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn have_pyspark() -> bool {
    Command::new(python())
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn spark_job_events_equal_plain_herald_code() {
    let Some(bulk) = bulk() else {
        eprintln!("skipping: ../shared/data/bulk/news_bulk.jsonl not found");
        return;
    };
    if !have_pyspark() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pyspark is not installed for {} (run .ci/spark.sh)",
            python()
        );
        eprintln!("skipping: pyspark not installed (bash .ci/spark.sh)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let mut out = std::fs::File::create(&input).unwrap();
    let reader = std::io::BufReader::new(std::fs::File::open(&bulk).unwrap());
    for line in reader.lines().take(ARTICLES) {
        writeln!(out, "{}", line.unwrap()).unwrap();
    }
    drop(out);
    let herald = env!("CARGO_BIN_EXE_herald");
    let plain = Command::new(herald)
        .args(["code", "--format", "json"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        plain.status.code().is_some_and(|c| c <= 1),
        "herald code failed"
    );
    let expected = dir.path().join("plain.jsonl");
    std::fs::write(&expected, &plain.stdout).unwrap();
    let n_events: usize = String::from_utf8_lossy(&plain.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["events"].as_array().map_or(0, Vec::len)
        })
        .sum();
    assert!(n_events > 0, "no events in the plain run to compare");
    let job = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/spark/herald_job.py");
    let run = Command::new(python())
        .arg(job)
        .args(["--master", "local[2]", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(dir.path().join("events"))
        .args(["--herald", herald, "--expect"])
        .arg(&expected)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "spark job failed\n--- stdout ---\n{stdout}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(report["equal"], true, "{report}");
    assert_eq!(report["events"].as_u64(), Some(n_events as u64), "{report}");
    assert!(
        dir.path().join("events").read_dir().unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("root=")),
        "events not partitioned by root"
    );
}
