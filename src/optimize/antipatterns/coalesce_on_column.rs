//! A defensive COALESCE on a filtered column: `c.country = 'DE'` →
//! `COALESCE(c.country, '') = 'DE'`.

use super::ast::{number_literal, parse_expr, rewrite_selects, string_literal};
use super::schema::ColumnType;
use super::scope::{rewrite_where, Comparison, Scope};
use super::{AntiPattern, Context};
use sqlparser::ast::{BinaryOperator, Expr, Query};

pub struct CoalesceOnColumn;

impl AntiPattern for CoalesceOnColumn {
    fn name(&self) -> &'static str {
        "coalesce_on_column"
    }

    fn condition(&self) -> &'static str {
        "In a WHERE conjunct, NULL and FALSE both drop the row. For x = L with a sentinel S that \
         differs from L, COALESCE(x, S) = L is TRUE exactly when x = L is, and FALSE (not NULL) \
         otherwise. Applied to text columns with a non-blank string literal (S = '', which \
         PAD SPACE collations cannot equate with L) and numeric columns with a numeric literal \
         (S = 0, or -1 when L is 0); the literal's kind must match the column type so SQLite's \
         affinity rules compare the same values."
    }

    fn slow_variants(&self, fast: &Query, cx: &Context) -> Vec<Query> {
        rewrite_selects(fast, |s| {
            let scope = Scope::of(s, cx);
            rewrite_where(s, |p| slow(p, &scope))
        })
    }
}

fn slow(p: &Expr, scope: &Scope) -> Option<Expr> {
    let c = Comparison::of(p, scope)?;
    if c.op != BinaryOperator::Eq {
        return None;
    }
    let sentinel = match c.facts.ty {
        ColumnType::Text => {
            let text = string_literal(c.constant)?;
            if text.trim().is_empty() {
                return None;
            }
            "''"
        }
        ty if ty.is_numeric() => {
            if number_literal(c.constant)? == 0.0 {
                "-1"
            } else {
                "0"
            }
        }
        _ => return None,
    };
    Some(c.with_column(parse_expr(&format!("COALESCE({}, {sentinel})", c.column))?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn wraps_filtered_columns() {
        assert_eq!(
            rewrite(
                &CoalesceOnColumn,
                "SELECT c.id FROM customers c WHERE c.country = 'DE' AND 0 = c.id"
            ),
            [
                "SELECT c.id FROM customers c WHERE COALESCE(c.country, '') = 'DE' AND 0 = c.id",
                "SELECT c.id FROM customers c WHERE c.country = 'DE' AND 0 = COALESCE(c.id, -1)",
            ]
        );
    }

    #[test]
    fn leaves_non_equalities_mismatched_and_nested_predicates_alone() {
        for sql in [
            "SELECT c.id FROM customers c WHERE c.country <> 'DE'",
            "SELECT c.id FROM customers c WHERE c.country = ''",
            "SELECT c.id FROM customers c WHERE c.country = 5",
            "SELECT c.id FROM customers c WHERE c.id = '5'",
            "SELECT c.id FROM customers c WHERE c.signup_date = '2024-01-01'",
            // Under OR a FALSE and a NULL are no longer interchangeable.
            "SELECT c.id FROM customers c WHERE c.country = 'DE' OR c.id = 1",
            "SELECT c.country = 'DE' FROM customers c",
        ] {
            assert!(rewrite(&CoalesceOnColumn, sql).is_empty(), "{sql}");
        }
    }
}
