//! `herald ingest` and `herald stats`: idempotence, counts, and surviving `kill -9`.

use super::util::{bin, fixture, herald, tempdir, write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn stats(dir: &Path, db: &str) -> serde_json::Value {
    let run = herald(dir, &["stats", "--db", db, "--json"], None);
    run.expect_code(0);
    serde_json::from_str(run.stdout.trim()).expect("stats JSON")
}

#[test]
fn ingest_is_idempotent_and_stats_counts() {
    let dir = tempdir();
    let d = dir.path();
    write(
        d,
        "in/a.jsonl",
        "{\"id\":\"k1\",\"text\":\"Police detained 40 protesters in Almaty on Sunday.\"}\n\
         {\"id\":\"k2\",\"text\":\"Russian troops arrived in Kazakhstan, the ministry said.\"}\n\
         {\"id\":\"k1-again\",\"text\":\"Police detained 40 protesters in Almaty on Sunday.\"}\n",
    );
    write(
        d,
        "in/b.html",
        std::fs::read(fixture("article.html")).unwrap(),
    );
    let first = herald(d, &["ingest", "in"], None);
    first.expect_code(0);
    assert!(
        first
            .stderr
            .contains("3 documents stored, 1 already there, 0 bad records"),
        "{}",
        first.stderr
    );
    assert!(
        d.join("herald.db").is_file(),
        "default database is ./herald.db"
    );
    let s1 = stats(d, "herald.db");
    assert_eq!(s1["documents"], 3);
    for key in [
        "sentences",
        "events",
        "quotes",
        "figures",
        "places",
        "times",
        "mentions",
    ] {
        assert!(s1[key].is_u64(), "{key} in {s1}");
    }
    assert!(s1["sentences"].as_u64().unwrap() >= 7, "{s1}");

    let again = herald(d, &["ingest", "in"], None);
    again.expect_code(0);
    assert!(
        again.stderr.contains("0 documents stored, 4 already there"),
        "{}",
        again.stderr
    );
    assert_eq!(stats(d, "herald.db"), s1, "a rerun adds nothing");

    let table = herald(d, &["stats"], None);
    table.expect_code(0);
    let names: Vec<&str> = table
        .stdout
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "documents",
            "sentences",
            "events",
            "quotes",
            "figures",
            "places",
            "times",
            "mentions"
        ]
    );
    assert!(table.stdout.starts_with("documents"), "{}", table.stdout);
    assert!(table.stdout.lines().next().unwrap().ends_with(" 3"));
}

#[test]
fn bad_records_are_reported_and_the_rest_stored() {
    let dir = tempdir();
    let d = dir.path();
    write(
        d,
        "a.jsonl",
        "{\"id\":\"ok\",\"text\":\"Talks resumed in Geneva.\"}\n{\"id\":\"bad\"}\n",
    );
    let run = herald(
        d,
        &["ingest", "--db", "x.db", "--date", "2022-01-10", "a.jsonl"],
        None,
    );
    run.expect_code(1);
    assert!(
        run.stderr.contains("a.jsonl:2 (id bad): no \"text\" field"),
        "{}",
        run.stderr
    );
    assert_eq!(stats(d, "x.db")["documents"], 1);
}

#[test]
fn stats_without_database_fails_clearly() {
    let dir = tempdir();
    let run = herald(dir.path(), &["stats", "--db", "nope.db"], None);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("nope.db"), "{}", run.stderr);
    assert!(
        !dir.path().join("nope.db").exists(),
        "stats must not create a database"
    );
}

/// Generates `n` distinct documents, three sentences each.
fn corpus(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "{{\"id\":\"gen-{i}\",\"text\":\"Police detained {} protesters in district {i} on Monday. The interior ministry said {} officers were injured. Talks are planned for next week.\",\"date\":\"2022-01-10\"}}\n",
            i + 3,
            i % 50 + 2
        ));
    }
    s
}

#[test]
fn survives_sigkill_and_resumes_exactly_once() {
    const N: usize = 3000;
    let dir = tempdir();
    let d = dir.path();
    write(d, "docs.jsonl", corpus(N));

    // Reference: the same input ingested without interruption.
    herald(d, &["ingest", "--db", "clean.db", "docs.jsonl"], None).expect_code(0);
    let clean = stats(d, "clean.db");
    assert_eq!(clean["documents"], N as u64);

    let mut child = Command::new(bin())
        .args([
            "ingest",
            "--db",
            "killed.db",
            "--threads",
            "1",
            "docs.jsonl",
        ])
        .current_dir(d)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ingest");
    let start = Instant::now();
    let at_kill = loop {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "ingest made no progress"
        );
        if let Some(status) = child.try_wait().unwrap() {
            panic!("ingest finished ({status}) before it could be killed: make N larger");
        }
        if d.join("killed.db").is_file() {
            let run = herald(d, &["stats", "--db", "killed.db", "--json"], None);
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(run.stdout.trim()) {
                let n = v["documents"].as_u64().unwrap_or(0);
                if n >= 200 {
                    break n;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix
    child.wait().unwrap();
    let killed = stats(d, "killed.db");
    let stored = killed["documents"].as_u64().unwrap();
    eprintln!("killed after {stored} of {N} documents ({at_kill} seen before the kill)");
    assert!(stored >= at_kill && stored < N as u64, "{stored}");

    let rerun = herald(d, &["ingest", "--db", "killed.db", "docs.jsonl"], None);
    rerun.expect_code(0);
    let want = format!(
        "{} documents stored, {stored} already there",
        N as u64 - stored
    );
    assert!(
        rerun.stderr.contains(&want),
        "{} lacks {want}",
        rerun.stderr
    );
    // Every table holds exactly what an uninterrupted ingest holds: no document lost, none
    // twice, none half-stored.
    assert_eq!(stats(d, "killed.db"), clean);
    let ids = herald_store::Store::open(d.join("killed.db"))
        .unwrap()
        .doc_ids()
        .unwrap();
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!((ids.len(), unique.len()), (N, N));
}
