//! The synthesis pipeline: recall → inject → execution filter → records.
//! The execution filter is in place; recall is `corpus::FeatureIndex`, and
//! the injectors and the `synth` command come next (see issue notes).

pub mod filter;

pub use filter::{filter_candidate, Candidate, Rejection, Verdict};
