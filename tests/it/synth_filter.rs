//! The execution filter on all four real engines, with the quickstart
//! corpus loaded once per engine.

use crate::common;
use sqlforge::corpus;
use sqlforge::synth::{filter_candidate, Candidate, Rejection, Verdict};
use sqlforge::taxonomy::Taxonomy;
use std::path::PathBuf;

fn cand(category: &str, correct: &str, bug: &str) -> Candidate {
    Candidate {
        category: category.into(),
        correct_sql: correct.into(),
        bug_sql: bug.into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keeps_real_bugs_and_rejects_the_rest_on_every_engine() {
    let taxonomy = Taxonomy::builtin();
    let quickstart =
        corpus::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/quickstart"))
            .unwrap();
    let c = &quickstart[0];
    let correct = "SELECT c.name,\n       o.amount\nFROM customers c\nJOIN orders o ON o.customer_id = c.id\nWHERE o.amount >= 99.99";
    for spec in &common::ALL {
        let mut e = common::open(spec, 5000).await;
        common::setup(e.as_mut(), &c.schema).await;
        common::setup(e.as_mut(), &c.data).await;

        let unknown_column = correct.replace("o.amount\nFROM", "amnt\nFROM");
        match filter_candidate(
            e.as_mut(),
            &taxonomy,
            &cand("semantic.name.unknown_column", correct, &unknown_column),
            5,
        )
        .await
        {
            Verdict::Keep {
                error: Some(err),
                diff,
            } => {
                assert_eq!(diff.correct, vec![2], "[{spec}]");
                assert!(!err.message.is_empty());
            }
            other => panic!("[{spec}] {other:?}"),
        }
        let v = filter_candidate(
            e.as_mut(),
            &taxonomy,
            &cand("semantic.name.unknown_table", correct, &unknown_column),
            5,
        )
        .await;
        assert!(
            matches!(v, Verdict::Reject(Rejection::WrongCategory { got: Some(ref g), .. }) if g == "semantic.name.unknown_column"),
            "[{spec}] {v:?}"
        );

        let off_by_one = correct.replace(">= 99.99", "> 99.99");
        let v = filter_candidate(
            e.as_mut(),
            &taxonomy,
            &cand("logic.filter.off_by_one_comparison", correct, &off_by_one),
            5,
        )
        .await;
        assert!(
            matches!(v, Verdict::Keep { error: None, .. }),
            "[{spec}] {v:?}"
        );
        let same = correct.replace(">= 99.99", ">= 99.98");
        let v = filter_candidate(
            e.as_mut(),
            &taxonomy,
            &cand("logic.filter.off_by_one_comparison", correct, &same),
            5,
        )
        .await;
        assert_eq!(v, Verdict::Reject(Rejection::SameResults), "[{spec}]");
        let v = filter_candidate(
            e.as_mut(),
            &taxonomy,
            &cand("semantic.name.unknown_column", correct, &off_by_one),
            5,
        )
        .await;
        assert_eq!(v, Verdict::Reject(Rejection::BugRuns), "[{spec}]");
        let v = filter_candidate(
            e.as_mut(),
            &taxonomy,
            &cand("semantic.name.unknown_column", &unknown_column, correct),
            5,
        )
        .await;
        assert!(
            matches!(v, Verdict::Reject(Rejection::CorrectFails { .. })),
            "[{spec}] {v:?}"
        );
        let rewritten = "SELECT 1\nFROM customers\nWHERE 1 = 0\nAND 2 = 2\nAND 3 = 3\nAND 4 = 4";
        let v = filter_candidate(
            e.as_mut(),
            &taxonomy,
            &cand("semantic.name.unknown_column", correct, rewritten),
            2,
        )
        .await;
        assert!(
            matches!(v, Verdict::Reject(Rejection::DiffTooLarge { .. })),
            "[{spec}] {v:?}"
        );

        // A DML bug runs in a rolled-back transaction: the data is unchanged.
        let v = filter_candidate(
            e.as_mut(),
            &taxonomy,
            &cand(
                "runtime.constraint.not_null_violation",
                "UPDATE customers SET name = 'x' WHERE id = 1",
                "UPDATE customers SET name = NULL WHERE id = 1",
            ),
            5,
        )
        .await;
        assert!(
            matches!(v, Verdict::Keep { error: Some(_), .. }),
            "[{spec}] {v:?}"
        );
        let names = e.execute("SELECT name FROM customers WHERE id = 1").await;
        assert_eq!(
            common::rows(&names),
            &[vec![sqlforge::engine::Value::Text("Ada".into())]],
            "[{spec}] the UPDATE leaked"
        );
        e.close().await;
    }
}

/// Write statements leave no trace: DML and (where the engine can roll it
/// back) DDL run in a transaction that is undone; MariaDB DDL, which
/// commits implicitly, is refused before it runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn write_statements_leave_the_database_as_it_was() {
    let taxonomy = Taxonomy::builtin();
    let quickstart =
        corpus::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/quickstart"))
            .unwrap();
    let c = &quickstart[0];
    let ddl = cand(
        "statement.ddl.table_already_exists",
        "CREATE TABLE IF NOT EXISTS scratch_notes (id INTEGER PRIMARY KEY)",
        "CREATE TABLE scratch_notes (id INTEGER PRIMARY KEY) ",
    );
    let dml = cand(
        "logic.filter.off_by_one_comparison",
        "DELETE FROM orders WHERE amount >= 99.99",
        "DELETE FROM orders WHERE amount > 99.99",
    );
    for spec in &common::ALL {
        let mut e = common::open(spec, 5000).await;
        common::setup(e.as_mut(), &c.schema).await;
        common::setup(e.as_mut(), &c.data).await;
        let count = |o: sqlforge::engine::Outcome| format!("{:?}", o.rows());
        let before = count(e.execute("SELECT COUNT(*) FROM orders").await);
        let v = filter_candidate(e.as_mut(), &taxonomy, &dml, 5).await;
        assert!(matches!(v, Verdict::Keep { .. }), "[{spec}] {v:?}");
        assert_eq!(
            count(e.execute("SELECT COUNT(*) FROM orders").await),
            before,
            "[{spec}] DELETE was not rolled back"
        );
        let v = filter_candidate(e.as_mut(), &taxonomy, &ddl, 5).await;
        if spec.kind() == sqlforge::engine::EngineKind::MySql {
            assert_eq!(v, Verdict::Reject(Rejection::NotIsolatable), "[{spec}]");
        }
        let left = e.execute("SELECT COUNT(*) FROM scratch_notes").await;
        assert!(!left.is_success(), "[{spec}] scratch_notes was left behind");
        e.close().await;
    }
}
