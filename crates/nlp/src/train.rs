//! `herald train`: regenerates the committed model files from the treebanks.
//!
//! Every run is deterministic (fixed seeds, single thread): the same data gives the same
//! bytes. Progress goes to stderr.

use crate::data;
use crate::pipeline::{LEMMA_FILE, TAGGER_FILE};
use crate::{lemma, tagger};
use herald_core::{Error, Result};
use std::path::Path;
use std::time::Instant;

/// Writes `bytes` to `dir/name`, creating `dir`.
fn write_model(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display(), e))?;
    let p = dir.join(name);
    std::fs::write(&p, bytes).map_err(|e| Error::io(p.display(), e))?;
    eprintln!("wrote {} ({} bytes)", p.display(), bytes.len());
    Ok(())
}

/// Trains the tagger and the lemmatizer from `ud` and writes them into `out`.
pub fn train_tagger(ud: &Path, out: &Path) -> Result<()> {
    let t0 = Instant::now();
    let sents = data::training_sentences(ud)?;
    let n_tokens: usize = sents.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training tagger on {} sentences, {n_tokens} tokens (EWT train + GUM train without whow/fiction)",
        sents.len()
    );
    let cfg = tagger::TagTrainConfig::default();
    let t = tagger::train(&sents, &cfg);
    eprintln!("tagger trained in {:.1}s", t0.elapsed().as_secs_f64());
    write_model(out, TAGGER_FILE, &t.to_bytes())?;
    let l = lemma::train(&sents);
    write_model(out, LEMMA_FILE, &l.to_bytes())?;
    eprintln!("tagger + lemmatizer: {:.1}s", t0.elapsed().as_secs_f64());
    Ok(())
}

/// Parser training: jackknifed tags, then the parser itself.
pub fn train_parser(ud: &Path, out: &Path) -> Result<()> {
    crate::train_parser::run(ud, out)
}

/// Trains the entity recogniser (with the tagger in `out`, else the embedded one), writes it
/// into `out` and reports held-out scores.
pub fn train_ner(ud: &Path, out: &Path) -> Result<()> {
    let own = out.join(TAGGER_FILE);
    let loaded;
    let tagger = if own.is_file() {
        let bytes = std::fs::read(&own).map_err(|e| Error::io(own.display(), e))?;
        loaded = tagger::Tagger::from_bytes(&bytes, &own.display().to_string())?;
        &loaded
    } else {
        &crate::Models::embedded().tagger
    };
    crate::train_ner::run(ud, out, tagger).map(|_| ())
}
