//! `herald eval quotes`: attribution accuracy on PolNeAR-style gold (JSONL records
//! `{split, doc_id, text, attributions:[{source, cue, content:{segments, text}}]}`, offsets in
//! Unicode characters).
//!
//! Predicted quotes that share a speaker span and a cue form one predicted attribution (the gold
//! gives an attribution's content as several segments: "“…,” she said, “…”"). A predicted
//! attribution matches a gold one when their contents overlap by at least half the shorter;
//! pairs are taken greedily, speaker-right pairs first, then by overlap, one to one. The
//! speaker is right when its span overlaps the gold source. A gold attribution is direct when
//! its content begins or ends with a quotation mark, or one stands right outside it.

use herald_core::metrics::ratio;
use herald_core::{CharIndex, Document, Error, Quote, Result, Sentence, Span};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    split: Option<String>,
    #[serde(default)]
    doc_id: Option<String>,
    text: String,
    #[serde(default)]
    attributions: Vec<GoldAttribution>,
}

#[derive(Debug, Deserialize)]
struct GoldAttribution {
    #[serde(default)]
    source: Option<Segments>,
    #[serde(default)]
    content: Option<Segments>,
}

#[derive(Debug, Deserialize)]
struct Segments {
    segments: Vec<[usize; 2]>,
}

/// One attribution, gold or predicted, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Attr {
    /// Content stretches.
    pub content: Vec<Span>,
    /// Speaker / source stretches (empty when none).
    pub speaker: Vec<Span>,
    /// Quoted words.
    pub direct: bool,
}

/// True positives, predictions and gold items of one measure.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Matched pairs that count as right.
    pub tp: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        herald_core::metrics::f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
    fn json(&self) -> serde_json::Value {
        serde_json::json!({"tp": self.tp, "predicted": self.predicted, "gold": self.gold,
            "precision": round(self.precision()), "recall": round(self.recall()), "f1": round(self.f1())})
    }
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// The measures of one split.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Documents read.
    pub docs: usize,
    /// Direct quotes with the right speaker.
    pub direct_speaker: Prf,
    /// All attributions with the right speaker.
    pub all_speaker: Prf,
    /// All attributions, content only.
    pub content: Prf,
    /// Direct quotes, content only.
    pub direct_content: Prf,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.docs += o.docs;
        self.direct_speaker.add(o.direct_speaker);
        self.all_speaker.add(o.all_speaker);
        self.content.add(o.content);
        self.direct_content.add(o.direct_content);
    }
}

fn total(spans: &[Span]) -> usize {
    spans.iter().map(Span::len).sum()
}

fn overlap(a: &[Span], b: &[Span]) -> usize {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| x.overlap_len(*y)))
        .sum()
}

fn speaker_ok(p: &Attr, g: &Attr) -> bool {
    overlap(&p.speaker, &g.speaker) > 0
}

/// Scores predicted against gold attributions; `with_speaker` asks for the right speaker too.
pub fn score(pred: &[&Attr], gold: &[&Attr], with_speaker: bool) -> Prf {
    let mut pairs = Vec::new();
    for (pi, p) in pred.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            let ov = overlap(&p.content, &g.content);
            let shorter = total(&p.content).min(total(&g.content));
            if ov > 0 && ov * 2 >= shorter {
                pairs.push((speaker_ok(p, g), ov, pi, gi));
            }
        }
    }
    pairs.sort_by_key(|&(ok, ov, _, _)| std::cmp::Reverse((ok, ov)));
    let (mut pu, mut gu) = (vec![false; pred.len()], vec![false; gold.len()]);
    let mut tp = 0;
    for (ok, _, pi, gi) in pairs {
        if pu[pi] || gu[gi] {
            continue;
        }
        pu[pi] = true;
        gu[gi] = true;
        if ok || !with_speaker {
            tp += 1;
        }
    }
    Prf {
        tp,
        predicted: pred.len(),
        gold: gold.len(),
    }
}

/// Groups quotes into attributions: pieces with the same speaker span and cue are one.
pub fn group(quotes: &[Quote]) -> Vec<Attr> {
    let mut groups: BTreeMap<(Span, String), Attr> = BTreeMap::new();
    let mut lone = Vec::new();
    for q in quotes {
        match &q.speaker {
            Some(s) => {
                let a = groups
                    .entry((s.span, q.cue.clone().unwrap_or_default()))
                    .or_insert_with(|| Attr {
                        content: Vec::new(),
                        speaker: vec![s.span],
                        direct: false,
                    });
                a.content.push(q.span);
                a.direct |= q.direct;
            }
            None => lone.push(Attr {
                content: vec![q.span],
                speaker: Vec::new(),
                direct: q.direct,
            }),
        }
    }
    // Like the gold's: direct when the content begins or ends with quoted words (a mark is up
    // to 3 bytes, plus punctuation).
    let mut out: Vec<Attr> = groups.into_values().chain(lone).collect();
    for a in &mut out {
        if !a.direct {
            continue;
        }
        let (lo, hi) = (
            a.content.iter().map(|s| s.start).min().unwrap_or(0),
            a.content.iter().map(|s| s.end).max().unwrap_or(0),
        );
        a.direct = quotes.iter().any(|q| {
            q.direct
                && a.content.contains(&q.span)
                && (q.span.start <= lo + 4 || q.span.end + 5 >= hi)
        });
    }
    out
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '\'' | '‘' | '’' | '`')
}

/// Scores one document's predicted quotes against its gold attributions.
pub fn score_doc(text: &str, gold: &[Attr], quotes: &[Quote]) -> Scores {
    let _ = text;
    let pred = group(quotes);
    let all_p: Vec<&Attr> = pred.iter().collect();
    let all_g: Vec<&Attr> = gold.iter().collect();
    let dir_p: Vec<&Attr> = pred.iter().filter(|a| a.direct).collect();
    let dir_g: Vec<&Attr> = gold.iter().filter(|a| a.direct).collect();
    Scores {
        docs: 1,
        direct_speaker: score(&dir_p, &dir_g, true),
        all_speaker: score(&all_p, &all_g, true),
        content: score(&all_p, &all_g, false),
        direct_content: score(&dir_p, &dir_g, false),
    }
}

/// Converts a record's gold attributions to byte spans; `origin` names it in errors.
fn gold_attrs(rec: &Record, origin: &str) -> Result<Vec<Attr>> {
    let idx = CharIndex::new(&rec.text);
    let nchars = rec.text.chars().count();
    let conv = |segs: &[[usize; 2]]| -> Result<Vec<Span>> {
        segs.iter()
            .map(|&[s, e]| {
                if s > e || e > nchars {
                    Err(Error::bad_record(
                        origin,
                        format!("segment [{s}, {e}] outside the text ({nchars} chars)"),
                    ))
                } else {
                    Ok(idx.span_from_chars(s, e))
                }
            })
            .collect()
    };
    let mut out = Vec::new();
    for a in &rec.attributions {
        let Some(content) = &a.content else { continue };
        let content = conv(&content.segments)?;
        if content.is_empty() {
            continue;
        }
        let speaker = match &a.source {
            Some(s) => conv(&s.segments)?,
            None => Vec::new(),
        };
        let t = &rec.text;
        let first = content.iter().map(|s| s.start).min().unwrap_or(0);
        let last = content.iter().map(|s| s.end).max().unwrap_or(0);
        let inside = t[first..last].trim();
        let direct = inside.starts_with(is_quote_char)
            || inside.ends_with(is_quote_char)
            || t[..first].trim_end().ends_with(is_quote_char)
            || t[last..].trim_start().starts_with(is_quote_char);
        out.push(Attr {
            content,
            speaker,
            direct,
        });
    }
    Ok(out)
}

/// Scores a finder over a gold file, per split (records without a split count as "all").
pub fn evaluate_file(
    path: &str,
    find: impl Fn(&Document, &[Sentence]) -> Vec<Quote>,
) -> Result<BTreeMap<String, Scores>> {
    let data = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut out: BTreeMap<String, Scores> = BTreeMap::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{path}:{}", n + 1);
        let rec: Record = serde_json::from_str(line)
            .map_err(|e| Error::bad_record(&origin, format!("not a gold record: {e}")))?;
        let origin = match &rec.doc_id {
            Some(id) => format!("{origin} id={id}"),
            None => origin,
        };
        let gold = gold_attrs(&rec, &origin)?;
        let doc = Document::from_text(rec.text.clone());
        // Quotes read surface patterns: segmentation is all they need from the language layer.
        let sentences = herald_nlp::segment::segment(&doc.text);
        let quotes = find(&doc, &sentences);
        let s = score_doc(&doc.text, &gold, &quotes);
        out.entry(rec.split.clone().unwrap_or_else(|| "all".into()))
            .or_default()
            .add(&s);
    }
    Ok(out)
}

/// Human summary and JSON line for `herald eval quotes`.
pub fn report(path: &str) -> Result<(String, serde_json::Value)> {
    let by_split = evaluate_file(path, super::find_quotes)?;
    let mut human = String::new();
    let mut json = serde_json::Map::new();
    for (split, s) in &by_split {
        human.push_str(&format!("{split}: {} documents\n", s.docs));
        for (name, p) in [
            ("direct quotes, right speaker", s.direct_speaker),
            ("all attributions, right speaker", s.all_speaker),
            ("all attributions, content only", s.content),
            ("direct quotes, content only", s.direct_content),
        ] {
            human.push_str(&format!(
                "  {name:<34} P {:.3}  R {:.3}  F1 {:.3}  ({} right of {} predicted, {} gold)\n",
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp,
                p.predicted,
                p.gold
            ));
        }
        json.insert(
            split.clone(),
            serde_json::json!({"docs": s.docs, "direct_speaker": s.direct_speaker.json(),
                "all_speaker": s.all_speaker.json(), "content": s.content.json(),
                "direct_content": s.direct_content.json()}),
        );
    }
    let json = serde_json::json!({"eval": "quotes", "file": path, "splits": json});
    Ok((human, json))
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_core::Speaker;

    fn q(span: (usize, usize), sp: (usize, usize), cue: &str, direct: bool) -> Quote {
        Quote {
            span: Span::new(span.0, span.1),
            direct,
            cue: Some(cue.into()),
            speaker: Some(Speaker {
                span: Span::new(sp.0, sp.1),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn gold(content: &[(usize, usize)], src: (usize, usize), direct: bool) -> Attr {
        Attr {
            content: content.iter().map(|&(a, b)| Span::new(a, b)).collect(),
            speaker: vec![Span::new(src.0, src.1)],
            direct,
        }
    }

    #[test]
    fn matching_rules() {
        // (pred quotes, gold, with_speaker, expected tp)
        let cases: Vec<(Vec<Quote>, Vec<Attr>, bool, usize)> = vec![
            // Exact match, right speaker.
            (
                vec![q((10, 20), (0, 3), "said", true)],
                vec![gold(&[(10, 20)], (0, 3), true)],
                true,
                1,
            ),
            // Half of the shorter overlaps: match.
            (
                vec![q((10, 14), (0, 3), "said", false)],
                vec![gold(&[(12, 40)], (0, 3), false)],
                false,
                1,
            ),
            // Less than half: no match.
            (
                vec![q((10, 20), (0, 3), "said", false)],
                vec![gold(&[(16, 40)], (0, 3), false)],
                false,
                0,
            ),
            // Wrong speaker counts for content only.
            (
                vec![q((10, 20), (5, 8), "said", false)],
                vec![gold(&[(10, 20)], (0, 3), false)],
                true,
                0,
            ),
            // Two pieces with one cue and speaker are one attribution.
            (
                vec![
                    q((10, 20), (0, 3), "said", true),
                    q((30, 40), (0, 3), "said", true),
                ],
                vec![gold(&[(10, 20), (30, 40)], (0, 3), true)],
                true,
                1,
            ),
            // One prediction cannot match two gold attributions.
            (
                vec![q((10, 40), (0, 3), "said", false)],
                vec![
                    gold(&[(10, 25)], (0, 3), false),
                    gold(&[(25, 40)], (0, 3), false),
                ],
                true,
                1,
            ),
        ];
        for (k, (pred, gold, with_speaker, tp)) in cases.into_iter().enumerate() {
            let groups = group(&pred);
            let p: Vec<&Attr> = groups.iter().collect();
            let g: Vec<&Attr> = gold.iter().collect();
            assert_eq!(score(&p, &g, with_speaker).tp, tp, "case {k}");
        }
    }

    #[test]
    fn gold_records_convert_chars_to_bytes() {
        let line = r#"{"split":"train","doc_id":"x","text":"“Já,” he said.","attributions":[{"source":{"segments":[[6,8]]},"content":{"segments":[[0,5]]}}]}"#;
        let rec: Record = serde_json::from_str(line).unwrap();
        let g = gold_attrs(&rec, "t").unwrap();
        assert_eq!(g[0].content[0].slice(&rec.text), "“Já,”");
        assert_eq!(g[0].speaker[0].slice(&rec.text), "he");
        assert!(g[0].direct);
        let bad = r#"{"text":"ab","attributions":[{"content":{"segments":[[0,9]]}}]}"#;
        let rec: Record = serde_json::from_str(bad).unwrap();
        assert!(
            gold_attrs(&rec, "f:1")
                .unwrap_err()
                .to_string()
                .contains("f:1")
        );
    }

    #[test]
    fn prf_arithmetic() {
        let p = Prf {
            tp: 3,
            predicted: 4,
            gold: 6,
        };
        assert_eq!(p.precision(), 0.75);
        assert_eq!(p.recall(), 0.5);
        assert!((p.f1() - 0.6).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 0.0);
    }

    #[test]
    fn polnear_floor() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/quotes/polnear_attributions.dev.jsonl"
        );
        if !std::path::Path::new(path).exists() {
            eprintln!("skipping: {path} not found");
            return;
        }
        // Floors under the measured train figures (direct 0.84, all 0.61): a regression guard.
        let scores = evaluate_file(path, super::super::find_quotes).unwrap();
        let train = &scores["train"];
        assert!(train.direct_speaker.f1() > 0.80, "{train:?}");
        assert!(train.all_speaker.f1() > 0.58, "{train:?}");
    }
}
