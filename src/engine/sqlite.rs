//! SQLite, embedded (bundled build), in memory. ATTACH (and so VACUUM INTO)
//! is refused and extension loading is off.

use super::spec::EngineKind;
use super::{Column, EngineConfig, EngineError, Outcome, SetupError, SyncEngine, Value};
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::limits::Limit;
use rusqlite::types::ValueRef;
use rusqlite::{config::DbConfig, Connection};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct SqliteEngine {
    conn: Connection,
    timeout: Duration,
    /// Deadline in nanoseconds after `epoch`; 0 when no statement runs.
    deadline: Arc<AtomicU64>,
    epoch: Instant,
}

/// VM instructions between deadline checks (about 50-100 µs of work).
const PROGRESS_OPS: i32 = 10_000;

impl SqliteEngine {
    pub fn open(config: &EngineConfig) -> Result<Self, SetupError> {
        let err = |e: rusqlite::Error| SetupError::Open {
            engine: "sqlite".into(),
            reason: e.to_string(),
        };
        let mut conn = Connection::open_in_memory().map_err(err)?;
        harden(&mut conn).map_err(err)?;
        let deadline = Arc::new(AtomicU64::new(0));
        let epoch = Instant::now();
        let watched = Arc::clone(&deadline);
        conn.progress_handler(
            PROGRESS_OPS,
            Some(move || {
                let d = watched.load(Ordering::Relaxed);
                d != 0 && epoch.elapsed().as_nanos() as u64 > d
            }),
        )
        .map_err(err)?;
        Ok(SqliteEngine {
            conn,
            timeout: config.timeout,
            deadline,
            epoch,
        })
    }

    fn run(&self, sql: &str) -> rusqlite::Result<Outcome> {
        let mut stmt = self.conn.prepare(sql)?;
        let width = stmt.column_count();
        if width == 0 {
            let affected = stmt.raw_execute()?;
            return Ok(Outcome::Done {
                affected: affected as u64,
            });
        }
        let mut columns: Vec<Column> = stmt
            .columns()
            .map(|c| Column::new(c.name(), c.decl_type().unwrap_or_default()))
            .collect();
        let mut inferred: Vec<Option<&'static str>> = vec![None; width];
        let mut out = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(width);
            for (i, slot) in inferred.iter_mut().enumerate() {
                let v = row.get_ref(i)?;
                if slot.is_none() {
                    *slot = storage_class(&v);
                }
                values.push(convert(v));
            }
            out.push(values);
        }
        // Expressions have no declared type: report the storage class seen.
        for (column, seen) in columns.iter_mut().zip(inferred) {
            if column.type_name.is_empty() {
                column.type_name = seen.unwrap_or_default().to_string();
            }
        }
        Ok(Outcome::Rows { columns, rows: out })
    }
}

fn harden(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    // Extension loading stays off: rusqlite's load_extension feature is not
    // enabled, and the SQL function load_extension() is off by default.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.authorizer(Some(|ctx: AuthContext<'_>| match ctx.action {
        AuthAction::Attach { .. } => Authorization::Deny,
        _ => Authorization::Allow,
    }))?;
    Ok(())
}

fn storage_class(v: &ValueRef<'_>) -> Option<&'static str> {
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(_) => Some("INTEGER"),
        ValueRef::Real(_) => Some("REAL"),
        ValueRef::Text(_) => Some("TEXT"),
        ValueRef::Blob(_) => Some("BLOB"),
    }
}

fn convert(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i.into()),
        ValueRef::Real(f) => Value::float(f),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

/// Names of the extended result codes worth telling apart.
fn code_name(extended: i32) -> String {
    let name = match extended {
        1 => "SQLITE_ERROR",
        9 => "SQLITE_INTERRUPT",
        18 => "SQLITE_TOOBIG",
        19 => "SQLITE_CONSTRAINT",
        20 => "SQLITE_MISMATCH",
        23 => "SQLITE_AUTH",
        25 => "SQLITE_RANGE",
        275 => "SQLITE_CONSTRAINT_CHECK",
        787 => "SQLITE_CONSTRAINT_FOREIGNKEY",
        1299 => "SQLITE_CONSTRAINT_NOTNULL",
        1555 => "SQLITE_CONSTRAINT_PRIMARYKEY",
        2067 => "SQLITE_CONSTRAINT_UNIQUE",
        3091 => "SQLITE_CONSTRAINT_DATATYPE",
        _ => return format!("SQLITE_{extended}"),
    };
    name.to_string()
}

fn engine_error(e: &rusqlite::Error) -> (EngineError, bool) {
    let (message, code, interrupted) = match e {
        rusqlite::Error::SqliteFailure(f, m) => (
            m.clone().unwrap_or_else(|| f.to_string()),
            Some(code_name(f.extended_code)),
            f.code == rusqlite::ErrorCode::OperationInterrupted,
        ),
        rusqlite::Error::SqlInputError { error, msg, .. } => {
            (msg.clone(), Some(code_name(error.extended_code)), false)
        }
        other => (other.to_string(), None, false),
    };
    (
        EngineError {
            message,
            code,
            engine: "sqlite".into(),
        },
        interrupted,
    )
}

impl SyncEngine for SqliteEngine {
    fn kind(&self) -> EngineKind {
        EngineKind::Sqlite
    }

    fn version(&self) -> String {
        rusqlite::version().to_string()
    }

    fn execute(&mut self, sql: &str) -> Outcome {
        let deadline = (self.epoch.elapsed() + self.timeout).as_nanos() as u64;
        self.deadline.store(deadline.max(1), Ordering::Relaxed);
        let result = self.run(sql);
        self.deadline.store(0, Ordering::Relaxed);
        match result {
            Ok(outcome) => outcome,
            Err(e) => match engine_error(&e) {
                (_, true) => Outcome::Timeout {
                    after_ms: self.timeout.as_millis() as u64,
                },
                (err, false) => Outcome::Error(err),
            },
        }
    }

    fn reset(&mut self) -> Result<(), SetupError> {
        *self = SqliteEngine::open(&EngineConfig {
            timeout: self.timeout,
            ..EngineConfig::default()
        })?;
        Ok(())
    }
}
