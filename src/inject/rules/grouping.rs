//! Rules for grouping, ordering, subquery and set-operation errors.

use super::view::*;
use super::Injection;
use crate::sql::tokens::Kind;

/// `BY` tokens of top-level `GROUP BY` (or `ORDER BY`).
fn by_tokens(v: &View<'_>, d: &[i32], first: &str) -> Vec<usize> {
    (1..v.len())
        .filter(|&k| d[k] == 0 && v.is(k, "by") && v.is(k - 1, first))
        .collect()
}

pub(super) fn nested_aggregate(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    (0..v.len())
        .filter_map(|k| {
            let close = is_aggregate_call(&v, &d, k)?;
            if v.is(k + 2, "distinct") || v.at(k + 2) == "*" {
                return None;
            }
            let inner = if v.is_any(k, &["sum", "count"]) {
                "MAX"
            } else {
                "SUM"
            };
            let arg = v.slice(k + 2, close - 1);
            Some(v.replace_range(
                k + 2,
                close - 1,
                &format!("{inner}({arg})"),
                "aggregate_of_aggregate",
            ))
        })
        .collect()
}

pub(super) fn aggregate_in_group_by(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(select) = top_select(&v, &d) else {
        return Vec::new();
    };
    let items = select_items(&v, &d, select);
    let Some(pos) = items
        .iter()
        .position(|&(a, _)| is_aggregate_call(&v, &d, a).is_some())
    else {
        return Vec::new();
    };
    by_tokens(&v, &d, "group")
        .into_iter()
        .filter_map(|by| by_keys(&v, &d, by).last().copied())
        .map(|(_, last)| v.insert_after(last, &format!(", {}", pos + 1), "aggregate_position"))
        .collect()
}

pub(super) fn having_non_grouped_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for h in (0..v.len()).filter(|&k| v.is(k, "having")) {
        let end = expression_end(&v, &d, h + 1);
        for k in h + 1..=end {
            let Some(close) = is_aggregate_call(&v, &d, k) else {
                continue;
            };
            let arg_last = close - 1;
            if v.column_at(k + 2) == Some(arg_last) {
                out.push(v.replace_range(
                    k,
                    close,
                    v.slice(k + 2, arg_last),
                    "unwrapped_aggregate",
                ));
            }
        }
    }
    out.extend(super::logic_filter::where_to_having(
        sql,
        "where_condition_in_having",
    ));
    out
}

/// The text of the first window call that fits on one line.
fn window_text<'a>(v: &View<'a>, d: &[i32]) -> Option<&'a str> {
    (0..v.len()).find_map(|k| {
        let end = window_call(v, d, k)?;
        v.one_line(k, end).then(|| &v.sql[v.span(k, end)])
    })
}

/// The query's own window call, copied into the condition after `clause`.
fn window_condition(sql: &str, clause: &str, variant: &'static str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(w) = window_text(&v, &d) else {
        return Vec::new();
    };
    (0..v.len())
        .filter(|&k| v.is(k, clause))
        .map(|k| v.insert_after(k, &format!(" {w} > 1 AND"), variant))
        .collect()
}

pub(super) fn window_in_where(sql: &str) -> Vec<Injection> {
    window_condition(sql, "where", "window_filter")
}

pub(super) fn window_in_having(sql: &str) -> Vec<Injection> {
    window_condition(sql, "having", "window_in_having")
}

pub(super) fn window_without_over(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    (0..v.len())
        .filter(|&k| {
            v.is_any(
                k,
                &[
                    "row_number",
                    "rank",
                    "dense_rank",
                    "ntile",
                    "lag",
                    "lead",
                    "percent_rank",
                ],
            )
        })
        .filter_map(|k| {
            let end = window_call(&v, &d, k)?;
            let close = matching_close(&v, &d, k + 1)?;
            v.one_line(close, end)
                .then(|| v.remove_range(close + 1, end, "drop_over"))
        })
        .collect()
}

pub(super) fn window_inside_aggregate(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(w) = window_text(&v, &d) else {
        return Vec::new();
    };
    (0..v.len())
        .filter_map(|k| {
            let close = is_aggregate_call(&v, &d, k)?;
            (v.is_any(k, &["sum", "avg", "max", "min"]) && v.column_at(k + 2) == Some(close - 1))
                .then(|| v.replace_range(k + 2, close - 1, w, "window_argument"))
        })
        .collect()
}

fn position_out_of_range(sql: &str, first: &str, variant: &'static str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(select) = top_select(&v, &d) else {
        return Vec::new();
    };
    let items = select_items(&v, &d, select);
    // `*` and `t.*` hide how many columns there are.
    if items.iter().any(|&(a, b)| v.slice(a, b).ends_with('*')) {
        return Vec::new();
    }
    let n = items.len();
    let mut out = Vec::new();
    for by in by_tokens(&v, &d, first) {
        for (a, b) in by_keys(&v, &d, by) {
            // The whole key (before ASC/DESC/NULLS) must be one column or position.
            let mut key_last = b;
            while key_last > a && v.is_any(key_last, &["asc", "desc", "nulls", "first", "last"]) {
                key_last -= 1;
            }
            let key_end = if v.column_at(a) == Some(key_last) {
                key_last
            } else if v.tok(a).kind == Kind::Number && a == key_last {
                a
            } else {
                continue;
            };
            out.push(v.replace_range(a, key_end, &(n + 1).to_string(), variant));
        }
    }
    out
}

pub(super) fn group_by_position(sql: &str) -> Vec<Injection> {
    position_out_of_range(sql, "group", "position_past_select_list")
}

pub(super) fn order_by_position(sql: &str) -> Vec<Injection> {
    position_out_of_range(sql, "order", "position_past_select_list")
}

pub(super) fn negative_limit(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| v.tok(k).kind == Kind::Number && v.is_any(k - 1, &["limit", "offset"]))
        .map(|k| v.replace(k, &format!("-{}", v.text(k)), "negative"))
        .collect()
}

pub(super) fn distinct_order_not_selected(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(select) = top_select(&v, &d) else {
        return Vec::new();
    };
    if !v.is(select + 1, "distinct") {
        return Vec::new();
    }
    let items = select_items(&v, &d, select);
    let selected: Vec<&str> = items.iter().map(|&(a, b)| v.slice(a, b)).collect();
    let others: Vec<String> = qualified_columns(&v)
        .into_iter()
        .map(|(q, c)| v.slice(q, c).to_string())
        .filter(|c| !selected.iter().any(|s| s.contains(c.as_str())))
        .collect();
    let mut out = Vec::new();
    for by in by_tokens(&v, &d, "order") {
        if let Some(&(a, _)) = by_keys(&v, &d, by).first() {
            if let (Some(end), Some(other)) = (v.column_at(a), others.first()) {
                out.push(v.replace_range(a, end, other, "order_by_hidden_column"));
            }
        }
    }
    out
}

/// `(SELECT` of a subquery used as a value or in IN: (open paren, close).
fn value_subqueries(v: &View<'_>, d: &[i32]) -> Vec<(usize, usize)> {
    (1..v.len().saturating_sub(1))
        .filter(|&k| v.text(k) == "(" && v.is(k + 1, "select"))
        .filter(|&k| {
            matches!(
                v.text(k - 1),
                "=" | "<" | ">" | "<=" | ">=" | "<>" | "," | "-" | "+" | "*" | "/"
            ) || v.is_any(k - 1, &["in", "select", "then", "else"])
        })
        .filter_map(|k| Some((k, matching_close(v, d, k)?)))
        .collect()
}

pub(super) fn subquery_multiple_rows(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    value_subqueries(&v, &d)
        .into_iter()
        .filter(|&(open, _)| !v.is(open - 1, "in"))
        .filter_map(|(open, _)| {
            let agg = open + 2;
            let close = is_aggregate_call(&v, &d, agg)?;
            let last = v.column_at(agg + 2)?;
            (last == close - 1 && !v.is(agg, "count")).then(|| {
                v.replace_range(
                    agg,
                    close,
                    v.slice(agg + 2, last),
                    "drop_subquery_aggregate",
                )
            })
        })
        .collect()
}

pub(super) fn subquery_extra_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    value_subqueries(&v, &d)
        .into_iter()
        .filter_map(|(open, _)| {
            let items = select_items(&v, &d, open + 1);
            let (a, b) = *items.first()?;
            (items.len() == 1).then(|| {
                let item = v.slice(a, b).to_string();
                v.insert_after(b, &format!(", {item}"), "second_column")
            })
        })
        .collect()
}

pub(super) fn limit_in_in_subquery(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    value_subqueries(&v, &d)
        .into_iter()
        .filter(|&(open, _)| v.is(open - 1, "in"))
        .map(|(_, close)| v.insert_after(close - 1, " LIMIT 10", "limit_in_in"))
        .collect()
}

fn set_operators(v: &View<'_>) -> Vec<usize> {
    (0..v.len())
        .filter(|&k| v.is_any(k, &["union", "intersect", "except"]))
        .collect()
}

pub(super) fn set_operation_type_mismatch(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for op in set_operators(&v) {
        let select = if v.is(op + 1, "all") { op + 2 } else { op + 1 };
        if !v.is(select, "select") {
            continue;
        }
        for (a, b) in select_items(&v, &d, select) {
            let literal = v.tok(a).kind == Kind::String && a == b;
            if literal {
                out.push(v.replace_range(a, b, "0", "number_for_text"));
            } else if v.column_at(a) == Some(b) {
                out.push(v.replace_range(a, b, "CURRENT_DATE", "date_for_column"));
            }
        }
    }
    out
}

pub(super) fn order_by_in_operand(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    set_operators(&v)
        .into_iter()
        .filter(|&op| op > 0 && v.text(op - 1) != ")")
        .map(|op| v.insert_after(op - 1, " ORDER BY 1", "order_by_before_union"))
        .collect()
}

pub(super) fn order_by_not_in_result(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    if !set_operators(&v).into_iter().any(|k| d[k] == 0) {
        return Vec::new();
    }
    let Some(select) = top_select(&v, &d) else {
        return Vec::new();
    };
    let outputs: Vec<String> = select_items(&v, &d, select)
        .into_iter()
        .map(|(_, b)| v.text(b).to_ascii_lowercase())
        .collect();
    let hidden: Vec<&str> = qualified_columns(&v)
        .into_iter()
        .map(|(_, c)| v.text(c))
        .filter(|c| !outputs.contains(&c.to_ascii_lowercase()))
        .collect();
    let mut out = Vec::new();
    for by in by_tokens(&v, &d, "order") {
        for (a, _) in by_keys(&v, &d, by) {
            if let (Some(end), Some(h)) = (v.column_at(a), hidden.first()) {
                out.push(v.replace_range(a, end, h, "order_by_unselected"));
            }
        }
    }
    out
}
