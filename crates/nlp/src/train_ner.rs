//! Entity-recogniser training (`herald train ner`) and scoring on held-out data.

use crate::conllu;
use crate::data;
use crate::features::AtomBuf;
use crate::ner::{self, CLASSES, Ner, NerScratch, NerTrainSent, class_of};
use crate::ner_data::{NerSentence, from_gum, read_iob2, spans};
use crate::parser::tag_value;
use crate::pipeline::NER_FILE;
use crate::tagger::{TagScratch, Tagger, fill_atoms};
use herald_core::{Error, Result};
use std::path::Path;
use std::time::Instant;

/// Entity-level precision, recall and F1 (exact span and type).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NerScore {
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Exactly matching entities.
    pub correct: usize,
}

impl NerScore {
    /// Precision.
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        herald_core::metrics::f1(self.precision(), self.recall())
    }
}

/// Tags with `tagger` and converts to training form: with [`Tagger::tag_plain`] for
/// training (`plain`), with the tags of run time for scoring.
pub fn prepare(tagger: &Tagger, sents: &[NerSentence], plain: bool) -> Vec<NerTrainSent> {
    let mut buf = AtomBuf::default();
    let mut scratch = TagScratch::default();
    let mut classes = Vec::new();
    sents
        .iter()
        .filter(|s| !s.words.is_empty())
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            if plain {
                tagger.tag_plain(&words, &mut scratch, &mut classes);
            } else {
                tagger.tag(&words, &mut scratch, &mut classes);
            }
            let mut atoms = Vec::new();
            fill_atoms(&words, &mut buf, &mut atoms);
            NerTrainSent {
                atoms,
                tags: classes
                    .iter()
                    .map(|&c| tag_value(tagger.upos(c).as_str(), tagger.xpos(c)))
                    .collect(),
                gold: s.tags.iter().map(|t| class_of(t)).collect(),
            }
        })
        .collect()
}

/// Scores `ner` on gold sentences.
pub fn evaluate(ner: &Ner, tagger: &Tagger, gold: &[NerSentence]) -> NerScore {
    let mut sc = NerScore::default();
    let mut scratch = NerScratch::default();
    let mut out = Vec::new();
    for s in prepare(tagger, gold, false) {
        ner.tag(&s.atoms, &s.tags, &mut scratch, &mut out);
        let g: Vec<String> = s.gold.iter().map(|&c| CLASSES[c].to_string()).collect();
        let p: Vec<String> = out.iter().map(|&c| CLASSES[c].to_string()).collect();
        let gs = spans(&g);
        let ps = spans(&p);
        sc.gold += gs.len();
        sc.predicted += ps.len();
        sc.correct += ps.iter().filter(|x| gs.contains(x)).count();
    }
    sc
}

/// GUM sentences of the permitted documents, as named-entity data.
pub fn gum(path: &Path) -> Result<Vec<NerSentence>> {
    Ok(conllu::read(path)?
        .iter()
        .filter(|s| data::allowed(s))
        .map(from_gum)
        .collect())
}

/// Trains the recogniser with the tagger in `tagger`, writes it to `out`, and reports scores
/// on UNER test and GUM test (both held out).
pub fn run(ud: &Path, out: &Path, tagger: &Tagger) -> Result<Ner> {
    let t0 = Instant::now();
    let mut train_sents = gum(&ud.join("en_gum-ud-train.conllu"))?;
    train_sents.extend(read_iob2(&ud.join("uner_en_ewt-dev.iob2"))?);
    let set = prepare(tagger, &train_sents, true);
    eprintln!(
        "training entity recogniser on {} sentences (GUM train without whow/fiction + UNER EWT dev)",
        set.len()
    );
    let model = ner::train(&set, 10, 0x004E_4552);
    let bytes = model.to_bytes();
    std::fs::create_dir_all(out).map_err(|e| Error::io(out.display(), e))?;
    let path = out.join(NER_FILE);
    std::fs::write(&path, &bytes).map_err(|e| Error::io(path.display(), e))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1}s",
        path.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    for (name, gold) in [
        (
            "UNER EWT test",
            read_iob2(&ud.join("uner_en_ewt-test.iob2"))?,
        ),
        (
            "GUM test (named mentions)",
            gum(&ud.join("en_gum-ud-test.conllu"))?,
        ),
    ] {
        let sc = evaluate(&model, tagger, &gold);
        eprintln!(
            "{name}: P {:.2}% R {:.2}% F1 {:.2}% ({} gold entities)",
            100.0 * sc.precision(),
            100.0 * sc.recall(),
            100.0 * sc.f1(),
            sc.gold
        );
    }
    Ok(model)
}
