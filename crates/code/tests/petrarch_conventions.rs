//! Where PETRARCH's dictionaries and validation records code differently from herald's own
//! lexicon, a dictionary without event nouns (a PETRARCH one) gets PETRARCH's conventions:
//! these tests pin them down on a small dictionary in herald's format, and check that
//! herald's defaults keep theirs.

mod common;

use herald_code::Coder;
use std::sync::LazyLock;

const DICT: &str = "@actors
ARN\tArnor
GON\tGondor
ITHTV\tIthilen … television
ITH\tIthilen
ERI\tEriador
MOR\tMordor
@agents
REL\tcleric ; clerics
OPP\texiled leader ; exiled leaders
MUS\tmuslim
@verbs
042\tvisit +
036\tmeet +
0332\toffer support to +
046\thold talks with +
190\tattack
193\tfire at +
1041\tforce on +
111\tcriticize
095\tappeal for peace in +
174\texpel +
";

static PETRARCH: LazyLock<Coder> = LazyLock::new(|| common::dictionary_coder(DICT));
static DEFAULTS: LazyLock<Coder> = LazyLock::new(Coder::new);

fn coded(text: &str) -> Vec<String> {
    common::coded_with(&PETRARCH, text)
}

#[test]
fn a_gapped_name_takes_in_modifiers_but_not_verbs() {
    assert_eq!(
        coded("Arnor appealed for peace in Ithilen state-run television."),
        ["ARN ITHTV 095"]
    );
    assert_eq!(
        coded("Arnor appealed for peace in Ithilen television."),
        ["ARN ITHTV 095"]
    );
    assert_eq!(
        coded("Arnor appealed for peace in Ithilen, television said."),
        ["ARN ITH 095"]
    );
}

#[test]
fn a_gerund_on_a_preposition_is_no_event() {
    assert_eq!(
        coded("Before visiting Eriador, Arnor attacked Gondor."),
        ["ARN GON 190"]
    );
    assert_eq!(
        coded("Arnor attacked Gondor after meeting Mordor."),
        ["ARN GON 190"]
    );
}

#[test]
fn a_participle_clause_after_a_comma_is_no_event() {
    assert_eq!(
        coded("Arnor held talks with Gondor on Wednesday, offering support to Eriador."),
        ["ARN GON 046"]
    );
}

#[test]
fn a_participle_on_a_noun_is_no_event() {
    let got = coded("Gondor attacked the treaty forced on Eriador by Arnor.");
    assert!(!got.iter().any(|e| e.ends_with(" 1041")), "{got:?}");
}

#[test]
fn a_participle_with_an_object_is_the_main_verb_the_parse_missed() {
    // The parse hangs "criticized" on "clerics" as a participle; with an object and no
    // other verb in the sentence it is the sentence's verb.
    assert_eq!(
        coded("Local clerics in Arnor criticized Gondor."),
        ["ARNREL GON 111"]
    );
}

#[test]
fn agents_of_one_phrase_stack_in_order() {
    // PETRARCH's validation records code "exiled leaders of Egypt's Muslim Brotherhood"
    // EGYOPPMUS: every agent of the phrase, in the order written.
    assert_eq!(
        coded("Arnor expelled exiled leaders of Gondor's Muslim brotherhood."),
        ["ARN GONOPPMUS 174"]
    );
}

#[test]
fn herald_s_own_lexicon_codes_the_gerund() {
    let got = common::coded_with(
        &DEFAULTS,
        "After meeting Vladimir Putin in Moscow, Xi Jinping said China wants peace.",
    );
    assert!(
        got.iter().any(|e| e.contains(" 036") || e.contains(" 04")),
        "{got:?}"
    );
}

#[test]
fn an_attack_with_no_agent_comes_from_where_it_was_launched() {
    let got = common::coded_with(
        &DEFAULTS,
        "Two rockets were fired from Gaza at southern Israel on Tuesday.",
    );
    assert!(got.iter().any(|e| e.starts_with("PSE ISR 19")), "{got:?}");
    assert_eq!(
        coded("A shell was fired at Gondor from Mordor."),
        ["MOR GON 193"]
    );
}
