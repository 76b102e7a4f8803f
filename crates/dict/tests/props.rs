//! Property: dictionaries survive import → herald format → import. Files in PETRARCH's and
//! TABARI's formats are generated from random entries, imported, written in herald's format by
//! `format::write` and read back by `format::parse`: the entries are the same (lines aside), and
//! writing them again gives the same text.

use herald_dict::{Dictionary, format, petrarch, tabari};
use proptest::prelude::*;

fn without_lines(mut d: Dictionary) -> Dictionary {
    d.actors.iter_mut().for_each(|a| a.line = 0);
    d.agents.iter_mut().for_each(|a| a.line = 0);
    d.verbs.iter_mut().for_each(|v| v.line = 0);
    d.discards.iter_mut().for_each(|p| p.line = 0);
    d.issues.iter_mut().for_each(|p| p.line = 0);
    d
}

/// Import → write → parse gives the same entries, and a second write the same text.
fn survives(imported: &Dictionary) -> Result<(), TestCaseError> {
    let text = format::write(imported)
        .map_err(|e| TestCaseError::fail(format!("the writer refused an import: {e}")))?;
    let back = format::parse(&text, "round-trip.hd")
        .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    prop_assert_eq!(without_lines(back.clone()), without_lines(imported.clone()));
    prop_assert_eq!(format::write(&back).unwrap(), text);
    Ok(())
}

/// An upper-case dictionary word, `_`-joined phrase of 1–3 of them.
fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Z][A-Z]{1,7}", 1..4).prop_map(|w| w.join("_"))
}

fn actor_code() -> impl Strategy<Value = String> {
    "[A-Z]{3}([A-Z]{3})?"
}

fn event_code() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["010", "040", "0874", "173", "1823", "20", "---"])
}

/// YYMMDD for a day in 1930–2029.
fn yymmdd() -> impl Strategy<Value = String> {
    (0u32..100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:02}{m:02}{d:02}"))
}

fn restriction() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        yymmdd().prop_map(|d| format!(" <{d}")),
        yymmdd().prop_map(|d| format!(" >{d}")),
        (yymmdd(), yymmdd()).prop_map(|(a, b)| {
            // Order the two days (YYMMDD with 30–99 → 19xx sorts by century first).
            let key = |s: &str| (s[..2].parse::<u32>().unwrap() < 30, s.to_string());
            let (a, b) = if key(&a) <= key(&b) { (a, b) } else { (b, a) };
            format!(" {a}-{b}")
        }),
    ]
}

/// A TABARI actor record: name, codes on the line or on indented lines below.
fn tabari_actor() -> impl Strategy<Value = String> {
    (
        phrase(),
        any::<bool>(),
        prop::collection::vec((actor_code(), restriction()), 1..4),
        any::<bool>(),
    )
        .prop_map(|(name, exact, codes, inline)| {
            let name = if exact { format!("{name}_") } else { name };
            let codes: Vec<String> = codes.iter().map(|(c, r)| format!("[{c}{r}]")).collect();
            if inline {
                format!("{name} {} ; note\n", codes.join(" "))
            } else {
                format!("{name}\n\t{}\n", codes.join("\n\t"))
            }
        })
}

/// A TABARI verb with its patterns.
fn tabari_verb() -> impl Strategy<Value = String> {
    let item = prop_oneof![
        Just("+".to_string()),
        Just("$".to_string()),
        "[A-Z]{2,8}".prop_map(|w| w),
    ];
    let pattern = (
        prop::collection::vec(item.clone(), 0..3),
        prop::collection::vec(item, 0..3),
        event_code(),
    )
        .prop_map(|(pre, post, code)| {
            let mut p = pre;
            p.push("*".into());
            p.extend(post);
            format!("- {} [{code}]\n", p.join(" "))
        });
    (
        "[A-Z]{3,8}",
        prop::option::of(prop::collection::vec("[A-Z]{3,8}", 1..3)),
        event_code(),
        prop::collection::vec(pattern, 0..4),
    )
        .prop_map(|(verb, irregular, code, patterns)| {
            let forms = irregular
                .map(|f| format!(" {{{}}}", f.join(" ")))
                .unwrap_or_default();
            format!("{verb}{forms} [{code}]\n{}", patterns.concat())
        })
}

fn tabari_agent() -> impl Strategy<Value = String> {
    (
        phrase(),
        "[A-Z]{3}",
        any::<bool>(),
        prop::option::of(phrase()),
    )
        .prop_map(|(p, code, before, plural)| {
            let code = if before {
                format!("{code}~")
            } else {
                format!("~{code}")
            };
            let plural = plural.map(|p| format!(" {{{p}}}")).unwrap_or_default();
            format!("{p}{plural} [{code}]\n")
        })
}

fn petrarch_actor() -> impl Strategy<Value = String> {
    (
        phrase(),
        prop::collection::vec(phrase(), 0..3),
        actor_code(),
        prop::collection::vec((actor_code(), restriction()), 0..3),
    )
        .prop_map(|(name, synonyms, default, dated)| {
            let mut s = format!("{name}_ [{default}]\n");
            for syn in synonyms {
                s.push_str(&format!("+{syn}_\n"));
            }
            for (c, r) in dated {
                s.push_str(&format!("\t[{c}{r}]\n"));
            }
            s
        })
}

fn petrarch_verbs() -> impl Strategy<Value = String> {
    let block = (
        "[A-Z]{3,8}",
        event_code(),
        prop::collection::vec("[A-Z]{3,8}", 1..3),
        prop::collection::vec(
            (
                prop::collection::vec(prop_oneof![Just("+"), Just("$"), Just("TO")], 0..3),
                event_code(),
            ),
            0..3,
        ),
    )
        .prop_map(|(name, code, verbs, patterns)| {
            let mut s = format!("--- {name} [{code}] ---\n");
            for v in verbs {
                s.push_str(&format!("{v}\n"));
            }
            for (items, code) in patterns {
                s.push_str(&format!("- * {} [{code}]\n", items.join(" ")));
            }
            s
        });
    prop::collection::vec(block, 1..4).prop_map(|b| b.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn tabari_actors_survive(records in prop::collection::vec(tabari_actor(), 1..6)) {
        let p = tabari::read(tabari::Kind::Actors, &records.concat());
        prop_assert!(p.problems.is_empty(), "{:?}", p.problems);
        prop_assert!(!p.dict.actors.is_empty());
        survives(&p.dict)?;
    }

    #[test]
    fn tabari_verbs_survive(verbs in prop::collection::vec(tabari_verb(), 1..5)) {
        let p = tabari::read(tabari::Kind::Verbs, &verbs.concat());
        prop_assert!(p.problems.is_empty(), "{:?}", p.problems);
        survives(&p.dict)?;
    }

    #[test]
    fn tabari_agents_survive(agents in prop::collection::vec(tabari_agent(), 1..6)) {
        let p = tabari::read(tabari::Kind::Agents, &agents.concat());
        prop_assert!(p.problems.is_empty(), "{:?}", p.problems);
        prop_assert_eq!(p.dict.agents.len(), agents.len());
        survives(&p.dict)?;
    }

    #[test]
    fn petrarch_actors_survive(records in prop::collection::vec(petrarch_actor(), 1..6)) {
        let p = petrarch::read(petrarch::Kind::Actors, &records.concat());
        prop_assert!(p.problems.is_empty(), "{:?}", p.problems);
        survives(&p.dict)?;
    }

    #[test]
    fn petrarch_verbs_survive(text in petrarch_verbs()) {
        let p = petrarch::read(petrarch::Kind::Verbs, &text);
        prop_assert!(p.problems.is_empty(), "{:?}", p.problems);
        survives(&p.dict)?;
    }

    #[test]
    fn petrarch_agents_and_discards_survive(
        agents in prop::collection::vec(tabari_agent(), 1..5),
        discards in prop::collection::vec((any::<bool>(), phrase()), 1..5),
    ) {
        // PETRARCH's agent lines read like TABARI's in this subset.
        let mut d = petrarch::read(petrarch::Kind::Agents, &agents.concat()).dict;
        let text: String = discards
            .iter()
            .map(|(story, p)| format!("{}{p}\n", if *story { "+" } else { "" }))
            .collect();
        d.extend(petrarch::read(petrarch::Kind::Discards, &text).dict);
        survives(&d)?;
    }
}
