//! `herald eval petrarch`: PETRARCH validation files scored on (source, target, CAMEO code).
//!
//! The file's `<Environment>` names its dictionaries (looked up in `dict_dir`); every record
//! is coded from its raw `<Text>` with herald's own analysis — the `<Parse>` element is
//! ignored. A record's expected events are its `<EventCoding>` elements (`noevents` and
//! discard `error` records expect none); negated events are not counted as events, nor, as
//! PETRARCH codes, a bare statement (`010`) when the record codes anything else.

use crate::events::{code_events, drop_framing_statements};
use herald_core::metrics::ratio;
use herald_core::{Error, Result};
use herald_dict::Dictionary;
use herald_dict::compile::CompiledDict;
use herald_dict::petrarch::{self, Kind};
use std::collections::BTreeMap;
use std::path::Path;

/// One validation record.
#[derive(Clone, Debug, Default)]
pub struct Record {
    /// `id` attribute.
    pub id: String,
    /// `category` attribute.
    pub category: String,
    /// Record date.
    pub date: Option<chrono::NaiveDate>,
    /// The raw text.
    pub text: String,
    /// Expected (source, target, code) triples.
    pub expected: Vec<(String, String, String)>,
}

/// A validation file: the dictionaries it names and its records.
#[derive(Clone, Debug, Default)]
pub struct Suite {
    /// (kind, file names) from `<Environment>`.
    pub dictionaries: Vec<(Kind, Vec<String>)>,
    /// Categories named by `<Include>` (empty: all).
    pub include: Vec<String>,
    /// Records in file order.
    pub records: Vec<Record>,
}

/// Counts for one category.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Counts {
    /// Gold events.
    pub expected: usize,
    /// Coded events that match a gold event.
    pub matched: usize,
    /// Coded events that match none.
    pub spurious: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.expected += o.expected;
        self.matched += o.matched;
        self.spurious += o.spurious;
    }
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.matched + self.spurious)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        herald_core::metrics::f1(self.precision(), self.recall())
    }
}

/// The result of scoring a suite.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Per category.
    pub categories: BTreeMap<String, Counts>,
    /// All categories.
    pub total: Counts,
    /// Records coded.
    pub records: usize,
    /// Per record: id, expected, coded (for the human listing of misses).
    pub details: Vec<(String, Vec<String>, Vec<String>)>,
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(j) => rest = &rest[i + j + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

fn attrs(tag: &str) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq]
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(end) = after[1..].find(q) else { break };
        m.insert(key, decode(&after[1..1 + end]));
        rest = &after[end + 2..];
    }
    m
}

fn element<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let a = s.find(&open)? + open.len();
    let b = s[a..].find(&close)? + a;
    Some(&s[a..b])
}

/// Parses a PETRARCH validation XML file. `origin` names it in errors.
pub fn parse_suite(xml: &str, origin: &str) -> Result<Suite> {
    let xml = strip_comments(xml);
    let mut suite = Suite::default();
    if let Some(env) = element(&xml, "Environment") {
        for (tag, kind) in [
            ("Verbfile", Kind::Verbs),
            ("Actorfile", Kind::Actors),
            ("Agentfile", Kind::Agents),
            ("Discardfile", Kind::Discards),
            ("Issuefile", Kind::Issues),
        ] {
            if let Some(v) = element(env, tag) {
                let files = v
                    .split(',')
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .collect();
                suite.dictionaries.push((kind, files));
            }
        }
        if let Some(inc) = element(env, "Include") {
            suite.include = inc.split_whitespace().map(str::to_string).collect();
        }
    }
    let mut rest = xml.as_str();
    while let Some(i) = rest.find("<Sentence ") {
        let after = &rest[i..];
        let tag_end = after
            .find('>')
            .ok_or_else(|| Error::format(origin, "unclosed <Sentence"))?;
        let a = attrs(after.get(10..tag_end).unwrap_or(""));
        let close = after[tag_end..].find("</Sentence>").map(|i| i + tag_end);
        let close = close.ok_or_else(|| {
            Error::format(
                origin,
                format!("record {}: no </Sentence>", a.get("id").map_or("?", |s| s)),
            )
        })?;
        let body = &after[tag_end + 1..close];
        let id = a.get("id").cloned().unwrap_or_default();
        let text = element(body, "Text")
            .map(|t| decode(&t.split_whitespace().collect::<Vec<_>>().join(" ")));
        let Some(text) = text else {
            return Err(Error::bad_record(
                format!("{origin}: id={id}"),
                "record without <Text>",
            ));
        };
        let date = a.get("date").and_then(|d| petrarch::parse_date(d).ok());
        let mut expected = Vec::new();
        let mut b = body;
        while let Some(j) = b.find("<EventCoding") {
            let e = &b[j..];
            let end = e.find('>').unwrap_or(e.len());
            let ea = attrs(&e[12..end]);
            if let (Some(s), Some(t), Some(c)) = (
                ea.get("sourcecode"),
                ea.get("targetcode"),
                ea.get("eventcode"),
            ) {
                expected.push((s.clone(), t.clone(), c.clone()));
            }
            b = &e[end..];
        }
        suite.records.push(Record {
            id,
            category: a.get("category").cloned().unwrap_or_default(),
            date,
            text,
            expected,
        });
        rest = &after[close + 11..];
    }
    Ok(suite)
}

/// Reads and compiles the dictionaries a suite names from `dir`; problems in them are
/// returned as warnings (file:line: message).
pub fn load_dictionaries(suite: &Suite, dir: &Path) -> Result<(CompiledDict, Vec<String>)> {
    let mut dict = Dictionary::default();
    let mut warnings = Vec::new();
    for (kind, files) in &suite.dictionaries {
        for f in files {
            let path = dir.join(f);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(path.display(), e))?;
            let parsed = petrarch::read(*kind, &text);
            for p in &parsed.problems {
                warnings.push(format!("{}:{}: {}", path.display(), p.line, p.message));
            }
            dict.extend(parsed.dict);
        }
    }
    Ok((CompiledDict::new(&dict), warnings))
}

/// Codes every included record and scores it.
pub fn evaluate(suite: &Suite, dict: &CompiledDict) -> Report {
    let mut report = Report::default();
    for r in &suite.records {
        if !suite.include.is_empty() && !suite.include.contains(&r.category) {
            continue;
        }
        report.records += 1;
        let sentences = herald_nlp::analyze(&r.text);
        let (_, mut events) = code_events(&r.text, &sentences, dict, r.date);
        drop_framing_statements(&mut events);
        let mut coded: Vec<(String, String, String)> = events
            .iter()
            .filter(|e| !e.negated)
            .map(|e| {
                let t = e
                    .target
                    .as_ref()
                    .map_or("---".to_string(), |t| t.code.clone());
                (e.source.code.clone(), t, e.cameo.clone())
            })
            .collect();
        coded.sort();
        coded.dedup();
        let mut left = r.expected.clone();
        let mut c = Counts {
            expected: r.expected.len(),
            ..Default::default()
        };
        for e in &coded {
            if let Some(k) = left.iter().position(|x| x == e) {
                left.remove(k);
                c.matched += 1;
            } else {
                c.spurious += 1;
            }
        }
        report
            .categories
            .entry(r.category.clone())
            .or_default()
            .add(&c);
        report.total.add(&c);
        let fmt = |v: &[(String, String, String)]| {
            v.iter().map(|(s, t, c)| format!("{s} {t} {c}")).collect()
        };
        report
            .details
            .push((r.id.clone(), fmt(&r.expected), fmt(&coded)));
    }
    report
}

impl Report {
    /// Human summary: per category and total, then the records coded wrong.
    pub fn human(&self, verbose: bool) -> String {
        let mut s = String::new();
        if verbose {
            for (id, exp, got) in &self.details {
                let mut e = exp.clone();
                e.sort();
                if e != *got {
                    s.push_str(&format!("{id}: expected {exp:?} coded {got:?}\n"));
                }
            }
        }
        s.push_str(&format!(
            "{:<10} {:>8} {:>8} {:>8} {:>6}\n",
            "category", "expected", "matched", "spurious", "F1"
        ));
        for (k, c) in &self.categories {
            s.push_str(&format!(
                "{k:<10} {:>8} {:>8} {:>8} {:>6.3}\n",
                c.expected,
                c.matched,
                c.spurious,
                c.f1()
            ));
        }
        let t = &self.total;
        s.push_str(&format!(
            "{:<10} {:>8} {:>8} {:>8} {:>6.3}  (P {:.3} R {:.3}, {} records)\n",
            "total",
            t.expected,
            t.matched,
            t.spurious,
            t.f1(),
            t.precision(),
            t.recall(),
            self.records
        ));
        s
    }

    /// The JSON summary line.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "eval": "petrarch",
            "records": self.records,
            "expected": self.total.expected,
            "matched": self.total.matched,
            "spurious": self.total.spurious,
            "precision": self.total.precision(),
            "recall": self.total.recall(),
            "f1": self.total.f1(),
            "categories": self.categories,
        })
    }
}

#[cfg(test)]
mod tests {

    /// The input the `petrarch_xml` fuzz target found: a `</Sentence>` inside the opening
    /// tag made the body slice run backwards (a panic); now the record is read or refused.
    #[test]
    fn fuzz_regression_close_tag_inside_the_open_tag() {
        for xml in [
            "<Sentences><Sentence id=\"a</Sentence>\" date=\"950103\"><Text>x</Text></Sentence></Sentences>",
            "<Sentence id=\"</Sentence>\">",
        ] {
            let _ = parse_suite(xml, "fuzz.xml");
        }
    }
    use super::*;

    const XML: &str = r#"<Validation><Environment><Verbfile>v.txt</Verbfile>
<Actorfile>a.txt, b.txt</Actorfile><Include>valid DEMO</Include></Environment>
<Sentences>
<!-- <Sentence date="19950101" id="GONE" category="DEMO"> -->
<Sentence date="19950101" id="R-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor &amp; friends restore
ties with Gondor.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date = "19950102" id = "R-2" category="SKIP"><EventCoding noevents = "True"/><Text>x</Text></Sentence>
</Sentences></Validation>"#;

    #[test]
    fn parses_suite() {
        let s = parse_suite(XML, "t.xml").unwrap();
        assert_eq!(s.dictionaries[1].1, ["a.txt", "b.txt"]);
        assert_eq!(s.include, ["valid", "DEMO"]);
        assert_eq!(s.records.len(), 2);
        assert_eq!(
            s.records[0].text,
            "Arnor & friends restore ties with Gondor."
        );
        assert_eq!(s.records[0].expected[0].2, "064");
        assert_eq!(s.records[1].id, "R-2");
        assert!(s.records[1].expected.is_empty());
    }

    #[test]
    fn bad_record_names_it() {
        let e = parse_suite(
            r#"<Sentence id="X-1" date="19950101"><Text>a</Text>"#,
            "f.xml",
        )
        .unwrap_err();
        assert!(e.to_string().contains("X-1"), "{e}");
    }

    #[test]
    fn counts() {
        let c = Counts {
            expected: 4,
            matched: 3,
            spurious: 1,
        };
        assert!((c.f1() - 0.75).abs() < 1e-9);
    }
}
