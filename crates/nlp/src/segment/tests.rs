//! Table tests of the segmenter: sentence splits and tokens on hand-written news sentences,
//! plus property tests of the span invariants.

use super::*;
use proptest::prelude::*;

/// The sentences of `text` as strings, after checking every span invariant.
fn sentences(text: &str) -> Vec<&str> {
    let sents = segment(text);
    check_invariants(text, &sents);
    sents.iter().map(|s| s.span.slice(text)).collect()
}

/// The tokens of `text` as strings.
fn tokens(text: &str) -> Vec<&str> {
    let sents = segment(text);
    check_invariants(text, &sents);
    sents
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| t.span.slice(text)))
        .collect()
}

/// Spans in bounds, on char boundaries, ordered, non-overlapping, without whitespace, covered
/// by their sentence, and covering every non-whitespace char exactly once.
fn check_invariants(text: &str, sents: &[Sentence]) {
    let mut covered = vec![false; text.len()];
    let mut prev_end = 0;
    for s in sents {
        assert!(s.span.get(text).is_some(), "sentence span {:?}", s.span);
        assert!(!s.tokens.is_empty(), "empty sentence {:?}", s.span);
        assert_eq!(s.span.start, s.tokens[0].span.start);
        assert_eq!(s.span.end, s.tokens.last().unwrap().span.end);
        for t in &s.tokens {
            let w = t
                .span
                .get(text)
                .unwrap_or_else(|| panic!("bad span {:?}", t.span));
            assert!(!w.is_empty(), "empty token at {:?}", t.span);
            assert!(
                t.span.start >= prev_end,
                "overlap or disorder at {:?}",
                t.span
            );
            assert!(!w.chars().any(char::is_whitespace), "whitespace in {w:?}");
            prev_end = t.span.end;
            covered[t.span.start..t.span.end].fill(true);
        }
    }
    for (i, c) in text.char_indices() {
        assert!(
            c.is_whitespace() || covered[i],
            "char {c:?} at {i} not in a token"
        );
    }
}

/// `assert_segments!(text, ["sentence 1", "sentence 2"])`.
macro_rules! assert_segments {
    ($text:expr, [$($s:expr),* $(,)?]) => {
        let want: Vec<&str> = vec![$($s),*];
        assert_eq!(sentences($text), want, "text: {:?}", $text);
    };
}

/// `assert_tokens!(text, ["do", "n't"])`.
macro_rules! assert_tokens {
    ($text:expr, [$($s:expr),* $(,)?]) => {
        let want: Vec<&str> = vec![$($s),*];
        assert_eq!(tokens($text), want, "text: {:?}", $text);
    };
}

#[test]
fn abbreviations_do_not_end_sentences() {
    assert_segments!(
        "Gen. Ivanov met Sen. Cruz on Jan. 5 in St. Louis.",
        ["Gen. Ivanov met Sen. Cruz on Jan. 5 in St. Louis."]
    );
    assert_segments!(
        "Mr. Tokayev and Dr. Lee spoke. Lt. Col. Abay was there.",
        ["Mr. Tokayev and Dr. Lee spoke.", "Lt. Col. Abay was there."]
    );
    assert_segments!(
        "The U.S. Army said No. 3 fell.",
        ["The U.S. Army said No. 3 fell."]
    );
    assert_segments!(
        "Shares of Acme Inc. rose. Acme Corp. fell.",
        ["Shares of Acme Inc. rose.", "Acme Corp. fell."]
    );
    assert_segments!(
        "It was sold to Acme Inc. The deal closed.",
        ["It was sold to Acme Inc.", "The deal closed."]
    );
    assert_segments!(
        "They arrived in the U.S. He left soon after.",
        ["They arrived in the U.S.", "He left soon after."]
    );
    assert_segments!(
        "He said no. Then he left.",
        ["He said no.", "Then he left."]
    );
}

#[test]
fn informal_and_reference_text() {
    // A period or question mark before a lower-case word still ends the sentence...
    assert_segments!(
        "the police said so. an estimated 700 died.",
        ["the police said so.", "an estimated 700 died."]
    );
    assert_segments!(
        "did they leave? nobody knows.",
        ["did they leave?", "nobody knows."]
    );
    // ...but not an abbreviation before a number, nor a question inside quotes.
    assert_segments!(
        "He paid Rs. 10 lakh and P.S. Rao agreed.",
        ["He paid Rs. 10 lakh and P.S. Rao agreed."]
    );
    // Footnote marks stay with their sentence; punctuation alone is no sentence.
    assert_segments!(
        "He studied at Harrow. [6] He left.",
        ["He studied at Harrow. [6]", "He left."]
    );
    assert_segments!(
        "Done!\n\n...Now comes the fun part.",
        ["Done!", "...Now comes the fun part."]
    );
    assert_segments!(
        "It was (e.g. The Times) wrong.",
        ["It was (e.g. The Times) wrong."]
    );
}

#[test]
fn times_of_day() {
    assert_segments!(
        "The curfew starts at 3 p.m. Tuesday in Almaty.",
        ["The curfew starts at 3 p.m. Tuesday in Almaty."]
    );
    assert_segments!(
        "The vote ends at 3 p.m. The count starts later.",
        ["The vote ends at 3 p.m.", "The count starts later."]
    );
    assert_segments!(
        "Talks began at 10:30 a.m. and ended at 4 p.m. on Friday.",
        ["Talks began at 10:30 a.m. and ended at 4 p.m. on Friday."]
    );
}

#[test]
fn initials() {
    assert_segments!(
        "J. R. R. Tolkien wrote it. George W. Bush read it.",
        ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]
    );
    assert_tokens!("George W. Bush", ["George", "W.", "Bush"]);
    assert_segments!(
        "They chose Plan B. The plan failed.",
        ["They chose Plan B.", "The plan failed."]
    );
}

#[test]
fn quotes() {
    assert_segments!(
        "\"We will not leave,\" he said. Troops stayed.",
        ["\"We will not leave,\" he said.", "Troops stayed."]
    );
    assert_segments!("\"It is over.\" He left.", ["\"It is over.\"", "He left."]);
    assert_segments!("“It is over.” He left.", ["“It is over.”", "He left."]);
    assert_segments!(
        "\"Is it over?\" he asked. Nobody replied.",
        ["\"Is it over?\" he asked.", "Nobody replied."]
    );
    assert_segments!(
        "He said: \"They told me 'leave now.'\" We left.",
        ["He said: \"They told me 'leave now.'\"", "We left."]
    );
    assert_tokens!(
        "\"Yes,\" he said.",
        ["\"", "Yes", ",", "\"", "he", "said", "."]
    );
    assert_tokens!("“Go.”", ["“", "Go", ".", "”"]);
    assert_tokens!(
        "the ‘radical’ groups",
        ["the", "‘", "radical", "’", "groups"]
    );
}

#[test]
fn clitics_follow_ud() {
    assert_tokens!("I don't know", ["I", "do", "n't", "know"]);
    assert_tokens!("It's Kazakhstan's", ["It", "'s", "Kazakhstan", "'s"]);
    assert_tokens!("can't won't I'm", ["ca", "n't", "wo", "n't", "I", "'m"]);
    assert_tokens!(
        "we'll they've you're he'd",
        ["we", "'ll", "they", "'ve", "you", "'re", "he", "'d"]
    );
    assert_tokens!("gonna cannot", ["gon", "na", "can", "not"]);
    assert_tokens!("it’s didn’t", ["it", "’s", "did", "n’t"]);
    assert_tokens!("the workers' union", ["the", "workers", "'", "union"]);
    assert_tokens!("o'clock O'Brien", ["o'clock", "O'Brien"]);
}

#[test]
fn numbers_and_symbols() {
    assert_tokens!("8,000 3.5 1990s 10:30", ["8,000", "3.5", "1990s", "10:30"]);
    assert_tokens!(
        "$1.2bn $5 5% 20kg",
        ["$", "1.2", "bn", "$", "5", "5", "%", "20", "kg"]
    );
    assert_tokens!("(8,000),", ["(", "8,000", ")", ","]);
    assert_tokens!("3rd 11:30am", ["3rd", "11:30", "am"]);
    assert_segments!(
        "Prices rose 3.5 percent. Output fell.",
        ["Prices rose 3.5 percent.", "Output fell."]
    );
}

#[test]
fn hyphens_and_dashes() {
    assert_tokens!(
        "anti-government 30-year e-mail",
        ["anti-government", "30", "-", "year", "e-mail"]
    );
    assert_tokens!(
        "well-known al-Qaeda",
        ["well", "-", "known", "al", "-", "Qaeda"]
    );
    assert_tokens!(
        "a non-binding, co-sponsored bill",
        ["a", "non-binding", ",", "co-sponsored", "bill"]
    );
    assert_tokens!("call 713-853-3989 now", ["call", "713-853-3989", "now"]);
    assert_tokens!(
        "troops—some 2,500—arrived",
        ["troops", "—", "some", "2,500", "—", "arrived"]
    );
    assert_tokens!(
        "the city -- once calm -- burned",
        ["the", "city", "--", "once", "calm", "--", "burned"]
    );
    assert_tokens!("U.S.-led", ["U.S.", "-", "led"]);
}

#[test]
fn urls_and_emails() {
    assert_tokens!(
        "See https://example.com/a-b?x=1.",
        ["See", "https://example.com/a-b?x=1", "."]
    );
    assert_tokens!("(www.gov.kz)", ["(", "www.gov.kz", ")"]);
    assert_tokens!(
        "Write to press@example.org, please",
        ["Write", "to", "press@example.org", ",", "please"]
    );
}

#[test]
fn ellipses() {
    assert_tokens!("Wait... what…", ["Wait", "...", "what", "…"]);
    assert_segments!(
        "They waited... Then the shooting began.",
        ["They waited...", "Then the shooting began."]
    );
    assert_segments!(
        "the \"... terrorists ...\" he said",
        ["the \"... terrorists ...\" he said"]
    );
}

#[test]
fn datelines() {
    assert_segments!(
        "ALMATY, Jan 10 (Reuters) - Kazakhstan said 164 people died. Calm returned.",
        [
            "ALMATY, Jan 10 (Reuters) - Kazakhstan said 164 people died.",
            "Calm returned."
        ]
    );
    assert_segments!(
        "WASHINGTON, Aug. 8 (Xinhua) --\n\nPresident Clinton vowed to act.",
        ["WASHINGTON, Aug. 8 (Xinhua) --\n\nPresident Clinton vowed to act."]
    );
}

#[test]
fn paragraphs_headlines_and_lists() {
    assert_segments!(
        "Protests spread\nThousands marched in Almaty.",
        ["Protests spread", "Thousands marched in Almaty."]
    );
    assert_segments!(
        "No final mark here\n\nnext paragraph starts low",
        ["No final mark here", "next paragraph starts low"]
    );
    assert_segments!(
        "Demands include:\n- lower fuel prices\n- new elections\n• amnesty",
        [
            "Demands include:",
            "- lower fuel prices",
            "- new elections",
            "• amnesty"
        ]
    );
    assert_segments!(
        "Steps:\n1. Leave\n2. Return",
        ["Steps:", "1. Leave", "2. Return"]
    );
}

#[test]
fn hard_wrapped_text_joins_lines() {
    assert_segments!(
        "Indonesia will build a palm oil\nterminal at a new port, the minister\nsaid. The terminal will open\nin May.",
        [
            "Indonesia will build a palm oil\nterminal at a new port, the minister\nsaid.",
            "The terminal will open\nin May."
        ]
    );
}

#[test]
fn punctuation_is_split_off_words() {
    assert_tokens!("(Reuters) -", ["(", "Reuters", ")", "-"]);
    assert_tokens!(
        "said: yes; no!? and/or",
        ["said", ":", "yes", ";", "no", "!?", "and", "/", "or"]
    );
    assert_tokens!("Really?!", ["Really", "?!"]);
}

#[test]
fn long_chunks_take_linear_time() {
    // Quadratic work per chunk would not finish here.
    for unit in [
        "a-",
        "1-",
        "b/",
        "x.",
        "'s",
        "?!",
        "(",
        "8,000",
        "https://x.y/",
    ] {
        let text = unit.repeat(40_000);
        let n = tokens(&text).len();
        assert!(n >= 1, "{unit}");
    }
}

#[test]
fn empty_and_blank_inputs() {
    assert_segments!("", []);
    assert_segments!(" \n\t\u{a0}\n ", []);
    assert_segments!("word", ["word"]);
}

proptest! {
    #[test]
    fn invariants_hold_on_arbitrary_text(text in "\\PC*") {
        let sents = segment(&text);
        check_invariants(&text, &sents);
    }

    #[test]
    fn invariants_hold_on_newsy_text(
        parts in proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(vec![
                    "Mr.", "U.S.", "don't", "\"", "'", "’", "...", "p.m.", "-", "--", "$5",
                    "8,000", "e-mail", "http://x.y/z.", "(a)", "\n", "\n\n", " ", "é",
                    "\u{2029}", "1.", "’s", "n't",
                ])
                .prop_map(String::from),
                "[A-Za-z]{1,6}",
                "[.!?,;:]{1,3}",
                "\\PC{1,3}",
            ],
            0..40,
        )
    ) {
        let text: String = parts.concat();
        let sents = segment(&text);
        check_invariants(&text, &sents);
    }
}
