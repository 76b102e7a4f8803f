//! Integration tests: the real `herald` binary, run in temporary directories.
//!
//! One test binary (files directly under `tests/` would each become their own); each topic is
//! a module under `tests/cli/`. To add a topic, add a file there and a line here.

mod cli {
    pub mod serve;
    pub mod server;
    pub mod util;

    mod bad_input;
    mod code;
    mod faults;
    mod ingest;
    mod postgres;
    mod props;
    mod query;
    mod serve_load;
    mod spark;
    mod watch;
}
