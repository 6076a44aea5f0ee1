//! A needless ORDER BY inside a subquery, derived table or CTE, whose
//! order nothing observes.

use super::ast::{any_query, column_ref, parse_query, rewrite_queries};
use super::{AntiPattern, Context};
use sqlparser::ast::{Query, SelectItem, SetExpr};

pub struct OrderBySubquery;

impl AntiPattern for OrderBySubquery {
    fn name(&self) -> &'static str {
        "order_by_in_subquery"
    }

    fn condition(&self) -> &'static str {
        "A nested query's row order is not part of its result: the enclosing query sees a \
         multiset. Applied only to nested queries without ORDER BY, LIMIT or FETCH (so the \
         sort cannot change which rows are kept), never to the statement itself, and never \
         inside WITH RECURSIVE (PostgreSQL rejects ORDER BY in a recursive term). The key is \
         the first output column, by name when it is a plain column, else by position."
    }

    fn slow_variants(&self, fast: &Query, _cx: &Context) -> Vec<Query> {
        if any_query(fast, |q| q.with.as_ref().is_some_and(|w| w.recursive)) {
            return Vec::new();
        }
        rewrite_queries(fast, |q, root| {
            if root || q.order_by.is_some() || q.limit_clause.is_some() || q.fetch.is_some() {
                return Vec::new();
            }
            let key = match q.body.as_ref() {
                SetExpr::Select(s) => match s.projection.first() {
                    Some(
                        SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. },
                    ) if column_ref(e).is_some() => e.to_string(),
                    _ => "1".to_string(),
                },
                SetExpr::SetOperation { .. } => "1".to_string(),
                _ => return Vec::new(),
            };
            let Some(order_by) =
                parse_query(&format!("SELECT 1 ORDER BY {key}")).and_then(|p| p.order_by)
            else {
                return Vec::new();
            };
            let mut q = q.clone();
            q.order_by = Some(order_by);
            vec![q]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn orders_derived_tables_ctes_and_subqueries() {
        assert_eq!(
            rewrite(
                &OrderBySubquery,
                "SELECT d.customer_id FROM (SELECT o.customer_id, o.amount FROM orders o) AS d"
            ),
            ["SELECT d.customer_id FROM (SELECT o.customer_id, o.amount FROM orders o ORDER BY o.customer_id) AS d"]
        );
        assert_eq!(
            rewrite(
                &OrderBySubquery,
                "WITH t AS (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id) \
                 SELECT c.name FROM customers c WHERE c.id IN (SELECT MAX(o.id) FROM orders o)"
            ),
            [
                "WITH t AS (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id ORDER BY customer_id) SELECT c.name FROM customers c WHERE c.id IN (SELECT MAX(o.id) FROM orders o)",
                "WITH t AS (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id) SELECT c.name FROM customers c WHERE c.id IN (SELECT MAX(o.id) FROM orders o ORDER BY 1)",
            ]
        );
    }

    #[test]
    fn leaves_top_level_limited_and_recursive_queries_alone() {
        for sql in [
            "SELECT o.id FROM orders o",
            "SELECT d.id FROM (SELECT o.id FROM orders o LIMIT 5) AS d",
            "SELECT d.id FROM (SELECT o.id FROM orders o ORDER BY o.amount) AS d",
            "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r",
        ] {
            assert!(rewrite(&OrderBySubquery, sql).is_empty(), "{sql}");
        }
    }
}
