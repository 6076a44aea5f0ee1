//! Fuzzed databases from a schema (test-suite accuracy, METHODS.md §4).
//! Values come from small pools per column: the literals of the queries
//! and their neighbours, values sampled from the record's own database,
//! CHECK-constraint literals and a few corner values, so that joins match,
//! groups collide and boundaries are hit. Primary keys, UNIQUE, NOT NULL
//! and foreign keys are respected while generating; rows the engine still
//! refuses (a CHECK, say) are dropped, so every kept INSERT succeeds.

use super::literals::Literals;
use super::schema::{insertion_order, ColType, ColumnSpec, TableSpec};
use crate::engine::{Engine, Outcome, Value};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeSet, HashSet};

/// SQL literals a column draws from.
#[derive(Debug, Clone, Default)]
pub struct Pools {
    /// Per table, per column: every value the column may take.
    pub columns: Vec<Vec<Vec<String>>>,
    /// Per table, per column: the values that come from the queries'
    /// literals (and their neighbours), drawn half the time, because the
    /// boundaries a near miss moves are there and nowhere else.
    pub literal: Vec<Vec<Vec<String>>>,
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn truncate(s: &str, max: Option<usize>) -> String {
    match max {
        Some(n) => s.chars().take(n).collect(),
        None => s.to_string(),
    }
}

/// A value read back from an engine, as a literal for a column of `ty`.
pub fn value_literal(v: &Value, ty: &ColType) -> Option<String> {
    let text = match v {
        Value::Null | Value::Blob(_) | Value::Interval(_) => return None,
        Value::Bool(b) => {
            return Some(match ty {
                ColType::Bool => if *b { "TRUE" } else { "FALSE" }.into(),
                _ => if *b { "1" } else { "0" }.into(),
            })
        }
        Value::Int(i) => i.to_string(),
        Value::Float(f) if f.is_finite() => f.to_string(),
        Value::Float(_) => return None,
        Value::Decimal(s)
        | Value::Text(s)
        | Value::Date(s)
        | Value::Time(s)
        | Value::Timestamp(s) => s.clone(),
    };
    render(&text, ty)
}

/// `text` as a literal of `ty`, or `None` when it is not one.
fn render(text: &str, ty: &ColType) -> Option<String> {
    match ty {
        ColType::Int => text.parse::<i64>().ok().map(|n| n.to_string()),
        ColType::Decimal { scale } => text
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(|f| format!("{f:.*}", *scale as usize)),
        ColType::Float => text
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(|f| f.to_string()),
        ColType::Text { max_len } => Some(quote(&truncate(text, *max_len))),
        ColType::Date => date(text).map(|d| quote(&d.format("%Y-%m-%d").to_string())),
        ColType::Timestamp => {
            timestamp(text).map(|t| quote(&t.format("%Y-%m-%d %H:%M:%S").to_string()))
        }
        ColType::Time => (text.len() == 8 && text.as_bytes()[2] == b':').then(|| quote(text)),
        ColType::Bool => match text.to_ascii_lowercase().as_str() {
            "true" | "1" | "t" => Some("TRUE".into()),
            "false" | "0" | "f" => Some("FALSE".into()),
            _ => None,
        },
    }
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

fn timestamp(text: &str) -> Option<NaiveDateTime> {
    let t = text.replace('T', " ");
    NaiveDateTime::parse_from_str(t.get(..19).unwrap_or(&t), "%Y-%m-%d %H:%M:%S")
        .ok()
        .or_else(|| date(text).and_then(|d| d.and_hms_opt(0, 0, 0)))
}

/// The literals of `lits` that fit `ty`, with their neighbours.
pub(super) fn from_literals(lits: &Literals, ty: &ColType) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |t: String| out.extend(render(&t, ty));
    match ty {
        ColType::Int => {
            for n in lits.numbers.iter().filter_map(|n| n.parse::<i64>().ok()) {
                for d in [-1, 0, 1] {
                    push((n.saturating_add(d)).to_string());
                }
            }
        }
        ColType::Decimal { .. } | ColType::Float => {
            for n in lits.numbers.iter().filter_map(|n| n.parse::<f64>().ok()) {
                for d in [-1.0, -0.01, 0.0, 0.01, 1.0] {
                    push((n + d).to_string());
                }
            }
        }
        ColType::Text { .. } => lits.strings.iter().for_each(|s| push(s.clone())),
        ColType::Date => {
            for d in lits.strings.iter().filter_map(|s| date(s)) {
                for k in [-1, 0, 1] {
                    push((d + Duration::days(k)).format("%Y-%m-%d").to_string());
                }
            }
        }
        ColType::Timestamp => {
            for t in lits.strings.iter().filter_map(|s| timestamp(s)) {
                for k in [-1, 0, 1] {
                    push(
                        (t + Duration::seconds(k))
                            .format("%Y-%m-%d %H:%M:%S")
                            .to_string(),
                    );
                }
            }
        }
        ColType::Time | ColType::Bool => lits.strings.iter().for_each(|s| push(s.clone())),
    }
    out
}

fn corners(ty: &ColType) -> Vec<String> {
    let raw: &[&str] = match ty {
        ColType::Int => &["0", "1", "-1", "2", "3"],
        ColType::Decimal { .. } | ColType::Float => &["0", "1", "-1", "0.5", "100"],
        ColType::Text { .. } => &["", "a", "A", "b"],
        ColType::Date => &["2024-01-01", "2024-12-31", "2000-02-29"],
        ColType::Timestamp => &["2024-01-01 00:00:00", "2024-12-31 23:59:59"],
        ColType::Time => &["00:00:00", "12:30:00"],
        ColType::Bool => &["TRUE", "FALSE"],
    };
    raw.iter().filter_map(|t| render(t, ty)).collect()
}

/// Builds each column's pool from the queries' literals, CHECK literals,
/// values sampled from the record's database (`sampled[table][column]`)
/// and corner values.
pub fn pools(tables: &[TableSpec], lits: &Literals, sampled: &[Vec<Vec<Value>>]) -> Pools {
    let literal = tables
        .iter()
        .map(|t| {
            t.columns
                .iter()
                .map(|c| {
                    let set: BTreeSet<String> = from_literals(lits, &c.ty).into_iter().collect();
                    set.into_iter().collect()
                })
                .collect()
        })
        .collect();
    let columns = tables
        .iter()
        .enumerate()
        .map(|(ti, t)| {
            t.columns
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    let mut set: BTreeSet<String> = BTreeSet::new();
                    set.extend(from_literals(lits, &c.ty));
                    set.extend(c.check_literals.iter().filter_map(|l| render(l, &c.ty)));
                    if let Some(vals) = sampled.get(ti).and_then(|s| s.get(ci)) {
                        set.extend(vals.iter().filter_map(|v| value_literal(v, &c.ty)));
                    }
                    set.extend(corners(&c.ty));
                    set.into_iter().collect()
                })
                .collect()
        })
        .collect();
    Pools { columns, literal }
}

/// One fuzzed database: the INSERTs that succeeded, after the schema.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FuzzDb {
    pub seed: u64,
    pub inserts: Vec<String>,
}

/// Rows kept so far per table (literals, `None` = NULL).
type Rows = Vec<Vec<Option<String>>>;

fn draw(
    rng: &mut ChaCha8Rng,
    col: &ColumnSpec,
    pool: &[String],
    literal: &[String],
) -> Option<String> {
    if !col.not_null && rng.random_bool(0.12) {
        return None;
    }
    let pool = if !literal.is_empty() && rng.random_bool(0.5) {
        literal
    } else {
        pool
    };
    pool.choose(rng)
        .cloned()
        .or_else(|| corners(&col.ty).first().cloned())
}

fn generate_rows(
    rng: &mut ChaCha8Rng,
    tables: &[TableSpec],
    ti: usize,
    pools: &Pools,
    kept: &[Rows],
    count: usize,
) -> Rows {
    let t = &tables[ti];
    let mut rows: Rows = Vec::new();
    let mut seen: Vec<HashSet<Vec<Option<String>>>> = vec![HashSet::new(); t.unique.len()];
    for _ in 0..count {
        'attempt: for _ in 0..12 {
            let mut row: Vec<Option<String>> = t
                .columns
                .iter()
                .enumerate()
                .map(|(ci, c)| draw(rng, c, &pools.columns[ti][ci], &pools.literal[ti][ci]))
                .collect();
            for fk in &t.foreign_keys {
                let self_ref = fk.parent.eq_ignore_ascii_case(&t.name);
                let parent_rows: &Rows = if self_ref {
                    &rows
                } else {
                    match tables
                        .iter()
                        .position(|p| p.name.eq_ignore_ascii_case(&fk.parent))
                    {
                        Some(p) => &kept[p],
                        None => continue,
                    }
                };
                let parent = if self_ref {
                    t
                } else {
                    &tables[tables
                        .iter()
                        .position(|p| p.name.eq_ignore_ascii_case(&fk.parent))
                        .expect("found")]
                };
                let nullable = fk
                    .columns
                    .iter()
                    .all(|c| t.column(c).is_some_and(|i| !t.columns[i].not_null));
                let pick = if parent_rows.is_empty() || (nullable && rng.random_bool(0.15)) {
                    None
                } else {
                    parent_rows.choose(rng)
                };
                for (k, c) in fk.columns.iter().enumerate() {
                    let Some(ci) = t.column(c) else { continue };
                    row[ci] = match (
                        pick,
                        fk.parent_columns.get(k).and_then(|pc| parent.column(pc)),
                    ) {
                        (Some(p), Some(pi)) => p[pi].clone(),
                        _ if nullable => None,
                        _ => row[ci].clone(),
                    };
                }
            }
            for (u, cols) in t.unique.iter().enumerate() {
                let key: Vec<Option<String>> = cols
                    .iter()
                    .filter_map(|c| t.column(c))
                    .map(|ci| row[ci].clone())
                    .collect();
                if key.iter().any(Option::is_none) {
                    continue;
                }
                if seen[u].contains(&key) {
                    continue 'attempt;
                }
            }
            for (u, cols) in t.unique.iter().enumerate() {
                let key: Vec<Option<String>> = cols
                    .iter()
                    .filter_map(|c| t.column(c))
                    .map(|ci| row[ci].clone())
                    .collect();
                seen[u].insert(key);
            }
            rows.push(row);
            break;
        }
    }
    rows
}

fn insert_sql(t: &TableSpec, rows: &[Vec<Option<String>>]) -> String {
    let cols: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    let values: Vec<String> = rows
        .iter()
        .map(|r| {
            let cells: Vec<&str> = r.iter().map(|v| v.as_deref().unwrap_or("NULL")).collect();
            format!("({})", cells.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {} ({}) VALUES {}",
        t.name,
        cols.join(", "),
        values.join(", ")
    )
}

/// Fills an engine that holds the schema (and nothing else) with one fuzzed
/// database and returns the INSERTs that succeeded.
pub async fn populate(
    engine: &mut dyn Engine,
    tables: &[TableSpec],
    pools: &Pools,
    seed: u64,
    max_rows: usize,
) -> FuzzDb {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut kept: Vec<Rows> = vec![Vec::new(); tables.len()];
    let mut inserts = Vec::new();
    for ti in insertion_order(tables) {
        let t = &tables[ti];
        let count = if rng.random_bool(0.08) {
            0
        } else {
            rng.random_range(1..=max_rows.max(1))
        };
        let rows = generate_rows(&mut rng, tables, ti, pools, &kept, count);
        if rows.is_empty() {
            continue;
        }
        let all = insert_sql(t, &rows);
        if matches!(engine.execute(&all).await, Outcome::Done { .. }) {
            inserts.push(all);
            kept[ti] = rows;
            continue;
        }
        for row in rows {
            let one = insert_sql(t, std::slice::from_ref(&row));
            if matches!(engine.execute(&one).await, Outcome::Done { .. }) {
                inserts.push(one);
                kept[ti].push(row);
            }
        }
    }
    FuzzDb { seed, inserts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_bring_their_neighbours() {
        let mut l = Literals::default();
        l.numbers.insert("100".into());
        l.strings.insert("2024-03-01".into());
        let ints = from_literals(&l, &ColType::Int);
        assert_eq!(ints, vec!["99", "100", "101"]);
        let dates = from_literals(&l, &ColType::Date);
        assert!(dates.contains(&"'2024-02-29'".to_string()));
        let dec = from_literals(&l, &ColType::Decimal { scale: 2 });
        assert!(dec.contains(&"99.99".to_string()) && dec.contains(&"100.00".to_string()));
    }

    #[test]
    fn text_is_quoted_and_cut_to_the_column_length() {
        assert_eq!(
            render("it's long", &ColType::Text { max_len: Some(4) }).unwrap(),
            "'it''s'"
        );
        assert_eq!(
            value_literal(&Value::Bool(true), &ColType::Int).unwrap(),
            "1"
        );
        assert!(render("x", &ColType::Int).is_none());
    }
}
