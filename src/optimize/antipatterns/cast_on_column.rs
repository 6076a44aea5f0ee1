//! A cast on a date or timestamp column in WHERE, comparing text instead of
//! dates: `o.ordered_at >= '2024-01-01'` → `CAST(o.ordered_at AS CHAR(19)) >= '2024-01-01'`.

use super::ast::{parse_expr, rewrite_selects, string_literal};
use super::schema::ColumnType;
use super::scope::{rewrite_where, Comparison, Scope};
use super::{AntiPattern, Context};
use sqlparser::ast::{BinaryOperator, Expr, Query};

pub struct CastOnColumn;

impl AntiPattern for CastOnColumn {
    fn name(&self) -> &'static str {
        "cast_on_column"
    }

    fn condition(&self) -> &'static str {
        "All four engines render a DATE as 'YYYY-MM-DD' and a TIMESTAMP as \
         'YYYY-MM-DD HH:MM:SS…' (PostgreSQL with its default ISO DateStyle; years 1000–9999), \
         and the corpora already rely on CAST(… AS CHAR(n)) for that. For such fixed-width text \
         string order is date order, so a DATE column compared (=, <>, <, <=, >, >=, BETWEEN) with \
         a valid 'YYYY-MM-DD' literal may be cast to CHAR(10). For a TIMESTAMP the cast text \
         (CHAR(19), whether or not an engine truncates fractions) may differ from the literal \
         in length, which only >= and < tolerate: ts >= L and ts < L equal their text forms for \
         a valid 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' literal L, while <=, >, = do not."
    }

    fn slow_variants(&self, fast: &Query, cx: &Context) -> Vec<Query> {
        rewrite_selects(fast, |s| {
            let scope = Scope::of(s, cx);
            rewrite_where(s, |p| slow(p, &scope))
        })
    }
}

fn slow(p: &Expr, scope: &Scope) -> Option<Expr> {
    let cast = |e: &Expr, width: u8| parse_expr(&format!("CAST({e} AS CHAR({width}))"));
    if let Expr::Between {
        expr, low, high, ..
    } = p
    {
        let is_date = scope.column(expr)?.ty == ColumnType::Date;
        let dates = [low, high]
            .iter()
            .all(|b| string_literal(b).is_some_and(is_iso_date));
        if !is_date || !dates {
            return None;
        }
        let mut new = p.clone();
        if let Expr::Between { expr, .. } = &mut new {
            let text = cast(expr.as_ref(), 10)?;
            **expr = text;
        }
        return Some(new);
    }
    let c = Comparison::of(p, scope)?;
    let literal = string_literal(c.constant)?;
    let width = match c.facts.ty {
        ColumnType::Date if is_iso_date(literal) => 10,
        ColumnType::Timestamp
            if matches!(c.op, BinaryOperator::GtEq | BinaryOperator::Lt)
                && (is_iso_date(literal) || is_iso_timestamp(literal)) =>
        {
            19
        }
        _ => return None,
    };
    Some(c.with_column(cast(c.column, width)?))
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A real calendar day written 'YYYY-MM-DD' with a year in 1000–9999.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(&s[..4]), digits(&s[5..7]), digits(&s[8..])) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1000 && (1..=days).contains(&d)
}

/// 'YYYY-MM-DD HH:MM:SS' with a valid day and time.
fn is_iso_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 19 || b[10] != b' ' || b[13] != b':' || b[16] != b':' || !is_iso_date(&s[..10]) {
        return false;
    }
    matches!(
        (digits(&s[11..13]), digits(&s[14..16]), digits(&s[17..])),
        (Some(h), Some(m), Some(sec)) if h < 24 && m < 60 && sec < 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::antipatterns::testing::rewrite;

    #[test]
    fn casts_dates_and_timestamps() {
        assert_eq!(
            rewrite(
                &CastOnColumn,
                "SELECT o.id FROM orders o WHERE o.ordered_at >= '2024-01-01' \
                 AND '2024-04-01 00:00:00' > o.ordered_at"
            ),
            [
                "SELECT o.id FROM orders o WHERE CAST(o.ordered_at AS CHAR(19)) >= '2024-01-01' AND '2024-04-01 00:00:00' > o.ordered_at",
                "SELECT o.id FROM orders o WHERE o.ordered_at >= '2024-01-01' AND '2024-04-01 00:00:00' > CAST(o.ordered_at AS CHAR(19))",
            ]
        );
        assert_eq!(
            rewrite(
                &CastOnColumn,
                "SELECT c.id FROM customers c WHERE c.signup_date = '2024-02-29' \
                 OR c.id = 1 AND signup_date BETWEEN '2023-01-01' AND '2023-12-31'"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            rewrite(
                &CastOnColumn,
                "SELECT c.id FROM customers c WHERE signup_date BETWEEN '2023-01-01' AND '2023-12-31'"
            ),
            ["SELECT c.id FROM customers c WHERE CAST(signup_date AS CHAR(10)) BETWEEN '2023-01-01' AND '2023-12-31'"]
        );
    }

    #[test]
    fn leaves_unsafe_comparisons_alone() {
        for sql in [
            // > and <= on a timestamp differ at midnight: '2024-01-01 00:00:00' > '2024-01-01'.
            "SELECT o.id FROM orders o WHERE o.ordered_at > '2024-01-01'",
            "SELECT o.id FROM orders o WHERE o.ordered_at <= '2024-01-01'",
            "SELECT o.id FROM orders o WHERE o.ordered_at = '2024-01-01 10:00:00'",
            // Not a real day, or not zero-padded.
            "SELECT c.id FROM customers c WHERE c.signup_date >= '2023-02-29'",
            "SELECT c.id FROM customers c WHERE c.signup_date >= '2023-1-5'",
            // Text column: a cast could truncate it.
            "SELECT o.id FROM orders o WHERE o.status >= '2024-01-01'",
            "SELECT c.id FROM customers c WHERE c.signup_date >= DATE '2024-01-01'",
        ] {
            assert!(rewrite(&CastOnColumn, sql).is_empty(), "{sql}");
        }
        assert!(is_iso_date("2024-02-29") && !is_iso_date("2100-02-29"));
        assert!(
            is_iso_timestamp("2024-01-31 23:59:59") && !is_iso_timestamp("2024-01-31 24:00:00")
        );
    }
}
