//! `herald code`: the stateless filter. Articles in, one JSON line per document out.

use anyhow::Context;
use herald_code::Coder;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `herald code`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files or directories; `-` reads standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

/// Codes every input; bad records go to stderr and make the exit status 1.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let coder = Coder::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for path in &args.inputs {
        for doc in herald_read::read_path(path) {
            match doc {
                Ok(doc) => {
                    let coded = coder.code(&doc);
                    serde_json::to_writer(&mut out, &coded).context("writing output")?;
                    out.write_all(b"\n").context("writing output")?;
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("herald: {e}");
                }
            }
        }
    }
    out.flush().context("writing output")?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
