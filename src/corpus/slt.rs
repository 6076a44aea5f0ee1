//! sqllogictest files (`.slt`, `.test`): `statement ok` records that create
//! or fill tables become the schema and data; `query` records become
//! queries (id `<file stem>:<line>`); `skipif`/`onlyif` become engine lists.
//! Everything else is reported as skipped with its line.

use super::model::{read, Corpus, CorpusError, CorpusQuery, Format, Skipped};
use crate::engine::EngineKind;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub fn folder_has_tests(dir: &Path) -> bool {
    !test_files(dir).is_empty()
}

fn test_files(dir: &Path) -> Vec<PathBuf> {
    super::model::list_dir(dir)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "slt" || e == "test"))
        .collect()
}

pub fn load(path: &Path) -> Result<Corpus, CorpusError> {
    let files = if path.is_dir() {
        test_files(path)
    } else {
        vec![path.to_path_buf()]
    };
    let mut corpus = Corpus {
        name: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        source: path.to_path_buf(),
        format: Format::Slt,
        schema: String::new(),
        data: String::new(),
        queries: Vec::new(),
        skipped: Vec::new(),
    };
    for file in files {
        let text = read(&file)?;
        parse(&text, &file, &mut corpus);
    }
    Ok(corpus)
}

fn engine_name(name: &str) -> Option<EngineKind> {
    match name.to_ascii_lowercase().as_str() {
        "sqlite" => Some(EngineKind::Sqlite),
        "postgresql" | "postgres" => Some(EngineKind::Postgres),
        "mysql" | "mariadb" => Some(EngineKind::MySql),
        "duckdb" => Some(EngineKind::DuckDb),
        _ => None,
    }
}

const ALL: [EngineKind; 4] = [
    EngineKind::DuckDb,
    EngineKind::Sqlite,
    EngineKind::Postgres,
    EngineKind::MySql,
];

fn parse(text: &str, file: &Path, corpus: &mut Corpus) {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let mut engines: Option<BTreeSet<EngineKind>> = None;
    while i < lines.len() {
        let line = lines[i].trim();
        let line_no = i + 1;
        let location = format!("{}:{line_no}", file.display());
        i += 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        match words[0] {
            "skipif" | "onlyif" => {
                let named = words.get(1).and_then(|w| engine_name(w));
                let current = engines.take().unwrap_or_else(|| ALL.into_iter().collect());
                engines = Some(match (words[0], named) {
                    ("onlyif", Some(k)) => current.into_iter().filter(|e| *e == k).collect(),
                    ("onlyif", None) => BTreeSet::new(),
                    (_, Some(k)) => current.into_iter().filter(|e| *e != k).collect(),
                    (_, None) => current,
                });
            }
            "statement" | "query" => {
                let start = i;
                while i < lines.len() && !lines[i].trim().is_empty() && lines[i].trim() != "----" {
                    i += 1;
                }
                let sql = lines[start..i]
                    .join("\n")
                    .trim()
                    .trim_end_matches(';')
                    .to_string();
                // Skip the expected results of a query.
                if i < lines.len() && lines[i].trim() == "----" {
                    while i < lines.len() && !lines[i].trim().is_empty() {
                        i += 1;
                    }
                }
                let for_engines = engines.take();
                if for_engines.as_ref().is_some_and(BTreeSet::is_empty) {
                    corpus.skipped.push(Skipped {
                        location,
                        reason: "record is only for engines sqlforge does not run".into(),
                    });
                    continue;
                }
                if sql.is_empty() {
                    corpus.skipped.push(Skipped {
                        location,
                        reason: format!("'{line}' without SQL"),
                    });
                    continue;
                }
                if words[0] == "query" {
                    corpus.queries.push(CorpusQuery {
                        id: format!("{stem}:{}", start),
                        sql,
                        engines: for_engines,
                        origin: location,
                    });
                    continue;
                }
                if words.get(1) == Some(&"error") {
                    corpus.skipped.push(Skipped {
                        location,
                        reason: "statement expected to fail".into(),
                    });
                    continue;
                }
                match crate::sql::leading_keyword(&sql).as_deref() {
                    Some("CREATE") | Some("ALTER") => {
                        corpus.schema.push_str(&sql);
                        corpus.schema.push_str(";\n");
                    }
                    Some("INSERT") => {
                        corpus.data.push_str(&sql);
                        corpus.data.push_str(";\n");
                    }
                    other => corpus.skipped.push(Skipped {
                        location,
                        reason: format!(
                            "statement {} is neither schema nor data; a corpus is loaded once",
                            other.unwrap_or("?")
                        ),
                    }),
                }
            }
            "hash-threshold" | "halt" | "mode" | "control" | "loop" | "endloop" | "include"
            | "sleep" | "require" => {
                if words[0] == "halt" {
                    break;
                }
                if words[0] != "hash-threshold" {
                    corpus.skipped.push(Skipped {
                        location,
                        reason: format!("'{}' records are not supported", words[0]),
                    });
                }
            }
            other => corpus.skipped.push(Skipped {
                location,
                reason: format!("unknown record '{other}'"),
            }),
        }
    }
}
