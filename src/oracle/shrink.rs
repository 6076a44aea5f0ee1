//! Query shrinking for the reducer, on the sqlparser AST: drop a select
//! item, a join, a WHERE conjunct (or the whole WHERE), HAVING, ORDER BY,
//! LIMIT, or one branch of a set operation. Each shrink has a key, so the
//! same shrink can be applied to A and B together.

use sqlparser::ast::{BinaryOperator, Expr, Query, SetExpr, Statement};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;

fn parse(sql: &str) -> Option<Query> {
    let dialect = GenericDialect {};
    let mut statements = Parser::parse_sql(&dialect, sql).ok()?;
    match statements.pop()? {
        Statement::Query(q) if statements.is_empty() => Some(*q),
        _ => None,
    }
}

/// Every one-step shrink of a top-level query: (key, shrunk SQL). The key
/// names what was removed (`item:<text>`, `join:<n>`, `where`, …).
pub fn shrinks(sql: &str) -> Vec<(String, String)> {
    let Some(query) = parse(sql) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if query.order_by.is_some() {
        let mut q = query.clone();
        q.order_by = None;
        out.push(("order_by".into(), q.to_string()));
    }
    if query.limit_clause.is_some() {
        let mut q = query.clone();
        q.limit_clause = None;
        out.push(("limit".into(), q.to_string()));
    }
    match query.body.as_ref() {
        SetExpr::Select(select) => {
            let with = |f: &dyn Fn(&mut sqlparser::ast::Select)| {
                let mut q = query.clone();
                if let SetExpr::Select(s) = q.body.as_mut() {
                    f(s);
                }
                q.to_string()
            };
            if select.projection.len() > 1 {
                for (i, item) in select.projection.iter().enumerate() {
                    out.push((
                        format!("item:{item}"),
                        with(&|s| {
                            s.projection.remove(i);
                        }),
                    ));
                }
            }
            for (t, twj) in select.from.iter().enumerate() {
                for j in 0..twj.joins.len() {
                    out.push((
                        format!("join:{t}:{j}"),
                        with(&|s| {
                            s.from[t].joins.remove(j);
                        }),
                    ));
                }
            }
            if let Some(selection) = &select.selection {
                out.push(("where".into(), with(&|s| s.selection = None)));
                if let Expr::BinaryOp {
                    left,
                    op: BinaryOperator::And,
                    right,
                } = selection
                {
                    let (l, r) = ((**left).clone(), (**right).clone());
                    out.push((
                        format!("where_keep:{l}"),
                        with(&|s| s.selection = Some(l.clone())),
                    ));
                    out.push((
                        format!("where_keep:{r}"),
                        with(&|s| s.selection = Some(r.clone())),
                    ));
                }
            }
            if select.having.is_some() {
                out.push(("having".into(), with(&|s| s.having = None)));
            }
        }
        SetExpr::SetOperation { left, right, .. } => {
            for (side, branch) in [("left", left), ("right", right)] {
                let mut q = query.clone();
                q.body = branch.clone();
                out.push((format!("branch:{side}"), q.to_string()));
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn shrinks_drop_items_joins_and_conditions() {
        let s = super::shrinks("SELECT a.x, b.y FROM a JOIN b ON a.id = b.id WHERE a.x > 1 AND b.y < 2 ORDER BY a.x LIMIT 3");
        let sql: Vec<&str> = s.iter().map(|(_, q)| q.as_str()).collect();
        assert!(sql.contains(&"SELECT b.y FROM a JOIN b ON a.id = b.id WHERE a.x > 1 AND b.y < 2 ORDER BY a.x LIMIT 3"), "{sql:?}");
        assert!(
            sql.contains(&"SELECT a.x, b.y FROM a WHERE a.x > 1 AND b.y < 2 ORDER BY a.x LIMIT 3"),
            "{sql:?}"
        );
        assert!(
            sql.contains(
                &"SELECT a.x, b.y FROM a JOIN b ON a.id = b.id WHERE b.y < 2 ORDER BY a.x LIMIT 3"
            ),
            "{sql:?}"
        );
        assert!(
            sql.contains(
                &"SELECT a.x, b.y FROM a JOIN b ON a.id = b.id WHERE a.x > 1 AND b.y < 2 LIMIT 3"
            ),
            "{sql:?}"
        );
        assert!(s.iter().any(|(k, _)| k == "item:a.x"));
        let u = super::shrinks("SELECT 1 UNION ALL SELECT 2");
        assert_eq!(u.len(), 2);
        assert!(super::shrinks("not sql").is_empty());
    }
}
