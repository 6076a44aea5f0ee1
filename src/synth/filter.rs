//! The execution filter: a candidate (correct SQL, bug SQL, category) is
//! kept on an engine only if the engine agrees it is a real bug of that
//! category. The engine must already hold the corpus schema and data;
//! statements other than queries run inside a transaction that is rolled
//! back, so candidates do not disturb each other.

use crate::engine::{compare_rows, run_isolated, CompareOptions, Engine, EngineError, Outcome};
use crate::sql::diff::{line_diff, LineDiff};
use crate::taxonomy::{CategoryKind, Classifier, Taxonomy};
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct Candidate {
    pub category: String,
    pub correct_sql: String,
    pub bug_sql: String,
}

/// Why a candidate was not kept. The variant names are the rejection
/// reasons counted in the synthesis summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Rejection {
    UnknownCategory,
    IdenticalSql,
    DiffTooLarge {
        lines: usize,
    },
    CorrectFails {
        message: String,
    },
    /// An error category whose bug SQL ran without error.
    BugRuns,
    /// The bug raised an error, but not one of the intended category.
    WrongCategory {
        got: Option<String>,
        message: String,
    },
    /// A logic-bug category whose bug SQL failed.
    BugFails {
        message: String,
    },
    /// A logic bug whose results equal the correct ones on this data.
    SameResults,
    Timeout,
    /// DDL on an engine where a rollback would not undo it.
    NotIsolatable,
    EngineCrashed {
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Kept: the error the bug raised (none for a logic bug) and the diff.
    Keep {
        error: Option<EngineError>,
        diff: LineDiff,
    },
    Reject(Rejection),
}

fn top_level_order_by(sql: &str) -> bool {
    // A query is ordered when ORDER BY appears outside parentheses.
    let words = crate::sql::split::strip_comments(sql);
    let mut depth = 0i32;
    let upper = words.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b'O' if depth == 0 && upper[i..].starts_with("ORDER BY") => return true,
            _ => {}
        }
    }
    false
}

pub async fn filter_candidate(
    engine: &mut dyn Engine,
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    max_diff_lines: usize,
) -> Verdict {
    filter_with(engine, taxonomy, candidate, max_diff_lines, None).await
}

/// [`filter_candidate`] with the correct SQL's outcome on this engine
/// already known (it does not change between candidates, since each
/// candidate leaves the database as it found it), so it is not run again.
pub async fn filter_with(
    engine: &mut dyn Engine,
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    max_diff_lines: usize,
    correct: Option<&Outcome>,
) -> Verdict {
    use Rejection::*;
    let reject = Verdict::Reject;
    let Some(category) = taxonomy.get(&candidate.category) else {
        return reject(UnknownCategory);
    };
    if candidate.correct_sql.trim() == candidate.bug_sql.trim() {
        return reject(IdenticalSql);
    }
    let diff = line_diff(&candidate.correct_sql, &candidate.bug_sql);
    if diff.changed_lines() > max_diff_lines {
        return reject(DiffTooLarge {
            lines: diff.changed_lines(),
        });
    }
    let correct = match correct {
        Some(known) => known.clone(),
        None => match run_isolated(engine, &candidate.correct_sql).await {
            Some(outcome) => outcome,
            None => return reject(NotIsolatable),
        },
    };
    match &correct {
        Outcome::Rows { .. } | Outcome::Done { .. } => {}
        Outcome::Error(e) => {
            return reject(CorrectFails {
                message: e.message.clone(),
            })
        }
        Outcome::Timeout { .. } => return reject(Timeout),
        Outcome::Crashed { message } => {
            return reject(EngineCrashed {
                message: message.clone(),
            })
        }
    }
    let Some(bug) = run_isolated(engine, &candidate.bug_sql).await else {
        return reject(NotIsolatable);
    };
    match (category.kind, bug) {
        (_, Outcome::Timeout { .. }) => reject(Timeout),
        (_, Outcome::Crashed { message }) => reject(EngineCrashed { message }),
        (CategoryKind::Error, Outcome::Error(e)) => {
            let got =
                Classifier::new(taxonomy).classify(engine.kind(), e.code.as_deref(), &e.message);
            match got {
                Some(c) if c.id == category.id => Verdict::Keep {
                    error: Some(e),
                    diff,
                },
                other => reject(WrongCategory {
                    got: other.map(|c| c.id),
                    message: e.message.lines().next().unwrap_or_default().to_string(),
                }),
            }
        }
        (CategoryKind::Error, _) => reject(BugRuns),
        (CategoryKind::Logic, Outcome::Error(e)) => reject(BugFails { message: e.message }),
        (CategoryKind::Logic, bug) => {
            let opts = CompareOptions {
                ordered: top_level_order_by(&candidate.correct_sql),
                collated_text: engine.capabilities().collated_text(),
                ..Default::default()
            };
            let differ = match (correct.rows(), bug.rows()) {
                (Some(a), Some(b)) => compare_rows(a, b, &opts).is_err(),
                _ => correct != bug,
            };
            if differ {
                Verdict::Keep { error: None, diff }
            } else {
                reject(SameResults)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn order_by_only_counts_at_top_level() {
        assert!(super::top_level_order_by("SELECT a FROM t ORDER BY a"));
        assert!(!super::top_level_order_by(
            "SELECT a, ROW_NUMBER() OVER (ORDER BY a) FROM t"
        ));
        assert!(!super::top_level_order_by("SELECT a FROM t -- ORDER BY a"));
    }
}
