use herald_core::{Document, Event, Sentence, Span};

use super::{Role, find_toponyms, main_place, place_events};
use herald_geo::Gazetteer;

/// `(text, [(name in text, role, lat, lon)])`: what the detector and resolver must find.
type Case<'a> = (&'a str, &'a [(&'a str, Role, f64, f64)]);

fn check(cases: &[Case]) {
    let gaz = Gazetteer::embedded();
    for (text, want) in cases {
        let doc = Document::from_text(*text);
        let got = find_toponyms(&doc, &[], gaz);
        let shown: Vec<String> = got
            .iter()
            .map(|t| {
                format!(
                    "{} {:?} {} ({:.2}, {:.2})",
                    t.place.span.slice(text),
                    t.role,
                    t.place.name,
                    t.place.lat,
                    t.place.lon
                )
            })
            .collect();
        assert_eq!(got.len(), want.len(), "{text:?}: {shown:?}");
        for (t, (name, role, lat, lon)) in got.iter().zip(want.iter()) {
            assert_eq!(t.place.span.slice(text), *name, "{text:?}: {shown:?}");
            assert_eq!(t.role, *role, "{text:?}: {shown:?}");
            let km = herald_geo::distance_km(t.place.lat, t.place.lon, *lat, *lon);
            assert!(km < 161.0, "{text:?}: {name} is {km:.0} km off: {shown:?}");
        }
    }
}

#[test]
fn finds_and_places_toponyms() {
    use Role::*;
    check(&[
        (
            "Protesters gathered in Almaty, Kazakhstan's largest city.",
            &[
                ("Almaty", Place, 43.25, 76.91),
                ("Kazakhstan", Place, 48.0, 68.0),
            ],
        ),
        (
            "Troops flew in from Russia and Belarus.",
            &[
                ("Russia", Place, 60.0, 100.0),
                ("Belarus", Place, 53.0, 28.0),
            ],
        ),
        (
            "The Kazakh government resigned.",
            &[("Kazakh", Adjectival, 48.0, 68.0)],
        ),
        (
            "Moscow said the troops would leave.",
            &[("Moscow", Metonymic, 55.75, 37.62)],
        ),
        (
            "He moved to Paris, Texas, last year.",
            &[
                ("Paris", Place, 33.66, -95.56),
                ("Texas", Place, 31.2, -99.9),
            ],
        ),
        (
            "She lives in Paris and works in Lyon.",
            &[("Paris", Place, 48.85, 2.35), ("Lyon", Place, 45.76, 4.84)],
        ),
        (
            "Police in Gainesville, Fla., arrested two men.",
            &[
                ("Gainesville", Place, 29.65, -82.32),
                ("Fla.", Place, 28.75, -82.5),
            ],
        ),
        ("George Washington crossed the river.", &[]),
        ("Mobile phones were seized.", &[]),
        (
            "The storm hit Mobile on Sunday.",
            &[("Mobile", Place, 30.69, -88.04)],
        ),
        (
            "Officials in Dar es Salaam met U.S. envoys.",
            &[
                ("Dar es Salaam", Place, -6.82, 39.27),
                ("U.S.", Place, 39.76, -98.5),
            ],
        ),
        (
            "Fighting spread across Central Asia.",
            &[("Central Asia", Place, 43.0, 68.0)],
        ),
    ]);
}

#[test]
fn georgia_follows_the_document() {
    let gaz = Gazetteer::embedded();
    let us = Document::from_text("Atlanta police said the suspect fled Georgia for Alabama.");
    let t = find_toponyms(&us, &[], gaz);
    let ga = t
        .iter()
        .find(|t| t.place.span.slice(&us.text) == "Georgia")
        .unwrap();
    assert_eq!(ga.place.country.as_deref(), Some("US"), "{t:?}");
    let caucasus = Document::from_text("Russian tanks entered Georgia near Tbilisi.");
    let t = find_toponyms(&caucasus, &[], gaz);
    let ge = t
        .iter()
        .find(|t| t.place.span.slice(&caucasus.text) == "Georgia")
        .unwrap();
    assert_eq!(ge.place.country.as_deref(), Some("GE"), "{t:?}");
}

#[test]
fn events_take_their_sentence_place_else_the_main_place() {
    let text =
        "Protesters burned cars in Almaty. Troops arrived in Kazakhstan. Tokayev gave orders.";
    let doc = Document::from_text(text);
    let places = super::find_places(&doc, &[]);
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        sentences.push(Sentence {
            span: Span::new(start, i + 1),
            tokens: Vec::new(),
        });
        start = i + 2;
    }
    sentences.push(Sentence {
        span: Span::new(start, text.len()),
        tokens: Vec::new(),
    });
    let ev = |w: &str| {
        let s = text.find(w).unwrap();
        Event {
            evidence: Span::new(s, s + w.len()),
            ..Default::default()
        }
    };
    let mut events = vec![ev("burned"), ev("arrived"), ev("gave")];
    place_events(
        &mut events,
        &places,
        &sentences,
        text,
        Gazetteer::embedded(),
    );
    let names: Vec<&str> = events
        .iter()
        .map(|e| e.place.as_ref().unwrap().name.as_str())
        .collect();
    assert_eq!(names, ["Almaty", "Kazakhstan", "Almaty"]);
    assert_eq!(main_place(&places).unwrap().name, "Almaty");
    assert_eq!(main_place(&[]), None);
}

#[test]
fn the_source_actor_is_not_the_events_place() {
    let text = "The United States, meanwhile, criticised Russia. Protesters marched in Almaty.";
    let doc = Document::from_text(text);
    let places = super::find_places(&doc, &[]);
    let sentences = vec![
        Sentence {
            span: Span::new(0, 48),
            tokens: Vec::new(),
        },
        Sentence {
            span: Span::new(49, text.len()),
            tokens: Vec::new(),
        },
    ];
    let us = text.find("United States").unwrap();
    let verb = text.find("criticised").unwrap();
    let mut events = vec![Event {
        source: herald_core::ActorRef {
            span: Span::new(us, us + "United States".len()),
            ..Default::default()
        },
        evidence: Span::new(us, verb + "criticised".len()),
        ..Default::default()
    }];
    place_events(
        &mut events,
        &places,
        &sentences,
        text,
        Gazetteer::embedded(),
    );
    // Nor is Russia, named without a locative: the story's place is Almaty.
    let place = events[0].place.as_ref().map(|p| p.name.as_str());
    assert_eq!(place, Some("Almaty"), "{places:?}");
}

#[test]
fn finds_places_in_compounds_datelines_and_after_name_prefixes() {
    use Role::*;
    check(&[
        // A place before a lowercase suffix.
        (
            "The Denver-based company hired 40 people.",
            &[("Denver", Place, 39.74, -104.98)],
        ),
        // An all-capitals dateline before a free-standing dash.
        (
            "DENVER — Police arrested two men on Tuesday.",
            &[("DENVER", Place, 39.74, -104.98)],
        ),
        // Capitals make an acronym of a common word.
        (
            "US officials met their counterparts.",
            &[("US", Place, 39.76, -98.5)],
        ),
        // A compass point or article before the name is not part of it.
        (
            "Schools in Northeast Nebraska closed early.",
            &[("Nebraska", Place, 41.5, -99.8)],
        ),
        // "A Denver man": the noun after the name makes it a place.
        (
            "A Denver man was charged on Friday.",
            &[("Denver", Place, 39.74, -104.98)],
        ),
    ]);
}

#[test]
fn finds_places_of_institutions_party_towns_and_wire_datelines() {
    use Role::*;
    check(&[
        // A place name before a local institution, even one that is a common word or a
        // first name elsewhere.
        (
            "A spokesman for Oxford Police said the patrols had increased.",
            &[("Oxford", Place, 51.75, -1.26)],
        ),
        (
            "The Paris Public Library will offer a workshop, said staff in Illinois.",
            &[
                ("Paris", Place, 39.61, -87.70),
                ("Illinois", Place, 40.0, -89.0),
            ],
        ),
        // A legislator's home town after the party letter.
        (
            "Rep. Torrey Westrom, R-Elbow Lake, said the talks stalled.",
            &[("Elbow Lake", Place, 45.99, -95.98)],
        ),
        // Wire datelines in capitals, with a dash run on to the next word or an agency.
        (
            "FALLS VILLAGE—The board approved the budget.",
            &[("FALLS VILLAGE", Place, 41.96, -73.36)],
        ),
        (
            "Police said on Monday. MOUNT GILEAD (AP) -- A court ruled.",
            &[("MOUNT GILEAD", Place, 40.55, -82.83)],
        ),
        // Canadian Press abbreviations and a state's demonym.
        (
            "Snow fell in Surrey, B.C. on Monday.",
            &[
                ("Surrey", Place, 49.1, -122.8),
                ("B.C.", Place, 54.0, -125.0),
            ],
        ),
        (
            "The census will employ 8,000 Minnesotans.",
            &[("Minnesotans", Adjectival, 46.0, -94.5)],
        ),
        // An AP state abbreviation keeps its period: Kansas, not a Kan in Myanmar.
        (
            "He lives in Kansas City, Kan.",
            &[
                ("Kansas City", Place, 39.11, -94.63),
                ("Kan.", Place, 38.5, -98.5),
            ],
        ),
    ]);
}

#[test]
fn a_name_walks_with_its_county_and_state() {
    // Huntsville, Texas lies in Walker County; the larger Huntsville is in Alabama.
    let gaz = Gazetteer::embedded();
    let text = "A Huntsville man was detained. Walker County deputies and a Texas Ranger helped.";
    let doc = Document::from_text(text);
    let t = find_toponyms(&doc, &[], gaz);
    let h = t
        .iter()
        .find(|t| t.place.span.slice(text) == "Huntsville")
        .unwrap();
    let km = herald_geo::distance_km(h.place.lat, h.place.lon, 30.72, -95.55);
    assert!(km < 50.0, "{t:?}");
}

#[test]
fn a_name_doubted_in_one_place_is_kept_when_the_story_places_it_plainly() {
    let gaz = Gazetteer::embedded();
    let starts = |text: &str| -> Vec<usize> {
        find_toponyms(&Document::from_text(text), &[], gaz)
            .iter()
            .map(|t| t.place.span.start)
            .collect()
    };
    // "The Cairns Post": a common word after an article and before a capital, doubted...
    assert!(starts("The Cairns Post reported it.").is_empty());
    // ...and kept when the story says "in Cairns".
    let text = "Cases rose in Cairns. The Cairns Post reported it.";
    assert_eq!(starts(text), [14, 26]);
    // "according to Brown's account" places nothing plainly: "Brown said" stays a person.
    let text = "According to Brown's account, it ended. Brown said he left.";
    assert!(!starts(text).contains(&40), "{:?}", starts(text));
}

#[test]
fn a_country_places_an_event_only_after_a_locative() {
    // "made up of Russia, Armenia…": members, not where the request was made; "from Russia":
    // where the troops came from. The story's place is Almaty.
    let text = "Protests spread in Almaty. The government requested help from the CSTO, made up \
                of Russia, Armenia and Belarus. Troops from Russia arrived.";
    let doc = Document::from_text(text);
    let places = super::find_places(&doc, &[]);
    let sentences: Vec<Sentence> = {
        let a = text.find("The government").unwrap();
        let b = text.find("Troops").unwrap();
        [(0, a - 1), (a, b - 1), (b, text.len())]
            .iter()
            .map(|&(s, e)| Sentence {
                span: Span::new(s, e),
                tokens: Vec::new(),
            })
            .collect()
    };
    let ev = |w: &str| {
        let s = text.find(w).unwrap();
        Event {
            evidence: Span::new(s, s + w.len()),
            ..Default::default()
        }
    };
    let mut events = vec![ev("requested"), ev("arrived")];
    place_events(
        &mut events,
        &places,
        &sentences,
        text,
        Gazetteer::embedded(),
    );
    let names: Vec<&str> = events
        .iter()
        .map(|e| e.place.as_ref().unwrap().name.as_str())
        .collect();
    assert_eq!(names, ["Almaty", "Almaty"]);
}

#[test]
fn a_country_that_is_also_a_word_is_the_country_where_the_story_says_so() {
    use Role::*;
    check(&[
        // The possessive and a plain mid-sentence use name the country.
        (
            "China's president spoke on Saturday.",
            &[("China", Place, 35.0, 105.0)],
        ),
        (
            "The trade mission to China ended.",
            &[("China", Place, 35.0, 105.0)],
        ),
        // At a sentence start or after an article the word is doubted, and kept when the
        // story places it beyond doubt, here through a compass word after the locative.
        (
            "China has seen weeks of rain. Floods hit homes in south-western China.",
            &[("China", Place, 35.0, 105.0), ("China", Place, 35.0, 105.0)],
        ),
        ("China has seen weeks of rain.", &[]),
        ("The china was packed in crates.", &[]),
    ]);
}

#[test]
fn titles_datelines_headlines_and_short_forms() {
    use Role::*;
    check(&[
        // "Gen." keeps its title when the detector's word loses the period.
        (
            "Yesterday Gen. Cartwright arrived in Tbilisi.",
            &[("Tbilisi", Place, 41.69, 44.83)],
        ),
        // A dateline with its qualifier ends before the story's first word.
        (
            "TBILISI, Georgia -- Police arrested nine.",
            &[
                ("TBILISI", Place, 41.69, 44.83),
                ("Georgia", Place, 42.0, 43.5),
            ],
        ),
        // A short form names the town its longer form named.
        (
            "The Avondale Estates council met in Decatur. Avondale will annex two streets.",
            &[
                ("Avondale Estates", Place, 33.77, -84.27),
                ("Decatur", Place, 33.77, -84.30),
                ("Avondale", Place, 33.77, -84.27),
            ],
        ),
        // Provinces at GeoNames' points.
        (
            "Snow fell across Ontario and Quebec.",
            &[
                ("Ontario", Place, 49.25, -84.5),
                ("Quebec", Place, 52.0, -72.0),
            ],
        ),
    ]);
}

#[test]
fn a_headline_country_is_held_by_a_place_the_story_names_in_it() {
    let gaz = Gazetteer::embedded();
    let found = |text: &str| -> Vec<String> {
        let end = text.find(". ").unwrap() + 1;
        let doc = Document::from_text(text);
        let sentences: Vec<Sentence> = [(0, end), (end + 1, text.len())]
            .iter()
            .map(|&(s, e)| Sentence {
                span: Span::new(s, e),
                tokens: Vec::new(),
            })
            .collect();
        find_toponyms(&doc, &sentences, gaz)
            .iter()
            .map(|t| format!("{} {:?}", t.place.span.slice(text), t.place.country))
            .collect()
    };
    assert_eq!(
        found("Senior Military Official Visits Georgia. He arrived in Tbilisi on Monday."),
        ["Georgia Some(\"GE\")", "Tbilisi Some(\"GE\")"]
    );
    // Without such a place the headline's capitals say nothing.
    assert!(found("Senior Military Official Visits Georgia. He arrived on Monday.").is_empty());
}
