//! `herald eval KIND FILE`: accuracy on gold data in the formats of ../shared/data.
//!
//! Every evaluation prints a human summary on stderr and one JSON summary line on stdout.

use std::process::ExitCode;

/// What to evaluate.
#[derive(Debug, clap::Subcommand)]
pub enum Kind {
    // One variant per evaluation; each delegates to a library function that returns a
    // `Summary`.
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
    let summary: Summary = match kind {};
    #[allow(unreachable_code)]
    {
        eprintln!("{}", summary.human.trim_end());
        println!("{}", serde_json::to_string(&summary.json)?);
        Ok(ExitCode::SUCCESS)
    }
}
