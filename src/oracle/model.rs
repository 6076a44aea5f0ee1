//! The oracle file format (`oracles/*.toml`, docs/ORACLES.md) and its parser.

use crate::engine::EngineKind;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum OracleError {
    #[error("{file}:{line}: {message}")]
    At {
        file: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
}

/// Types an expression placeholder can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SqlType {
    Int,
    Double,
    Text,
    Bool,
    Date,
}

impl SqlType {
    pub fn parse(s: &str) -> Option<SqlType> {
        Some(match s.to_ascii_uppercase().as_str() {
            "INT" | "INTEGER" | "BIGINT" => SqlType::Int,
            "DOUBLE" | "REAL" | "FLOAT" | "NUMERIC" => SqlType::Double,
            "TEXT" | "VARCHAR" | "STRING" => SqlType::Text,
            "BOOL" | "BOOLEAN" => SqlType::Bool,
            "DATE" => SqlType::Date,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            SqlType::Int => "INT",
            SqlType::Double => "DOUBLE",
            SqlType::Text => "TEXT",
            SqlType::Bool => "BOOLEAN",
            SqlType::Date => "DATE",
        }
    }
}

/// How the results of A and B are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    Multiset,
    Ordered,
    Count,
}

/// A placeholder: `[name:TABLE]` is filled with a table of the random
/// database; `[name:table:TYPE]` with an expression of that type over the
/// columns of table placeholder `table`, qualified as `table.column`.
/// Later occurrences are written `[name]` and get the same filling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placeholder {
    Table,
    Expr { table: String, ty: SqlType },
}

#[derive(Debug, Clone)]
pub struct Oracle {
    pub name: String,
    pub description: String,
    pub compare: Compare,
    /// Engines it applies to; empty means all.
    pub engines: Vec<EngineKind>,
    pub provenance: String,
    pub verification: String,
    /// Statements run after A and before B (e.g. CREATE INDEX), and after B
    /// to undo them.
    pub between: Vec<String>,
    pub after: Vec<String>,
    pub a: String,
    pub b: String,
    /// Placeholders in order of first appearance.
    pub placeholders: Vec<(String, Placeholder)>,
    pub file: PathBuf,
    pub line: usize,
}

impl Oracle {
    pub fn applies_to(&self, kind: EngineKind) -> bool {
        self.engines.is_empty() || self.engines.contains(&kind)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    oracle: Vec<toml::Spanned<RawOracle>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOracle {
    #[serde(rename = "id")]
    name: String,
    #[serde(default)]
    description: String,
    compare: Compare,
    #[serde(default)]
    engines: Vec<String>,
    provenance: String,
    verification: String,
    #[serde(default)]
    between: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(rename = "query_a")]
    a: String,
    #[serde(rename = "query_b")]
    b: String,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Every `[...]` placeholder in `sql`: (byte range, name, declared kind).
pub(crate) fn scan(sql: &str) -> Vec<(std::ops::Range<usize>, String, Option<String>)> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"\[([A-Za-z_][A-Za-z0-9_]*)((?::[A-Za-z_][A-Za-z0-9_]*){0,2})\]")
            .expect("valid regex")
    });
    re.captures_iter(sql)
        .map(|c| {
            let whole = c.get(0).expect("match");
            let rest = c.get(2).map(|m| m.as_str()).unwrap_or("");
            (
                whole.range(),
                c[1].to_string(),
                (!rest.is_empty()).then(|| rest[1..].to_string()),
            )
        })
        .collect()
}

fn placeholders(a: &str, b: &str) -> Result<Vec<(String, Placeholder)>, String> {
    let mut out: Vec<(String, Placeholder)> = Vec::new();
    let all: Vec<_> = scan(a).into_iter().chain(scan(b)).collect();
    // Tables first, so an expression may name a table declared later in
    // the text.
    let is_table = |d: &Option<String>| {
        d.as_deref()
            .is_some_and(|d| d.eq_ignore_ascii_case("table"))
    };
    let tables = all.iter().filter(|(_, _, d)| is_table(d));
    let rest = all.iter().filter(|(_, _, d)| !is_table(d));
    for (_, name, decl) in tables.chain(rest).cloned() {
        let known = out.iter().find(|(n, _)| *n == name).map(|(_, p)| p.clone());
        match (decl, known) {
            (None, Some(_)) => {}
            (None, None) => return Err(format!("placeholder [{name}] is used before it is declared ([{name}:TABLE] or [{name}:table:TYPE])")),
            (Some(d), known) => {
                let parts: Vec<&str> = d.split(':').collect();
                let p = match parts.as_slice() {
                    [t] if t.eq_ignore_ascii_case("table") => Placeholder::Table,
                    [table, ty] => {
                        let ty = SqlType::parse(ty).ok_or_else(|| {
                            format!("placeholder [{name}]: unknown type '{ty}' (expected INT, DOUBLE, TEXT, BOOLEAN or DATE)")
                        })?;
                        if !matches!(out.iter().find(|(n, _)| n == table), Some((_, Placeholder::Table))) {
                            return Err(format!("placeholder [{name}]: '{table}' is not a table placeholder ([{table}:TABLE])"));
                        }
                        Placeholder::Expr { table: table.to_string(), ty }
                    }
                    _ => return Err(format!("placeholder [{name}:{d}]: expected [{name}:TABLE] or [{name}:table:TYPE]")),
                };
                match known {
                    Some(k) if k != p => return Err(format!("placeholder [{name}] is declared twice with different kinds")),
                    Some(_) => {}
                    None => out.push((name, p)),
                }
            }
        }
    }
    Ok(out)
}

/// Parses one oracle file.
pub fn parse(file: &Path, text: &str) -> Result<Vec<Oracle>, OracleError> {
    let at = |offset: usize, message: String| OracleError::At {
        file: file.to_path_buf(),
        line: line_of(text, offset),
        message,
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        at(offset, e.message().to_string())
    })?;
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for spanned in raw.oracle {
        let start = spanned.span().start;
        let r = spanned.into_inner();
        if let Some(first) = names.insert(r.name.clone(), line_of(text, start)) {
            return Err(at(
                start,
                format!(
                    "oracle '{}' is defined twice (first at line {first})",
                    r.name
                ),
            ));
        }
        let mut engines = Vec::new();
        for e in &r.engines {
            let spec: crate::engine::EngineSpec = e
                .parse()
                .map_err(|_| at(start, format!("oracle '{}': unknown engine '{e}'", r.name)))?;
            engines.push(spec.kind());
        }
        if !matches!(r.provenance.as_str(), "hand-written" | "llm-discovered") {
            return Err(at(
                start,
                format!(
                    "oracle '{}': provenance must be \"hand-written\" or \"llm-discovered\"",
                    r.name
                ),
            ));
        }
        let placeholders =
            placeholders(&r.a, &r.b).map_err(|m| at(start, format!("oracle '{}': {m}", r.name)))?;
        out.push(Oracle {
            name: r.name,
            description: r.description,
            compare: r.compare,
            engines,
            provenance: r.provenance,
            verification: r.verification,
            between: r.between,
            after: r.after,
            a: r.a,
            b: r.b,
            placeholders,
            file: file.to_path_buf(),
            line: line_of(text, start),
        });
    }
    Ok(out)
}

/// Every oracle in a file or in the `.toml` files of a folder, in file
/// order, and the files that did not parse (each skipped with its error).
/// Only a path that cannot be read at all is an error.
pub fn load_dir(path: &Path) -> Result<(Vec<Oracle>, Vec<OracleError>), OracleError> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut f: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| OracleError::Io(path.to_path_buf(), e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        f.sort();
        f
    } else {
        vec![path.to_path_buf()]
    };
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| OracleError::Io(f.clone(), e))?;
        match parse(&f, &text) {
            Ok(o) => out.extend(o),
            Err(e) => bad.push(e),
        }
    }
    Ok((out, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_placeholders_and_reports_lines() {
        let text = r#"
[[oracle]]
id = "tlp"
compare = "multiset"
provenance = "hand-written"
verification = "tested"
query_a = "SELECT * FROM [t0:TABLE] AS t0"
query_b = "SELECT * FROM [t0] AS t0 WHERE [p:t0:BOOLEAN] UNION ALL SELECT * FROM [t0] AS t0 WHERE NOT [p]"
"#;
        let o = parse(Path::new("x.toml"), text).unwrap();
        assert_eq!(o[0].line, 2);
        assert_eq!(
            o[0].placeholders,
            vec![
                ("t0".into(), Placeholder::Table),
                (
                    "p".into(),
                    Placeholder::Expr {
                        table: "t0".into(),
                        ty: SqlType::Bool
                    }
                )
            ]
        );
        let bad = text.replace("BOOLEAN", "BLOB");
        let e = parse(Path::new("x.toml"), &bad).unwrap_err().to_string();
        assert!(
            e.starts_with("x.toml:2: oracle 'tlp': placeholder [p]: unknown type 'BLOB'"),
            "{e}"
        );
        let e = parse(Path::new("x.toml"), "[[oracle]]\nid = 1\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x.toml:2:"), "{e}");
        let undeclared = text.replace("[p:t0:BOOLEAN]", "[p]");
        assert!(parse(Path::new("x.toml"), &undeclared).is_err());
    }
}
