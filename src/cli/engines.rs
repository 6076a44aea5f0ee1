//! `sqlforge engines`: each engine, its version and whether it is reachable.

use super::args::{parse_engine, EnginesArgs, Global};
use super::exit::{CliError, ExitCode};
use crate::engine::cleanup::redact_url;
use crate::engine::{self, EngineSpec};
use serde::Serialize;

#[derive(Serialize)]
struct Status {
    engine: String,
    kind: &'static str,
    reachable: bool,
    version: Option<String>,
    url: Option<String>,
    error: Option<String>,
}

pub async fn run(global: &Global, args: EnginesArgs) -> Result<ExitCode, CliError> {
    let mut specs = EngineSpec::BUILTIN.to_vec();
    for extra in &args.extra {
        specs.push(parse_engine(extra)?);
    }
    let mut statuses = Vec::new();
    for spec in &specs {
        statuses.push(probe(spec, global).await);
    }
    if global.json {
        println!("{}", serde_json::json!({ "engines": statuses }));
    } else {
        for s in &statuses {
            let state = if s.reachable { "ok" } else { "unreachable" };
            let detail = s
                .version
                .clone()
                .or_else(|| s.error.clone())
                .unwrap_or_default();
            let url = s
                .url
                .as_deref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default();
            println!("{:<10} {:<12} {detail}{url}", s.engine, state);
        }
    }
    Ok(ExitCode::Ok)
}

async fn probe(spec: &EngineSpec, global: &Global) -> Status {
    let url = match spec {
        EngineSpec::Postgres => Some(redact_url(&global.engine.postgres_url)),
        EngineSpec::MySql => Some(redact_url(&global.engine.mysql_url)),
        _ => None,
    };
    let version = match spec {
        EngineSpec::Postgres => engine::postgres::probe(&global.engine.postgres_url).await,
        EngineSpec::MySql => engine::mysql::probe(&global.engine.mysql_url).await,
        other => match engine::connect(other, &global.engine).await {
            Ok(e) => {
                let v = e.version();
                e.close().await;
                Ok(v)
            }
            Err(e) => Err(e),
        },
    };
    let (reachable, version, error) = match version {
        Ok(v) => (true, Some(v), None),
        Err(e) => (false, None, Some(e.to_string())),
    };
    Status {
        engine: spec.to_string(),
        kind: spec.kind().name(),
        reachable,
        version,
        url,
        error,
    }
}
