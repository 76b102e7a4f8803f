//! `herald serve`: the real binary on 127.0.0.1 over a store ingested from samples/, spoken to
//! over raw TCP (so odd request lines reach the server as sent), and the dashboard driven in
//! headless Chromium (tests/browser, installed by .ci/browser.sh).

use super::util::{bin, herald, tempdir};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `herald serve`, killed when dropped (also when a test fails).
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
}

impl Server {
    /// Starts `herald serve --db DB --addr 127.0.0.1:0 EXTRA…` and reads the bound address
    /// from its stderr.
    pub fn start(db: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(bin())
            .args(["serve", "--db"])
            .arg(db)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .env_remove("HERALD_TOKEN")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn herald serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let mut seen = String::new();
        let addr = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    seen.push_str(&line);
                    seen.push('\n');
                    if let Some(rest) = line.split(" on http://").nth(1) {
                        break rest.trim_end_matches('/').parse().expect("bound address");
                    }
                }
                _ => {
                    let _ = child.kill();
                    panic!("herald serve did not start:\n{seen}");
                }
            }
        };
        // Keep draining stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines.by_ref() {});
        Server { child, addr }
    }

    /// `GET path` with extra header lines; `(status, body)`.
    pub fn get(&self, path: &str, headers: &[&str]) -> (u16, String) {
        let mut req = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for h in headers {
            req.push_str(h);
            req.push_str("\r\n");
        }
        req.push_str("\r\n");
        self.raw(req.as_bytes())
    }

    /// Sends raw bytes; `(status, body)` of the answer (status 0 when the server closed
    /// without one).
    pub fn raw(&self, request: &[u8]) -> (u16, String) {
        let mut s = TcpStream::connect(self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let _ = s.write_all(request);
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out).into_owned();
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// `GET path` as JSON, asserting 200.
    pub fn json(&self, path: &str) -> serde_json::Value {
        let (status, body) = self.get(path, &[]);
        assert_eq!(status, 200, "GET {path}: {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The repository's samples/ directory.
pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// The seed report in ../shared, when present.
fn seed() -> Option<PathBuf> {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/kazakhstan-unrest-2022-01.txt");
    p.is_file().then_some(p)
}

/// A temp dir with `herald.db` ingested from samples/ (and the seed report when present).
pub fn ingested() -> (tempfile::TempDir, PathBuf) {
    let dir = tempdir();
    let db = dir.path().join("herald.db");
    let dbs = db.to_str().unwrap();
    let samples = samples();
    herald(
        dir.path(),
        &[
            "ingest",
            "--db",
            dbs,
            "--threads",
            "2",
            samples.to_str().unwrap(),
        ],
        None,
    )
    .expect_code(0);
    match seed() {
        Some(seed) => {
            herald(
                dir.path(),
                &[
                    "ingest",
                    "--db",
                    dbs,
                    "--date",
                    "2022-01-10",
                    seed.to_str().unwrap(),
                ],
                None,
            )
            .expect_code(0);
        }
        None => eprintln!("skipping the seed report: ../shared/seed not found"),
    }
    (dir, db)
}

#[test]
fn serves_the_api_and_the_page() {
    let (_dir, db) = ingested();
    let srv = Server::start(&db, &[], &[]);
    let stats = srv.json("/api/stats");
    assert!(stats["documents"].as_u64().unwrap() >= 5, "{stats}");
    let all = srv.json("/api/events?limit=1000");
    let total = all["total"].as_u64().unwrap();
    assert!(total > 0, "{all}");
    assert_eq!(
        all["events"].as_array().unwrap().len() as u64,
        total.min(1000)
    );
    // Paging walks the same list.
    let p2 = srv.json("/api/events?limit=2&offset=1");
    assert_eq!(p2["events"][0]["key"], all["events"][1]["key"]);
    // The timeline counts the dated events of the listing.
    let tl = srv.json("/api/timeline");
    let dated = all["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !e["date"].is_null() || !e["published"].is_null())
        .count() as u64;
    assert_eq!(tl["total"].as_u64(), Some(dated), "{tl}");
    // A document and its highlights.
    let doc_id = all["events"][0]["doc_id"].as_str().unwrap();
    let enc: String = url_encode(doc_id);
    let doc = srv.json(&format!("/api/documents/{enc}"));
    assert_eq!(doc["meta"]["id"], doc_id);
    assert!(!doc["highlights"].as_array().unwrap().is_empty(), "{doc}");
    let (s, page) = srv.get("/", &[]);
    assert_eq!(s, 200);
    assert!(page.contains("<script src=\"/app.js\""), "{page}");
    let openapi = srv.json("/api/openapi.json");
    assert_eq!(openapi["openapi"], "3.1.0");
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn refuses_what_it_should() {
    let (_dir, db) = ingested();
    let srv = Server::start(&db, &[], &[]);
    let before = srv.json("/api/stats");
    // Path traversal, as sent on the wire (no client normalises these).
    for path in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/%252e%252e%252fetc%252fpasswd",
        "/..\\..\\etc\\passwd",
        "/app.js/../../../../etc/passwd",
        "/./././etc/passwd",
        "//etc/passwd",
        "/api/documents/../../../etc/passwd",
        "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/herald.db",
        "/Cargo.toml",
    ] {
        let (s, body) = srv.get(path, &[]);
        assert!([400, 404].contains(&s), "{path}: {s} {body}");
        assert!(!body.contains("root:x:0"), "{path} leaked /etc/passwd");
        assert!(
            !body.contains("SQLite format"),
            "{path} leaked the database"
        );
    }
    // Odd and oversized requests: refused cleanly, and the server keeps serving.
    let cases: Vec<(Vec<u8>, &[u16])> = vec![
        (b"POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello".to_vec(), &[405, 413]),
        (b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\nxx".to_vec(), &[413]),
        (b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n".to_vec(), &[200, 413]),
        (format!("GET /api/events?q={} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", "a".repeat(20_000)).into_bytes(), &[400, 414, 431]),
        (format!("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {}\r\nConnection: close\r\n\r\n", "b".repeat(200_000)).into_bytes(), &[0, 400, 431]),
        (b"GET /api/stats HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n".to_vec(), &[421]),
        (b"GET /api/stats HTTP/1.1\r\nConnection: close\r\n\r\n".to_vec(), &[400, 421]),
        (b"BREW /pot HTCPCP/1.0\r\n\r\n".to_vec(), &[0, 400, 405]),
        (b"\x00\x01\x02garbage\r\n\r\n".to_vec(), &[0, 400]),
        (b"GET /api/events?quad=%FF%FE HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".to_vec(), &[400]),
    ];
    for (req, want) in cases {
        let (s, body) = srv.raw(&req);
        let shown = String::from_utf8_lossy(&req[..req.len().min(60)]).into_owned();
        assert!(
            want.contains(&s),
            "{shown:?}: got {s}, want one of {want:?}: {body}"
        );
        if s >= 400 && !body.is_empty() {
            let v: serde_json::Value =
                serde_json::from_str(&body).unwrap_or_else(|_| serde_json::json!({"error": body}));
            assert!(v["error"].is_string(), "{shown:?}: {body}");
        }
    }
    // SQL through every filter, on the wire.
    for param in [
        "from", "to", "country", "actor", "cameo", "root", "quad", "plover", "near", "q", "doc",
    ] {
        for attack in [
            "'%20OR%20'1'%3D'1",
            "1%27%3B%20DROP%20TABLE%20events%3B--",
            "%22%20OR%201%3D1%20--",
        ] {
            let (s, body) = srv.get(&format!("/api/events?{param}={attack}"), &[]);
            assert!(s == 200 || s == 400, "{param}={attack}: {s} {body}");
            if s == 200 {
                let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                assert_eq!(v["total"], 0, "{param}={attack} matched: {body}");
            }
        }
    }
    assert_eq!(srv.json("/api/stats"), before, "the store changed");
}

#[test]
fn token_guards_the_api() {
    let (_dir, db) = ingested();
    let srv = Server::start(&db, &[], &[("HERALD_TOKEN", "t0k-en")]);
    assert_eq!(srv.get("/api/stats", &[]).0, 401);
    assert_eq!(
        srv.get("/api/stats", &["Authorization: Bearer wrong"]).0,
        401
    );
    assert_eq!(
        srv.get("/api/events", &["Authorization: Bearer t0k-e"]).0,
        401
    );
    let (s, body) = srv.get("/api/stats", &["Authorization: Bearer t0k-en"]);
    assert_eq!(s, 200, "{body}");
    assert_eq!(
        srv.get("/", &[]).0,
        200,
        "the page is public: it asks for the token"
    );
    drop(srv);
    let srv = Server::start(&db, &["--token", "flag-token"], &[]);
    assert_eq!(
        srv.get("/api/stats", &["Authorization: Bearer flag-token"])
            .0,
        200
    );
    assert_eq!(srv.get("/api/stats", &[]).0, 401);
}

#[test]
fn refuses_to_start_without_a_store() {
    let dir = tempdir();
    let run = herald(
        dir.path(),
        &["serve", "--db", "missing.db", "--addr", "127.0.0.1:0"],
        None,
    );
    run.expect_code(2);
    assert!(
        run.stderr.contains("missing.db: no such database"),
        "{}",
        run.stderr
    );
}

/// Whether the browser test can run here; panics under CI when it cannot.
fn browser_ready() -> Option<PathBuf> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/dashboard.mjs");
    let modules =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/playwright-core");
    let chromium = Path::new("/usr/bin/chromium");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let missing: Vec<&str> = [
        (!chromium.exists()).then_some("/usr/bin/chromium"),
        (!node).then_some("node"),
        (!modules.is_dir()).then_some("tests/browser/node_modules (npm ci)"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return Some(script);
    }
    let msg = format!(
        "browser test: missing {} (run .ci/browser.sh)",
        missing.join(", ")
    );
    if std::env::var_os("CI").is_some() {
        panic!("{msg}");
    }
    eprintln!("skipping: {msg}");
    None
}

#[test]
fn dashboard_in_chromium() {
    let Some(script) = browser_ready() else {
        return;
    };
    let (_dir, db) = ingested();
    let srv = Server::start(&db, &[], &[]);
    let out = Command::new("node")
        .arg(&script)
        .arg(format!("http://{}/", srv.addr))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}");
    assert!(
        out.status.success(),
        "browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}
