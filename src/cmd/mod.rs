//! One module per subcommand: raw flags (clap) and the run function.

pub mod code;
pub mod dict;
pub mod eval;
pub mod eval_events;
pub mod eval_geo;
pub mod eval_time;
pub mod eval_ud;
pub mod ingest;
pub mod parse;
pub mod stats;
pub mod train;
