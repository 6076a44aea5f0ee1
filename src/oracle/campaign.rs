//! A campaign: cases are numbered; case `i` uses random database `i / k`
//! and oracle `i mod n`, each filled from a seed derived from (seed, i).
//! `--shard j/m` runs the cases with `i mod m = j`, so m shards together run
//! exactly the cases of one unsharded run.

use super::fill::{fill, Filled};
use super::finding::{Finding, Findings};
use super::randdb::{self, RandomDb};
use super::{Compare, Oracle};
use crate::engine::{
    self, compare_rows, run_script, CompareOptions, Engine, EngineConfig, EngineSpec, Mismatch,
    Outcome, SetupError,
};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct CampaignPlan {
    pub oracles: Arc<Vec<Oracle>>,
    pub engines: Vec<EngineSpec>,
    /// Run this many cases (all shards together) …
    pub cases: Option<u64>,
    /// … or until this much time has passed.
    pub duration: Option<Duration>,
    pub seed: u64,
    /// (index, count).
    pub shard: (u64, u64),
    /// Cases per random database.
    pub cases_per_db: u64,
    pub max_rows: usize,
    pub out: PathBuf,
    /// Reproduction attempts the reducer may spend on each new finding
    /// (0: no reduction).
    pub reduce_budget: usize,
    /// Verified snippets to fill expressions with (the grammar otherwise).
    pub snippets: Option<Arc<super::fill::Pool>>,
    /// Also compare query A across the engines (see `differential_ok`).
    pub differential: bool,
    /// Parallel workers, each with its own sandboxes; worker w of K takes
    /// the cases of shard (j + w·m)/(m·K) for `--shard j/m`.
    pub workers: usize,
}

impl CampaignPlan {
    /// `cases` cases of `oracles` on `engines`, with the defaults: one
    /// shard, one worker, 25 cases per database of up to 8 rows a table,
    /// expressions from the grammar, no reduction, no differential mode.
    pub fn new(
        oracles: Vec<Oracle>,
        engines: Vec<EngineSpec>,
        cases: u64,
        seed: u64,
        out: PathBuf,
    ) -> CampaignPlan {
        CampaignPlan {
            oracles: Arc::new(oracles),
            engines,
            cases: Some(cases),
            duration: None,
            seed,
            shard: (0, 1),
            cases_per_db: 25,
            max_rows: 8,
            out,
            reduce_budget: 0,
            snippets: None,
            differential: false,
            workers: 1,
        }
    }
}

/// Per oracle and engine.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    pub passed: u64,
    pub findings: u64,
    /// Fillings an engine rejected, timeouts, databases that did not load.
    pub skipped: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CampaignSummary {
    pub cases: u64,
    pub executed: u64,
    pub passed: u64,
    pub findings: u64,
    /// Cases whose query A was compared across engines (`--differential`).
    pub compared_across_engines: u64,
    /// Distinct signatures, with their counts.
    pub unique_findings: BTreeMap<String, u64>,
    pub seconds: f64,
    pub cases_per_sec: f64,
    /// `oracle` → `engine` → tally.
    pub tally: BTreeMap<String, BTreeMap<String, Tally>>,
    /// Engines that failed for good (could not reconnect).
    pub failed_engines: BTreeMap<String, String>,
}

pub fn derive(seed: u64, what: &str, i: u64) -> u64 {
    let d = Sha256::digest(format!("{seed}\u{0}{what}\u{0}{i}").as_bytes());
    u64::from_le_bytes(d[..8].try_into().expect("8 bytes"))
}

/// The result of one filled case on one engine.
pub enum CaseResult {
    /// A and B agree; their results, and whether every `between`/`after`
    /// statement succeeded.
    Pass {
        a: Outcome,
        b: Outcome,
        extras_ok: bool,
    },
    Skip(&'static str),
    /// A or B raised an error or timed out (`reason` is `filling_rejected`
    /// or `timeout`): not a finding, but the outcomes say which side.
    Rejected {
        reason: &'static str,
        a: Outcome,
        b: Outcome,
    },
    Mismatch {
        class: &'static str,
        detail: String,
        a: Outcome,
        b: Outcome,
    },
    Crash {
        detail: String,
        a: Outcome,
        b: Outcome,
    },
}

fn classify(m: &Mismatch) -> &'static str {
    match m {
        Mismatch::ColumnCount { .. } => "column_count",
        Mismatch::RowCount { .. } => "row_count",
        Mismatch::Row { .. } => "values",
    }
}

/// Runs A, the `between` statements, B and the `after` statements, and
/// compares A with B.
pub async fn run_case(engine: &mut dyn Engine, compare: Compare, f: &Filled) -> CaseResult {
    let a = engine.execute(&f.a).await;
    let mut extras_ok = true;
    for s in &f.between {
        extras_ok &= engine.execute(s).await.is_success();
    }
    let b = engine.execute(&f.b).await;
    for s in &f.after {
        extras_ok &= engine.execute(s).await.is_success();
    }
    compare_outcomes(
        engine.capabilities().collated_text(),
        compare,
        a,
        b,
        extras_ok,
    )
}

/// Judges the outcomes of A and B (already run) the way `run_case` does.
pub fn compare_outcomes(
    collated_text: bool,
    compare: Compare,
    a: Outcome,
    b: Outcome,
    extras_ok: bool,
) -> CaseResult {
    match (&a, &b) {
        (Outcome::Crashed { message }, _) | (_, Outcome::Crashed { message }) => {
            CaseResult::Crash {
                detail: message.clone(),
                a,
                b,
            }
        }
        (Outcome::Timeout { .. }, _) | (_, Outcome::Timeout { .. }) => CaseResult::Rejected {
            reason: "timeout",
            a,
            b,
        },
        (Outcome::Error(_), _) | (_, Outcome::Error(_)) => CaseResult::Rejected {
            reason: "filling_rejected",
            a,
            b,
        },
        (Outcome::Rows { rows: ra, .. }, Outcome::Rows { rows: rb, .. }) => {
            let opts = CompareOptions {
                ordered: compare == Compare::Ordered,
                loose_numeric: true,
                collated_text,
                ..Default::default()
            };
            let result = if compare == Compare::Count {
                if ra.len() == rb.len() {
                    Ok(())
                } else {
                    Err(Mismatch::RowCount {
                        left: ra.len(),
                        right: rb.len(),
                    })
                }
            } else {
                compare_rows(ra, rb, &opts)
            };
            match result {
                Ok(()) => CaseResult::Pass { a, b, extras_ok },
                Err(m) => CaseResult::Mismatch {
                    class: classify(&m),
                    detail: format!("{m:?}"),
                    a,
                    b,
                },
            }
        }
        _ => CaseResult::Skip("not_a_query"),
    }
}

struct Slot {
    spec: EngineSpec,
    engine: Option<Box<dyn Engine>>,
    loaded_db: Option<u64>,
    db_ok: bool,
}

async fn load(
    slot: &mut Slot,
    config: &EngineConfig,
    db_index: u64,
    db: &RandomDb,
) -> Result<(), String> {
    if slot.engine.is_none() {
        slot.engine = Some(
            engine::connect(&slot.spec, config)
                .await
                .map_err(|e| e.to_string())?,
        );
    }
    let e = slot.engine.as_mut().expect("connected");
    e.reset().await.map_err(|e| e.to_string())?;
    slot.loaded_db = Some(db_index);
    slot.db_ok = run_script(e.as_mut(), &db.script()).await.is_ok();
    Ok(())
}

type Tick = Arc<dyn Fn() + Send + Sync>;

/// Runs the campaign, `plan.workers` workers in parallel; `tick` is called
/// once per case.
pub async fn run(
    plan: &CampaignPlan,
    config: &EngineConfig,
    tick: impl Fn() + Send + Sync + 'static,
) -> Result<CampaignSummary, SetupError> {
    let started = Instant::now();
    std::fs::create_dir_all(&plan.out).map_err(io_error)?;
    let findings = Arc::new(Mutex::new(Findings::open(&plan.out).map_err(io_error)?));
    let tick: Tick = Arc::new(tick);
    let plan = Arc::new(plan.clone());
    let workers = plan.workers.max(1) as u64;
    let (shard, shards) = plan.shard;
    let mut tasks = tokio::task::JoinSet::new();
    for w in 0..workers {
        let (plan, config, findings, tick) = (
            Arc::clone(&plan),
            config.clone(),
            Arc::clone(&findings),
            Arc::clone(&tick),
        );
        tasks.spawn(async move {
            run_worker(
                &plan,
                &config,
                (shard + w * shards, shards * workers),
                started,
                &findings,
                &tick,
            )
            .await
        });
    }
    let mut parts = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let part = joined.map_err(|e| SetupError::Open {
            engine: "worker".into(),
            reason: e.to_string(),
        })??;
        parts.push(part);
    }
    let mut summary = CampaignSummary::default();
    for p in parts {
        summary.cases += p.cases;
        summary.executed += p.executed;
        summary.passed += p.passed;
        summary.findings += p.findings;
        summary.compared_across_engines += p.compared_across_engines;
        summary.failed_engines.extend(p.failed_engines);
        for (oracle, engines) in p.tally {
            for (engine, t) in engines {
                let into = summary
                    .tally
                    .entry(oracle.clone())
                    .or_default()
                    .entry(engine)
                    .or_default();
                into.passed += t.passed;
                into.findings += t.findings;
                for (reason, n) in t.skipped {
                    *into.skipped.entry(reason).or_default() += n;
                }
            }
        }
    }
    summary.unique_findings = findings.lock().expect("findings lock").counts.clone();
    summary.seconds = started.elapsed().as_secs_f64();
    summary.cases_per_sec = summary.cases as f64 / summary.seconds.max(1e-9);
    Ok(summary)
}

fn io_error(e: std::io::Error) -> SetupError {
    SetupError::Open {
        engine: "output".into(),
        reason: e.to_string(),
    }
}

async fn run_worker(
    plan: &CampaignPlan,
    config: &EngineConfig,
    (shard, shards): (u64, u64),
    started: Instant,
    findings: &Mutex<Findings>,
    tick: &Tick,
) -> Result<CampaignSummary, SetupError> {
    let io = io_error;
    let mut slots = Vec::new();
    for spec in &plan.engines {
        // Refuse an engine that cannot even start before any work.
        let e = engine::connect(spec, config).await?;
        slots.push(Slot {
            spec: spec.clone(),
            engine: Some(e),
            loaded_db: None,
            db_ok: false,
        });
    }
    let mut summary = CampaignSummary::default();
    let mut i = shard;
    let mut current_db: Option<(u64, RandomDb)> = None;
    loop {
        if plan.cases.is_some_and(|n| i >= n)
            || plan.duration.is_some_and(|d| started.elapsed() >= d)
        {
            break;
        }
        if plan.oracles.is_empty() {
            break;
        }
        let db_index = i / plan.cases_per_db.max(1);
        if current_db.as_ref().map(|(k, _)| *k) != Some(db_index) {
            let db = randdb::generate(derive(plan.seed, "db", db_index), plan.max_rows);
            current_db = Some((db_index, db));
        }
        let db = &current_db.as_ref().expect("set").1;
        let oracle = &plan.oracles[(i % plan.oracles.len() as u64) as usize];
        let fill_seed = derive(plan.seed, "case", i);
        let filled = fill(oracle, fill_seed, plan.snippets.as_deref());
        summary.cases += 1;
        // Query A's result per engine, for `--differential`; `None` once an
        // engine that should have run it did not.
        let mut a_results: Option<Vec<(usize, Outcome)>> = Some(Vec::new());
        for (k, slot) in slots.iter_mut().enumerate() {
            let name = slot.spec.to_string();
            if summary.failed_engines.contains_key(&name) || !oracle.applies_to(slot.spec.kind()) {
                continue;
            }
            let tally = summary
                .tally
                .entry(oracle.name.clone())
                .or_default()
                .entry(name.clone())
                .or_default();
            if slot.loaded_db != Some(db_index) {
                if let Err(e) = load(slot, config, db_index, db).await {
                    summary.failed_engines.insert(name.clone(), e);
                    continue;
                }
            }
            if !slot.db_ok {
                *tally.skipped.entry("database_rejected".into()).or_default() += 1;
                a_results = None;
                continue;
            }
            let e = slot.engine.as_mut().expect("connected");
            summary.executed += 1;
            let result = run_case(e.as_mut(), oracle.compare, &filled).await;
            let (class, detail, a, b) = match result {
                CaseResult::Pass { a, .. } => {
                    tally.passed += 1;
                    summary.passed += 1;
                    if let Some(r) = a_results.as_mut() {
                        r.push((k, a));
                    }
                    continue;
                }
                CaseResult::Skip(reason) | CaseResult::Rejected { reason, .. } => {
                    a_results = None;
                    *tally.skipped.entry(reason.into()).or_default() += 1;
                    if reason == "timeout" {
                        // A driver restarted after a hang has lost the database.
                        slot.loaded_db = None;
                    }
                    continue;
                }
                CaseResult::Mismatch {
                    class,
                    detail,
                    a,
                    b,
                } => {
                    if let Some(r) = a_results.as_mut() {
                        r.push((k, a.clone()));
                    }
                    (class, detail, a, b)
                }
                CaseResult::Crash { detail, a, b } => {
                    a_results = None;
                    // The database may be gone with the connection: reload.
                    slot.loaded_db = None;
                    ("crash", detail, a, b)
                }
            };
            tally.findings += 1;
            summary.findings += 1;
            let finding = Finding {
                signature: format!("{}.{}.{class}", oracle.name, slot.spec.kind().name()),
                oracle: oracle.name.clone(),
                engine: name.clone(),
                engine_version: e.version(),
                class: class.into(),
                campaign_seed: plan.seed,
                case: i,
                db_seed: db.seed,
                fill_seed,
                fillings: filled.fillings.clone(),
                query_a: filled.a.clone(),
                query_b: filled.b.clone(),
                detail,
            };
            let is_new = {
                let mut f = findings.lock().expect("findings lock");
                f.add(&finding, &db.script(), &a, &b).map_err(io)?;
                f.is_new(&finding.signature)
            };
            if plan.reduce_budget > 0 && is_new {
                // A second engine tells whether a shrunk pair still holds.
                let reference_spec = if slot.spec.kind() == crate::engine::EngineKind::Sqlite {
                    EngineSpec::DuckDb
                } else {
                    EngineSpec::Sqlite
                };
                let mut reference = engine::connect(&reference_spec, config).await.ok();
                let reduced = super::reduce::reduce(
                    e.as_mut(),
                    reference.as_mut(),
                    oracle,
                    &db.fine_statements,
                    &filled.fillings,
                    class,
                    plan.reduce_budget,
                )
                .await;
                if let Some(r) = reduced {
                    findings
                        .lock()
                        .expect("findings lock")
                        .add_reduced(&finding.signature, &r)
                        .map_err(io)?;
                }
                if let Some(reference) = reference {
                    reference.close().await;
                }
                // The reducer changed the database.
                slot.loaded_db = None;
            }
        }
        if let Some(results) = a_results.filter(|_| plan.differential) {
            let ctx = (i, db, fill_seed);
            differential(
                plan,
                &slots,
                oracle,
                &filled,
                results,
                &mut summary,
                findings,
                ctx,
            )
            .map_err(io)?;
        }
        tick();
        i += shards.max(1);
    }
    for slot in slots {
        if let Some(e) = slot.engine {
            e.close().await;
        }
    }
    Ok(summary)
}

/// Whether a filled case is comparable across engines. Left out, as
/// documented dialect differences: text (MySQL compares it case- and
/// trailing-space-insensitively, SQLite's LIKE ignores case, collations
/// order it differently) and anything an engine rejects or times out on.
pub fn differential_ok(f: &Filled) -> bool {
    let all = format!(
        "{} {}",
        f.a,
        f.fillings
            .iter()
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let upper = all.to_ascii_uppercase();
    !["C_TEXT", "LIKE", "UPPER(", "LOWER(", "SUBSTR("]
        .iter()
        .any(|w| upper.contains(w))
}

/// Compares query A's result on each engine with the first engine's; the
/// campaign loop ran A already and hands the results over.
#[allow(clippy::too_many_arguments)]
fn differential(
    plan: &CampaignPlan,
    slots: &[Slot],
    oracle: &Oracle,
    filled: &Filled,
    results: Vec<(usize, Outcome)>,
    summary: &mut CampaignSummary,
    findings: &Mutex<Findings>,
    (case, db, fill_seed): (u64, &RandomDb, u64),
) -> std::io::Result<()> {
    if !differential_ok(filled) {
        return Ok(());
    }
    let collated = results
        .iter()
        .any(|(k, _)| slots[*k].spec.kind().capabilities().collated_text());
    let opts = CompareOptions {
        ordered: oracle.compare == Compare::Ordered,
        loose_numeric: true,
        collated_text: collated,
        ..Default::default()
    };
    let Some(((ref_k, reference), rest)) = results.split_first() else {
        return Ok(());
    };
    if !rest.is_empty() {
        summary.compared_across_engines += 1;
    }
    for (k, other) in rest {
        let (Some(ra), Some(rb)) = (reference.rows(), other.rows()) else {
            continue;
        };
        let Err(m) = compare_rows(ra, rb, &opts) else {
            continue;
        };
        let (reference_name, other_name) = (
            slots[*ref_k].spec.kind().name(),
            slots[*k].spec.kind().name(),
        );
        let e = slots[*k].engine.as_ref().expect("ran");
        summary.findings += 1;
        let finding = Finding {
            signature: format!("{}.{other_name}.differs_from_{reference_name}", oracle.name),
            oracle: oracle.name.clone(),
            engine: slots[*k].spec.to_string(),
            engine_version: e.version(),
            class: "differential".into(),
            campaign_seed: plan.seed,
            case,
            db_seed: db.seed,
            fill_seed,
            fillings: filled.fillings.clone(),
            query_a: filled.a.clone(),
            query_b: filled.a.clone(),
            detail: format!("{reference_name} vs {other_name}: {m:?}"),
        };
        findings
            .lock()
            .expect("findings lock")
            .add(&finding, &db.script(), reference, other)?;
    }
    Ok(())
}

/// JUnit XML: one testcase per oracle × engine.
pub fn junit(summary: &CampaignSummary) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;")
    };
    let mut cases = String::new();
    let mut total = 0;
    let mut failures = 0;
    for (oracle, engines) in &summary.tally {
        for (engine, t) in engines {
            total += 1;
            cases.push_str(&format!(
                "  <testcase classname=\"{}\" name=\"{}\">",
                esc(oracle),
                esc(engine)
            ));
            if t.findings > 0 {
                failures += 1;
                cases.push_str(&format!("<failure message=\"{} findings\"/>", t.findings));
            }
            cases.push_str("</testcase>\n");
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"sqlforge-oracles\" tests=\"{total}\" failures=\"{failures}\">\n{cases}</testsuite>\n"
    )
}
