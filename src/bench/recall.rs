//! Recall latency over a large index vs a linear scan of feature sets, for
//! every taxonomy category.

use crate::corpus::{Corpus, FeatureIndex};
use crate::taxonomy::Taxonomy;
use serde::Serialize;
use std::time::Instant;

#[derive(Debug, Clone, Serialize)]
pub struct Result {
    pub indexed_queries: usize,
    pub source_queries: usize,
    /// Feature extraction rate on the real corpus queries.
    pub extract_per_sec: f64,
    pub index_build_ms: f64,
    pub categories: usize,
    /// Slowest single recall (top 20, diverse ranking) through the index.
    pub max_recall_ms: f64,
    pub mean_recall_ms: f64,
    /// Mean time of the linear-scan baseline for the same categories.
    pub mean_scan_ms: f64,
    /// mean_scan_ms / mean_recall_ms.
    pub speedup: f64,
}

pub fn run(
    corpora: &[Corpus],
    taxonomy: &Taxonomy,
    target: usize,
) -> std::result::Result<Result, String> {
    let t = Instant::now();
    let base = FeatureIndex::build(corpora);
    let extract_secs = t.elapsed().as_secs_f64();
    if base.is_empty() {
        return Err("the corpora have no queries".into());
    }
    let items: Vec<_> = (0..target)
        .map(|i| {
            let e = &base.entries[i % base.len()];
            (e.corpus, e.query, e.engines.clone(), e.features.clone())
        })
        .collect();
    let t = Instant::now();
    let index = FeatureIndex::from_features(items);
    let index_build_ms = t.elapsed().as_secs_f64() * 1000.0;
    let (mut recall_ms, mut scan_ms) = (Vec::new(), Vec::new());
    for category in &taxonomy.categories {
        let t = Instant::now();
        let hits = index.recall(category, 20);
        recall_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let scanned = index.linear_scan(category);
        scan_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        if scanned.len() != index.candidates(category).len() || hits.len() > 20 {
            return Err(format!("{}: index and scan disagree", category.id));
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (mean_recall_ms, mean_scan_ms) = (mean(&recall_ms), mean(&scan_ms));
    Ok(Result {
        indexed_queries: index.len(),
        source_queries: base.len(),
        extract_per_sec: base.len() as f64 / extract_secs,
        index_build_ms,
        categories: taxonomy.categories.len(),
        max_recall_ms: recall_ms.iter().copied().fold(0.0, f64::max),
        mean_recall_ms,
        mean_scan_ms,
        speedup: mean_scan_ms / mean_recall_ms.max(1e-9),
    })
}
