//! `herald watch` and `herald ingest URL` against HTTP servers on 127.0.0.1: conditional GET,
//! new items, article pages with the feed's text as fallback, and feeds that hang, reset or
//! send garbage without holding up the others.

use super::server::{Reply, Server, article_text, feed_server, rss};
use super::util::{herald, tempdir, write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn documents(dir: &std::path::Path, db: &str) -> u64 {
    let run = herald(dir, &["stats", "--db", db, "--json"], None);
    run.expect_code(0);
    let v: serde_json::Value = serde_json::from_str(run.stdout.trim()).expect("stats JSON");
    v["documents"].as_u64().unwrap()
}

#[test]
fn polls_conditionally_and_stores_each_item_once() {
    let items = Arc::new(Mutex::new(vec![1, 2, 3]));
    let server = feed_server(items.clone(), vec![3], Duration::ZERO);
    let feed = server.url("/feed.rss");
    let dir = tempdir();
    let d = dir.path();
    let watch = |extra: &[&str]| {
        let mut args = vec!["watch", "--once", "--delay", "0", "--db", "w.db"];
        args.extend_from_slice(extra);
        herald(d, &args, None)
    };

    let first = watch(&[&feed]);
    first.expect_code(0);
    assert!(
        first.stderr.contains(&format!(
            "{feed}: 3 items, 3 new: 3 stored, 0 already stored, 0 failed"
        )),
        "{}",
        first.stderr
    );
    assert_eq!(documents(d, "w.db"), 3);
    let store = herald_store::Store::open(d.join("w.db")).unwrap();
    assert_eq!(store.doc_ids().unwrap(), ["item-1", "item-2", "item-3"]);
    // Items 1 and 2 are their article pages' text (not the one-line descriptions, not the
    // page's navigation); item 3's page is a 404, so its description was stored.
    let hits = store
        .search("\"regional administration building\"", 10)
        .unwrap();
    assert_eq!(hits, ["item-1", "item-2"]);
    assert!(store.search("Copyright", 10).unwrap().is_empty());
    assert_eq!(
        store.search("\"rally number 3\"", 10).unwrap(),
        ["item-3"],
        "fallback to the feed's text"
    );
    let state = store.feed(&feed).unwrap().expect("feed row");
    assert_eq!(state.last_status, Some(200));
    assert!(state.etag.is_some() && state.last_modified.is_some());
    drop(store);

    let pages_before = server.requests().len();
    let second = watch(&[&feed]);
    second.expect_code(0);
    assert!(
        second.stderr.contains(&format!("{feed}: not modified")),
        "{}",
        second.stderr
    );
    assert_eq!(documents(d, "w.db"), 3);
    let reqs = server.requests();
    assert_eq!(reqs.len(), pages_before + 1, "only the feed was asked for");
    let last = reqs.last().unwrap();
    assert_eq!(last.path, "/feed.rss");
    assert!(last.header("if-none-match").is_some(), "{last:?}");
    assert!(last.header("if-modified-since").is_some(), "{last:?}");
    assert!(
        last.header("user-agent")
            .unwrap_or("")
            .starts_with("herald/"),
        "{last:?}"
    );

    // A new item appears: only it is fetched and stored. The feed comes from an OPML list.
    items.lock().unwrap().push(4);
    let opml = format!(
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>\
         <outline text=\"wire\" type=\"rss\" xmlUrl=\"{feed}\"/></body></opml>"
    );
    write(d, "feeds.opml", opml);
    let third = watch(&["feeds.opml"]);
    third.expect_code(0);
    assert!(
        third
            .stderr
            .contains(&format!("{feed}: 4 items, 1 new: 1 stored")),
        "{}",
        third.stderr
    );
    assert_eq!(documents(d, "w.db"), 4);
    let article_requests: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.path.starts_with("/a/"))
        .map(|r| r.path)
        .collect();
    let mut sorted = article_requests.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        article_requests.len(),
        "no page fetched twice: {article_requests:?}"
    );
    assert_eq!(sorted, ["/a/1.html", "/a/2.html", "/a/3.html", "/a/4.html"]);
}

#[test]
fn bad_feeds_are_reported_and_do_not_stall_the_good_one() {
    let good = feed_server(Arc::new(Mutex::new(vec![7, 8])), vec![], Duration::ZERO);
    let hang = Server::start(|_| Reply::Hang);
    let reset = Server::start(|_| Reply::Reset);
    let garbage = Server::start(|_| {
        Reply::ok(
            "application/rss+xml",
            b"\x89PNG\r\n\x1a\n\x00\x00 this is no feed <<<".to_vec(),
        )
    });
    let not_http = Server::start(|_| Reply::Raw(b"SSH-2.0-OpenSSH_9.6\r\n\x00\xff\xfe".to_vec()));
    let dir = tempdir();
    let d = dir.path();
    let urls = [
        hang.url("/feed"),
        reset.url("/feed"),
        garbage.url("/feed"),
        not_http.url("/feed"),
        good.url("/feed.rss"),
    ];
    let mut args = vec![
        "watch",
        "--once",
        "--delay",
        "0",
        "--timeout",
        "2",
        "--retries",
        "1",
        "--db",
        "w.db",
    ];
    args.extend(urls.iter().map(String::as_str));
    let start = Instant::now();
    let run = herald(d, &args, None);
    let took = start.elapsed();
    eprintln!("watch with a hung, a reset, a garbage and a non-HTTP feed took {took:?}");
    run.expect_code(1);
    assert!(took < Duration::from_secs(20), "took {took:?}");
    let line = |url: &str| {
        run.stderr
            .lines()
            .find(|l| l.starts_with(&format!("herald: {url}")))
            .unwrap_or_else(|| panic!("no line for {url} in\n{}", run.stderr))
            .to_string()
    };
    let cases = [
        (&urls[0], "timed out"),
        (&urls[1], "reset"),
        (&urls[2], "not a valid RSS/Atom feed"),
        (&urls[3], "not a valid HTTP answer"),
        (&urls[4], "2 items, 2 new: 2 stored"),
    ];
    for (url, want) in cases {
        let l = line(url);
        assert!(l.contains(want), "{url}: want {want:?} in {l:?}");
    }
    assert!(line(&urls[0]).contains("after 2 attempts"), "retried once");
    assert!(line(&urls[1]).contains("after 2 attempts"), "retried once");
    assert_eq!(documents(d, "w.db"), 2);
    let store = herald_store::Store::open(d.join("w.db")).unwrap();
    for url in &urls[..4] {
        let s = store.feed(url).unwrap().expect("feed row");
        assert_eq!(s.failures, 1, "{url}");
        assert!(s.last_error.is_some(), "{url}");
    }
    drop((hang, reset, garbage, not_http, good));
}

#[test]
fn ingest_reads_urls() {
    let server = Server::start(|req| match req.path.as_str() {
        "/story.html" => Reply::ok("text/html", super::server::article_page(5)),
        "/wire.rss" => Reply::ok("application/rss+xml", rss(&[11, 12])),
        "/plain" => Reply::ok("text/plain", article_text(6)),
        _ => Reply::status(404),
    });
    let dir = tempdir();
    let d = dir.path();
    let (story, wire, plain, gone) = (
        server.url("/story.html"),
        server.url("/wire.rss"),
        server.url("/plain"),
        server.url("/gone"),
    );
    let run = herald(
        d,
        &[
            "ingest", "--delay", "0", "--db", "i.db", &story, &wire, &plain, &gone,
        ],
        None,
    );
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("4 documents stored, 0 already there, 1 bad records"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("herald: {gone}: HTTP status 404")),
        "{}",
        run.stderr
    );
    let store = herald_store::Store::open(d.join("i.db")).unwrap();
    let ids = store.doc_ids().unwrap();
    assert_eq!(ids[1..3], ["item-11", "item-12"], "{ids:?}");
    assert_eq!(documents(d, "i.db"), 4);
}
