//! Arithmetic on a column in WHERE, which hides it from an index:
//! `o.customer_id = 42` → `o.customer_id + 0 = 42`.

use super::ast::{number_literal, parse_expr, rewrite_selects};
use super::scope::{rewrite_where, Comparison, Scope};
use super::{AntiPattern, Context};
use sqlparser::ast::{Expr, Query};

pub struct PlusZero;

impl AntiPattern for PlusZero {
    fn name(&self) -> &'static str {
        "arithmetic_on_column"
    }

    fn condition(&self) -> &'static str {
        "x + 0 = x for every value of a numeric column (INTEGER, DECIMAL or floating point per \
         the schema; NULL stays NULL), so a comparison, BETWEEN or IN list against numeric \
         literals is unchanged. Only WHERE conjuncts whose column resolves to a known table \
         are rewritten; text columns are excluded because SQLite would turn '05' into 5."
    }

    fn slow_variants(&self, fast: &Query, cx: &Context) -> Vec<Query> {
        rewrite_selects(fast, |s| {
            let scope = Scope::of(s, cx);
            rewrite_where(s, |p| slow(p, &scope))
        })
    }
}

fn slow(p: &Expr, scope: &Scope) -> Option<Expr> {
    let numeric = |e: &Expr| scope.column(e).is_some_and(|c| c.ty.is_numeric());
    let plus_zero = |e: &Expr| parse_expr(&format!("{e} + 0"));
    match p {
        Expr::Between {
            expr, low, high, ..
        } => {
            if !numeric(expr) || number_literal(low).is_none() || number_literal(high).is_none() {
                return None;
            }
            let mut new = p.clone();
            if let Expr::Between { expr, .. } = &mut new {
                let widened = plus_zero(expr.as_ref())?;
                **expr = widened;
            }
            Some(new)
        }
        Expr::InList { expr, list, .. } => {
            if !numeric(expr) || list.is_empty() || list.iter().any(|v| number_literal(v).is_none())
            {
                return None;
            }
            let mut new = p.clone();
            if let Expr::InList { expr, .. } = &mut new {
                let widened = plus_zero(expr.as_ref())?;
                **expr = widened;
            }
            Some(new)
        }
        _ => {
            let c = Comparison::of(p, scope)?;
            if !c.facts.ty.is_numeric() || number_literal(c.constant).is_none() {
                return None;
            }
            Some(c.with_column(plus_zero(c.column)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn adds_zero_to_numeric_columns() {
        assert_eq!(
            rewrite(
                &PlusZero,
                "SELECT o.id FROM orders o WHERE o.customer_id = 42 AND 100 <= amount"
            ),
            [
                "SELECT o.id FROM orders o WHERE o.customer_id + 0 = 42 AND 100 <= amount",
                "SELECT o.id FROM orders o WHERE o.customer_id = 42 AND 100 <= amount + 0",
            ]
        );
        assert_eq!(
            rewrite(
                &PlusZero,
                "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id \
                 WHERE o.amount BETWEEN 10 AND 20"
            ),
            ["SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.amount + 0 BETWEEN 10 AND 20"]
        );
    }

    #[test]
    fn leaves_text_unknown_and_ambiguous_columns_alone() {
        for sql in [
            "SELECT o.id FROM orders o WHERE o.status = 'paid'",
            "SELECT o.id FROM orders o WHERE o.status = 5",
            "SELECT d.id FROM (SELECT id FROM orders) d WHERE d.id = 5",
            // `id` is in both tables.
            "SELECT o.id FROM orders o, customers c WHERE id = 5",
            "SELECT t.id FROM unknown_table t WHERE t.id = 5",
            "SELECT o.id FROM orders o WHERE o.customer_id = o.id",
        ] {
            assert!(rewrite(&PlusZero, sql).is_empty(), "{sql}");
        }
    }
}
