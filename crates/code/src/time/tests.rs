use chrono::NaiveDate;
use herald_core::{Document, Event, Sentence, Span};

use super::{date_events, find_times, parse_value};

fn doc(text: &str, published: &str) -> Document {
    let mut d = Document::from_text(text);
    d.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    d
}

/// Sentences split at ". " before a capital (the tests need sentence spans, not the tagger).
fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let ends = text
        .match_indices(". ")
        .filter(|(i, _)| text[i + 2..].starts_with(|c: char| c.is_uppercase()));
    for (i, _) in ends {
        out.push(Sentence {
            span: Span::new(start, i + 1),
            tokens: Vec::new(),
        });
        start = i + 2;
    }
    out.push(Sentence {
        span: Span::new(start, text.len()),
        tokens: Vec::new(),
    });
    out
}

/// `(text, expected (words, value))` for a document published on `dct`.
fn check(dct: &str, cases: &[(&str, &[(&str, &str)])]) {
    for (text, want) in cases {
        let d = doc(text, dct);
        let times = find_times(&d, &sentences(&d.text));
        let got: Vec<(&str, &str)> = times
            .iter()
            .map(|t| (t.span.slice(&d.text), t.value.as_deref().unwrap_or("-")))
            .collect();
        assert_eq!(&got, want, "{text:?} published {dct}");
        for t in &times {
            assert_eq!(t.text, t.span.slice(&d.text));
        }
    }
}

#[test]
fn absolute_dates() {
    check(
        "2022-01-10",
        &[
            ("It began on Jan. 7 in Almaty.", &[("Jan. 7", "2022-01-07")]),
            (
                "Talks opened on 7 January 2022.",
                &[("7 January 2022", "2022-01-07")],
            ),
            (
                "Talks opened on January 7, 2022, in Geneva.",
                &[("January 7, 2022", "2022-01-07")],
            ),
            (
                "The file is dated 2022-01-07.",
                &[("2022-01-07", "2022-01-07")],
            ),
            (
                "The memo is dated 01/07/2022.",
                &[("01/07/2022", "2022-01-07")],
            ),
            (
                "The memo is dated 25/12/2021.",
                &[("25/12/2021", "2021-12-25")],
            ),
            (
                "The vote was held on Dec. 30.",
                &[("Dec. 30", "2021-12-30")],
            ),
            (
                "He was born on the 3rd of March 1990.",
                &[("3rd of March 1990", "1990-03-03")],
            ),
            (
                "Prices rose in January 2021.",
                &[("January 2021", "2021-01")],
            ),
            ("Prices rose in December.", &[("December", "2021-12")]),
            ("Nazarbayev left power in 2019.", &[("2019", "2019")]),
            ("It was common in the 1990s.", &[("1990s", "199")]),
            (
                "Profit fell in the third quarter.",
                &[("the third quarter", "2021-Q3")],
            ),
            ("He may resign and march on.", &[]),
            (
                "There were 2019 people there and 13/45/2020 is no date.",
                &[],
            ),
        ],
    );
}

#[test]
fn relative_dates_from_a_monday() {
    check(
        "2022-01-10",
        &[
            (
                "Last Friday Tokayev ordered troops to shoot.",
                &[("Last Friday", "2022-01-07")],
            ),
            (
                "Protesters gathered on Saturday.",
                &[("Saturday", "2022-01-08")],
            ),
            ("The president spoke Monday.", &[("Monday", "2022-01-10")]),
            ("Leaders will meet on Friday.", &[("Friday", "2022-01-14")]),
            (
                "Leaders meet next Friday.",
                &[("next Friday", "2022-01-14")],
            ),
            (
                "Clashes broke out Tuesday night.",
                &[("Tuesday night", "2022-01-04")],
            ),
            (
                "Police said yesterday that 12 died.",
                &[("yesterday", "2022-01-09")],
            ),
            ("Markets reopen today.", &[("today", "2022-01-10")]),
            ("A curfew starts tonight.", &[("tonight", "2022-01-10")]),
            (
                "He arrived two days ago.",
                &[("two days ago", "2022-01-08")],
            ),
            ("He arrived 11 days ago.", &[("11 days ago", "2021-12-30")]),
            (
                "The worst unrest over the past week.",
                &[("the past week", "2022-W01")],
            ),
            ("Unrest grew this week.", &[("this week", "2022-W02")]),
            ("Unrest grew last week.", &[("last week", "2022-W01")]),
            (
                "Prices rose earlier this month.",
                &[("earlier this month", "2022-01")],
            ),
            ("Prices rose last month.", &[("last month", "2021-12")]),
            (
                "Elections are due next month.",
                &[("next month", "2022-02")],
            ),
            ("Growth slowed last year.", &[("last year", "2021")]),
            ("Growth will pick up this year.", &[("this year", "2022")]),
            ("It snowed last December.", &[("last December", "2021-12")]),
            (
                "Shops closed on Christmas Day.",
                &[("Christmas Day", "2021-12-25")],
            ),
        ],
    );
}

#[test]
fn weekday_and_date_together() {
    check(
        "1998-10-20",
        &[(
            "It opens Friday, Oct. 23, in Paris.",
            &[("Friday, Oct. 23", "1998-10-23")],
        )],
    );
    check(
        "1998-08-09",
        &[("An official said Saturday.", &[("Saturday", "1998-08-08")])],
    );
}

#[test]
fn without_a_publication_date_only_absolute_dates_resolve() {
    let d = Document::from_text("On Friday, 7 January 2022, troops came.");
    let times = find_times(&d, &[]);
    let values: Vec<Option<&str>> = times.iter().map(|t| t.value.as_deref()).collect();
    assert_eq!(values, [Some("2022-01-07")], "{times:?}");
    let d = Document::from_text("Troops came on Friday.");
    let times = find_times(&d, &[]);
    assert_eq!(times.len(), 1);
    assert_eq!(times[0].value, None);
}

#[test]
fn values_parse_back() {
    for v in [
        "2022-01-07",
        "2022-W01",
        "2022-01",
        "2022-Q3",
        "2022-SU",
        "2022",
        "199",
    ] {
        assert_eq!(parse_value(v).map(|t| t.iso()).as_deref(), Some(v));
    }
    assert_eq!(parse_value("2022-13"), None);
    assert_eq!(parse_value("soon"), None);
}

#[test]
fn events_take_the_date_of_their_clause() {
    let text = "Last Friday Tokayev ordered troops to shoot. Protesters burned cars. \
                Nazarbayev, who left power in 2019, met Putin on Saturday.";
    let d = doc(text, "2022-01-10");
    let sentences = sentences(text);
    let times = find_times(&d, &sentences);
    let ev = |word: &str| {
        let start = text.find(word).unwrap();
        Event {
            evidence: Span::new(start, start + word.len()),
            ..Default::default()
        }
    };
    let mut events = vec![ev("ordered"), ev("burned"), ev("met")];
    date_events(&mut events, &times, &sentences, &d);
    let got: Vec<(String, Option<&str>)> = events
        .iter()
        .map(|e| (e.date.unwrap().to_string(), e.date_text.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("2022-01-07".to_string(), Some("Last Friday")),
            ("2022-01-10".to_string(), None),
            ("2022-01-08".to_string(), Some("Saturday")),
        ]
    );
}

#[test]
fn anchored_days_and_noun_plans() {
    check(
        "2022-01-10",
        &[
            (
                "The envoy landed on Jan. 4. He met the rebels the next morning.",
                &[("Jan. 4", "2022-01-04"), ("the next morning", "2022-01-05")],
            ),
            (
                "The strike began on Wednesday and ended the following day.",
                &[
                    ("Wednesday", "2022-01-05"),
                    ("the following day", "2022-01-06"),
                ],
            ),
            // No day named before: found, but not resolved.
            ("He left the next day.", &[("the next day", "-")]),
            // "the plan" is a noun: the date is the past one nearest the publication date.
            (
                "The council adopted the plan Dec. 20.",
                &[("Dec. 20", "2021-12-20")],
            ),
            (
                "Farmers were planning to march on Friday.",
                &[("Friday", "2022-01-14")],
            ),
        ],
    );
}

#[test]
fn a_fronted_weekday_takes_the_tense_of_its_clause() {
    // 1998-10-26 is a Monday.
    check(
        "1998-10-26",
        &[
            (
                "On Tuesday, the league plans to hold a news conference.",
                &[("Tuesday", "1998-10-27")],
            ),
            (
                "On Tuesday, the league will hold a news conference.",
                &[("Tuesday", "1998-10-27")],
            ),
            // A reporting verb first: what was said, said in the past.
            (
                "On Tuesday, police said they will hold a news conference.",
                &[("Tuesday", "1998-10-20")],
            ),
            // "plans" as a noun says nothing.
            (
                "On Friday, when she set aside vacation plans, the talks began.",
                &[("Friday", "1998-10-23")],
            ),
        ],
    );
}
