//! `sqlforge eval`: score a fixer model per category with the checker.

pub mod extract;
pub mod preds;
pub mod run;
pub mod score;

pub use run::{EvalPlan, Predictor};
pub use score::{markdown, report, EvalReport, EvalResult};
