use super::*;
use crate::testutil::{ALMATY, Ev, ev, fixture};
use crate::{EventRow, Filter, Format, Inserted, Page, Store};
use herald_core::{CodedDoc, Document};

const STORY: &str = "Police detained dozens of protesters in Almaty on Wednesday as \
    demonstrations against the doubling of fuel prices spread from the west of the country to \
    its largest city. Witnesses said officers used stun grenades and tear gas to break up a \
    crowd of several thousand people in the central square, and that internet access was cut \
    across the city in the evening. The interior ministry said order had been restored and \
    that those detained would be charged with taking part in mass unrest. The government \
    resigned later in the day, and the president promised to bring prices back down. \
    The protests began on Sunday in the oil town of Zhanaozen, where residents blocked roads \
    after the price of liquefied gas, which most cars in the region run on, rose sharply on \
    the first day of the year. By Tuesday they had spread to the regional capital and to other \
    cities, and crowds in Almaty had grown into the tens of thousands. Shops in the centre \
    closed early and several banks suspended their cash machines. A lawyer representing some \
    of those held said they had not been told what they were accused of, and that relatives \
    had gathered outside the main police station to ask for news. The ministry said that \
    several officers had been injured, some of them seriously, and that vehicles had been set \
    on fire near the mayor's office.";

const OTHER: &str = "Security forces in Kazakhstan arrested scores of demonstrators in the \
    commercial capital overnight, a rights group said on Thursday, after protests over the \
    price of liquefied gas turned violent. Photographs shared online showed burning police \
    vehicles and smoke over the mayor's office. The group said at least a hundred people had \
    been held and that lawyers had not been allowed to see them. Officials have not given a \
    figure for arrests, and the capital was quiet on Thursday morning.";

/// The arrest of protesters in Almaty as a document reports it.
fn arrest(date: &'static str, place: Option<(&'static str, f64, f64, &'static str)>) -> Ev {
    Ev {
        tgt: Some(("KAZOPP", "protesters")),
        place,
        date: Some(date),
        ..ev(("KAZCOP", "Police"), "173", 4)
    }
}

fn doc(id: &str, url: &str, text: &str, evs: &[Ev]) -> (Document, CodedDoc) {
    let (mut d, _) = fixture(id, Some("2022-01-06"), text, &[]);
    d.url = Some(url.into());
    let (_, mut c) = fixture(id, Some("2022-01-06"), text, evs);
    c.doc = d.meta();
    (d, c)
}

fn rows(store: &Store) -> Vec<EventRow> {
    let f = Filter {
        include_negated: true,
        ..Default::default()
    };
    store.events(&f, Page::default()).unwrap().events
}

fn counts(r: &EventRow) -> (u64, u64, u64) {
    (r.num_mentions, r.num_sources, r.num_articles)
}

/// The words of OTHER that the fixture's spans need.
fn other_text() -> String {
    format!("Police held protesters in Almaty, in the Almaty Region and in Taraz. {OTHER}")
}

#[test]
fn syndicated_copies_count_once_and_other_articles_add() {
    for mut store in
        crate::testing::TestStore::all("syndicated_copies_count_once_and_other_articles_add")
    {
        let a = doc(
            "wire-a",
            "https://wire.example/a",
            STORY,
            &[arrest("2022-01-05", Some(ALMATY))],
        );
        let copy_text = format!(
            "ALMATY, Jan 5 (Newswire) - {}\n\nReporting by a correspondent; editing by the desk.",
            STORY.replace("several thousand", "several thousand angry")
        );
        let b = doc(
            "paper-b",
            "https://www.paper.example/world/b",
            &copy_text,
            &[arrest("2022-01-05", Some(ALMATY))],
        );
        for (d, c) in [&a, &b] {
            assert_eq!(store.insert(d, c, &[]).unwrap(), Inserted::New);
        }
        let r = rows(&store);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].cluster, r[1].cluster,
            "copy joins the original's cluster"
        );
        assert!(r[0].cluster.is_some());
        assert_eq!(counts(&r[0]), (1, 1, 1), "a syndicated copy counts once");
        let copy_flag = |id: &str| r.iter().find(|r| r.doc_id == id).unwrap().duplicate;
        assert!(!copy_flag("wire-a") && copy_flag("paper-b"));
        let stored = store.document("paper-b").unwrap().unwrap();
        assert_eq!(stored.duplicate_of.as_deref(), Some("wire-a"));
        assert_eq!(
            store.document("wire-a").unwrap().unwrap().duplicate_of,
            None
        );

        // An independent article on the next day, placed 10 km away under another name.
        let text = other_text();
        let near_almaty = ("Almaty Region", 43.33, 76.98, "KZ");
        let c = doc(
            "other-c",
            "https://other.example/c",
            &text,
            &[arrest("2022-01-06", Some(near_almaty))],
        );
        store.insert(&c.0, &c.1, &[]).unwrap();
        let r = rows(&store);
        assert_eq!(r.len(), 3);
        assert!(r.iter().all(|x| x.cluster == r[0].cluster));
        assert!(
            r.iter().all(|x| counts(x) == (2, 2, 2)),
            "{:?}",
            r.iter().map(counts).collect::<Vec<_>>()
        );

        // Storing the same text again changes nothing.
        assert_eq!(store.insert(&a.0, &a.1, &[]).unwrap(), Inserted::Duplicate);
        assert_eq!(counts(&rows(&store)[0]), (2, 2, 2));

        // GDELT: one row for the three reports, with their counts.
        let mut out = Vec::new();
        store
            .export(&Filter::default(), Format::Gdelt, &mut out)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(lines.len(), 1, "{text}");
        let first = r.iter().find(|r| r.doc_id == "wire-a").unwrap();
        assert_eq!(
            lines[0][0],
            first.key.to_string(),
            "the first report stands for it"
        );
        assert_eq!(&lines[0][31..34], ["2", "2", "2"]);
    }
}

#[test]
fn different_events_do_not_merge() {
    for mut store in crate::testing::TestStore::all("different_events_do_not_merge") {
        let base = doc(
            "base",
            "https://a.example/1",
            STORY,
            &[arrest("2022-01-05", Some(ALMATY))],
        );
        store.insert(&base.0, &base.1, &[]).unwrap();
        let text = other_text();
        let far = ("Taraz", 42.90, 71.37, "KZ"); // ~450 km west of Almaty
        let cases: Vec<(&str, Ev)> = vec![
            ("three days later", arrest("2022-01-08", Some(ALMATY))),
            ("another place", arrest("2022-01-05", Some(far))),
            ("no place against a place", arrest("2022-01-05", None)),
            (
                "another source actor",
                Ev {
                    src: ("KAZMIL", "Police"),
                    ..arrest("2022-01-05", Some(ALMATY))
                },
            ),
            (
                "another target",
                Ev {
                    tgt: Some(("KAZCVL", "protesters")),
                    ..arrest("2022-01-05", Some(ALMATY))
                },
            ),
            (
                "another root",
                Ev {
                    cameo: "145",
                    ..arrest("2022-01-05", Some(ALMATY))
                },
            ),
            (
                "negated",
                Ev {
                    negated: true,
                    ..arrest("2022-01-05", Some(ALMATY))
                },
            ),
        ];
        for (i, (name, e)) in cases.into_iter().enumerate() {
            let text = format!("{text} Case {i}.");
            let id = format!("case-{i}");
            let d = doc(&id, &format!("https://b.example/{i}"), &text, &[e]);
            store.insert(&d.0, &d.1, &[]).unwrap();
            let r = rows(&store);
            let first = r.iter().find(|r| r.doc_id == "base").unwrap();
            let new = r.iter().find(|r| r.doc_id == id).unwrap();
            assert_ne!(new.cluster, first.cluster, "{name}");
            assert_eq!(counts(first), (1, 1, 1), "{name}");
            if name == "negated" {
                assert_eq!(new.cluster, None);
            }
        }
    }
}

#[test]
fn repeated_report_in_one_article_is_two_mentions() {
    for mut store in
        crate::testing::TestStore::all("repeated_report_in_one_article_is_two_mentions")
    {
        let d = doc(
            "one",
            "https://a.example/1",
            STORY,
            &[
                arrest("2022-01-05", Some(ALMATY)),
                Ev {
                    sentence: 3,
                    ..arrest("2022-01-05", Some(ALMATY))
                },
            ],
        );
        store.insert(&d.0, &d.1, &[]).unwrap();
        let r = rows(&store);
        assert_eq!(r[0].cluster, r[1].cluster);
        assert_eq!(counts(&r[0]), (2, 1, 1));
    }
}

#[test]
fn origins() {
    for (url, source, want) in [
        (Some("https://www.Example.org/a/b?c"), None, "example.org"),
        (
            Some("http://user@news.example:8080/x"),
            None,
            "news.example",
        ),
        (None, Some(" Reuters "), "reuters"),
        (Some(""), Some("AP"), "ap"),
        (None, None, "doc:abc"),
    ] {
        assert_eq!(origin(url, source, "abc"), want, "{url:?} {source:?}");
    }
}

#[test]
fn migration_clusters_an_older_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A store as schema 2 left it: no consolidation columns or clusters.
        let db = crate::db::Db::Sqlite(rusqlite::Connection::open(&path).unwrap());
        let tx = db.write_tx().unwrap();
        for sql in &crate::schema::MIGRATIONS[..2] {
            tx.batch(sql).unwrap();
        }
        tx.batch("PRAGMA user_version = 2").unwrap();
        let text = other_text();
        for (id, url, t) in [
            ("a", "https://a.example/1", STORY.to_string()),
            (
                "b",
                "https://b.example/2",
                format!("{STORY} Editing by the desk."),
            ),
            ("c", "https://c.example/3", text),
        ] {
            let (d, c) = doc(id, url, &t, &[arrest("2022-01-05", Some(ALMATY))]);
            let hash = Document::content_id(&d.text);
            crate::insert::document(&tx, &hash, &d, &c, &[]).unwrap();
        }
        tx.commit().unwrap();
    }
    let store = Store::open(&path).unwrap();
    let r = rows(&store);
    assert_eq!(r.len(), 3);
    assert!(
        r.iter()
            .all(|x| x.cluster.is_some() && x.cluster == r[0].cluster)
    );
    assert_eq!(counts(&r[0]), (2, 2, 2), "b copies a; c is another article");
    let copies: Vec<&str> = r
        .iter()
        .filter(|r| r.duplicate)
        .map(|r| r.doc_id.as_str())
        .collect();
    assert_eq!(copies, ["b"]);
}
