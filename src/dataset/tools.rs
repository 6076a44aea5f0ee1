//! Dataset tools: statistics, leak-free splits, the eval set, exports.

use super::record::Record;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub records: usize,
    pub source_queries: usize,
    pub per_category: BTreeMap<String, usize>,
    pub per_level1: BTreeMap<String, usize>,
    pub per_engine: BTreeMap<String, usize>,
    pub per_injector: BTreeMap<String, usize>,
    /// Changed lines (the larger side of the diff) → records; "5+" for more.
    pub diff_lines: BTreeMap<String, usize>,
    pub mean_diff_lines: f64,
}

pub fn stats(records: &[Record]) -> Stats {
    let mut s = Stats {
        records: records.len(),
        ..Default::default()
    };
    let mut sources = BTreeSet::new();
    let mut total_diff = 0usize;
    for r in records {
        sources.insert((r.source_corpus.as_str(), r.source_query.as_str()));
        *s.per_category.entry(r.category.clone()).or_default() += 1;
        let level1 = r.category.split('.').next().unwrap_or_default().to_string();
        *s.per_level1.entry(level1).or_default() += 1;
        *s.per_engine.entry(r.engine.clone()).or_default() += 1;
        *s.per_injector.entry(r.injector.clone()).or_default() += 1;
        let n = r.diff.changed_lines();
        total_diff += n;
        let bucket = if n >= 5 {
            "5+".to_string()
        } else {
            n.to_string()
        };
        *s.diff_lines.entry(bucket).or_default() += 1;
    }
    s.source_queries = sources.len();
    s.mean_diff_lines = total_diff as f64 / records.len().max(1) as f64;
    s
}

fn source_key(r: &Record) -> (String, String) {
    (r.source_corpus.clone(), r.source_query.clone())
}

/// Splits records so that every source query lands in exactly one split,
/// stratified by category: categories are visited rarest first, and each
/// assigns its not-yet-placed source queries across the splits in the
/// given proportions. Deterministic for a seed.
pub fn split(records: &[Record], ratios: &[f64], seed: u64) -> Vec<Vec<Record>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut by_category: BTreeMap<&str, BTreeSet<(String, String)>> = BTreeMap::new();
    for r in records {
        by_category
            .entry(&r.category)
            .or_default()
            .insert(source_key(r));
    }
    let mut categories: Vec<_> = by_category.into_iter().collect();
    categories.sort_by_key(|(name, sources)| (sources.len(), *name));
    let total: f64 = ratios.iter().sum();
    let mut assigned: HashMap<(String, String), usize> = HashMap::new();
    let mut counts = vec![0usize; ratios.len()];
    for (_, sources) in categories {
        let mut free: Vec<_> = sources
            .into_iter()
            .filter(|s| !assigned.contains_key(s))
            .collect();
        free.shuffle(&mut rng);
        let n = free.len() as f64;
        let mut start = 0usize;
        for (i, ratio) in ratios.iter().enumerate() {
            let end = if i + 1 == ratios.len() {
                free.len()
            } else {
                (start as f64 + n * ratio / total).round() as usize
            }
            .min(free.len());
            for s in &free[start..end] {
                assigned.insert(s.clone(), i);
                counts[i] += 1;
            }
            start = end;
        }
    }
    let mut out = vec![Vec::new(); ratios.len()];
    for r in records {
        out[assigned[&source_key(r)]].push(r.clone());
    }
    out
}

/// The paper's eval set: `natural` records sampled from the whole set plus
/// up to `per_category` more for every category, without repeats.
pub fn eval_set(records: &[Record], natural: usize, per_category: usize, seed: u64) -> Vec<Record> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.shuffle(&mut rng);
    let mut chosen: BTreeSet<usize> = order.iter().copied().take(natural).collect();
    let mut per: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in &order {
        let c = records[i].category.as_str();
        let taken = per.entry(c).or_default();
        if *taken < per_category && !chosen.contains(&i) {
            chosen.insert(i);
            *taken += 1;
        }
    }
    chosen.into_iter().map(|i| records[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::record::sample;

    fn records() -> Vec<Record> {
        let mut out = Vec::new();
        for q in 0..40 {
            for (c, cat) in ["a.b.c", "a.b.d", "x.y.z"].iter().enumerate() {
                if (q + c) % 2 == 0 {
                    let mut r = sample();
                    r.id = format!("r{q}-{c}");
                    r.category = cat.to_string();
                    r.source_query = format!("q{q}");
                    out.push(r);
                }
            }
        }
        out
    }

    #[test]
    fn split_never_leaks_a_source_query_and_is_deterministic() {
        let rs = records();
        let parts = split(&rs, &[0.8, 0.1, 0.1], 7);
        assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), rs.len());
        let mut owner: HashMap<String, usize> = HashMap::new();
        for (i, part) in parts.iter().enumerate() {
            for r in part {
                assert_eq!(
                    *owner.entry(r.source_query.clone()).or_insert(i),
                    i,
                    "{} leaked",
                    r.source_query
                );
            }
        }
        assert!(parts[0].len() > parts[1].len() && !parts[1].is_empty() && !parts[2].is_empty());
        for cat in ["a.b.c", "x.y.z"] {
            assert!(
                parts.iter().all(|p| p.iter().any(|r| r.category == cat)),
                "{cat} not in every split"
            );
        }
        let again = split(&rs, &[0.8, 0.1, 0.1], 7);
        assert_eq!(parts, again);
        assert_ne!(parts, split(&rs, &[0.8, 0.1, 0.1], 8));
    }

    #[test]
    fn eval_set_is_natural_sample_plus_k_per_category() {
        let rs = records();
        let set = eval_set(&rs, 5, 4, 1);
        let ids: BTreeSet<_> = set.iter().map(|r| r.id.clone()).collect();
        assert_eq!(ids.len(), set.len(), "repeats");
        assert!(set.len() >= 12 && set.len() <= 5 + 12, "{}", set.len());
        for cat in ["a.b.c", "a.b.d", "x.y.z"] {
            assert!(set.iter().filter(|r| r.category == cat).count() >= 4);
        }
    }

    #[test]
    fn stats_histogram() {
        let s = stats(&records());
        assert_eq!(s.records, records().len());
        assert_eq!(s.diff_lines.get("1"), Some(&s.records));
        assert_eq!(
            s.per_level1.get("a"),
            Some(&(s.per_category["a.b.c"] + s.per_category["a.b.d"]))
        );
    }
}
