//! herald's readers: bytes in, [`Document`](herald_core::Document)s out.
//!
//! Place in the pipeline: first. `herald code` and `herald ingest` call [`read`] with the paths
//! from the command line and get a lazy stream of documents and bad records, in input order.
//!
//! Formats, detected by extension and else by sniffing the first bytes ([`Format`]):
//! plain text (UTF-8, UTF-16 with BOM, legacy encodings guessed by `chardetng`), HTML (main
//! article text by `dom_smoothie`, title, byline, date from meta tags, JSON-LD or `<time>`),
//! JSON Lines (`{"id","text","title","url","date"}`, other fields kept in `extra`) and
//! RSS/Atom (`feed-rs`, one document per item). Directories are walked recursively in sorted
//! order, skipping hidden entries; `-` is standard input.
//!
//! Each format's parser in [`readers`] is a pure function from bytes to documents or an
//! [`Invalid`] reason, so a fuzz target is one line. Dates in the usual forms go through
//! [`parse_date`].
//!
//! ```
//! let doc = herald_read::readers::jsonl::parse_line(
//!     br#"{"id":"k1","text":"Troops arrived in Almaty.","date":"Jan 10, 2022"}"#,
//! ).unwrap();
//! assert_eq!(doc.id, "k1");
//! assert_eq!(doc.published.unwrap().to_string(), "2022-01-10");
//! ```
//!
//! Design choices: a bad record is an [`Error`] item in the stream naming file, line and id;
//! it never ends the stream. A record's own date wins over [`Options::date`], which only fills
//! documents that have none. Plain text that is not UTF-8 is decoded in the guessed legacy
//! encoding rather than refused; JSON, by its specification, must be UTF-8, so a JSON line that
//! is not is a bad record.
#![deny(missing_docs)]

mod date;
mod detect;
mod error;
pub mod readers;
mod walk;

pub use date::parse_date;
pub use detect::Format;
pub use error::{Error, Invalid, Origin};
pub use walk::{MAX_LINE, Options, Records, read};
