//! The engine layer: one [`Engine`] trait over DuckDB, SQLite, PostgreSQL,
//! MySQL/MariaDB and external drivers (`cmd:`), each running inside its own
//! sandbox with a timeout on every statement.

pub mod capabilities;
pub mod cleanup;
pub mod cmd;
pub mod compare;
pub mod duckdb;
pub mod isolate;
pub mod mysql;
mod pg_values;
pub mod postgres;
mod sandbox_name;
pub mod spec;
pub mod sqlite;
mod temporal;
pub mod timed;
pub mod value;
mod watchdog;

use async_trait::async_trait;
use serde::Serialize;
use std::time::Duration;

pub use capabilities::Capabilities;
pub use compare::{compare_rows, CompareOptions, Mismatch};
pub use isolate::{run_isolated, Isolation};
pub use spec::{EngineKind, EngineSpec};
pub use value::Value;

/// A result column: its name and the engine's type name, upper-cased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    pub name: String,
    #[serde(rename = "type")]
    pub type_name: String,
}

impl Column {
    pub fn new(name: impl Into<String>, type_name: impl Into<String>) -> Self {
        let mut type_name = type_name.into();
        type_name.make_ascii_uppercase();
        Column {
            name: name.into(),
            type_name,
        }
    }
}

/// An error the engine reported for a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EngineError {
    pub message: String,
    /// SQLSTATE (PostgreSQL), errno (MySQL), extended result code name
    /// (SQLite), error type (DuckDB) or whatever a `cmd:` driver reports.
    pub code: Option<String>,
    pub engine: String,
}

/// What running one statement produced. Adapters never panic on bad SQL.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Rows {
        columns: Vec<Column>,
        rows: Vec<Vec<Value>>,
    },
    Done {
        affected: u64,
    },
    Error(EngineError),
    /// The statement ran past the timeout and was interrupted; the engine is
    /// usable again.
    Timeout {
        after_ms: u64,
    },
    /// The engine went away while running the statement (connection lost,
    /// driver process died or spoke garbage). The adapter reconnects or
    /// restarts on the next call where it can.
    Crashed {
        message: String,
    },
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Rows { .. } => "rows",
            Outcome::Done { .. } => "done",
            Outcome::Error(_) => "error",
            Outcome::Timeout { .. } => "timeout",
            Outcome::Crashed { .. } => "crashed",
        }
    }

    pub fn is_success(&self) -> bool {
        matches!(self, Outcome::Rows { .. } | Outcome::Done { .. })
    }

    pub fn rows(&self) -> Option<&[Vec<Value>]> {
        match self {
            Outcome::Rows { rows, .. } => Some(rows),
            _ => None,
        }
    }

    pub fn error(&self) -> Option<&EngineError> {
        match self {
            Outcome::Error(e) => Some(e),
            _ => None,
        }
    }
}

/// Errors that stop an engine from being opened or its sandbox from being
/// (re)built. Bad SQL is never one of these: it is an [`Outcome::Error`].
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error(
        "unknown engine '{0}' (expected duckdb, sqlite, postgres, mysql or cmd:'<command line>')"
    )]
    UnknownEngine(String),
    #[error("bad {engine} URL '{url}': {reason}")]
    BadUrl {
        engine: &'static str,
        url: String,
        reason: String,
    },
    #[error("{engine} is unreachable at {url}: {reason}")]
    Unreachable {
        engine: &'static str,
        url: String,
        reason: String,
    },
    #[error("{engine} sandbox refused: {reason}")]
    SandboxRefused { engine: String, reason: String },
    #[error("cmd driver '{command}' failed: {reason}")]
    Driver { command: String, reason: String },
    #[error("{engine} failed to open: {reason}")]
    Open { engine: String, reason: String },
}

impl SetupError {
    /// Bad input from the user (exit code 2) rather than a broken
    /// environment (exit code 3).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            SetupError::UnknownEngine(_) | SetupError::BadUrl { .. }
        )
    }
}

/// Connection settings shared by all engines.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    pub postgres_url: String,
    pub mysql_url: String,
    /// Per-statement timeout.
    pub timeout: Duration,
}

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";
pub const DEFAULT_MYSQL_URL: &str = "mysql://root@127.0.0.1:3306/test";
pub const DEFAULT_TIMEOUT_MS: u64 = 5000;

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            postgres_url: std::env::var("SQLFORGE_POSTGRES_URL")
                .unwrap_or_else(|_| DEFAULT_POSTGRES_URL.into()),
            mysql_url: std::env::var("SQLFORGE_MYSQL_URL")
                .unwrap_or_else(|_| DEFAULT_MYSQL_URL.into()),
            timeout: Duration::from_millis(DEFAULT_TIMEOUT_MS),
        }
    }
}

/// One live, isolated database.
#[async_trait]
pub trait Engine: Send {
    fn kind(&self) -> EngineKind;
    /// A display name: `duckdb`, `postgres`, or `cmd:<command>`.
    fn name(&self) -> String;
    /// The engine's version string.
    fn version(&self) -> String;
    /// Runs one statement in the sandbox. Never panics on bad SQL.
    async fn execute(&mut self, sql: &str) -> Outcome;
    /// Throws the sandbox away and builds a fresh one.
    async fn reset(&mut self) -> Result<(), SetupError>;
    /// Removes the sandbox. Dropping an engine also cleans up, but blocks.
    async fn close(self: Box<Self>);

    fn capabilities(&self) -> &'static dyn Capabilities {
        self.kind().capabilities()
    }
}

/// The synchronous engine interface of the embedded engines. A blanket
/// adapter makes every `SyncEngine` an [`Engine`]; statements run inline on
/// the caller's thread, so there is no hand-off cost per statement.
pub trait SyncEngine: Send {
    fn kind(&self) -> EngineKind;
    fn version(&self) -> String;
    fn execute(&mut self, sql: &str) -> Outcome;
    fn reset(&mut self) -> Result<(), SetupError>;
}

#[async_trait]
impl<T: SyncEngine> Engine for T {
    fn kind(&self) -> EngineKind {
        SyncEngine::kind(self)
    }
    fn name(&self) -> String {
        SyncEngine::kind(self).name().to_string()
    }
    fn version(&self) -> String {
        SyncEngine::version(self)
    }
    async fn execute(&mut self, sql: &str) -> Outcome {
        SyncEngine::execute(self, sql)
    }
    async fn reset(&mut self) -> Result<(), SetupError> {
        SyncEngine::reset(self)
    }
    async fn close(self: Box<Self>) {}
}

/// Opens a fresh sandbox on the engine named by `spec`.
pub async fn connect(
    spec: &EngineSpec,
    config: &EngineConfig,
) -> Result<Box<dyn Engine>, SetupError> {
    Ok(match spec {
        EngineSpec::DuckDb => Box::new(duckdb::DuckDbEngine::open(config)?),
        EngineSpec::Sqlite => Box::new(sqlite::SqliteEngine::open(config)?),
        EngineSpec::Postgres => Box::new(postgres::PostgresEngine::open(config).await?),
        EngineSpec::MySql => Box::new(mysql::MySqlEngine::open(config).await?),
        EngineSpec::Cmd(command) => Box::new(cmd::CmdEngine::open(command, config).await?),
    })
}

/// Runs a script statement by statement; stops at the first statement that
/// does not succeed and returns its 1-based index with the outcome.
pub async fn run_script(
    engine: &mut dyn Engine,
    script: &str,
) -> Result<u64, (crate::sql::split::Statement, Outcome)> {
    let mut affected = 0;
    let opts = engine.capabilities().split_options();
    for stmt in crate::sql::split_statements(script, opts) {
        match engine.execute(&stmt.sql).await {
            Outcome::Done { affected: n } => affected += n,
            Outcome::Rows { .. } => {}
            failure => return Err((stmt, failure)),
        }
    }
    Ok(affected)
}
