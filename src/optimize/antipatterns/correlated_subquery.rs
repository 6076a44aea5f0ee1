//! A correlated scalar subquery instead of a join: a lookup join on a
//! unique key becomes one subquery per output column,
//! `SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id`
//! → `SELECT o.id, (SELECT c.name FROM customers c WHERE c.id = o.customer_id) AS name
//!    FROM orders o WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)`.

use super::ast::{
    alias_refs, and_all, bare_names, conjuncts, group_by_is_empty, has_bare_identifier,
    has_own_aggregate, has_subquery, has_window, ident_eq, lower, own_alias_refs, parse_expr,
    rewrite_queries,
};
use super::{AntiPattern, Context};
use sqlparser::ast::{
    BinaryOperator, Distinct, Expr, Ident, JoinConstraint, JoinOperator, Query, Select, SelectItem,
    SetExpr, TableFactor, VisitMut, VisitorMut,
};
use std::ops::ControlFlow;

pub struct CorrelatedSubquery;

impl AntiPattern for CorrelatedSubquery {
    fn name(&self) -> &'static str {
        "correlated_subquery_instead_of_join"
    }

    fn condition(&self) -> &'static str {
        "When a joined table T is matched on a unique key (ON binds every column of a PRIMARY \
         KEY or UNIQUE constraint with equalities to other tables' columns), each row meets at \
         most one T row, so a column of T equals a scalar subquery over T with the ON \
         condition. For LEFT JOIN the NULL of a missing match is the subquery's NULL; for an \
         inner join, rows without a match are dropped by an added EXISTS with the same \
         condition, which is equivalent while every join of the SELECT is inner or LEFT. T may \
         be used only in the SELECT list, outside aggregates and windows; no GROUP BY, HAVING, \
         unqualified name of a T column, or subquery in ON."
    }

    fn slow_variants(&self, fast: &Query, cx: &Context) -> Vec<Query> {
        rewrite_queries(fast, |q, _| {
            let SetExpr::Select(s) = q.body.as_ref() else {
                return Vec::new();
            };
            if !eligible(s) {
                return Vec::new();
            }
            let mut out = Vec::new();
            for (i, item) in s.from.iter().enumerate() {
                for j in 0..item.joins.len() {
                    out.extend(lift(q, s, i, j, cx));
                }
            }
            out
        })
    }
}

fn eligible(s: &Select) -> bool {
    matches!(s.distinct, None | Some(Distinct::Distinct))
        && s.top.is_none()
        && group_by_is_empty(s)
        && s.having.is_none()
        && s.qualify.is_none()
        && s.named_window.is_empty()
        && !has_own_aggregate(s)
        && !has_window(&s.projection)
        && s.projection.iter().all(|i| {
            matches!(
                i,
                SelectItem::UnnamedExpr(_) | SelectItem::ExprWithAlias { .. }
            )
        })
        && s.from.iter().flat_map(|t| &t.joins).all(|j| {
            matches!(
                j.join_operator,
                JoinOperator::Join(JoinConstraint::On(_))
                    | JoinOperator::Inner(JoinConstraint::On(_))
                    | JoinOperator::Left(JoinConstraint::On(_))
                    | JoinOperator::LeftOuter(JoinConstraint::On(_))
            )
        })
}

fn lift(q: &Query, s: &Select, i: usize, j: usize, cx: &Context) -> Option<Query> {
    let join = &s.from[i].joins[j];
    let (on, inner) = match &join.join_operator {
        JoinOperator::Join(JoinConstraint::On(e)) | JoinOperator::Inner(JoinConstraint::On(e)) => {
            (e, true)
        }
        JoinOperator::Left(JoinConstraint::On(e))
        | JoinOperator::LeftOuter(JoinConstraint::On(e)) => (e, false),
        _ => return None,
    };
    let TableFactor::Table {
        name,
        alias,
        args: None,
        ..
    } = &join.relation
    else {
        return None;
    };
    if alias.as_ref().is_some_and(|a| !a.columns.is_empty()) {
        return None;
    }
    let table = cx.table(name)?;
    let t = alias
        .as_ref()
        .map(|a| a.name.clone())
        .or_else(|| super::ast::last_ident(name).cloned())?;
    // Inside the subquery an unqualified name could bind to T instead.
    if has_bare_identifier(on) || has_subquery(on) {
        return None;
    }
    let bound = key_bindings(on, &t);
    if !table.has_unique(&bound) {
        return None;
    }
    let mut rest = s.clone();
    rest.from[i].joins.remove(j);
    rest.projection.clear();
    if alias_refs(&rest, &t) > 0 || q.order_by.as_ref().is_some_and(|o| alias_refs(o, &t) > 0) {
        return None;
    }
    let mut bare = bare_names(s);
    bare.extend(bare_names(&q.order_by));
    if bare.keys().any(|n| table.column(n).is_some()) {
        return None;
    }
    let used = alias_refs(&s.projection, &t);
    if used == 0 || used != own_alias_refs(&s.projection, &t) {
        return None;
    }
    let source = join.relation.to_string();
    let mut new = s.clone();
    new.from[i].joins.remove(j);
    let mut lifter = Lifter {
        t: &t,
        source: &source,
        on,
        depth: 0,
        failed: false,
    };
    for item in &mut new.projection {
        let name_it = match item {
            SelectItem::UnnamedExpr(Expr::CompoundIdentifier(p))
                if p.len() == 2 && ident_eq(&p[0], &t) =>
            {
                Some(p[1].clone())
            }
            _ => None,
        };
        let _ = VisitMut::visit(&mut *item, &mut lifter);
        // Keep the output name `col` that `t.col` had, for enclosing queries.
        if let (Some(alias), SelectItem::UnnamedExpr(expr)) = (name_it, item.clone()) {
            *item = SelectItem::ExprWithAlias { expr, alias };
        }
    }
    if lifter.failed {
        return None;
    }
    if inner {
        let exists = parse_expr(&format!("EXISTS (SELECT 1 FROM {source} WHERE {on})"))?;
        new.selection = and_all(new.selection.iter().cloned().chain([exists]).collect());
    }
    let mut out = q.clone();
    out.body = Box::new(SetExpr::Select(Box::new(new)));
    Some(out)
}

/// Columns of `t` that `on` equates with expressions not reading `t`.
fn key_bindings(on: &Expr, t: &Ident) -> Vec<String> {
    let mut bound = Vec::new();
    for c in conjuncts(on) {
        let Expr::BinaryOp {
            left,
            op: BinaryOperator::Eq,
            right,
        } = &c
        else {
            continue;
        };
        for (side, other) in [(left, right), (right, left)] {
            if let Expr::CompoundIdentifier(p) = side.as_ref() {
                if p.len() == 2 && ident_eq(&p[0], t) && alias_refs(other.as_ref(), t) == 0 {
                    bound.push(lower(&p[1]));
                }
            }
        }
    }
    bound
}

/// Replaces `t.col` outside nested queries with the lookup subquery.
struct Lifter<'a> {
    t: &'a Ident,
    source: &'a str,
    on: &'a Expr,
    depth: usize,
    failed: bool,
}

impl VisitorMut for Lifter<'_> {
    type Break = ();

    fn pre_visit_query(&mut self, _: &mut Query) -> ControlFlow<()> {
        self.depth += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _: &mut Query) -> ControlFlow<()> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, e: &mut Expr) -> ControlFlow<()> {
        if self.depth > 0 {
            return ControlFlow::Continue(());
        }
        if let Expr::CompoundIdentifier(p) = e {
            if p.len() == 2 && ident_eq(&p[0], self.t) {
                let sql = format!("(SELECT {e} FROM {} WHERE {})", self.source, self.on);
                match parse_expr(&sql) {
                    Some(sub) => *e = sub,
                    None => self.failed = true,
                }
            }
        }
        ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn lifts_left_and_inner_lookup_joins() {
        assert_eq!(
            rewrite(
                &CorrelatedSubquery,
                "SELECT o.id, c.name, UPPER(c.country) AS cc FROM orders o \
                 LEFT JOIN customers c ON c.id = o.customer_id WHERE o.amount > 5 ORDER BY o.id"
            ),
            ["SELECT o.id, (SELECT c.name FROM customers c WHERE c.id = o.customer_id) AS name, UPPER((SELECT c.country FROM customers c WHERE c.id = o.customer_id)) AS cc FROM orders o WHERE o.amount > 5 ORDER BY o.id"]
        );
        assert_eq!(
            rewrite(
                &CorrelatedSubquery,
                "SELECT i.order_id, o.status FROM order_items i JOIN orders o ON o.id = i.order_id"
            ),
            ["SELECT i.order_id, (SELECT o.status FROM orders o WHERE o.id = i.order_id) AS status FROM order_items i WHERE EXISTS (SELECT 1 FROM orders o WHERE o.id = i.order_id)"]
        );
    }

    #[test]
    fn leaves_non_unique_or_widely_used_joins_alone() {
        for sql in [
            // customer_id is not a key of orders.
            "SELECT c.id, o.status FROM customers c JOIN orders o ON o.customer_id = c.id",
            // The joined table is filtered on, ordered by, grouped by or aggregated.
            "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.tier = 'gold'",
            "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY c.name",
            "SELECT c.name, COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.name",
            // An unqualified column of the joined table.
            "SELECT o.id, name FROM orders o JOIN customers c ON c.id = o.customer_id",
            // RIGHT JOIN elsewhere in the SELECT.
            "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id RIGHT JOIN order_items i ON i.order_id = o.id",
            // Unique but only on part of a composite key.
            "SELECT o.id, i.quantity FROM orders o LEFT JOIN order_items i ON i.order_id = o.id",
        ] {
            assert!(rewrite(&CorrelatedSubquery, sql).is_empty(), "{sql}");
        }
    }
}
