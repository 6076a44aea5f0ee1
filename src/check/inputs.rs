//! Where a check's database comes from: a setup script, or a record and the
//! corpus folder it was synthesised from.

use super::Setup;
use crate::dataset::record::{read_records, Record};
use std::path::{Path, PathBuf};

/// The record's own database: its schema, and the data of its source
/// corpus when one of `corpora` holds it (a folder of corpora, or the
/// corpus folder itself). Without the data the database is the empty
/// schema, and the label says so.
pub fn setup_for_record(record: &Record, corpora: &[PathBuf]) -> Setup {
    for dir in corpora {
        for candidate in [dir.join(&record.source_corpus), dir.clone()] {
            let named = candidate
                .file_name()
                .is_some_and(|n| n.to_string_lossy() == record.source_corpus);
            let data = candidate.join("data.sql");
            if named && data.is_file() {
                if let Ok(text) = std::fs::read_to_string(&data) {
                    return Setup {
                        label: candidate.display().to_string(),
                        schema: record.schema.clone(),
                        data: text,
                    };
                }
            }
        }
    }
    Setup {
        label: format!(
            "schema of {} without data (corpus not found)",
            record.source_corpus
        ),
        schema: record.schema.clone(),
        data: String::new(),
    }
}

/// Reads `FILE.jsonl:ID`: the file's records, and the one with that id.
pub fn record_by_ref(reference: &str) -> Result<Record, String> {
    let (file, id) = reference
        .rsplit_once(':')
        .filter(|(f, id)| !f.is_empty() && !id.is_empty())
        .ok_or_else(|| format!("--record '{reference}': expected FILE.jsonl:ID"))?;
    let records = read_records(Path::new(file)).map_err(|e| e.to_string())?;
    records
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| format!("{file}: no record with id '{id}'"))
}
