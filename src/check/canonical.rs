//! Tier (a) of the checker: a canonical form. Both queries are parsed and
//! printed back with keywords and whitespace normalised, redundant
//! parentheses dropped (and every compound operand re-parenthesised, so
//! dropping them never changes the meaning), and the operands of each
//! AND/OR chain sorted. Equal canonical forms mean equivalent queries.

use crate::engine::EngineKind;
use crate::sql::features::dialect_for;
use sqlparser::ast::{visit_expressions_mut, BinaryOperator, Expr, Statement};
use sqlparser::parser::Parser;
use std::ops::ControlFlow;

/// The canonical text of `sql`, or `None` when it does not parse.
pub fn canonical(sql: &str, kind: Option<EngineKind>) -> Option<String> {
    let dialect = dialect_for(kind);
    let mut statements = Parser::parse_sql(dialect.as_ref(), sql).ok()?;
    if statements.is_empty() {
        return None;
    }
    let _ = visit_expressions_mut(&mut statements, |e| {
        strip_and_sort(e);
        ControlFlow::<()>::Continue(())
    });
    let _ = visit_expressions_mut(&mut statements, |e| {
        parenthesise(e);
        ControlFlow::<()>::Continue(())
    });
    Some(
        statements
            .iter()
            .map(Statement::to_string)
            .collect::<Vec<_>>()
            .join(";\n"),
    )
}

/// Called children first: drops `( … )` and sorts AND/OR chains.
fn strip_and_sort(e: &mut Expr) {
    if let Expr::Nested(inner) = e {
        let inner = std::mem::replace(inner.as_mut(), Expr::value(sqlparser::ast::Value::Null));
        *e = inner;
    }
    if let Expr::BinaryOp { op, .. } = e {
        if matches!(op, BinaryOperator::And | BinaryOperator::Or) {
            let op = op.clone();
            let owned = std::mem::replace(e, Expr::value(sqlparser::ast::Value::Null));
            let mut operands = Vec::new();
            flatten(owned, &op, &mut operands);
            operands.sort_by_cached_key(|x| x.to_string());
            let mut it = operands.into_iter();
            let first = it.next().expect("a chain has operands");
            *e = it.fold(first, |left, right| Expr::BinaryOp {
                left: Box::new(left),
                op: op.clone(),
                right: Box::new(right),
            });
        }
    }
}

fn flatten(e: Expr, op: &BinaryOperator, out: &mut Vec<Expr>) {
    match e {
        Expr::BinaryOp { left, op: o, right } if &o == op => {
            flatten(*left, op, out);
            flatten(*right, op, out);
        }
        other => out.push(other),
    }
}

/// An expression whose printed form could bind differently next to an
/// operator.
fn compound(e: &Expr) -> bool {
    matches!(
        e,
        Expr::BinaryOp { .. }
            | Expr::UnaryOp { .. }
            | Expr::Between { .. }
            | Expr::Like { .. }
            | Expr::ILike { .. }
            | Expr::SimilarTo { .. }
            | Expr::RLike { .. }
            | Expr::InList { .. }
            | Expr::InSubquery { .. }
            | Expr::InUnnest { .. }
            | Expr::IsNull(_)
            | Expr::IsNotNull(_)
            | Expr::IsTrue(_)
            | Expr::IsNotTrue(_)
            | Expr::IsFalse(_)
            | Expr::IsNotFalse(_)
            | Expr::IsUnknown(_)
            | Expr::IsNotUnknown(_)
            | Expr::IsDistinctFrom(_, _)
            | Expr::IsNotDistinctFrom(_, _)
            | Expr::AnyOp { .. }
            | Expr::AllOp { .. }
            | Expr::Collate { .. }
            | Expr::AtTimeZone { .. }
    )
}

fn wrap(e: &mut Expr) {
    if compound(e) {
        let inner = std::mem::replace(e, Expr::value(sqlparser::ast::Value::Null));
        *e = Expr::Nested(Box::new(inner));
    }
}

/// Puts parentheses around every compound operand of an operator.
fn parenthesise(e: &mut Expr) {
    match e {
        Expr::BinaryOp { left, right, .. } => {
            wrap(left);
            wrap(right);
        }
        Expr::UnaryOp { expr, .. }
        | Expr::IsNull(expr)
        | Expr::IsNotNull(expr)
        | Expr::IsTrue(expr)
        | Expr::IsNotTrue(expr)
        | Expr::IsFalse(expr)
        | Expr::IsNotFalse(expr)
        | Expr::IsUnknown(expr)
        | Expr::IsNotUnknown(expr)
        | Expr::InList { expr, .. }
        | Expr::InSubquery { expr, .. }
        | Expr::Collate { expr, .. } => wrap(expr),
        Expr::IsDistinctFrom(a, b) | Expr::IsNotDistinctFrom(a, b) => {
            wrap(a);
            wrap(b);
        }
        Expr::Between {
            expr, low, high, ..
        } => {
            wrap(expr);
            wrap(low);
            wrap(high);
        }
        Expr::Like { expr, pattern, .. }
        | Expr::ILike { expr, pattern, .. }
        | Expr::SimilarTo { expr, pattern, .. }
        | Expr::RLike { expr, pattern, .. } => {
            wrap(expr);
            wrap(pattern);
        }
        Expr::AnyOp { left, right, .. } | Expr::AllOp { left, right, .. } => {
            wrap(left);
            wrap(right);
        }
        Expr::Cast { expr, .. } => wrap(expr),
        Expr::AtTimeZone {
            timestamp,
            time_zone,
        } => {
            wrap(timestamp);
            wrap(time_zone);
        }
        _ => {}
    }
}

/// Whether the two queries have the same canonical form.
pub fn same(gold: &str, pred: &str, kind: Option<EngineKind>) -> bool {
    match (canonical(gold, kind), canonical(pred, kind)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(sql: &str) -> String {
        canonical(sql, None).unwrap()
    }

    #[test]
    fn whitespace_case_and_redundant_parentheses_vanish() {
        assert_eq!(
            c("select  a\nfrom t where ((a > 1))"),
            c("SELECT a FROM t WHERE a > 1")
        );
    }

    #[test]
    fn and_or_operands_are_sorted() {
        assert_eq!(
            c("SELECT a FROM t WHERE b = 2 AND a = 1 AND (c = 3 OR d = 4)"),
            c("SELECT a FROM t WHERE (d = 4 OR c = 3) AND a = 1 AND b = 2")
        );
    }

    #[test]
    fn needed_parentheses_keep_their_meaning() {
        // (a OR b) AND c is not a OR (b AND c).
        assert_ne!(
            c("SELECT 1 FROM t WHERE (a = 1 OR b = 1) AND c = 1"),
            c("SELECT 1 FROM t WHERE a = 1 OR b = 1 AND c = 1")
        );
        assert_ne!(c("SELECT (a + b) * 2 FROM t"), c("SELECT a + b * 2 FROM t"));
        assert_eq!(
            c("SELECT (a + b) * 2 FROM t"),
            c("SELECT ((a + b)) * (2) FROM t")
        );
        assert_ne!(
            c("SELECT 1 FROM t WHERE NOT (a = 1 AND b = 2)"),
            c("SELECT 1 FROM t WHERE NOT a = 1 AND b = 2")
        );
    }

    #[test]
    fn different_constants_and_operators_differ() {
        assert_ne!(
            c("SELECT a FROM t WHERE a > 1"),
            c("SELECT a FROM t WHERE a >= 1")
        );
        assert_ne!(
            c("SELECT a FROM t WHERE a > 1"),
            c("SELECT a FROM t WHERE a > 2")
        );
        assert_ne!(c("SELECT a - b FROM t"), c("SELECT b - a FROM t"));
    }

    #[test]
    fn unparsable_sql_is_never_the_same() {
        assert!(!same("SELEC a FROM t", "SELEC a FROM t", None));
    }
}
