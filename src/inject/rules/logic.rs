//! Rules for logic bugs: the statement runs but returns a different result.

use super::view::*;
use super::Injection;
use crate::sql::tokens::{splice, Kind};

pub(super) fn off_by_one(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter_map(|k| {
            let swapped = match v.text(k) {
                ">=" => ">",
                ">" => ">=",
                "<=" => "<",
                "<" => "<=",
                _ => return None,
            };
            Some(v.replace(k, swapped, "boundary"))
        })
        .collect()
}

pub(super) fn null_equality(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let mut out = Vec::new();
    for k in 0..v.len() {
        if !v.tok(k).is_word(sql, "is") {
            continue;
        }
        let (negated, null_k) = match v.next(k) {
            Some(n) if n.eq_ignore_ascii_case("not") => (true, k + 2),
            _ => (false, k + 1),
        };
        if null_k < v.len() && v.tok(null_k).is_word(sql, "null") {
            let span = v.tok(k).span.start..v.tok(null_k).span.start;
            let op = if negated { "<> " } else { "= " };
            out.push(Injection {
                bug_sql: splice(sql, span, op),
                variant: "is_null_to_equals",
            });
        }
    }
    out
}

pub(super) fn wrong_join_type(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.is(k, "left") && (v.is(k + 1, "join") || v.is(k + 1, "outer")))
        .map(|k| {
            // `LEFT OUTER JOIN` becomes `INNER JOIN`, not `INNER OUTER JOIN`.
            let last = if v.is(k + 1, "outer") { k + 1 } else { k };
            v.replace_range(k, last, &match_case(v.text(k), "INNER"), "left_to_inner")
        })
        .collect()
}

pub(super) fn missing_distinct(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| v.is(k, "distinct") && v.is(k - 1, "select") && !v.is(k + 1, "on"))
        .filter(|&k| k + 1 < v.len())
        .map(|k| v.remove_word(k, "drop_distinct"))
        .collect()
}

pub(super) fn wrong_aggregate(sql: &str) -> Vec<Injection> {
    const SWAPS: [(&str, &str); 4] = [
        ("sum", "COUNT"),
        ("avg", "SUM"),
        ("min", "MAX"),
        ("max", "MIN"),
    ];
    swap_words(sql, &SWAPS, true, "swap_aggregate")
}

pub(super) fn wrong_constant(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Number
                && v.prev(k)
                    .is_some_and(|p| matches!(p, "=" | ">" | "<" | ">=" | "<=" | "<>"))
        })
        .filter_map(|k| {
            v.text(k)
                .parse::<i64>()
                .ok()
                .and_then(|n| n.checked_add(1))
                .map(|n| v.replace(k, &n.to_string(), "increment"))
        })
        .collect()
}

pub(super) fn wrong_sort_direction(sql: &str) -> Vec<Injection> {
    swap_words(
        sql,
        &[("desc", "ASC"), ("asc", "DESC")],
        false,
        "flip_direction",
    )
}

pub(super) fn union_instead_of_union_all(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).is_word(sql, "union")
                && v.next(k).is_some_and(|n| n.eq_ignore_ascii_case("all"))
        })
        .map(|k| {
            let all = v.tok(k + 1);
            Injection {
                bug_sql: splice(sql, v.tok(k).span.end..all.span.end, ""),
                variant: "drop_all",
            }
        })
        .collect()
}

pub(super) fn wrong_limit(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Number
                && v.prev(k).is_some_and(|p| p.eq_ignore_ascii_case("limit"))
        })
        .filter_map(|k| {
            v.text(k)
                .parse::<i64>()
                .ok()
                .and_then(|n| n.checked_add(1))
                .map(|n| v.replace(k, &n.to_string(), "limit_plus_one"))
        })
        .collect()
}

pub(super) fn count_star_vs_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(3))
        .filter(|&k| v.tok(k).is_word(sql, "count") && v.next(k) == Some("("))
        .filter_map(|k| {
            let close = (k + 2..v.len()).find(|&j| v.text(j) == ")")?;
            let inner: Vec<&str> = (k + 2..close).map(|j| v.text(j)).collect();
            let simple = match inner.as_slice() {
                [c] => v.tok(k + 2).kind == Kind::Word && !is_keyword(c),
                [_, ".", _] => true,
                _ => false,
            };
            simple.then(|| Injection {
                bug_sql: splice(sql, v.tok(k + 2).span.start..v.tok(close - 1).span.end, "*"),
                variant: "column_to_star",
            })
        })
        .collect()
}

pub(super) fn missing_distinct_in_count(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(3))
        .filter(|&k| {
            v.tok(k).is_word(sql, "count")
                && v.next(k) == Some("(")
                && v.tok(k + 2).is_word(sql, "distinct")
        })
        .map(|k| v.remove_word(k + 2, "drop_distinct_in_count"))
        .collect()
}

pub(super) fn negated_condition(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(1))
        .filter(|&k| {
            v.tok(k).is_word(sql, "not")
                && v.next(k).is_some_and(|n| {
                    ["in", "exists", "like", "between"]
                        .iter()
                        .any(|w| n.eq_ignore_ascii_case(w))
                })
        })
        .map(|k| v.remove_word(k, "drop_not"))
        .collect()
}

pub(super) fn and_or_precedence(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for k in 1..v.len() {
        if v.text(k) != "(" || !v.prev(k).is_some_and(|p| p.eq_ignore_ascii_case("and")) {
            continue;
        }
        let Some(close) = (k + 1..v.len()).find(|&j| v.text(j) == ")" && d[j] == d[k] + 1) else {
            continue;
        };
        let has_or = (k + 1..close).any(|j| d[j] == d[k] + 1 && v.tok(j).is_word(sql, "or"));
        if has_or {
            let without_close = splice(sql, v.tok(close).span.clone(), "");
            out.push(Injection {
                bug_sql: splice(&without_close, v.tok(k).span.clone(), ""),
                variant: "drop_or_parentheses",
            });
        }
    }
    out
}

pub(super) fn between_bounds(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(3))
        .filter(|&k| v.tok(k).is_word(sql, "between") && v.tok(k + 2).is_word(sql, "and"))
        .filter(|&k| v.tok(k + 1).kind != Kind::Symbol && v.tok(k + 3).kind != Kind::Symbol)
        // Single-token bounds only (`BETWEEN n AND n + 2` is left alone).
        .filter(|&k| v.text(k + 1) != v.text(k + 3))
        .filter(|&k| {
            !matches!(
                v.next(k + 3),
                Some("+" | "-" | "*" | "/" | "||" | "." | "(")
            )
        })
        .map(|k| {
            let (low, high) = (v.tok(k + 1).span.clone(), v.tok(k + 3).span.clone());
            let swapped = format!(
                "{}{}{}",
                &sql[high.clone()],
                &sql[low.end..high.start],
                &sql[low.clone()]
            );
            Injection {
                bug_sql: splice(sql, low.start..high.end, &swapped),
                variant: "swap_bounds",
            }
        })
        .collect()
}

pub(super) fn like_wildcard(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::String
                && v.prev(k).is_some_and(|p| p.eq_ignore_ascii_case("like"))
        })
        .filter_map(|k| {
            let text = v.text(k);
            let inner = &text[1..text.len().saturating_sub(1).max(1)];
            let changed = inner
                .strip_prefix('%')
                .or_else(|| inner.strip_suffix('%'))?;
            Some(v.replace(k, &format!("'{changed}'"), "drop_wildcard"))
        })
        .collect()
}
