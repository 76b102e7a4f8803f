//! `--db postgres://…`: the samples ingested into PostgreSQL and into SQLite query, export and
//! count the same. Needs a server in `HERALD_TEST_PG` (`.ci/postgres.sh` starts one); without
//! it the tests say they are skipped, and fail when `CI` is set.

use super::util::{herald, tempdir};
use herald_store::testing::{TempDatabase, server};
use std::path::Path;

fn samples() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .to_string_lossy()
        .into_owned()
}

/// The GDELT export with `DATEADDED` (column 60: when the document was stored, a wall-clock
/// time) blanked, so that two ingests compare.
fn without_date_added(tsv: &str) -> Vec<String> {
    tsv.lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), 61, "61 GDELT columns: {l}");
            cells[59] = "";
            cells.join("\t")
        })
        .collect()
}

#[test]
fn postgres_and_sqlite_give_the_same_output() {
    let Some(admin) = server("postgres_and_sqlite_give_the_same_output") else {
        return;
    };
    let pg = TempDatabase::create(&admin).expect("a test database");
    let dir = tempdir();
    let d = dir.path();
    let sqlite = d.join("herald.db").to_string_lossy().into_owned();
    let samples = samples();
    for db in [sqlite.as_str(), pg.url.as_str()] {
        let first = herald(d, &["ingest", "--db", db, &samples], None);
        first.expect_code(0);
        // Idempotent: a second run stores nothing.
        let again = herald(d, &["ingest", "--db", db, &samples], None);
        again.expect_code(0);
        assert!(
            again.stderr.contains(" 0 documents stored"),
            "{db}: {}",
            again.stderr
        );
    }
    let out = |db: &str, args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--db", db]);
        let run = herald(d, &all, None);
        run.expect_code(0);
        run.stdout
    };
    let compare = |args: &[&str]| {
        let (a, b) = (out(&sqlite, args), out(&pg.url, args));
        assert!(!a.trim().is_empty(), "{args:?} gives something");
        assert_eq!(
            a, b,
            "{args:?}: SQLite (left) and PostgreSQL (right) differ"
        );
    };
    compare(&["stats", "--json"]);
    compare(&["query", "--format", "json", "--limit", "1000"]);
    compare(&["query", "--format", "json", "--text", "protesters police"]);
    compare(&[
        "query", "--format", "json", "--actor", "kaz", "--root", "14",
    ]);
    compare(&["query", "--format", "json", "--near", "43.25,76.92,300"]);
    compare(&["query", "--format", "json", "--limit", "3", "--offset", "2"]);
    compare(&["export", "--format", "jsonl"]);
    compare(&["export", "--format", "csv"]);
    let gdelt = |db: &str| without_date_added(&out(db, &["export", "--format", "gdelt"]));
    assert_eq!(gdelt(&sqlite), gdelt(&pg.url), "GDELT export differs");
}

#[test]
fn unreachable_server_is_named_and_password_hidden() {
    let dir = tempdir();
    // Port 1 on loopback: nothing listens there.
    let url = "postgres://herald:s3cret-pw@127.0.0.1:1/herald";
    for args in [
        vec!["stats", "--db", url],
        vec!["query", "--db", url],
        vec!["ingest", "--db", url, "-"],
    ] {
        let run = herald(dir.path(), &args, Some(b"Protesters gathered in Almaty."));
        assert_ne!(run.code, Some(0), "{args:?}");
        assert!(
            run.stderr.contains("127.0.0.1:1") && run.stderr.contains("cannot connect"),
            "{args:?}: the error names the server: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("s3cret") && !run.stdout.contains("s3cret"),
            "{args:?}: the password is never printed: {}",
            run.stderr
        );
    }
}
