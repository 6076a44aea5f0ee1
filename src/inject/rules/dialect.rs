//! Rules for dialect errors: syntax that another engine accepts.

use super::view::*;
use super::Injection;
use crate::sql::tokens::Kind;

pub(super) fn backtick_identifier(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let tables = table_refs(&v);
    (0..v.len())
        .filter(|&k| is_column_ref(&v, k) || tables.iter().any(|(t, _)| *t == k))
        .map(|k| v.replace(k, &format!("`{}`", v.text(k)), "backticks"))
        .collect()
}

pub(super) fn double_quoted_identifier(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    qualified_columns(&v)
        .into_iter()
        .map(|(_, c)| v.replace(c, &format!("\"{}\"", v.text(c)), "double_quotes"))
        .collect()
}

/// `CAST(expr AS type)`: (CAST token, AS token, close paren).
fn casts(v: &View<'_>, d: &[i32]) -> Vec<(usize, usize, usize)> {
    (0..v.len().saturating_sub(1))
        .filter(|&k| v.is(k, "cast") && v.at(k + 1) == "(")
        .filter_map(|k| {
            let close = matching_close(v, d, k + 1)?;
            let as_k = (k + 2..close).find(|&j| d[j] == d[k] + 1 && v.is(j, "as"))?;
            Some((k, as_k, close))
        })
        .collect()
}

pub(super) fn postgres_cast(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    casts(&v, &d)
        .into_iter()
        .filter(|&(k, _, close)| v.one_line(k, close))
        .map(|(k, as_k, close)| {
            let expr = v.slice(k + 2, as_k - 1);
            let ty = v.slice(as_k + 1, close - 1);
            let expr = if as_k == k + 3 || (as_k == k + 5 && v.at(k + 3) == ".") {
                expr.to_string()
            } else {
                format!("({expr})")
            };
            v.replace_range(k, close, &format!("{expr}::{ty}"), "double_colon")
        })
        .collect()
}

pub(super) fn unsupported_cast_type(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    casts(&v, &d)
        .into_iter()
        .filter_map(|(_, as_k, _)| {
            let ty = as_k + 1;
            let to = match v.text(ty).to_ascii_lowercase().as_str() {
                "char" | "varchar" => "TEXT",
                "integer" | "int" | "signed" => "BIGINT",
                "double" | "real" | "float" => "DOUBLE PRECISION",
                _ => return None,
            };
            let last = if v.at(ty + 1) == "(" {
                matching_close(&v, &d, ty + 1)?
            } else if v.is_any(ty + 1, &["precision", "integer", "varying"]) {
                ty + 1
            } else {
                ty
            };
            Some(v.replace_range(ty, last, &match_case(v.text(ty), to), "other_dialect_type"))
        })
        .collect()
}

pub(super) fn top_instead_of_limit(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(limit) = (0..v.len()).find(|&k| d[k] == 0 && v.is(k, "limit")) else {
        return Vec::new();
    };
    let Some(select) = (0..limit).rev().find(|&k| d[k] == 0 && v.is(k, "select")) else {
        return Vec::new();
    };
    let n = limit + 1;
    if n >= v.len() || v.tok(n).kind != Kind::Number || n + 1 != v.len() {
        return Vec::new();
    }
    // Only where the whole edit stays within two adjacent lines.
    let lines = v.slice(select, n).matches('\n').count();
    if lines > 1 {
        return Vec::new();
    }
    let without_limit = v.remove_range(limit, n, "top").bug_sql;
    let at = v.tok(select).span.end;
    vec![Injection {
        bug_sql: format!(
            "{} {} {}{}",
            &without_limit[..at],
            match_case(v.text(select), "TOP"),
            v.text(n),
            &without_limit[at..]
        ),
        variant: "top_n",
    }]
}

pub(super) fn limit_offset_comma(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(3))
        .filter(|&k| {
            v.is(k, "limit")
                && v.tok(k + 1).kind == Kind::Number
                && v.is(k + 2, "offset")
                && v.tok(k + 3).kind == Kind::Number
        })
        .map(|k| {
            let (n, m) = (v.text(k + 1), v.text(k + 3));
            v.replace_range(k + 1, k + 3, &format!("{m}, {n}"), "mysql_comma")
        })
        .collect()
}

pub(super) fn plus_concat(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.text(k) == "||")
        .map(|k| v.replace(k, "+", "plus"))
        .collect()
}

pub(super) fn ilike(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.is(k, "like"))
        .map(|k| v.replace(k, &match_case(v.text(k), "ILIKE"), "ilike"))
        .collect()
}

pub(super) fn nulls_ordering(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| v.is_any(k, &["asc", "desc"]) && !v.is(k + 1, "nulls"))
        .map(|k| {
            let nulls = if v.is(k, "desc") {
                " NULLS LAST"
            } else {
                " NULLS FIRST"
            };
            v.insert_after(k, &match_case(v.text(k), nulls), "nulls_last")
        })
        .collect()
}

pub(super) fn full_join(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.is_any(k, &["left", "right"]) && (v.is(k + 1, "join") || v.is(k + 1, "outer"))
        })
        .map(|k| v.replace(k, &match_case(v.text(k), "FULL"), "full_join"))
        .collect()
}

pub(super) fn other_dialect_function(sql: &str) -> Vec<Injection> {
    const SWAPS: [(&str, &str); 6] = [
        ("coalesce", "NVL"),
        ("length", "LEN"),
        ("substr", "MID"),
        ("now", "GETDATE"),
        ("string_agg", "LISTAGG"),
        ("group_concat", "STRING_AGG"),
    ];
    swap_words(sql, &SWAPS, true, "other_dialect_function")
}

fn is_date_literal(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 12
        && b[0] == b'\''
        && b[11] == b'\''
        && b[5] == b'-'
        && b[8] == b'-'
        && text[1..5].chars().all(|c| c.is_ascii_digit())
        && text[6..8].chars().all(|c| c.is_ascii_digit())
        && text[9..11].chars().all(|c| c.is_ascii_digit())
}

/// A `'YYYY-MM-DD'` literal at code token `k`.
pub(super) fn date_literal(v: &View<'_>, k: usize) -> Option<(i32, u32, u32)> {
    let t = v.text(k);
    if v.tok(k).kind != Kind::String || !is_date_literal(t) {
        return None;
    }
    Some((
        t[1..5].parse().ok()?,
        t[6..8].parse().ok()?,
        t[9..11].parse().ok()?,
    ))
}

pub(super) fn typed_date_literal(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| date_literal(&v, k).is_some() && !(k > 0 && v.is(k - 1, "date")))
        .map(|k| v.replace(k, &format!("DATE {}", v.text(k)), "date_keyword"))
        .collect()
}
