//! Oracle campaign throughput: cases per second through the campaign (fill,
//! run A and B, compare, bookkeeping) against replaying exactly the same
//! statements through the engines with nothing else, and the scaling from
//! one worker to two.

use crate::engine::{self, run_script, EngineConfig, EngineSpec, SetupError};
use crate::oracle::campaign::{self, derive, CampaignPlan};
use crate::oracle::fill::fill;
use crate::oracle::randdb;
use serde::Serialize;
use std::time::Instant;

#[derive(Debug, Clone, Serialize)]
pub struct OracleBench {
    pub cases: u64,
    pub engines: Vec<String>,
    /// The same statements (database loads, A, B, index DDL) replayed
    /// through `Engine::execute` and nothing else.
    pub replay_cases_per_sec: f64,
    pub one_worker_cases_per_sec: f64,
    /// one worker ÷ replay (target ≥ 0.8).
    pub ratio: f64,
    pub two_workers_cases_per_sec: f64,
    /// two workers ÷ one worker.
    pub scaling: f64,
    pub findings: u64,
}

async fn replay(plan: &CampaignPlan, config: &EngineConfig) -> Result<f64, SetupError> {
    let started = Instant::now();
    for spec in &plan.engines {
        let mut e = engine::connect(spec, config).await?;
        let mut loaded = None;
        for i in 0..plan.cases.unwrap_or(0) {
            let oracle = &plan.oracles[(i % plan.oracles.len() as u64) as usize];
            if !oracle.applies_to(spec.kind()) {
                continue;
            }
            let db_index = i / plan.cases_per_db;
            if loaded != Some(db_index) {
                let db = randdb::generate(derive(plan.seed, "db", db_index), plan.max_rows);
                e.reset().await?;
                let _ = run_script(e.as_mut(), &db.script()).await;
                loaded = Some(db_index);
            }
            let f = fill(
                oracle,
                derive(plan.seed, "case", i),
                plan.snippets.as_deref(),
            );
            e.execute(&f.a).await;
            for s in &f.between {
                e.execute(s).await;
            }
            e.execute(&f.b).await;
            for s in &f.after {
                e.execute(s).await;
            }
        }
        e.close().await;
    }
    Ok(plan.cases.unwrap_or(0) as f64 / started.elapsed().as_secs_f64().max(1e-9))
}

pub async fn run(plan: CampaignPlan) -> Result<OracleBench, SetupError> {
    let config = EngineConfig::default();
    let replay_rate = replay(&plan, &config).await?;
    let one = CampaignPlan {
        workers: 1,
        out: plan.out.join("one"),
        ..plan.clone()
    };
    let s1 = campaign::run(&one, &config, || {}).await?;
    let two = CampaignPlan {
        workers: 2,
        out: plan.out.join("two"),
        ..plan.clone()
    };
    let s2 = campaign::run(&two, &config, || {}).await?;
    Ok(OracleBench {
        cases: s1.cases,
        engines: plan.engines.iter().map(EngineSpec::to_string).collect(),
        replay_cases_per_sec: replay_rate,
        one_worker_cases_per_sec: s1.cases_per_sec,
        ratio: s1.cases_per_sec / replay_rate.max(1e-9),
        two_workers_cases_per_sec: s2.cases_per_sec,
        scaling: s2.cases_per_sec / s1.cases_per_sec.max(1e-9),
        findings: s1.findings + s2.findings,
    })
}
