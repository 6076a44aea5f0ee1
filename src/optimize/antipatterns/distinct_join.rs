//! DISTINCT over a join instead of EXISTS:
//! `SELECT a.id, a.x FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.a_id = a.id)` →
//! `SELECT DISTINCT a.id, a.x FROM a JOIN b ON b.a_id = a.id`.

use super::ast::{
    alias_refs, and_all, any_expr, bare_names, column_ref, conjuncts, group_by_is_empty,
    has_bare_identifier, has_own_aggregate, has_subquery, has_window, ident_eq, last_ident, lower,
    rewrite_queries,
};
use super::schema::Table;
use super::{AntiPattern, Context};
use sqlparser::ast::{
    Distinct, Expr, Ident, Join, JoinConstraint, JoinOperator, OrderByKind, Query, Select,
    SelectItem, SelectItemQualifiedWildcardKind, SetExpr, TableFactor,
};

pub struct DistinctJoin;

impl AntiPattern for DistinctJoin {
    fn name(&self) -> &'static str {
        "distinct_join_instead_of_exists"
    }

    fn condition(&self) -> &'static str {
        "Joining B on the EXISTS condition repeats each qualifying row of A once per match; \
         DISTINCT folds the copies back, and loses nothing when the original rows were already \
         distinct: the SELECT was DISTINCT, or its output includes a NOT NULL unique key of A. \
         Applied to a SELECT over one base table A (no joins, GROUP BY, aggregates or windows) \
         with a top-level EXISTS over one base table B whose WHERE reads only qualified \
         columns of A and B; no unqualified name may become ambiguous, and ORDER BY may only \
         use output columns (DISTINCT requires it)."
    }

    fn slow_variants(&self, fast: &Query, cx: &Context) -> Vec<Query> {
        rewrite_queries(fast, |q, _| {
            let SetExpr::Select(s) = q.body.as_ref() else {
                return Vec::new();
            };
            let Some(selection) = &s.selection else {
                return Vec::new();
            };
            let parts = conjuncts(selection);
            (0..parts.len())
                .filter_map(|k| join_exists(q, s, &parts, k, cx))
                .collect()
        })
    }
}

struct Outer<'a> {
    alias: Ident,
    table: Option<&'a Table>,
}

fn outer<'a>(s: &Select, cx: &Context<'a>) -> Option<Outer<'a>> {
    let [item] = s.from.as_slice() else {
        return None;
    };
    let TableFactor::Table {
        name,
        alias,
        args: None,
        ..
    } = &item.relation
    else {
        return None;
    };
    let ok = item.joins.is_empty()
        && alias.as_ref().is_none_or(|a| a.columns.is_empty())
        && matches!(s.distinct, None | Some(Distinct::Distinct))
        && s.top.is_none()
        && group_by_is_empty(s)
        && s.having.is_none()
        && s.qualify.is_none()
        && s.named_window.is_empty()
        && !has_own_aggregate(s)
        && !has_window(&s.projection);
    ok.then(|| Outer {
        alias: alias
            .as_ref()
            .map(|a| a.name.clone())
            .or_else(|| last_ident(name).cloned())
            .unwrap_or_else(|| Ident::new("")),
        table: cx.table(name),
    })
}

fn join_exists(q: &Query, s: &Select, parts: &[Expr], k: usize, cx: &Context) -> Option<Query> {
    let Expr::Exists {
        subquery,
        negated: false,
    } = &parts[k]
    else {
        return None;
    };
    let a = outer(s, cx)?;
    let (relation, b, cond) = inner(subquery)?;
    if ident_eq(&b, &a.alias)
        || has_bare_identifier(cond)
        || has_subquery(cond)
        || alias_refs(cond, &a.alias) == 0
        || !only_qualified_by(cond, &[&a.alias, &b])
    {
        return None;
    }
    // Nothing else in the SELECT may read an alias named like B.
    let mut rest = s.clone();
    rest.selection = and_all(
        parts
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .map(|(_, e)| e.clone())
            .collect(),
    );
    if alias_refs(&rest, &b) > 0 || q.order_by.as_ref().is_some_and(|o| alias_refs(o, &b) > 0) {
        return None;
    }
    // Unqualified names must not become ambiguous with B's columns.
    let mut bare = bare_names(s);
    bare.extend(bare_names(&q.order_by));
    let b_table = match &relation {
        TableFactor::Table { name, .. } => cx.table(name),
        _ => None,
    };
    let ambiguous = match b_table {
        Some(t) => bare.keys().any(|n| t.column(n).is_some()),
        None => !bare.is_empty(),
    };
    if ambiguous || !distinct_already(s, &a) || !order_by_in_output(q, s, &a.alias) {
        return None;
    }
    let mut new = rest;
    new.distinct = Some(Distinct::Distinct);
    new.from[0].joins.push(Join {
        relation,
        global: false,
        join_operator: JoinOperator::Join(JoinConstraint::On(cond.clone())),
    });
    let mut out = q.clone();
    out.body = Box::new(SetExpr::Select(Box::new(new)));
    Some(out)
}

/// The EXISTS subquery's table, its alias and its WHERE, when it is one plain table.
fn inner(sub: &Query) -> Option<(TableFactor, Ident, &Expr)> {
    if sub.with.is_some()
        || sub.order_by.is_some()
        || sub.limit_clause.is_some()
        || sub.fetch.is_some()
    {
        return None;
    }
    let SetExpr::Select(b) = sub.body.as_ref() else {
        return None;
    };
    let [item] = b.from.as_slice() else {
        return None;
    };
    let TableFactor::Table {
        name,
        alias,
        args: None,
        ..
    } = &item.relation
    else {
        return None;
    };
    let plain = item.joins.is_empty()
        && alias.as_ref().is_none_or(|a| a.columns.is_empty())
        && b.distinct.is_none()
        && b.top.is_none()
        && group_by_is_empty(b)
        && b.having.is_none()
        && b.qualify.is_none()
        && !has_own_aggregate(b);
    if !plain {
        return None;
    }
    let alias = alias
        .as_ref()
        .map(|a| a.name.clone())
        .or_else(|| last_ident(name).cloned())?;
    Some((item.relation.clone(), alias, b.selection.as_ref()?))
}

/// Whether every qualified column in `e` is qualified by one of `aliases`.
fn only_qualified_by(e: &Expr, aliases: &[&Ident]) -> bool {
    !any_expr(e, |x| match x {
        Expr::CompoundIdentifier(p) => p.len() != 2 || !aliases.iter().any(|a| ident_eq(a, &p[0])),
        _ => false,
    })
}

/// Whether the SELECT's rows are distinct before the join.
fn distinct_already(s: &Select, a: &Outer) -> bool {
    if s.distinct.is_some() {
        return true;
    }
    let Some(table) = a.table else {
        return false;
    };
    let mut columns = Vec::new();
    for item in &s.projection {
        match item {
            SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => {
                if let Some((q, c)) = column_ref(e) {
                    if q.is_none_or(|q| ident_eq(q, &a.alias)) {
                        columns.push(lower(c));
                    }
                }
            }
            SelectItem::QualifiedWildcard(SelectItemQualifiedWildcardKind::ObjectName(n), _)
                if last_ident(n).is_some_and(|i| ident_eq(i, &a.alias)) =>
            {
                columns.extend(table.columns.iter().map(|c| c.name.clone()));
            }
            _ => return false,
        }
    }
    table.has_unique_not_null(&columns)
}

/// Whether every ORDER BY key is an output column (a position, an output
/// alias, an output expression, or a column of `a.*`).
fn order_by_in_output(q: &Query, s: &Select, a: &Ident) -> bool {
    let Some(order_by) = &q.order_by else {
        return true;
    };
    let OrderByKind::Expressions(keys) = &order_by.kind else {
        return false;
    };
    let mut outputs = Vec::new();
    let mut aliases = Vec::new();
    let mut star = false;
    for item in &s.projection {
        match item {
            SelectItem::UnnamedExpr(e) => outputs.push(e.to_string()),
            SelectItem::ExprWithAlias { expr, alias } => {
                outputs.push(expr.to_string());
                aliases.push(alias);
            }
            _ => star = true,
        }
    }
    keys.iter().all(|k| match &k.expr {
        Expr::Value(_) => true,
        Expr::Identifier(i) if aliases.iter().any(|a| ident_eq(a, i)) => true,
        Expr::CompoundIdentifier(p) if star && p.len() == 2 && ident_eq(&p[0], a) => true,
        e => outputs.contains(&e.to_string()) && !has_subquery(e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn joins_and_deduplicates_keyed_rows() {
        assert_eq!(
            rewrite(
                &DistinctJoin,
                "SELECT c.id, c.name FROM customers c \
                 WHERE c.tier = 'gold' AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.amount > 100) \
                 ORDER BY c.name, 1"
            ),
            ["SELECT DISTINCT c.id, c.name FROM customers c JOIN orders o ON o.customer_id = c.id AND o.amount > 100 WHERE c.tier = 'gold' ORDER BY c.name, 1"]
        );
        // Already DISTINCT: no key needed.
        assert_eq!(
            rewrite(
                &DistinctJoin,
                "SELECT DISTINCT c.tier FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)"
            ),
            ["SELECT DISTINCT c.tier FROM customers c JOIN orders o ON o.customer_id = c.id"]
        );
    }

    #[test]
    fn leaves_rows_that_may_repeat_alone() {
        for sql in [
            // tier is not a key: two gold customers would fold into one row.
            "SELECT c.tier FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
            // Nullable unique key.
            "SELECT c.email FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
            "SELECT c.id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
            // ORDER BY a column DISTINCT would not output.
            "SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) ORDER BY c.name",
            // An unqualified name that orders also has.
            "SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) AND id > 3",
            "SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE customer_id = c.id)",
            "SELECT c.id, COUNT(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) GROUP BY c.id",
        ] {
            assert!(rewrite(&DistinctJoin, sql).is_empty(), "{sql}");
        }
    }
}
