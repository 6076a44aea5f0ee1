//! Every bundled corpus loads on all four real engines and each query runs
//! on every engine it claims.

use crate::common;

use sqlforge::corpus::{self, run::run_corpus};
use std::path::PathBuf;

fn bundled() -> Vec<corpus::Corpus> {
    corpus::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora"))
        .expect("bundled corpora load")
}

#[test]
fn bundled_corpora_meet_the_size_requirements() {
    let corpora = bundled();
    let real: Vec<_> = corpora.iter().filter(|c| c.name != "quickstart").collect();
    assert!(real.len() >= 6, "only {} corpora", real.len());
    let mut total = 0;
    for c in &real {
        assert!(c.skipped.is_empty(), "{}: {:?}", c.name, c.skipped);
        assert!(
            c.queries.len() >= 60,
            "{}: {} queries",
            c.name,
            c.queries.len()
        );
        let long = c
            .queries
            .iter()
            .filter(|q| q.sql.lines().count() >= 20)
            .count();
        assert!(long >= 5, "{}: {long} long queries", c.name);
        total += c.queries.len();
    }
    assert!(total >= 400, "{total} queries");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_query_runs_on_every_engine_it_claims() {
    let corpora = bundled();
    let mut problems = Vec::new();
    for spec in &common::ALL {
        let mut engine = common::open(spec, 20_000).await;
        for c in &corpora {
            let run = run_corpus(c, engine.as_mut(), || {}).await;
            if let Some(e) = run.load_error {
                problems.push(format!("[{spec}] {}: {e}", c.name));
            }
            for f in run.failures {
                problems.push(format!(
                    "[{spec}] {} {}: {} {}",
                    f.id, f.origin, f.outcome, f.message
                ));
            }
        }
        engine.close().await;
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
