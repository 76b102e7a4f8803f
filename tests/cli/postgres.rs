//! `--db postgres://…`: the samples ingested into PostgreSQL and into SQLite query, export and
//! count the same. Needs a server in `HERALD_TEST_PG` (`.ci/postgres.sh` starts one); without
//! it the tests say they are skipped, and fail when `CI` is set.

use super::serve::Server as Serve;
use super::server::feed_server;
use super::util::{herald, tempdir};
use herald_store::testing::{TempDatabase, server};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

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

    // `herald serve` answers the same from both.
    let api = |db: &str| {
        let server = Serve::start(Path::new(db), &[], &[]);
        let stats = server.json("/api/stats");
        let events = server.json("/api/events?limit=5&offset=1&q=police");
        (stats, events)
    };
    assert_eq!(api(&sqlite), api(&pg.url), "the API differs");
}

#[test]
fn watch_keeps_feed_state_in_postgres() {
    let Some(admin) = server("watch_keeps_feed_state_in_postgres") else {
        return;
    };
    let pg = TempDatabase::create(&admin).expect("a test database");
    let items = Arc::new(Mutex::new(vec![1, 2, 3]));
    let feeds = feed_server(items.clone(), vec![3], Duration::ZERO);
    let feed = feeds.url("/feed.rss");
    let dir = tempdir();
    let watch = || {
        let run = herald(
            dir.path(),
            &["watch", "--once", "--delay", "0", "--db", &pg.url, &feed],
            None,
        );
        run.expect_code(0);
        run.stderr
    };
    let first = watch();
    assert!(first.contains("3 items, 3 new: 3 stored"), "{first}");
    let second = watch();
    assert!(second.contains("not modified"), "conditional GET: {second}");
    items.lock().unwrap().push(4);
    let third = watch();
    assert!(third.contains("1 new: 1 stored"), "{third}");
    let store = herald_store::Store::open(&pg.url).unwrap();
    assert_eq!(store.stats().unwrap().documents, 4);
    let state = store.feed(&feed).unwrap().expect("feed row");
    assert_eq!(state.last_status, Some(200));
    assert_eq!(store.feed_item_keys(&feed).unwrap().len(), 4);
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
