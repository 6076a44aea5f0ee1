//! Checking a write statement: gold and prediction each run inside a
//! transaction that is rolled back, and the contents of every table after
//! each are compared as multisets, table by table.

use super::schema::TableSpec;
use crate::engine::{compare_rows, CompareOptions, Engine, Outcome, Value};
use crate::oracle::campaign::CaseResult;

/// Every table's rows after `sql`, or the statement's failure.
async fn after(
    engine: &mut dyn Engine,
    tables: &[TableSpec],
    sql: &str,
) -> Result<Vec<Outcome>, Outcome> {
    if crate::engine::isolate::isolation(engine, sql) == crate::engine::Isolation::Impossible {
        return Err(Outcome::Error(crate::engine::EngineError {
            message: "this statement cannot be rolled back on this engine".into(),
            code: None,
            engine: engine.name(),
        }));
    }
    let began = engine.execute("BEGIN").await.is_success();
    let outcome = engine.execute(sql).await;
    let mut snapshot = Vec::new();
    if outcome.is_success() {
        for t in tables {
            snapshot.push(engine.execute(&format!("SELECT * FROM {}", t.name)).await);
        }
    }
    if began {
        let _ = engine.execute("ROLLBACK").await;
    }
    if outcome.is_success() {
        Ok(snapshot)
    } else {
        Err(outcome)
    }
}

fn table_rows(o: &Outcome) -> &[Vec<Value>] {
    o.rows().unwrap_or_default()
}

pub async fn run_write_pair(
    engine: &mut dyn Engine,
    tables: &[TableSpec],
    gold: &str,
    pred: &str,
) -> CaseResult {
    let g = after(engine, tables, gold).await;
    let p = after(engine, tables, pred).await;
    let done = Outcome::Done { affected: 0 };
    match (g, p) {
        (Ok(g), Ok(p)) => {
            let opts = CompareOptions {
                collated_text: engine.capabilities().collated_text(),
                ..Default::default()
            };
            for (i, t) in tables.iter().enumerate() {
                if let Err(m) = compare_rows(table_rows(&g[i]), table_rows(&p[i]), &opts) {
                    return CaseResult::Mismatch {
                        class: "table_contents",
                        detail: format!("table {} differs afterwards: {m:?}", t.name),
                        a: g[i].clone(),
                        b: p[i].clone(),
                    };
                }
            }
            let rows = g.iter().map(|o| table_rows(o).len()).sum::<usize>();
            CaseResult::Pass {
                a: Outcome::Rows {
                    columns: Vec::new(),
                    rows: vec![Vec::new(); rows],
                },
                b: done,
                extras_ok: true,
            }
        }
        (Err(a), Ok(_)) => CaseResult::Rejected {
            reason: "filling_rejected",
            a,
            b: done,
        },
        (Ok(_), Err(b)) => CaseResult::Rejected {
            reason: "filling_rejected",
            a: done,
            b,
        },
        (Err(a), Err(b)) => CaseResult::Rejected {
            reason: "filling_rejected",
            a,
            b,
        },
    }
}
