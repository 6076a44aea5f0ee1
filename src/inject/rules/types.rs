//! Rules for type errors and function signatures.

use super::dialect::date_literal;
use super::view::*;
use super::Injection;
use crate::sql::tokens::Kind;

const ARITHMETIC: &[&str] = &["+", "-", "*", "/"];

/// Column references that are compared with a string literal or LIKE, or
/// passed to a string function: likely text columns. Each is (first, last).
pub(super) fn text_columns(v: &View<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in 0..v.len() {
        let Some(end) = v.column_at(k) else { continue };
        if k > 0 && v.at(k - 1) == "." {
            continue;
        }
        let next = end + 1;
        let texty = (COMPARISONS.contains(&v.at(next))
            && v.kind(next + 1) == Some(Kind::String)
            && date_literal(v, next + 1).is_none())
            || v.is(next, "like")
            || (k >= 2 && v.at(k - 1) == "(" && v.is_any(k - 2, &["upper", "lower", "trim"]));
        let text = v.slice(k, end).to_string();
        if texty && !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

pub(super) fn comparison_type_mismatch(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| COMPARISONS.contains(&v.text(k - 1)) || v.is(k - 1, "date"))
        .filter_map(|k| {
            let (year, _, _) = date_literal(&v, k)?;
            let first = if v.is(k - 1, "date") { k - 1 } else { k };
            Some(v.replace_range(first, k, &year.to_string(), "year_for_date"))
        })
        .collect()
}

pub(super) fn arithmetic_type_mismatch(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let texts = text_columns(&v);
    let Some(text) = texts.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for k in 0..v.len() {
        let Some(end) = v.column_at(k) else { continue };
        if k > 0 && v.at(k - 1) == "." {
            continue;
        }
        let operand = ARITHMETIC.contains(&v.at(end + 1))
            || (k > 0 && ARITHMETIC.contains(&v.at(k - 1)) && v.at(k - 1) != "-");
        if operand && v.slice(k, end) != text.as_str() {
            out.push(v.replace_range(k, end, text, "text_column_in_arithmetic"));
        }
    }
    out
}

pub(super) fn like_on_non_text(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for k in 0..v.len().saturating_sub(1) {
        // CAST(x AS VARCHAR) LIKE '...' loses its cast.
        if v.is(k, "cast") && v.at(k + 1) == "(" {
            let Some(close) = matching_close(&v, &d, k + 1) else {
                continue;
            };
            let Some(as_k) = (k + 2..close).find(|&j| d[j] == d[k] + 1 && v.is(j, "as")) else {
                continue;
            };
            if v.is(close + 1, "like") {
                out.push(v.replace_range(k, close, v.slice(k + 2, as_k - 1), "drop_cast"));
            }
        }
    }
    out
}

pub(super) fn invalid_cast(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for k in 0..v.len().saturating_sub(1) {
        if !(v.is(k, "cast") && v.at(k + 1) == "(") {
            continue;
        }
        let Some(close) = matching_close(&v, &d, k + 1) else {
            continue;
        };
        let Some(as_k) = (k + 2..close).find(|&j| d[j] == d[k] + 1 && v.is(j, "as")) else {
            continue;
        };
        let ty = v.text(as_k + 1).to_ascii_lowercase();
        let to = match ty.as_str() {
            "integer" | "int" | "bigint" | "decimal" | "numeric" | "double" | "real" | "float" => {
                "DATE"
            }
            "date" | "timestamp" => "INTEGER",
            _ => continue,
        };
        out.push(v.replace_range(as_k + 1, close - 1, to, "incompatible_target"));
    }
    out
}

pub(super) fn non_boolean_condition(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let mut out = Vec::new();
    for k in 0..v.len() {
        if !v.is(k, "where") {
            continue;
        }
        let Some(end) = v.column_at(k + 1) else {
            continue;
        };
        let op = end + 1;
        if COMPARISONS.contains(&v.at(op))
            && matches!(v.kind(op + 1), Some(Kind::Number | Kind::String))
        {
            out.push(v.remove_range(op, op + 1, "drop_comparison"));
        }
    }
    out
}

pub(super) fn branch_type_mismatch(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| v.is_any(k - 1, &["then", "else"]))
        .filter_map(|k| match v.tok(k).kind {
            Kind::String if v.next(k).is_some_and(|n| n != "||") => {
                Some(v.replace(k, "0", "number_branch"))
            }
            Kind::Number if v.next(k).is_some_and(|n| !ARITHMETIC.contains(&n)) => {
                Some(v.replace(k, "'none'", "text_branch"))
            }
            _ => None,
        })
        .collect()
}

pub(super) fn aggregate_on_wrong_type(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let texts = text_columns(&v);
    let Some(text) = texts.first() else {
        return Vec::new();
    };
    (0..v.len())
        .filter(|&k| v.is_any(k, &["sum", "avg"]))
        .filter_map(|k| {
            let close = is_aggregate_call(&v, &d, k)?;
            (!v.is(k + 2, "distinct"))
                .then(|| v.replace_range(k + 2, close - 1, text, "text_argument"))
        })
        .collect()
}

pub(super) fn wrong_argument_count(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    (0..v.len().saturating_sub(1))
        .filter(|&k| {
            v.is_any(
                k,
                &[
                    "round", "upper", "lower", "length", "abs", "replace", "nullif", "substr",
                ],
            ) && v.at(k + 1) == "("
        })
        .filter_map(|k| {
            let close = matching_close(&v, &d, k + 1)?;
            let args = 1
                + (k + 2..close)
                    .filter(|&j| d[j] == d[k] + 1 && v.text(j) == ",")
                    .count();
            let extra = match (v.text(k).to_ascii_lowercase().as_str(), args) {
                ("round", 2) | ("substr", 3) | ("replace", 3) | ("nullif", 2) => ", 1",
                ("upper" | "lower" | "length" | "abs", 1) => ", 1",
                _ => return None,
            };
            Some(v.insert_after(close - 1, extra, "extra_argument"))
        })
        .collect()
}
