//! `herald dict import|check|show`: dictionaries in PETRARCH's, TABARI's and herald's formats.

use anyhow::Context;
use herald_dict::{Dictionary, compile::CompiledDict, format, load, petrarch, show, tabari};
use std::path::PathBuf;
use std::process::ExitCode;

/// What to do with dictionaries.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Convert a PETRARCH or TABARI dictionary file to herald's format (stdout or --output).
    Import {
        /// PETRARCH: verbs, actors, agents, discards or issues. TABARI: actors, verbs,
        /// agents or options.
        #[arg(long)]
        kind: String,
        /// The file's format: petrarch or tabari.
        #[arg(long, default_value = "petrarch")]
        from: String,
        /// The PETRARCH or TABARI file.
        file: PathBuf,
        /// Where to write the herald-format file.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Report every problem of a dictionary file with its line; exit status 1 if any.
    Check {
        /// The file's kind: herald, verbs, actors, agents, discards, issues (PETRARCH), or
        /// with `--from tabari` actors, verbs, agents, options. Default: herald for .hd
        /// files, else the kind the file name holds ("PETR.Validate.verbs.txt": verbs).
        #[arg(long)]
        kind: Option<String>,
        /// The format of a non-herald file: petrarch or tabari.
        #[arg(long, default_value = "petrarch")]
        from: String,
        /// The file.
        file: PathBuf,
    },
    /// Explain how a word or name codes: actor codes and dates, agent, verb patterns.
    Show {
        /// A word or name ("Tokayev", "police", "arrested").
        term: String,
        /// Extra dictionaries, KIND=PATH (repeatable).
        #[arg(long = "dict")]
        dicts: Vec<String>,
        /// Use only the --dict dictionaries.
        #[arg(long)]
        no_default_dict: bool,
    },
}

/// Runs a `dict` action.
pub fn run(action: Action) -> anyhow::Result<ExitCode> {
    match action {
        Action::Import {
            kind,
            from,
            file,
            output,
        } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let p = read_foreign(&from, &kind, &text)?;
            for pr in &p.problems {
                eprintln!("{}:{}: skipped: {}", file.display(), pr.line, pr.message);
            }
            let out = format::write(&p.dict)?;
            match output {
                Some(o) => {
                    std::fs::write(&o, out).with_context(|| format!("writing {}", o.display()))?
                }
                None => print!("{out}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Action::Check { kind, from, file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let origin = file.display().to_string();
            let kind = match kind {
                Some(k) => k,
                None => {
                    let k = guess_kind(&file, &text);
                    if k != "herald" {
                        eprintln!(
                            "{origin}: read as {} {k} (from its name or contents; --kind to say \
                             otherwise)",
                            if from == "tabari" {
                                "TABARI"
                            } else {
                                "PETRARCH"
                            }
                        );
                    }
                    k.to_string()
                }
            };
            let lines: Vec<String> = if matches!(kind.as_str(), "herald" | "hd") && from != "tabari"
            {
                format::check(&text, &origin)
                    .iter()
                    .map(|p| p.to_string())
                    .collect()
            } else {
                let p = read_foreign(&from, &kind, &text)?;
                let mut v: Vec<String> = p
                    .problems
                    .iter()
                    .map(|pr| format!("{origin}:{}: {}", pr.line, pr.message))
                    .collect();
                for e in &p.dict.verbs {
                    for c in e.code.split(':').filter(|c| !c.is_empty()) {
                        if !herald_dict::format::is_cameo_event_code(c) {
                            v.push(format!(
                                "{origin}:{}: {c:?} is not a CAMEO event code",
                                e.line
                            ));
                        }
                    }
                }
                v
            };
            for l in &lines {
                println!("{l}");
            }
            eprintln!("{}: {} problem(s)", origin, lines.len());
            Ok(if lines.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Action::Show {
            term,
            dicts,
            no_default_dict,
        } => {
            let dict = build(&dicts, no_default_dict)?;
            for l in show::explain(&dict, &term) {
                println!("{l}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The kind of a dictionary file given without `--kind`: herald's own for `.hd` files and
/// files with `@section` headers, verbs for a file of PETRARCH verb blocks, else what the file
/// name says ("PETR.Validate.actors.txt" is an actors file, "Phoenix.agents.txt" an agents
/// file), else herald's.
fn guess_kind(file: &std::path::Path, text: &str) -> &'static str {
    if file.extension().is_some_and(|e| e == "hd") || text.lines().any(|l| l.starts_with('@')) {
        return "herald";
    }
    // A file of verb blocks ("--- RESTORE [064] ---") whatever its name ("CAMEO.2.0.txt").
    if text
        .lines()
        .any(|l| l.starts_with("--- ") && l.trim_end().ends_with("---"))
    {
        return "verbs";
    }
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    [
        ("verb", "verbs"),
        ("actor", "actors"),
        ("agent", "agents"),
        ("discard", "discards"),
        ("issue", "issues"),
        ("option", "options"),
    ]
    .iter()
    .find(|(part, _)| name.contains(part))
    .map_or("herald", |&(_, kind)| kind)
}

/// Reads a file of `kind` in PETRARCH's or TABARI's format (`from`).
fn read_foreign(from: &str, kind: &str, text: &str) -> anyhow::Result<petrarch::Parsed> {
    match from {
        "petrarch" => {
            let k = petrarch::Kind::parse(kind).with_context(|| {
                format!("unknown PETRARCH kind {kind:?} (verbs, actors, agents, discards, issues)")
            })?;
            Ok(petrarch::read(k, text))
        }
        "tabari" => {
            let k = tabari::Kind::parse(kind).with_context(|| {
                format!("unknown TABARI kind {kind:?} (actors, verbs, agents, options)")
            })?;
            Ok(tabari::read(k, text))
        }
        _ => anyhow::bail!("unknown dictionary format {from:?} (petrarch, tabari)"),
    }
}

/// The dictionary `--dict KIND=PATH … [--no-default-dict]` describes; skipped lines are
/// reported on stderr.
pub fn load_specs(specs: &[String]) -> anyhow::Result<Dictionary> {
    let mut d = Dictionary::default();
    for s in specs {
        let (kind, path) = load::split_spec(s)?;
        let (one, warnings) = load::load(kind, path)?;
        if !warnings.is_empty() {
            eprintln!(
                "herald: {}: {} line(s) skipped, first: {}",
                path.display(),
                warnings.len(),
                warnings[0]
            );
        }
        d.extend(one);
    }
    Ok(d)
}

fn build(specs: &[String], no_default: bool) -> anyhow::Result<CompiledDict> {
    let mut d = if no_default {
        Dictionary::default()
    } else {
        herald_dict::defaults::defaults().clone()
    };
    d.extend(load_specs(specs)?);
    Ok(CompiledDict::new(&d))
}
