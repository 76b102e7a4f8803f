//! Experiment driver for tagger ensembles (not part of the shipped pipeline).
//!
//! ```text
//! tagger_ensemble train l2r|r2l SEED OUT [modal]  # one single-pass tagger
//! tagger_ensemble eval DEV SHARES FILE...     # joins the files' passes, scores on DEV
//! tagger_ensemble tag "SENTENCE" FILE...      # XPOS of the joined passes
//! ```
//! `SHARES` is a comma list of per-pass shares (or `-` for all 1). Scoring uses the committed
//! lemma.bin and parser.bin.

use herald_nlp::tagger::{self, Direction, TagTrainConfig, Tagger};
use herald_nlp::{Models, conllu, data, eval_ud, lemma::Lemmatizer, parser::Parser};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let models = concat!(env!("CARGO_MANIFEST_DIR"), "/models");
    match args[0].as_str() {
        "train" => {
            let dir = match args[1].as_str() {
                "l2r" => Direction::LeftToRight,
                "r2l" => Direction::RightToLeft,
                d => panic!("direction {d}"),
            };
            let seed: u64 = args[2].parse().unwrap();
            let after_modal = args.get(4).is_some_and(|a| a == "modal");
            let ud = data::ud_dir().unwrap();
            let sents = data::training_sentences(&ud).unwrap();
            let t0 = Instant::now();
            let cfg = TagTrainConfig {
                seed,
                directions: vec![dir],
                after_modal,
                ..Default::default()
            };
            let t = tagger::train(&sents, &cfg);
            eprintln!(
                "trained {dir:?} seed {seed} in {:.1}s",
                t0.elapsed().as_secs_f64()
            );
            std::fs::write(&args[3], t.to_bytes()).unwrap();
        }
        "eval" => {
            let gold = conllu::read(std::path::Path::new(&args[1])).unwrap();
            let mut t = joined(&args[3..]);
            if args[2] != "-" {
                let shares: Vec<f32> = args[2].split(',').map(|x| x.parse().unwrap()).collect();
                t.set_shares(&shares);
            }
            let read = |n: &str| std::fs::read(format!("{models}/{n}")).unwrap();
            let lem = Lemmatizer::from_bytes(&read("lemma.bin"), "lemma").unwrap();
            let par = Parser::from_bytes(&read("parser.bin"), "parser").unwrap();
            let m = Models::new(t, lem, Some(par), None);
            let mut ann = herald_nlp::Annotator::new(&m);
            let sc = eval_ud::evaluate(&mut ann, &gold);
            println!(
                "{} | UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2} | tag {:.0} tag+parse {:.0} tok/s",
                args[2..].join(" "),
                sc.pct(sc.upos),
                sc.pct(sc.xpos),
                sc.pct(sc.uas),
                sc.pct(sc.las),
                sc.rate(sc.tag_seconds),
                sc.rate(sc.tag_seconds + sc.parse_seconds)
            );
        }
        "tag" => {
            // tag SENTENCE FILE...: the joined passes' XPOS for a space-separated sentence.
            let t = joined(&args[2..]);
            let words: Vec<&str> = args[1].split(' ').collect();
            let mut out = Vec::new();
            t.tag(&words, &mut tagger::TagScratch::default(), &mut out);
            let tagged: Vec<String> = words
                .iter()
                .zip(&out)
                .map(|(w, &c)| format!("{w}/{}", t.xpos(c)))
                .collect();
            println!("{}", tagged.join(" "));
        }
        c => panic!("command {c}"),
    }
}

/// The passes of the tagger files `files`, joined into one tagger.
fn joined(files: &[String]) -> Tagger {
    files
        .iter()
        .map(|f| Tagger::from_bytes(&std::fs::read(f).unwrap(), f).unwrap())
        .reduce(Tagger::join)
        .expect("at least one tagger file")
}
