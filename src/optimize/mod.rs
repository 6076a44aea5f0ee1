//! Optimisation pairs (issue #8): slow→fast query rewrites, their rewards,
//! and the rule-based generator of slow variants.

pub mod antipatterns;
pub mod reward;
