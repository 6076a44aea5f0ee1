//! Runs a corpus on an engine: load schema and data once, then every query
//! that claims the engine.

use super::model::Corpus;
use crate::engine::{run_script, Engine, Outcome};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct QueryFailure {
    pub id: String,
    pub origin: String,
    pub outcome: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CorpusRun {
    pub corpus: String,
    pub engine: String,
    /// Why the schema or data did not load (then no query ran).
    pub load_error: Option<String>,
    pub claimed: usize,
    pub runnable: usize,
    /// DDL not run because this engine cannot roll it back.
    pub not_isolatable: usize,
    pub failures: Vec<QueryFailure>,
}

fn describe(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Error(e) => e.message.lines().next().unwrap_or_default().to_string(),
        Outcome::Timeout { after_ms } => format!("timed out after {after_ms} ms"),
        Outcome::Crashed { message } => message.clone(),
        _ => String::new(),
    }
}

/// Loads the corpus into a fresh sandbox of `engine` and runs its queries.
/// `tick` is called once per query (for progress bars).
pub async fn run_corpus(
    corpus: &Corpus,
    engine: &mut dyn Engine,
    mut tick: impl FnMut(),
) -> CorpusRun {
    let kind = engine.kind();
    let claimed: Vec<_> = corpus.queries.iter().filter(|q| q.runs_on(kind)).collect();
    let mut run = CorpusRun {
        corpus: corpus.name.clone(),
        engine: engine.name(),
        load_error: None,
        claimed: claimed.len(),
        runnable: 0,
        not_isolatable: 0,
        failures: Vec::new(),
    };
    if let Err(e) = engine.reset().await {
        run.load_error = Some(e.to_string());
        return run;
    }
    for (part, script) in [("schema", &corpus.schema), ("data", &corpus.data)] {
        if let Err((stmt, outcome)) = run_script(engine, script).await {
            let head: String = stmt.sql.chars().take(60).collect();
            run.load_error = Some(format!(
                "{part} statement at line {} ({head}…) failed: {}",
                stmt.line,
                describe(&outcome)
            ));
            return run;
        }
    }
    for q in claimed {
        // Write statements must not change what later statements see.
        let Some(outcome) = crate::engine::run_isolated(engine, &q.sql).await else {
            run.not_isolatable += 1;
            tick();
            continue;
        };
        tick();
        if outcome.is_success() {
            run.runnable += 1;
        } else {
            run.failures.push(QueryFailure {
                id: q.id.clone(),
                origin: q.origin.clone(),
                outcome: outcome.label(),
                message: describe(&outcome),
            });
        }
    }
    run
}
