//! One reader per input format. Each is a pure function of bytes (fuzz-friendly): it returns
//! documents or an [`Invalid`](crate::Invalid) reason, never panics and never touches files.

pub mod feed;
pub mod html;
pub mod jsonl;
pub mod text;
