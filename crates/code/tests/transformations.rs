//! Transformations (`@transformations`, PETRARCH's `~` lines): an event whose verb governs
//! another's becomes one event with it; and PETRARCH's combination of an intent with the deed
//! intended, on a small dictionary in herald's own format.

mod common;

use herald_code::Coder;
use std::sync::LazyLock;

const DICT: &str = "@actors
ARN\tArnor
GON\tGondor
ERI\tEriador
@verbs
010\tsay
110\tclaim
190\tattack
186\tassassinate
---\tattempt
030\twant
030\tpledge
174\texpel +
@transformations
a (a b 190) 110 = a b 015
a (b . 190) 110 = a b 112
a (a b Q) 010 = a b Q
a (_ b 190) want = a b 138
a (_ b assassinate) attempt = a b 185
";

static CODER: LazyLock<Coder> = LazyLock::new(|| common::dictionary_coder(DICT));

fn coded(text: &str) -> Vec<String> {
    common::coded_with(&CODER, text)
}

#[test]
fn a_claim_that_another_attacked_is_an_accusation() {
    assert_eq!(
        coded("Gondor claimed that Arnor had attacked Eriador."),
        ["GON ARN 112"]
    );
}

#[test]
fn a_claim_of_ones_own_attack_is_a_claim_of_responsibility() {
    // "they" is the speakers, who are both the claimants and the attackers.
    assert_eq!(
        coded("Gondor and Arnor claimed that they had attacked Eriador."),
        ["GON ERI 015", "ARN ERI 015"]
    );
}

#[test]
fn an_infinitive_with_no_subject_of_its_own_fills_the_absent_slot() {
    assert_eq!(coded("Gondor wants to attack Eriador."), ["GON ERI 138"]);
    // A verb with no code of its own still governs a rule.
    assert_eq!(
        coded("Gondor attempted to assassinate the king of Arnor."),
        ["GON ARN 185"]
    );
}

#[test]
fn no_rule_leaves_both_events_as_they_were() {
    // `a (a b Q) 010` needs the speaker to be the doer: here it is not; the statement stays
    // Gondor's event and the expulsion it reports is kept too.
    assert_eq!(
        coded("Gondor said that Arnor had expelled Eriador."),
        ["GON ARN 010", "ARN ERI 174"]
    );
}

#[test]
fn an_intent_combines_with_the_deed_intended() {
    // PETRARCH's convention (a dictionary without event nouns): the deed's code.
    assert_eq!(coded("Gondor has pledged to expel Arnor."), ["GON ARN 174"]);
}
