//! Statements per second through the [`Engine`] trait vs the raw driver API
//! (duckdb-rs, rusqlite) for the same statements, interleaved round by round.
//! Both paths deliver the same information: every value as an owned value,
//! plus each result's column names and types.

use crate::engine::{
    self, duckdb::sandbox_config, Engine, EngineConfig, EngineKind, EngineSpec, Outcome,
};
use serde::Serialize;
use std::time::Instant;

#[derive(Debug, Clone, Serialize)]
pub struct Result {
    pub engine: EngineKind,
    pub statements: usize,
    pub rounds: usize,
    pub raw_per_sec: f64,
    pub engine_per_sec: f64,
    /// engine_per_sec / raw_per_sec (target ≥ 0.9).
    pub ratio: f64,
}

struct Workload {
    setup: Vec<String>,
    statements: Vec<(String, bool)>,
}

/// A mixed workload over a 1,000-row table: point lookups (80%), range
/// aggregates (10%) and single-row updates (10%).
fn workload(kind: EngineKind, n: usize) -> Workload {
    let fill = match kind {
        EngineKind::DuckDb => {
            "INSERT INTO t SELECT i, 'name ' || i, i * 0.5, i / 100.0 FROM range(1000) r(i)"
        }
        _ => {
            "WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 999) \
              INSERT INTO t SELECT i, 'name ' || i, i * 0.5, i / 100.0 FROM r"
        }
    };
    let setup = vec![
        "CREATE TABLE t (a INTEGER PRIMARY KEY, b VARCHAR(20), c DOUBLE, d DECIMAL(10,2))"
            .to_string(),
        fill.to_string(),
    ];
    let statements = (0..n)
        .map(|i| {
            let k = i % 1000;
            match i % 10 {
                0 => (
                    format!("SELECT count(*), sum(c) FROM t WHERE a < {k}"),
                    true,
                ),
                5 => (format!("UPDATE t SET c = c + 1 WHERE a = {k}"), false),
                _ => (format!("SELECT a, b, c, d FROM t WHERE a = {k}"), true),
            }
        })
        .collect();
    Workload { setup, statements }
}

fn raw_duckdb(w: &Workload) -> duckdb::Result<Box<dyn FnMut() -> duckdb::Result<usize>>> {
    let conn = duckdb::Connection::open_in_memory_with_flags(sandbox_config()?)?;
    for s in &w.setup {
        conn.execute_batch(s)?;
    }
    let statements = w.statements.clone();
    Ok(Box::new(move || {
        let mut values = 0;
        for (sql, returns_rows) in &statements {
            let mut stmt = conn.prepare(sql)?;
            if *returns_rows {
                let mut rows = stmt.query([])?;
                let mut out = Vec::new();
                let mut columns: Vec<(String, String)> = Vec::new();
                while let Some(row) = rows.next()? {
                    let s = row.as_ref();
                    if columns.is_empty() {
                        columns = s
                            .column_names()
                            .into_iter()
                            .enumerate()
                            .map(|(i, n)| (n, format!("{:?}", s.column_type(i))))
                            .collect();
                    }
                    for i in 0..columns.len() {
                        out.push(row.get_ref(i)?.to_owned());
                    }
                }
                values += out.len();
            } else {
                stmt.execute([])?;
            }
        }
        Ok(values)
    }))
}

fn raw_sqlite(w: &Workload) -> rusqlite::Result<Box<dyn FnMut() -> rusqlite::Result<usize>>> {
    let conn = rusqlite::Connection::open_in_memory()?;
    for s in &w.setup {
        conn.execute_batch(s)?;
    }
    let statements = w.statements.clone();
    Ok(Box::new(move || {
        let mut values = 0;
        for (sql, returns_rows) in &statements {
            let mut stmt = conn.prepare(sql)?;
            if *returns_rows {
                let width = stmt.column_count();
                let columns: Vec<(String, Option<String>)> = stmt
                    .columns()
                    .map(|c| (c.name().to_string(), c.decl_type().map(str::to_string)))
                    .collect();
                debug_assert_eq!(columns.len(), width);
                let mut rows = stmt.query([])?;
                let mut out: Vec<rusqlite::types::Value> = Vec::new();
                while let Some(row) = rows.next()? {
                    for i in 0..width {
                        out.push(row.get::<_, rusqlite::types::Value>(i)?);
                    }
                }
                values += out.len();
            } else {
                stmt.raw_execute()?;
            }
        }
        Ok(values)
    }))
}

async fn through_engine(
    engine: &mut dyn Engine,
    statements: &[(String, bool)],
) -> std::result::Result<usize, String> {
    let mut values = 0;
    for (sql, _) in statements {
        match engine.execute(sql).await {
            Outcome::Rows { rows, .. } => values += rows.iter().map(Vec::len).sum::<usize>(),
            Outcome::Done { .. } => {}
            other => return Err(format!("{sql}: {other:?}")),
        }
    }
    Ok(values)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Runs the benchmark for one embedded engine.
pub async fn run(
    kind: EngineKind,
    statements: usize,
    rounds: usize,
) -> std::result::Result<Result, String> {
    let w = workload(kind, statements);
    let (spec, mut raw): (
        EngineSpec,
        Box<dyn FnMut() -> std::result::Result<usize, String>>,
    ) = match kind {
        EngineKind::DuckDb => {
            let mut f = raw_duckdb(&w).map_err(|e| e.to_string())?;
            (
                EngineSpec::DuckDb,
                Box::new(move || f().map_err(|e| e.to_string())),
            )
        }
        EngineKind::Sqlite => {
            let mut f = raw_sqlite(&w).map_err(|e| e.to_string())?;
            (
                EngineSpec::Sqlite,
                Box::new(move || f().map_err(|e| e.to_string())),
            )
        }
        other => return Err(format!("no raw baseline for {other}")),
    };
    let mut engine = engine::connect(&spec, &EngineConfig::default())
        .await
        .map_err(|e| e.to_string())?;
    for s in &w.setup {
        let o = engine.execute(s).await;
        if !o.is_success() {
            return Err(format!("setup failed: {o:?}"));
        }
    }
    // Warm-up, and a check that both paths read the same number of values.
    let raw_values = raw()?;
    let engine_values = through_engine(engine.as_mut(), &w.statements).await?;
    if raw_values != engine_values {
        return Err(format!(
            "paths disagree: raw read {raw_values} values, engine {engine_values}"
        ));
    }
    let (mut raw_rates, mut engine_rates) = (Vec::new(), Vec::new());
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        raw()?;
        raw_rates.push(statements as f64 / t.elapsed().as_secs_f64());
        let t = Instant::now();
        through_engine(engine.as_mut(), &w.statements).await?;
        engine_rates.push(statements as f64 / t.elapsed().as_secs_f64());
    }
    engine.close().await;
    let (raw_per_sec, engine_per_sec) = (median(raw_rates), median(engine_rates));
    Ok(Result {
        engine: kind,
        statements,
        rounds,
        raw_per_sec,
        engine_per_sec,
        ratio: engine_per_sec / raw_per_sec,
    })
}
