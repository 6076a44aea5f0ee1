//! DuckDB, embedded (bundled build), in memory, with external access off.

use super::spec::EngineKind;
use super::temporal;
use super::watchdog::Watchdog;
use super::{Column, EngineConfig, EngineError, Outcome, SetupError, SyncEngine, Value};
use crate::sql;
use duckdb::arrow::datatypes::{DataType, IntervalUnit};
use duckdb::types::{TimeUnit, ValueRef};
use duckdb::{Config, Connection};
use std::time::Duration;

pub struct DuckDbEngine {
    // Field order matters: the watchdog holds an interrupt handle and must
    // stop before the connection closes.
    watchdog: Watchdog,
    conn: Connection,
    timeout: Duration,
}

/// The sandbox configuration: no file system or network access, no
/// extension installs or loads, one thread per sandbox.
pub fn sandbox_config() -> duckdb::Result<Config> {
    Config::default()
        .enable_external_access(false)?
        .enable_autoload_extension(false)?
        .with("autoinstall_known_extensions", "false")?
        .with("allow_community_extensions", "false")?
        .threads(1)
}

impl DuckDbEngine {
    pub fn open(config: &EngineConfig) -> Result<Self, SetupError> {
        let conn = open_sandbox().map_err(|e| SetupError::Open {
            engine: "duckdb".into(),
            reason: e.to_string(),
        })?;
        let handle = conn.interrupt_handle();
        Ok(DuckDbEngine {
            watchdog: Watchdog::new(move || handle.interrupt()),
            conn,
            timeout: config.timeout,
        })
    }

    fn run(&self, sql: &str) -> duckdb::Result<Outcome> {
        let mut stmt = self.conn.prepare(sql)?;
        if !returns_rows(sql) {
            let affected = stmt.execute([])?;
            return Ok(Outcome::Done {
                affected: affected as u64,
            });
        }
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        let mut columns = Vec::new();
        while let Some(row) = rows.next()? {
            if columns.is_empty() {
                columns = describe(row.as_ref());
            }
            let mut values = Vec::with_capacity(columns.len());
            for (i, column) in columns.iter().enumerate() {
                // duckdb-rs cannot read a column of the NULL type (`SELECT NULL`).
                values.push(if column.type_name == "NULL" {
                    Value::Null
                } else {
                    convert(row.get_ref(i)?, &column.type_name)
                });
            }
            out.push(values);
        }
        if columns.is_empty() {
            if let Some(stmt) = rows.as_ref() {
                columns = describe(stmt);
            }
        }
        Ok(Outcome::Rows { columns, rows: out })
    }
}

fn open_sandbox() -> duckdb::Result<Connection> {
    Connection::open_in_memory_with_flags(sandbox_config()?)
}

/// Whether a statement produces a result set rather than a change count.
pub(crate) fn returns_rows(sql: &str) -> bool {
    const QUERY_KEYWORDS: [&str; 12] = [
        "SELECT",
        "WITH",
        "VALUES",
        "FROM",
        "TABLE",
        "SHOW",
        "DESCRIBE",
        "DESC",
        "SUMMARIZE",
        "EXPLAIN",
        "PRAGMA",
        "CALL",
    ];
    match sql::leading_keyword(sql) {
        Some(k) if QUERY_KEYWORDS.contains(&k.as_str()) => true,
        _ => sql::has_word(sql, "RETURNING", Default::default()),
    }
}

fn describe(stmt: &duckdb::Statement<'_>) -> Vec<Column> {
    let names = stmt.column_names();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| Column::new(name, type_name(&stmt.column_type(i))))
        .collect()
}

fn type_name(t: &DataType) -> String {
    match t {
        DataType::Boolean => "BOOLEAN".into(),
        DataType::Int8 => "TINYINT".into(),
        DataType::Int16 => "SMALLINT".into(),
        DataType::Int32 => "INTEGER".into(),
        DataType::Int64 => "BIGINT".into(),
        DataType::UInt8 => "UTINYINT".into(),
        DataType::UInt16 => "USMALLINT".into(),
        DataType::UInt32 => "UINTEGER".into(),
        DataType::UInt64 => "UBIGINT".into(),
        DataType::Float16 | DataType::Float32 => "FLOAT".into(),
        DataType::Float64 => "DOUBLE".into(),
        DataType::Decimal128(38, 0) => "HUGEINT".into(),
        DataType::Decimal128(p, s) | DataType::Decimal256(p, s) => format!("DECIMAL({p},{s})"),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => "VARCHAR".into(),
        DataType::Binary
        | DataType::LargeBinary
        | DataType::BinaryView
        | DataType::FixedSizeBinary(_) => "BLOB".into(),
        DataType::Date32 | DataType::Date64 => "DATE".into(),
        DataType::Time32(_) | DataType::Time64(_) => "TIME".into(),
        DataType::Timestamp(_, None) => "TIMESTAMP".into(),
        DataType::Timestamp(_, Some(_)) => "TIMESTAMPTZ".into(),
        DataType::Interval(IntervalUnit::MonthDayNano)
        | DataType::Interval(_)
        | DataType::Duration(_) => "INTERVAL".into(),
        DataType::Null => "NULL".into(),
        other => format!("{other:?}").to_ascii_uppercase(),
    }
}

fn micros(unit: TimeUnit, v: i64) -> i64 {
    unit.to_micros(v)
}

fn convert(v: ValueRef<'_>, type_name: &str) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Boolean(b) => Value::Bool(b),
        ValueRef::TinyInt(i) => Value::Int(i.into()),
        ValueRef::SmallInt(i) => Value::Int(i.into()),
        ValueRef::Int(i) => Value::Int(i.into()),
        ValueRef::BigInt(i) => Value::Int(i.into()),
        ValueRef::HugeInt(i) => Value::Int(i),
        ValueRef::UHugeInt(u) => {
            i128::try_from(u).map_or_else(|_| Value::decimal(&u.to_string()), Value::Int)
        }
        ValueRef::UTinyInt(i) => Value::Int(i.into()),
        ValueRef::USmallInt(i) => Value::Int(i.into()),
        ValueRef::UInt(i) => Value::Int(i.into()),
        ValueRef::UBigInt(i) => Value::Int(i.into()),
        ValueRef::Float(f) => Value::float32(f),
        ValueRef::Double(f) => Value::float(f),
        ValueRef::Decimal(d) => Value::decimal_scaled(d.value(), d.scale().into()),
        ValueRef::Timestamp(unit, v) => {
            temporal::timestamp_from_micros(micros(unit, v), type_name == "TIMESTAMPTZ")
        }
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) | ValueRef::Geometry(b) => Value::Blob(b.to_vec()),
        ValueRef::Date32(days) => temporal::date_from_days(days),
        ValueRef::Time64(unit, v) => temporal::time_from_micros(micros(unit, v)),
        ValueRef::Interval {
            months,
            days,
            nanos,
        } => temporal::interval(months.into(), days.into(), nanos / 1000),
        nested => Value::Text(format!("{:?}", nested.to_owned())),
    }
}

fn engine_error(e: &duckdb::Error) -> EngineError {
    let message = match e {
        duckdb::Error::DuckDBFailure(_, Some(m)) => m.clone(),
        other => other.to_string(),
    };
    // DuckDB messages start with their error class: "Binder Error: ...".
    let code = message
        .split_once(" Error:")
        .map(|(class, _)| class.trim().to_ascii_uppercase().replace(' ', "_"))
        .filter(|c| c.len() < 32 && !c.contains(['\n', ':']));
    EngineError {
        message,
        code,
        engine: "duckdb".into(),
    }
}

impl SyncEngine for DuckDbEngine {
    fn kind(&self) -> EngineKind {
        EngineKind::DuckDb
    }

    fn version(&self) -> String {
        self.conn.version().unwrap_or_else(|_| "unknown".into())
    }

    fn execute(&mut self, sql: &str) -> Outcome {
        self.watchdog.arm(self.timeout);
        // duckdb-rs panics on a few result types it cannot decode; that is
        // the driver's failure on this statement, not a reason to abort.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.run(sql)));
        let fired = self.watchdog.disarm();
        let result = match result {
            Ok(r) => r,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                return Outcome::Error(EngineError {
                    message: format!("duckdb-rs could not decode the result: {what}"),
                    code: Some("CLIENT".into()),
                    engine: "duckdb".into(),
                });
            }
        };
        match result {
            Ok(outcome) => outcome,
            Err(_) if fired => Outcome::Timeout {
                after_ms: self.timeout.as_millis() as u64,
            },
            Err(e) => Outcome::Error(engine_error(&e)),
        }
    }

    fn reset(&mut self) -> Result<(), SetupError> {
        let fresh = DuckDbEngine::open(&EngineConfig {
            timeout: self.timeout,
            ..EngineConfig::default()
        })?;
        *self = fresh;
        Ok(())
    }
}
