//! OR chains instead of IN: `x IN (a, b)` → `(x = a OR x = b)`, and
//! `x NOT IN (a, b)` → `(x <> a AND x <> b)`.

use super::ast::{column_ref, literal_kind, parse_expr, rewrite_exprs};
use super::{AntiPattern, Context};
use sqlparser::ast::{Expr, Query};

pub struct OrChain;

impl AntiPattern for OrChain {
    fn name(&self) -> &'static str {
        "or_chain_instead_of_in"
    }

    fn condition(&self) -> &'static str {
        "SQL defines IN over a value list as the OR of equalities (NOT IN as the AND of \
         inequalities) under three-valued logic, NULLs included. Applied only when the tested \
         operand is a plain column and the list holds literals of one kind (all numbers or \
         all strings), so no engine resolves a common list type differently."
    }

    fn slow_variants(&self, fast: &Query, _cx: &Context) -> Vec<Query> {
        rewrite_exprs(fast, |e| {
            let Expr::InList {
                expr,
                list,
                negated,
            } = e
            else {
                return Vec::new();
            };
            let kind = list.first().and_then(literal_kind);
            if list.len() < 2
                || column_ref(expr).is_none()
                || kind.is_none()
                || list.iter().any(|v| literal_kind(v) != kind)
            {
                return Vec::new();
            }
            let (cmp, join) = if *negated {
                ("<>", " AND ")
            } else {
                ("=", " OR ")
            };
            let chain: Vec<String> = list.iter().map(|v| format!("{expr} {cmp} {v}")).collect();
            parse_expr(&format!("({})", chain.join(join)))
                .into_iter()
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn rewrites_in_and_not_in() {
        assert_eq!(
            rewrite(
                &OrChain,
                "SELECT id FROM orders WHERE status IN ('paid', 'shipped') AND customer_id NOT IN (1, 2)"
            ),
            [
                "SELECT id FROM orders WHERE (status = 'paid' OR status = 'shipped') AND customer_id NOT IN (1, 2)",
                "SELECT id FROM orders WHERE status IN ('paid', 'shipped') AND (customer_id <> 1 AND customer_id <> 2)",
            ]
        );
    }

    #[test]
    fn leaves_mixed_lists_subqueries_and_expressions_alone() {
        for sql in [
            "SELECT id FROM orders WHERE status IN ('paid', 2)",
            "SELECT id FROM orders WHERE status IN (SELECT s FROM t)",
            "SELECT id FROM orders WHERE LOWER(status) IN ('paid', 'shipped')",
            "SELECT id FROM orders WHERE status IN ('paid')",
            "SELECT id FROM orders WHERE status IN ('paid', NULL)",
            // PostgreSQL matches the two copies of a grouped expression by text.
            "SELECT CASE WHEN status IN ('a', 'b') THEN 1 ELSE 0 END AS k, COUNT(*) FROM orders \
             GROUP BY CASE WHEN status IN ('a', 'b') THEN 1 ELSE 0 END",
        ] {
            assert!(rewrite(&OrChain, sql).is_empty(), "{sql}");
        }
    }
}
