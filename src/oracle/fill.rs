//! Filling an oracle: every placeholder gets one value, the same in A and B.

use super::model::scan;
use super::randdb::RELATIONS;
use super::snippet;
use super::{Oracle, Placeholder, SqlType};
use rand::seq::IndexedRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct Filled {
    pub a: String,
    pub b: String,
    pub between: Vec<String>,
    pub after: Vec<String>,
    /// (placeholder, its filling), in declaration order.
    pub fillings: Vec<(String, String)>,
}

/// Replaces every placeholder in `sql` with its filling.
pub fn substitute(sql: &str, fillings: &[(String, String)]) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut last = 0;
    for (range, name, _) in scan(sql) {
        out.push_str(&sql[last..range.start]);
        match fillings.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&sql[range.clone()]),
        }
        last = range.end;
    }
    out.push_str(&sql[last..]);
    out
}

/// Verified snippets by type (see `snippets.rs`).
pub type Pool = BTreeMap<SqlType, Vec<String>>;

/// Fills `oracle` from `seed`: expressions come from the snippet pool when
/// one is given, from the grammar otherwise.
pub fn fill(oracle: &Oracle, seed: u64, pool: Option<&Pool>) -> Filled {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut fillings: Vec<(String, String)> = Vec::new();
    for (name, p) in &oracle.placeholders {
        let value = match p {
            Placeholder::Table => RELATIONS.choose(&mut rng).expect("relations").to_string(),
            Placeholder::Expr { table, ty } => {
                match pool
                    .and_then(|p| p.get(ty))
                    .and_then(|s| s.choose(&mut rng))
                {
                    Some(snippet) => super::snippets::rename(snippet, table),
                    None => snippet::expr(&mut rng, *ty, table, 2),
                }
            }
        };
        fillings.push((name.clone(), value));
    }
    let sub = |s: &String| substitute(s, &fillings);
    Filled {
        a: sub(&oracle.a),
        b: sub(&oracle.b),
        between: oracle.between.iter().map(sub).collect(),
        after: oracle.after.iter().map(sub).collect(),
        fillings,
    }
}
