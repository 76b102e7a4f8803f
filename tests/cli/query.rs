//! `herald query` and `herald export` over the ingested samples: filters, formats, and the
//! files other tools read (GDELT TSV, Parquet checked with DuckDB when it is installed).

use super::util::{Run, herald, tempdir};
use std::path::{Path, PathBuf};
use std::process::Command;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// A temp dir with `herald.db` holding the ingested samples.
fn ingested() -> tempfile::TempDir {
    let dir = tempdir();
    let s = samples();
    let run = herald(dir.path(), &["ingest", s.to_str().unwrap()], None);
    run.expect_code(0);
    dir
}

fn json(run: &Run) -> serde_json::Value {
    run.expect_code(0);
    serde_json::from_str(run.stdout.trim()).expect("one JSON object")
}

fn events(dir: &Path, filters: &[&str]) -> (u64, Vec<serde_json::Value>) {
    let mut args = vec!["query", "--format", "json"];
    if !filters.contains(&"--limit") {
        args.extend_from_slice(&["--limit", "1000"]);
    }
    args.extend_from_slice(filters);
    let v = json(&herald(dir, &args, None));
    (
        v["total"].as_u64().expect("total"),
        v["events"].as_array().expect("events").clone(),
    )
}

fn keys(events: &[serde_json::Value]) -> Vec<i64> {
    events.iter().map(|e| e["key"].as_i64().unwrap()).collect()
}

#[test]
fn query_filters_select_what_they_say() {
    let dir = ingested();
    let d = dir.path();
    let (total, all) = events(d, &[]);
    assert!(total > 0, "the samples code to events");
    assert_eq!(total as usize, all.len());
    // Deterministic order: by date (event date, else published).
    let dates: Vec<String> = all
        .iter()
        .map(|e| {
            e["date"]
                .as_str()
                .or(e["published"].as_str())
                .unwrap_or("9999")
                .to_string()
        })
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert_eq!(
        keys(&events(d, &[]).1),
        keys(&all),
        "same query, same order"
    );

    // Filters built from the data: each must keep its source event and only matching ones.
    let first = &all[0];
    let root = first["root"].as_str().unwrap();
    let (_, by_root) = events(d, &["--root", root]);
    assert!(keys(&by_root).contains(&first["key"].as_i64().unwrap()));
    assert!(by_root.iter().all(|e| e["root"] == root));
    let cameo = first["cameo"].as_str().unwrap();
    let (_, by_cameo) = events(d, &["--cameo", cameo]);
    assert!(
        by_cameo
            .iter()
            .all(|e| e["cameo"].as_str().unwrap().starts_with(cameo))
    );
    let doc = first["doc_id"].as_str().unwrap();
    let (_, by_doc) = events(d, &["--doc", doc]);
    assert!(!by_doc.is_empty() && by_doc.iter().all(|e| e["doc_id"] == doc));
    for quad in 1..=4 {
        let (_, q) = events(d, &["--quad", &quad.to_string()]);
        assert!(q.iter().all(|e| e["quad_class"] == quad));
    }
    let placed = all
        .iter()
        .find(|e| e["place"]["country"].is_string())
        .expect("some sample event is placed");
    let cc = placed["place"]["country"].as_str().unwrap();
    let (_, by_country) = events(d, &["--country", &cc.to_lowercase()]);
    assert!(keys(&by_country).contains(&placed["key"].as_i64().unwrap()));
    assert!(by_country.iter().all(|e| e["place"]["country"] == cc));
    let (lat, lon) = (
        placed["place"]["lat"].as_f64().unwrap(),
        placed["place"]["lon"].as_f64().unwrap(),
    );
    let near = format!("{lat},{lon},25");
    let (_, by_near) = events(d, &["--near", &near]);
    assert!(keys(&by_near).contains(&placed["key"].as_i64().unwrap()));
    let from = dates[dates.len() / 2].clone();
    let (_, later) = events(d, &["--from", &from]);
    assert!(!later.is_empty() && later.len() <= all.len());
    let (_, words) = events(d, &["--text", "Tbilisi parliament"]);
    assert!(
        words
            .iter()
            .all(|e| e["doc_id"].as_str().unwrap().starts_with("sample-001"))
    );
    // Paging.
    let (t2, page) = events(d, &["--limit", "2", "--offset", "1"]);
    assert_eq!(t2, total);
    assert_eq!(keys(&page), keys(&all)[1..3.min(all.len())]);
}

#[test]
fn query_table_and_csv() {
    let dir = ingested();
    let d = dir.path();
    let table = herald(d, &["query", "--limit", "3"], None);
    table.expect_code(0);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert!(lines[0].starts_with("KEY"), "{}", table.stdout);
    assert!(lines.len() <= 4);
    assert!(table.stderr.contains(" of "), "{}", table.stderr);
    let csv = herald(d, &["query", "--format", "csv", "--limit", "5"], None);
    csv.expect_code(0);
    let mut lines = csv.stdout.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("key,doc_id,"), "{header}");
    assert!(header.contains("num_articles"));
    assert!(lines.count() <= 5);
}

#[test]
fn bad_filters_name_the_flag() {
    let dir = ingested();
    for (args, flag) in [
        (&["--quad", "5"][..], "--quad"),
        (&["--near", "43.2,76.9"][..], "--near"),
        (&["--from", "2022-13-01"][..], "--from"),
        (&["--cameo", "17'--"][..], "--cameo"),
        (&["--limit", "5000"][..], "--limit"),
    ] {
        let mut a = vec!["query"];
        a.extend_from_slice(args);
        let run = herald(dir.path(), &a, None);
        run.expect_code(2);
        assert!(run.stderr.contains(flag), "{args:?}: {}", run.stderr);
    }
    let empty = tempdir();
    let run = herald(empty.path(), &["query"], None);
    run.expect_code(2);
    assert!(run.stderr.contains("no such database"), "{}", run.stderr);
    assert!(
        !empty.path().join("herald.db").exists(),
        "a read creates no database"
    );
}

/// Column names and types of GDELT's event table, when ../shared/data is there.
fn gdelt_types() -> Option<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/ontology/GDELT2_events_columns.tsv");
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("index\t"))
            .map(|l| l.split('\t').nth(2).unwrap_or("").to_string())
            .collect(),
    )
}

#[test]
fn export_formats() {
    let dir = ingested();
    let d = dir.path();
    let (total, all) = events(d, &[]);

    let gdelt = herald(d, &["export", "--format", "gdelt"], None);
    gdelt.expect_code(0);
    let rows: Vec<Vec<&str>> = gdelt
        .stdout
        .lines()
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(!rows.is_empty() && rows.len() as u64 <= total);
    let types = gdelt_types();
    if types.is_none() {
        eprintln!("skipping GDELT column types: ../shared/data not found");
    }
    let mut mentions = 0;
    for r in &rows {
        assert_eq!(r.len(), 61, "{r:?}");
        if let Some(types) = &types {
            for (ty, v) in types.iter().zip(r) {
                match (ty.as_str(), v.is_empty()) {
                    (_, true) => {}
                    ("integer", _) => assert!(v.parse::<i64>().is_ok(), "{v:?} in {r:?}"),
                    ("float", _) => assert!(v.parse::<f64>().is_ok(), "{v:?} in {r:?}"),
                    _ => {}
                }
            }
        }
        mentions += r[31].parse::<u64>().unwrap();
    }
    // Every non-negated report is counted once, by the consolidated event it belongs to.
    let copies = all.iter().filter(|e| e["duplicate"] == true).count() as u64;
    assert!(
        mentions <= total && mentions + copies >= total,
        "{mentions} vs {total}"
    );

    let jsonl = herald(d, &["export", "--format", "jsonl"], None);
    jsonl.expect_code(0);
    let lines = jsonl.json_lines();
    assert_eq!(lines, all, "export jsonl = query json, same order");

    // -o into a missing directory is a clear error.
    let missing = herald(d, &["export", "--format", "csv", "-o", "out/e.csv"], None);
    missing.expect_code(2);
    assert!(missing.stderr.contains("out/"), "{}", missing.stderr);
    std::fs::create_dir_all(d.join("out")).unwrap();
    herald(d, &["export", "--format", "csv", "-o", "out/e.csv"], None).expect_code(0);
    let text = std::fs::read_to_string(d.join("out/e.csv")).unwrap();
    assert_eq!(text.lines().count() as u64, total + 1);

    let no_o = herald(d, &["export", "--format", "parquet"], None);
    no_o.expect_code(2);
    assert!(no_o.stderr.contains("-o"), "{}", no_o.stderr);
    herald(
        d,
        &["export", "--format", "parquet", "-o", "e.parquet"],
        None,
    )
    .expect_code(0);
    let bytes = std::fs::read(d.join("e.parquet")).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    assert!(
        !std::fs::read_dir(d).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("herald-tmp")),
        "no temporary file left"
    );

    duckdb_reads(d, total, rows.len());
}

/// DuckDB (pip's `duckdb`) reads the Parquet and GDELT files. Skips when it is not installed,
/// except under CI.
fn duckdb_reads(dir: &Path, reports: u64, gdelt_rows: usize) {
    let has = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must provide DuckDB: pip install duckdb (see .ci/duckdb.sh)"
        );
        eprintln!("skipping DuckDB check: python3 -c 'import duckdb' failed (pip install duckdb)");
        return;
    }
    std::fs::write(
        dir.join("g.tsv"),
        herald(dir, &["export", "--format", "gdelt"], None).stdout,
    )
    .unwrap();
    let script = "import duckdb\n\
        p = duckdb.sql(\"SELECT count(*), count(DISTINCT key), min(date), sum(place_lat IS NOT NULL) FROM 'e.parquet'\").fetchall()[0]\n\
        t = duckdb.sql(\"SELECT typeof(date), typeof(place_lat), typeof(negated) FROM 'e.parquet' LIMIT 1\").fetchall()[0]\n\
        g = duckdb.sql(\"SELECT * FROM read_csv('g.tsv', delim='\\t', header=false, auto_detect=true)\")\n\
        print(p[0], p[1], len(g.columns), g.count('*').fetchall()[0][0], *t)\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .current_dir(dir)
        .output()
        .expect("run python3");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let f: Vec<&str> = stdout.split_whitespace().collect();
    assert_eq!(
        f,
        [
            reports.to_string().as_str(),
            reports.to_string().as_str(),
            "61",
            gdelt_rows.to_string().as_str(),
            "DATE",
            "DOUBLE",
            "BOOLEAN"
        ],
        "{stdout}"
    );
}
