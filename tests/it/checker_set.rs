//! The checker against its labelled set (tests/fixtures/checker/pairs.jsonl,
//! docs/CHECKER.md). The targets are no near miss called equivalent and at
//! least 98% of true rewrites called equivalent. The second is met; the
//! first is not yet (5 of 164 on SQLite), so this test holds the measured
//! level and fails on any regression from it. Issue #7 stays open until
//! MAX_FALSE_ACCEPTS is 0.

use crate::common::config;
use sqlforge::check::labelled::{evaluate, read_pairs};
use sqlforge::check::CheckOptions;
use sqlforge::engine::EngineSpec;
use std::path::{Path, PathBuf};

const PAIRS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/checker/pairs.jsonl"
);
/// Measured on 2026-12-02 (target: 0).
const MAX_FALSE_ACCEPTS: usize = 5;

const CORPORA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora");

#[tokio::test(flavor = "multi_thread")]
async fn the_checker_holds_its_measured_accuracy_on_the_labelled_set() {
    let pairs = read_pairs(Path::new(PAIRS)).unwrap();
    assert!(pairs.len() >= 200, "only {} labelled pairs", pairs.len());
    let rewrites = pairs.iter().filter(|p| p.label == "equivalent").count();
    assert!(rewrites >= 100 && pairs.len() - rewrites >= 100);
    let r = evaluate(
        &pairs,
        // SQLite: DuckDB gets no mutants (docs/CHECKER.md).
        &EngineSpec::Sqlite,
        &config(5000),
        &CheckOptions::default(),
        &[PathBuf::from(CORPORA)],
        || {},
    )
    .await
    .unwrap();
    let wrong: Vec<String> = r
        .wrong
        .iter()
        .map(|w| format!("{} ({}): {}", w.id, w.kind, w.check))
        .collect();
    assert!(
        r.check.false_accept <= MAX_FALSE_ACCEPTS,
        "near misses called equivalent: {wrong:#?}"
    );
    assert!(
        r.check.rewrite_acceptance() >= 0.98,
        "only {:.1}% of rewrites accepted: {wrong:#?}",
        100.0 * r.check.rewrite_acceptance()
    );
    // One database is fooled where the suite is not.
    assert!(
        r.single_database.false_accept > 0,
        "{:?}",
        r.single_database
    );
}
