//! The evaluation loop: predict a fix for each record, check it, append the
//! result. `results.jsonl` is append-only; a rerun skips every record that
//! already has a result (model errors are retried).

use super::extract::extract_sql;
use super::score::{exact_match, hallucinated_lines, EvalResult};
use crate::check::inputs::setup_for_record;
use crate::check::{CheckOptions, Checker, Verdict};
use crate::dataset::prompt::paper_prompt;
use crate::dataset::record::Record;
use crate::engine::{EngineConfig, EngineSpec, SetupError};
use crate::llm::LlmClient;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// The system prompt of the chat form (dataset export's `chat_example`).
pub const SYSTEM: &str = "You are an expert SQL engineer who fixes buggy SQL.";

/// Generates fixes for a batch of prompts (a local model).
pub type LocalModel = Box<dyn Fn(&[String]) -> Result<Vec<String>, String> + Send + Sync>;

pub enum Predictor {
    Llm(Arc<LlmClient>),
    Local(LocalModel),
    Preds(BTreeMap<String, String>),
}

pub struct EvalPlan {
    pub records: Vec<Record>,
    /// Every record is checked on this engine instead of its own.
    pub engine: Option<EngineSpec>,
    pub corpora: Vec<PathBuf>,
    pub out: PathBuf,
    pub check: CheckOptions,
    /// Records predicted per batch.
    pub batch: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(transparent)]
    Engine(#[from] SetupError),
    #[error("record '{id}': engine '{engine}' is not one sqlforge knows")]
    BadEngine { id: String, engine: String },
    #[error("{0}")]
    Io(String),
}

pub fn results_path(out: &Path) -> PathBuf {
    out.join("results.jsonl")
}

/// The results already in `results.jsonl`, last one per id. A line cut
/// short by a kill is dropped, and the file truncated to end before it.
pub fn read_results(out: &Path) -> Result<BTreeMap<String, EvalResult>, EvalError> {
    let path = results_path(out);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => {
            return Err(EvalError::Io(format!(
                "cannot read {}: {e}",
                path.display()
            )))
        }
    };
    let complete = text.rfind('\n').map_or(0, |i| i + 1);
    if complete < text.len() {
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .map_err(|e| EvalError::Io(format!("cannot repair {}: {e}", path.display())))?;
        f.set_len(complete as u64)
            .map_err(|e| EvalError::Io(format!("cannot repair {}: {e}", path.display())))?;
    }
    let mut out = BTreeMap::new();
    for (n, line) in text[..complete].lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: EvalResult = serde_json::from_str(line).map_err(|e| {
            EvalError::Io(format!(
                "{}:{}: not a result line: {e}",
                path.display(),
                n + 1
            ))
        })?;
        out.insert(r.id.clone(), r);
    }
    Ok(out)
}

async fn predict(predictor: &Predictor, batch: &[&Record]) -> Vec<Result<String, String>> {
    match predictor {
        Predictor::Preds(map) => batch
            .iter()
            .map(|r| {
                map.get(&r.id)
                    .cloned()
                    .ok_or_else(|| "no prediction".to_string())
            })
            .collect(),
        Predictor::Llm(client) => {
            let calls = batch.iter().map(|r| {
                let prompt = paper_prompt(r);
                let client = client.clone();
                async move {
                    client
                        .chat(SYSTEM, &prompt)
                        .await
                        .map(|reply| extract_sql(&reply.content))
                        .map_err(|e| e.to_string())
                }
            });
            futures::future::join_all(calls).await
        }
        Predictor::Local(model) => {
            let prompts: Vec<String> = batch.iter().map(|r| paper_prompt(r)).collect();
            match tokio::task::block_in_place(|| model(&prompts)) {
                Ok(outs) => outs.into_iter().map(|o| Ok(extract_sql(&o))).collect(),
                Err(e) => batch.iter().map(|_| Err(e.clone())).collect(),
            }
        }
    }
}

fn result_for(record: &Record, pred: &str, verdict: &Verdict, seconds: f64) -> EvalResult {
    let (name, tier, reason) = match verdict {
        Verdict::Equivalent { tier, .. } => ("equivalent", Some(tier), None),
        Verdict::NotEquivalent {
            tier,
            counterexample,
        } => (
            "not_equivalent",
            Some(tier),
            Some(format!(
                "{}: {}",
                counterexample.database, counterexample.mismatch
            )),
        ),
        Verdict::PredError { message, .. } => ("pred_error", None, Some(message.clone())),
        Verdict::Unknown {
            reason,
            gold_broken: true,
        } => ("gold_broken", None, Some(reason.clone())),
        Verdict::Unknown { reason, .. } => ("unknown", None, Some(reason.clone())),
    };
    EvalResult {
        id: record.id.clone(),
        category: record.category.clone(),
        level1: record
            .category
            .split('.')
            .next()
            .unwrap_or_default()
            .to_string(),
        engine: record.engine.clone(),
        verdict: name.into(),
        tier: tier.map(|t| {
            serde_json::to_value(t)
                .expect("tier")
                .as_str()
                .unwrap_or_default()
                .to_string()
        }),
        reason,
        pred_sql: pred.to_string(),
        exact_match: exact_match(&record.correct_sql, pred),
        hallucinated_lines: hallucinated_lines(record, pred),
        seconds,
    }
}

/// Evaluates every record without a result yet; calls `tick` per record.
/// Returns the number of records evaluated in this run.
pub async fn run(
    plan: &EvalPlan,
    predictor: &Predictor,
    config: &EngineConfig,
    tick: impl Fn(),
) -> Result<usize, EvalError> {
    std::fs::create_dir_all(&plan.out)
        .map_err(|e| EvalError::Io(format!("cannot create {}: {e}", plan.out.display())))?;
    let done: HashSet<String> = read_results(&plan.out)?
        .into_values()
        .filter(|r| r.verdict != "model_error")
        .map(|r| r.id)
        .collect();
    let path = results_path(&plan.out);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| EvalError::Io(format!("cannot open {}: {e}", path.display())))?;
    let todo: Vec<&Record> = plan
        .records
        .iter()
        .filter(|r| !done.contains(&r.id))
        .collect();
    for _ in 0..plan.records.len() - todo.len() {
        tick();
    }
    let mut checkers: HashMap<String, Checker> = HashMap::new();
    let mut evaluated = 0;
    for batch in todo.chunks(plan.batch.max(1)) {
        let preds = predict(predictor, batch).await;
        for (record, pred) in batch.iter().zip(preds) {
            let started = Instant::now();
            let result = match pred {
                Err(e) => EvalResult {
                    verdict: "model_error".into(),
                    reason: Some(e),
                    ..result_for(
                        record,
                        "",
                        &Verdict::PredError {
                            message: String::new(),
                            code: None,
                        },
                        0.0,
                    )
                },
                Ok(pred) => {
                    let spec = match &plan.engine {
                        Some(s) => s.clone(),
                        None => record.engine.parse().map_err(|_| EvalError::BadEngine {
                            id: record.id.clone(),
                            engine: record.engine.clone(),
                        })?,
                    };
                    let checker = checkers.entry(spec.to_string()).or_insert_with(|| {
                        Checker::new(spec.clone(), config.clone(), plan.check.clone())
                    });
                    let setup = setup_for_record(record, &plan.corpora);
                    let report = checker.check(&setup, &record.correct_sql, &pred).await?;
                    let mut r = result_for(
                        record,
                        &pred,
                        &report.verdict,
                        started.elapsed().as_secs_f64(),
                    );
                    r.engine = spec.to_string();
                    r
                }
            };
            let mut line = serde_json::to_string(&result).expect("serialisable");
            line.push('\n');
            file.write_all(line.as_bytes())
                .and_then(|_| file.flush())
                .map_err(|e| EvalError::Io(format!("cannot write {}: {e}", path.display())))?;
            evaluated += 1;
            tick();
        }
    }
    for (_, c) in checkers {
        c.close().await;
    }
    Ok(evaluated)
}
