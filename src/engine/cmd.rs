//! External drivers: any DBMS behind a subprocess speaking JSON lines on
//! stdin/stdout (docs/CMD_PROTOCOL.md). One request per line, one reply per
//! line. A driver that hangs past the timeout is killed and restarted with a
//! fresh database; one that dies or prints garbage yields `Crashed` and is
//! restarted on the next statement.

use super::spec::EngineKind;
use super::{value, Column, Engine, EngineConfig, EngineError, Outcome, SetupError, Value};
use async_trait::async_trait;
use serde::Deserialize;
use serde_json::json;
use std::collections::VecDeque;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

/// How long a driver may take to start and answer the version request.
const START_TIMEOUT: Duration = Duration::from_secs(10);
const STDERR_LINES: usize = 5;

struct Driver {
    child: Child,
    stdin: ChildStdin,
    stdout: Lines<BufReader<ChildStdout>>,
    stderr: Arc<Mutex<VecDeque<String>>>,
}

pub struct CmdEngine {
    command: String,
    driver: Option<Driver>,
    timeout: Duration,
    version: String,
}

#[derive(Deserialize)]
struct Reply {
    version: Option<String>,
    columns: Option<Vec<ReplyColumn>>,
    rows: Option<Vec<Vec<serde_json::Value>>>,
    affected: Option<u64>,
    error: Option<ReplyError>,
    ok: Option<bool>,
}

#[derive(Deserialize)]
struct ReplyColumn {
    name: String,
    #[serde(rename = "type", default)]
    type_name: String,
}

#[derive(Deserialize)]
struct ReplyError {
    message: String,
    code: Option<serde_json::Value>,
}

/// Why talking to the driver failed.
enum Fault {
    TimedOut,
    Broken(String),
}

impl Driver {
    async fn spawn(command: &str) -> Result<Driver, String> {
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(command)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot start: {e}"))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?).lines();
        let stderr = Arc::new(Mutex::new(VecDeque::new()));
        if let Some(err) = child.stderr.take() {
            let sink = Arc::clone(&stderr);
            tokio::spawn(async move {
                let mut lines = BufReader::new(err).lines();
                while let Ok(Some(line)) = lines.next_line().await {
                    let mut buf = sink.lock().unwrap_or_else(|e| e.into_inner());
                    if buf.len() == STDERR_LINES {
                        buf.pop_front();
                    }
                    buf.push_back(line);
                }
            });
        }
        Ok(Driver {
            child,
            stdin,
            stdout,
            stderr,
        })
    }

    async fn request(
        &mut self,
        request: serde_json::Value,
        timeout: Duration,
    ) -> Result<Reply, Fault> {
        let line = format!("{request}\n");
        let exchange = async {
            self.stdin
                .write_all(line.as_bytes())
                .await
                .map_err(|e| self.died(&e.to_string()))?;
            self.stdin
                .flush()
                .await
                .map_err(|e| self.died(&e.to_string()))?;
            match self.stdout.next_line().await {
                Ok(Some(reply)) => serde_json::from_str::<Reply>(&reply).map_err(|e| {
                    let shown: String = reply.chars().take(80).collect();
                    Fault::Broken(format!("driver printed garbage ({e}): {shown}"))
                }),
                Ok(None) => Err(self.died("closed its stdout")),
                Err(e) => Err(self.died(&e.to_string())),
            }
        };
        match tokio::time::timeout(timeout, exchange).await {
            Ok(r) => r,
            Err(_) => Err(Fault::TimedOut),
        }
    }

    fn died(&self, what: &str) -> Fault {
        let stderr: Vec<String> = self
            .stderr
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .cloned()
            .collect();
        let tail = stderr
            .last()
            .map(|l| format!("; stderr: {l}"))
            .unwrap_or_default();
        Fault::Broken(format!("driver died ({what}){tail}"))
    }
}

impl CmdEngine {
    pub async fn open(command: &str, config: &EngineConfig) -> Result<Self, SetupError> {
        let mut engine = CmdEngine {
            command: command.to_string(),
            driver: None,
            timeout: config.timeout,
            version: String::new(),
        };
        engine.start().await.map_err(|reason| SetupError::Driver {
            command: command.to_string(),
            reason,
        })?;
        Ok(engine)
    }

    async fn start(&mut self) -> Result<(), String> {
        self.stop().await;
        let mut driver = Driver::spawn(&self.command).await?;
        match driver
            .request(json!({"op": "version"}), START_TIMEOUT)
            .await
        {
            Ok(Reply {
                version: Some(v), ..
            }) => self.version = v,
            Ok(_) => return Err("the reply to {\"op\":\"version\"} has no \"version\"".into()),
            Err(Fault::TimedOut) => {
                return Err(format!("no reply within {}s", START_TIMEOUT.as_secs()))
            }
            Err(Fault::Broken(m)) => return Err(m),
        }
        self.driver = Some(driver);
        Ok(())
    }

    async fn stop(&mut self) {
        if let Some(mut d) = self.driver.take() {
            let _ = d.child.kill().await;
        }
    }

    fn reply_to_outcome(&self, reply: Reply) -> Outcome {
        if let Some(err) = reply.error {
            return Outcome::Error(EngineError {
                message: err.message,
                code: err.code.map(|c| match c {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                }),
                engine: self.name(),
            });
        }
        if let Some(cols) = reply.columns {
            let columns: Vec<Column> = cols
                .into_iter()
                .map(|c| Column::new(c.name, c.type_name))
                .collect();
            let rows = reply
                .rows
                .unwrap_or_default()
                .into_iter()
                .map(|row| {
                    row.into_iter()
                        .enumerate()
                        .map(|(i, v)| {
                            json_value(v, columns.get(i).map_or("", |c| c.type_name.as_str()))
                        })
                        .collect()
                })
                .collect();
            return Outcome::Rows { columns, rows };
        }
        match reply.affected {
            Some(affected) => Outcome::Done { affected },
            None => Outcome::Crashed {
                message: "driver reply has none of columns, affected or error".into(),
            },
        }
    }
}

/// Converts a JSON value from a driver, guided by its column type.
pub fn json_value(v: serde_json::Value, type_name: &str) -> Value {
    use serde_json::Value as J;
    let t = type_name.to_ascii_uppercase();
    match v {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(b),
        J::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Value::Int(i.into()),
            (None, Some(u)) => Value::Int(u.into()),
            _ => Value::float(n.as_f64().unwrap_or(f64::NAN)),
        },
        J::String(s) => {
            if t.starts_with("DECIMAL") || t.starts_with("NUMERIC") {
                Value::decimal(&s)
            } else if t.starts_with("TIMESTAMP") || t.starts_with("DATETIME") {
                Value::timestamp(&s)
            } else if t == "DATE" {
                Value::Date(s)
            } else if t.starts_with("TIME") {
                Value::time(&s)
            } else if t == "BLOB" || t == "BYTEA" || t.contains("BINARY") {
                value::unhex(&s).map(Value::Blob).unwrap_or(Value::Text(s))
            } else {
                Value::Text(s)
            }
        }
        other => Value::Text(other.to_string()),
    }
}

#[async_trait]
impl Engine for CmdEngine {
    fn kind(&self) -> EngineKind {
        EngineKind::Cmd
    }
    fn name(&self) -> String {
        format!("cmd:{}", self.command)
    }
    fn version(&self) -> String {
        self.version.clone()
    }

    async fn execute(&mut self, sql: &str) -> Outcome {
        if self.driver.is_none() {
            if let Err(message) = self.start().await {
                return Outcome::Crashed { message };
            }
        }
        let Some(driver) = self.driver.as_mut() else {
            return Outcome::Crashed {
                message: "driver not running".into(),
            };
        };
        match driver
            .request(json!({"op": "execute", "sql": sql}), self.timeout)
            .await
        {
            Ok(reply) => self.reply_to_outcome(reply),
            Err(Fault::TimedOut) => {
                // There is no portable way to interrupt a driver: restart it.
                let _ = self.start().await;
                Outcome::Timeout {
                    after_ms: self.timeout.as_millis() as u64,
                }
            }
            Err(Fault::Broken(message)) => {
                self.stop().await;
                Outcome::Crashed { message }
            }
        }
    }

    async fn reset(&mut self) -> Result<(), SetupError> {
        let command = self.command.clone();
        let failed = |reason: String| SetupError::Driver { command, reason };
        let Some(driver) = self.driver.as_mut() else {
            return self.start().await.map_err(failed);
        };
        match driver.request(json!({"op": "reset"}), START_TIMEOUT).await {
            Ok(Reply { ok: Some(true), .. }) => Ok(()),
            Ok(Reply { error: Some(e), .. }) => Err(failed(e.message)),
            _ => self.start().await.map_err(failed),
        }
    }

    async fn close(mut self: Box<Self>) {
        if let Some(mut d) = self.driver.take() {
            drop(d.stdin);
            if tokio::time::timeout(Duration::from_secs(1), d.child.wait())
                .await
                .is_err()
            {
                let _ = d.child.kill().await;
            }
        }
    }
}
