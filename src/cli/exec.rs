//! `sqlforge exec`: run SQL on one engine in a fresh sandbox.

use super::args::{parse_engine, ExecArgs, Global};
use super::exit::{CliError, ExitCode};
use super::table;
use crate::engine::{self, Engine, Outcome};
use crate::sql::split_statements;
use serde_json::json;
use std::io::Read;
use std::time::Instant;

pub async fn run(global: &Global, args: ExecArgs) -> Result<ExitCode, CliError> {
    let spec = parse_engine(&args.engine)?;
    let mut setup = Vec::new();
    for path in &args.setup {
        let script = std::fs::read_to_string(path).map_err(|e| {
            CliError::usage(format!("cannot read setup file {}: {e}", path.display()))
        })?;
        setup.push((path.display().to_string(), script));
    }
    let sql = if args.sql == "-" {
        let mut buf = String::new();
        std::io::stdin()
            .read_to_string(&mut buf)
            .map_err(|e| CliError::usage(format!("cannot read SQL from standard input: {e}")))?;
        buf
    } else {
        args.sql
    };
    let mut engine = engine::connect(&spec, &global.engine).await?;
    let result = run_in(engine.as_mut(), setup, &sql, global.json).await;
    engine.close().await;
    result
}

async fn run_in(
    engine: &mut dyn Engine,
    setup: Vec<(String, String)>,
    sql: &str,
    json: bool,
) -> Result<ExitCode, CliError> {
    let split = engine.capabilities().split_options();
    for (file, script) in setup {
        for stmt in split_statements(&script, split) {
            let outcome = engine.execute(&stmt.sql).await;
            if !outcome.is_success() {
                let message = format!(
                    "{file}:{}: setup statement failed: {}",
                    stmt.line,
                    describe_failure(engine, &outcome)
                );
                return Err(failure_error(&outcome, message, ExitCode::Usage));
            }
        }
    }
    let statements = split_statements(sql, split);
    let Some((last, prelude)) = statements.split_last() else {
        return Err(CliError::usage("no SQL statement given"));
    };
    for stmt in prelude {
        let outcome = engine.execute(&stmt.sql).await;
        if !outcome.is_success() {
            return report(engine, &outcome, 0.0, json);
        }
    }
    let started = Instant::now();
    let outcome = engine.execute(&last.sql).await;
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    report(engine, &outcome, elapsed_ms, json)
}

fn describe_failure(engine: &dyn Engine, outcome: &Outcome) -> String {
    let name = engine.name();
    match outcome {
        Outcome::Error(e) => {
            let first = e.message.lines().next().unwrap_or_default();
            match &e.code {
                Some(code) => format!("{name}: {first} [{code}]"),
                None => format!("{name}: {first}"),
            }
        }
        Outcome::Timeout { after_ms } => format!("{name}: statement timed out after {after_ms} ms"),
        Outcome::Crashed { message } => format!("{name}: {message}"),
        Outcome::Rows { .. } | Outcome::Done { .. } => format!("{name}: ok"),
    }
}

fn failure_error(outcome: &Outcome, message: String, otherwise: ExitCode) -> CliError {
    CliError {
        code: if matches!(outcome, Outcome::Crashed { .. }) {
            ExitCode::Environment
        } else {
            otherwise
        },
        message,
    }
}

fn report(
    engine: &dyn Engine,
    outcome: &Outcome,
    elapsed_ms: f64,
    json: bool,
) -> Result<ExitCode, CliError> {
    if json {
        println!("{}", outcome_json(engine, outcome, elapsed_ms));
        return Ok(match outcome {
            Outcome::Rows { .. } | Outcome::Done { .. } => ExitCode::Ok,
            Outcome::Error(_) | Outcome::Timeout { .. } => ExitCode::Failures,
            Outcome::Crashed { .. } => ExitCode::Environment,
        });
    }
    match outcome {
        Outcome::Rows { columns, rows } => {
            print!("{}", table::render(columns, rows));
            Ok(ExitCode::Ok)
        }
        Outcome::Done { affected } => {
            println!(
                "OK, {affected} row{} affected",
                if *affected == 1 { "" } else { "s" }
            );
            Ok(ExitCode::Ok)
        }
        failure => Err(failure_error(
            failure,
            describe_failure(engine, failure),
            ExitCode::Failures,
        )),
    }
}

/// The `--json` object: every key is always present.
pub fn outcome_json(engine: &dyn Engine, outcome: &Outcome, elapsed_ms: f64) -> serde_json::Value {
    let (columns, rows, affected, error) = match outcome {
        Outcome::Rows { columns, rows } => (json!(columns), json!(rows), json!(null), json!(null)),
        Outcome::Done { affected } => (json!([]), json!([]), json!(affected), json!(null)),
        Outcome::Error(e) => (
            json!([]),
            json!([]),
            json!(null),
            json!({"message": e.message, "code": e.code}),
        ),
        Outcome::Timeout { after_ms } => (
            json!([]),
            json!([]),
            json!(null),
            json!({"message": format!("statement timed out after {after_ms} ms"), "code": null}),
        ),
        Outcome::Crashed { message } => (
            json!([]),
            json!([]),
            json!(null),
            json!({"message": message, "code": null}),
        ),
    };
    json!({
        "engine": engine.name(),
        "outcome": outcome.label(),
        "columns": columns,
        "rows": rows,
        "affected": affected,
        "error": error,
        "elapsed_ms": (elapsed_ms * 1000.0).round() / 1000.0,
    })
}
