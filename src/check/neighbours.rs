//! Near-miss neighbours of a gold query: every edit the logic-bug rule
//! injectors can make to it (a flipped comparison, INNER for LEFT, a lost
//! DISTINCT, a changed constant, a dropped predicate …). Test-suite
//! accuracy keeps the databases that tell the gold apart from these.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;

/// Up to `max` distinct neighbours of `gold`, chosen by `seed`.
pub fn neighbours(gold: &str, max: usize, seed: u64) -> Vec<String> {
    let canonical_gold = super::canonical::canonical(gold, None);
    let mut all: BTreeSet<String> = BTreeSet::new();
    for rule in crate::inject::rules() {
        if !rule.category.starts_with("logic.") {
            continue;
        }
        for i in (rule.find)(gold) {
            if i.bug_sql != gold {
                all.insert(i.bug_sql);
            }
        }
    }
    let mut all: Vec<String> = all
        .into_iter()
        .filter(|n| {
            canonical_gold.is_none() || super::canonical::canonical(n, None) != canonical_gold
        })
        .collect();
    all.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    all.truncate(max);
    all
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_filtered_join_has_many_distinct_neighbours() {
        let gold = "SELECT d.name, COUNT(e.id) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id WHERE e.salary >= 100 GROUP BY d.name";
        let n = super::neighbours(gold, 100, 1);
        assert!(n.len() >= 5, "{n:?}");
        assert!(n.iter().all(|x| x != gold));
        assert!(n.iter().any(|x| x.contains("> 100")), "{n:?}");
        assert_eq!(n, super::neighbours(gold, 100, 1));
    }
}
