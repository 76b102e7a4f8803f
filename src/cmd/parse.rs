//! `herald parse --format conllu FILE`: tokens → CoNLL-U with predicted LEMMA, UPOS, XPOS,
//! HEAD and DEPREL.
//!
//! A CoNLL-U input keeps its gold tokenisation (the standard way to score a parser); any other
//! input is plain text, segmented by herald's splitter and tokenizer first.

use anyhow::Context;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum Format {
    /// CoNLL-U (UD).
    #[default]
    Conllu,
}

/// Flags of `herald parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Conllu)]
    format: Format,
    /// Input: a CoNLL-U file (gold tokens kept) or plain text; `-` reads stdin.
    file: PathBuf,
}

/// Runs `herald parse`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let name = args.file.display().to_string();
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading stdin")?;
    } else {
        bytes = std::fs::read(&args.file).with_context(|| format!("reading {name}"))?;
    }
    let input = String::from_utf8(bytes).with_context(|| format!("{name}: not valid UTF-8"))?;
    let Format::Conllu = args.format;
    let models = herald_nlp::Models::embedded();
    let out = if herald_nlp::conllu_out::looks_like_conllu(&input) {
        let sents = herald_nlp::conllu::parse(&input, &name)?;
        let mut ann = herald_nlp::Annotator::new(models);
        herald_nlp::conllu_out::annotate_conllu(&mut ann, &sents)
    } else {
        let sentences = herald_nlp::analyze(&input);
        herald_nlp::conllu_out::sentences_to_conllu(&input, &sentences)
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
