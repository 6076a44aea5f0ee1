//! UNION where UNION ALL is safe: the slow form deduplicates rows that are
//! provably distinct already.

use super::ast::{
    column_ref, has_own_aggregate, ident_eq, lower, number_literal, rewrite_queries, string_literal,
};
use super::scope::Scope;
use super::{AntiPattern, Context};
use sqlparser::ast::{
    Distinct, Expr, GroupByExpr, Query, Select, SelectItem, SetExpr, SetOperator, SetQuantifier,
};

pub struct UnionDistinct;

impl AntiPattern for UnionDistinct {
    fn name(&self) -> &'static str {
        "union_instead_of_union_all"
    }

    fn condition(&self) -> &'static str {
        "UNION equals UNION ALL when the UNION ALL result has no duplicate rows. Proven when \
         (1) every branch is duplicate-free: SELECT DISTINCT; GROUP BY whose keys are all \
         output columns; an aggregate without GROUP BY (at most one row); or one base table \
         whose output includes a NOT NULL unique key; and (2) branches are pairwise disjoint: \
         one output position holds a constant in every branch, all different (strings compared \
         trimmed and case-folded, ASCII only, as MariaDB's collations would)."
    }

    fn slow_variants(&self, fast: &Query, cx: &Context) -> Vec<Query> {
        rewrite_queries(fast, |q, _| {
            let mut branches = Vec::new();
            if !flatten(&q.body, &mut branches) || branches.len() < 2 {
                return Vec::new();
            }
            let selects: Option<Vec<&Select>> = branches
                .iter()
                .map(|b| match b {
                    SetExpr::Select(s) => Some(s.as_ref()),
                    _ => None,
                })
                .collect();
            let Some(selects) = selects else {
                return Vec::new();
            };
            if !selects.iter().all(|s| duplicate_free(s, cx)) || !tagged_apart(&selects) {
                return Vec::new();
            }
            let mut new = q.clone();
            deduplicate(&mut new.body);
            vec![new]
        })
    }
}

/// The branches of a chain made only of UNION ALL.
fn flatten<'q>(e: &'q SetExpr, out: &mut Vec<&'q SetExpr>) -> bool {
    match e {
        SetExpr::SetOperation {
            op: SetOperator::Union,
            set_quantifier: SetQuantifier::All,
            left,
            right,
        } => flatten(left, out) && flatten(right, out),
        SetExpr::SetOperation { .. } => false,
        other => {
            out.push(other);
            true
        }
    }
}

fn deduplicate(e: &mut SetExpr) {
    if let SetExpr::SetOperation {
        set_quantifier,
        left,
        right,
        ..
    } = e
    {
        // Plain UNION: SQLite has no UNION DISTINCT.
        *set_quantifier = SetQuantifier::None;
        deduplicate(left);
        deduplicate(right);
    }
}

fn output_exprs(s: &Select) -> Vec<Option<&Expr>> {
    s.projection
        .iter()
        .map(|i| match i {
            SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => Some(e),
            _ => None,
        })
        .collect()
}

fn duplicate_free(s: &Select, cx: &Context) -> bool {
    match &s.distinct {
        Some(Distinct::Distinct) => return true,
        Some(Distinct::On(_)) => return false,
        _ => {}
    }
    let GroupByExpr::Expressions(keys, modifiers) = &s.group_by else {
        return false;
    };
    if !modifiers.is_empty() {
        return false;
    }
    if !keys.is_empty() {
        let outputs: Vec<String> = output_exprs(s)
            .iter()
            .flatten()
            .map(|e| e.to_string())
            .collect();
        return keys.iter().all(|k| outputs.contains(&k.to_string()));
    }
    has_own_aggregate(s) || keyed_single_table(s, cx)
}

fn keyed_single_table(s: &Select, cx: &Context) -> bool {
    let [item] = s.from.as_slice() else {
        return false;
    };
    if !item.joins.is_empty() {
        return false;
    }
    let scope = Scope::of(s, cx);
    let [source] = scope.sources.as_slice() else {
        return false;
    };
    let Some(table) = source.table else {
        return false;
    };
    let columns: Vec<String> = output_exprs(s)
        .into_iter()
        .flatten()
        .filter_map(column_ref)
        .filter(|(q, _)| q.is_none_or(|q| ident_eq(q, &source.alias)))
        .map(|(_, c)| lower(c))
        .collect();
    table.has_unique_not_null(&columns)
}

/// Whether some output position holds pairwise different constants.
fn tagged_apart(selects: &[&Select]) -> bool {
    let outputs: Vec<Vec<Option<&Expr>>> = selects.iter().map(|s| output_exprs(s)).collect();
    let width = outputs.iter().map(Vec::len).min().unwrap_or(0);
    (0..width).any(|p| {
        let column: Vec<Option<&Expr>> = outputs.iter().map(|o| o[p]).collect();
        let strings: Option<Vec<String>> = column
            .iter()
            .map(|e| e.and_then(string_literal).and_then(folded))
            .collect();
        if let Some(v) = strings {
            return pairwise_distinct(&v, |a, b| a == b);
        }
        let numbers: Option<Vec<f64>> = column.iter().map(|e| e.and_then(number_literal)).collect();
        numbers.is_some_and(|v| pairwise_distinct(&v, |a, b| a == b))
    })
}

/// A tag as a case- and pad-insensitive collation sees it; None when such a
/// collation might equate it with something else.
fn folded(s: &str) -> Option<String> {
    s.chars()
        .all(|c| c.is_ascii_graphic() || c == ' ')
        .then(|| s.trim_end().to_ascii_lowercase())
}

fn pairwise_distinct<T>(v: &[T], same: impl Fn(&T, &T) -> bool) -> bool {
    v.iter()
        .enumerate()
        .all(|(i, a)| v[i + 1..].iter().all(|b| !same(a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn deduplicates_tagged_duplicate_free_branches() {
        assert_eq!(
            rewrite(
                &UnionDistinct,
                "SELECT 'big' AS kind, COUNT(*) AS n FROM orders WHERE amount > 100 \
                 UNION ALL SELECT 'small', COUNT(*) FROM orders WHERE amount <= 100 \
                 UNION ALL SELECT 'customer', c.id FROM customers c"
            ),
            ["SELECT 'big' AS kind, COUNT(*) AS n FROM orders WHERE amount > 100 UNION SELECT 'small', COUNT(*) FROM orders WHERE amount <= 100 UNION SELECT 'customer', c.id FROM customers c"]
        );
        assert_eq!(
            rewrite(
                &UnionDistinct,
                "SELECT 1, status FROM orders GROUP BY status UNION ALL SELECT 2, tier FROM customers GROUP BY tier"
            ),
            ["SELECT 1, status FROM orders GROUP BY status UNION SELECT 2, tier FROM customers GROUP BY tier"]
        );
    }

    #[test]
    fn leaves_possible_duplicates_alone() {
        for sql in [
            // No tag: the branches may overlap.
            "SELECT c.id FROM customers c UNION ALL SELECT o.customer_id FROM orders o",
            // Tags equal under a case-insensitive collation.
            "SELECT 'A', COUNT(*) FROM orders UNION ALL SELECT 'a', COUNT(*) FROM customers",
            // A branch that may repeat rows (customer_id is not a key).
            "SELECT 'x', o.customer_id FROM orders o UNION ALL SELECT 'y', c.id FROM customers c",
            // email is unique but nullable.
            "SELECT 'x', c.email FROM customers c UNION ALL SELECT 'y', c.email FROM customers c",
            "SELECT 'x', 1 UNION SELECT 'y', 2",
        ] {
            assert!(rewrite(&UnionDistinct, sql).is_empty(), "{sql}");
        }
    }
}
