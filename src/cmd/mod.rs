//! One module per subcommand: raw flags (clap) and the run function.

pub mod bench;
pub mod code;
pub mod db;
pub mod dict;
pub mod eval;
pub mod eval_events;
pub mod eval_geo;
pub mod eval_time;
pub mod eval_ud;
pub mod export;
pub mod ingest;
pub mod parse;
pub mod progress;
pub mod query;
pub mod serve;
pub mod stats;
pub mod train;
pub mod watch;
