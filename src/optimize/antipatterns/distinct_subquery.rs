//! A needless DISTINCT inside an IN or EXISTS subquery:
//! `x IN (SELECT y FROM t)` → `x IN (SELECT DISTINCT y FROM t)`.

use super::ast::rewrite_exprs;
use super::{AntiPattern, Context};
use sqlparser::ast::{Distinct, Expr, Query, SetExpr};

pub struct DistinctSubquery;

impl AntiPattern for DistinctSubquery {
    fn name(&self) -> &'static str {
        "distinct_in_subquery"
    }

    fn condition(&self) -> &'static str {
        "IN tests membership in the set of subquery values (NULL included or not) and EXISTS \
         tests non-emptiness; removing duplicates changes neither. Applied only to a single \
         SELECT without ORDER BY, LIMIT or FETCH, whose rows DISTINCT cannot reselect."
    }

    fn slow_variants(&self, fast: &Query, _cx: &Context) -> Vec<Query> {
        rewrite_exprs(fast, |e| {
            let (Expr::InSubquery { subquery, .. } | Expr::Exists { subquery, .. }) = e else {
                return Vec::new();
            };
            if subquery.order_by.is_some()
                || subquery.limit_clause.is_some()
                || subquery.fetch.is_some()
            {
                return Vec::new();
            }
            match subquery.body.as_ref() {
                SetExpr::Select(s) if s.distinct.is_none() && s.top.is_none() => {}
                _ => return Vec::new(),
            }
            let mut new = e.clone();
            if let Expr::InSubquery { subquery, .. } | Expr::Exists { subquery, .. } = &mut new {
                if let SetExpr::Select(s) = subquery.body.as_mut() {
                    s.distinct = Some(Distinct::Distinct);
                }
            }
            vec![new]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn adds_distinct_to_in_and_exists_subqueries() {
        assert_eq!(
            rewrite(
                &DistinctSubquery,
                "SELECT c.id FROM customers c WHERE c.id IN (SELECT o.customer_id FROM orders o)"
            ),
            ["SELECT c.id FROM customers c WHERE c.id IN (SELECT DISTINCT o.customer_id FROM orders o)"]
        );
        assert_eq!(
            rewrite(
                &DistinctSubquery,
                "SELECT c.id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)"
            ),
            ["SELECT c.id FROM customers c WHERE NOT EXISTS (SELECT DISTINCT 1 FROM orders o WHERE o.customer_id = c.id)"]
        );
    }

    #[test]
    fn leaves_distinct_limited_and_scalar_subqueries_alone() {
        for sql in [
            "SELECT c.id FROM customers c WHERE c.id IN (SELECT DISTINCT o.customer_id FROM orders o)",
            "SELECT c.id FROM customers c WHERE c.id IN (SELECT o.customer_id FROM orders o ORDER BY o.amount LIMIT 5)",
            "SELECT c.id, (SELECT MAX(o.id) FROM orders o WHERE o.customer_id = c.id) FROM customers c",
        ] {
            assert!(rewrite(&DistinctSubquery, sql).is_empty(), "{sql}");
        }
    }
}
