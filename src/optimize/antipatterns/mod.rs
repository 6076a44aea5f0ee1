//! Anti-pattern rules: turn a fast corpus query (correct and efficient) into
//! realistic slow but equivalent variants, so `(slow, fast = original)` is an
//! optimisation training pair.
//!
//! Every rule states the condition its equivalence rests on
//! ([`AntiPattern::condition`]) and leaves a query alone when it cannot
//! prove it from the SQL and the schema: a rewrite must return the same
//! multiset of rows on DuckDB, SQLite, PostgreSQL and MariaDB for any data.
//! Callers still verify each pair by execution; the rules only keep that
//! verification from wasting time. Rewrites are dialect-neutral SQL printed
//! by sqlparser (GenericDialect).

mod ast;
mod schema;
mod scope;

mod cast_on_column;
mod coalesce_on_column;
mod correlated_subquery;
mod count_exists;
mod cross_join;
mod distinct_join;
mod distinct_subquery;
mod or_chain;
mod order_by_subquery;
mod plus_zero;
mod repeated_subquery;
mod select_star;
mod union_distinct;
mod where_to_having;

#[cfg(test)]
mod tests;

pub use schema::{Column, ColumnType, Schema, Table};
pub use scope::Context;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use sqlparser::ast::{Query, Statement};
use std::collections::BTreeSet;

/// Variants kept per pattern and query by [`generate`].
pub const MAX_PER_PATTERN: usize = 2;

pub trait AntiPattern: Send + Sync {
    /// Stable identifier, used as the pair's pattern label.
    fn name(&self) -> &'static str;
    /// The condition under which the slow form equals the fast one.
    fn condition(&self) -> &'static str;
    /// Every single-site slow rewrite of `fast` (deterministic, possibly none).
    fn slow_variants(&self, fast: &Query, cx: &Context) -> Vec<Query>;
}

/// Every rule, in a fixed order.
pub fn all() -> Vec<Box<dyn AntiPattern>> {
    vec![
        Box::new(correlated_subquery::CorrelatedSubquery),
        Box::new(distinct_join::DistinctJoin),
        Box::new(or_chain::OrChain),
        Box::new(plus_zero::PlusZero),
        Box::new(cast_on_column::CastOnColumn),
        Box::new(coalesce_on_column::CoalesceOnColumn),
        Box::new(repeated_subquery::RepeatedSubquery),
        Box::new(union_distinct::UnionDistinct),
        Box::new(count_exists::CountExists),
        Box::new(order_by_subquery::OrderBySubquery),
        Box::new(cross_join::CrossJoin),
        Box::new(select_star::SelectStar),
        Box::new(where_to_having::WhereToHaving),
        Box::new(distinct_subquery::DistinctSubquery),
    ]
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlowVariant {
    pub pattern: &'static str,
    pub slow_sql: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AntiPatternError {
    #[error("cannot parse the query: {0}")]
    Parse(String),
    #[error("not a single query (expected one SELECT or WITH statement)")]
    NotAQuery,
}

/// Slow variants of `sql` from the rules that need no schema.
pub fn generate(sql: &str, seed: u64) -> Result<Vec<SlowVariant>, AntiPatternError> {
    generate_with(sql, &Schema::default(), seed, MAX_PER_PATTERN)
}

/// Slow variants of `sql`, at most `max_per_pattern` per rule, picked by
/// `seed` when a rule offers more. The same inputs give the same output.
pub fn generate_with(
    sql: &str,
    schema: &Schema,
    seed: u64,
    max_per_pattern: usize,
) -> Result<Vec<SlowVariant>, AntiPatternError> {
    let fast = parse_fast(sql)?;
    let cx = Context::new(schema, &fast);
    let fast_text = fast.to_string();
    let mut out = Vec::new();
    for pattern in all() {
        let mut seen = BTreeSet::new();
        let mut texts: Vec<String> = pattern
            .slow_variants(&fast, &cx)
            .iter()
            .map(ToString::to_string)
            .filter(|t| *t != fast_text && ast::parse_query(t).is_some() && seen.insert(t.clone()))
            .collect();
        // One stream per pattern, so adding a rule never reshuffles the others.
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ fnv1a(pattern.name()));
        texts.shuffle(&mut rng);
        texts.truncate(max_per_pattern);
        out.extend(texts.into_iter().map(|slow_sql| SlowVariant {
            pattern: pattern.name(),
            slow_sql,
        }));
    }
    Ok(out)
}

fn parse_fast(sql: &str) -> Result<Query, AntiPatternError> {
    let mut statements = ast::parse_statements(sql).map_err(AntiPatternError::Parse)?;
    match statements.pop() {
        Some(Statement::Query(q)) if statements.is_empty() => Ok(*q),
        _ => Err(AntiPatternError::NotAQuery),
    }
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Shared by the rules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{ast, AntiPattern, Context, Schema};

    pub const DDL: &str = "
        CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(60) NOT NULL,
            email VARCHAR(120) NULL UNIQUE, country VARCHAR(2) NULL, tier VARCHAR(10) NOT NULL,
            signup_date DATE NOT NULL);
        CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER NOT NULL,
            status VARCHAR(12) NOT NULL, amount DECIMAL(10, 2) NOT NULL,
            ordered_at TIMESTAMP NOT NULL, discount_code VARCHAR(20) NULL, note VARCHAR(200) NULL);
        CREATE TABLE order_items (order_id INTEGER NOT NULL, line_no INTEGER NOT NULL,
            product_id INTEGER NOT NULL, quantity INTEGER NOT NULL, PRIMARY KEY (order_id, line_no));
    ";

    /// The rule's rewrites of `sql` over the test schema, as SQL text.
    pub fn rewrite(p: &dyn AntiPattern, sql: &str) -> Vec<String> {
        let schema = Schema::from_ddl(DDL);
        let q = ast::parse_query(sql).expect("test query parses");
        let cx = Context::new(&schema, &q);
        p.slow_variants(&q, &cx)
            .iter()
            .map(ToString::to_string)
            .collect()
    }
}
