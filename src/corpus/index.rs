//! The feature index: posting lists from feature name to queries, built
//! once, and recall by taxonomy category, ranked so that diverse queries come
//! first.

use super::model::Corpus;
use crate::engine::EngineKind;
use crate::sql::features::{self, Features};
use crate::taxonomy::Category;
use serde::Serialize;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

#[derive(Debug, Clone)]
pub struct IndexedQuery {
    pub corpus: usize,
    pub query: usize,
    pub engines: Option<BTreeSet<EngineKind>>,
    pub features: Features,
    signature: u64,
}

#[derive(Debug, Default)]
pub struct FeatureIndex {
    pub entries: Vec<IndexedQuery>,
    postings: HashMap<String, Vec<u32>>,
}

/// One recalled query.
#[derive(Debug, Clone, Serialize)]
pub struct RecallHit {
    pub corpus: String,
    pub id: String,
    pub origin: String,
    pub lines: usize,
    pub features: Vec<String>,
}

fn signature(f: &Features) -> u64 {
    let mut h = DefaultHasher::new();
    for name in f.names.iter().filter(|n| !n.starts_with("function:")) {
        name.hash(&mut h);
    }
    h.finish()
}

impl FeatureIndex {
    /// Extracts the features of every query (on all cores) and indexes them.
    pub fn build(corpora: &[Corpus]) -> FeatureIndex {
        let work: Vec<(usize, usize, &str, Option<EngineKind>)> = corpora
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| {
                c.queries.iter().enumerate().map(move |(qi, q)| {
                    (
                        ci,
                        qi,
                        q.sql.as_str(),
                        q.engines.as_ref().and_then(|e| e.iter().next().copied()),
                    )
                })
            })
            .collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(work.len().max(1));
        let chunk = work.len().div_ceil(threads).max(1);
        let features: Vec<Features> = std::thread::scope(|s| {
            let handles: Vec<_> = work
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|(_, _, sql, kind)| features::extract(sql, *kind))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("feature worker"))
                .collect()
        });
        let entries = work
            .iter()
            .zip(features)
            .map(|((ci, qi, _, _), f)| (*ci, *qi, corpora[*ci].queries[*qi].engines.clone(), f))
            .collect();
        FeatureIndex::from_features(entries)
    }

    pub fn from_features(
        items: Vec<(usize, usize, Option<BTreeSet<EngineKind>>, Features)>,
    ) -> FeatureIndex {
        let mut index = FeatureIndex::default();
        for (i, (corpus, query, engines, features)) in items.into_iter().enumerate() {
            for name in &features.names {
                index
                    .postings
                    .entry(name.clone())
                    .or_default()
                    .push(i as u32);
            }
            let signature = signature(&features);
            index.entries.push(IndexedQuery {
                corpus,
                query,
                engines,
                features,
                signature,
            });
        }
        index
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many queries carry each feature.
    pub fn histogram(&self) -> Vec<(String, usize)> {
        let mut h: Vec<(String, usize)> = self
            .postings
            .iter()
            .map(|(k, v)| (k.clone(), v.len()))
            .collect();
        h.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        h
    }

    fn engine_ok(entry: &IndexedQuery, category: &Category) -> bool {
        category.engines.is_empty()
            || entry
                .engines
                .as_ref()
                .is_none_or(|e| e.iter().any(|k| category.engines.contains(k)))
    }

    /// Queries that fit the category, in index order, using posting lists.
    pub fn candidates(&self, category: &Category) -> Vec<u32> {
        let empty = Vec::new();
        let mut lists: Vec<&Vec<u32>> = category
            .requires
            .iter()
            .map(|f| self.postings.get(f).unwrap_or(&empty))
            .collect();
        lists.sort_by_key(|l| l.len());
        let mut hits: Vec<u32> = match lists.split_first() {
            Some((first, rest)) => first
                .iter()
                .copied()
                .filter(|i| rest.iter().all(|l| l.binary_search(i).is_ok()))
                .collect(),
            None => (0..self.entries.len() as u32).collect(),
        };
        if !category.requires_any.is_empty() {
            let mut any: Vec<u32> = category
                .requires_any
                .iter()
                .filter_map(|f| self.postings.get(f))
                .flatten()
                .copied()
                .collect();
            any.sort_unstable();
            any.dedup();
            hits.retain(|i| any.binary_search(i).is_ok());
        }
        hits.retain(|i| Self::engine_ok(&self.entries[*i as usize], category));
        hits
    }

    /// The baseline for the benchmark: check every query's feature set.
    pub fn linear_scan(&self, category: &Category) -> Vec<u32> {
        (0..self.entries.len() as u32)
            .filter(|i| {
                let e = &self.entries[*i as usize];
                category.fits(|f| e.features.has(f)) && Self::engine_ok(e, category)
            })
            .collect()
    }

    /// Up to `limit` fitting queries, diverse first: queries are grouped by
    /// their feature signature, rare signatures first, and taken round-robin.
    pub fn recall(&self, category: &Category, limit: usize) -> Vec<u32> {
        let hits = self.candidates(category);
        let mut groups: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut order: Vec<u64> = Vec::new();
        for i in hits {
            let sig = self.entries[i as usize].signature;
            let group = groups.entry(sig).or_default();
            if group.is_empty() {
                order.push(sig);
            }
            group.push(i);
        }
        // Rare signatures first; among equally rare ones, the order of the
        // signature hashes, which spreads picks across corpora.
        let mut groups: Vec<(u64, Vec<u32>)> = order
            .into_iter()
            .filter_map(|s| groups.remove(&s).map(|g| (s, g)))
            .collect();
        groups.sort_by_key(|(sig, g)| (g.len(), *sig));
        let groups: Vec<Vec<u32>> = groups.into_iter().map(|(_, g)| g).collect();
        let mut out = Vec::with_capacity(limit.min(1024));
        let mut round = 0;
        while out.len() < limit {
            let mut took = false;
            for g in &groups {
                if let Some(i) = g.get(round) {
                    out.push(*i);
                    took = true;
                    if out.len() == limit {
                        break;
                    }
                }
            }
            if !took {
                break;
            }
            round += 1;
        }
        out
    }

    pub fn hit(&self, corpora: &[Corpus], i: u32) -> RecallHit {
        let e = &self.entries[i as usize];
        let q = &corpora[e.corpus].queries[e.query];
        RecallHit {
            corpus: corpora[e.corpus].name.clone(),
            id: q.id.clone(),
            origin: q.origin.clone(),
            lines: e.features.lines,
            features: e.features.names.iter().cloned().collect(),
        }
    }
}
