//! The literals of the queries under test. Test-suite accuracy seeds the
//! fuzzed databases with them, so that `WHERE x > 100` meets rows with 99,
//! 100 and 101.

use sqlparser::ast::{visit_expressions, Expr, UnaryOperator, Value};
use sqlparser::parser::Parser;
use std::collections::BTreeSet;
use std::ops::ControlFlow;

/// The text of a literal expression: numbers as written (with a leading
/// `-` for negated ones), strings without quotes, typed strings
/// (`DATE '…'`) as their string.
pub fn literal_text(e: &Expr) -> Option<String> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => Some(n.to_string()),
            Value::SingleQuotedString(s) | Value::DoubleQuotedString(s) => Some(s.clone()),
            _ => None,
        },
        Expr::TypedString(ts) => match &ts.value.value {
            Value::SingleQuotedString(s) => Some(s.clone()),
            _ => None,
        },
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => match expr.as_ref() {
            Expr::Value(v) => match &v.value {
                Value::Number(n, _) => Some(format!("-{n}")),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Literals split by kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Literals {
    pub numbers: BTreeSet<String>,
    pub strings: BTreeSet<String>,
}

impl Literals {
    pub fn extend(&mut self, other: &Literals) {
        self.numbers.extend(other.numbers.iter().cloned());
        self.strings.extend(other.strings.iter().cloned());
    }

    pub fn add(&mut self, text: String) {
        if text.parse::<f64>().is_ok() {
            self.numbers.insert(text);
        } else {
            // LIKE patterns: the text without wildcards, and one match.
            if text.contains('%') || text.contains('_') {
                let bare: String = text.chars().filter(|c| *c != '%' && *c != '_').collect();
                self.strings
                    .insert(text.replace('%', "x").replace('_', "y"));
                self.strings.insert(bare);
            }
            self.strings.insert(text);
        }
    }
}

/// Every literal in `sql` (any dialect sqlparser's generic one reads).
pub fn of_sql(sql: &str) -> Literals {
    let mut out = Literals::default();
    let dialect = sqlparser::dialect::GenericDialect {};
    if let Ok(statements) = Parser::parse_sql(&dialect, sql) {
        let _ = visit_expressions(&statements, |e| {
            if let Some(t) = literal_text(e) {
                out.add(t);
            }
            ControlFlow::<()>::Continue(())
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_strings_dates_and_like_patterns() {
        let l = of_sql(
            "SELECT a FROM t WHERE b > 100 AND c = 'x''y' AND d < DATE '2024-01-31' AND e LIKE 'ab%' AND f = -3.5",
        );
        assert!(l.numbers.contains("100") && l.numbers.contains("-3.5"));
        assert!(l.strings.contains("x'y") && l.strings.contains("2024-01-31"));
        assert!(l.strings.contains("ab") && l.strings.contains("abx"));
    }
}
