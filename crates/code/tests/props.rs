//! Properties of the coder as a library: coding is deterministic, a document codes the same
//! whatever was coded before it (no state leaks between documents, so alone or in a batch is
//! the same), and every span of the output slices the text on char boundaries, with or
//! without a publication date.

use herald_code::Coder;
use herald_core::{CodedDoc, Document};
use proptest::prelude::*;
use std::sync::LazyLock;

static CODER: LazyLock<Coder> = LazyLock::new(Coder::new);

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
        "he",
        "killed",
        "164",
        "almost",
        "8,000",
        "troops",
        "Russia",
        "sent",
        "to",
        "Kazakhstan",
        "last",
        "Friday",
        "two days ago",
        "the",
        "ministry",
        "“",
        "”",
        "did not",
        "attack",
        "Zürich",
        "—",
        "’s",
        "January 7",
        "2022",
        "🙂",
        "injured",
        "arrested",
        "CSTO",
        "requested",
        "accused",
        "Washington",
    ]);
    let sep = prop::sample::select(vec![" ", " ", ", ", ". ", "\n\n", "\t", " (", ") ", ": "]);
    prop::collection::vec((word, sep), 0..50)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn doc(text: &str, dated: bool) -> Document {
    let mut d = Document::from_text(text);
    if dated {
        d.published = chrono::NaiveDate::from_ymd_opt(2022, 1, 10);
    }
    d
}

fn json(c: &CodedDoc) -> String {
    serde_json::to_string(c).expect("coded documents serialise")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn coding_is_deterministic_and_stateless(a in newsy(), b in newsy(), dated in any::<bool>()) {
        let first = json(&CODER.code(&doc(&a, dated)));
        prop_assert_eq!(&json(&CODER.code(&doc(&a, dated))), &first, "same coder, twice");
        // Another document in between, as in a batch.
        let _ = CODER.code(&doc(&b, dated));
        prop_assert_eq!(&json(&CODER.code(&doc(&a, dated))), &first, "after another document");
    }

    #[test]
    fn spans_slice_text_with_a_publication_date(text in newsy(), dated in any::<bool>()) {
        let problems = CODER.code(&doc(&text, dated)).span_problems(&text);
        prop_assert!(problems.is_empty(), "{:#?}", problems);
    }

    #[test]
    fn spans_slice_arbitrary_text(text in "\\PC{0,300}") {
        let problems = CODER.code(&doc(&text, true)).span_problems(&text);
        prop_assert!(problems.is_empty(), "{:#?}", problems);
    }
}

/// A fresh coder gives what the shared one gives: nothing depends on a coder's history.
#[test]
fn a_fresh_coder_agrees() {
    let text = "Police detained 40 protesters in Almaty on Tuesday, the ministry said. \
                Russia sent troops to Kazakhstan last Friday.";
    assert_eq!(
        json(&Coder::new().code(&doc(text, true))),
        json(&CODER.code(&doc(text, true)))
    );
}
