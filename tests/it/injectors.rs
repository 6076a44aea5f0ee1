//! Rule injectors over the bundled corpora: edits stay confined to the bug,
//! and every rule produces bugs that the execution filter accepts as its
//! own category on a real engine.

use crate::common;
use sqlforge::corpus;
use sqlforge::inject::{inject, rules};
use sqlforge::sql::diff::line_diff;
use sqlforge::synth::{filter_candidate, Candidate, Verdict};
use sqlforge::taxonomy::Taxonomy;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn bundled() -> Vec<corpus::Corpus> {
    corpus::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora")).unwrap()
}

#[test]
fn injections_change_only_the_bug() {
    let taxonomy = Taxonomy::builtin();
    for rule in rules() {
        assert!(
            taxonomy.get(rule.category).is_some(),
            "{}: unknown category {}",
            rule.name,
            rule.category
        );
    }
    for c in bundled() {
        for q in &c.queries {
            for rule in rules() {
                for inj in inject(rule, &q.sql, 1, 3) {
                    assert_ne!(inj.bug_sql, q.sql, "{} on {}", rule.name, q.id);
                    let d = line_diff(&q.sql, &inj.bug_sql);
                    assert!(
                        d.changed_lines() <= 5,
                        "{} on {} changed {:?}",
                        rule.name,
                        q.id,
                        d
                    );
                    let lines = &d.correct;
                    assert!(
                        lines.windows(2).all(|w| w[1] == w[0] + 1),
                        "{} on {}: scattered edit {:?}",
                        rule.name,
                        q.id,
                        d
                    );
                    // No comment is lost, even on an edited line.
                    if rule.name != "unclosed_comment" {
                        for line in q.sql.lines() {
                            if let Some(at) = line.find("-- ") {
                                let comment = &line[at..];
                                assert!(
                                    inj.bug_sql.contains(comment),
                                    "{} on {} lost {comment:?}",
                                    rule.name,
                                    q.id
                                );
                            }
                        }
                    }
                    // Comments and lines outside the edit are untouched.
                    let untouched = |sql: &str, changed: &[usize]| -> Vec<String> {
                        sql.lines()
                            .enumerate()
                            .filter(|(i, _)| !changed.contains(&(i + 1)))
                            .map(|(_, l)| l.to_string())
                            .collect()
                    };
                    assert_eq!(
                        untouched(&q.sql, &d.correct),
                        untouched(&inj.bug_sql, &d.bug),
                        "{} on {}",
                        rule.name,
                        q.id
                    );
                }
            }
        }
    }
}

#[test]
fn injection_is_deterministic_for_a_seed() {
    let c = &bundled()[1];
    for rule in rules() {
        for q in c.queries.iter().take(20) {
            assert_eq!(inject(rule, &q.sql, 9, 2), inject(rule, &q.sql, 9, 2));
        }
    }
}

/// Every rule is tried on the engines its category names (all four for
/// logic bugs) over the bundled corpora; each must have at least one bug
/// the execution filter keeps.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_rule_yields_bugs_the_engines_accept() {
    let taxonomy = Taxonomy::builtin();
    let corpora = bundled();
    let mut kept: BTreeMap<&str, usize> = BTreeMap::new();
    for spec in &common::ALL {
        let mut e = common::open(spec, 5000).await;
        for c in &corpora {
            if rules().iter().all(|r| kept.contains_key(r.name)) {
                break;
            }
            e.reset().await.unwrap();
            common::setup(e.as_mut(), &c.schema).await;
            common::setup(e.as_mut(), &c.data).await;
            for rule in rules() {
                let category = taxonomy.get(rule.category).unwrap();
                let applies =
                    category.engines.is_empty() || category.engines.contains(&spec.kind());
                if !applies || kept.contains_key(rule.name) {
                    continue;
                }
                let mut tried = 0;
                'queries: for q in c.queries.iter().filter(|q| q.runs_on(spec.kind())) {
                    for inj in inject(rule, &q.sql, 3, 3) {
                        tried += 1;
                        let cand = Candidate {
                            category: rule.category.into(),
                            correct_sql: q.sql.clone(),
                            bug_sql: inj.bug_sql,
                        };
                        if let Verdict::Keep { .. } =
                            filter_candidate(e.as_mut(), &taxonomy, &cand, 5).await
                        {
                            *kept.entry(rule.name).or_default() += 1;
                            break 'queries;
                        }
                        if tried == 60 {
                            break 'queries;
                        }
                    }
                }
            }
        }
        e.close().await;
    }
    let missing: Vec<&str> = rules()
        .iter()
        .map(|r| r.name)
        .filter(|n| !kept.contains_key(n))
        .collect();
    assert!(
        missing.is_empty(),
        "{} rules with no accepted bug: {missing:?}",
        missing.len()
    );
}
