//! MySQL and MariaDB over mysql_async. Each engine gets its own database and
//! a user with privileges on that database only (no FILE, no SUPER), a
//! server-side statement time limit, and `KILL QUERY` from the admin
//! connection as a backstop.

use super::cleanup::{self, redact_url, Task};
use super::spec::EngineKind;
use super::{sandbox_name, Column, Engine, EngineConfig, EngineError, Outcome, SetupError, Value};
use async_trait::async_trait;
use mysql_async::consts::{ColumnFlags, ColumnType};
use mysql_async::prelude::Queryable;
use mysql_async::{Conn, Opts, OptsBuilder, Row};
use std::time::Duration;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const KILL_GRACE: Duration = Duration::from_secs(3);
/// The `binary` character set: BLOB/BINARY columns rather than text.
const BINARY_CHARSET: u16 = 63;

pub struct MySqlEngine {
    conn: Option<Conn>,
    admin: Conn,
    sandbox: Opts,
    admin_url: String,
    name: String,
    timeout: Duration,
    version: String,
    is_mariadb: bool,
    cleanup_id: Option<u64>,
}

fn parse_url(url: &str) -> Result<Opts, SetupError> {
    Opts::from_url(url).map_err(|e| SetupError::BadUrl {
        engine: "mysql",
        url: redact_url(url),
        reason: e.to_string(),
    })
}

/// Why a connection failed: the server answered with a refusal, or it could
/// not be reached at all.
enum ConnectError {
    Refused(String),
    Unreachable(String),
}

impl ConnectError {
    fn into_message(self) -> String {
        match self {
            ConnectError::Refused(m) | ConnectError::Unreachable(m) => m,
        }
    }
}

async fn connect(opts: Opts) -> Result<Conn, ConnectError> {
    match tokio::time::timeout(CONNECT_TIMEOUT, Conn::new(opts)).await {
        Ok(Ok(conn)) => Ok(conn),
        Ok(Err(e @ mysql_async::Error::Server(_))) => Err(ConnectError::Refused(first_line(&e))),
        Ok(Err(e)) => Err(ConnectError::Unreachable(first_line(&e))),
        Err(_) => Err(ConnectError::Unreachable(format!(
            "no answer within {}s",
            CONNECT_TIMEOUT.as_secs()
        ))),
    }
}

async fn connect_admin(url: &str) -> Result<Conn, SetupError> {
    let opts = parse_url(url)?;
    connect(opts).await.map_err(|e| match e {
        ConnectError::Refused(reason) => SetupError::Open {
            engine: "mysql".into(),
            reason: format!("login refused at {}: {reason}", redact_url(url)),
        },
        ConnectError::Unreachable(reason) => SetupError::Unreachable {
            engine: "mysql",
            url: redact_url(url),
            reason,
        },
    })
}

fn first_line(e: &mysql_async::Error) -> String {
    e.to_string().lines().next().unwrap_or_default().to_string()
}

async fn server_version(conn: &mut Conn) -> Result<String, SetupError> {
    conn.query_first::<String, _>("SELECT VERSION()")
        .await
        .map(Option::unwrap_or_default)
        .map_err(|e| SetupError::Open {
            engine: "mysql".into(),
            reason: first_line(&e),
        })
}

/// The server version, for `sqlforge engines`.
pub async fn probe(url: &str) -> Result<String, SetupError> {
    let mut admin = connect_admin(url).await?;
    let version = server_version(&mut admin).await;
    let _ = admin.disconnect().await;
    version
}

impl MySqlEngine {
    pub async fn open(config: &EngineConfig) -> Result<Self, SetupError> {
        let admin_opts = parse_url(&config.mysql_url)?;
        let mut admin = connect_admin(&config.mysql_url).await?;
        let version = server_version(&mut admin).await?;
        let is_mariadb = version.to_ascii_lowercase().contains("mariadb");
        let name = sandbox_name::fresh();
        let password = sandbox_name::password();
        let cleanup_id = cleanup::register(Task::MySql {
            admin_url: config.mysql_url.clone(),
            name: name.clone(),
        });
        let mut ddl = vec![format!("CREATE DATABASE `{name}`")];
        for host in ["%", "localhost"] {
            ddl.push(format!(
                "CREATE USER '{name}'@'{host}' IDENTIFIED BY '{password}'"
            ));
            ddl.push(format!(
                "GRANT ALL PRIVILEGES ON `{name}`.* TO '{name}'@'{host}'"
            ));
        }
        for (done, stmt) in ddl.iter().enumerate() {
            if let Err(e) = admin.query_drop(stmt).await {
                // Undo only what was made; nothing was if CREATE DATABASE failed.
                if let Some(task) = cleanup::take(cleanup_id).filter(|_| done > 0) {
                    cleanup::run(task).await;
                }
                return Err(SetupError::SandboxRefused {
                    engine: "mysql".into(),
                    reason: format!(
                        "cannot create a sandbox database and user: {}",
                        first_line(&e)
                    ),
                });
            }
        }
        let sandbox: Opts = OptsBuilder::from_opts(admin_opts)
            .user(Some(name.clone()))
            .pass(Some(password))
            .db_name(Some(name.clone()))
            .into();
        let mut engine = MySqlEngine {
            conn: None,
            admin,
            sandbox,
            admin_url: config.mysql_url.clone(),
            name,
            timeout: config.timeout,
            version,
            is_mariadb,
            cleanup_id: Some(cleanup_id),
        };
        engine
            .reconnect()
            .await
            .map_err(|reason| SetupError::SandboxRefused {
                engine: "mysql".into(),
                reason: format!("cannot log in as the sandbox user: {reason}"),
            })?;
        Ok(engine)
    }

    async fn reconnect(&mut self) -> Result<(), String> {
        if let Some(old) = self.conn.take() {
            let _ = old.disconnect().await;
        }
        let mut conn = connect(self.sandbox.clone())
            .await
            .map_err(ConnectError::into_message)?;
        let limit = if self.is_mariadb {
            format!(
                "SET SESSION max_statement_time = {}",
                self.timeout.as_secs_f64()
            )
        } else {
            format!(
                "SET SESSION max_execution_time = {}",
                self.timeout.as_millis()
            )
        };
        conn.query_drop(limit).await.map_err(|e| first_line(&e))?;
        self.conn = Some(conn);
        Ok(())
    }

    fn timeout_outcome(&self) -> Outcome {
        Outcome::Timeout {
            after_ms: self.timeout.as_millis() as u64,
        }
    }
}

async fn run(conn: &mut Conn, sql: &str) -> Result<Outcome, mysql_async::Error> {
    let mut result = conn.query_iter(sql).await?;
    let columns = result.columns();
    let outcome = match columns {
        Some(cols) if !cols.is_empty() => {
            let rows: Vec<Row> = result.collect().await?;
            let out = rows
                .iter()
                .map(|row| {
                    (0..cols.len())
                        .map(|i| convert(row.as_ref(i), &cols[i]))
                        .collect()
                })
                .collect();
            Outcome::Rows {
                columns: cols
                    .iter()
                    .map(|c| Column::new(c.name_str(), type_name(c)))
                    .collect(),
                rows: out,
            }
        }
        _ => Outcome::Done {
            affected: result.affected_rows(),
        },
    };
    result.drop_result().await?;
    Ok(outcome)
}

fn is_binary(c: &mysql_async::Column) -> bool {
    c.character_set() == BINARY_CHARSET
}

fn type_name(c: &mysql_async::Column) -> String {
    use ColumnType::*;
    let unsigned = c.flags().contains(ColumnFlags::UNSIGNED_FLAG);
    let base = match c.column_type() {
        MYSQL_TYPE_TINY => "TINYINT",
        MYSQL_TYPE_SHORT => "SMALLINT",
        MYSQL_TYPE_INT24 => "MEDIUMINT",
        MYSQL_TYPE_LONG => "INT",
        MYSQL_TYPE_LONGLONG => "BIGINT",
        MYSQL_TYPE_FLOAT => "FLOAT",
        MYSQL_TYPE_DOUBLE => "DOUBLE",
        MYSQL_TYPE_DECIMAL | MYSQL_TYPE_NEWDECIMAL => "DECIMAL",
        MYSQL_TYPE_DATE | MYSQL_TYPE_NEWDATE => "DATE",
        MYSQL_TYPE_DATETIME | MYSQL_TYPE_DATETIME2 => "DATETIME",
        MYSQL_TYPE_TIMESTAMP | MYSQL_TYPE_TIMESTAMP2 => "TIMESTAMP",
        MYSQL_TYPE_TIME | MYSQL_TYPE_TIME2 => "TIME",
        MYSQL_TYPE_YEAR => "YEAR",
        MYSQL_TYPE_BIT => "BIT",
        MYSQL_TYPE_JSON => "JSON",
        MYSQL_TYPE_NULL => "NULL",
        MYSQL_TYPE_TINY_BLOB | MYSQL_TYPE_MEDIUM_BLOB | MYSQL_TYPE_LONG_BLOB | MYSQL_TYPE_BLOB => {
            if is_binary(c) {
                "BLOB"
            } else {
                "TEXT"
            }
        }
        MYSQL_TYPE_VARCHAR
        | MYSQL_TYPE_VAR_STRING
        | MYSQL_TYPE_STRING
        | MYSQL_TYPE_ENUM
        | MYSQL_TYPE_SET => {
            if is_binary(c) {
                "VARBINARY"
            } else {
                "VARCHAR"
            }
        }
        other => {
            return format!("{other:?}")
                .trim_start_matches("MYSQL_TYPE_")
                .to_string()
        }
    };
    if unsigned {
        format!("{base} UNSIGNED")
    } else {
        base.to_string()
    }
}

fn convert(v: Option<&mysql_async::Value>, c: &mysql_async::Column) -> Value {
    use ColumnType::*;
    let bytes = match v {
        None | Some(mysql_async::Value::NULL) => return Value::Null,
        Some(mysql_async::Value::Bytes(b)) => b.as_slice(),
        Some(other) => return Value::Text(other.as_sql(true)),
    };
    let text = || String::from_utf8_lossy(bytes).into_owned();
    match c.column_type() {
        MYSQL_TYPE_TINY | MYSQL_TYPE_SHORT | MYSQL_TYPE_INT24 | MYSQL_TYPE_LONG
        | MYSQL_TYPE_LONGLONG | MYSQL_TYPE_YEAR => text()
            .parse()
            .map(Value::Int)
            .unwrap_or_else(|_| Value::Text(text())),
        MYSQL_TYPE_FLOAT | MYSQL_TYPE_DOUBLE => text()
            .parse()
            .map(Value::float)
            .unwrap_or_else(|_| Value::Text(text())),
        MYSQL_TYPE_DECIMAL | MYSQL_TYPE_NEWDECIMAL => Value::decimal(&text()),
        MYSQL_TYPE_DATE | MYSQL_TYPE_NEWDATE => Value::Date(text()),
        MYSQL_TYPE_DATETIME
        | MYSQL_TYPE_DATETIME2
        | MYSQL_TYPE_TIMESTAMP
        | MYSQL_TYPE_TIMESTAMP2 => Value::timestamp(&text()),
        MYSQL_TYPE_TIME | MYSQL_TYPE_TIME2 => Value::time(&text()),
        MYSQL_TYPE_BIT => Value::Int(
            bytes
                .iter()
                .fold(0i128, |acc, b| (acc << 8) | i128::from(*b)),
        ),
        _ if is_binary(c) => Value::Blob(bytes.to_vec()),
        _ => Value::Text(text()),
    }
}

/// MariaDB's max_statement_time, MySQL's max_execution_time, KILL QUERY.
const TIMEOUT_ERRNOS: [u16; 3] = [1969, 3024, 1317];

fn engine_error(e: &mysql_async::Error) -> Option<EngineError> {
    match e {
        mysql_async::Error::Server(s) => Some(EngineError {
            message: s.message.clone(),
            code: Some(s.code.to_string()),
            engine: "mysql".into(),
        }),
        // Refused on the client side (e.g. LOAD DATA LOCAL INFILE, which
        // sqlforge never serves).
        mysql_async::Error::Driver(d) => Some(EngineError {
            message: d.to_string(),
            code: Some("CLIENT".into()),
            engine: "mysql".into(),
        }),
        _ => None,
    }
}

#[async_trait]
impl Engine for MySqlEngine {
    fn kind(&self) -> EngineKind {
        EngineKind::MySql
    }
    fn name(&self) -> String {
        "mysql".into()
    }
    fn version(&self) -> String {
        self.version.clone()
    }

    async fn execute(&mut self, sql: &str) -> Outcome {
        if self.conn.as_ref().is_none_or(Conn::is_disconnected) {
            if let Err(e) = self.reconnect().await {
                return Outcome::Crashed {
                    message: format!("mysql connection lost: {e}"),
                };
            }
        }
        let Some(conn) = self.conn.as_mut() else {
            return Outcome::Crashed {
                message: "mysql connection lost".into(),
            };
        };
        let conn_id = conn.id();
        let mut killed = false;
        let result = {
            let fut = run(conn, sql);
            tokio::pin!(fut);
            tokio::select! {
                r = &mut fut => Some(r),
                _ = tokio::time::sleep(self.timeout) => {
                    killed = true;
                    let _ = self.admin.query_drop(format!("KILL QUERY {conn_id}")).await;
                    tokio::time::timeout(KILL_GRACE, fut).await.ok()
                }
            }
        };
        match result {
            Some(Ok(outcome)) if !killed => outcome,
            Some(Ok(_)) => self.timeout_outcome(),
            Some(Err(e)) => match engine_error(&e) {
                Some(err)
                    if TIMEOUT_ERRNOS
                        .iter()
                        .any(|n| err.code.as_deref() == Some(&n.to_string())) =>
                {
                    self.timeout_outcome()
                }
                Some(err) => {
                    if err.code.as_deref() == Some("CLIENT") {
                        // The protocol state after a client-side refusal is
                        // not worth trusting: start a fresh session.
                        let _ = self.reconnect().await;
                    }
                    Outcome::Error(err)
                }
                None => {
                    let message = format!("mysql connection lost: {}", first_line(&e));
                    let _ = self.reconnect().await;
                    Outcome::Crashed { message }
                }
            },
            None => {
                let _ = self.reconnect().await;
                self.timeout_outcome()
            }
        }
    }

    async fn reset(&mut self) -> Result<(), SetupError> {
        let name = self.name.clone();
        for stmt in [
            format!("DROP DATABASE IF EXISTS `{name}`"),
            format!("CREATE DATABASE `{name}`"),
        ] {
            self.admin
                .query_drop(stmt)
                .await
                .map_err(|e| SetupError::SandboxRefused {
                    engine: "mysql".into(),
                    reason: first_line(&e),
                })?;
        }
        self.reconnect()
            .await
            .map_err(|reason| SetupError::Unreachable {
                engine: "mysql",
                url: redact_url(&self.admin_url),
                reason,
            })
    }

    async fn close(mut self: Box<Self>) {
        if let Some(conn) = self.conn.take() {
            let _ = conn.disconnect().await;
        }
        if let Some(task) = self.cleanup_id.take().and_then(cleanup::take) {
            cleanup::run(task).await;
        }
    }
}

impl Drop for MySqlEngine {
    fn drop(&mut self) {
        if let Some(task) = self.cleanup_id.take().and_then(cleanup::take) {
            cleanup::run_blocking(task);
        }
    }
}

/// Removes a sandbox: the database and both user entries.
pub(crate) async fn drop_sandbox(admin_url: &str, name: &str) -> Result<(), SetupError> {
    let mut admin = connect_admin(admin_url).await?;
    let mut first_error = None;
    for stmt in [
        format!("DROP DATABASE IF EXISTS `{name}`"),
        format!("DROP USER IF EXISTS '{name}'@'%'"),
        format!("DROP USER IF EXISTS '{name}'@'localhost'"),
    ] {
        if let Err(e) = admin.query_drop(stmt).await {
            first_error.get_or_insert_with(|| first_line(&e));
        }
    }
    let _ = admin.disconnect().await;
    match first_error {
        None => Ok(()),
        Some(reason) => Err(SetupError::SandboxRefused {
            engine: "mysql".into(),
            reason,
        }),
    }
}
