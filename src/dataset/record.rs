//! One validated bug-fix sample per JSONL line.

use crate::sql::diff::LineDiff;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::Path;

/// The outcome of running the pair on one engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Validation {
    pub engine: String,
    /// `"error_matches"`, `"results_differ"` or a rejection reason.
    pub verdict: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A bug-fix sample: the buggy SQL, the error it raises on `engine`, and the
/// correct SQL, with everything needed to reproduce it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    /// Taxonomy leaf id, e.g. `semantic.grouping.non_aggregated_column`.
    pub category: String,
    /// The leaf's path: level 1, level 2, leaf.
    pub category_path: Vec<String>,
    pub engine: String,
    /// The schema DDL the SQL runs against.
    pub schema: String,
    pub correct_sql: String,
    pub bug_sql: String,
    /// The engine's error message for `bug_sql` (empty for logic bugs).
    #[serde(default)]
    pub error_message: String,
    #[serde(default)]
    pub error_code: Option<String>,
    /// 1-based changed lines of each side.
    pub diff: LineDiff,
    /// `rules/<injector>` or `llm/<model>`.
    pub injector: String,
    pub injector_version: String,
    pub source_corpus: String,
    pub source_query: String,
    pub seed: u64,
    #[serde(default)]
    pub validation: Vec<Validation>,
}

#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error("cannot read {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("{path}:{line}: {reason}")]
    Line {
        path: String,
        line: usize,
        reason: String,
    },
}

impl Record {
    /// Checks what serde cannot: non-empty SQL and a three-level category.
    pub fn check(&self) -> Result<(), String> {
        if self.correct_sql.trim().is_empty() {
            return Err(format!("record '{}' has an empty correct_sql", self.id));
        }
        if self.bug_sql.trim().is_empty() {
            return Err(format!("record '{}' has an empty bug_sql", self.id));
        }
        if self.category.split('.').count() != 3 {
            return Err(format!(
                "record '{}': category '{}' is not a three-level id",
                self.id, self.category
            ));
        }
        Ok(())
    }
}

/// Reads a JSONL file of records. The first bad line is an error naming the
/// file, the line and what was expected.
pub fn read_records(path: &Path) -> Result<Vec<Record>, DatasetError> {
    let file = std::fs::File::open(path).map_err(|e| DatasetError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line_err = |reason: String| DatasetError::Line {
            path: path.display().to_string(),
            line: n + 1,
            reason,
        };
        let line = line.map_err(|e| line_err(e.to_string()))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line)
            .map_err(|e| line_err(format!("expected a record object (docs/DATASET.md): {e}")))?;
        record.check().map_err(line_err)?;
        out.push(record);
    }
    Ok(out)
}

/// Appends one record as a JSON line and flushes it, so a killed run keeps
/// every record it reported.
pub fn write_record(out: &mut impl Write, record: &Record) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")?;
    out.flush()
}

#[cfg(test)]
pub(crate) fn sample() -> Record {
    let correct = "SELECT dept_id, COUNT(*)\nFROM emp\nGROUP BY dept_id";
    let bug = "SELECT dept_id, name, COUNT(*)\nFROM emp\nGROUP BY dept_id";
    Record {
        id: "r1".into(),
        category: "semantic.grouping.non_aggregated_column".into(),
        category_path: vec!["semantic".into(), "semantic.grouping".into(), "semantic.grouping.non_aggregated_column".into()],
        engine: "postgres".into(),
        schema: "CREATE TABLE emp (id INTEGER, name VARCHAR(20), dept_id INTEGER);".into(),
        correct_sql: correct.into(),
        bug_sql: bug.into(),
        error_message: "column \"emp.name\" must appear in the GROUP BY clause or be used in an aggregate function".into(),
        error_code: Some("42803".into()),
        diff: crate::sql::diff::line_diff(correct, bug),
        injector: "rules/extra_select_column".into(),
        injector_version: "1".into(),
        source_corpus: "hr".into(),
        source_query: "hr.q001".into(),
        seed: 7,
        validation: vec![Validation { engine: "postgres".into(), verdict: "error_matches".into(), detail: None }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_round_trip_and_line_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        let mut f = std::fs::File::create(&path).unwrap();
        write_record(&mut f, &sample()).unwrap();
        write_record(&mut f, &sample()).unwrap();
        assert_eq!(read_records(&path).unwrap(), vec![sample(), sample()]);
        assert_eq!(sample().diff.correct, vec![1]);

        std::fs::write(
            &path,
            format!(
                "{}\n{{\"id\": 3}}\n",
                serde_json::to_string(&sample()).unwrap()
            ),
        )
        .unwrap();
        let err = read_records(&path).unwrap_err().to_string();
        assert!(err.contains("d.jsonl:2: expected a record object"), "{err}");

        let mut empty = sample();
        empty.bug_sql = "  ".into();
        std::fs::write(&path, serde_json::to_string(&empty).unwrap()).unwrap();
        assert!(read_records(&path)
            .unwrap_err()
            .to_string()
            .contains(":1: record 'r1' has an empty bug_sql"));
    }
}
