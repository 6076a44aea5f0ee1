//! The loaded form of every corpus format.

use crate::engine::EngineKind;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Folder,
    Jsonl,
    Slt,
    Spider,
}

/// One correct query of a corpus.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusQuery {
    pub id: String,
    pub sql: String,
    /// The engines the query runs on; `None` means all.
    pub engines: Option<BTreeSet<EngineKind>>,
    /// Where it was read from, `file:line`.
    pub origin: String,
}

impl CorpusQuery {
    pub fn runs_on(&self, kind: EngineKind) -> bool {
        self.engines.as_ref().is_none_or(|e| e.contains(&kind))
    }
}

/// Something a loader read but could not use, with where and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub location: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Corpus {
    pub name: String,
    pub source: PathBuf,
    pub format: Format,
    /// DDL, statements separated by `;`.
    pub schema: String,
    /// INSERTs, statements separated by `;`.
    pub data: String,
    pub queries: Vec<CorpusQuery>,
    pub skipped: Vec<Skipped>,
}

impl Corpus {
    /// Number of CREATE TABLE statements in the schema.
    pub fn table_count(&self) -> usize {
        crate::sql::split_statements(&self.schema, Default::default())
            .iter()
            .filter(|s| {
                let words = crate::sql::split::words(&s.sql);
                words.len() >= 2
                    && words[0].eq_ignore_ascii_case("create")
                    && words
                        .iter()
                        .take(4)
                        .any(|w| w.eq_ignore_ascii_case("table"))
            })
            .count()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("corpus not found: {0}")]
    NotFound(String),
    #[error(
        "{0}: no schema.sql (a corpus folder needs schema.sql and queries.sql or queries.jsonl)"
    )]
    MissingSchema(String),
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{0}")]
    Unrecognised(String),
    #[error("{location}: {reason}")]
    Parse { location: String, reason: String },
}

pub(crate) fn read(path: &std::path::Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path).map_err(|e| CorpusError::Unreadable {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// The entries of a folder, sorted by path.
pub(crate) fn list_dir(dir: &std::path::Path) -> Result<Vec<PathBuf>, CorpusError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| CorpusError::Unreadable {
            path: dir.display().to_string(),
            reason: e.to_string(),
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    Ok(entries)
}

pub(crate) fn parse_engine_list(list: &str) -> Result<BTreeSet<EngineKind>, String> {
    let mut out = BTreeSet::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match name.parse::<crate::engine::EngineSpec>() {
            Ok(spec) if spec.kind() != EngineKind::Cmd => {
                out.insert(spec.kind());
            }
            _ => {
                return Err(format!(
                    "unknown engine '{name}' (expected duckdb, sqlite, postgres or mysql)"
                ))
            }
        }
    }
    if out.is_empty() {
        return Err("empty engine list".into());
    }
    Ok(out)
}
