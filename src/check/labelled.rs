//! The labelled (gold, pred) set that proves the checker
//! (tests/fixtures/checker/pairs.jsonl, docs/CHECKER.md): confusion
//! matrices of `check`, of single-database execution and of exact match.

use super::{CheckOptions, Checker, Setup, Verdict};
use crate::engine::{EngineConfig, EngineSpec, SetupError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, Clone, Deserialize)]
pub struct LabelledPair {
    pub id: String,
    pub corpus: String,
    /// `equivalent` or `near_miss`.
    pub label: String,
    pub kind: String,
    pub gold: String,
    pub pred: String,
}

pub fn read_pairs(path: &Path) -> Result<Vec<LabelledPair>, String> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{shown}:{}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let p: LabelledPair = serde_json::from_str(&line)
            .map_err(|e| format!("{shown}:{}: expected a labelled pair: {e}", n + 1))?;
        if p.label != "equivalent" && p.label != "near_miss" {
            return Err(format!(
                "{shown}:{}: label '{}' is neither equivalent nor near_miss",
                n + 1,
                p.label
            ));
        }
        out.push(p);
    }
    Ok(out)
}

/// Counts of (label, decision) for one method. A decision is `equivalent`
/// or anything else (`rejected`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Confusion {
    /// Equivalent pairs accepted.
    pub true_accept: usize,
    /// Equivalent pairs rejected.
    pub false_reject: usize,
    /// Near misses accepted: the error that must not happen.
    pub false_accept: usize,
    /// Near misses rejected.
    pub true_reject: usize,
}

impl Confusion {
    fn add(&mut self, label_equivalent: bool, accepted: bool) {
        match (label_equivalent, accepted) {
            (true, true) => self.true_accept += 1,
            (true, false) => self.false_reject += 1,
            (false, true) => self.false_accept += 1,
            (false, false) => self.true_reject += 1,
        }
    }
    pub fn rewrite_acceptance(&self) -> f64 {
        self.true_accept as f64 / (self.true_accept + self.false_reject).max(1) as f64
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PairOutcome {
    pub id: String,
    pub label: String,
    pub kind: String,
    pub check: String,
    pub single_database: String,
    pub exact_match: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct LabelledReport {
    pub engine: String,
    pub pairs: usize,
    pub check: Confusion,
    pub single_database: Confusion,
    pub exact_match: Confusion,
    /// Check verdicts per label.
    pub verdicts: BTreeMap<String, BTreeMap<String, usize>>,
    /// The pairs `check` got wrong.
    pub wrong: Vec<PairOutcome>,
    pub check_seconds: f64,
    pub single_database_seconds: f64,
    pub checks_per_second: f64,
    pub single_database_per_second: f64,
    pub mean_suite_databases: f64,
}

fn corpus_setup(corpora: &[PathBuf], name: &str) -> Result<Setup, String> {
    for dir in corpora {
        let folder = dir.join(name);
        if folder.join("schema.sql").is_file() {
            let read = |f: &str| std::fs::read_to_string(folder.join(f)).unwrap_or_default();
            return Ok(Setup {
                label: folder.display().to_string(),
                schema: read("schema.sql"),
                data: read("data.sql"),
            });
        }
    }
    Err(format!("corpus '{name}' not found under {corpora:?}"))
}

/// Runs every pair through `check`, through `check` without the fuzzed
/// suite (single database) and through exact match. Pairs are taken in
/// file order per corpus, so each corpus database loads once.
pub async fn evaluate(
    pairs: &[LabelledPair],
    spec: &EngineSpec,
    config: &EngineConfig,
    opts: &CheckOptions,
    corpora: &[PathBuf],
    tick: impl Fn(),
) -> Result<LabelledReport, String> {
    let env = |e: SetupError| e.to_string();
    let mut report = LabelledReport {
        engine: spec.to_string(),
        pairs: pairs.len(),
        ..Default::default()
    };
    let mut by_corpus: BTreeMap<&str, Vec<&LabelledPair>> = BTreeMap::new();
    for p in pairs {
        by_corpus.entry(p.corpus.as_str()).or_default().push(p);
    }
    let mut full = Checker::new(spec.clone(), config.clone(), opts.clone());
    let mut single = Checker::new(
        spec.clone(),
        config.clone(),
        CheckOptions {
            fuzz: false,
            ..opts.clone()
        },
    );
    let mut suite_dbs = 0usize;
    let mut suites = 0usize;
    for (corpus, group) in by_corpus {
        let setup = corpus_setup(corpora, corpus)?;
        for p in group {
            tracing::debug!(id = %p.id, "checking labelled pair");
            let equivalent = p.label == "equivalent";
            let t = Instant::now();
            let one = single.check(&setup, &p.gold, &p.pred).await.map_err(env)?;
            report.single_database_seconds += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let all = full.check(&setup, &p.gold, &p.pred).await.map_err(env)?;
            report.check_seconds += t.elapsed().as_secs_f64();
            if let Some(s) = &all.suite {
                suite_dbs += s.databases;
                suites += 1;
            }
            let accepted = matches!(all.verdict, Verdict::Equivalent { .. });
            let exact = super::eval::score::exact_match(&p.gold, &p.pred);
            report.check.add(equivalent, accepted);
            report.single_database.add(
                equivalent,
                matches!(one.verdict, Verdict::Equivalent { .. }),
            );
            report.exact_match.add(equivalent, exact);
            *report
                .verdicts
                .entry(p.label.clone())
                .or_default()
                .entry(all.verdict.name().to_string())
                .or_default() += 1;
            if accepted != equivalent {
                report.wrong.push(PairOutcome {
                    id: p.id.clone(),
                    label: p.label.clone(),
                    kind: p.kind.clone(),
                    check: match &all.verdict {
                        Verdict::Unknown { reason, .. } => format!("unknown: {reason}"),
                        Verdict::PredError { message, .. } => format!("pred_error: {message}"),
                        Verdict::NotEquivalent { counterexample, .. } => {
                            format!(
                                "not_equivalent: {} {}",
                                counterexample.database, counterexample.mismatch
                            )
                        }
                        v => v.name().to_string(),
                    },
                    single_database: one.verdict.name().to_string(),
                    exact_match: exact,
                });
            }
            tick();
        }
    }
    full.close().await;
    single.close().await;
    report.checks_per_second = pairs.len() as f64 / report.check_seconds.max(1e-9);
    report.single_database_per_second =
        pairs.len() as f64 / report.single_database_seconds.max(1e-9);
    report.mean_suite_databases = suite_dbs as f64 / suites.max(1) as f64;
    Ok(report)
}
