//! Rules for name-resolution errors that need the query's table aliases.

use super::view::*;
use super::Injection;
use crate::sql::tokens::Kind;

/// The names tables are visible by (aliases, or the table name).
fn visible_names<'a>(v: &View<'a>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for (t, a) in table_refs(v) {
        let n = visible_name(v, t, a);
        if !names.iter().any(|x| x.eq_ignore_ascii_case(n)) {
            names.push(n);
        }
    }
    names
}

pub(super) fn column_wrong_table(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let names = visible_names(&v);
    let mut out = Vec::new();
    for (q, _) in qualified_columns(&v) {
        for other in &names {
            if !other.eq_ignore_ascii_case(v.text(q)) {
                out.push(v.replace(q, other, "other_table_qualifier"));
            }
        }
    }
    out
}

pub(super) fn table_name_after_alias(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let refs = table_refs(&v);
    let mut out = Vec::new();
    for (q, _) in qualified_columns(&v) {
        let aliased = refs
            .iter()
            .find(|(_, a)| a.is_some_and(|a| v.text(a).eq_ignore_ascii_case(v.text(q))));
        if let Some((t, _)) = aliased {
            out.push(v.replace(q, v.text(*t), "table_name_for_alias"));
        }
    }
    out
}

pub(super) fn missing_derived_alias(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for k in 1..v.len().saturating_sub(1) {
        if !(v.text(k) == "(" && v.is_any(k - 1, &["from", "join"]) && v.is(k + 1, "select")) {
            continue;
        }
        let Some(close) = matching_close(&v, &d, k) else {
            continue;
        };
        let alias = if v.is(close + 1, "as") {
            close + 2
        } else {
            close + 1
        };
        if alias < v.len() && v.tok(alias).kind == Kind::Word && !is_keyword(v.text(alias)) {
            out.push(v.remove_range(close + 1, alias, "drop_derived_alias"));
        }
    }
    out
}

pub(super) fn duplicate_table_alias(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let refs = table_refs(&v);
    let mut out = Vec::new();
    for (i, (t, alias)) in refs.iter().enumerate().skip(1) {
        let Some(alias) = alias else { continue };
        let (t0, a0) = refs[i - 1];
        // Only a neighbour in the same FROM clause.
        if d[t0] != d[*t] || (t0..*t).any(|j| d[j] < d[*t]) {
            continue;
        }
        let first = visible_name(&v, t0, a0);
        if !first.eq_ignore_ascii_case(v.text(*alias)) {
            out.push(v.replace(*alias, first, "reused_alias"));
        }
    }
    out
}

pub(super) fn using_column_missing(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(7))
        .filter(|&k| {
            v.is(k, "on")
                && v.at(k + 2) == "."
                && v.at(k + 4) == "="
                && v.at(k + 6) == "."
                && !v.is_any(k + 8, &["and", "or", "."])
                && !v.text(k + 3).eq_ignore_ascii_case(v.text(k + 7))
        })
        .map(|k| {
            let col = v.text(k + 3);
            v.replace_range(k, k + 7, &format!("USING ({col})"), "using_one_side")
        })
        .collect()
}
