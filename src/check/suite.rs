//! Distilling a gold query's suite of fuzzed databases (test-suite
//! accuracy): generate candidates seeded with the literals of the gold and
//! of its near-miss neighbours, and keep the ones that tell the gold apart
//! from a neighbour no earlier database told apart, plus a few base ones.

use super::checker::{fresh_db, pair, seed_literals, CheckOptions, Shape};
use super::fuzz::{self, FuzzDb};
use super::neighbours::neighbours;
use super::schema::TableSpec;
use crate::engine::{Engine, Outcome, Value};
use crate::oracle::campaign::{compare_outcomes, derive, CaseResult};
use crate::oracle::Compare;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Suite {
    pub databases: Vec<FuzzDb>,
    /// Candidate databases generated.
    pub candidates: usize,
    /// Neighbours of the gold that ran.
    pub neighbours: usize,
    /// Neighbours some kept database tells apart from the gold.
    pub killed: usize,
}

fn killed(result: &CaseResult) -> Option<bool> {
    match result {
        CaseResult::Mismatch { .. } => Some(true),
        CaseResult::Pass { .. } => Some(false),
        // The neighbour fails or hangs: it is not a near miss that runs.
        _ => None,
    }
}

pub async fn distill(
    engine: &mut dyn Engine,
    schema: &str,
    tables: &[TableSpec],
    sampled: &[Vec<Vec<Value>>],
    gold: &str,
    shape: Shape,
    opts: &CheckOptions,
) -> Suite {
    let near = neighbours(gold, opts.max_neighbours, opts.seed);
    let pools = fuzz::pools(tables, &seed_literals(gold, &near), sampled);
    let mut alive: Vec<usize> = (0..near.len()).collect();
    let mut ran = vec![false; near.len()];
    let mut suite = Suite::default();
    let mut quiet = 0;
    let collated = engine.capabilities().collated_text();
    for i in 0..opts.candidates as u64 {
        let seed = derive(opts.seed, &format!("suite\u{0}{gold}"), i);
        let Some(db) = fresh_db(engine, schema, tables, &pools, seed, opts.max_rows).await else {
            break;
        };
        suite.candidates += 1;
        let gold_out = match shape {
            Shape::Query { .. } => Some(engine.execute(gold).await),
            _ => None,
        };
        if matches!(&gold_out, Some(o) if !o.is_success()) {
            continue;
        }
        let mut new_kills = 0;
        let mut still = Vec::new();
        for &n in &alive {
            let result = match (&gold_out, shape) {
                (Some(g), Shape::Query { ordered }) => {
                    let compare = if ordered {
                        Compare::Ordered
                    } else {
                        Compare::Multiset
                    };
                    let b = engine.execute(&near[n]).await;
                    compare_outcomes(collated, compare, g.clone(), b, true)
                }
                _ => pair(engine, shape, tables, gold, &near[n]).await,
            };
            match killed(&result) {
                Some(true) => {
                    ran[n] = true;
                    new_kills += 1;
                }
                Some(false) => {
                    ran[n] = true;
                    still.push(n);
                }
                None if matches!(&result, CaseResult::Rejected { a, .. } if !matches!(a, Outcome::Rows { .. } | Outcome::Done { .. })) =>
                {
                    // The gold itself failed (write shape): keep the neighbour.
                    still.push(n);
                }
                None => {}
            }
        }
        alive = still;
        suite.killed += new_kills;
        if new_kills > 0 || suite.databases.len() < opts.base_databases {
            suite.databases.push(db);
            quiet = 0;
        } else {
            quiet += 1;
        }
        if suite.databases.len() >= opts.base_databases
            && (alive.is_empty() || quiet >= opts.patience)
        {
            break;
        }
    }
    suite.neighbours = ran.iter().filter(|r| **r).count();
    suite
}
