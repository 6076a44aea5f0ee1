//! Corpora of correct SQL: the formats users bring (docs/CORPUS.md), loading,
//! the feature index and recall by bug category.

mod folder;
pub mod index;
mod jsonl;
mod model;
pub mod run;
mod slt;
mod spider;

pub use index::{FeatureIndex, RecallHit};
pub use model::{Corpus, CorpusError, CorpusQuery, Format, Skipped};

use std::path::Path;

/// Loads every corpus found at `path`: a corpus folder, a parent folder of
/// corpus folders, a `.jsonl` query file, a sqllogictest file or folder, or
/// a Spider-style folder (one corpus per database).
pub fn load(path: &Path) -> Result<Vec<Corpus>, CorpusError> {
    if !path.exists() {
        return Err(CorpusError::NotFound(path.display().to_string()));
    }
    if path.is_file() {
        return match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => Ok(vec![jsonl::load_file(path)?]),
            Some("slt") | Some("test") => Ok(vec![slt::load(path)?]),
            _ => Err(CorpusError::Unrecognised(format!(
                "{}: expected a corpus folder, a .jsonl, .slt or .test file",
                path.display()
            ))),
        };
    }
    if path.join("tables.json").is_file() {
        return spider::load(path);
    }
    if path.join("schema.sql").is_file() {
        return Ok(vec![folder::load(path)?]);
    }
    if slt::folder_has_tests(path) {
        return Ok(vec![slt::load(path)?]);
    }
    let children: Vec<_> = model::list_dir(path)?
        .into_iter()
        .filter(|p| {
            p.is_dir() && (p.join("schema.sql").is_file() || p.join("tables.json").is_file())
        })
        .collect();
    if children.is_empty() {
        return Err(CorpusError::MissingSchema(path.display().to_string()));
    }
    let mut out = Vec::new();
    for child in children {
        out.extend(load(&child)?);
    }
    Ok(out)
}

/// Loads several paths, keeping their order.
pub fn load_all<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<Corpus>, CorpusError> {
    let mut out = Vec::new();
    for p in paths {
        out.extend(load(p.as_ref())?);
    }
    Ok(out)
}
