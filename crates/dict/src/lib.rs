//! herald's dictionaries: who an actor is, what a verb means.
#![deny(missing_docs)]
