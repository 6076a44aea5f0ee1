//! SELECT * where few columns are used: a derived table or CTE that picks
//! some columns of one table selects all of them instead.

use super::ast::{
    bare_names, column_ref, group_by_is_empty, has_natural_or_using, has_own_aggregate,
    has_wildcard, has_window, ident_eq, lower, parse_query, rewrite_queries, rewrite_tables,
};
use super::scope::Scope;
use super::{AntiPattern, Context};
use sqlparser::ast::{Query, SelectItem, SetExpr, TableFactor};
use std::collections::{BTreeMap, BTreeSet};

pub struct SelectStar;

impl AntiPattern for SelectStar {
    fn name(&self) -> &'static str {
        "select_star_in_subquery"
    }

    fn condition(&self) -> &'static str {
        "Columns a derived table or CTE outputs but nobody reads do not change any row the \
         enclosing query produces. Applied when the inner query selects plain, unrenamed \
         columns of one known table (no DISTINCT, grouping, aggregates, windows or LIMIT, so \
         the row multiset is the same with *), and the statement has no other * or x.*, no \
         NATURAL or USING join, and no unqualified name outside the inner query that one of \
         the added columns could capture."
    }

    fn slow_variants(&self, fast: &Query, cx: &Context) -> Vec<Query> {
        if has_wildcard(fast) || has_natural_or_using(fast) {
            return Vec::new();
        }
        let bare = bare_names(fast);
        let mut out = rewrite_tables(fast, |t| match t {
            TableFactor::Derived {
                lateral: false,
                subquery,
                alias: Some(a),
                ..
            } if a.columns.is_empty() => widen(subquery, cx, &bare)
                .map(|wide| {
                    let mut t = t.clone();
                    if let TableFactor::Derived { subquery, .. } = &mut t {
                        **subquery = wide;
                    }
                    t
                })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        });
        out.extend(rewrite_queries(fast, |q, _| {
            let Some(with) = q.with.as_ref().filter(|w| !w.recursive) else {
                return Vec::new();
            };
            let mut alts = Vec::new();
            for (i, cte) in with.cte_tables.iter().enumerate() {
                if !cte.alias.columns.is_empty() {
                    continue;
                }
                if let Some(wide) = widen(&cte.query, cx, &bare) {
                    let mut q = q.clone();
                    if let Some(w) = q.with.as_mut() {
                        *w.cte_tables[i].query = wide;
                    }
                    alts.push(q);
                }
            }
            alts
        }));
        out
    }
}

/// `q` with `*` for its column list, when that is safe.
fn widen(q: &Query, cx: &Context, bare: &BTreeMap<String, usize>) -> Option<Query> {
    if q.with.is_some() || q.limit_clause.is_some() || q.fetch.is_some() {
        return None;
    }
    let SetExpr::Select(s) = q.body.as_ref() else {
        return None;
    };
    let single = s.from.len() == 1 && s.from[0].joins.is_empty();
    if !single
        || s.distinct.is_some()
        || s.top.is_some()
        || !group_by_is_empty(s)
        || s.having.is_some()
        || s.qualify.is_some()
        || has_own_aggregate(s)
        || has_window(&s.projection)
    {
        return None;
    }
    let scope = Scope::of(s, cx);
    let [source] = scope.sources.as_slice() else {
        return None;
    };
    let table = source.table?;
    let mut kept = BTreeSet::new();
    for item in &s.projection {
        let (expr, alias) = match item {
            SelectItem::UnnamedExpr(e) => (e, None),
            SelectItem::ExprWithAlias { expr, alias } => (expr, Some(alias)),
            _ => return None,
        };
        let (qualifier, column) = column_ref(expr)?;
        if qualifier.is_some_and(|q| !ident_eq(q, &source.alias))
            || alias.is_some_and(|a| !ident_eq(a, column))
            || table.column(&column.value).is_none()
            || !kept.insert(lower(column))
        {
            return None;
        }
    }
    // Unqualified names used outside `q` that an added column could capture.
    let inside = bare_names(q);
    let outside =
        |name: &str| bare.get(name).copied().unwrap_or(0) > inside.get(name).copied().unwrap_or(0);
    let added: Vec<&str> = table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .filter(|c| !kept.contains(*c))
        .collect();
    if added.is_empty() || added.iter().any(|&c| outside(c)) {
        return None;
    }
    let star = match parse_query("SELECT * FROM t")?.body.as_ref() {
        SetExpr::Select(p) => p.projection.clone(),
        _ => return None,
    };
    let mut wide = q.clone();
    if let SetExpr::Select(s) = wide.body.as_mut() {
        s.projection = star;
    }
    Some(wide)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn widens_derived_tables_and_ctes() {
        assert_eq!(
            rewrite(
                &SelectStar,
                "SELECT d.id, c.name FROM (SELECT o.id, o.customer_id FROM orders o WHERE o.amount > 5) AS d \
                 JOIN customers c ON c.id = d.customer_id"
            ),
            ["SELECT d.id, c.name FROM (SELECT * FROM orders o WHERE o.amount > 5) AS d JOIN customers c ON c.id = d.customer_id"]
        );
        assert_eq!(
            rewrite(
                &SelectStar,
                "WITH paid AS (SELECT id, customer_id FROM orders WHERE status = 'paid') \
                 SELECT p.customer_id, COUNT(*) AS n FROM paid p GROUP BY p.customer_id"
            ),
            ["WITH paid AS (SELECT * FROM orders WHERE status = 'paid') SELECT p.customer_id, COUNT(*) AS n FROM paid p GROUP BY p.customer_id"]
        );
    }

    #[test]
    fn leaves_observable_or_non_plain_column_lists_alone() {
        for sql in [
            // The outer * would output the added columns.
            "SELECT * FROM (SELECT o.id FROM orders o) AS d",
            // DISTINCT over more columns keeps more rows.
            "SELECT d.status FROM (SELECT DISTINCT o.status FROM orders o) AS d",
            // Renamed or computed columns.
            "SELECT d.x FROM (SELECT o.id AS x FROM orders o) AS d",
            "SELECT d.amount FROM (SELECT o.amount * 2 AS amount FROM orders o) AS d",
            // `name` outside would become ambiguous if customers' columns were all output.
            "SELECT d.id, name FROM (SELECT c.id FROM customers c) AS d, (SELECT 'x' AS name) AS e",
            // A join inside: * would duplicate column names.
            "SELECT d.id FROM (SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id) AS d",
            // Used as an IN list, not a table.
            "SELECT c.id FROM customers c WHERE c.id IN (SELECT o.customer_id FROM orders o)",
        ] {
            assert!(rewrite(&SelectStar, sql).is_empty(), "{sql}");
        }
    }
}
