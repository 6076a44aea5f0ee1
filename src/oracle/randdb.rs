//! Seeded random databases: tables `t0`, `t1`, `t2` with one column per
//! type, rows full of NULLs, edge values and duplicates, and optional
//! indexes. The same script builds the same database on every engine.

use super::SqlType;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The canonical columns every table has: (name, type, DDL type).
pub const COLUMNS: &[(&str, SqlType, &str)] = &[
    ("c_int", SqlType::Int, "INTEGER"),
    ("c_big", SqlType::Int, "BIGINT"),
    ("c_double", SqlType::Double, "DOUBLE PRECISION"),
    ("c_text", SqlType::Text, "VARCHAR(20)"),
    ("c_bool", SqlType::Bool, "BOOLEAN"),
    ("c_date", SqlType::Date, "DATE"),
];

pub const TABLES: &[&str] = &["t0", "t1", "t2"];

/// Table placeholders are filled from the tables and the view `v0`, a
/// filtered view over one of them with the same columns.
pub const RELATIONS: &[&str] = &["t0", "t1", "t2", "v0"];

/// Columns of a given type.
pub fn columns_of(ty: SqlType) -> Vec<&'static str> {
    COLUMNS.iter().filter(|c| c.1 == ty).map(|c| c.0).collect()
}

#[derive(Debug, Clone)]
pub struct RandomDb {
    pub seed: u64,
    /// Statements that build it (CREATE TABLE, INSERT, CREATE INDEX).
    pub statements: Vec<String>,
    /// Rows per table.
    pub rows: Vec<usize>,
    /// The same database with one statement per row, for the reducer:
    /// CREATE TABLEs first, then single-row INSERTs, then indexes.
    pub fine_statements: Vec<String>,
}

impl RandomDb {
    pub fn script(&self) -> String {
        self.statements.iter().map(|s| format!("{s};\n")).collect()
    }
}

fn value(rng: &mut ChaCha8Rng, ty: SqlType, pool: &[String]) -> String {
    // Reuse an earlier value a quarter of the time, so duplicates are common.
    if !pool.is_empty() && rng.random_bool(0.25) {
        return pool.choose(rng).expect("non-empty").clone();
    }
    if rng.random_bool(0.15) {
        return "NULL".into();
    }
    match ty {
        SqlType::Int => [
            "0",
            "1",
            "-1",
            "2",
            "7",
            "42",
            "-100",
            "2147483647",
            "-2147483648",
        ]
        .choose(rng)
        .expect("non-empty")
        .to_string(),
        SqlType::Double => ["0.0", "1.5", "-2.25", "1e10", "-0.001", "3.0"]
            .choose(rng)
            .expect("non-empty")
            .to_string(),
        SqlType::Text => ["''", "'a'", "'A'", "'abc'", "'b c'", "'%'", "'0'", "'zz'"]
            .choose(rng)
            .expect("non-empty")
            .to_string(),
        SqlType::Bool => ["TRUE", "FALSE"]
            .choose(rng)
            .expect("non-empty")
            .to_string(),
        SqlType::Date => [
            "'2000-01-01'",
            "'2024-02-29'",
            "'1999-12-31'",
            "'2024-06-15'",
        ]
        .choose(rng)
        .expect("non-empty")
        .to_string(),
    }
}

/// A database from `seed`: up to `max_rows` rows per table (a table may be
/// empty), indexes on some columns.
pub fn generate(seed: u64, max_rows: usize) -> RandomDb {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut statements = Vec::new();
    let mut rows = Vec::new();
    let (mut creates, mut inserts, mut indexes) = (Vec::new(), Vec::new(), Vec::new());
    for table in TABLES {
        let cols: Vec<String> = COLUMNS.iter().map(|(n, _, t)| format!("{n} {t}")).collect();
        statements.push(format!("CREATE TABLE {table} ({})", cols.join(", ")));
        creates.push(statements.last().expect("pushed").clone());
        // One table in five is empty: the empty side of joins matters.
        let n = if rng.random_bool(0.2) {
            0
        } else {
            rng.random_range(1..=max_rows.max(1))
        };
        let mut pools: Vec<Vec<String>> = vec![Vec::new(); COLUMNS.len()];
        let mut values = Vec::new();
        for _ in 0..n {
            let row: Vec<String> = COLUMNS
                .iter()
                .enumerate()
                .map(|(i, (_, ty, _))| {
                    let v = value(&mut rng, *ty, &pools[i]);
                    pools[i].push(v.clone());
                    v
                })
                .collect();
            values.push(format!("({})", row.join(", ")));
        }
        let names: Vec<&str> = COLUMNS.iter().map(|c| c.0).collect();
        for v in &values {
            inserts.push(format!(
                "INSERT INTO {table} ({}) VALUES {v}",
                names.join(", ")
            ));
        }
        if !values.is_empty() {
            statements.push(format!(
                "INSERT INTO {table} ({}) VALUES {}",
                names.join(", "),
                values.join(", ")
            ));
        }
        if rng.random_bool(0.5) {
            let (col, _, _) = COLUMNS.choose(&mut rng).expect("non-empty");
            statements.push(format!("CREATE INDEX ix_{table}_{col} ON {table} ({col})"));
            indexes.push(statements.last().expect("pushed").clone());
        }
        rows.push(n);
    }
    // The view: every column of one table, maybe filtered.
    let base = TABLES.choose(&mut rng).expect("tables");
    let filter = *["", " WHERE c_int IS NOT NULL", " WHERE c_bool OR c_int > 0"]
        .choose(&mut rng)
        .expect("filters");
    let view = format!("CREATE VIEW v0 AS SELECT * FROM {base}{filter}");
    statements.push(view.clone());
    creates.push(view);
    RandomDb {
        seed,
        statements,
        rows,
        fine_statements: creates.into_iter().chain(inserts).chain(indexes).collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_seed_same_database() {
        let a = super::generate(3, 10);
        assert_eq!(a.statements, super::generate(3, 10).statements);
        assert_ne!(a.statements, super::generate(4, 10).statements);
        assert!(a.script().contains("CREATE TABLE t0"));
    }
}
