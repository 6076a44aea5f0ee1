//! Synthesis throughput: the real pipeline (each corpus loaded once per
//! engine, candidates isolated by read-only queries or a rolled-back
//! transaction) against the naive one (a fresh sandbox loaded with the
//! corpus for every candidate), on the same plan, in one run.

use crate::corpus::Corpus;
use crate::engine::{EngineConfig, EngineSpec, SetupError};
use crate::synth::run::{run, Done, Plan};
use crate::taxonomy::{Category, Taxonomy};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub validated_pairs: usize,
    pub records: usize,
    pub total_secs: f64,
    pub load_secs: f64,
    pub engine_secs: f64,
    /// Records per second over the whole run, loading included.
    pub records_per_sec: f64,
    /// Share of the time after loading spent inside the engines.
    pub engine_share: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SynthBench {
    pub categories: usize,
    pub per_category: usize,
    pub engines: Vec<String>,
    pub loaded_once: Side,
    pub rebuilt_per_candidate: Side,
    /// loaded_once records/s ÷ rebuilt_per_candidate records/s.
    pub speedup: f64,
    /// Both sides kept the same records.
    pub same_output: bool,
}

async fn side(
    corpora: &[Corpus],
    taxonomy: &Taxonomy,
    categories: &[&Category],
    per_category: usize,
    rebuild: bool,
    config: &EngineConfig,
) -> Result<(Side, Vec<u8>), SetupError> {
    let plan = Plan {
        corpora,
        taxonomy,
        categories: categories.to_vec(),
        engines: vec![EngineSpec::DuckDb, EngineSpec::Sqlite],
        per_category,
        max_diff_lines: 5,
        seed: 1,
        use_rules: true,
        llm: None,
        rebuild_per_candidate: rebuild,
    };
    let mut out = Vec::new();
    let (summary, timing) = run(&plan, config, Done::default(), &mut out, |_| {}).await?;
    let records: usize = summary.values().map(|s| s.records).sum();
    let after_load = (timing.total_secs - timing.load_secs).max(1e-9);
    Ok((
        Side {
            validated_pairs: summary.values().map(|s| s.validated).sum(),
            records,
            total_secs: timing.total_secs,
            load_secs: timing.load_secs,
            engine_secs: timing.engine_secs,
            records_per_sec: records as f64 / timing.total_secs.max(1e-9),
            engine_share: if rebuild {
                timing.engine_secs / timing.total_secs.max(1e-9)
            } else {
                timing.engine_secs / after_load
            },
        },
        out,
    ))
}

pub async fn run_bench(
    corpora: &[Corpus],
    taxonomy: &Taxonomy,
    categories: &[&Category],
    per_category: usize,
) -> Result<SynthBench, SetupError> {
    let config = EngineConfig {
        timeout: std::time::Duration::from_millis(crate::synth::DEFAULT_TIMEOUT_MS),
        ..EngineConfig::default()
    };
    let (fast, fast_out) =
        side(corpora, taxonomy, categories, per_category, false, &config).await?;
    let (slow, slow_out) = side(corpora, taxonomy, categories, per_category, true, &config).await?;
    Ok(SynthBench {
        categories: categories.len(),
        per_category,
        engines: vec!["duckdb".into(), "sqlite".into()],
        speedup: fast.records_per_sec / slow.records_per_sec.max(1e-9),
        same_output: fast_out == slow_out,
        loaded_once: fast,
        rebuilt_per_candidate: slow,
    })
}
