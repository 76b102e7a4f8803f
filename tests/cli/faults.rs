//! Faults (issue 8): a watcher killed mid-poll, a full disk, a read-only database and a
//! damaged one. Each gives a clear error naming the file and the reason, and nothing already
//! stored is lost or stored twice.

use super::server::feed_server;
use super::util::{bin, herald, tempdir, write};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn stats(dir: &Path, db: &str) -> serde_json::Value {
    let run = herald(dir, &["stats", "--db", db, "--json"], None);
    run.expect_code(0);
    serde_json::from_str(run.stdout.trim()).expect("stats JSON")
}

fn corpus(range: std::ops::Range<usize>) -> String {
    range
        .map(|i| {
            format!(
                "{{\"id\":\"doc-{i}\",\"text\":\"Police detained {} protesters in district {i} on Monday. \
                 The ministry said {} officers were injured.\",\"date\":\"2022-01-10\"}}\n",
                i + 3,
                i % 40 + 2
            )
        })
        .collect()
}

/// Integrity as SQLite sees it, and the stored ids.
fn check_store(path: &Path) -> Vec<String> {
    let store = herald_store::Store::open(path).expect("store opens");
    assert_eq!(store.quick_check().unwrap(), None, "{}", path.display());
    store.doc_ids().unwrap()
}

#[test]
fn watch_survives_sigkill_and_resumes_exactly_once() {
    const N: usize = 40;
    let items = Arc::new(Mutex::new((1..=N).collect::<Vec<_>>()));
    let server = feed_server(items, vec![], Duration::from_millis(60));
    let feed = server.url("/feed.rss");
    let dir = tempdir();
    let d = dir.path();
    let args = |db: &'static str| ["watch", "--once", "--delay", "0", "--db", db];

    let mut reference = args("clean.db").to_vec();
    reference.push(&feed);
    herald(d, &reference, None).expect_code(0);
    let clean = stats(d, "clean.db");
    assert_eq!(clean["documents"], N as u64);
    let pages_clean = server.requests().len();

    let mut child = Command::new(bin())
        .args(args("killed.db"))
        .arg(&feed)
        .current_dir(d)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn watch");
    let start = Instant::now();
    let at_kill = loop {
        assert!(start.elapsed() < Duration::from_secs(120), "no progress");
        if let Some(status) = child.try_wait().unwrap() {
            panic!("watch finished ({status}) before it could be killed");
        }
        if d.join("killed.db").is_file() {
            let run = herald(d, &["stats", "--db", "killed.db", "--json"], None);
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(run.stdout.trim()) {
                let n = v["documents"].as_u64().unwrap_or(0);
                if n >= 5 {
                    break n;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    let stored = stats(d, "killed.db")["documents"].as_u64().unwrap();
    assert!(stored >= at_kill && stored < N as u64, "{stored}");

    let before_rerun = server.requests().len();
    let mut rerun = args("killed.db").to_vec();
    rerun.push(&feed);
    let run = herald(d, &rerun, None);
    run.expect_code(0);
    let refetched = server.requests().len() - before_rerun - 1;
    eprintln!(
        "watch killed after {stored} of {N} items; the rerun fetched {refetched} pages \
         for the {} missing",
        N as u64 - stored
    );
    assert!(
        run.stderr.contains(&format!(
            "{} stored, 0 already stored, 0 failed",
            N as u64 - stored
        )),
        "{}",
        run.stderr
    );
    assert_eq!(stats(d, "killed.db"), clean, "no item lost, none twice");
    let ids = check_store(&d.join("killed.db"));
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!((ids.len(), unique.len()), (N, N));
    let store = herald_store::Store::open(d.join("killed.db")).unwrap();
    assert_eq!(store.feed_item_keys(&feed).unwrap().len(), N);
    assert!(pages_clean > N, "the reference fetched every page");
}

#[test]
fn full_disk_is_a_clear_error_and_keeps_the_store() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "first.jsonl", corpus(0..50));
    write(d, "more.jsonl", corpus(50..1550));
    herald(d, &["ingest", "--db", "h.db", "first.jsonl"], None).expect_code(0);
    let size = std::fs::metadata(d.join("h.db")).unwrap().len();
    // RLIMIT_FSIZE makes every write past the limit fail with EFBIG, as a full disk makes
    // them fail with ENOSPC; SIGXFSZ is ignored so the write fails instead of killing.
    let blocks = size / 512 + 64;
    let script = format!("trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\"");
    let out = Command::new("sh")
        .args(["-c", &script])
        .arg(bin())
        .args(["ingest", "--threads", "1", "--db", "h.db", "more.jsonl"])
        .current_dir(d)
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("full disk: {}", stderr.trim());
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let reason = stderr.lines().last().unwrap_or("");
    assert!(reason.starts_with("herald: h.db: "), "{stderr}");
    assert!(reason.contains("disk full"), "{stderr}");

    let after = check_store(&d.join("h.db"));
    assert!(after.len() >= 50 && after.len() < 1550, "{}", after.len());
    assert_eq!(
        after[..50],
        (0..50).map(|i| format!("doc-{i}")).collect::<Vec<_>>()[..]
    );
    let run = herald(d, &["ingest", "--db", "h.db", "more.jsonl"], None);
    run.expect_code(0);
    let ids = check_store(&d.join("h.db"));
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!(
        (ids.len(), unique.len()),
        (1550, 1550),
        "no document lost, none twice"
    );
}

/// Runs herald as a user the file permissions apply to: as root (who writes anything) the
/// child runs as `nobody`.
fn run_unprivileged(dir: &Path, args: &[&str], as_nobody: bool) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(bin());
    cmd.args(args).current_dir(dir);
    if as_nobody {
        cmd.uid(65534).gid(65534);
    }
    cmd.output().expect("run herald")
}

#[test]
fn read_only_database_is_refused_and_left_intact() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let d = dir.path();
    write(d, "a.jsonl", corpus(0..20));
    write(d, "b.jsonl", corpus(20..30));
    herald(d, &["ingest", "--db", "ro.db", "a.jsonl"], None).expect_code(0);
    let before = std::fs::read(d.join("ro.db")).unwrap();
    let perms = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
    perms(&d.join("ro.db"), 0o444).unwrap();
    for f in ["a.jsonl", "b.jsonl"] {
        perms(&d.join(f), 0o644).unwrap();
    }
    // The directory stays writable for the owner only, as for a shared read-only database.
    perms(d, 0o755).unwrap();
    let privileged = std::fs::OpenOptions::new()
        .write(true)
        .open(d.join("ro.db"))
        .is_ok();
    if privileged {
        eprintln!("running as root: herald runs as uid 65534 (nobody) for this test");
    }
    let out = run_unprivileged(d, &["ingest", "--db", "ro.db", "b.jsonl"], privileged);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("read-only: {}", stderr.trim());
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("herald: ro.db: "), "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(
        std::fs::read(d.join("ro.db")).unwrap(),
        before,
        "file untouched"
    );
    perms(&d.join("ro.db"), 0o644).unwrap();
    assert_eq!(check_store(&d.join("ro.db")).len(), 20);
}

#[test]
fn damaged_database_is_detected() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "a.jsonl", corpus(0..300));
    write(d, "b.jsonl", corpus(300..310));
    // Not a database at all.
    write(
        d,
        "junk.db",
        (0..20_000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    );
    let junk = std::fs::read(d.join("junk.db")).unwrap();
    // A real store cut in half, and one with a page overwritten in the middle.
    herald(d, &["ingest", "--db", "good.db", "a.jsonl"], None).expect_code(0);
    let good = std::fs::read(d.join("good.db")).unwrap();
    assert!(good.len() > 64 * 1024, "{}", good.len());
    write(d, "cut.db", &good[..good.len() / 2]);
    let mut scribbled = good.clone();
    let mid = (good.len() / 4096 / 2) * 4096;
    for (i, b) in scribbled[mid..mid + 4096].iter_mut().enumerate() {
        *b = (i * 31 % 256) as u8;
    }
    write(d, "scribbled.db", &scribbled);
    for (db, reason) in [
        ("junk.db", "not a database"),
        ("cut.db", "damaged"),
        ("scribbled.db", "damaged"),
    ] {
        let before = std::fs::read(d.join(db)).unwrap();
        for args in [
            vec!["ingest", "--db", db, "b.jsonl"],
            vec!["watch", "--once", "--db", db, "http://127.0.0.1:9/feed"],
        ] {
            let run = herald(d, &args, None);
            eprintln!("{db}: {}", run.stderr.trim());
            assert_eq!(run.code, Some(2), "{db} {args:?}: {}", run.stderr);
            assert!(
                run.stderr.starts_with(&format!("herald: {db}: ")),
                "{}",
                run.stderr
            );
            assert!(
                run.stderr.contains(reason),
                "{db}: want {reason:?}: {}",
                run.stderr
            );
            assert_eq!(
                std::fs::read(d.join(db)).unwrap(),
                before,
                "{db} left as it was"
            );
        }
    }
    assert_eq!(std::fs::read(d.join("junk.db")).unwrap(), junk);
}
