//! The synthesis run: for each category, recall fitting queries, inject
//! bugs with the rules, keep what the execution filter accepts on each
//! engine, and append records as they are made. A rerun with `resume`
//! skips what the output already holds.

use super::filter::{filter_with, Candidate, Rejection, Verdict};
use crate::corpus::{Corpus, FeatureIndex};
use crate::dataset::{write_record, Record, Validation};
use crate::engine::timed::Timed;
use crate::engine::{self, run_script, Engine, EngineConfig, EngineSpec, SetupError};
use crate::engine::{run_isolated, Outcome};
use crate::inject::llm::{inject as llm_inject, LlmOutcome};
use crate::inject::{inject, rules_for};
use crate::llm::LlmClient;
use crate::taxonomy::{Category, Taxonomy};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Plan<'a> {
    pub corpora: &'a [Corpus],
    pub taxonomy: &'a Taxonomy,
    pub categories: Vec<&'a Category>,
    pub engines: Vec<EngineSpec>,
    pub per_category: usize,
    pub max_diff_lines: usize,
    pub seed: u64,
    /// Inject with the rule table.
    pub use_rules: bool,
    /// Inject with an LLM too (requests run concurrently, bounded by the
    /// client's concurrency).
    pub llm: Option<Arc<LlmClient>>,
    /// The naive baseline for `bench synth`: a fresh sandbox, loaded with
    /// the corpus, for every candidate on every engine.
    pub rebuild_per_candidate: bool,
}

/// One proposed bug and who proposed it.
struct Proposed {
    bug_sql: String,
    injector: String,
    version: String,
}

/// Per-category counts for the summary.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CategorySummary {
    pub recalled: usize,
    pub injected: usize,
    pub validated: usize,
    /// Records written (one per engine where the pair validated).
    pub records: usize,
    pub already_done: usize,
    /// LLM requests that failed (timeouts, 429/5xx after retries, …).
    pub llm_failed: usize,
    pub rejected: BTreeMap<String, usize>,
}

/// What an earlier run left in the output file.
#[derive(Default)]
pub struct Done {
    pub keys: HashSet<(String, String)>,
    pub pairs_per_category: HashMap<String, HashSet<String>>,
}

impl Done {
    pub fn from_records(records: &[Record]) -> Done {
        let mut d = Done::default();
        for r in records {
            d.keys.insert((r.engine.clone(), r.bug_sql.clone()));
            d.pairs_per_category
                .entry(r.category.clone())
                .or_default()
                .insert(r.bug_sql.clone());
        }
        d
    }
}

fn reason_name(r: &Rejection) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.get("reason").and_then(|x| x.as_str()).map(str::to_string))
        .unwrap_or_else(|| "other".into())
}

fn record_id(engine: &str, bug_sql: &str) -> String {
    let digest = Sha256::digest(format!("{engine}\u{0}{bug_sql}").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn query_seed(seed: u64, query_id: &str, rule: &str) -> u64 {
    let digest = Sha256::digest(format!("{seed}\u{0}{query_id}\u{0}{rule}").as_bytes());
    u64::from_le_bytes(digest[..8].try_into().expect("8 bytes"))
}

/// Engines with a corpus loaded, opened on first use and kept.
struct Sandboxes {
    config: EngineConfig,
    open: HashMap<(usize, usize), Box<dyn Engine>>,
    /// Time inside `execute` after loading.
    engine_ns: Arc<AtomicU64>,
}

impl Sandboxes {
    async fn get(
        &mut self,
        engine: usize,
        spec: &EngineSpec,
        corpus_index: usize,
        corpus: &Corpus,
    ) -> Result<&mut Box<dyn Engine>, SetupError> {
        if !self.open.contains_key(&(engine, corpus_index)) {
            let mut e = engine::connect(spec, &self.config).await?;
            for (part, script) in [("schema", &corpus.schema), ("data", &corpus.data)] {
                if let Err((stmt, outcome)) = run_script(e.as_mut(), script).await {
                    return Err(SetupError::Open {
                        engine: spec.to_string(),
                        reason: format!(
                            "corpus {} {part} line {} failed to load: {}",
                            corpus.name,
                            stmt.line,
                            outcome.label()
                        ),
                    });
                }
            }
            let timed: Box<dyn Engine> = Box::new(Timed::new(e, Arc::clone(&self.engine_ns)));
            self.open.insert((engine, corpus_index), timed);
        }
        Ok(self
            .open
            .get_mut(&(engine, corpus_index))
            .expect("just inserted"))
    }

    async fn close(self) {
        for (_, e) in self.open {
            e.close().await;
        }
    }
}

/// Runs the plan, appending records to `out`. `tick` is called once per
/// category finished.
/// Asks the LLM for one bug per recalled query, all requests in flight at
/// once (the client bounds concurrency). Failures and unusable replies are
/// counted, never fatal.
async fn llm_candidates(
    client: &Arc<LlmClient>,
    category: &Category,
    corpora: &[Corpus],
    index: &FeatureIndex,
    hits: &[u32],
    s: &mut CategorySummary,
) -> HashMap<u32, String> {
    let mut tasks = tokio::task::JoinSet::new();
    for &hit in hits {
        let entry = &index.entries[hit as usize];
        let corpus = &corpora[entry.corpus];
        let (client, category, schema, sql) = (
            Arc::clone(client),
            category.clone(),
            corpus.schema.clone(),
            corpus.queries[entry.query].sql.clone(),
        );
        tasks.spawn(async move { (hit, llm_inject(&client, &category, &schema, &sql).await) });
    }
    let mut out = HashMap::new();
    while let Some(Ok((hit, outcome))) = tasks.join_next().await {
        match outcome {
            LlmOutcome::Bug(bug) => {
                out.insert(hit, bug);
            }
            LlmOutcome::Rejected(reason) => *s.rejected.entry(reason).or_default() += 1,
            LlmOutcome::Failed(e) => {
                tracing::warn!("LLM request failed: {e}");
                s.llm_failed += 1;
            }
        }
    }
    out
}

/// Where the time of a run went.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Timing {
    pub total_secs: f64,
    /// Loading corpora into the engines.
    pub load_secs: f64,
    /// Inside `Engine::execute` for candidates (correct and bug SQL).
    pub engine_secs: f64,
}

pub async fn run(
    plan: &Plan<'_>,
    config: &EngineConfig,
    mut done: Done,
    out: &mut impl Write,
    mut tick: impl FnMut(&str),
) -> Result<(BTreeMap<String, CategorySummary>, Timing), SetupError> {
    let started = Instant::now();
    let mut load = Duration::ZERO;
    let index = FeatureIndex::build(plan.corpora);
    let mut sandboxes = Sandboxes {
        config: config.clone(),
        open: HashMap::new(),
        engine_ns: Arc::new(AtomicU64::new(0)),
    };
    // The correct SQL's outcome per (engine, corpus, query): run once, then
    // reused by every candidate made from that query.
    let mut correct_outcomes: HashMap<(usize, usize, usize), Option<Outcome>> = HashMap::new();
    let mut summary = BTreeMap::new();
    for category in &plan.categories {
        let mut s = CategorySummary::default();
        let rules = rules_for(&category.id);
        let mut pairs = done
            .pairs_per_category
            .remove(&category.id)
            .unwrap_or_default();
        s.already_done = pairs.len();
        let can_inject = (plan.use_rules && !rules.is_empty()) || plan.llm.is_some();
        if can_inject && pairs.len() < plan.per_category {
            let hits = index.recall(category, plan.per_category.saturating_mul(6).max(20));
            s.recalled = hits.len();
            let mut llm_bugs = match &plan.llm {
                Some(client) => {
                    llm_candidates(client, category, plan.corpora, &index, &hits, &mut s).await
                }
                None => HashMap::new(),
            };
            'queries: for hit in hits {
                let entry = &index.entries[hit as usize];
                let (corpus, query) = (
                    &plan.corpora[entry.corpus],
                    &plan.corpora[entry.corpus].queries[entry.query],
                );
                let mut proposed = Vec::new();
                for rule in rules.iter().filter(|_| plan.use_rules) {
                    for injection in inject(
                        rule,
                        &query.sql,
                        query_seed(plan.seed, &query.id, rule.name),
                        1,
                    ) {
                        proposed.push(Proposed {
                            bug_sql: injection.bug_sql,
                            injector: format!("rules/{}/{}", rule.name, injection.variant),
                            version: rule.version.into(),
                        });
                    }
                }
                if let (Some(bug), Some(client)) = (llm_bugs.remove(&hit), &plan.llm) {
                    proposed.push(Proposed {
                        bug_sql: bug,
                        injector: format!("llm/{}", client.config().model),
                        version: "1".into(),
                    });
                }
                {
                    for injection in proposed {
                        if pairs.contains(&injection.bug_sql) {
                            continue;
                        }
                        s.injected += 1;
                        let candidate = Candidate {
                            category: category.id.clone(),
                            correct_sql: query.sql.clone(),
                            bug_sql: injection.bug_sql.clone(),
                        };
                        let mut kept = Vec::new();
                        let mut validation = Vec::new();
                        for (ei, spec) in plan.engines.iter().enumerate() {
                            let kind = spec.kind();
                            if !query.runs_on(kind)
                                || (!category.engines.is_empty()
                                    && !category.engines.contains(&kind))
                            {
                                continue;
                            }
                            let loading = Instant::now();
                            if plan.rebuild_per_candidate {
                                if let Some(old) = sandboxes.open.remove(&(ei, entry.corpus)) {
                                    old.close().await;
                                }
                            }
                            let fresh = !sandboxes.open.contains_key(&(ei, entry.corpus));
                            let engine = sandboxes.get(ei, spec, entry.corpus, corpus).await?;
                            if fresh {
                                load += loading.elapsed();
                            }
                            let key = (ei, entry.corpus, entry.query);
                            if plan.rebuild_per_candidate || !correct_outcomes.contains_key(&key) {
                                let outcome = run_isolated(engine.as_mut(), &query.sql).await;
                                correct_outcomes.insert(key, outcome);
                            }
                            let correct = correct_outcomes[&key].as_ref();
                            match filter_with(
                                engine.as_mut(),
                                plan.taxonomy,
                                &candidate,
                                plan.max_diff_lines,
                                correct,
                            )
                            .await
                            {
                                Verdict::Keep { error, diff } => {
                                    validation.push(Validation {
                                        engine: kind.name().into(),
                                        verdict: "kept".into(),
                                        detail: None,
                                    });
                                    kept.push((kind, error, diff));
                                }
                                Verdict::Reject(r) => {
                                    let reason = reason_name(&r);
                                    *s.rejected.entry(reason.clone()).or_default() += 1;
                                    validation.push(Validation {
                                        engine: kind.name().into(),
                                        verdict: reason,
                                        detail: None,
                                    });
                                }
                            }
                        }
                        if kept.is_empty() {
                            continue;
                        }
                        s.validated += 1;
                        pairs.insert(injection.bug_sql.clone());
                        for (kind, error, diff) in kept {
                            let key = (kind.name().to_string(), injection.bug_sql.clone());
                            if !done.keys.insert(key) {
                                continue;
                            }
                            let record = Record {
                                id: record_id(kind.name(), &injection.bug_sql),
                                category: category.id.clone(),
                                category_path: category.path(),
                                engine: kind.name().into(),
                                schema: corpus.schema.clone(),
                                correct_sql: query.sql.clone(),
                                bug_sql: injection.bug_sql.clone(),
                                error_message: error
                                    .as_ref()
                                    .map(|e| e.message.clone())
                                    .unwrap_or_default(),
                                error_code: error.and_then(|e| e.code),
                                diff,
                                injector: injection.injector.clone(),
                                injector_version: injection.version.clone(),
                                source_corpus: corpus.name.clone(),
                                source_query: query.id.clone(),
                                seed: plan.seed,
                                validation: validation.clone(),
                            };
                            write_record(out, &record).map_err(|e| SetupError::Open {
                                engine: "output".into(),
                                reason: e.to_string(),
                            })?;
                            s.records += 1;
                        }
                        if pairs.len() >= plan.per_category {
                            break 'queries;
                        }
                    }
                }
            }
        }
        tick(&category.id);
        summary.insert(category.id.clone(), s);
    }
    let timing = Timing {
        total_secs: started.elapsed().as_secs_f64(),
        load_secs: load.as_secs_f64(),
        engine_secs: Duration::from_nanos(sandboxes.engine_ns.load(Ordering::Relaxed))
            .as_secs_f64(),
    };
    sandboxes.close().await;
    Ok((summary, timing))
}
