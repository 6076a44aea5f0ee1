//! Spider-style corpora: `tables.json` (schemas as column lists) plus gold
//! SQL, either `*gold*.sql` files (`SQL<TAB>db_id` per line) or JSON arrays of
//! `{"db_id", "query"}` (`dev.json`, `train_spider.json`). One corpus per
//! database; the schema becomes DDL. Spider ships data as SQLite files, which
//! are not read: the tables start empty.

use super::model::{read, Corpus, CorpusError, CorpusQuery, Format, Skipped};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct Db {
    db_id: String,
    table_names_original: Vec<String>,
    column_names_original: Vec<(i64, String)>,
    column_types: Vec<String>,
    #[serde(default)]
    primary_keys: Vec<serde_json::Value>,
    #[serde(default)]
    foreign_keys: Vec<(usize, usize)>,
}

#[derive(Deserialize)]
struct Gold {
    db_id: String,
    query: String,
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

fn ddl(db: &Db, skipped: &mut Vec<Skipped>, location: &str) -> String {
    let key_columns: Vec<usize> = db
        .primary_keys
        .iter()
        .flat_map(|k| match k {
            serde_json::Value::Number(n) => {
                n.as_u64().map(|n| vec![n as usize]).unwrap_or_default()
            }
            serde_json::Value::Array(a) => a
                .iter()
                .filter_map(|n| n.as_u64().map(|n| n as usize))
                .collect(),
            _ => Vec::new(),
        })
        .chain(db.foreign_keys.iter().flat_map(|(a, b)| [*a, *b]))
        .collect();
    let mut out = String::new();
    for (t, table) in db.table_names_original.iter().enumerate() {
        if !is_identifier(table) {
            skipped.push(Skipped {
                location: location.into(),
                reason: format!("table name '{table}' is not a plain identifier"),
            });
            continue;
        }
        let columns: Vec<String> = db
            .column_names_original
            .iter()
            .enumerate()
            .filter(|(_, (ti, _))| *ti == t as i64)
            .filter(|(_, (_, name))| is_identifier(name))
            .map(|(ci, (_, name))| {
                let ty = match db.column_types.get(ci).map(String::as_str) {
                    Some("number") if key_columns.contains(&ci) => "INTEGER",
                    Some("number") => "DOUBLE PRECISION",
                    Some("boolean") => "BOOLEAN",
                    _ => "VARCHAR(255)",
                };
                format!("    {name} {ty}")
            })
            .collect();
        out.push_str(&format!(
            "CREATE TABLE {table} (\n{}\n);\n",
            columns.join(",\n")
        ));
    }
    out
}

pub fn load(dir: &Path) -> Result<Vec<Corpus>, CorpusError> {
    let tables_path = dir.join("tables.json");
    let dbs: Vec<Db> =
        serde_json::from_str(&read(&tables_path)?).map_err(|e| CorpusError::Parse {
            location: format!("{}:{}", tables_path.display(), e.line()),
            reason: format!("not a Spider tables.json: {e}"),
        })?;
    let mut gold: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut stray = Vec::new();
    let entries = super::model::list_dir(dir)?;
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if name.ends_with(".sql") && name.contains("gold") {
            for (n, line) in read(&path)?.lines().enumerate() {
                let location = format!("{}:{}", path.display(), n + 1);
                match line.rsplit_once('\t') {
                    Some((sql, db)) if !sql.trim().is_empty() => gold
                        .entry(db.trim().into())
                        .or_default()
                        .push((location, sql.trim().into())),
                    _ if line.trim().is_empty() => {}
                    _ => stray.push(Skipped {
                        location,
                        reason: "expected 'SQL<TAB>db_id'".into(),
                    }),
                }
            }
        } else if name.ends_with(".json") && name != "tables.json" {
            let items: Vec<Gold> =
                serde_json::from_str(&read(&path)?).map_err(|e| CorpusError::Parse {
                    location: format!("{}:{}", path.display(), e.line()),
                    reason: format!("expected a JSON array of {{\"db_id\", \"query\"}}: {e}"),
                })?;
            for (n, g) in items.into_iter().enumerate() {
                gold.entry(g.db_id)
                    .or_default()
                    .push((format!("{}#{}", path.display(), n), g.query));
            }
        }
    }
    let mut out = Vec::new();
    for db in dbs {
        let mut skipped = std::mem::take(&mut stray);
        let schema = ddl(&db, &mut skipped, &tables_path.display().to_string());
        let queries = gold
            .remove(&db.db_id)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, (origin, sql))| CorpusQuery {
                id: format!("{}.{:04}", db.db_id, i + 1),
                sql: sql.trim_end_matches(';').to_string(),
                engines: None,
                origin,
            })
            .collect();
        out.push(Corpus {
            name: db.db_id.clone(),
            source: dir.to_path_buf(),
            format: Format::Spider,
            schema,
            data: String::new(),
            queries,
            skipped,
        });
    }
    for (db, queries) in gold {
        if let (Some(first), Some((location, _))) = (out.first_mut(), queries.first()) {
            first.skipped.push(Skipped {
                location: location.clone(),
                reason: format!("gold SQL for unknown db_id '{db}'"),
            });
        }
    }
    Ok(out)
}
