//! The pattern markers PETRARCH's dictionaries use besides `+` and `$`: `%` (a compound
//! actor), `^` (a noun phrase passed over) and `_` (no word between two items), on a small
//! dictionary in herald's own format.

mod common;

use herald_code::Coder;
use std::sync::LazyLock;

const DICT: &str = "@actors
ARN\tArnor
GON\tGondor
OSG\tOsgiliath
ERI\tEriador
@verbs
191\t% * postpone
040\t* postpone
044\t* celebrate iftar at ^ ^ +
045\t* celebrate iftar in ^ +
081\t* abandon
345\t* abandon new _ trade _ relations
";

static CODER: LazyLock<Coder> = LazyLock::new(|| common::dictionary_coder(DICT));

fn coded(text: &str) -> Vec<String> {
    common::coded_with(&CODER, text)
}

#[test]
fn a_compound_subject_codes_its_members_with_each_other() {
    assert_eq!(
        coded("Gondor and Osgiliath have postponed their meeting."),
        ["GON OSG 191", "OSG GON 191"]
    );
    // One actor is no compound: the plain pattern codes it.
    assert_eq!(
        coded("Gondor postponed its meeting with Arnor."),
        ["GON ARN 040"]
    );
}

#[test]
fn a_skipped_noun_phrase_is_not_the_target() {
    assert_eq!(
        coded("Arnor has celebrated iftar in Osgiliath with the leaders of Gondor."),
        ["ARN GON 045"]
    );
    assert_eq!(
        coded("Arnor celebrated iftar at Osgiliath with Gondor."),
        ["ARN GON 044"]
    );
}

#[test]
fn joined_items_take_no_word_between() {
    assert_eq!(
        coded("Arnor will abandon new trade relations with Gondor."),
        ["ARN GON 345"]
    );
    assert_eq!(
        coded("Arnor will abandon new global trade relations with Gondor."),
        ["ARN GON 081"]
    );
}
