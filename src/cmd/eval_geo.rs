//! `herald eval geo FILE`: toponym detection and geocoding on LGL / TR-News gold (JSONL).

use std::collections::BTreeMap;
use std::io::BufRead;

use anyhow::Context;
use herald_code::places::{Gazetteer, Role, Toponym, find_toponyms};
use herald_core::{CharIndex, Document, Span};

use super::eval::Summary;

/// Flags of `herald eval geo`.
#[derive(Debug, clap::Args)]
pub struct GeoArgs {
    /// JSONL: `{corpus, doc_id, date, text, toponyms:[{start, end, lat, lon}]}` (char offsets).
    file: std::path::PathBuf,
    /// A GeoNames dump (allCountries.txt, citiesN.txt) to use instead of the embedded places.
    #[arg(long)]
    gazetteer: Option<std::path::PathBuf>,
    /// Tag and parse the text (entity tags inform detection) instead of segmenting only.
    #[arg(long)]
    analyze: bool,
    /// Print this many misses (gold toponyms not placed within 161 km).
    #[arg(long, default_value_t = 0)]
    errors: usize,
}

#[derive(serde::Deserialize)]
struct GoldDoc {
    #[serde(default)]
    corpus: String,
    doc_id: String,
    #[serde(default)]
    date: Option<String>,
    text: String,
    toponyms: Vec<GoldToponym>,
}

#[derive(serde::Deserialize)]
struct GoldToponym {
    start: usize,
    end: usize,
    lat: Option<f64>,
    lon: Option<f64>,
}

/// Counts for one slice of the data.
#[derive(Default, Clone, Copy)]
struct Tally {
    gold: usize,
    gold_geo: usize,
    found: usize,
    placed: usize,
    predicted: usize,
    predicted_ok: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.gold += o.gold;
        self.gold_geo += o.gold_geo;
        self.found += o.found;
        self.placed += o.placed;
        self.predicted += o.predicted;
        self.predicted_ok += o.predicted_ok;
    }

    fn json(&self) -> serde_json::Value {
        let r = herald_core::metrics::ratio;
        let (p, rec) = (
            r(self.predicted_ok, self.predicted),
            r(self.found, self.gold),
        );
        let f1 = herald_core::metrics::f1(p, rec);
        serde_json::json!({
            "within_161km": r(self.placed, self.gold_geo),
            "placed": self.placed, "gold_with_coordinates": self.gold_geo,
            "detection": {"p": p, "r": rec, "f1": f1, "predicted": self.predicted, "gold": self.gold},
        })
    }

    fn line(&self, name: &str) -> String {
        let j = self.json();
        format!(
            "{name:22} within 161 km {:5.1}% ({}/{})  detection P {:.3} R {:.3} F1 {:.3}\n",
            100.0 * j["within_161km"].as_f64().unwrap_or(0.0),
            self.placed,
            self.gold_geo,
            j["detection"]["p"].as_f64().unwrap_or(0.0),
            j["detection"]["r"].as_f64().unwrap_or(0.0),
            j["detection"]["f1"].as_f64().unwrap_or(0.0),
        )
    }
}

/// Scores one document's predictions against its gold toponyms.
fn tally(gold: &[(Span, Option<(f64, f64)>)], pred: &[&Toponym]) -> (Tally, Vec<usize>) {
    let mut t = Tally {
        gold: gold.len(),
        predicted: pred.len(),
        ..Default::default()
    };
    let mut misses = Vec::new();
    for (k, (span, coords)) in gold.iter().enumerate() {
        let hits: Vec<&&Toponym> = pred
            .iter()
            .filter(|p| p.place.span.overlaps(*span))
            .collect();
        t.found += usize::from(!hits.is_empty());
        if let Some((lat, lon)) = coords {
            t.gold_geo += 1;
            let near = hits
                .iter()
                .any(|p| herald_geo::distance_km(p.place.lat, p.place.lon, *lat, *lon) <= 161.0);
            t.placed += usize::from(near);
            if !near {
                misses.push(k);
            }
        }
    }
    t.predicted_ok = pred
        .iter()
        .filter(|p| gold.iter().any(|(s, _)| s.overlaps(p.place.span)))
        .count();
    (t, misses)
}

/// Scores herald's toponym detection and geocoding on the gold file.
pub fn geo(args: GeoArgs) -> anyhow::Result<Summary> {
    let loaded;
    let gaz: &Gazetteer = match &args.gazetteer {
        Some(path) => {
            loaded = Gazetteer::load_geonames(path)?;
            &loaded
        }
        None => Gazetteer::embedded(),
    };
    let file = std::fs::File::open(&args.file).with_context(|| args.file.display().to_string())?;
    let mut all = Tally::default();
    let mut places_only = Tally::default();
    let mut by_corpus: BTreeMap<String, Tally> = BTreeMap::new();
    let mut docs = 0;
    let mut errors = Vec::new();
    let mut spurious: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{}:{}", args.file.display(), n + 1);
        let gold: GoldDoc = serde_json::from_str(&line).with_context(|| origin.clone())?;
        docs += 1;
        let mut doc = Document::from_text(gold.text);
        doc.id = gold.doc_id;
        doc.published = gold
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
        let sentences = if args.analyze {
            herald_nlp::analyze(&doc.text)
        } else {
            herald_nlp::segment::segment(&doc.text)
        };
        let found = find_toponyms(&doc, &sentences, gaz);
        let idx = CharIndex::new(&doc.text);
        let golds: Vec<(Span, Option<(f64, f64)>)> = gold
            .toponyms
            .iter()
            .map(|t| (idx.span_from_chars(t.start, t.end), t.lat.zip(t.lon)))
            .collect();
        let every: Vec<&Toponym> = found.iter().collect();
        let (t, misses) = tally(&golds, &every);
        all.add(&t);
        by_corpus.entry(gold.corpus.clone()).or_default().add(&t);
        let only: Vec<&Toponym> = found.iter().filter(|t| t.role == Role::Place).collect();
        places_only.add(&tally(&golds, &only).0);
        for p in &found {
            if !golds.iter().any(|(s, _)| s.overlaps(p.place.span)) {
                *spurious
                    .entry(p.place.span.slice(&doc.text).to_string())
                    .or_insert(0usize) += 1;
            }
        }
        for k in misses {
            if errors.len() >= args.errors {
                break;
            }
            let (span, coords) = golds[k];
            let got: Vec<String> = found
                .iter()
                .filter(|p| p.place.span.overlaps(span))
                .map(|p| {
                    format!(
                        "{} {:?} ({:.2},{:.2})",
                        p.place.name, p.place.country, p.place.lat, p.place.lon
                    )
                })
                .collect();
            let (lat, lon) = coords.unwrap_or_default();
            errors.push(format!(
                "  {} {:?} gold ({lat:.2},{lon:.2}) got [{}]",
                doc.id,
                span.slice(&doc.text),
                got.join("; ")
            ));
        }
    }
    let mut human = format!(
        "{}: {docs} documents, gazetteer of {} places\n",
        args.file.display(),
        gaz.len()
    );
    human += &all.line("all toponyms");
    for (c, t) in &by_corpus {
        human += &t.line(&format!("  {c}"));
    }
    human += &places_only.line("places only (no demonyms, metonyms)");
    for e in errors {
        human += &e;
        human.push('\n');
    }
    if args.errors > 0 {
        let mut top: Vec<(&String, &usize)> = spurious.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        human += "most frequent spurious names: ";
        for (name, n) in top.into_iter().take(args.errors.min(80)) {
            human += &format!("{name} {n}, ");
        }
        human.push('\n');
    }
    let corpora: serde_json::Map<String, serde_json::Value> = by_corpus
        .iter()
        .map(|(c, t)| (c.clone(), t.json()))
        .collect();
    let mut json = all.json();
    json["eval"] = "geo".into();
    json["file"] = args.file.display().to_string().into();
    json["documents"] = docs.into();
    json["by_corpus"] = corpora.into();
    json["places_only"] = places_only.json();
    Ok(Summary { human, json })
}
