//! `herald code`: formats, order, ids, dates, stdin, directories.

use super::util::{assert_lines, fixture, herald, reported, tempdir, write};

const JSONL: &str = r#"{"id":"b-2","text":"Police detained 40 protesters in Almaty on Sunday.","date":"Jan 9, 2022"}
{"id":"a-1","text":"Russian troops arrived in Kazakhstan on Thursday, the defence ministry said.","title":"Troops arrive"}
{"id":7,"text":"Protesters set fire to the mayor's office in Almaty.","date":"2022-01-05T22:10:00+06:00","feed":"wire"}
"#;

#[test]
fn jsonl_ids_order_and_dates() {
    let dir = tempdir();
    write(dir.path(), "in.jsonl", JSONL);
    let run = herald(
        dir.path(),
        &["code", "--date", "10 Jan 2022", "in.jsonl"],
        None,
    );
    run.expect_code(0);
    assert_lines(&run.ids(), &["b-2", "a-1", "7"]);
    let docs = run.json_lines();
    let published: Vec<&str> = docs
        .iter()
        .map(|d| d["doc"]["published"].as_str().unwrap_or("none"))
        .collect();
    // The record's own date wins; --date fills only the record without one.
    assert_eq!(published, ["2022-01-09", "2022-01-10", "2022-01-05"]);
    assert_eq!(docs[1]["doc"]["title"], "Troops arrive");
    for d in &docs {
        for key in ["events", "quotes", "figures", "places", "times", "mentions"] {
            assert!(d[key].is_array(), "{key} missing in {d}");
        }
    }
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let dir = tempdir();
    let mut lines = String::new();
    for i in 0..150 {
        lines.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"Police detained {} protesters in district {i} on Monday. The ministry said {} officers were hurt.\"}}\n",
            i + 2,
            i % 7 + 1
        ));
    }
    write(dir.path(), "many.jsonl", &lines);
    let one = herald(dir.path(), &["code", "--threads", "1", "many.jsonl"], None);
    let two = herald(dir.path(), &["code", "--threads", "2", "many.jsonl"], None);
    one.expect_code(0);
    two.expect_code(0);
    let want: Vec<String> = (0..150).map(|i| format!("d{i}")).collect();
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_lines(&one.ids(), &want);
    assert!(
        one.stdout == two.stdout,
        "output differs between --threads 1 and 2"
    );
}

#[test]
fn stdin_jsonl_and_text() {
    let dir = tempdir();
    let run = herald(dir.path(), &["code", "-"], Some(JSONL.as_bytes()));
    run.expect_code(0);
    assert_lines(&run.ids(), &["b-2", "a-1", "7"]);

    let text = "Troops were deployed to the airport on Friday.\n";
    let run = herald(
        dir.path(),
        &["code", "--date", "2022-01-07", "-"],
        Some(text.as_bytes()),
    );
    run.expect_code(0);
    let docs = run.json_lines();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc"]["published"], "2022-01-07");
    assert_eq!(
        docs[0]["doc"]["id"],
        herald_core::Document::content_id(text)
    );
}

#[test]
fn directories_sorted_hidden_skipped_formats_detected() {
    let dir = tempdir();
    let d = dir.path();
    write(
        d,
        "in/b.txt",
        "Second file: protesters gathered outside parliament.",
    );
    write(
        d,
        "in/a/z.jsonl",
        "{\"id\":\"nested\",\"text\":\"Nested first: the army withdrew.\"}\n",
    );
    write(d, "in/.hidden.txt", "Hidden: never read.");
    write(d, "in/.git/c.txt", "Hidden dir: never read.");
    write(d, "in/c.xml", std::fs::read(fixture("feed.atom")).unwrap());
    write(
        d,
        "in/d.data",
        "{\"id\":\"sniffed\",\"text\":\"A JSON line without the extension.\"}\n",
    );
    write(d, "in/e", std::fs::read(fixture("article.html")).unwrap());
    let run = herald(d, &["code", "in"], None);
    run.expect_code(0);
    let ids = run.ids();
    let want_b =
        herald_core::Document::content_id("Second file: protesters gathered outside parliament.");
    assert_eq!(ids.len(), 6, "{ids:?}");
    assert_eq!(ids[0], "nested");
    assert_eq!(ids[1], want_b);
    assert_eq!(ids[2], "tag:ridgeline.example,2023:entry-1");
    assert_eq!(ids[3], "tag:ridgeline.example,2023:entry-2");
    assert_eq!(ids[4], "sniffed");
    let page = &run.json_lines()[5];
    assert_eq!(
        page["doc"]["title"],
        "Dock workers strike in Rotterdam over pay"
    );
    assert_eq!(page["doc"]["published"], "2023-03-14");
    assert!(!run.stdout.contains("never read"));
}

#[test]
fn feeds_and_pages() {
    let dir = tempdir();
    let rss = fixture("feed.rss");
    let html = fixture("article.html");
    let run = herald(
        dir.path(),
        &["code", rss.to_str().unwrap(), html.to_str().unwrap()],
        None,
    );
    run.expect_code(1); // the RSS fixture's third item has no text
    assert_eq!(run.ids().len(), 3);
    let bad = reported(&run);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(
        bad[0].contains("feed.rss (id urn:lakeside:2023:0414): feed item has no text"),
        "{}",
        bad[0]
    );
    let docs = run.json_lines();
    assert_eq!(docs[0]["doc"]["source"], "Lakeside Courier");
    assert_eq!(docs[0]["doc"]["published"], "2023-04-12");
}

#[test]
fn tsv_and_table() {
    let dir = tempdir();
    write(dir.path(), "in.jsonl", JSONL);
    let tsv = herald(dir.path(), &["code", "--format", "tsv", "in.jsonl"], None);
    tsv.expect_code(0);
    let json = herald(dir.path(), &["code", "in.jsonl"], None);
    let events: usize = json
        .json_lines()
        .iter()
        .map(|d| d["events"].as_array().unwrap().len())
        .sum();
    let mut lines = tsv.stdout.lines();
    assert_eq!(
        lines.next(),
        Some(
            "doc_id\tdate\tsource\tsource_text\ttarget\ttarget_text\tcameo\tquad_class\tgoldstein\tevidence"
        )
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), events, "one row per event");
    for row in &rows {
        assert_eq!(row.len(), 10, "{row:?}");
        assert!(["b-2", "a-1", "7"].contains(&row[0]), "{row:?}");
        assert!(!row[6].is_empty(), "cameo code: {row:?}");
        assert!(JSONL.contains(row[9]), "evidence is input text: {row:?}");
    }
    let table = herald(dir.path(), &["code", "--format", "table", "in.jsonl"], None);
    table.expect_code(0);
    let mut lines = table.stdout.lines();
    let header = lines.next().unwrap();
    for col in [
        "DOC",
        "DATE",
        "SOURCE",
        "TARGET",
        "CAMEO",
        "QUAD",
        "GOLDSTEIN",
        "EVIDENCE",
    ] {
        assert!(header.contains(col), "{header}");
    }
    assert_eq!(lines.count(), events);
}

#[test]
fn bad_date_flag_is_a_usage_error() {
    let dir = tempdir();
    write(dir.path(), "a.txt", "Text.");
    let run = herald(dir.path(), &["code", "--date", "01/02/2022", "a.txt"], None);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("unrecognised date"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

/// `--gazetteer` geocodes with the user's GeoNames dump instead of the embedded cities.
#[test]
fn gazetteer_flag_uses_a_geonames_dump() {
    let dir = tempdir();
    // One made-up town in the 19-column GeoNames format.
    let row = [
        "9990001",
        "Zorbaville",
        "Zorbaville",
        "",
        "12.5",
        "-45.25",
        "P",
        "PPL",
        "KZ",
        "",
        "02",
        "",
        "",
        "",
        "250000",
        "",
        "100",
        "Asia/Almaty",
        "2024-01-01",
    ]
    .join("\t");
    write(dir.path(), "places.txt", format!("{row}\n"));
    write(
        dir.path(),
        "in.txt",
        "Thousands of protesters gathered in Zorbaville on Tuesday.\n",
    );
    let text = &["code", "--date", "2022-01-10", "in.txt"];
    let with = herald(
        dir.path(),
        &[
            "code",
            "--gazetteer",
            "places.txt",
            "--date",
            "2022-01-10",
            "in.txt",
        ],
        None,
    );
    with.expect_code(0);
    let places = with.json_lines()[0]["places"].clone();
    let zorba = places
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Zorbaville")
        .unwrap_or_else(|| panic!("Zorbaville not placed: {places}"));
    assert_eq!(zorba["lat"], 12.5);
    assert_eq!(zorba["lon"], -45.25);
    let without = herald(dir.path(), text, None);
    without.expect_code(0);
    assert!(!without.stdout.contains("Zorbaville\",\"lat\""));
    let missing = herald(
        dir.path(),
        &["code", "--gazetteer", "nope.txt", "in.txt"],
        None,
    );
    missing.expect_code(2);
    assert!(missing.stderr.contains("nope.txt"), "{}", missing.stderr);
}
