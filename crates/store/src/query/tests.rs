use super::*;
use crate::Error;
use crate::testutil::{docs, fixture, span_of};
use herald_core::{Figure, Mention, Place, Quote, Span, TimeExpr};

fn listing(page: &EventPage) -> Vec<String> {
    page.events
        .iter()
        .map(|r| format!("{}/{}", r.doc_id, r.event.cameo))
        .collect()
}

fn f() -> Filter {
    Filter::default()
}

#[test]
fn filters_select_and_order() {
    for store in crate::testutil::filled_all("filters_select_and_order") {
        let near = |km| Near {
            lat: 43.25,
            lon: 76.92,
            km,
        };
        let s = |v: &str| Some(v.to_string());
        let cases: Vec<(&str, Filter, &[&str])> = vec![
            (
                "everything but negated, by date, undated last",
                f(),
                &[
                    "kz1/173", "kz1/020", "kz2/145", "kz2/150", "ge1/141", "ge1/173", "nd/036",
                ],
            ),
            (
                "negated included",
                Filter {
                    include_negated: true,
                    ..f()
                },
                &[
                    "kz1/173", "kz1/190", "kz1/020", "kz2/145", "kz2/150", "ge1/141", "ge1/173",
                    "nd/036",
                ],
            ),
            (
                "one day; undated event falls back to published",
                Filter {
                    from: s("2022-01-06"),
                    to: s("2022-01-06"),
                    ..f()
                },
                &["kz1/020", "kz2/145"],
            ),
            (
                "from only",
                Filter {
                    from: s("2024-01-01"),
                    ..f()
                },
                &["ge1/141", "ge1/173"],
            ),
            (
                "place country, any case",
                Filter {
                    country: s("kz"),
                    ..f()
                },
                &["kz1/173", "kz2/145", "kz2/150"],
            ),
            (
                "CAMEO country of source or target",
                Filter {
                    country: s("KAZ"),
                    ..f()
                },
                &["kz1/173", "kz1/020", "kz2/145", "kz2/150"],
            ),
            (
                "actor code prefix",
                Filter {
                    actor: s("KAZGOV"),
                    ..f()
                },
                &["kz1/020", "kz2/145"],
            ),
            (
                "actor code prefix, lower case",
                Filter {
                    actor: s("geo"),
                    ..f()
                },
                &["ge1/141", "ge1/173"],
            ),
            (
                "actor words",
                Filter {
                    actor: s("tokayev"),
                    ..f()
                },
                &["kz1/020"],
            ),
            (
                "actor words with LIKE metacharacters",
                Filter {
                    actor: s("mayor%"),
                    ..f()
                },
                &[],
            ),
            (
                "cameo root prefix",
                Filter {
                    cameo: s("17"),
                    ..f()
                },
                &["kz1/173", "ge1/173"],
            ),
            (
                "cameo subtree",
                Filter {
                    cameo: s("14"),
                    ..f()
                },
                &["kz2/145", "ge1/141"],
            ),
            (
                "cameo exact",
                Filter {
                    cameo: s("145"),
                    ..f()
                },
                &["kz2/145"],
            ),
            (
                "cameo 0 = roots 01-09",
                Filter {
                    cameo: s("0"),
                    ..f()
                },
                &["kz1/020", "nd/036"],
            ),
            (
                "root, one digit",
                Filter {
                    root: s("2"),
                    ..f()
                },
                &["kz1/020"],
            ),
            (
                "quad class",
                Filter {
                    quad_class: Some(3),
                    ..f()
                },
                &["kz2/145", "ge1/141"],
            ),
            (
                "plover, any case",
                Filter {
                    plover: s("protest"),
                    ..f()
                },
                &["kz2/145", "ge1/141"],
            ),
            (
                "near Almaty, 50 km",
                Filter {
                    near: Some(near(50.0)),
                    ..f()
                },
                &["kz1/173", "kz2/145"],
            ),
            (
                "near Almaty, 1000 km reaches Nur-Sultan",
                Filter {
                    near: Some(near(1000.0)),
                    ..f()
                },
                &["kz1/173", "kz2/145", "kz2/150"],
            ),
            (
                "near Almaty, 900 km does not",
                Filter {
                    near: Some(near(900.0)),
                    ..f()
                },
                &["kz1/173", "kz2/145"],
            ),
            (
                "text, all words",
                Filter {
                    text: s("Tbilisi parliament"),
                    ..f()
                },
                &["ge1/141", "ge1/173"],
            ),
            (
                "text, a missing word",
                Filter {
                    text: s("Tbilisi Almaty"),
                    ..f()
                },
                &[],
            ),
            (
                "text, title indexed",
                Filter {
                    text: s("title nd"),
                    ..f()
                },
                &["nd/036"],
            ),
            (
                "text, a stray quote is a character",
                Filter {
                    text: s("troops\" Almaty"),
                    ..f()
                },
                &["kz2/145", "kz2/150"],
            ),
            (
                "text, FTS syntax is plain words",
                Filter {
                    text: s("NEAR(Almaty \"troops"),
                    ..f()
                },
                &[],
            ),
            (
                "document",
                Filter {
                    document: s("ge1"),
                    ..f()
                },
                &["ge1/141", "ge1/173"],
            ),
            (
                "unknown document",
                Filter {
                    document: s("nope"),
                    ..f()
                },
                &[],
            ),
            (
                "combined",
                Filter {
                    country: s("KZ"),
                    quad_class: Some(4),
                    ..f()
                },
                &["kz1/173", "kz2/150"],
            ),
        ];
        for (name, filter, want) in cases {
            let page = store
                .events(
                    &filter,
                    Page {
                        limit: 100,
                        offset: 0,
                    },
                )
                .unwrap();
            assert_eq!(listing(&page), want, "{name}: {filter:?}");
            assert_eq!(page.total as usize, want.len(), "{name}: total");
            // The timeline counts the same events (dated ones).
            let counted: u64 = store
                .timeline(&filter)
                .unwrap()
                .iter()
                .map(|t| t.count)
                .sum();
            let dated = page
                .events
                .iter()
                .filter(|r| r.event.date.is_some() || r.published.is_some());
            assert_eq!(counted as usize, dated.count(), "{name}: timeline");
        }
    }
}

#[test]
fn paging_and_total() {
    for store in crate::testutil::filled_all("paging_and_total") {
        let page = store
            .events(
                &f(),
                Page {
                    limit: 2,
                    offset: 1,
                },
            )
            .unwrap();
        assert_eq!(page.total, 7);
        assert_eq!(listing(&page), ["kz1/020", "kz2/145"]);
        let page = store
            .events(
                &f(),
                Page {
                    limit: 0,
                    offset: 0,
                },
            )
            .unwrap();
        assert_eq!((page.total, page.events.len()), (7, 0));
        let page = store
            .events(
                &f(),
                Page {
                    limit: 10,
                    offset: 100,
                },
            )
            .unwrap();
        assert_eq!((page.total, page.events.len()), (7, 0));
        let page = store
            .events(
                &f(),
                Page {
                    limit: usize::MAX,
                    offset: usize::MAX,
                },
            )
            .unwrap();
        assert_eq!(page.events.len(), 0);
        let mut all = Vec::new();
        store
            .for_each_event(&f(), |r| {
                all.push(format!("{}/{}", r.doc_id, r.event.cameo));
                Ok::<_, ()>(all.len() < 3)
            })
            .unwrap()
            .unwrap();
        assert_eq!(all, ["kz1/173", "kz1/020", "kz2/145"], "stops when asked");
    }
}

#[test]
fn bad_filter_is_an_error_not_a_query() {
    for store in crate::testutil::filled_all("bad_filter_is_an_error_not_a_query") {
        let err = store
            .events(
                &Filter {
                    cameo: Some("17; DROP".into()),
                    ..f()
                },
                Page::default(),
            )
            .unwrap_err();
        assert!(
            matches!(err, Error::BadFilter { field: "cameo", .. }),
            "{err}"
        );
        assert!(
            store
                .timeline(&Filter {
                    quad_class: Some(0),
                    ..f()
                })
                .is_err()
        );
    }
}

#[test]
fn event_by_key_and_its_json() {
    for store in crate::testutil::filled_all("event_by_key_and_its_json") {
        let page = store
            .events(
                &Filter {
                    include_negated: true,
                    ..f()
                },
                Page::default(),
            )
            .unwrap();
        for row in &page.events {
            assert_eq!(store.event(row.key).unwrap().as_ref(), Some(row));
        }
        assert_eq!(store.event(-1).unwrap(), None);
        let row = &page.events[0];
        assert_eq!(
            (
                row.doc_title.as_deref(),
                row.doc_url.as_deref(),
                row.published.as_deref()
            ),
            (
                Some("Title of kz1"),
                Some("https://news.example/kz1"),
                Some("2022-01-06")
            )
        );
        // Flattened: the event's own JSON keys at the top level, exactly as `herald code` has them.
        let json = serde_json::to_value(row).unwrap();
        let event = serde_json::to_value(&row.event).unwrap();
        for (k, v) in event.as_object().unwrap() {
            assert_eq!(&json[k], v, "{k}");
        }
        for k in [
            "key",
            "doc_id",
            "cluster",
            "num_mentions",
            "num_sources",
            "num_articles",
        ] {
            assert!(json.get(k).is_some(), "{k} in {json}");
        }
    }
}

#[test]
fn document_round_trips() {
    for mut store in crate::testutil::filled_all("document_round_trips") {
        for (doc, coded) in docs() {
            let got = store.document(&doc.id).unwrap().expect("stored");
            assert_eq!(got.text, doc.text);
            assert_eq!(got.meta, doc.meta());
            assert_eq!(got.coded, coded, "{}", doc.id);
            assert_eq!(got.event_keys.len(), coded.events.len());
            for (k, e) in got.event_keys.iter().zip(&coded.events) {
                assert_eq!(&store.event(*k).unwrap().unwrap().event, e);
            }
        }
        assert!(store.document("missing").unwrap().is_none());

        // Every table comes back, in text order.
        let text = "Police detained 40 protesters in Almaty on Sunday. \"Order is restored,\" the mayor said.";
        let (mut doc, mut coded) = fixture("full", Some("2022-01-10"), text, &[]);
        doc.source = Some("Wire".into());
        coded.doc = doc.meta();
        coded.quotes = vec![Quote {
            text: "Order is restored,".into(),
            span: span_of(text, "Order is restored,"),
            direct: true,
            cue: Some("said".into()),
            speaker: Some(herald_core::Speaker {
                text: "the mayor".into(),
                code: None,
                span: span_of(text, "the mayor"),
            }),
            sentence: 1,
        }];
        coded.figures = vec![Figure {
            category: "detained".into(),
            value: 40.0,
            low: 40.0,
            high: None,
            qualifier: Some("at least".into()),
            text: "detained 40 protesters".into(),
            span: span_of(text, "detained 40 protesters"),
            according_to: Some("police".into()),
            event: Some("e0".into()),
        }];
        coded.places = vec![Place {
            name: "Almaty".into(),
            lat: 43.25,
            lon: 76.92,
            country: None,
            span: span_of(text, "Almaty"),
        }];
        coded.times = vec![TimeExpr {
            text: "on Sunday".into(),
            span: span_of(text, "on Sunday"),
            value: Some("2022-01-09".into()),
            granularity: Some("day".into()),
        }];
        coded.mentions = vec![
            Mention {
                text: "Police".into(),
                kind: "agent".into(),
                code: Some("COP".into()),
                span: span_of(text, "Police"),
            },
            Mention {
                text: "the mayor".into(),
                kind: "person".into(),
                code: None,
                span: span_of(text, "the mayor"),
            },
        ];
        let sentences = [Span::new(0, 51), Span::new(52, text.len())];
        store.insert(&doc, &coded, &sentences).unwrap();
        let got = store.document("full").unwrap().unwrap();
        assert_eq!(got.coded, coded);
        assert_eq!(got.sentences, sentences);
    }
}

#[test]
fn timeline_counts_by_day_and_quad() {
    for store in crate::testutil::filled_all("timeline_counts_by_day_and_quad") {
        let rows: Vec<(String, u8, u64)> = store
            .timeline(&f())
            .unwrap()
            .into_iter()
            .map(|t| (t.date, t.quad_class, t.count))
            .collect();
        let want = [
            ("2022-01-05", 4, 1),
            ("2022-01-06", 1, 1),
            ("2022-01-06", 3, 1),
            ("2022-01-07", 4, 1),
            ("2024-05-13", 3, 1),
            ("2024-05-13", 4, 1),
        ];
        let want: Vec<(String, u8, u64)> = want
            .iter()
            .map(|(d, q, n)| (d.to_string(), *q, *n))
            .collect();
        assert_eq!(rows, want);
        let negated = store
            .timeline(&Filter {
                include_negated: true,
                ..f()
            })
            .unwrap();
        assert_eq!(negated[0].count, 2, "the denied event joins 2022-01-05");
    }
}
