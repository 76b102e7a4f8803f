//! Bad input: each bad record is reported with file, line, id and reason; the rest are coded;
//! exit status 1; never a panic.

use super::util::{assert_lines, herald, reported, tempdir, write};

#[test]
fn malformed_json_lines_among_good_ones() {
    let dir = tempdir();
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"g1\",\"text\":\"Troops left the city on Monday.\"}\n");
    input.extend_from_slice(b"{\"id\":\"broken\",\"text\":\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\":\"latin1\",\"text\":\"Le pr\xe9fet a parl\xe9.\"}\n");
    input.extend_from_slice(b"{\"id\":\"g2\",\"text\":\"Police arrested two men.\"}\r\n");
    input.extend_from_slice(b"{\"id\":\"empty\",\"text\":\"   \"}\n");
    input.extend_from_slice(b"[\"not\", \"an object\"]\n");
    input.extend_from_slice(
        b"{\"id\":\"baddate\",\"text\":\"Talks resumed.\",\"date\":\"the other day\"}\n",
    );
    input.extend_from_slice(b"{\"id\":\"g3\",\"text\":\"The ceasefire held overnight.\"}");
    write(dir.path(), "mixed.jsonl", &input);
    let run = herald(dir.path(), &["code", "mixed.jsonl"], None);
    run.expect_code(1);
    assert_lines(&run.ids(), &["g1", "g2", "g3"]);
    let got = reported(&run);
    let want = [
        "mixed.jsonl:2: invalid JSON: EOF while parsing a value at line 1 column 22",
        "mixed.jsonl:4: not UTF-8 (invalid byte at column 29)",
        "mixed.jsonl:6 (id empty): empty text",
        "mixed.jsonl:7: not a JSON object",
        "mixed.jsonl:8 (id baddate): unrecognised date \"the other day\"",
    ];
    assert_lines(&got, &want);
}

#[test]
fn binary_empty_missing_and_legacy_text_files() {
    let dir = tempdir();
    let d = dir.path();
    write(
        d,
        "in/1-good.txt",
        "Protesters gathered in the main square on Tuesday.",
    );
    write(
        d,
        "in/2-binary.txt",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00garbage\x00\x01",
    );
    write(d, "in/3-binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    write(d, "in/4-empty.txt", "  \n\n\t ");
    write(d, "in/5-nothing.txt", "");
    // Windows-1252 bytes of "Le préfet a interdit la manifestation prévue à Besançon."
    let latin1 = b"Le pr\xe9fet a interdit la manifestation pr\xe9vue \xe0 Besan\xe7on.";
    write(d, "in/6-latin1.txt", latin1);
    write(
        d,
        "in/7-binary.jsonl",
        b"\x00\x00\x00\x01{\"text\":\"x\"}\n",
    );
    write(
        d,
        "in/8-bad.html",
        b"<html><body><nav>Home | World</nav></body></html>",
    );
    write(
        d,
        "in/9-bad.rss",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item>",
    );
    let run = herald(d, &["code", "in", "missing.txt"], None);
    run.expect_code(1);
    let docs = run.json_lines();
    assert_eq!(docs.len(), 2, "good and latin-1 files are coded");
    let got = reported(&run);
    let expect = [
        ("2-binary.txt", "binary"),
        ("3-binary.bin", "binary"),
        ("4-empty.txt", "empty text"),
        ("5-nothing.txt", "empty text"),
        ("7-binary.jsonl", "binary"),
        ("8-bad.html", "no article text"),
        ("9-bad.rss", "not a valid RSS/Atom feed"),
        ("missing.txt", "No such file"),
    ];
    assert_eq!(got.len(), expect.len(), "{got:#?}");
    for (line, (file, reason)) in got.iter().zip(expect) {
        assert!(
            line.contains(file) && line.contains(reason),
            "{line:?} should name {file} and {reason:?}"
        );
    }
    let latin = std::process::Command::new(super::util::bin())
        .args(["code", "in/6-latin1.txt"])
        .current_dir(d)
        .output()
        .unwrap();
    let line = String::from_utf8(latin.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    let want = herald_core::Document::content_id(
        "Le préfet a interdit la manifestation prévue à Besançon.",
    );
    assert_eq!(v["doc"]["id"], want, "decoded as Windows-1252");
}

#[test]
fn two_megabyte_single_line() {
    let dir = tempdir();
    let sentence = "The weather was mild and the market stayed quiet all day. ";
    let text: String = sentence.repeat(2_000_000 / sentence.len() + 1);
    let text = text.trim_end();
    assert!(text.len() > 2_000_000);
    let mut input = serde_json::json!({"id": "huge", "text": text}).to_string();
    input.push('\n');
    input.push_str("{\"id\":\"after\",\"text\":\"Police closed the road.\"}\n");
    write(dir.path(), "big.jsonl", &input);
    let run = herald(dir.path(), &["code", "big.jsonl"], None);
    run.expect_code(0);
    assert_lines(&run.ids(), &["huge", "after"]);
}

#[test]
fn dict_check_reads_a_petrarch_file_as_its_name_or_contents_say() {
    let dir = tempdir();
    let d = dir.path();
    // A PETRARCH actors file: one entry without a code.
    write(d, "my.actors.txt", "ARNOR [ARN]\nGONDOR\n");
    let run = herald(d, &["dict", "check", "my.actors.txt"], None);
    run.expect_code(1);
    assert!(
        run.stderr.contains("read as PETRARCH actors"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("my.actors.txt:2:"), "{}", run.stdout);
    // Verb blocks in a file whose name says nothing; a code that is no CAMEO code.
    write(
        d,
        "lexicon.txt",
        "--- RESTORE [064] ---\nRESTORE\n- * TIES [999]\n",
    );
    let run = herald(d, &["dict", "check", "lexicon.txt"], None);
    run.expect_code(1);
    assert!(
        run.stderr.contains("read as PETRARCH verbs"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("\"999\" is not a CAMEO event code"),
        "{}",
        run.stdout
    );
    // A .hd file is herald's own format.
    write(d, "agents.hd", "@agents\nGOV\tgovernment\n");
    let run = herald(d, &["dict", "check", "agents.hd"], None);
    run.expect_code(0);
    assert!(!run.stderr.contains("read as"), "{}", run.stderr);
}
