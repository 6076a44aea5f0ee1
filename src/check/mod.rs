//! The repair checker (is a predicted SQL equivalent to the gold?) and the
//! evaluation harness that scores a fixer model with it. docs/CHECKER.md.

pub mod canonical;
pub mod checker;
pub mod eval;
pub mod fuzz;
pub mod inputs;
pub mod labelled;
pub mod literals;
pub mod mutate;
pub mod neighbours;
pub mod schema;
pub mod suite;
mod writes;

pub use checker::{CheckOptions, CheckReport, Checker, Counterexample, Setup, Tier, Verdict};
