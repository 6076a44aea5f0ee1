//! The synthesis pipeline: recall → inject → execution filter → records.

pub mod filter;
pub mod run;

pub use filter::{filter_candidate, filter_with, Candidate, Rejection, Verdict};

/// The statement timeout synthesis uses unless `--timeout-ms` is given.
/// Corpus statements take milliseconds; a candidate that runs past a second
/// (a bug that turned a join into a cross product, a recursion that no
/// longer stops) is rejected as a timeout rather than waited for.
pub const DEFAULT_TIMEOUT_MS: u64 = 1000;
