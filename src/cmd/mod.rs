//! One module per subcommand: raw flags (clap) and the run function.

pub mod code;
pub mod eval;
