//! The verified snippet corpus (`snippets/<engine>.jsonl`): expressions from
//! the grammar, plus nestings of verified ones whose types match, each run
//! on the engine to record its real type and keep only valid ones, with the
//! three Argus checks stored: deterministic, NULL-preserving and
//! empty-preserving.

use super::randdb::COLUMNS;
use super::snippet::expr;
use super::SqlType;
use crate::engine::{Engine, Outcome};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// The qualifier snippets use for the canonical table; a filling renames
/// it to the target table's.
pub const QUALIFIER: &str = "snip";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Snippet {
    pub sql: String,
    /// The type the grammar built it as.
    #[serde(rename = "type")]
    pub ty: String,
    /// The result type the engine reported.
    pub engine_type: String,
    pub deterministic: bool,
    pub null_preserving: bool,
    pub empty_preserving: bool,
}

fn setup_sql() -> String {
    let cols: Vec<String> = COLUMNS.iter().map(|(n, _, t)| format!("{n} {t}")).collect();
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.0).collect();
    let mut s = String::new();
    for table in ["snip", "snip_null", "snip_empty"] {
        s.push_str(&format!("CREATE TABLE {table} ({});\n", cols.join(", ")));
    }
    s.push_str(&format!(
        "INSERT INTO snip ({}) VALUES (1, 2, 1.5, 'abc', TRUE, '2024-02-29'), (-1, 2147483647, 0.0, '', FALSE, '2000-01-01'), (0, -7, -2.25, 'A%', NULL, NULL);\n",
        names.join(", ")
    ));
    s.push_str(&format!(
        "INSERT INTO snip_null ({}) VALUES (NULL, NULL, NULL, NULL, NULL, NULL);\n",
        names.join(", ")
    ));
    s
}

fn on(sql: &str, table: &str) -> String {
    format!("SELECT {} FROM {table} AS {QUALIFIER}", sql)
}

/// Verifies one candidate on the engine (which holds the canonical tables).
async fn verify(engine: &mut dyn Engine, sql: &str, ty: SqlType) -> Option<Snippet> {
    let first = engine.execute(&on(sql, "snip")).await;
    let Outcome::Rows { columns, rows } = &first else {
        return None;
    };
    let second = engine.execute(&on(sql, "snip")).await;
    let nulls = engine.execute(&on(sql, "snip_null")).await;
    let empty = engine.execute(&on(sql, "snip_empty")).await;
    Some(Snippet {
        sql: sql.to_string(),
        ty: ty.name().into(),
        engine_type: columns
            .first()
            .map(|c| c.type_name.clone())
            .unwrap_or_default(),
        deterministic: second.rows() == Some(rows.as_slice()),
        null_preserving: nulls
            .rows()
            .is_some_and(|r| r.len() == 1 && r[0].first() == Some(&crate::engine::Value::Null)),
        empty_preserving: empty.rows().is_some_and(|r| r.is_empty()),
    })
}

/// Nests two verified snippets of a type into a new candidate.
fn combine(rng: &mut ChaCha8Rng, ty: SqlType, a: &str, b: &str, cond: Option<&str>) -> String {
    match (ty, rng.random_range(0..3)) {
        (SqlType::Int, 0) => format!("({a} + {b})"),
        (SqlType::Int | SqlType::Double | SqlType::Text | SqlType::Date, 1) => {
            format!("COALESCE({a}, {b})")
        }
        (SqlType::Bool, 0) => format!("({a} AND {b})"),
        (SqlType::Bool, 1) => format!("({a} OR {b})"),
        (_, _) => match cond {
            Some(c) => format!("CASE WHEN {c} THEN {a} ELSE {b} END"),
            None => format!("COALESCE({a}, {b})"),
        },
    }
}

/// Builds up to `count` verified snippets on `engine`, half from the
/// grammar and half nested from verified ones.
pub async fn build(
    engine: &mut dyn Engine,
    count: usize,
    seed: u64,
) -> Result<Vec<Snippet>, String> {
    engine.reset().await.map_err(|e| e.to_string())?;
    crate::engine::run_script(engine, &setup_sql())
        .await
        .map_err(|(s, o)| format!("canonical table: {} failed: {}", s.sql, o.label()))?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let types = [
        SqlType::Int,
        SqlType::Double,
        SqlType::Text,
        SqlType::Bool,
        SqlType::Date,
    ];
    let mut seen = HashSet::new();
    let mut out: Vec<Snippet> = Vec::new();
    let mut by_type: BTreeMap<SqlType, Vec<String>> = BTreeMap::new();
    let mut attempts = 0;
    while out.len() < count && attempts < count * 20 {
        attempts += 1;
        let ty = *types.choose(&mut rng).expect("types");
        let pool = by_type.get(&ty).map(Vec::as_slice).unwrap_or(&[]);
        let nested = out.len() >= count / 2 && pool.len() >= 2;
        let sql = if nested {
            let a = pool.choose(&mut rng).expect("pool").clone();
            let b = pool.choose(&mut rng).expect("pool").clone();
            let cond = by_type
                .get(&SqlType::Bool)
                .and_then(|p| p.choose(&mut rng))
                .cloned();
            combine(&mut rng, ty, &a, &b, cond.as_deref())
        } else {
            let depth = rng.random_range(0..=3);
            let e = expr(&mut rng, ty, QUALIFIER, depth);
            // A few candidates the checks must catch: a random value (not
            // deterministic) and an aggregate (one row even over an empty
            // table).
            match (ty, rng.random_range(0..40)) {
                (SqlType::Double, 0) => format!("({e} * RANDOM())"),
                (SqlType::Int, 0) => format!("MAX({e})"),
                (SqlType::Int, 1) => format!("COUNT({e})"),
                _ => e,
            }
        };
        if sql.len() > 400 || !seen.insert(sql.clone()) {
            continue;
        }
        if let Some(s) = verify(engine, &sql, ty).await {
            by_type.entry(ty).or_default().push(sql);
            out.push(s);
        }
    }
    Ok(out)
}

/// Writes a corpus file, one snippet per line.
pub fn write(path: &Path, snippets: &[Snippet]) -> std::io::Result<()> {
    let mut text = String::new();
    for s in snippets {
        text.push_str(&serde_json::to_string(s).map_err(std::io::Error::other)?);
        text.push('\n');
    }
    std::fs::write(path, text)
}

/// Reads `<dir>/<engine>.jsonl`. A line that is not a snippet is skipped
/// and reported as `file:line: reason`; only an unreadable file is an error.
pub fn read_lenient(path: &Path) -> Result<(Vec<Snippet>, Vec<String>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match serde_json::from_str(line) {
            Ok(s) => good.push(s),
            Err(e) => bad.push(format!("{}:{}: {e}", path.display(), i + 1)),
        }
    }
    Ok((good, bad))
}

/// Reads a corpus file; any bad line is an error naming file:line.
pub fn read(path: &Path) -> Result<Vec<Snippet>, String> {
    match read_lenient(path)? {
        (good, bad) if bad.is_empty() => Ok(good),
        (_, bad) => Err(bad[0].clone()),
    }
}

/// The snippets usable on every one of `engines` (present, deterministic
/// and empty-preserving in each engine's file), by grammar type.
pub fn usable(dir: &Path, engines: &[&str]) -> Result<BTreeMap<SqlType, Vec<String>>, String> {
    let mut common: Option<BTreeMap<String, String>> = None;
    for engine in engines {
        let file = dir.join(format!("{engine}.jsonl"));
        let (good, bad) = read_lenient(&file)?;
        for b in &bad {
            eprintln!("warning: skipped snippet: {b}");
        }
        let here: BTreeMap<String, String> = good
            .into_iter()
            .filter(|s| s.deterministic && s.empty_preserving)
            .map(|s| (s.sql, s.ty))
            .collect();
        common = Some(match common {
            None => here,
            Some(c) => c
                .into_iter()
                .filter(|(k, _)| here.contains_key(k))
                .collect(),
        });
    }
    let mut out: BTreeMap<SqlType, Vec<String>> = BTreeMap::new();
    for (sql, ty) in common.unwrap_or_default() {
        if let Some(t) = SqlType::parse(&ty) {
            out.entry(t).or_default().push(sql);
        }
    }
    Ok(out)
}

/// A snippet with its columns qualified by `table` instead of the
/// canonical table.
pub fn rename(sql: &str, table: &str) -> String {
    // The grammar writes no string literal or name containing `snip.`.
    sql.replace(&format!("{QUALIFIER}."), &format!("{table}."))
}
