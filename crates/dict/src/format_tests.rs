//! Tests of herald's dictionary format (kept beside `format.rs` to keep that file short).

use super::*;
use proptest::prelude::*;

fn d(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn w(s: &str) -> PatternItem {
    PatternItem::Word(s.split('|').map(str::to_string).collect())
}

#[test]
fn parses_every_section() {
    let text = "# header comment\n\
        @actors\n\
        KAZGOV\tKassym-Jomart Tokayev ; Tokayev\tperson\t2019-03-20..\tPresident # note\n\
        KAZ\tKazakhstan ; Kazakh\tcountry\n\
        \n\
        @agents\n\
        COP\tpolice ; policeman ; policemen\n\
        @verbs\n\
        173\ttake + into custody\tidiom\n\
        0874\ttroop|soldier * withdraw from +\n\
        ---\tsay &MEDIA\n\
        @synsets\n\
        MEDIA\tnewspaper ; radio\n\
        @discards\n\
        +\tbasketball\n\
        -\tfootball\n\
        @issues\n\
        ELECTION\tpolling station\n";
    let dict = parse(text, "t.hd").unwrap();
    assert_eq!(dict.actors.len(), 2);
    let a = &dict.actors[0];
    assert_eq!(a.code, "KAZGOV");
    assert_eq!(a.names, ["Kassym-Jomart Tokayev", "Tokayev"]);
    assert_eq!(a.kind, "person");
    assert_eq!((a.from, a.until), (d("2019-03-20"), None));
    assert_eq!(a.note, "President");
    assert_eq!(a.line, 3);
    assert_eq!(dict.actors[1].note, "");
    assert_eq!(dict.agents[0].line, 7);
    assert_eq!(
        dict.verbs[0].pattern,
        [w("take"), PatternItem::Target, w("into"), w("custody")]
    );
    assert_eq!(dict.verbs[0].note, "idiom");
    assert_eq!(
        dict.verbs[1].pattern,
        [
            w("troop|soldier"),
            PatternItem::Verb,
            w("withdraw"),
            w("from"),
            PatternItem::Target
        ]
    );
    assert_eq!(dict.verbs[2].code, "");
    assert_eq!(
        dict.verbs[2].pattern[1],
        PatternItem::Synset("MEDIA".into())
    );
    assert_eq!(
        dict.synsets,
        [(
            "MEDIA".to_string(),
            vec!["newspaper".into(), "radio".into()]
        )]
    );
    assert_eq!(dict.discards[0].code, "+");
    assert_eq!(dict.discards[1].code, "");
    assert_eq!(dict.issues[0].phrase, "polling station");
    assert!(check(text, "t.hd").is_empty(), "{:?}", check(text, "t.hd"));
}

#[test]
fn hash_starts_a_comment_only_after_space() {
    let dict = parse(
        "@actors\nXXX\tC# ; F#\tgroup\t-\tlanguages #a comment\n",
        "t",
    )
    .unwrap();
    assert_eq!(dict.actors[0].names, ["C#", "F#"]);
    assert_eq!(dict.actors[0].note, "languages");
    let dict = parse("@verbs\n061\tcarry_out|conduct joint_exercise +\n", "t").unwrap();
    assert_eq!(
        dict.verbs[0].pattern,
        [
            PatternItem::Word(vec!["carry out".into(), "conduct".into()]),
            PatternItem::Word(vec!["joint exercise".into()]),
            PatternItem::Target
        ]
    );
}

#[test]
fn verb_position_finds_the_verb() {
    let p = |s: &str| verb_position(&read_pattern(s).unwrap());
    assert_eq!(p("arrest +"), Some(0));
    assert_eq!(p("+ arrest"), Some(1));
    assert_eq!(p("troop * withdraw"), Some(2));
    assert_eq!(p("&MIL troop * fire on +"), Some(3));
}

macro_rules! bad {
    ($($name:ident: $text:expr => $line:expr, $needle:expr;)*) => {$(
        #[test]
        fn $name() {
            let err = parse($text, "f.hd").unwrap_err().to_string();
            assert!(err.starts_with(&format!("f.hd:{}:", $line)), "{err}");
            assert!(err.contains($needle), "{err}");
            let problems = check($text, "f.hd");
            assert!(problems.iter().any(|p| p.line == $line && p.severity == Severity::Error));
        }
    )*};
}

bad! {
    unknown_section: "@actors\nUSA\tUnited States\n@people\n" => 3, "unknown section";
    before_section: "\nUSA\tUnited States\n" => 2, "before any section";
    empty_names: "@actors\nUSA\t ; \n" => 2, "no names";
    missing_names: "@agents\nCOP\n" => 2, "no names";
    bad_kind: "@actors\nUSA\tUnited States\tnation\n" => 2, "unknown kind";
    bad_date: "@actors\nUSA\tObama\tperson\t2009-13-01..\n" => 2, "bad date";
    bad_range: "@actors\nUSA\tObama\tperson\t2009\n" => 2, "bad date range";
    space_in_code: "@actors\nUSA GOV\tObama\n" => 2, "holds a space";
    no_verb: "@verbs\n173\t+ $\n" => 2, "without a verb";
    star_last: "@verbs\n173\ttroop *\n" => 2, "not followed";
    two_stars: "@verbs\n173\t* arrest *  +\n" => 2, "more than one";
    bad_synset: "@verbs\n173\tarrest &\n" => 2, "bad synset";
    too_many: "@agents\nCOP\tpolice\textra\n" => 2, "columns";
    issue_one_column: "@issues\nELECTION\n" => 2, "expected CODE";
    noun_bad_code: "@nouns\n999\tprotest\n" => 2, "not a CAMEO event code";
    noun_two_words: "@nouns\n141\tsit in\n" => 2, "one word";
    noun_bad_doer: "@nouns\n141\tprotest\tprotesters\n" => 2, "not an agent code";
}

#[test]
fn reads_event_nouns() {
    let dict = parse(
        "@nouns\n141\tprotest ; protests\tOPP\tstreet protests\n173\tdetention\t-\n",
        "n.hd",
    )
    .unwrap();
    assert_eq!(dict.nouns.len(), 2);
    assert_eq!(dict.nouns[0].nouns, ["protest", "protests"]);
    assert_eq!(dict.nouns[0].doer, "OPP");
    assert_eq!(dict.nouns[1].doer, "");
    assert_eq!(dict.nouns[1].line, 3);
    let c = crate::compile::CompiledDict::new(&dict);
    assert_eq!(c.nouns["protests"].code, "141");
}

#[test]
fn check_reports_warnings_with_lines() {
    let text = "@actors\n\
        USAGOV\tObama\tperson\t2017-01-20..2009-01-20\n\
        usa\tUnited States\n\
        @verbs\n\
        999\tarrest +\n\
        173\tarrest &NOPE\n\
        173\tarrest &NOPE\tsame again\n";
    let problems = check(text, "f.hd");
    let found: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.reason.split(' ').next().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            (2, "date"),
            (3, "actor"),
            (5, "\"999\""),
            (6, "synset"),
            (7, "synset"),
            (7, "duplicate")
        ]
    );
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
    assert!(parse(text, "f.hd").is_ok(), "warnings do not stop parsing");
    assert!(problems[0].to_string().starts_with("f.hd:2: warning: "));
}

#[test]
fn check_flags_a_word_repeated_in_a_pattern() {
    // The mark of multi-word alternatives joined with spaces; the first line below has the
    // same fault without a repeat and is not caught.
    let text = "@verbs\n\
        0256\tcall for ceasefire|cessation of hostility|calm\n\
        122\treject aid|help|offer of offer of help\n\
        094\tinvestigate war_crime|crime_against_humanity\n\
        0256\tcall for ceasefire|cessation_of_hostility|calm\n";
    let lines: Vec<(usize, String)> = check(text, "v.hd")
        .into_iter()
        .map(|p| (p.line, p.reason))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0].0, 3);
    assert!(
        lines[0].1.starts_with("\"offer\" appears twice"),
        "{lines:?}"
    );
}

#[test]
fn check_collects_all_errors() {
    let text = "@verbs\n173\t+\n@nope\n@agents\nCOP\n";
    let lines: Vec<usize> = check(text, "x").iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 3, 5]);
}

#[test]
fn writer_refuses_what_it_cannot_write() {
    let mut dict = Dictionary::default();
    dict.actors.push(ActorEntry {
        code: "USA".into(),
        names: vec!["A ; B".into()],
        ..Default::default()
    });
    assert!(write(&dict).is_err());
    dict.actors[0].names = vec!["C #1".into()];
    assert!(write(&dict).is_err());
    dict.actors[0].names = vec!["C#".into()];
    assert_eq!(write(&dict).unwrap(), "@actors\nUSA\tC#\n");
    let mut verbs = Dictionary::default();
    verbs.verbs.push(VerbEntry {
        code: "173".into(),
        pattern: vec![PatternItem::Word(vec!["a_b".into()])],
        ..Default::default()
    });
    assert!(
        write(&verbs).is_err(),
        "an underscore in a lemma would read back as a space"
    );
}

fn arb_text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 .'#-]{0,12}[A-Za-z0-9]"
        .prop_filter("` #` starts a comment", |s| !s.contains(" #"))
}

fn arb_names() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(arb_text(), 1..4)
}

fn arb_code() -> impl Strategy<Value = String> {
    "([A-Z]{3}){1,3}"
}

fn arb_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((1900i32..2100, 1u32..13, 1u32..29))
        .prop_map(|o| o.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

fn arb_actor() -> impl Strategy<Value = ActorEntry> {
    let kind = prop::sample::select(vec![
        "",
        "country",
        "person",
        "group",
        "capital",
        "organization",
    ]);
    let note = prop::option::of(arb_text()).prop_map(Option::unwrap_or_default);
    (arb_code(), arb_names(), kind, arb_date(), arb_date(), note).prop_map(
        |(code, names, kind, from, until, note)| ActorEntry {
            code,
            names,
            kind: kind.to_string(),
            from,
            until,
            note,
            line: 0,
        },
    )
}

fn arb_item() -> impl Strategy<Value = PatternItem> {
    prop_oneof![
        prop::collection::vec("[a-z]{1,8}( [a-z]{1,8})?", 1..3).prop_map(PatternItem::Word),
        Just(PatternItem::Target),
        Just(PatternItem::Source),
        "[A-Z]{2,6}".prop_map(PatternItem::Synset),
    ]
}

fn arb_verb() -> impl Strategy<Value = VerbEntry> {
    let code = prop::sample::select(vec!["", "173", "0874", "20", "1823"]);
    (
        code,
        prop::collection::vec(arb_item(), 0..3),
        prop::collection::vec("[a-z]{1,8}( [a-z]{1,8})?", 1..3),
        prop::collection::vec(arb_item(), 0..3),
        any::<bool>(),
    )
        .prop_map(|(code, before, verb, after, star)| {
            let mut pattern = before;
            if star || !pattern.is_empty() {
                pattern.push(PatternItem::Verb);
            }
            pattern.push(PatternItem::Word(verb));
            pattern.extend(after);
            VerbEntry {
                code: code.to_string(),
                pattern,
                note: String::new(),
                line: 0,
            }
        })
}

fn arb_phrase() -> impl Strategy<Value = PhraseEntry> {
    (prop::sample::select(vec!["", "+", "ELECTION"]), arb_text()).prop_map(|(code, phrase)| {
        PhraseEntry {
            code: code.to_string(),
            phrase,
            line: 0,
        }
    })
}

fn arb_dictionary() -> impl Strategy<Value = Dictionary> {
    (
        prop::collection::vec(arb_actor(), 0..6),
        prop::collection::vec(
            (arb_code(), arb_names()).prop_map(|(code, names)| AgentEntry {
                code,
                names,
                line: 0,
            }),
            0..4,
        ),
        prop::collection::vec(arb_verb(), 0..6),
        prop::collection::vec(
            (
                prop::sample::select(vec!["141", "173", "190", "0874"]),
                prop::collection::vec("[a-z]{2,8}", 1..3),
                prop::sample::select(vec!["", "OPP", "GOVMIL"]),
                "[a-z]{0,6}",
            )
                .prop_map(|(code, nouns, doer, note)| NounEntry {
                    code: code.to_string(),
                    nouns,
                    doer: doer.to_string(),
                    note,
                    line: 0,
                }),
            0..3,
        ),
        prop::collection::vec(("[A-Z]{2,6}", arb_names()), 0..3),
        prop::collection::vec(arb_phrase(), 0..3),
        prop::collection::vec(
            arb_phrase().prop_filter("issues have a code", |p| !p.code.is_empty()),
            0..3,
        ),
        prop::collection::vec(
            (
                prop::sample::select(vec![
                    "a (b . attack) say = a b 112",
                    "a (a b Q) 010 = a b Q",
                    "x (_ y assassinate) attempt = x y 185",
                    "a (. b 19) claim = a b 015",
                ]),
                "[a-z]{0,6}",
            )
                .prop_map(|(rule, note)| TransformEntry {
                    rule: rule.parse().unwrap(),
                    note,
                    line: 0,
                }),
            0..3,
        ),
    )
        .prop_map(
            |(actors, agents, verbs, nouns, synsets, discards, issues, transforms)| Dictionary {
                actors,
                agents,
                verbs,
                nouns,
                synsets,
                discards,
                issues,
                transforms,
            },
        )
}

fn without_lines(mut dict: Dictionary) -> Dictionary {
    dict.actors.iter_mut().for_each(|a| a.line = 0);
    dict.agents.iter_mut().for_each(|a| a.line = 0);
    dict.verbs.iter_mut().for_each(|v| v.line = 0);
    dict.nouns.iter_mut().for_each(|n| n.line = 0);
    dict.discards.iter_mut().for_each(|p| p.line = 0);
    dict.issues.iter_mut().for_each(|p| p.line = 0);
    dict.transforms.iter_mut().for_each(|t| t.line = 0);
    dict
}

proptest! {
    #[test]
    fn write_then_parse_round_trips(dict in arb_dictionary()) {
        let text = write(&dict).unwrap();
        let back = parse(&text, "round-trip").unwrap();
        prop_assert_eq!(without_lines(back), dict);
    }
}

/// PETRARCH's dictionaries, imported, written in herald's format and read back, give the same
/// entries: the writer can carry everything the importers produce.
#[test]
fn petrarch_imports_round_trip() {
    use crate::petrarch;
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/petrarch/dictionaries"
    );
    type Reader = fn(&str) -> petrarch::Parsed;
    let files: [(&str, Reader); 5] = [
        ("CAMEO.2.0.txt", petrarch::read_verbs),
        ("Phoenix.Countries.actors.txt", petrarch::read_actors),
        ("Phoenix.agents.txt", petrarch::read_agents),
        ("Phoenix.discards.txt", petrarch::read_discards),
        ("Phoenix.IssueCoding.txt", petrarch::read_issues),
    ];
    for (name, read) in files {
        let path = format!("{dir}/{name}");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping: {path} not found");
            continue;
        };
        let dict = read(&text).dict;
        let written = write(&dict).unwrap_or_else(|e| panic!("{name}: {e}"));
        let back = parse(&written, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(without_lines(back), without_lines(dict), "{name}");
    }
}

/// The input the `herald_dict` fuzz target found: a verb line with a code and no pattern
/// column panicked (index out of bounds) instead of being reported with its line.
#[test]
fn fuzz_regression_verb_without_pattern_column() {
    let err = parse("@verbs\n173\n", "f.hd").unwrap_err().to_string();
    assert!(err.starts_with("f.hd:2:"), "{err}");
    assert!(check("@verbs\n173\n", "f.hd").iter().any(|p| p.line == 2));
}

#[test]
fn names_marked_exact_compile_apart() {
    let dict = parse("@actors\nUSA\tUnited States ; =US\tcountry\n", "e.hd").unwrap();
    assert_eq!(dict.actors[0].names, ["United States", "=US"]);
    let c = crate::compile::CompiledDict::new(&dict);
    assert!(c.actors.longest(&["us"], 0).is_none());
    assert_eq!(c.exact_actors.longest(&["us"], 0).map(|m| m.0), Some(1));
    assert_eq!(
        c.actors.longest(&["united", "states"], 0).map(|m| m.0),
        Some(2)
    );
    // Written back as it was read.
    assert!(write(&dict).unwrap().contains("=US"));
}

#[test]
fn reads_transformations_and_checks_their_codes() {
    let text = "@transformations\na (b . 190) say = a b 112\t# accusation\n\
                a (a b Q) 010 = a b 9999\nnot a rule\n";
    let problems = check(text, "t.hd");
    let lines: Vec<(usize, Severity)> = problems.iter().map(|p| (p.line, p.severity)).collect();
    assert_eq!(lines, [(3, Severity::Warning), (4, Severity::Error)]);
    let dict = parse(
        "@transformations\na (b . 190) say = a b 112\taccusation\n",
        "t.hd",
    )
    .unwrap();
    assert_eq!(dict.transforms[0].note, "accusation");
    assert_eq!(
        dict.transforms[0].rule.to_string(),
        "a (b . 190) say = a b 112"
    );
}
