//! The three-level bug taxonomy (`taxonomy.toml`, compiled in; a user file
//! can replace it) and the error-message classifier.

mod classify;
mod model;

pub use classify::{Classification, Classifier};
pub use model::{Category, CategoryKind, Pattern, Taxonomy, TaxonomyError};

/// The taxonomy shipped with sqlforge.
pub const BUILTIN: &str = include_str!("taxonomy.toml");

impl Taxonomy {
    pub fn builtin() -> Taxonomy {
        Taxonomy::parse(BUILTIN, "src/taxonomy/taxonomy.toml")
            .expect("the built-in taxonomy is valid")
    }
}
