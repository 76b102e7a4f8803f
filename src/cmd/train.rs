//! `herald train tagger|parser|ner`: regenerates the committed model files.
//!
//! ```text
//! herald train tagger   # writes crates/nlp/models/{tagger,lemma}.bin
//! herald train parser   # writes crates/nlp/models/parser.bin
//! herald train ner      # writes crates/nlp/models/ner.bin
//! ```
//! Reads the treebanks from `../shared/data/ud` (found by walking up from the current
//! directory, or `--ud DIR`). Deterministic, single-threaded.

use std::path::PathBuf;
use std::process::ExitCode;

/// Which model to train.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum What {
    /// Part-of-speech tagger (UPOS + XPOS) and lemmatizer.
    Tagger,
    /// Dependency parser (trains on jackknifed tags).
    Parser,
    /// Entity recogniser (uses the tagger in the output directory, else the embedded one).
    Ner,
}

/// Flags of `herald train`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The model to train.
    what: What,
    /// Directory holding the UD treebanks (default: `shared/data/ud` found above the
    /// current directory).
    #[arg(long)]
    ud: Option<PathBuf>,
    /// Where to write the model files.
    #[arg(long, default_value = "crates/nlp/models")]
    out: PathBuf,
}

/// Runs `herald train`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let ud = match args.ud {
        Some(d) => d,
        None => herald_nlp::data::ud_dir()?,
    };
    match args.what {
        What::Tagger => herald_nlp::train::train_tagger(&ud, &args.out)?,
        What::Parser => herald_nlp::train::train_parser(&ud, &args.out)?,
        What::Ner => herald_nlp::train::train_ner(&ud, &args.out)?,
    }
    Ok(ExitCode::SUCCESS)
}
