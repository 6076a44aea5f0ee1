//! SQL text utilities: statement splitting and feature extraction.

pub mod diff;
pub mod features;
pub mod split;
pub mod tokens;

pub use split::{has_word, leading_keyword, split_statements, SplitOptions};
