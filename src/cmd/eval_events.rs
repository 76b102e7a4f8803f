//! The event coder's evaluations: `herald eval petrarch|plover|quad`.

use super::eval::Summary;
use anyhow::Context;
use herald_code::events::petrarch_eval;
use std::path::PathBuf;

/// Flags of `herald eval petrarch`.
#[derive(Debug, clap::Args)]
pub struct PetrarchArgs {
    /// A PETRARCH validation XML file (`<Environment>` + `<Sentence>` records).
    file: PathBuf,
    /// Where the dictionaries named by `<Environment>` are; default: `dictionaries/` beside
    /// the file.
    #[arg(long)]
    dict_dir: Option<PathBuf>,
    /// List every record coded differently from the gold.
    #[arg(long, short)]
    verbose: bool,
}

/// Scores herald on a PETRARCH validation file.
pub fn petrarch(args: PetrarchArgs) -> anyhow::Result<Summary> {
    let origin = args.file.display().to_string();
    let xml = std::fs::read_to_string(&args.file).with_context(|| format!("reading {origin}"))?;
    let suite = petrarch_eval::parse_suite(&xml, &origin)?;
    let dir = match args.dict_dir {
        Some(d) => d,
        None => args
            .file
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("dictionaries"),
    };
    let (dict, warnings) = petrarch_eval::load_dictionaries(&suite, &dir)?;
    let report = petrarch_eval::evaluate(&suite, &dict);
    let mut human = String::new();
    if !warnings.is_empty() {
        human.push_str(&format!(
            "{} dictionary lines skipped (first: {})\n",
            warnings.len(),
            warnings[0]
        ));
    }
    human.push_str(&report.human(args.verbose));
    Ok(Summary {
        human,
        json: report.json(),
    })
}

/// Flags of `herald eval plover` and `herald eval quad`.
#[derive(Debug, clap::Args)]
pub struct ClassArgs {
    /// plover: a JSON array of `{text, event}` records (PLOVER_GSR_CAMEO); quad: `text<TAB>label`
    /// lines (conflibert cameo_class).
    file: PathBuf,
    /// Extra dictionaries, KIND=PATH (repeatable).
    #[arg(long = "dict", value_name = "KIND=PATH")]
    dicts: Vec<String>,
    /// Use only the --dict dictionaries.
    #[arg(long)]
    no_default_dict: bool,
}

fn coder(args: &ClassArgs) -> anyhow::Result<herald_code::Coder> {
    Ok(if args.dicts.is_empty() && !args.no_default_dict {
        herald_code::Coder::new()
    } else {
        herald_code::Coder::with_dictionary(
            super::dict::load_specs(&args.dicts)?,
            !args.no_default_dict,
        )
    })
}

/// PLOVER event type of the main event of each gold sentence.
pub fn plover(args: ClassArgs) -> anyhow::Result<Summary> {
    let origin = args.file.display().to_string();
    let text = std::fs::read_to_string(&args.file).with_context(|| format!("reading {origin}"))?;
    let acc = herald_code::events::class_eval::plover(&text, &origin, &coder(&args)?)?;
    Ok(Summary {
        human: acc.human("PLOVER event type"),
        json: acc.json("plover"),
    })
}

/// Five-way class of the main event of each gold sentence (0 = none, statement or appeal).
pub fn quad(args: ClassArgs) -> anyhow::Result<Summary> {
    let origin = args.file.display().to_string();
    let text = std::fs::read_to_string(&args.file).with_context(|| format!("reading {origin}"))?;
    let acc = herald_code::events::class_eval::quad(&text, &origin, &coder(&args)?)?;
    Ok(Summary {
        human: acc.human("event class (Phoenix five-way)"),
        json: acc.json("quad"),
    })
}
