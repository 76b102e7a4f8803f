//! herald's dictionaries: who an actor is, what a verb means.
//!
//! Every reader (herald's own format, PETRARCH's, TABARI's) produces the plain entries of
//! [`entry`]; the defaults embedded in the binary are written in herald's own format.
#![deny(missing_docs)]

pub mod defaults;
pub mod entry;
pub mod format;

pub use entry::{
    ActorEntry, AgentEntry, Dictionary, NounEntry, PatternItem, PhraseEntry, TransformEntry,
    VerbEntry,
};
pub mod compile;
pub mod load;
pub mod petrarch;
pub mod show;
pub mod tabari;
pub mod transform;
