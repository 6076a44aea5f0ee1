//! Temporal formatting shared by the adapters: ISO-8601 text, microsecond
//! precision, trailing fractional zeros removed.

use super::value::{trim_fraction, Value};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

pub fn date_from_days(days: i32) -> Value {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    match epoch.checked_add_signed(chrono::Duration::days(days.into())) {
        Some(d) => Value::Date(d.format("%Y-%m-%d").to_string()),
        None => Value::Date(format!("{days} days since 1970-01-01")),
    }
}

pub fn timestamp_from_micros(micros: i64, utc_offset: bool) -> Value {
    match DateTime::from_timestamp_micros(micros) {
        Some(dt) => timestamp(dt.naive_utc(), utc_offset),
        None => Value::Timestamp(format!("{micros} us since epoch")),
    }
}

pub fn timestamp(dt: NaiveDateTime, utc_offset: bool) -> Value {
    let text = trim_fraction(&dt.format("%Y-%m-%d %H:%M:%S%.6f").to_string());
    Value::Timestamp(if utc_offset {
        format!("{text}+00")
    } else {
        text
    })
}

pub fn time(t: NaiveTime) -> Value {
    Value::time(&t.format("%H:%M:%S%.6f").to_string())
}

pub fn time_from_micros(micros: i64) -> Value {
    let secs = micros.div_euclid(1_000_000);
    let nanos = (micros.rem_euclid(1_000_000) * 1000) as u32;
    match NaiveTime::from_num_seconds_from_midnight_opt(secs as u32, nanos) {
        Some(t) if secs < 86_400 => time(t),
        _ => Value::time(&format!(
            "{:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )),
    }
}

/// A canonical interval text shared by all engines: `<months> mons <days>
/// days <micros> us`.
pub fn interval(months: i64, days: i64, micros: i64) -> Value {
    Value::Interval(format!("{months} mons {days} days {micros} us"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(date_from_days(19_723), Value::Date("2024-01-01".into()));
        assert_eq!(
            timestamp_from_micros(1_704_067_200_500_000, false),
            Value::Timestamp("2024-01-01 00:00:00.5".into())
        );
        assert_eq!(
            time_from_micros(3_723_000_000),
            Value::Time("01:02:03".into())
        );
    }
}
