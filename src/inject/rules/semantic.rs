//! Rules for semantic errors: the statement parses but names or shapes are wrong.

use super::view::*;
use super::Injection;
use crate::sql::tokens::{splice, Kind};

pub(super) fn misspell_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| is_column_ref(&v, k))
        .flat_map(|k| misspell_token(&v, k))
        .collect()
}

pub(super) fn misspell_table(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    table_refs(&v)
        .into_iter()
        .flat_map(|(t, _)| misspell_token(&v, t))
        .collect()
}

pub(super) fn non_aggregated_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    // The top-level GROUP BY and its keys: a grouped column is no bug.
    let Some(by) = (1..v.len()).find(|&k| d[k] == 0 && v.is(k, "by") && v.is(k - 1, "group"))
    else {
        return Vec::new();
    };
    let grouped: Vec<String> = by_keys(&v, &d, by)
        .into_iter()
        .map(|(a, b)| v.slice(a, b).to_ascii_lowercase())
        .collect();
    // Insert a qualified column used elsewhere right after the top-level SELECT.
    let Some(select) = (0..v.len()).find(|&k| d[k] == 0 && v.tok(k).is_word(sql, "select")) else {
        return Vec::new();
    };
    let after = if v
        .next(select)
        .is_some_and(|n| n.eq_ignore_ascii_case("distinct"))
    {
        select + 1
    } else {
        select
    };
    let mut columns: Vec<String> = Vec::new();
    for k in 1..v.len().saturating_sub(1) {
        if v.text(k) == "." && v.tok(k + 1).kind == Kind::Word {
            let c = format!("{}.{}", v.text(k - 1), v.text(k + 1));
            if !columns.contains(&c) && !grouped.contains(&c.to_ascii_lowercase()) {
                columns.push(c);
            }
        }
    }
    let at = v.tok(after).span.end;
    columns
        .into_iter()
        .take(4)
        .map(|c| Injection {
            bug_sql: format!("{} {c},{}", &sql[..at], &sql[at..]),
            variant: "extra_select_column",
        })
        .collect()
}

pub(super) fn aggregate_in_where(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.tok(k).is_word(sql, "where"))
        .map(|k| {
            let at = v.tok(k).span.end;
            let count = match_case(v.text(k), "COUNT(*) > 0 AND");
            Injection {
                bug_sql: format!("{} {count}{}", &sql[..at], &sql[at..]),
                variant: "count_in_where",
            }
        })
        .collect()
}

pub(super) fn misspell_function(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Word
                && v.next(k) == Some("(")
                && !is_keyword(v.text(k))
                && v.text(k).len() >= 4
        })
        .filter(|&k| {
            !matches!(
                v.prev(k).map(str::to_ascii_lowercase).as_deref(),
                Some("from" | "join" | "into" | "table" | "as")
            )
        })
        .filter_map(|k| {
            misspellings(v.text(k))
                .into_iter()
                .find(|(_, variant)| *variant == "transposition")
                .map(|(w, _)| v.replace(k, &w, "transposition"))
        })
        .collect()
}

pub(super) fn unknown_qualifier(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(1))
        .filter(|&k| {
            v.tok(k).kind == Kind::Word && v.next(k) == Some(".") && !is_keyword(v.text(k))
        })
        .map(|k| {
            let q = v.text(k);
            v.replace(
                k,
                &format!("{q}{}", q.chars().last().unwrap_or('x')),
                "doubled_last_letter",
            )
        })
        .collect()
}

pub(super) fn ambiguous_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    // Column names qualified by two or more different qualifiers.
    let mut qualifiers: std::collections::HashMap<String, std::collections::HashSet<String>> =
        Default::default();
    for k in 1..v.len().saturating_sub(1) {
        if v.text(k) == "." && v.tok(k + 1).kind == Kind::Word {
            qualifiers
                .entry(v.text(k + 1).to_ascii_lowercase())
                .or_default()
                .insert(v.text(k - 1).to_ascii_lowercase());
        }
    }
    (1..v.len().saturating_sub(1))
        .filter(|&k| {
            v.text(k) == "."
                && qualifiers
                    .get(&v.text(k + 1).to_ascii_lowercase())
                    .is_some_and(|q| q.len() >= 2)
        })
        .map(|k| Injection {
            bug_sql: splice(sql, v.tok(k - 1).span.start..v.tok(k).span.end, ""),
            variant: "drop_qualifier",
        })
        .collect()
}

pub(super) fn set_operation_column_count(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    // Add a column to the select list right before the FROM that precedes a
    // set operator at the same depth.
    let mut out = Vec::new();
    for k in 0..v.len() {
        let op = v.text(k);
        if !["union", "intersect", "except"]
            .iter()
            .any(|w| op.eq_ignore_ascii_case(w))
        {
            continue;
        }
        let Some(from) = (0..k)
            .rev()
            .find(|&j| d[j] == d[k] && v.tok(j).is_word(sql, "from"))
        else {
            continue;
        };
        let Some(before) = from.checked_sub(1) else {
            continue;
        };
        let end = v.tok(before).span.end;
        out.push(Injection {
            bug_sql: format!("{}, NULL{}", &sql[..end], &sql[end..]),
            variant: "extra_null_column",
        });
    }
    out
}
