use super::*;
use herald_core::{ActorRef, Event, Figure, Mention, Place, Quote, Speaker, TimeExpr};

fn coded(doc: &Document) -> CodedDoc {
    let t = &doc.text;
    let span = |w: &str| {
        let s = t.find(w).expect("word in text");
        Span::new(s, s + w.len())
    };
    let actor = |w: &str, code: &str| ActorRef {
        code: code.into(),
        text: w.into(),
        span: span(w),
    };
    CodedDoc {
        doc: doc.meta(),
        events: vec![Event {
            id: "e1".into(),
            source: actor("Police", "KAZCOP"),
            target: Some(actor("protesters", "KAZOPP")),
            cameo: "173".into(),
            root: "17".into(),
            goldstein: -5.0,
            quad_class: 4,
            place: Some(Place {
                name: "Almaty".into(),
                lat: 43.25,
                lon: 76.92,
                country: Some("KZ".into()),
                span: span("Almaty"),
            }),
            evidence: span("Police detained 40 protesters"),
            rule: "test".into(),
            ..Default::default()
        }],
        quotes: vec![Quote {
            text: "order is restored".into(),
            span: span("order is restored"),
            direct: true,
            cue: Some("said".into()),
            speaker: Some(Speaker {
                text: "the mayor".into(),
                code: None,
                span: span("the mayor"),
            }),
            sentence: 1,
        }],
        figures: vec![Figure {
            category: "detained".into(),
            value: 40.0,
            low: 40.0,
            high: Some(40.0),
            text: "detained 40 protesters".into(),
            span: span("detained 40 protesters"),
            ..Default::default()
        }],
        places: vec![Place {
            name: "Almaty".into(),
            span: span("Almaty"),
            ..Default::default()
        }],
        times: vec![TimeExpr {
            text: "on Sunday".into(),
            span: span("on Sunday"),
            value: Some("2022-01-09".into()),
            granularity: Some("day".into()),
        }],
        mentions: vec![
            Mention {
                text: "Police".into(),
                kind: "agent".into(),
                code: Some("KAZCOP".into()),
                span: span("Police"),
            },
            Mention {
                text: "protesters".into(),
                kind: "agent".into(),
                code: Some("KAZOPP".into()),
                span: span("protesters"),
            },
        ],
    }
}

fn sample(text: &str, id: &str) -> Document {
    let mut doc = Document::from_text(text);
    doc.id = id.into();
    doc.title = Some("Arrests in Almaty".into());
    doc.extra.insert("feed".into(), "wire".into());
    doc
}

const TEXT: &str =
    "Police detained 40 protesters in Almaty on Sunday. \"The order is restored,\" said the mayor.";

#[test]
fn stores_everything_once() {
    for mut store in crate::testing::TestStore::all("stores_everything_once") {
        let doc = sample(TEXT, "a1");
        let c = coded(&doc);
        let sentences = [Span::new(0, 51), Span::new(52, TEXT.len())];
        assert_eq!(store.insert(&doc, &c, &sentences).unwrap(), Inserted::New);
        let want = Stats {
            documents: 1,
            sentences: 2,
            events: 1,
            quotes: 1,
            figures: 1,
            places: 1,
            times: 1,
            mentions: 2,
        };
        assert_eq!(store.stats().unwrap(), want);
        // Same text under another id: a duplicate by content.
        let again = sample(TEXT, "other-id");
        assert_eq!(
            store.insert(&again, &c, &sentences).unwrap(),
            Inserted::Duplicate
        );
        assert_eq!(store.stats().unwrap(), want);
        assert!(store.contains_text(TEXT).unwrap());
        assert!(!store.contains_text("something else").unwrap());
        let extra: String = store
            .db
            .query_row("SELECT extra FROM documents", rusqlite::params![])
            .unwrap()
            .unwrap()
            .get(0)
            .unwrap();
        assert_eq!(extra, r#"{"feed":"wire"}"#);
    }
}

#[test]
fn full_text_search() {
    let mut store = Store::open_in_memory().unwrap();
    for (id, text) in [
        ("a", "Dock workers walked out in Rotterdam."),
        ("b", "Ferry crews returned to work on the lake."),
    ] {
        let doc = sample(text, id);
        store.insert(&doc, &CodedDoc::default(), &[]).unwrap();
    }
    assert_eq!(store.search("rotterdam", 10).unwrap(), ["a"]);
    assert_eq!(store.search("ferry OR dock", 10).unwrap().len(), 2);
    assert_eq!(
        store.search("almaty", 10).unwrap().len(),
        2,
        "titles are indexed too"
    );
    assert!(store.search("\"unbalanced", 10).is_err());
}

#[test]
fn reopen_migrate_and_refuse_newer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    {
        let mut store = Store::open(&path).unwrap();
        let doc = sample(TEXT, "a1");
        store.insert(&doc, &coded(&doc), &[]).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 1);
    let v: u32 = sqlite(&store)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    let mode: String = sqlite(&store)
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    sqlite(&store)
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(store);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, Error::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.db");
    std::fs::write(
        &path,
        b"this is not a database file, just some text padding it out",
    )
    .unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("junk.db"), "{err}");
}

#[test]
fn sink_segments_sentences() {
    let mut store = Store::open_in_memory().unwrap();
    let doc = sample(TEXT, "a1");
    // `store.document(id)` is the inherent reader; the sink is called through the trait.
    assert!(Sink::document(&mut store, &doc, &coded(&doc)).unwrap());
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 1);
    assert!(stats.sentences >= 1, "{stats:?}");
}

fn sqlite(store: &Store) -> &rusqlite::Connection {
    match &store.db {
        crate::db::Db::Sqlite(c) => c,
        other => panic!("not SQLite: {other:?}"),
    }
}

#[test]
fn postgres_reopen_migrate_and_refuse_newer() {
    let Some(admin) = crate::testing::server("postgres_reopen_migrate_and_refuse_newer") else {
        return;
    };
    let db = crate::testing::TempDatabase::create(&admin).unwrap();
    {
        let mut store = db.store().unwrap();
        assert!(store.is_postgres());
        let doc = sample(TEXT, "a1");
        store.insert(&doc, &coded(&doc), &[]).unwrap();
    }
    let store = db.store().unwrap();
    assert_eq!(store.stats().unwrap().documents, 1);
    assert!(!store.is_read_only().unwrap());
    assert_eq!(store.quick_check().unwrap(), None);
    store
        .db
        .execute(
            "UPDATE herald_schema SET version = ?1",
            rusqlite::params![SCHEMA_VERSION + 1],
        )
        .unwrap();
    drop(store);
    let err = db.store().unwrap_err();
    assert!(matches!(err, Error::TooNew { .. }), "{err}");
}

#[test]
fn postgres_connect_errors_name_the_server_not_the_password() {
    // Nothing listens on port 1; no server needed.
    let err = Store::open("postgres://herald:s3cret@127.0.0.1:1/news").unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, Error::Connect { .. }), "{text}");
    assert!(
        text.contains("127.0.0.1:1") && text.contains("news"),
        "{text}"
    );
    assert!(!text.contains("s3cret"), "{text}");
    let err = Store::open("postgresql://u:pw@[bad/x").unwrap_err();
    assert!(!err.to_string().contains("pw"), "{err}");
    assert_eq!(
        crate::redact("postgres://u:pw@h:5/db?password=pw"),
        "postgres://u:***@h:5/db"
    );
    assert_eq!(crate::redact("news.db"), "news.db");
}
