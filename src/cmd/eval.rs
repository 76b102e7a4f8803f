//! `herald eval KIND FILE`: accuracy on gold data in the formats of ../shared/data.
//!
//! Every evaluation prints a human summary on stderr and one JSON summary line on stdout.

use std::process::ExitCode;

/// What to evaluate.
#[derive(Debug, clap::Subcommand)]
pub enum Kind {
    // One variant per evaluation; each delegates to a library function that returns a
    // `Summary`.
    /// Event coding on a PETRARCH validation file: expected/matched/spurious per category.
    Petrarch(super::eval_events::PetrarchArgs),
    /// PLOVER event type of each sentence's main event (PLOVER_GSR_CAMEO JSON).
    Plover(super::eval_events::ClassArgs),
    /// Class of each sentence's main event (`text<TAB>label`), in Phoenix's five-way scheme
    /// the ConfliBERT sets use: 0 none, statement or appeal; 1-4 as the quad classes, with
    /// 09 and 16 verbal and 14 material conflict.
    Quad(super::eval_events::ClassArgs),
    /// Sentence splitter and tokenizer on a UD treebank: sentence, token and word F1.
    Segment(SegmentArgs),
    /// Tagger, lemmatizer and parser on a UD treebank with gold tokens: UPOS, XPOS, lemma,
    /// UAS, LAS, tokens/s.
    Ud(super::eval_ud::UdArgs),
    /// Quotes and attributions on PolNeAR-style gold, per split: direct quotes and all
    /// attributions with the right speaker, and content only (P/R/F1).
    Quotes {
        /// A JSONL gold file (`polnear_attributions.dev.jsonl`).
        file: String,
    },
    /// Time expressions on TIMEX3 gold: full-day dates resolved, detection P/R/F1, accuracy
    /// by granularity.
    Time(super::eval_time::TimeArgs),
    /// Toponyms on geoparsing gold: placed within 161 km, detection P/R/F1.
    Geo(super::eval_geo::GeoArgs),
}

/// A finished evaluation: the human text and the JSON line.
pub struct Summary {
    /// Lines for stderr.
    pub human: String,
    /// The one-line JSON summary for stdout.
    pub json: serde_json::Value,
}

/// Runs one evaluation and prints its summary.
pub fn run(kind: Kind) -> anyhow::Result<ExitCode> {
    let summary: Summary = match kind {
        Kind::Petrarch(a) => super::eval_events::petrarch(a)?,
        Kind::Plover(a) => super::eval_events::plover(a)?,
        Kind::Quad(a) => super::eval_events::quad(a)?,
        Kind::Segment(a) => segment(a)?,
        Kind::Ud(a) => super::eval_ud::ud(a)?,
        Kind::Time(a) => super::eval_time::time(a)?,
        Kind::Geo(a) => super::eval_geo::geo(a)?,
        Kind::Quotes { file } => {
            let (human, json) = herald_code::quotes::eval::report(&file)?;
            Summary { human, json }
        }
    };
    #[allow(unreachable_code)]
    {
        eprintln!("{}", summary.human.trim_end());
        println!("{}", serde_json::to_string(&summary.json)?);
        Ok(ExitCode::SUCCESS)
    }
}

/// Flags of `herald eval segment`.
#[derive(Debug, clap::Args)]
pub struct SegmentArgs {
    /// A CoNLL-U file; documents are rebuilt from `# text`, `# newdoc` and `# newpar`.
    file: std::path::PathBuf,
    /// Print this many sentence-boundary errors with context, and this many token errors.
    #[arg(long, default_value_t = 0)]
    errors: usize,
}

/// Scores the segmenter, and the trivial same-run baseline, on a treebank.
fn segment(args: SegmentArgs) -> anyhow::Result<Summary> {
    use herald_nlp::segment::{Prf, SegmentScore, Splitter, evaluate};
    let sents = herald_nlp::conllu::read(&args.file)?;
    let ours = evaluate(&sents, Splitter::Herald, args.errors);
    let base = evaluate(&sents, Splitter::Baseline, 0);
    let prf = |p: &Prf| {
        serde_json::json!({
            "p": p.precision(), "r": p.recall(), "f1": p.f1(),
            "correct": p.correct, "gold": p.gold, "predicted": p.predicted,
        })
    };
    let line = |name: &str, s: &SegmentScore| {
        format!(
            "{name:9} sentences F1 {:.4} (P {:.4} R {:.4})  tokens F1 {:.4}  words F1 {:.4}  {:.1} MB/s\n",
            s.sentences.f1(),
            s.sentences.precision(),
            s.sentences.recall(),
            s.tokens.f1(),
            s.words.f1(),
            s.mb_per_s()
        )
    };
    let mut human = format!(
        "{}: {} documents, {} bytes, {} gold sentences, {} gold tokens ({} unaligned)\n",
        args.file.display(),
        ours.documents,
        ours.bytes,
        ours.sentences.gold,
        ours.tokens.gold,
        ours.unaligned
    );
    human += &line("herald", &ours);
    human += &line("baseline", &base);
    for e in ours.errors.iter().chain(&ours.token_errors) {
        human += &format!("  {e}\n");
    }
    let json = serde_json::json!({
        "eval": "segment",
        "file": args.file.display().to_string(),
        "documents": ours.documents,
        "bytes": ours.bytes,
        "sentences": prf(&ours.sentences),
        "tokens": prf(&ours.tokens),
        "words": prf(&ours.words),
        "mb_per_s": ours.mb_per_s(),
        "baseline": {
            "sentences": prf(&base.sentences),
            "tokens": prf(&base.tokens),
            "words": prf(&base.words),
        },
    });
    Ok(Summary { human, json })
}
