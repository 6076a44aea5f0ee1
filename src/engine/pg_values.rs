//! PostgreSQL value decoding: binary results for the common types, text
//! results (simple protocol) for the rest, both into normalised [`Value`]s.

use super::temporal;
use super::value::Value;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use std::error::Error;
use tokio_postgres::types::{FromSql, Type};
use tokio_postgres::Row;

type BoxError = Box<dyn Error + Sync + Send>;

/// NUMERIC in binary form, decoded to canonical decimal text.
struct Numeric(Value);

impl<'a> FromSql<'a> for Numeric {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        let word = |i: usize| -> Result<i16, BoxError> {
            raw.get(i..i + 2)
                .map(|b| i16::from_be_bytes([b[0], b[1]]))
                .ok_or_else(|| "short NUMERIC".into())
        };
        let ndigits = word(0)? as usize;
        let weight = word(2)? as i64;
        let sign = word(4)? as u16;
        match sign {
            0xC000 => return Ok(Numeric(Value::Float(f64::NAN))),
            0xD000 => return Ok(Numeric(Value::Float(f64::INFINITY))),
            0xF000 => return Ok(Numeric(Value::Float(f64::NEG_INFINITY))),
            _ => {}
        }
        // Base-10000 digits; the first has weight `weight`.
        let mut int_part = String::new();
        let mut frac_part = String::new();
        for k in 0..ndigits {
            let digit = word(8 + 2 * k)?;
            let position = weight - k as i64;
            if position >= 0 {
                int_part.push_str(&format!("{digit:04}"));
            } else {
                if frac_part.is_empty() && position < -1 {
                    frac_part.push_str(&"0000".repeat((-position - 1) as usize));
                }
                frac_part.push_str(&format!("{digit:04}"));
            }
        }
        let trailing_int_groups = (weight + 1 - ndigits as i64).max(0) as usize;
        int_part.push_str(&"0000".repeat(trailing_int_groups));
        let text = format!(
            "{}{}.{}",
            if sign == 0x4000 { "-" } else { "" },
            if int_part.is_empty() { "0" } else { &int_part },
            if frac_part.is_empty() {
                "0"
            } else {
                &frac_part
            }
        );
        Ok(Numeric(Value::decimal(&text)))
    }
    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }
}

/// INTERVAL in binary form: microseconds, days, months.
struct Interval(Value);

impl<'a> FromSql<'a> for Interval {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        if raw.len() != 16 {
            return Err("bad INTERVAL".into());
        }
        let micros = i64::from_be_bytes(raw[0..8].try_into()?);
        let days = i32::from_be_bytes(raw[8..12].try_into()?);
        let months = i32::from_be_bytes(raw[12..16].try_into()?);
        Ok(Interval(temporal::interval(
            months.into(),
            days.into(),
            micros,
        )))
    }
    fn accepts(ty: &Type) -> bool {
        *ty == Type::INTERVAL
    }
}

/// Whether every column can be read in binary form by [`binary_value`].
pub fn binary_supported(ty: &Type) -> bool {
    [
        Type::BOOL,
        Type::INT2,
        Type::INT4,
        Type::INT8,
        Type::OID,
        Type::FLOAT4,
        Type::FLOAT8,
        Type::NUMERIC,
        Type::TEXT,
        Type::VARCHAR,
        Type::BPCHAR,
        Type::NAME,
        Type::DATE,
        Type::TIME,
        Type::TIMESTAMP,
        Type::TIMESTAMPTZ,
        Type::BYTEA,
        Type::INTERVAL,
    ]
    .contains(ty)
}

fn get<'a, T: FromSql<'a>>(row: &'a Row, i: usize) -> Result<Option<T>, tokio_postgres::Error> {
    row.try_get::<_, Option<T>>(i)
}

/// Decodes column `i` of a binary row. Values chrono cannot represent
/// (`infinity` dates) come back as text.
pub fn binary_value(row: &Row, i: usize, ty: &Type) -> Value {
    let decoded: Result<Option<Value>, tokio_postgres::Error> = match *ty {
        Type::BOOL => get::<bool>(row, i).map(|v| v.map(Value::Bool)),
        Type::INT2 => get::<i16>(row, i).map(|v| v.map(|x| Value::Int(x.into()))),
        Type::INT4 => get::<i32>(row, i).map(|v| v.map(|x| Value::Int(x.into()))),
        Type::INT8 => get::<i64>(row, i).map(|v| v.map(|x| Value::Int(x.into()))),
        Type::OID => get::<u32>(row, i).map(|v| v.map(|x| Value::Int(x.into()))),
        Type::FLOAT4 => get::<f32>(row, i).map(|v| v.map(Value::float32)),
        Type::FLOAT8 => get::<f64>(row, i).map(|v| v.map(Value::float)),
        Type::NUMERIC => get::<Numeric>(row, i).map(|v| v.map(|n| n.0)),
        Type::DATE => get::<NaiveDate>(row, i)
            .map(|v| v.map(|d| Value::Date(d.format("%Y-%m-%d").to_string()))),
        Type::TIME => get::<NaiveTime>(row, i).map(|v| v.map(temporal::time)),
        Type::TIMESTAMP => {
            get::<NaiveDateTime>(row, i).map(|v| v.map(|t| temporal::timestamp(t, false)))
        }
        Type::TIMESTAMPTZ => get::<DateTime<Utc>>(row, i)
            .map(|v| v.map(|t| temporal::timestamp(t.naive_utc(), true))),
        Type::BYTEA => get::<Vec<u8>>(row, i).map(|v| v.map(Value::Blob)),
        Type::INTERVAL => get::<Interval>(row, i).map(|v| v.map(|n| n.0)),
        _ => get::<String>(row, i).map(|v| v.map(Value::Text)),
    };
    match decoded {
        Ok(Some(v)) => v,
        Ok(None) => Value::Null,
        Err(_) => Value::Text(format!("<unrepresentable {}>", ty.name())),
    }
}

/// Decodes a text-protocol value of type `ty`.
pub fn text_value(text: Option<&str>, ty: &Type) -> Value {
    let Some(t) = text else {
        return Value::Null;
    };
    let float = |t: &str| match t {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ => t.parse().ok(),
    };
    match *ty {
        Type::BOOL => Value::Bool(t == "t"),
        Type::INT2 | Type::INT4 | Type::INT8 | Type::OID => t
            .parse()
            .map(Value::Int)
            .unwrap_or_else(|_| Value::Text(t.into())),
        Type::FLOAT4 | Type::FLOAT8 => float(t)
            .map(Value::float)
            .unwrap_or_else(|| Value::Text(t.into())),
        Type::NUMERIC => Value::decimal(t),
        Type::DATE => Value::Date(t.into()),
        Type::TIME | Type::TIMETZ => Value::time(t),
        Type::TIMESTAMP | Type::TIMESTAMPTZ => Value::timestamp(t),
        Type::BYTEA => super::value::unhex(t)
            .map(Value::Blob)
            .unwrap_or_else(|| Value::Text(t.into())),
        _ => Value::Text(t.into()),
    }
}

/// The type name reported for a result column.
pub fn type_name(ty: &Type) -> String {
    match *ty {
        Type::BOOL => "BOOLEAN".into(),
        Type::INT2 => "SMALLINT".into(),
        Type::INT4 => "INTEGER".into(),
        Type::INT8 => "BIGINT".into(),
        Type::FLOAT4 => "REAL".into(),
        Type::FLOAT8 => "DOUBLE PRECISION".into(),
        Type::NUMERIC => "NUMERIC".into(),
        Type::BPCHAR => "CHAR".into(),
        Type::TIMESTAMPTZ => "TIMESTAMPTZ".into(),
        _ => ty.name().to_ascii_uppercase(),
    }
}
