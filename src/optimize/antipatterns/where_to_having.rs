//! HAVING instead of WHERE: a filter on grouping columns applied after
//! aggregation rather than before it.

use super::ast::{and_all, column_ref, conjuncts, ident_eq, is_constant, rewrite_selects};
use super::{AntiPattern, Context};
use sqlparser::ast::{BinaryOperator, Expr, GroupByExpr, Ident, Query, SelectItem, UnaryOperator};

pub struct WhereToHaving;

impl AntiPattern for WhereToHaving {
    fn name(&self) -> &'static str {
        "having_instead_of_where"
    }

    fn condition(&self) -> &'static str {
        "A predicate that reads only GROUP BY columns has one value per group, so dropping \
         rows before grouping drops exactly the groups HAVING would drop, and the surviving \
         groups aggregate the same rows. Applied to WHERE conjuncts built from comparisons, \
         IN lists, BETWEEN and IS [NOT] NULL of a grouping column against constants (no LIKE \
         or functions: MariaDB groups 'a' with 'a ' and 'A', which such tests could tell \
         apart), with plain GROUP BY (no ROLLUP/CUBE) and no output alias of the same name."
    }

    fn slow_variants(&self, fast: &Query, _cx: &Context) -> Vec<Query> {
        rewrite_selects(fast, |s| {
            let GroupByExpr::Expressions(keys, modifiers) = &s.group_by else {
                return Vec::new();
            };
            let Some(selection) = &s.selection else {
                return Vec::new();
            };
            if keys.is_empty() || !modifiers.is_empty() {
                return Vec::new();
            }
            let g = Grouping {
                keys: keys
                    .iter()
                    .filter(|k| column_ref(k).is_some())
                    .map(ToString::to_string)
                    .collect(),
                aliases: s
                    .projection
                    .iter()
                    .filter_map(|i| match i {
                        SelectItem::ExprWithAlias { alias, .. } => Some(alias),
                        _ => None,
                    })
                    .collect(),
            };
            let parts = conjuncts(selection);
            let mut out = Vec::new();
            for (i, p) in parts.iter().enumerate() {
                if !g.movable(p) {
                    continue;
                }
                let rest = parts.iter().enumerate().filter(|(j, _)| *j != i);
                let mut new = s.clone();
                new.selection = and_all(rest.map(|(_, e)| e.clone()).collect());
                new.having = and_all(s.having.iter().cloned().chain([p.clone()]).collect());
                out.push(new);
            }
            out
        })
    }
}

struct Grouping<'s> {
    keys: Vec<String>,
    aliases: Vec<&'s Ident>,
}

impl Grouping<'_> {
    fn key(&self, e: &Expr) -> bool {
        let Some((qualifier, name)) = column_ref(e) else {
            return false;
        };
        let shadowed = qualifier.is_none() && self.aliases.iter().any(|a| ident_eq(a, name));
        !shadowed && self.keys.contains(&e.to_string())
    }

    fn movable(&self, e: &Expr) -> bool {
        use BinaryOperator as B;
        match e {
            Expr::Nested(x)
            | Expr::UnaryOp {
                op: UnaryOperator::Not,
                expr: x,
            } => self.movable(x),
            Expr::BinaryOp {
                left,
                op: B::And | B::Or,
                right,
            } => self.movable(left) && self.movable(right),
            Expr::BinaryOp {
                left,
                op: B::Eq | B::NotEq | B::Lt | B::LtEq | B::Gt | B::GtEq,
                right,
            } => (self.key(left) && is_constant(right)) || (is_constant(left) && self.key(right)),
            Expr::InList { expr, list, .. } => self.key(expr) && list.iter().all(is_constant),
            Expr::Between {
                expr, low, high, ..
            } => self.key(expr) && is_constant(low) && is_constant(high),
            Expr::IsNull(x) | Expr::IsNotNull(x) => self.key(x),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn moves_grouping_column_filters_to_having() {
        assert_eq!(
            rewrite(
                &WhereToHaving,
                "SELECT o.status, COUNT(*) AS n FROM orders o \
                 WHERE o.status <> 'cancelled' AND o.amount > 10 \
                 GROUP BY o.status HAVING COUNT(*) > 1"
            ),
            ["SELECT o.status, COUNT(*) AS n FROM orders o WHERE o.amount > 10 GROUP BY o.status HAVING COUNT(*) > 1 AND o.status <> 'cancelled'"]
        );
        assert_eq!(
            rewrite(
                &WhereToHaving,
                "SELECT status, COUNT(*) FROM orders WHERE status IN ('paid', 'shipped') OR status IS NULL GROUP BY status"
            ),
            ["SELECT status, COUNT(*) FROM orders GROUP BY status HAVING (status IN ('paid', 'shipped') OR status IS NULL)"]
        );
    }

    #[test]
    fn leaves_other_filters_alone() {
        for sql in [
            "SELECT o.status, COUNT(*) FROM orders o WHERE o.amount > 10 GROUP BY o.status",
            "SELECT o.status, COUNT(*) FROM orders o WHERE o.status LIKE 'p%' GROUP BY o.status",
            "SELECT o.status, COUNT(*) FROM orders o WHERE o.status = 'paid' GROUP BY ROLLUP (o.status)",
            "SELECT note AS status, COUNT(*) FROM orders WHERE status = 'paid' GROUP BY status",
            "SELECT o.status FROM orders o WHERE o.status = 'paid'",
        ] {
            assert!(rewrite(&WhereToHaving, sql).is_empty(), "{sql}");
        }
    }
}
