//! Maps a real engine error (code and message) to the most specific
//! taxonomy leaf.

use super::model::{Category, Taxonomy};
use crate::engine::EngineKind;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Classification {
    pub id: String,
    pub path: Vec<String>,
    pub description: String,
    /// 2: code and message matched, 1: code only, 0: message only.
    pub specificity: u8,
}

pub struct Classifier<'t> {
    taxonomy: &'t Taxonomy,
}

impl<'t> Classifier<'t> {
    pub fn new(taxonomy: &'t Taxonomy) -> Self {
        Classifier { taxonomy }
    }

    /// The best matching leaf: the highest pattern specificity wins, ties go
    /// to the category listed first.
    pub fn classify(
        &self,
        engine: EngineKind,
        code: Option<&str>,
        message: &str,
    ) -> Option<Classification> {
        let mut best: Option<(&Category, u8)> = None;
        for category in &self.taxonomy.categories {
            for p in &category.patterns {
                if p.matches(engine, code, message) && best.is_none_or(|(_, s)| p.specificity() > s)
                {
                    best = Some((category, p.specificity()));
                }
            }
        }
        best.map(|(c, specificity)| Classification {
            id: c.id.clone(),
            path: c.path(),
            description: c.description.clone(),
            specificity,
        })
    }
}
