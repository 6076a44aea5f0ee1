//! Logic-bug rules on computed values: operators, operands, NULL handling,
//! the chosen columns and the correlation of subqueries.

use super::view::*;
use super::Injection;
use crate::sql::tokens::Kind;

pub(super) fn integer_division(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Number
                && v.text(k).ends_with(".0")
                && (matches!(v.at(k + 1), "*" | "/") || (k > 0 && matches!(v.at(k - 1), "*" | "/")))
        })
        .map(|k| v.replace(k, v.text(k).trim_end_matches(".0"), "integer_literal"))
        .collect()
}

/// `COALESCE(x, default)` with a one-column `x`: (COALESCE, x's last, close).
fn coalesces(v: &View<'_>, d: &[i32]) -> Vec<(usize, usize, usize)> {
    (0..v.len().saturating_sub(2))
        .filter(|&k| v.is(k, "coalesce") && v.at(k + 1) == "(")
        .filter_map(|k| {
            let close = matching_close(v, d, k + 1)?;
            let last = v.column_at(k + 2)?;
            (v.at(last + 1) == ",").then_some((k, last, close))
        })
        .collect()
}

fn inside_aggregate(v: &View<'_>, d: &[i32], k: usize) -> bool {
    k >= 2 && v.at(k - 1) == "(" && is_aggregate_call(v, d, k - 2).is_some()
}

pub(super) fn missing_coalesce(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    coalesces(&v, &d)
        .into_iter()
        .filter(|&(k, _, _)| !inside_aggregate(&v, &d, k))
        .filter(|&(k, _, close)| {
            let near = |j: usize| matches!(v.at(j), "+" | "-" | "*" | "/" | "||");
            (k > 0 && near(k - 1)) || near(close + 1)
        })
        .map(|(k, last, close)| v.replace_range(k, close, v.slice(k + 2, last), "drop_coalesce"))
        .collect()
}

pub(super) fn null_handling_in_aggregate(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    coalesces(&v, &d)
        .into_iter()
        .filter(|&(k, _, _)| inside_aggregate(&v, &d, k))
        .map(|(k, last, close)| {
            v.replace_range(k, close, v.slice(k + 2, last), "drop_coalesce_in_aggregate")
        })
        .collect()
}

/// A one-token or qualified operand ending at `k` / starting at `k`.
fn operand_before(v: &View<'_>, k: usize) -> Option<usize> {
    if k >= 2 && v.at(k - 1) == "." && v.kind(k) == Some(Kind::Word) {
        return Some(k - 2);
    }
    matches!(v.kind(k), Some(Kind::Word | Kind::Number)).then_some(k)
}

fn operand_after(v: &View<'_>, k: usize) -> Option<usize> {
    if v.at(k + 1) == "." && v.kind(k + 2) == Some(Kind::Word) {
        return Some(k + 2);
    }
    matches!(v.kind(k), Some(Kind::Word | Kind::Number)).then_some(k)
}

pub(super) fn swapped_operands(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let mut out = Vec::new();
    for k in 1..v.len().saturating_sub(1) {
        if !matches!(v.text(k), "-" | "/") {
            continue;
        }
        let (Some(a), Some(b)) = (operand_before(&v, k - 1), operand_after(&v, k + 1)) else {
            continue;
        };
        // Whole operands only: not part of a longer product or call.
        let outer_before = a == 0 || !matches!(v.at(a - 1), "*" | "/" | "." | "-");
        let outer_after = !matches!(v.at(b + 1), "*" | "/" | "(" | ".");
        if !outer_before || !outer_after || is_keyword(v.text(a)) || is_keyword(v.text(b)) {
            continue;
        }
        let (left, right) = (v.slice(a, k - 1), v.slice(k + 1, b));
        if left != right {
            let op = v.text(k);
            out.push(v.replace_range(a, b, &format!("{right} {op} {left}"), "swapped"));
        }
    }
    out
}

pub(super) fn wrong_operator(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| {
            // A binary operator: an operand comes before it.
            matches!(v.kind(k - 1), Some(Kind::Word | Kind::Number)) && !is_keyword(v.text(k - 1))
                || v.at(k - 1) == ")"
        })
        .filter(|&k| {
            !(v.text(k) == "*" && (v.is(k + 1, "from") || matches!(v.at(k + 1), "," | ")" | "")))
        })
        .filter_map(|k| {
            let to = match v.text(k) {
                "+" => "-",
                "-" => "+",
                "*" => "/",
                "/" => "*",
                _ => return None,
            };
            Some(v.replace(k, to, "swapped_operator"))
        })
        .collect()
}

pub(super) fn wrong_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(select) = top_select(&v, &d) else {
        return Vec::new();
    };
    let cols = qualified_columns(&v);
    let mut out = Vec::new();
    for (a, _) in select_items(&v, &d, select) {
        let Some(&(q, c)) = cols.iter().find(|(q, _)| *q == a) else {
            continue;
        };
        let other = cols.iter().find(|&&(q2, c2)| {
            v.text(q2).eq_ignore_ascii_case(v.text(q))
                && !v.text(c2).eq_ignore_ascii_case(v.text(c))
        });
        if let Some(&(_, c2)) = other {
            out.push(v.replace(c, v.text(c2), "sibling_column"));
        }
    }
    out
}

pub(super) fn wrong_sort_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(select) = top_select(&v, &d) else {
        return Vec::new();
    };
    let items = select_items(&v, &d, select);
    // Output names: aliases, or the column itself.
    let names: Vec<&str> = items
        .iter()
        .filter_map(|&(a, b)| {
            if a < b && v.is(b - 1, "as") {
                Some(v.text(b))
            } else if v.column_at(a) == Some(b) {
                Some(v.slice(a, b))
            } else {
                None
            }
        })
        .collect();
    let mut out = Vec::new();
    for by in (1..v.len()).filter(|&k| d[k] == 0 && v.is(k, "by") && v.is(k - 1, "order")) {
        for (a, _) in by_keys(&v, &d, by) {
            let Some(end) = v.column_at(a) else { continue };
            let key = v.slice(a, end);
            if let Some(other) = names.iter().find(|n| !n.eq_ignore_ascii_case(key)) {
                out.push(v.replace_range(a, end, other, "other_output_column"));
            }
        }
    }
    out
}

pub(super) fn wrong_group_by(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let cols = qualified_columns(&v);
    let mut out = Vec::new();
    for by in (1..v.len()).filter(|&k| v.is(k, "by") && v.is(k - 1, "group")) {
        let keys = by_keys(&v, &d, by);
        let Some(&(_, last)) = keys.last() else {
            continue;
        };
        let grouped: Vec<&str> = keys.iter().map(|&(a, b)| v.slice(a, b)).collect();
        // An extra key splits the groups.
        let extra = cols
            .iter()
            .map(|&(q, c)| v.slice(q, c))
            .find(|c| !grouped.iter().any(|g| g.eq_ignore_ascii_case(c)));
        if let Some(extra) = extra {
            out.push(v.insert_after(last, &format!(", {extra}"), "extra_group_key"));
        }
    }
    out
}

pub(super) fn wrong_correlation(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let refs = table_refs(&v);
    let mut out = Vec::new();
    for open in
        (0..v.len().saturating_sub(1)).filter(|&k| v.text(k) == "(" && v.is(k + 1, "select"))
    {
        let Some(close) = matching_close(&v, &d, open) else {
            continue;
        };
        let inner: Vec<&str> = refs
            .iter()
            .filter(|(t, _)| *t > open && *t < close)
            .map(|&(t, a)| visible_name(&v, t, a))
            .collect();
        let outer: Vec<&str> = refs
            .iter()
            .filter(|(t, _)| *t < open || *t > close)
            .map(|&(t, a)| visible_name(&v, t, a))
            .collect();
        let Some(inner_name) = inner.first() else {
            continue;
        };
        for (q, _) in qualified_columns(&v)
            .into_iter()
            .filter(|(q, _)| *q > open && *q < close)
        {
            let is_outer = outer.iter().any(|o| o.eq_ignore_ascii_case(v.text(q)))
                && !inner.iter().any(|i| i.eq_ignore_ascii_case(v.text(q)));
            if is_outer {
                out.push(v.replace(q, inner_name, "uncorrelated"));
            }
        }
    }
    out
}
