//! Fixture documents for the store's tests: coded by hand, so that tests do not move when the
//! coder improves.

use herald_core::{ActorRef, CodedDoc, Document, Event, Place, Plover, Span};

/// One event of a fixture document: words are looked up in the text for their spans.
pub(crate) struct Ev {
    pub(crate) src: (&'static str, &'static str),
    pub(crate) tgt: Option<(&'static str, &'static str)>,
    pub(crate) cameo: &'static str,
    pub(crate) quad: u8,
    pub(crate) plover: Option<&'static str>,
    pub(crate) place: Option<(&'static str, f64, f64, &'static str)>,
    pub(crate) date: Option<&'static str>,
    pub(crate) sentence: usize,
    pub(crate) negated: bool,
}

pub(crate) fn span_of(text: &str, w: &str) -> Span {
    let s = text.find(w).unwrap_or_else(|| panic!("{w:?} in {text:?}"));
    Span::new(s, s + w.len())
}

pub(crate) fn fixture(
    id: &str,
    published: Option<&str>,
    text: &str,
    evs: &[Ev],
) -> (Document, CodedDoc) {
    let mut doc = Document::from_text(text);
    doc.id = id.into();
    doc.title = Some(format!("Title of {id}"));
    doc.url = Some(format!("https://news.example/{id}"));
    doc.published = published.map(|d| d.parse().unwrap());
    let actor = |(code, w): (&str, &str)| ActorRef {
        code: code.into(),
        text: w.into(),
        span: span_of(text, w),
    };
    let events = evs
        .iter()
        .enumerate()
        .map(|(i, e)| Event {
            id: format!("{id}-e{i}"),
            sentence: e.sentence,
            date: e.date.map(|d| d.parse().unwrap()),
            date_text: e.date.map(|_| "on that day".into()),
            source: actor(e.src),
            target: e.tgt.map(actor),
            cameo: e.cameo.into(),
            root: e.cameo[..2].into(),
            goldstein: -(e.quad as f64),
            quad_class: e.quad,
            plover: e.plover.map(|p| Plover {
                kind: p.into(),
                mode: None,
            }),
            place: e.place.map(|(name, lat, lon, cc)| Place {
                name: name.into(),
                lat,
                lon,
                country: Some(cc.into()),
                span: span_of(text, name),
            }),
            negated: e.negated,
            hedged: false,
            reported: i % 2 == 1,
            evidence: span_of(text, e.src.1),
            rule: "fixture".into(),
        })
        .collect();
    let coded = CodedDoc {
        doc: doc.meta(),
        events,
        ..Default::default()
    };
    (doc, coded)
}

pub(crate) const ALMATY: (&str, f64, f64, &str) = ("Almaty", 43.25, 76.92, "KZ");
pub(crate) const ASTANA: (&str, f64, f64, &str) = ("Nur-Sultan", 51.17, 71.45, "KZ");
pub(crate) const TBILISI: (&str, f64, f64, &str) = ("Tbilisi", 41.69, 44.80, "GE");

pub(crate) fn ev(src: (&'static str, &'static str), cameo: &'static str, quad: u8) -> Ev {
    Ev {
        src,
        tgt: None,
        cameo,
        quad,
        plover: None,
        place: None,
        date: None,
        sentence: 0,
        negated: false,
    }
}

pub(crate) fn docs() -> Vec<(Document, CodedDoc)> {
    vec![
        fixture(
            "kz1",
            Some("2022-01-06"),
            "Police detained 40 protesters in Almaty on Wednesday. Tokayev asked the CSTO for \
             help. Police did not fire on the crowd in Almaty.",
            &[
                Ev {
                    tgt: Some(("KAZOPP", "protesters")),
                    plover: Some("ARREST"),
                    place: Some(ALMATY),
                    date: Some("2022-01-05"),
                    ..ev(("KAZCOP", "Police"), "173", 4)
                },
                Ev {
                    tgt: Some(("IGOCSTO", "CSTO")),
                    plover: Some("REQUEST"),
                    sentence: 1,
                    ..ev(("KAZGOV", "Tokayev"), "020", 1)
                },
                Ev {
                    tgt: Some(("KAZOPP", "crowd")),
                    place: Some(ALMATY),
                    date: Some("2022-01-05"),
                    sentence: 2,
                    negated: true,
                    ..ev(("KAZCOP", "Police"), "190", 4)
                },
            ],
        ),
        fixture(
            "kz2",
            Some("2022-01-07"),
            "Russian troops landed in Nur-Sultan. Protesters stormed the mayor's office in Almaty.",
            &[
                Ev {
                    tgt: Some(("KAZ", "Nur-Sultan")),
                    plover: Some("MOBILIZE"),
                    place: Some(ASTANA),
                    date: Some("2022-01-07"),
                    ..ev(("RUSMIL", "Russian troops"), "150", 4)
                },
                Ev {
                    tgt: Some(("KAZGOV", "mayor's office")),
                    plover: Some("PROTEST"),
                    place: Some(ALMATY),
                    date: Some("2022-01-06"),
                    sentence: 1,
                    ..ev(("KAZOPP", "Protesters"), "145", 3)
                },
            ],
        ),
        fixture(
            "ge1",
            Some("2024-05-14"),
            "Protesters rallied outside parliament in Tbilisi. Riot police dispersed them.",
            &[
                Ev {
                    tgt: Some(("GEOGOV", "parliament")),
                    plover: Some("PROTEST"),
                    place: Some(TBILISI),
                    date: Some("2024-05-13"),
                    ..ev(("GEOOPP", "Protesters"), "141", 3)
                },
                Ev {
                    tgt: Some(("GEOOPP", "them")),
                    plover: Some("ARREST"),
                    place: Some(TBILISI),
                    date: Some("2024-05-13"),
                    sentence: 1,
                    ..ev(("GEOCOP", "Riot police"), "173", 4)
                },
            ],
        ),
        fixture(
            "nd",
            None,
            "The United Nations urged restraint in a brief statement.",
            &[ev(("IGOUNO", "United Nations"), "036", 1)],
        ),
    ]
}

/// A store holding [`docs`], on every backend under test (see `crate::testing::TestStore::all`).
pub(crate) fn filled_all(test: &str) -> Vec<crate::testing::TestStore> {
    let mut all = crate::testing::TestStore::all(test);
    for store in &mut all {
        for (doc, coded) in docs() {
            store.insert(&doc, &coded, &[]).unwrap();
        }
    }
    all
}
