//! Shared helpers for the integration tests. The server engines are used over
//! real connections; `scripts/test.sh` starts PostgreSQL and MariaDB.
#![allow(dead_code)]

use sqlforge::engine::{self, Engine, EngineConfig, EngineSpec, Outcome};
use std::time::Duration;

pub mod fake_openai;

pub const ALL: [EngineSpec; 4] = EngineSpec::BUILTIN;

pub fn config(timeout_ms: u64) -> EngineConfig {
    EngineConfig {
        timeout: Duration::from_millis(timeout_ms),
        ..EngineConfig::default()
    }
}

pub async fn open(spec: &EngineSpec, timeout_ms: u64) -> Box<dyn Engine> {
    engine::connect(spec, &config(timeout_ms))
        .await
        .unwrap_or_else(|e| {
            panic!(
                "{spec}: cannot open engine: {e} (are the services running? scripts/services.sh)"
            )
        })
}

/// Runs a setup script and panics with the failing statement if it fails.
pub async fn setup(engine: &mut dyn Engine, script: &str) {
    if let Err((stmt, outcome)) = engine::run_script(engine, script).await {
        panic!(
            "{}: setup statement failed: {}\n{outcome:?}",
            engine.name(),
            stmt.sql
        );
    }
}

pub fn driver_command(flags: &str) -> String {
    format!(
        "python3 {}/scripts/drivers/sqlite_driver.py {flags}",
        env!("CARGO_MANIFEST_DIR")
    )
}

pub fn rows(outcome: &Outcome) -> &[Vec<sqlforge::engine::Value>] {
    outcome
        .rows()
        .unwrap_or_else(|| panic!("expected rows, got {outcome:?}"))
}

/// Runs the real binary; returns exit code, stdout and stderr.
pub fn run_sqlforge(args: &[&str]) -> (i32, String, String) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_sqlforge"))
        .args(args)
        .output()
        .expect("run sqlforge");
    (
        o.status.code().expect("exit code"),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}
