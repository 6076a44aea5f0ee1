//! PostgreSQL over tokio-postgres. Each engine gets its own role (no
//! superuser, no CREATEROLE/CREATEDB) and a schema it owns; statements run as
//! that role with `statement_timeout`, and a client-side cancel backs it up.

use super::cleanup::{self, redact_url, Task};
use super::pg_values::{binary_supported, binary_value, text_value, type_name};
use super::spec::EngineKind;
use super::{sandbox_name, Column, Engine, EngineConfig, EngineError, Outcome, SetupError};
use async_trait::async_trait;
use std::str::FromStr;
use std::time::Duration;
use tokio_postgres::{Client, Config, NoTls, SimpleQueryMessage};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long to wait for a cancelled statement before giving up on the
/// connection and reconnecting.
const CANCEL_GRACE: Duration = Duration::from_secs(3);

pub struct PostgresEngine {
    client: Client,
    sandbox: Config,
    admin_url: String,
    name: String,
    timeout: Duration,
    version: String,
    cleanup_id: Option<u64>,
}

pub(crate) fn parse_url(url: &str) -> Result<Config, SetupError> {
    let mut cfg = Config::from_str(url).map_err(|e| SetupError::BadUrl {
        engine: "postgres",
        url: redact_url(url),
        reason: e.to_string(),
    })?;
    cfg.connect_timeout(CONNECT_TIMEOUT);
    Ok(cfg)
}

pub(crate) async fn connect_admin(url: &str) -> Result<Client, SetupError> {
    let cfg = parse_url(url)?;
    connect(&cfg).await.map_err(|e| SetupError::Unreachable {
        engine: "postgres",
        url: redact_url(url),
        reason: e,
    })
}

async fn connect(cfg: &Config) -> Result<Client, String> {
    let (client, connection) = tokio::time::timeout(CONNECT_TIMEOUT, cfg.connect(NoTls))
        .await
        .map_err(|_| format!("no answer within {}s", CONNECT_TIMEOUT.as_secs()))?
        .map_err(|e| first_line(&e))?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(client)
}

fn first_line(e: &tokio_postgres::Error) -> String {
    let text = match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => {
            let mut s = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(inner) = source {
                s = format!("{s}: {inner}");
                source = inner.source();
            }
            s
        }
    };
    text.lines().next().unwrap_or_default().to_string()
}

/// The server version, for `sqlforge engines`.
pub async fn probe(url: &str) -> Result<String, SetupError> {
    let admin = connect_admin(url).await?;
    server_version(&admin).await
}

async fn server_version(client: &Client) -> Result<String, SetupError> {
    let rows = client
        .simple_query("SELECT version()")
        .await
        .map_err(|e| SetupError::Open {
            engine: "postgres".into(),
            reason: first_line(&e),
        })?;
    Ok(rows
        .iter()
        .find_map(|m| match m {
            SimpleQueryMessage::Row(r) => r.get(0).map(str::to_string),
            _ => None,
        })
        .unwrap_or_default())
}

impl PostgresEngine {
    pub async fn open(config: &EngineConfig) -> Result<Self, SetupError> {
        let admin_cfg = parse_url(&config.postgres_url)?;
        let admin = connect_admin(&config.postgres_url).await?;
        let version = server_version(&admin).await?;
        let name = sandbox_name::fresh();
        let password = sandbox_name::password();
        let timeout_ms = config.timeout.as_millis();
        let ddl = format!(
            "CREATE ROLE {name} LOGIN PASSWORD '{password}' NOSUPERUSER NOCREATEDB NOCREATEROLE \
             NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 8;
             CREATE SCHEMA {name} AUTHORIZATION {name};
             ALTER ROLE {name} SET search_path = {name};
             ALTER ROLE {name} SET statement_timeout = {timeout_ms};
             ALTER ROLE {name} SET idle_in_transaction_session_timeout = 60000;"
        );
        let cleanup_id = cleanup::register(Task::Postgres {
            admin_url: config.postgres_url.clone(),
            name: name.clone(),
        });
        let refused = |reason: String| SetupError::SandboxRefused {
            engine: "postgres".into(),
            reason: format!(
                "cannot create a sandbox role and schema as '{}': {reason}",
                admin_cfg.get_user().unwrap_or("?")
            ),
        };
        if let Err(e) = admin.batch_execute(&ddl).await {
            if let Some(task) = cleanup::take(cleanup_id) {
                cleanup::run(task).await;
            }
            return Err(refused(first_line(&e)));
        }
        let mut sandbox = admin_cfg.clone();
        sandbox
            .user(&name)
            .password(password)
            .application_name("sqlforge-sandbox");
        let client = match connect(&sandbox).await {
            Ok(c) => c,
            Err(e) => {
                if let Some(task) = cleanup::take(cleanup_id) {
                    cleanup::run(task).await;
                }
                return Err(refused(e));
            }
        };
        Ok(PostgresEngine {
            client,
            sandbox,
            admin_url: config.postgres_url.clone(),
            name,
            timeout: config.timeout,
            version,
            cleanup_id: Some(cleanup_id),
        })
    }

    async fn run(&self, sql: &str) -> Result<Outcome, tokio_postgres::Error> {
        let stmt = self.client.prepare(sql).await?;
        if stmt.columns().is_empty() {
            let affected = self.client.execute(&stmt, &[]).await?;
            return Ok(Outcome::Done { affected });
        }
        let columns: Vec<Column> = stmt
            .columns()
            .iter()
            .map(|c| Column::new(c.name(), type_name(c.type_())))
            .collect();
        let types: Vec<_> = stmt.columns().iter().map(|c| c.type_().clone()).collect();
        let rows = if types.iter().all(binary_supported) {
            self.client
                .query(&stmt, &[])
                .await?
                .iter()
                .map(|row| {
                    types
                        .iter()
                        .enumerate()
                        .map(|(i, t)| binary_value(row, i, t))
                        .collect()
                })
                .collect()
        } else {
            self.client
                .simple_query(sql)
                .await?
                .iter()
                .filter_map(|m| match m {
                    SimpleQueryMessage::Row(row) => Some(
                        types
                            .iter()
                            .enumerate()
                            .map(|(i, t)| text_value(row.get(i), t))
                            .collect(),
                    ),
                    _ => None,
                })
                .collect()
        };
        Ok(Outcome::Rows { columns, rows })
    }

    async fn reconnect(&mut self) -> Result<(), String> {
        self.client = connect(&self.sandbox).await?;
        Ok(())
    }

    fn timeout_outcome(&self) -> Outcome {
        Outcome::Timeout {
            after_ms: self.timeout.as_millis() as u64,
        }
    }
}

fn engine_error(e: &tokio_postgres::Error) -> EngineError {
    EngineError {
        message: first_line(e),
        code: e.code().map(|c| c.code().to_string()),
        engine: "postgres".into(),
    }
}

const QUERY_CANCELED: &str = "57014";

#[async_trait]
impl Engine for PostgresEngine {
    fn kind(&self) -> EngineKind {
        EngineKind::Postgres
    }
    fn name(&self) -> String {
        "postgres".into()
    }
    fn version(&self) -> String {
        self.version.clone()
    }

    async fn execute(&mut self, sql: &str) -> Outcome {
        if self.client.is_closed() {
            if let Err(e) = self.reconnect().await {
                return Outcome::Crashed {
                    message: format!("postgres connection lost: {e}"),
                };
            }
        }
        let cancel = self.client.cancel_token();
        let result = {
            let run = self.run(sql);
            tokio::pin!(run);
            tokio::select! {
                r = &mut run => Some(r),
                _ = tokio::time::sleep(self.timeout) => {
                    let _ = cancel.cancel_query(NoTls).await;
                    match tokio::time::timeout(CANCEL_GRACE, run).await {
                        Ok(Err(e)) if e.code().is_some_and(|c| c.code() == QUERY_CANCELED) => None,
                        Ok(r) => Some(r),
                        Err(_) => None,
                    }
                }
            }
        };
        match result {
            Some(Ok(outcome)) => outcome,
            Some(Err(e)) if e.code().is_some_and(|c| c.code() == QUERY_CANCELED) => {
                self.timeout_outcome()
            }
            Some(Err(e)) if e.as_db_error().is_none() && self.client.is_closed() => {
                Outcome::Crashed {
                    message: format!("postgres connection lost: {}", first_line(&e)),
                }
            }
            Some(Err(e)) => Outcome::Error(engine_error(&e)),
            None => {
                // The statement ignored the cancel; drop the connection.
                if let Err(e) = self.reconnect().await {
                    tracing::warn!("postgres reconnect failed: {e}");
                }
                self.timeout_outcome()
            }
        }
    }

    async fn reset(&mut self) -> Result<(), SetupError> {
        let admin = connect_admin(&self.admin_url).await?;
        let name = &self.name;
        admin
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; DROP OWNED BY {name} CASCADE; \
                 CREATE SCHEMA {name} AUTHORIZATION {name};"
            ))
            .await
            .map_err(|e| SetupError::SandboxRefused {
                engine: "postgres".into(),
                reason: first_line(&e),
            })?;
        // A new session drops temporary objects and session settings.
        self.reconnect().await.map_err(|e| SetupError::Unreachable {
            engine: "postgres",
            url: redact_url(&self.admin_url),
            reason: e,
        })
    }

    async fn close(mut self: Box<Self>) {
        if let Some(task) = self.cleanup_id.take().and_then(cleanup::take) {
            cleanup::run(task).await;
        }
    }
}

impl Drop for PostgresEngine {
    fn drop(&mut self) {
        if let Some(task) = self.cleanup_id.take().and_then(cleanup::take) {
            cleanup::run_blocking(task);
        }
    }
}

/// Removes a sandbox: its sessions, schema, objects and role.
pub(crate) async fn drop_sandbox(admin_url: &str, name: &str) -> Result<(), SetupError> {
    let admin = connect_admin(admin_url).await?;
    let role_exists = admin
        .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&name])
        .await
        .map_err(|e| SetupError::SandboxRefused {
            engine: "postgres".into(),
            reason: first_line(&e),
        })?
        .is_some();
    let mut statements = vec![format!("DROP SCHEMA IF EXISTS {name} CASCADE")];
    if role_exists {
        statements.insert(
            0,
            format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{name}'"
            ),
        );
        statements.push(format!("DROP OWNED BY {name} CASCADE"));
        statements.push(format!("DROP ROLE IF EXISTS {name}"));
    }
    let mut first_error = None;
    for stmt in statements {
        if let Err(e) = admin.batch_execute(&stmt).await {
            first_error.get_or_insert_with(|| first_line(&e));
        }
    }
    match first_error {
        None => Ok(()),
        Some(reason) => Err(SetupError::SandboxRefused {
            engine: "postgres".into(),
            reason,
        }),
    }
}
