//! Integration tests: the real `herald` binary, run in temporary directories.
//!
//! One test binary; each topic is a module. Add a module here to add a topic.

mod util;

mod bad_input;
mod code;
mod ingest;
mod spans;
