//! `oracle export --format slt`: the cases that pass on an engine, written
//! with their expected rows as a sqllogictest regression suite (what Dolt
//! kept of Argus: a large passing suite run on every change).

use super::campaign::{derive, run_case, CampaignPlan, CaseResult};
use super::fill::fill;
use super::randdb;
use crate::engine::{self, run_script, EngineConfig, EngineSpec, Outcome, SetupError, Value};
use serde::Serialize;

/// One value as the exported file and the matching runner adapter write it:
/// NULL as `NULL`, the empty string as `(empty)`.
pub fn slt_value(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Text(s) if s.is_empty() => "(empty)".into(),
        other => other.to_string(),
    }
}

/// A result's rows as the runner compares them with `rowsort`.
pub fn slt_rows(outcome: &Outcome) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = outcome
        .rows()
        .unwrap_or_default()
        .iter()
        .map(|r| r.iter().map(slt_value).collect())
        .collect();
    rows.sort_unstable();
    rows
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ExportStats {
    pub cases: u64,
    pub exported: u64,
    pub skipped: u64,
}

fn statement(sql: &str) -> String {
    format!("statement ok\n{sql}\n\n")
}

fn query(sql: &str, outcome: &Outcome, label: &str) -> String {
    let width = match outcome {
        Outcome::Rows { columns, .. } => columns.len().max(1),
        _ => 1,
    };
    let mut s = format!(
        "# {label}\nquery {} rowsort\n{sql}\n----\n",
        "T".repeat(width)
    );
    for row in slt_rows(outcome) {
        s.push_str(&row.join(" "));
        s.push('\n');
    }
    s.push('\n');
    s
}

/// Runs the plan's cases on one engine and returns the passing ones as a
/// sqllogictest file.
pub async fn export_slt(
    plan: &CampaignPlan,
    spec: &EngineSpec,
    config: &EngineConfig,
) -> Result<(String, ExportStats), SetupError> {
    let mut e = engine::connect(spec, config).await?;
    let mut out = format!(
        "# sqlforge oracle export: passing oracle cases on {} ({}), seed {}\n\n",
        spec,
        e.version(),
        plan.seed
    );
    let mut stats = ExportStats::default();
    let mut loaded: Option<u64> = None;
    let mut db_ok = false;
    for i in 0..plan.cases.unwrap_or(0) {
        let oracle = &plan.oracles[(i % plan.oracles.len() as u64) as usize];
        if !oracle.applies_to(spec.kind()) {
            continue;
        }
        stats.cases += 1;
        let db_index = i / plan.cases_per_db.max(1);
        if loaded != Some(db_index) {
            let db = randdb::generate(derive(plan.seed, "db", db_index), plan.max_rows);
            e.reset().await?;
            db_ok = run_script(e.as_mut(), &db.script()).await.is_ok();
            loaded = Some(db_index);
            if db_ok {
                out.push_str(&statement("DROP VIEW IF EXISTS v0"));
                for t in randdb::TABLES {
                    out.push_str(&statement(&format!("DROP TABLE IF EXISTS {t}")));
                }
                for s in &db.statements {
                    out.push_str(&statement(s));
                }
            }
        }
        if !db_ok {
            stats.skipped += 1;
            continue;
        }
        let f = fill(
            oracle,
            derive(plan.seed, "case", i),
            plan.snippets.as_deref(),
        );
        // The file asserts `statement ok` for any between/after statement,
        // so those must have succeeded.
        let (a, b) = match run_case(e.as_mut(), oracle.compare, &f).await {
            CaseResult::Pass {
                a,
                b,
                extras_ok: true,
            } => (a, b),
            _ => {
                stats.skipped += 1;
                continue;
            }
        };
        if slt_rows(&a) != slt_rows(&b) {
            // Equal as multisets with tolerance, not as text: not portable.
            stats.skipped += 1;
            continue;
        }
        out.push_str(&query(&f.a, &a, &format!("case {i}: {} (A)", oracle.name)));
        for s in &f.between {
            out.push_str(&statement(s));
        }
        out.push_str(&query(&f.b, &b, &format!("case {i}: {} (B)", oracle.name)));
        for s in &f.after {
            out.push_str(&statement(s));
        }
        stats.exported += 1;
    }
    e.close().await;
    Ok((out, stats))
}
