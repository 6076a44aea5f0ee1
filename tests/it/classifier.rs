//! The classifier on real messages: every fixture case's buggy SQL is
//! executed on its real engine and the engine's own error must classify to
//! the intended leaf.

use crate::common;

use serde::Deserialize;
use sqlforge::engine::{EngineKind, Outcome};
use sqlforge::taxonomy::{CategoryKind, Classifier, Taxonomy};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    category: String,
    engine: String,
    sql: String,
}

fn fixtures() -> (String, Vec<Case>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let setup = std::fs::read_to_string(format!("{dir}/classifier_setup.sql")).unwrap();
    let cases: Cases =
        toml::from_str(&std::fs::read_to_string(format!("{dir}/classifier_cases.toml")).unwrap())
            .unwrap();
    (setup, cases.case)
}

#[test]
fn builtin_taxonomy_has_three_levels_and_81_plus_leaves() {
    let t = Taxonomy::builtin();
    assert!(t.categories.len() >= 81, "{} leaves", t.categories.len());
    let level1: BTreeSet<&str> = t.categories.iter().map(|c| c.level1()).collect();
    assert!(level1.len() >= 5, "{level1:?}");
    let logic = t
        .categories
        .iter()
        .filter(|c| c.kind == CategoryKind::Logic)
        .count();
    assert!(logic >= 10, "{logic} logic leaves");
    for c in &t.categories {
        assert_eq!(c.path().len(), 3);
        if c.kind == CategoryKind::Error {
            for e in &c.engines {
                assert!(
                    c.patterns.iter().any(|p| p.engine == *e),
                    "{}: no pattern for {e}",
                    c.id
                );
            }
        }
    }
}

#[test]
fn every_raised_category_has_a_real_case() {
    let t = Taxonomy::builtin();
    let (_, cases) = fixtures();
    let covered: BTreeSet<(String, String)> = cases
        .iter()
        .map(|c| (c.category.clone(), c.engine.clone()))
        .collect();
    let mut missing = Vec::new();
    for c in &t.categories {
        for e in &c.engines {
            if !covered.contains(&(c.id.clone(), e.name().to_string())) {
                missing.push(format!("{} on {e}", c.id));
            }
        }
    }
    assert!(missing.is_empty(), "no case for:\n{}", missing.join("\n"));
    for case in &cases {
        assert!(
            t.get(&case.category).is_some(),
            "case for unknown category {}",
            case.category
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_engine_errors_classify_to_their_category() {
    let taxonomy = Taxonomy::builtin();
    let classifier = Classifier::new(&taxonomy);
    let (setup, cases) = fixtures();
    let mut per_engine: BTreeMap<EngineKind, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for spec in &common::ALL {
        let mut engine = common::open(spec, 5000).await;
        for case in cases.iter().filter(|c| c.engine == spec.kind().name()) {
            engine.reset().await.unwrap();
            common::setup(engine.as_mut(), &setup).await;
            let outcome = engine.execute(&case.sql).await;
            let counts = per_engine.entry(spec.kind()).or_default();
            counts.1 += 1;
            let Outcome::Error(err) = &outcome else {
                wrong.push(format!(
                    "[{spec}] {}: no error: {outcome:?}\n    {}",
                    case.category, case.sql
                ));
                continue;
            };
            match classifier.classify(spec.kind(), err.code.as_deref(), &err.message) {
                Some(c) if c.id == case.category => counts.0 += 1,
                other => wrong.push(format!(
                    "[{spec}] {} classified as {:?}: {:?} {}",
                    case.category,
                    other.map(|c| c.id),
                    err.code,
                    err.message
                )),
            }
        }
        engine.close().await;
    }
    let (right, total) = per_engine
        .values()
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    for (engine, (r, t)) in &per_engine {
        eprintln!("{engine}: {r}/{t} = {:.1}%", 100.0 * *r as f64 / *t as f64);
    }
    assert!(total >= 150, "only {total} cases");
    assert!(
        wrong.is_empty(),
        "{right}/{total} right; wrong:\n{}",
        wrong.join("\n")
    );
}
