//! Bug injectors. Rule-based injectors edit single tokens of the correct
//! SQL (`sql::tokens`), so everything but the bug stays byte-identical:
//! comments, indentation and untouched lines. Each rule lists every place it
//! could act; a seeded choice picks among them, so runs are deterministic.

pub mod llm;
mod rules;

pub use rules::{rules, Injection, Rule};

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// Up to `max` distinct injections of `rule` into `sql`, chosen by `seed`.
pub fn inject(rule: &Rule, sql: &str, seed: u64, max: usize) -> Vec<Injection> {
    let mut all = (rule.find)(sql);
    all.dedup_by(|a, b| a.bug_sql == b.bug_sql);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    all.shuffle(&mut rng);
    all.truncate(max);
    all
}

/// The rules that target a category.
pub fn rules_for(category: &str) -> Vec<&'static Rule> {
    rules().iter().filter(|r| r.category == category).collect()
}
