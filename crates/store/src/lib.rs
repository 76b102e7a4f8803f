//! herald's store.
#![deny(missing_docs)]
