//! `herald eval time FILE`: time expressions on TimeBank/AQUAINT TIMEX3 gold (JSONL with `dct`).

use std::collections::BTreeMap;
use std::io::BufRead;

use anyhow::Context;
use herald_core::{CharIndex, Document, Span};

use super::eval::Summary;

/// Flags of `herald eval time`.
#[derive(Debug, clap::Args)]
pub struct TimeArgs {
    /// JSONL: `{doc_id, dct, text, timexes:[{start, end, type, value}]}` (char offsets).
    file: std::path::PathBuf,
    /// Print this many misses (gold DATE values not predicted) with their context.
    #[arg(long, default_value_t = 0)]
    errors: usize,
    /// Print misses of this granularity only (day, week, month, quarter, year…).
    #[arg(long)]
    granularity: Option<String>,
}

#[derive(serde::Deserialize)]
struct GoldDoc {
    doc_id: String,
    dct: String,
    text: String,
    timexes: Vec<GoldTimex>,
}

#[derive(serde::Deserialize)]
struct GoldTimex {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    value: Option<String>,
}

/// The granularity of a TIMEX3 value, and the value normalised for comparison (`1998-W7` and
/// `1998-W07` are one week; trailing `X` of decades dropped).
fn granularity(value: &str) -> Option<(&'static str, String)> {
    let v = value.trim_end_matches('X');
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    Some(match v.len() {
        10 if digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) => {
            ("day", v.into())
        }
        7 if digits(0..4) && b[4] == b'-' && digits(5..7) => ("month", v.into()),
        4 if digits(0..4) => ("year", v.into()),
        3 if digits(0..3) => ("decade", v.into()),
        7 | 8 if digits(0..4) && v[4..].starts_with("-W") && digits(6..v.len()) => (
            "week",
            format!("{}-W{:02}", &v[..4], v[6..].parse::<u32>().ok()?),
        ),
        7 if digits(0..4) && v[4..].starts_with("-Q") => ("quarter", v.into()),
        7 if digits(0..4) && matches!(&v[5..], "SP" | "SU" | "FA" | "WI") => ("season", v.into()),
        _ => return None,
    })
}

/// Scores herald's time recogniser and resolver on the gold file.
pub fn time(args: TimeArgs) -> anyhow::Result<Summary> {
    let file = std::fs::File::open(&args.file).with_context(|| args.file.display().to_string())?;
    let (mut docs, mut gold_n, mut pred_n, mut pred_ok, mut gold_found) = (0, 0, 0, 0, 0);
    let (mut full_day, mut full_day_ok) = (0, 0);
    // granularity → (gold, detected, right value)
    let mut by_gran: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut errors = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{}:{}", args.file.display(), n + 1);
        let gold: GoldDoc = serde_json::from_str(&line).with_context(|| origin.clone())?;
        let dct =
            chrono::NaiveDate::parse_from_str(gold.dct.get(..10).unwrap_or(""), "%Y-%m-%d")
                .with_context(|| format!("{origin}: id={}: bad dct {:?}", gold.doc_id, gold.dct))?;
        docs += 1;
        let mut doc = Document::from_text(gold.text);
        doc.id = gold.doc_id;
        doc.published = Some(dct);
        let sentences = herald_nlp::segment::segment(&doc.text);
        let times = herald_code::time::find_times(&doc, &sentences);
        let idx = CharIndex::new(&doc.text);
        let golds: Vec<(Span, &GoldTimex)> = gold
            .timexes
            .iter()
            .map(|t| (idx.span_from_chars(t.start, t.end), t))
            .collect();
        let counted = |t: &GoldTimex| matches!(t.kind.as_str(), "DATE" | "TIME");
        pred_n += times.len();
        pred_ok += times
            .iter()
            .filter(|p| golds.iter().any(|(s, _)| s.overlaps(p.span)))
            .count();
        for (span, g) in &golds {
            if !counted(g) {
                continue;
            }
            gold_n += 1;
            let hits: Vec<_> = times.iter().filter(|p| p.span.overlaps(*span)).collect();
            gold_found += usize::from(!hits.is_empty());
            let Some((gran, norm)) = g
                .value
                .as_deref()
                .filter(|_| g.kind == "DATE")
                .and_then(granularity)
            else {
                continue;
            };
            let right = hits.iter().any(|p| {
                p.value
                    .as_deref()
                    .and_then(granularity)
                    .is_some_and(|(_, v)| v == norm)
            });
            let e = by_gran.entry(gran).or_default();
            e.0 += 1;
            e.1 += usize::from(!hits.is_empty());
            e.2 += usize::from(right);
            if gran == "day" {
                full_day += 1;
                full_day_ok += usize::from(right);
            }
            if !right
                && errors.len() < args.errors
                && args.granularity.as_deref().is_none_or(|g| g == gran)
            {
                {
                    let got: Vec<String> = hits
                        .iter()
                        .map(|p| format!("{:?}={}", p.text, p.value.as_deref().unwrap_or("-")))
                        .collect();
                    let ctx_start = doc.text.floor_char_boundary(span.start.saturating_sub(50));
                    let ctx_end = doc
                        .text
                        .ceil_char_boundary((span.end + 30).min(doc.text.len()));
                    errors.push(format!(
                        "  {} dct {dct} gold {:?}={} got [{}]  …{}…",
                        doc.id,
                        span.slice(&doc.text),
                        norm,
                        got.join(", "),
                        doc.text[ctx_start..ctx_end].replace('\n', " ")
                    ));
                }
            }
        }
    }
    let ratio = herald_core::metrics::ratio;
    let (p, r) = (ratio(pred_ok, pred_n), ratio(gold_found, gold_n));
    let f1 = herald_core::metrics::f1(p, r);
    let mut human = format!(
        "{}: {docs} documents\nfull-day dates resolved: {full_day_ok}/{full_day} = {:.1}%\n\
         detection (DATE+TIME, overlap): P {:.3} R {:.3} F1 {:.3} ({pred_n} predicted, {gold_n} gold)\n\
         by granularity (gold DATE): gold / detected / right value\n",
        args.file.display(),
        100.0 * ratio(full_day_ok, full_day),
        p,
        r,
        f1
    );
    let mut grans = serde_json::Map::new();
    for (g, (n, d, ok)) in &by_gran {
        human += &format!(
            "  {g:8} {n:4} / {d:4} / {ok:4}  ({:.1}% right)\n",
            100.0 * ratio(*ok, *n)
        );
        grans.insert(
            g.to_string(),
            serde_json::json!({"gold": n, "detected": d, "right": ok, "accuracy": ratio(*ok, *n)}),
        );
    }
    for e in errors {
        human += &e;
        human.push('\n');
    }
    let json = serde_json::json!({
        "eval": "time",
        "file": args.file.display().to_string(),
        "documents": docs,
        "full_day_resolved": ratio(full_day_ok, full_day),
        "full_day": {"gold": full_day, "right": full_day_ok},
        "detection": {"p": p, "r": r, "f1": f1, "predicted": pred_n, "gold": gold_n},
        "by_granularity": grans,
    });
    Ok(Summary { human, json })
}

#[cfg(test)]
mod tests {
    use super::granularity;

    #[test]
    fn timex_values() {
        for (v, want) in [
            ("1998-08-08", Some(("day", "1998-08-08"))),
            ("2000-W7", Some(("week", "2000-W07"))),
            ("1998-W32", Some(("week", "1998-W32"))),
            ("1998-01", Some(("month", "1998-01"))),
            ("1989-Q3", Some(("quarter", "1989-Q3"))),
            ("199X", Some(("decade", "199"))),
            ("1998", Some(("year", "1998"))),
            ("PRESENT_REF", None),
            ("1998-12-XX", None),
        ] {
            assert_eq!(
                granularity(v).as_ref().map(|(g, n)| (*g, n.as_str())),
                want,
                "{v}"
            );
        }
    }
}
