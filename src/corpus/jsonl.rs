//! JSONL queries: one object per line, `{"id": "...", "sql": "...",
//! "engines": ["duckdb", ...]}`. A `.jsonl` file given directly takes its
//! schema from `schema.sql` (and `data.sql`) beside it.

use super::model::{parse_engine_list, read, Corpus, CorpusError, CorpusQuery, Format, Skipped};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

#[derive(Deserialize)]
struct Line {
    id: Option<String>,
    sql: Option<String>,
    #[serde(default)]
    engines: Option<Vec<String>>,
}

pub fn load_file(path: &Path) -> Result<Corpus, CorpusError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let schema_path = dir.join("schema.sql");
    if !schema_path.is_file() {
        return Err(CorpusError::MissingSchema(format!(
            "{} (a .jsonl corpus takes its schema from schema.sql beside it)",
            path.display()
        )));
    }
    let data_path = dir.join("data.sql");
    let mut corpus = Corpus {
        name: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        source: path.to_path_buf(),
        format: Format::Jsonl,
        schema: read(&schema_path)?,
        data: if data_path.is_file() {
            read(&data_path)?
        } else {
            String::new()
        },
        queries: Vec::new(),
        skipped: Vec::new(),
    };
    parse_into(&read(path)?, &path.display().to_string(), &mut corpus);
    Ok(corpus)
}

pub fn parse_into(text: &str, file: &str, corpus: &mut Corpus) {
    let mut seen = HashSet::new();
    for (n, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let location = format!("{file}:{}", n + 1);
        let skip = |corpus: &mut Corpus, reason: String| {
            corpus.skipped.push(Skipped {
                location: location.clone(),
                reason,
            })
        };
        let line: Line = match serde_json::from_str(raw) {
            Ok(l) => l,
            Err(e) => {
                skip(corpus, format!("not a JSON object: {e}"));
                continue;
            }
        };
        let (Some(id), Some(sql)) = (line.id, line.sql) else {
            skip(corpus, "needs \"id\" and \"sql\"".into());
            continue;
        };
        if sql.trim().is_empty() {
            skip(corpus, format!("query '{id}' is empty"));
            continue;
        }
        let engines = match line.engines.map(|e| parse_engine_list(&e.join(","))) {
            None => None,
            Some(Ok(list)) => Some(list),
            Some(Err(e)) => {
                skip(corpus, e);
                continue;
            }
        };
        if !seen.insert(id.clone()) {
            skip(corpus, format!("duplicate id '{id}'"));
            continue;
        }
        corpus.queries.push(CorpusQuery {
            id,
            sql: sql.trim().trim_end_matches(';').to_string(),
            engines,
            origin: location,
        });
    }
}
