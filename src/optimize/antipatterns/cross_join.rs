//! Implicit cross joins filtered late: `FROM a JOIN b ON p WHERE w` →
//! `FROM a, b WHERE p AND w`.

use super::ast::{and_all, conjuncts, rewrite_selects};
use super::{AntiPattern, Context};
use sqlparser::ast::{JoinConstraint, JoinOperator, Query, TableFactor, TableWithJoins};

pub struct CrossJoin;

impl AntiPattern for CrossJoin {
    fn name(&self) -> &'static str {
        "implicit_cross_join"
    }

    fn condition(&self) -> &'static str {
        "An inner join is the filtered cross product: A JOIN B ON p is A × B restricted to p, \
         and restricting in WHERE instead gives the same rows. Applied only when every join of \
         the SELECT's single FROM item is an inner join with ON over plain tables or \
         non-lateral derived tables; any outer join would bind more tightly than the comma \
         and change scoping."
    }

    fn slow_variants(&self, fast: &Query, _cx: &Context) -> Vec<Query> {
        rewrite_selects(fast, |s| {
            let [item] = s.from.as_slice() else {
                return Vec::new();
            };
            if item.joins.is_empty() || !plain(&item.relation) {
                return Vec::new();
            }
            let mut predicates = Vec::new();
            for j in &item.joins {
                match &j.join_operator {
                    JoinOperator::Join(JoinConstraint::On(p))
                    | JoinOperator::Inner(JoinConstraint::On(p))
                        if plain(&j.relation) =>
                    {
                        predicates.extend(conjuncts(p))
                    }
                    _ => return Vec::new(),
                }
            }
            predicates.extend(s.selection.iter().flat_map(conjuncts));
            let mut new = s.clone();
            new.from = std::iter::once(&item.relation)
                .chain(item.joins.iter().map(|j| &j.relation))
                .map(|relation| TableWithJoins {
                    relation: relation.clone(),
                    joins: Vec::new(),
                })
                .collect();
            new.selection = and_all(predicates);
            vec![new]
        })
    }
}

fn plain(t: &TableFactor) -> bool {
    matches!(
        t,
        TableFactor::Table { .. } | TableFactor::Derived { lateral: false, .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn moves_join_predicates_to_where() {
        assert_eq!(
            rewrite(
                &CrossJoin,
                "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id \
                 INNER JOIN order_items i ON i.order_id = o.id AND i.quantity > 1 \
                 WHERE c.country = 'DE' OR c.country = 'AT'"
            ),
            ["SELECT o.id, c.name FROM orders o, customers c, order_items i WHERE c.id = o.customer_id AND i.order_id = o.id AND i.quantity > 1 AND (c.country = 'DE' OR c.country = 'AT')"]
        );
    }

    #[test]
    fn leaves_outer_joins_and_using_alone() {
        for sql in [
            "SELECT o.id FROM orders o LEFT JOIN customers c ON c.id = o.customer_id",
            "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN order_items i ON i.order_id = o.id",
            "SELECT o.id FROM orders o JOIN order_items i USING (id)",
            "SELECT o.id FROM orders o",
        ] {
            assert!(rewrite(&CrossJoin, sql).is_empty(), "{sql}");
        }
    }
}
