//! Result comparison: multisets by default, ordered on request, floats with a
//! tolerance, NULL equal to NULL.

use super::value::Value;
use serde::Serialize;
use std::cmp::Ordering;

/// How two results are compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompareOptions {
    /// Compare row by row in order (only for a top-level ORDER BY).
    pub ordered: bool,
    /// Relative float tolerance.
    pub rel_tolerance: f64,
    /// Absolute float tolerance, for values near zero.
    pub abs_tolerance: f64,
    /// Cross-engine mode: treat BOOL, INT, DECIMAL and FLOAT as numbers
    /// (MySQL's 0/1 booleans, DECIMAL vs DOUBLE results), and temporal values
    /// as their ISO text (SQLite stores dates as TEXT).
    pub loose_numeric: bool,
    /// Compare text the way MySQL's default collations do: ignoring case
    /// and trailing spaces, so two values the engine treats as one group
    /// or one DISTINCT value compare equal whichever spelling it returned.
    pub collated_text: bool,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            ordered: false,
            rel_tolerance: 1e-9,
            abs_tolerance: 1e-12,
            loose_numeric: true,
            collated_text: false,
        }
    }
}

/// Why two results differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Mismatch {
    ColumnCount {
        left: usize,
        right: usize,
    },
    RowCount {
        left: usize,
        right: usize,
    },
    /// A row present on one side only (multiset mode), or the first differing
    /// row (ordered mode).
    Row {
        index: usize,
        left: Option<Vec<Value>>,
        right: Option<Vec<Value>>,
    },
}

pub fn values_equal(a: &Value, b: &Value, opts: &CompareOptions) -> bool {
    use Value::*;
    match (a, b) {
        (Null, Null) => true,
        (Null, _) | (_, Null) => false,
        (Text(x), Text(y)) if opts.collated_text => collate(x) == collate(y),
        (Float(x), Float(y)) => floats_equal(*x, *y, opts),
        (Int(x), Int(y)) => x == y,
        (Decimal(x), Decimal(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        _ if opts.loose_numeric && is_numeric(a) && is_numeric(b) => {
            match (a.exact_decimal(), b.exact_decimal()) {
                (Some(x), Some(y)) => x == y,
                _ => match (a.as_f64(), b.as_f64()) {
                    (Some(x), Some(y)) => floats_equal(x, y, opts),
                    _ => false,
                },
            }
        }
        _ if opts.loose_numeric => match (temporal_text(a), temporal_text(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a == b,
        },
        _ => a == b,
    }
}

fn collate(s: &str) -> String {
    s.trim_end_matches(' ').to_lowercase()
}

/// Text and temporal values as comparable text (loose mode only).
fn temporal_text(v: &Value) -> Option<&str> {
    match v {
        Value::Text(s) | Value::Date(s) | Value::Time(s) | Value::Timestamp(s) => Some(s),
        _ => None,
    }
}

fn is_numeric(v: &Value) -> bool {
    matches!(
        v,
        Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Decimal(_)
    )
}

fn floats_equal(x: f64, y: f64, opts: &CompareOptions) -> bool {
    if x.is_nan() || y.is_nan() {
        return x.is_nan() && y.is_nan();
    }
    if x == y {
        return true;
    }
    let diff = (x - y).abs();
    diff <= opts.abs_tolerance || diff <= opts.rel_tolerance * x.abs().max(y.abs())
}

pub fn rows_equal(a: &[Value], b: &[Value], opts: &CompareOptions) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| values_equal(x, y, opts))
}

/// Compares two row sets. `Ok(())` when they are equal under `opts`.
pub fn compare_rows(
    left: &[Vec<Value>],
    right: &[Vec<Value>],
    opts: &CompareOptions,
) -> Result<(), Mismatch> {
    let width = |rows: &[Vec<Value>]| rows.first().map(Vec::len);
    if let (Some(l), Some(r)) = (width(left), width(right)) {
        if l != r {
            return Err(Mismatch::ColumnCount { left: l, right: r });
        }
    }
    if left.len() != right.len() {
        return Err(Mismatch::RowCount {
            left: left.len(),
            right: right.len(),
        });
    }
    if opts.ordered {
        return match left
            .iter()
            .zip(right)
            .position(|(a, b)| !rows_equal(a, b, opts))
        {
            None => Ok(()),
            Some(index) => Err(Mismatch::Row {
                index,
                left: Some(left[index].clone()),
                right: Some(right[index].clone()),
            }),
        };
    }
    let mut l: Vec<&Vec<Value>> = left.iter().collect();
    let mut r: Vec<&Vec<Value>> = right.iter().collect();
    l.sort_by(|a, b| cmp_rows(a, b, opts));
    r.sort_by(|a, b| cmp_rows(a, b, opts));
    if l.iter().zip(&r).all(|(a, b)| rows_equal(a, b, opts)) {
        return Ok(());
    }
    // Sorting with tolerance can misalign rows whose floats straddle a rounding
    // boundary; confirm the mismatch with a greedy matching before reporting.
    greedy_match(&l, &r, opts)
}

fn greedy_match(
    left: &[&Vec<Value>],
    right: &[&Vec<Value>],
    opts: &CompareOptions,
) -> Result<(), Mismatch> {
    let mut used = vec![false; right.len()];
    for (index, row) in left.iter().enumerate() {
        let found = (0..right.len()).find(|&j| !used[j] && rows_equal(row, right[j], opts));
        match found {
            Some(j) => used[j] = true,
            None => {
                let extra = used.iter().position(|u| !u).map(|j| right[j].clone());
                return Err(Mismatch::Row {
                    index,
                    left: Some((*row).clone()),
                    right: extra,
                });
            }
        }
    }
    Ok(())
}

/// A total order used only to line rows up; equal rows under tolerance sort
/// next to each other except at rounding boundaries.
fn cmp_rows(a: &[Value], b: &[Value], opts: &CompareOptions) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = cmp_values(x, y, opts);
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

fn rank(v: &Value, opts: &CompareOptions) -> u8 {
    match v {
        Value::Null => 0,
        Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Decimal(_)
            if opts.loose_numeric =>
        {
            1
        }
        Value::Bool(_) => 2,
        Value::Int(_) => 3,
        Value::Decimal(_) => 4,
        Value::Float(_) => 5,
        Value::Text(_) | Value::Date(_) | Value::Time(_) | Value::Timestamp(_)
            if opts.loose_numeric =>
        {
            6
        }
        Value::Text(_) => 6,
        Value::Date(_) => 7,
        Value::Time(_) => 8,
        Value::Timestamp(_) => 9,
        Value::Interval(_) => 10,
        Value::Blob(_) => 11,
    }
}

fn sort_key_f64(v: &Value) -> f64 {
    let x = v.as_f64().unwrap_or(f64::NAN);
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    // Round to 9 significant digits so values equal under tolerance tie.
    let magnitude = 10f64.powi(8 - x.abs().log10().floor() as i32);
    (x * magnitude).round() / magnitude
}

fn cmp_values(a: &Value, b: &Value, opts: &CompareOptions) -> Ordering {
    let (ra, rb) = (rank(a, opts), rank(b, opts));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Interval(x), Value::Interval(y)) => x.cmp(y),
        (Value::Blob(x), Value::Blob(y)) => x.cmp(y),
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Text(x), Value::Text(y)) if opts.collated_text => collate(x).cmp(&collate(y)),
        _ => match (temporal_text(a), temporal_text(b)) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => sort_key_f64(a).total_cmp(&sort_key_f64(b)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Value::*;

    #[test]
    fn multiset_ignores_order_but_not_multiplicity() {
        let o = CompareOptions::default();
        let a = vec![vec![Int(1)], vec![Int(2)], vec![Int(2)]];
        let b = vec![vec![Int(2)], vec![Int(1)], vec![Int(2)]];
        let c = vec![vec![Int(1)], vec![Int(1)], vec![Int(2)]];
        assert!(compare_rows(&a, &b, &o).is_ok());
        assert!(matches!(
            compare_rows(&a, &c, &o),
            Err(Mismatch::Row { .. })
        ));
    }

    #[test]
    fn collated_text_ignores_case_and_trailing_spaces() {
        let o = CompareOptions {
            collated_text: true,
            ..Default::default()
        };
        let a = vec![vec![Text("ABC".into())], vec![Text("x".into())]];
        let b = vec![vec![Text("x ".into())], vec![Text("abc".into())]];
        assert_eq!(compare_rows(&a, &b, &o), Ok(()));
        assert!(compare_rows(&a, &b, &CompareOptions::default()).is_err());
    }

    #[test]
    fn ordered_mode_reports_first_difference() {
        let o = CompareOptions {
            ordered: true,
            ..Default::default()
        };
        let a = vec![vec![Int(1)], vec![Int(2)]];
        let b = vec![vec![Int(2)], vec![Int(1)]];
        assert_eq!(
            compare_rows(&a, &b, &o),
            Err(Mismatch::Row {
                index: 0,
                left: Some(vec![Int(1)]),
                right: Some(vec![Int(2)])
            })
        );
    }

    #[test]
    fn loose_numeric_unifies_engine_representations() {
        let o = CompareOptions::default();
        assert!(values_equal(&Bool(true), &Int(1), &o));
        assert!(values_equal(&Decimal("1.5".into()), &Float(1.5), &o));
        assert!(values_equal(&Decimal("3".into()), &Int(3), &o));
        assert!(!values_equal(&Decimal("3.1".into()), &Int(3), &o));
        assert!(values_equal(
            &Text("2024-01-01".into()),
            &Date("2024-01-01".into()),
            &o
        ));
        let strict = CompareOptions {
            loose_numeric: false,
            ..o
        };
        assert!(!values_equal(&Bool(true), &Int(1), &strict));
    }

    #[test]
    fn floats_use_tolerance_and_nan_equals_nan() {
        let o = CompareOptions::default();
        assert!(values_equal(&Float(0.1 + 0.2), &Float(0.3), &o));
        assert!(!values_equal(&Float(0.3001), &Float(0.3), &o));
        assert!(values_equal(&Float(f64::NAN), &Float(f64::NAN), &o));
        assert!(!values_equal(&Null, &Int(0), &o));
    }

    #[test]
    fn column_and_row_counts() {
        let o = CompareOptions::default();
        assert_eq!(
            compare_rows(&[vec![Int(1)]], &[vec![Int(1), Int(2)]], &o),
            Err(Mismatch::ColumnCount { left: 1, right: 2 })
        );
        assert_eq!(
            compare_rows(&[vec![Int(1)]], &[], &o),
            Err(Mismatch::RowCount { left: 1, right: 0 })
        );
    }
}
