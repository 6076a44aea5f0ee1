//! Logic-bug rules on conditions: lost conjuncts, join keys and filters in
//! the wrong clause.

use super::view::*;
use super::Injection;

/// Conjuncts `AND cond` at the depth of the clause keyword `clause` (WHERE,
/// ON, HAVING): (AND token, last token of the condition).
fn and_conjuncts(v: &View<'_>, d: &[i32], clause: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = clause + 1;
    while k < v.len() {
        let end = expression_end(v, d, k);
        if v.is(end + 1, "and") && d[end + 1] == d[clause] {
            let cond_end = expression_end(v, d, end + 2);
            // Conditions over two lines or more are left alone: the edit
            // must stay small.
            if v.slice(end + 1, cond_end).matches('\n').count() <= 1 {
                out.push((end + 1, cond_end));
            }
            k = end + 2;
        } else {
            break;
        }
    }
    out
}

fn clauses(v: &View<'_>, word: &str) -> Vec<usize> {
    (0..v.len()).filter(|&k| v.is(k, word)).collect()
}

pub(super) fn drop_where_conjunct(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    clauses(&v, "where")
        .into_iter()
        .chain(clauses(&v, "having"))
        .flat_map(|c| and_conjuncts(&v, &d, c))
        .map(|(and, last)| v.remove_range(and, last, "drop_conjunct"))
        .collect()
}

pub(super) fn drop_join_conjunct(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    clauses(&v, "on")
        .into_iter()
        .flat_map(|c| and_conjuncts(&v, &d, c))
        .map(|(and, last)| v.remove_range(and, last, "drop_join_conjunct"))
        .collect()
}

pub(super) fn outer_join_filter_to_where(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for on in clauses(&v, "on") {
        // Only the last join of a query without WHERE at that depth.
        let left = (0..on).rev().take(8).any(|j| v.is(j, "left"));
        let has_where = (on..v.len()).any(|j| d[j] == d[on] && v.is(j, "where"));
        let Some(&(and, last)) = and_conjuncts(&v, &d, on).last() else {
            continue;
        };
        let next = v.at(last + 1).to_ascii_lowercase();
        let ends_join = matches!(next.as_str(), "" | "group" | "order" | "limit" | ")")
            && (last + 1 >= v.len() || d[last + 1] <= d[on]);
        if left && !has_where && ends_join {
            out.push(v.replace(
                and,
                &match_case(v.text(and), "WHERE"),
                "filter_moved_to_where",
            ));
        }
    }
    out
}

pub(super) fn drop_not_in_null_guard(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for k in 0..v.len().saturating_sub(3) {
        if !(v.is(k, "not") && v.is(k + 1, "in") && v.at(k + 2) == "(" && v.is(k + 3, "select")) {
            continue;
        }
        let Some(close) = matching_close(&v, &d, k + 2) else {
            continue;
        };
        for w in (k + 3..close).filter(|&j| v.is(j, "where") && d[j] == d[k] + 1) {
            let guard = |a: usize, b: usize| {
                b >= 2 && v.is(b, "null") && v.is(b - 1, "not") && v.is(b - 2, "is") && a < b
            };
            let first_end = expression_end(&v, &d, w + 1);
            let conjuncts = and_conjuncts(&v, &d, w);
            for (and, last) in &conjuncts {
                if guard(*and, *last) {
                    out.push(v.remove_range(*and, *last, "drop_null_guard"));
                }
            }
            if guard(w + 1, first_end) {
                let removed = match conjuncts.first() {
                    // `WHERE x IS NOT NULL AND y` keeps `WHERE y`.
                    Some(&(and, _)) => v.remove_range(w + 1, and, "drop_null_guard"),
                    None => v.remove_range(w, first_end, "drop_null_guard"),
                };
                out.push(removed);
            }
        }
    }
    out
}

pub(super) fn having_instead_of_where(sql: &str) -> Vec<Injection> {
    where_to_having(sql, "where_to_having")
}

/// `WHERE c GROUP BY k` becomes `GROUP BY k HAVING c`: a wrong result where
/// the engine allows it, an error where it does not (MySQL).
pub(super) fn where_to_having(sql: &str, variant: &'static str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for w in clauses(&v, "where") {
        let end = expression_end(&v, &d, w + 1);
        let mut last = end;
        while v.is(last + 1, "and") || v.is(last + 1, "or") {
            last = expression_end(&v, &d, last + 2);
        }
        if !(v.is(last + 1, "group") && v.is(last + 2, "by")) || v.is(last + 1, "having") {
            continue;
        }
        let keys = by_keys(&v, &d, last + 2);
        let Some(&(_, key_end)) = keys.last() else {
            continue;
        };
        if v.is(key_end + 1, "having") || v.slice(w, key_end).matches('\n').count() > 1 {
            continue;
        }
        // `WHERE c GROUP BY k` becomes `GROUP BY k HAVING c`.
        let cond = v.slice(w + 1, last);
        let group = v.slice(last + 1, key_end);
        let sep = &sql[v.tok(last).span.end..v.tok(last + 1).span.start];
        let having = match_case(v.text(w), "HAVING");
        out.push(v.replace_range(w, key_end, &format!("{group}{sep}{having} {cond}"), variant));
    }
    out
}

pub(super) fn wrong_join_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let cols = qualified_columns(&v);
    let mut out = Vec::new();
    for on in clauses(&v, "on") {
        for &(q, c) in cols.iter().filter(|(q, _)| *q > on && *q <= on + 7) {
            let other = cols.iter().find(|&&(q2, c2)| {
                v.text(q2).eq_ignore_ascii_case(v.text(q))
                    && !v.text(c2).eq_ignore_ascii_case(v.text(c))
            });
            if let Some(&(_, c2)) = other {
                out.push(v.replace(c, v.text(c2), "other_key_column"));
            }
        }
    }
    out
}
