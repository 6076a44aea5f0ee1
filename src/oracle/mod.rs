//! Argus-style equivalent-query oracles: a pair of queries with typed
//! placeholders that must return the same rows for every filling. A
//! campaign fills them with generated expressions over random databases and
//! reports every mismatch as a finding.

pub mod campaign;
pub mod export;
pub mod fill;
pub mod finding;
pub mod model;
pub mod randdb;
pub mod reduce;
pub mod shrink;
pub mod snippet;
pub mod snippets;

pub use model::{load_dir, Compare, Oracle, OracleError, Placeholder, SqlType};
