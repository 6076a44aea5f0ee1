//! A seeded grammar of typed expressions over one table's columns, with
//! corner values (NULL, 0, -1, integer limits, the empty string). Every
//! production is written in the SQL that DuckDB, SQLite, PostgreSQL and
//! MySQL share; a filling an engine still rejects is skipped by the campaign.

use super::randdb::columns_of;
use super::SqlType;
use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

fn pick<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    items.choose(rng).expect("non-empty")
}

fn literal(rng: &mut ChaCha8Rng, ty: SqlType) -> String {
    let s = match ty {
        SqlType::Int => pick(rng, &["0", "1", "-1", "2", "7", "2147483647", "NULL"]),
        // NaN where the engine has it (DuckDB, PostgreSQL); elsewhere the
        // filling is rejected and skipped.
        SqlType::Double => pick(
            rng,
            &[
                "0.5",
                "0.0",
                "-1.5",
                "100.25",
                "NULL",
                "CAST('NaN' AS DOUBLE PRECISION)",
            ],
        ),
        SqlType::Text => pick(rng, &["''", "'a'", "'abc'", "'A'", "'%'", "NULL"]),
        SqlType::Bool => pick(rng, &["TRUE", "FALSE", "NULL"]),
        SqlType::Date => pick(rng, &["'2000-01-01'", "'2024-02-29'", "'2024-06-15'"]),
    };
    s.to_string()
}

fn column(rng: &mut ChaCha8Rng, ty: SqlType, q: &str) -> String {
    let cols = columns_of(ty);
    format!("{q}.{}", cols.choose(rng).expect("every type has a column"))
}

/// A random expression of type `ty` over the columns of the table known in
/// the query as `q`. `depth` bounds nesting.
pub fn expr(rng: &mut ChaCha8Rng, ty: SqlType, q: &str, depth: u32) -> String {
    let leaf = depth == 0 || rng.random_bool(0.3);
    if leaf {
        return if rng.random_bool(0.75) {
            column(rng, ty, q)
        } else {
            literal(rng, ty)
        };
    }
    let d = depth - 1;
    let sub = |rng: &mut ChaCha8Rng, t: SqlType| expr(rng, t, q, d);
    match ty {
        SqlType::Int => match rng.random_range(0..6) {
            0 => format!("({} + {})", sub(rng, ty), sub(rng, ty)),
            1 => format!("({} - {})", sub(rng, ty), sub(rng, ty)),
            2 => format!("ABS({})", sub(rng, ty)),
            3 => format!("COALESCE({}, {})", sub(rng, ty), literal(rng, ty)),
            4 => {
                let c = sub(rng, SqlType::Bool);
                format!(
                    "CASE WHEN {c} THEN {} ELSE {} END",
                    sub(rng, ty),
                    sub(rng, ty)
                )
            }
            _ => format!("NULLIF({}, {})", sub(rng, ty), literal(rng, ty)),
        },
        SqlType::Double => match rng.random_range(0..4) {
            0 => format!("({} * 0.5)", sub(rng, ty)),
            1 => format!("({} + {})", sub(rng, ty), sub(rng, SqlType::Int)),
            2 => format!("ABS({})", sub(rng, ty)),
            _ => format!("COALESCE({}, {})", sub(rng, ty), literal(rng, ty)),
        },
        SqlType::Text => match rng.random_range(0..5) {
            0 => format!("UPPER({})", sub(rng, ty)),
            1 => format!("LOWER({})", sub(rng, ty)),
            2 => format!("COALESCE({}, {})", sub(rng, ty), literal(rng, ty)),
            3 => format!("SUBSTR({}, 1, 2)", sub(rng, ty)),
            _ => {
                let c = sub(rng, SqlType::Bool);
                format!(
                    "CASE WHEN {c} THEN {} ELSE {} END",
                    sub(rng, ty),
                    sub(rng, ty)
                )
            }
        },
        SqlType::Date => format!("COALESCE({}, {})", sub(rng, ty), literal(rng, ty)),
        SqlType::Bool => match rng.random_range(0..9) {
            0 => format!("({} AND {})", sub(rng, ty), sub(rng, ty)),
            1 => format!("({} OR {})", sub(rng, ty), sub(rng, ty)),
            2 => format!("(NOT {})", sub(rng, ty)),
            3 => {
                let t = *[SqlType::Int, SqlType::Text, SqlType::Double, SqlType::Date]
                    .choose(rng)
                    .expect("non-empty");
                let op = pick(rng, &["=", "<>", "<", "<=", ">", ">="]);
                format!("({} {op} {})", sub(rng, t), sub(rng, t))
            }
            4 => {
                let t = *[SqlType::Int, SqlType::Text, SqlType::Bool]
                    .choose(rng)
                    .expect("non-empty");
                let not = pick(rng, &["", "NOT "]);
                format!("({} IS {not}NULL)", sub(rng, t))
            }
            5 => format!(
                "({} BETWEEN {} AND {})",
                sub(rng, SqlType::Int),
                literal(rng, SqlType::Int),
                literal(rng, SqlType::Int)
            ),
            6 => format!(
                "({} IN ({}, {}))",
                sub(rng, SqlType::Int),
                literal(rng, SqlType::Int),
                literal(rng, SqlType::Int)
            ),
            7 => format!(
                "({} LIKE {})",
                sub(rng, SqlType::Text),
                pick(rng, &["'a%'", "'%b%'", "'_'"])
            ),
            _ => column(rng, ty, q),
        },
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    #[test]
    fn expressions_are_deterministic_and_qualified() {
        let mut a = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let mut b = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        for _ in 0..50 {
            let x = super::expr(&mut a, super::SqlType::Bool, "t9", 3);
            assert_eq!(x, super::expr(&mut b, super::SqlType::Bool, "t9", 3));
            assert!(!x.contains("c_") || x.contains("t9.c_"), "{x}");
        }
    }
}
