//! herald's dictionaries: who an actor is, what a verb means.
//!
//! Every reader (herald's own format, PETRARCH's, TABARI's) produces the plain entries of
//! [`entry`]; the defaults embedded in the binary are written in herald's own format.
#![deny(missing_docs)]

pub mod entry;

pub use entry::{ActorEntry, AgentEntry, Dictionary, PatternItem, PhraseEntry, VerbEntry};
