//! A repeated subquery instead of a CTE: every reference to a CTE used at
//! least twice becomes its own copy of the CTE's query as a derived table.

use super::ast::{any_query, has_volatile, has_window, ident_eq, last_ident, rewrite_queries};
use super::{AntiPattern, Context};
use sqlparser::ast::{Ident, Query, TableAlias, TableFactor, Visit, VisitMut, Visitor, VisitorMut};
use std::ops::ControlFlow;

pub struct RepeatedSubquery;

impl AntiPattern for RepeatedSubquery {
    fn name(&self) -> &'static str {
        "repeated_subquery_instead_of_cte"
    }

    fn condition(&self) -> &'static str {
        "A non-recursive CTE stands for its query, so each reference may be replaced by the \
         query itself when every evaluation gives the same rows. Applied only to CTEs used at \
         least twice, without a column list or MATERIALIZED hint, whose query has no LIMIT, \
         FETCH, window function (ties could be broken differently per copy) or volatile \
         function, and whose name is defined once and shadows no table the copied queries use."
    }

    fn slow_variants(&self, fast: &Query, _cx: &Context) -> Vec<Query> {
        rewrite_queries(fast, |q, _| {
            let Some(with) = &q.with else {
                return Vec::new();
            };
            if with.recursive {
                return Vec::new();
            }
            (0..with.cte_tables.len())
                .filter_map(|i| inline(q, i, fast))
                .collect()
        })
    }
}

fn inline(q: &Query, i: usize, root: &Query) -> Option<Query> {
    let with = q.with.as_ref()?;
    let cte = &with.cte_tables[i];
    let name = &cte.alias.name;
    let body = cte.query.as_ref();
    if !cte.alias.columns.is_empty()
        || cte.materialized.is_some()
        || cte.from.is_some()
        || any_query(body, |b| b.limit_clause.is_some() || b.fetch.is_some())
        || has_window(body)
        || has_volatile(body)
        || definitions(root, name) != 1
        || with.cte_tables[..=i]
            .iter()
            .any(|c| uses(c.query.as_ref(), name).total > 0)
    {
        return None;
    }
    let mut rest = q.clone();
    let ctes = &mut rest.with.as_mut()?.cte_tables;
    ctes.remove(i);
    if ctes.is_empty() {
        rest.with = None;
    }
    let found = uses(&rest, name);
    if found.total < 2 || found.renamed {
        return None;
    }
    let mut inliner = Inliner { name, body };
    let _ = VisitMut::visit(&mut rest, &mut inliner);
    Some(rest)
}

/// How many CTEs anywhere in `root` are called `name`.
fn definitions(root: &Query, name: &Ident) -> usize {
    let mut n = 0;
    any_query(root, |q| {
        n += q
            .with
            .iter()
            .flat_map(|w| &w.cte_tables)
            .filter(|c| ident_eq(&c.alias.name, name))
            .count();
        false
    });
    n
}

fn names(t: &TableFactor, name: &Ident) -> bool {
    matches!(t, TableFactor::Table { name: n, args: None, .. }
        if n.0.len() == 1 && last_ident(n).is_some_and(|i| ident_eq(i, name)))
}

struct Uses<'a> {
    name: &'a Ident,
    total: usize,
    /// A reference with a column list (`cte AS x (a, b)`): derived tables
    /// cannot portably rename columns.
    renamed: bool,
}

impl Visitor for Uses<'_> {
    type Break = ();

    fn pre_visit_table_factor(&mut self, t: &TableFactor) -> ControlFlow<()> {
        if let TableFactor::Table { alias, .. } = t {
            if names(t, self.name) {
                self.total += 1;
                self.renamed |= alias.as_ref().is_some_and(|a| !a.columns.is_empty());
            }
        }
        ControlFlow::Continue(())
    }
}

fn uses<'a, V: Visit>(node: &V, name: &'a Ident) -> Uses<'a> {
    let mut u = Uses {
        name,
        total: 0,
        renamed: false,
    };
    let _ = Visit::visit(node, &mut u);
    u
}

struct Inliner<'a> {
    name: &'a Ident,
    body: &'a Query,
}

impl VisitorMut for Inliner<'_> {
    type Break = ();

    fn pre_visit_table_factor(&mut self, t: &mut TableFactor) -> ControlFlow<()> {
        if !names(t, self.name) {
            return ControlFlow::Continue(());
        }
        let alias_name = match t {
            TableFactor::Table { alias: Some(a), .. } => a.name.clone(),
            _ => self.name.clone(),
        };
        *t = TableFactor::Derived {
            lateral: false,
            subquery: Box::new(self.body.clone()),
            alias: Some(TableAlias {
                explicit: true,
                name: alias_name,
                columns: Vec::new(),
                at: None,
            }),
            sample: None,
        };
        ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn inlines_a_cte_used_twice() {
        assert_eq!(
            rewrite(
                &RepeatedSubquery,
                "WITH spend AS (SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id) \
                 SELECT s.customer_id FROM spend s WHERE s.total > (SELECT AVG(total) FROM spend)"
            ),
            ["SELECT s.customer_id FROM (SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id) AS s WHERE s.total > (SELECT AVG(total) FROM (SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id) AS spend)"]
        );
    }

    #[test]
    fn leaves_single_use_limited_and_windowed_ctes_alone() {
        for sql in [
            "WITH t AS (SELECT customer_id FROM orders) SELECT customer_id FROM t",
            "WITH t AS (SELECT customer_id FROM orders LIMIT 3) SELECT a.customer_id FROM t a JOIN t b ON a.customer_id = b.customer_id",
            "WITH t AS (SELECT id, ROW_NUMBER() OVER (ORDER BY amount) AS rn FROM orders) SELECT a.id FROM t a JOIN t b ON a.rn = b.rn + 1",
            "WITH t (c) AS (SELECT customer_id FROM orders) SELECT a.c FROM t a JOIN t b ON a.c = b.c",
            "WITH RECURSIVE t AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT a.n FROM t a JOIN t b ON a.n = b.n",
        ] {
            assert!(rewrite(&RepeatedSubquery, sql).is_empty(), "{sql}");
        }
    }
}
