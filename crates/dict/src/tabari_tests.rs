//! Tests of the TABARI readers, on small dictionaries written for them.

use super::*;

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn lines_of(p: &Parsed) -> Vec<usize> {
    p.problems.iter().map(|p| p.line).collect()
}

#[test]
fn kinds() {
    for (s, k) in [
        ("actors", Some(Kind::Actors)),
        (".verbs", Some(Kind::Verbs)),
        ("Agent", Some(Kind::Agents)),
        ("options", Some(Kind::Options)),
        ("discards", None),
    ] {
        assert_eq!(Kind::parse(s), k, "{s}");
    }
}

#[test]
fn actors_codes_dates_stems_and_comments() {
    let text = "ELBONIA [ELB] ; the country\n\
                ELBONIAN_ [ELB]\n\
                PRESIDENT_MARLO_VENN [ELBGOV 150301-190228] [ELBELI >190228]\n\
                DOCTOR_OSWIN\n\
                \t[ELBMED <100101]\n\
                \t[ELBGOV 20100101-20121231]\n\
                FRIDGE_MAGNET [---]\n\
                ROUNDUP_OF_SUSPECTS [###]\n\
                # a whole-line comment\n";
    let p = read_actors(text);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let a = &p.dict.actors;
    assert_eq!(a.len(), 6);
    assert_eq!(a[0].code, "ELB");
    assert_eq!(
        a[0].names,
        ["elbonia", "elbonias"],
        "a stem adds its plural"
    );
    assert_eq!(a[1].names, ["elbonian"], "a trailing _ is the exact word");
    assert_eq!(a[2].code, "ELBGOV");
    assert_eq!((a[2].from, a[2].until), (day(2015, 3, 1), day(2019, 2, 28)));
    assert_eq!((a[3].from, a[3].until), (day(2019, 3, 1), None));
    assert_eq!(a[4].names[0], "doctor oswin");
    assert_eq!((a[4].from, a[4].until), (None, day(2009, 12, 31)));
    assert_eq!(a[5].from, day(2010, 1, 1));
    assert_eq!(a[4].line, 4);
    assert_eq!(p.dict.discards.len(), 1);
    assert_eq!(p.dict.discards[0].phrase, "roundup of suspects");
}

#[test]
fn actors_problems_name_their_lines() {
    let text = "[GOV]\nELBONIA [ELB\nNOCODE\nGRUBB [ELBGOV 991301-000101]\n\
                KLIM [<900101]\nDOLT [ELB] extra\nMORO [ELB 190101-180101]\n";
    let p = read(Kind::Actors, text);
    let want = [1, 2, 3, 4, 5, 6, 7];
    let mut got = lines_of(&p);
    got.dedup();
    assert_eq!(got, want, "{:?}", p.problems);
    assert!(p.problems.iter().any(|p| p.message.contains("no code")));
}

#[test]
fn crlf_and_lone_cr_lines_count_like_an_editor() {
    for text in ["A [AAA]\r\nB\r\nC [CCC]\r\n", "A [AAA]\rB\rC [CCC]\r"] {
        let p = read_actors(text);
        assert_eq!(lines_of(&p), [2], "{text:?}");
        assert_eq!(p.dict.actors[1].line, 3);
    }
}

#[test]
fn verbs_forms_patterns_and_codes() {
    let text = "--- CONVENE ---\n\
                CONVENE [040]\n\
                - * TALKS_WITH + [043] ; with whom\n\
                - $ * + UNDER_PRESSURE [---]\n\
                - + ENVOY * [042]\n\
                SEND {SENT SENDING} [---]\n\
                - * TROOPS TO + [0874]\n\
                - * &AID TO + [0233]\n\
                +CALL_OFF [1044]\n\
                SAID_ [010]\n\
                &AID\n\
                +FOOD\n\
                +MEDICINE_\n";
    let p = read_verbs(text);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let v = &p.dict.verbs;
    let convene = PatternItem::Word(verb_forms("convene"));
    assert_eq!(v[0].code, "040");
    assert_eq!(v[0].pattern, [PatternItem::Verb, convene.clone()]);
    let w = |s: &str| PatternItem::Word(vec![s.to_string()]);
    assert_eq!(
        v[1].pattern,
        [
            PatternItem::Verb,
            convene.clone(),
            w("talks"),
            w("with"),
            PatternItem::Target
        ]
    );
    assert_eq!(v[2].code, "", "[---] codes nothing");
    assert_eq!(v[2].pattern[0], PatternItem::Source);
    assert_eq!(
        v[3].pattern,
        [PatternItem::Target, w("envoy"), PatternItem::Verb, convene]
    );
    let send = PatternItem::Word(vec!["send".into(), "sent".into(), "sending".into()]);
    assert_eq!(v[5].pattern[..2], [PatternItem::Verb, send]);
    assert_eq!(v[5].line, 7);
    assert_eq!(v[6].pattern[2], PatternItem::Synset("AID".into()));
    assert_eq!(
        v[7].pattern,
        [
            PatternItem::Verb,
            PatternItem::Word(verb_forms("call")),
            w("off"),
        ],
        "the + marks the verb of a phrasal entry"
    );
    assert_eq!(v[8].pattern[1], PatternItem::Word(vec!["said".into()]));
    assert_eq!(p.dict.synsets[0].0, "AID");
    assert_eq!(p.dict.synsets[0].1, ["food", "foods", "medicine"]);
}

#[test]
fn verb_pattern_without_star_puts_the_verb_first() {
    let p = read_verbs("PROTEST [140]\n- AGAINST + [141]\n");
    assert_eq!(
        p.dict.verbs[1].pattern,
        [
            PatternItem::Verb,
            PatternItem::Word(verb_forms("protest")),
            PatternItem::Word(vec!["against".into()]),
            PatternItem::Target
        ]
    );
}

#[test]
fn verbs_problems_name_their_lines() {
    // (Lines 3 and 4 use the compound and skip markers, which load.)
    let text = "- * + [010]\n\
                WARN [130]\n\
                - % * [130]\n\
                - * ^ + [130]\n\
                - * * + [130]\n\
                - * +\n\
                - * &NONE + [131]\n\
                BAD WORDS [010]\n\
                OPEN {SHUT [010]\n\
                [020]\n";
    let p = read_verbs(text);
    let mut got = lines_of(&p);
    got.sort();
    assert_eq!(got, [1, 5, 6, 7, 8, 9, 10], "{:?}", p.problems);
}

#[test]
fn agents() {
    let text = "POLICE_ [~COP]\nSOLDIER [~MIL]\nMINER {MINERS COAL_MINERS} [~LAB]\n\
                AID_WORKER [NGO~]\nREBEL [ ~ REB ]\nNOBODY [~]\nNOTHING\n";
    let p = read_agents(text);
    assert_eq!(lines_of(&p), [6, 7], "{:?}", p.problems);
    let a = &p.dict.agents;
    assert_eq!(
        (a[0].code.as_str(), a[0].names.as_slice()),
        ("COP", &["police".to_string()][..])
    );
    assert_eq!(a[1].names, ["soldier", "soldiers"]);
    assert_eq!(a[2].names, ["miner", "miners", "coal miners"]);
    assert_eq!(a[3].code, "NGO~");
    assert_eq!(a[4].code, "REB");
}

#[test]
fn options_discards_and_issues() {
    let text = "DISCARD: BASKETBALL_GAME\nSOCCER_MATCH [###]\n<ISSUE CATEGORY=\"ECON\">\n\
                FUEL_PRICES [FUEL]\nNO_CODE_HERE\n</ISSUE>\nCOMPLEX [---]\n";
    let p = read_options(text);
    assert_eq!(lines_of(&p), [5, 7], "{:?}", p.problems);
    assert_eq!(p.dict.discards.len(), 2);
    assert_eq!(p.dict.discards[0].phrase, "basketball game");
    assert_eq!(p.dict.issues[0].code, "FUEL");
    assert_eq!(p.dict.issues[0].phrase, "fuel prices");
}

#[test]
fn read_dispatches_on_kind() {
    assert_eq!(read(Kind::Actors, "X [XXX]\n").dict.actors.len(), 1);
    assert_eq!(read(Kind::Verbs, "GO [010]\n").dict.verbs.len(), 1);
    assert_eq!(read(Kind::Agents, "COP [~COP]\n").dict.agents.len(), 1);
    assert_eq!(read(Kind::Options, "X [###]\n").dict.discards.len(), 1);
}

#[test]
fn imported_entries_write_to_herald_format_and_back() {
    let p = read_verbs("&AID\n+FOOD\nCONVENE [040]\n- * TALKS_WITH + [043]\n- * &AID [0233]\n");
    let mut d = p.dict;
    d.extend(read_actors("ELBONIA [ELB]\nMARLO [ELBGOV 150301-190228]\n").dict);
    d.extend(read_agents("POLICE [~COP]\n").dict);
    let text = crate::format::write(&d).unwrap();
    let mut back = crate::format::parse(&text, "t.hd").unwrap();
    for a in &mut back.actors {
        a.line = 0;
    }
    for a in &mut d.actors {
        a.line = 0;
    }
    assert_eq!(back.actors, d.actors);
    assert_eq!(back.agents.len(), 1);
    assert_eq!(back.verbs.len(), d.verbs.len());
}

/// The input the `tabari_dict` fuzz target found (shortened): a `#` glued to a verb and control
/// characters in a synset member were imported, then written to herald's format, which read
/// them back differently. Both lines are now problems.
#[test]
fn fuzz_regression_hash_and_control_characters() {
    let text = "SAID_# [010]\n&AID\n+FOOD\n+MEDIC\u{0}\u{0}\u{fffd}\u{8}\nGO [010]\n";
    let p = read(Kind::Verbs, text);
    assert_eq!(lines_of(&p), [1, 4], "{:?}", p.problems);
    assert_eq!(p.dict.synsets[0].1, ["food", "foods"]);
    let written = crate::format::write(&p.dict).unwrap();
    assert_eq!(crate::format::parse(&written, "t").unwrap().verbs.len(), 1);
    // Found next: a synset named `&&ID` wrote as `&ID`, which reads back as `ID`.
    let p = read(Kind::Verbs, "&&ID\n+FOOD\n&A B\n+X\n");
    assert_eq!(lines_of(&p), [1, 3], "{:?}", p.problems);
    assert!(p.dict.synsets.is_empty());
    // A discard code keeps its #s.
    assert_eq!(read(Kind::Actors, "X [###]\n").dict.discards.len(), 1);
}
