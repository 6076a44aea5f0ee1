//! Text for tokenizer training and continued pre-training. Each `--corpus`
//! path is one of:
//! - a record JSONL (docs/DATASET.md; detected by `correct_sql` on its
//!   first line): each record gives its paper prompt followed by its correct
//!   SQL, the exact text the fine-tuned model sees;
//! - a plain `.sql` file: the whole file is one document;
//! - anything `sqlforge corpus` loads (corpus folders, query JSONL, .slt,
//!   Spider folders; docs/CORPUS.md): each corpus's schema DDL is one
//!   document and each query another.

use super::TrainError;
use crate::dataset::prompt::{paper_prompt, INSTRUCTION};
use crate::dataset::read_records;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// The documents of every path, in order.
pub fn documents(paths: &[PathBuf]) -> Result<Vec<String>, TrainError> {
    if paths.is_empty() {
        return Err(TrainError::input("--corpus: give at least one path"));
    }
    let mut out = Vec::new();
    for p in paths {
        out.extend(documents_of(p)?);
    }
    if out.iter().all(|d| d.trim().is_empty()) {
        return Err(TrainError::input("--corpus: the paths hold no SQL text"));
    }
    Ok(out)
}

fn documents_of(path: &Path) -> Result<Vec<String>, TrainError> {
    if !path.exists() {
        return Err(TrainError::input(format!(
            "{}: no such file or folder",
            path.display()
        )));
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if path.is_file() && ext == "jsonl" && is_record_file(path) {
        let records = read_records(path).map_err(|e| TrainError::input(e.to_string()))?;
        return Ok(records
            .iter()
            .map(|r| format!("{}{}", paper_prompt(r), r.correct_sql))
            .collect());
    }
    if path.is_file() && ext == "sql" {
        return Ok(vec![super::error::read_text(path)?]);
    }
    let corpora = crate::corpus::load(path).map_err(|e| TrainError::input(e.to_string()))?;
    let mut out = Vec::new();
    for c in corpora {
        if !c.schema.trim().is_empty() {
            out.push(c.schema.clone());
        }
        out.extend(c.queries.into_iter().map(|q| q.sql));
    }
    Ok(out)
}

fn is_record_file(path: &Path) -> bool {
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .find(|l| !l.trim().is_empty())
        .and_then(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .is_some_and(|v| v.get("correct_sql").is_some())
}

/// Texts for tokenizer training: the documents plus the prompt template, so
/// the instruction and section headers get their own merges.
pub fn tokenizer_texts(paths: &[PathBuf]) -> Result<Vec<String>, TrainError> {
    let mut texts = documents(paths)?;
    let template = format!("{INSTRUCTION}\n\n[TABLES SCHEMA]\n\n[BUG SQL]\n\n[ERROR MESSAGE]\n");
    texts.extend(std::iter::repeat_n(template, 8));
    Ok(texts)
}
