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
    // Every bug is one contiguous block of changed lines.
    all.retain(|i| i.bug_sql != sql && contiguous(&crate::sql::diff::line_diff(sql, &i.bug_sql)));
    all.sort_by(|a, b| a.bug_sql.cmp(&b.bug_sql));
    all.dedup_by(|a, b| a.bug_sql == b.bug_sql);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    all.shuffle(&mut rng);
    all.truncate(max);
    all
}

fn contiguous(d: &crate::sql::diff::LineDiff) -> bool {
    let run = |lines: &[usize]| lines.windows(2).all(|w| w[1] == w[0] + 1);
    run(&d.correct) && run(&d.bug)
}

/// The rules that target a category.
pub fn rules_for(category: &str) -> Vec<&'static Rule> {
    rules().iter().filter(|r| r.category == category).collect()
}
