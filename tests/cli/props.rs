//! Properties of `herald code` over generated news-like documents: a document coded alone or
//! in a batch gives the same output line, whatever `--threads`, and coding is deterministic.
//! Each case runs the binary several times, so the case count is small.

use super::util::{herald, tempdir, write};
use proptest::prelude::*;

/// News-like text from words that make the coder fire (actors, verbs, numbers, dates, quotes,
/// non-ASCII names) with arbitrary separators.
fn newsy() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Police",
        "detained",
        "protesters",
        "in",
        "Almaty",
        "on",
        "Tuesday",
        "said",
        "Tokayev",
        "Тоқаев",
        "killed",
        "164",
        "8,000",
        "troops",
        "Russia",
        "sent",
        "to",
        "Kazakhstan",
        "last",
        "Friday",
        "the",
        "ministry",
        "accused",
        "Washington",
        "criticised",
        "he",
        "“We will not negotiate”",
        "did",
        "not",
        "attack",
        "Genève",
        "—",
        "U.S.",
        "January",
        "7",
        "injured",
        "arrested",
        "CSTO",
        "requested",
        "help",
    ]);
    let sep = prop::sample::select(vec![" ", " ", " ", ", ", ". ", "\n\n", ": "]);
    prop::collection::vec((word, sep), 1..40)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

/// A JSON Lines record for document `i`.
fn record(i: usize, text: &str) -> String {
    let v = serde_json::json!({"id": format!("p{i}"), "text": text, "date": "2022-01-10"});
    format!("{v}\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    #[test]
    fn alone_or_in_a_batch_any_threads_same_output(docs in prop::collection::vec(newsy(), 2..6)) {
        let dir = tempdir();
        let batch: String = docs.iter().enumerate().map(|(i, t)| record(i, t)).collect();
        write(dir.path(), "batch.jsonl", &batch);
        let one = herald(dir.path(), &["code", "--threads", "1", "batch.jsonl"], None);
        one.expect_code(0);
        let two = herald(dir.path(), &["code", "--threads", "2", "batch.jsonl"], None);
        two.expect_code(0);
        prop_assert!(one.stdout == two.stdout, "--threads 1 and 2 differ");
        let again = herald(dir.path(), &["code", "--threads", "2", "batch.jsonl"], None);
        prop_assert!(again.stdout == two.stdout, "two runs of the same batch differ");
        let batch_lines: Vec<&str> = one.stdout.lines().collect();
        prop_assert_eq!(batch_lines.len(), docs.len());
        // Each document alone, through standard input.
        for (i, text) in docs.iter().enumerate() {
            let alone = herald(dir.path(), &["code", "-"], Some(record(i, text).as_bytes()));
            alone.expect_code(0);
            prop_assert_eq!(
                alone.stdout.trim_end(),
                batch_lines[i],
                "document {} coded alone differs from the batch", i
            );
        }
    }
}
