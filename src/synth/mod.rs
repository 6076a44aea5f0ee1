//! The synthesis pipeline: recall → inject → execution filter → records.

pub mod filter;
pub mod run;

pub use filter::{filter_candidate, Candidate, Rejection, Verdict};
