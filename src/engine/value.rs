//! Normalised values. Every engine adapter converts its native values into
//! these, so results from different engines can be compared directly.

use serde::{Serialize, Serializer};
use std::fmt;

/// A normalised SQL value.
///
/// - Integers of every width (including DuckDB HUGEINT and unsigned types)
///   are `Int`.
/// - `Float` is always `f64`; `f32` values are widened through their shortest
///   decimal form so `REAL 0.1` equals `DOUBLE 0.1`. `-0.0` becomes `0.0`.
/// - `Decimal` holds a canonical decimal string (see [`canonical_decimal`]).
/// - Temporal values are ISO-8601 text with trailing fractional zeros removed.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Decimal(String),
    Text(String),
    Date(String),
    Time(String),
    Timestamp(String),
    Interval(String),
    Blob(Vec<u8>),
}

impl Value {
    pub fn float(v: f64) -> Value {
        Value::Float(if v == 0.0 { 0.0 } else { v })
    }

    pub fn float32(v: f32) -> Value {
        if v.is_finite() {
            Value::float(v.to_string().parse().unwrap_or(v as f64))
        } else {
            Value::Float(v as f64)
        }
    }

    /// A decimal from its text; falls back to `Text` when it is not a number.
    pub fn decimal(text: &str) -> Value {
        match canonical_decimal(text) {
            Some(d) => Value::Decimal(d),
            None if text.eq_ignore_ascii_case("nan") => Value::Float(f64::NAN),
            None => Value::Text(text.to_string()),
        }
    }

    /// A decimal from an unscaled integer and a scale: `(12345, 2)` is 123.45.
    pub fn decimal_scaled(unscaled: i128, scale: u32) -> Value {
        let negative = unscaled < 0;
        let digits = unscaled.unsigned_abs().to_string();
        let scale = scale as usize;
        let text = if scale == 0 {
            digits
        } else if digits.len() > scale {
            format!(
                "{}.{}",
                &digits[..digits.len() - scale],
                &digits[digits.len() - scale..]
            )
        } else {
            format!("0.{}{}", "0".repeat(scale - digits.len()), digits)
        };
        Value::decimal(&format!("{}{}", if negative { "-" } else { "" }, text))
    }

    pub fn timestamp(text: &str) -> Value {
        Value::Timestamp(trim_fraction(text))
    }

    pub fn time(text: &str) -> Value {
        Value::Time(trim_fraction(text))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The value as a number, for loose cross-type comparison.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Decimal(d) => d.parse().ok(),
            _ => None,
        }
    }

    /// The exact decimal text of an integral or decimal value.
    pub fn exact_decimal(&self) -> Option<String> {
        match self {
            Value::Bool(b) => Some(if *b { "1" } else { "0" }.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Decimal(d) => Some(d.clone()),
            _ => None,
        }
    }
}

/// Canonical decimal text: optional `-`, no leading zeros in the integer
/// part, no trailing zeros in the fraction, no `-0`. Exponents are expanded.
/// Returns `None` for text that is not a finite decimal number.
pub fn canonical_decimal(text: &str) -> Option<String> {
    let t = text.trim();
    let (negative, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(p) => (&body[..p], body[p + 1..].parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part
        .bytes()
        .chain(frac_part.bytes())
        .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let mut digits: String = format!("{int_part}{frac_part}");
    let mut point = int_part.len() as i64 + exponent;
    if point < 0 {
        digits = format!("{}{}", "0".repeat((-point) as usize), digits);
        point = 0;
    }
    if point as usize > digits.len() {
        digits.push_str(&"0".repeat(point as usize - digits.len()));
    }
    let (int_digits, frac_digits) = digits.split_at(point as usize);
    let int_digits = int_digits.trim_start_matches('0');
    let frac_digits = frac_digits.trim_end_matches('0');
    let int_digits = if int_digits.is_empty() {
        "0"
    } else {
        int_digits
    };
    let mut out = String::new();
    if negative && !(int_digits == "0" && frac_digits.is_empty()) {
        out.push('-');
    }
    out.push_str(int_digits);
    if !frac_digits.is_empty() {
        out.push('.');
        out.push_str(frac_digits);
    }
    Some(out)
}

/// Removes trailing zeros of a fractional-seconds part: `12:00:01.500000` →
/// `12:00:01.5`, `12:00:01.000` → `12:00:01`. A `T` separator becomes a space.
pub fn trim_fraction(text: &str) -> String {
    let text = text.trim().replacen('T', " ", 1);
    let Some(dot) = text.rfind('.') else {
        return text;
    };
    let frac_len = text[dot + 1..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let frac_end = dot + 1 + frac_len;
    let kept = text[dot + 1..frac_end].trim_end_matches('0');
    let suffix = &text[frac_end..];
    if kept.is_empty() {
        format!("{}{}", &text[..dot], suffix)
    } else {
        format!("{}.{}{}", &text[..dot], kept, suffix)
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(text: &str) -> Option<Vec<u8>> {
    let t = text.trim_start_matches("\\x");
    if !t.len().is_multiple_of(2) {
        return None;
    }
    (0..t.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(t.get(i..i + 2)?, 16).ok())
        .collect()
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("NULL"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Decimal(s)
            | Value::Text(s)
            | Value::Date(s)
            | Value::Time(s)
            | Value::Timestamp(s)
            | Value::Interval(s) => f.write_str(s),
            Value::Blob(b) => write!(f, "\\x{}", hex(b)),
        }
    }
}

/// JSON form: NULL → null, booleans and numbers as JSON, integers beyond
/// ±2^53 and non-finite floats as strings, blobs as `\x`-prefixed hex, the
/// rest as strings.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const SAFE: i128 = 1 << 53;
        match self {
            Value::Null => s.serialize_none(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) if (-SAFE..=SAFE).contains(i) => s.serialize_i64(*i as i64),
            Value::Float(x) if x.is_finite() => s.serialize_f64(*x),
            other => s.serialize_str(&other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_decimals() {
        for (input, want) in [
            ("1.500", "1.5"),
            ("-0.00", "0"),
            ("007", "7"),
            (".5", "0.5"),
            ("1e3", "1000"),
            ("1.25E-2", "0.0125"),
            ("+12.0", "12"),
            ("-3.1400", "-3.14"),
        ] {
            assert_eq!(canonical_decimal(input).as_deref(), Some(want), "{input}");
        }
        assert_eq!(canonical_decimal("abc"), None);
        assert_eq!(canonical_decimal("."), None);
        assert_eq!(canonical_decimal(""), None);
    }

    #[test]
    fn scaled_decimals() {
        assert_eq!(
            Value::decimal_scaled(12345, 2),
            Value::Decimal("123.45".into())
        );
        assert_eq!(
            Value::decimal_scaled(-5, 3),
            Value::Decimal("-0.005".into())
        );
        assert_eq!(Value::decimal_scaled(1200, 2), Value::Decimal("12".into()));
    }

    #[test]
    fn fractions_are_trimmed() {
        assert_eq!(
            trim_fraction("2024-01-02 03:04:05.120000"),
            "2024-01-02 03:04:05.12"
        );
        assert_eq!(
            trim_fraction("2024-01-02T03:04:05.000"),
            "2024-01-02 03:04:05"
        );
        assert_eq!(trim_fraction("03:04:05.500+00:00"), "03:04:05.5+00:00");
        assert_eq!(trim_fraction("2024-01-02"), "2024-01-02");
    }

    #[test]
    fn float32_widens_through_decimal_text() {
        assert_eq!(Value::float32(0.1), Value::Float(0.1));
        assert_eq!(Value::float(-0.0), Value::Float(0.0));
    }

    #[test]
    fn json_form() {
        let row = vec![
            Value::Null,
            Value::Int(1 << 60),
            Value::Blob(vec![1, 255]),
            Value::Float(f64::NAN),
        ];
        assert_eq!(
            serde_json::to_string(&row).unwrap(),
            r#"[null,"1152921504606846976","\\x01ff","NaN"]"#
        );
    }
}
