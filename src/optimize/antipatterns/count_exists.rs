//! COUNT(*) instead of EXISTS: `EXISTS (SELECT … FROM … WHERE p)` →
//! `(SELECT COUNT(*) FROM … WHERE p) > 0`, and `NOT EXISTS` → `… = 0`.

use super::ast::{group_by_is_empty, has_own_aggregate, has_window, parse_expr, rewrite_exprs};
use super::{AntiPattern, Context};
use sqlparser::ast::{Expr, Query, SelectItem, SetExpr};

pub struct CountExists;

impl AntiPattern for CountExists {
    fn name(&self) -> &'static str {
        "count_instead_of_exists"
    }

    fn condition(&self) -> &'static str {
        "For a plain subquery (one SELECT with FROM, no DISTINCT, GROUP BY, HAVING, aggregate, \
         window, ORDER BY, LIMIT or WITH) the number of rows it returns is COUNT(*) over the \
         same FROM and WHERE, so EXISTS holds exactly when that count is above 0. Neither side \
         is ever NULL."
    }

    fn slow_variants(&self, fast: &Query, _cx: &Context) -> Vec<Query> {
        rewrite_exprs(fast, |e| {
            let Expr::Exists { subquery, negated } = e else {
                return Vec::new();
            };
            let test = if *negated { "= 0" } else { "> 0" };
            counted(subquery)
                .and_then(|q| parse_expr(&format!("({q}) {test}")))
                .into_iter()
                .collect()
        })
    }
}

fn counted(q: &Query) -> Option<Query> {
    if q.with.is_some() || q.order_by.is_some() || q.limit_clause.is_some() || q.fetch.is_some() {
        return None;
    }
    let SetExpr::Select(s) = q.body.as_ref() else {
        return None;
    };
    if s.distinct.is_some()
        || s.top.is_some()
        || s.from.is_empty()
        || !group_by_is_empty(s)
        || s.having.is_some()
        || s.qualify.is_some()
        || has_own_aggregate(s)
        || has_window(&s.projection)
    {
        return None;
    }
    let count = SelectItem::UnnamedExpr(parse_expr("COUNT(*)")?);
    let mut q = q.clone();
    if let SetExpr::Select(s) = q.body.as_mut() {
        s.projection = vec![count];
    }
    Some(q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn rewrites_exists_and_not_exists() {
        assert_eq!(
            rewrite(
                &CountExists,
                "SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)"
            ),
            ["SELECT c.id FROM customers c WHERE (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) > 0"]
        );
        assert_eq!(
            rewrite(
                &CountExists,
                "SELECT c.id FROM customers c WHERE NOT EXISTS (SELECT o.id FROM orders o WHERE o.customer_id = c.id)"
            ),
            ["SELECT c.id FROM customers c WHERE (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) = 0"]
        );
    }

    #[test]
    fn leaves_aggregating_or_limited_subqueries_alone() {
        for sql in [
            // An aggregate without GROUP BY always returns one row.
            "SELECT c.id FROM customers c WHERE EXISTS (SELECT MAX(o.id) FROM orders o WHERE o.customer_id = c.id)",
            "SELECT c.id FROM customers c WHERE EXISTS (SELECT o.status FROM orders o GROUP BY o.status HAVING COUNT(*) > 1)",
            "SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o LIMIT 1)",
            "SELECT c.id FROM customers c WHERE c.id IN (SELECT o.customer_id FROM orders o)",
        ] {
            assert!(rewrite(&CountExists, sql).is_empty(), "{sql}");
        }
    }
}
