//! The native corpus folder: `schema.sql`, `data.sql` (optional) and
//! `queries.sql` (queries introduced by `-- @id:` lines) or `queries.jsonl`.
//! A folder with `schema.sql` and neither query file is a plain folder of
//! `.sql` files, one or more queries each.

use super::jsonl;
use super::model::{parse_engine_list, read, Corpus, CorpusError, CorpusQuery, Format, Skipped};
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

pub fn load(dir: &Path) -> Result<Corpus, CorpusError> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".into());
    let schema = read(&dir.join("schema.sql"))?;
    let data = if dir.join("data.sql").is_file() {
        read(&dir.join("data.sql"))?
    } else {
        String::new()
    };
    let mut corpus = Corpus {
        name: name.clone(),
        source: dir.to_path_buf(),
        format: Format::Folder,
        schema,
        data,
        queries: Vec::new(),
        skipped: Vec::new(),
    };
    let queries_sql = dir.join("queries.sql");
    let queries_jsonl = dir.join("queries.jsonl");
    if queries_sql.is_file() {
        let text = read(&queries_sql)?;
        parse_queries_sql(
            &text,
            &queries_sql.display().to_string(),
            &name,
            &mut corpus,
        );
    } else if queries_jsonl.is_file() {
        jsonl::parse_into(
            &read(&queries_jsonl)?,
            &queries_jsonl.display().to_string(),
            &mut corpus,
        );
    } else {
        load_sql_files(dir, &mut corpus)?;
    }
    Ok(corpus)
}

/// Parses the `-- @id:` format. Problems become `skipped` entries with
/// `file:line`, never errors.
pub fn parse_queries_sql(text: &str, file: &str, corpus_name: &str, corpus: &mut Corpus) {
    struct Pending {
        id: String,
        line: usize,
        engines: Option<BTreeSet<crate::engine::EngineKind>>,
        sql: Vec<String>,
    }
    let mut seen = HashSet::new();
    let mut current: Option<Pending> = None;
    let mut preamble_code = None;
    let finish = |p: Pending, corpus: &mut Corpus, seen: &mut HashSet<String>| {
        let sql = p.sql.join("\n");
        let sql = sql.trim().trim_end_matches(';').trim_end().to_string();
        let location = format!("{file}:{}", p.line);
        if crate::sql::split_statements(&sql, Default::default()).is_empty() {
            corpus.skipped.push(Skipped {
                location,
                reason: format!("query '{}' is empty", p.id),
            });
        } else if !seen.insert(p.id.clone()) {
            corpus.skipped.push(Skipped {
                location,
                reason: format!("duplicate id '{}'", p.id),
            });
        } else {
            corpus.queries.push(CorpusQuery {
                id: p.id,
                sql,
                engines: p.engines,
                origin: location,
            });
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let trimmed = line.trim();
        if let Some(meta) = trimmed.strip_prefix("-- @") {
            let (key, value) = meta.split_once(':').unwrap_or((meta, ""));
            let value = value.trim();
            match key.trim() {
                "id" => {
                    if let Some(p) = current.take() {
                        finish(p, corpus, &mut seen);
                    }
                    let id = if value.is_empty() {
                        format!("{corpus_name}.line{line_no}")
                    } else {
                        value.to_string()
                    };
                    current = Some(Pending {
                        id,
                        line: line_no,
                        engines: None,
                        sql: Vec::new(),
                    });
                }
                "engines" => match (current.as_mut(), parse_engine_list(value)) {
                    (Some(p), Ok(list)) => p.engines = Some(list),
                    (Some(_), Err(e)) => corpus.skipped.push(Skipped {
                        location: format!("{file}:{line_no}"),
                        reason: e,
                    }),
                    (None, _) => corpus.skipped.push(Skipped {
                        location: format!("{file}:{line_no}"),
                        reason: "@engines before the first @id".into(),
                    }),
                },
                other => corpus.skipped.push(Skipped {
                    location: format!("{file}:{line_no}"),
                    reason: format!("unknown metadata '@{other}' (expected @id or @engines)"),
                }),
            }
            continue;
        }
        match current.as_mut() {
            Some(p) => p.sql.push(line.to_string()),
            None if !trimmed.is_empty() && !trimmed.starts_with("--") => {
                preamble_code.get_or_insert(line_no);
            }
            None => {}
        }
    }
    if let Some(p) = current.take() {
        finish(p, corpus, &mut seen);
    }
    if let Some(line) = preamble_code {
        corpus.skipped.push(Skipped {
            location: format!("{file}:{line}"),
            reason: "SQL before the first '-- @id:' line".into(),
        });
    }
}

fn load_sql_files(dir: &Path, corpus: &mut Corpus) -> Result<(), CorpusError> {
    let files: Vec<_> = super::model::list_dir(dir)?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .filter(|p| {
            !matches!(
                p.file_name().and_then(|n| n.to_str()),
                Some("schema.sql" | "data.sql")
            )
        })
        .collect();
    for path in files {
        let text = read(&path)?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if text.lines().any(|l| l.trim_start().starts_with("-- @id:")) {
            parse_queries_sql(
                &text,
                &path.display().to_string(),
                &corpus.name.clone(),
                corpus,
            );
            continue;
        }
        let statements = crate::sql::split_statements(&text, Default::default());
        let many = statements.len() > 1;
        for (i, stmt) in statements.into_iter().enumerate() {
            let id = if many {
                format!("{stem}.{}", i + 1)
            } else {
                stem.clone()
            };
            corpus.queries.push(CorpusQuery {
                id,
                sql: stmt.sql,
                engines: None,
                origin: format!("{}:{}", path.display(), stmt.line),
            });
        }
    }
    if corpus.queries.is_empty() {
        corpus.skipped.push(Skipped {
            location: dir.display().to_string(),
            reason: "no queries.sql, queries.jsonl or other .sql files".into(),
        });
    }
    Ok(())
}
