//! sqlforge: SQL correctness data and SQL correctness testing.
//!
//! The library holds everything; `src/main.rs` is a thin CLI over it.

pub mod bench;
pub mod check;
pub mod cli;
pub mod corpus;
pub mod dataset;
pub mod engine;
pub mod inject;
pub mod llm;
pub mod optimize;
pub mod oracle;
pub mod sql;
pub mod synth;
pub mod taxonomy;
#[cfg(feature = "train")]
pub mod train;
