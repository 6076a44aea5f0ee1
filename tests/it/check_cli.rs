//! `sqlforge check` end to end: every verdict, every tier, on the real
//! engines.

use crate::common::run_sqlforge;
use serde_json::Value;

const SETUP: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/check/company.sql"
);

fn check(extra: &[&str], gold: &str, pred: &str) -> (i32, Value) {
    let mut args = vec![
        "--json", "check", "--setup", SETUP, "--gold", gold, "--pred", pred,
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = run_sqlforge(&args);
    let v: Value = serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (code, v)
}

const GOLD_GE: &str = "SELECT e.name FROM emp e WHERE e.salary >= 100";
const PRED_GT: &str = "SELECT e.name FROM emp e WHERE e.salary > 100";

#[test]
fn canonical_forms_decide_without_running() {
    let (code, v) = check(
        &[],
        "SELECT name FROM emp WHERE salary >= 100 AND bonus > 0",
        "select name\n  from emp\n where (bonus > 0) and ((salary >= 100))",
    );
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["verdict"], "equivalent");
    assert_eq!(v["tier"], "canonical");
}

#[test]
fn a_true_rewrite_is_equivalent_on_every_database() {
    let (code, v) = check(
        &[],
        "SELECT e.name, d.name FROM emp e JOIN dept d ON d.id = e.dept_id WHERE e.salary >= 100",
        "SELECT x.name, y.name FROM dept y, emp x WHERE x.salary >= 100 AND x.dept_id = y.id",
    );
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["verdict"], "equivalent");
    assert_eq!(v["tier"], "fuzzed_suite");
    assert!(v["databases"].as_u64().unwrap() >= 4, "{v}");
    assert!(v["suite"]["neighbours_killed"].as_u64().unwrap() > 0, "{v}");
}

/// Checks that a not_equivalent verdict's counterexample replays: the
/// database it gives tells `gold` and `pred` apart through `exec --setup`.
fn assert_counterexample_replays(v: &Value, gold: &str, pred: &str) {
    let c = &v["counterexample"];
    let sql = c["database_sql"].as_str().unwrap();
    assert!(
        sql.contains("CREATE TABLE emp") && sql.contains("INSERT INTO emp"),
        "{sql}"
    );
    assert_ne!(c["gold_result"], c["pred_result"]);
    // The counterexample is real: replaying it shows the difference.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cex.sql");
    std::fs::write(&file, sql).unwrap();
    let count = |q: &str| {
        let (code, out, err) = run_sqlforge(&[
            "--json",
            "exec",
            "--engine",
            "duckdb",
            "--setup",
            file.to_str().unwrap(),
            q,
        ]);
        assert_eq!(code, 0, "{out}{err}");
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        v["rows"].as_array().unwrap().len()
    };
    assert_ne!(count(gold), count(pred));
}

#[test]
fn a_boundary_near_miss_that_the_record_database_misses_is_caught_by_mutants_and_by_the_suite() {
    // On the record's data no salary is exactly 100: one database says equal.
    let (code, v) = check(&["--no-fuzz"], GOLD_GE, PRED_GT);
    assert_eq!(
        (code, &v["verdict"]),
        (0, &Value::from("equivalent")),
        "{v}"
    );
    assert_eq!(v["tier"], "record_database");
    // A mutant of the record's database sets salaries to 100 (not on
    // DuckDB, whose rolled-back writes are not safe: docs/CHECKER.md).
    let (code, v) = check(&["--engine", "sqlite"], GOLD_GE, PRED_GT);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["verdict"], "not_equivalent");
    assert_eq!(v["tier"], "mutated_database");
    assert!(
        v["counterexample"]["database_sql"]
            .as_str()
            .unwrap()
            .contains("UPDATE emp SET salary = 100"),
        "{v}"
    );
    assert_counterexample_replays(&v, GOLD_GE, PRED_GT);
    // Without mutants the fuzzed suite finds a database of its own.
    for args in [&["--engine", "sqlite", "--mutants", "0"][..], &[]] {
        let (code, v) = check(args, GOLD_GE, PRED_GT);
        assert_eq!(code, 1, "{v}");
        assert_eq!(v["tier"], "fuzzed_suite");
        assert_counterexample_replays(&v, GOLD_GE, PRED_GT);
    }
}

#[test]
fn a_query_gold_with_a_write_prediction_never_runs_it() {
    let (code, v) = check(&[], GOLD_GE, "DELETE FROM emp");
    assert_eq!(
        (code, v["verdict"].as_str()),
        (1, Some("pred_error")),
        "{v}"
    );
}

#[test]
fn near_misses_are_caught_on_every_engine() {
    for engine in ["duckdb", "sqlite", "postgres", "mysql"] {
        let (code, v) = check(&["--engine", engine], GOLD_GE, PRED_GT);
        assert_eq!(
            (code, v["verdict"].as_str()),
            (1, Some("not_equivalent")),
            "{engine}: {v}"
        );
        // Mutants run (and roll back) on every engine but DuckDB.
        let tier = if engine == "duckdb" {
            "fuzzed_suite"
        } else {
            "mutated_database"
        };
        assert_eq!(v["tier"], tier, "{engine}: {v}");
        // INNER for LEFT: every employee has a department in the data.
        let (code, v) = check(
            &["--engine", engine],
            "SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON d.id = e.dept_id",
            "SELECT e.name, d.name FROM emp e INNER JOIN dept d ON d.id = e.dept_id",
        );
        assert_eq!(
            (code, v["verdict"].as_str()),
            (1, Some("not_equivalent")),
            "{engine}: {v}"
        );
        let (code, v) = check(
            &["--engine", engine],
            "SELECT dept_id, COUNT(*) FROM emp GROUP BY dept_id",
            "SELECT e.dept_id, COUNT(e.id) FROM emp AS e GROUP BY e.dept_id",
        );
        assert_eq!(
            (code, v["verdict"].as_str()),
            (0, Some("equivalent")),
            "{engine}: {v}"
        );
    }
}

#[test]
fn order_counts_only_under_a_top_level_order_by() {
    let (code, v) = check(
        &[],
        "SELECT id FROM emp ORDER BY id",
        "SELECT id FROM emp ORDER BY id DESC",
    );
    assert_eq!(
        (code, v["verdict"].as_str()),
        (1, Some("not_equivalent")),
        "{v}"
    );
    let (code, v) = check(
        &[],
        "SELECT id FROM emp",
        "SELECT id FROM emp ORDER BY id DESC",
    );
    assert_eq!(
        (code, v["verdict"].as_str()),
        (0, Some("equivalent")),
        "{v}"
    );
}

#[test]
fn a_failing_prediction_is_a_verdict_and_a_failing_gold_is_unknown() {
    let (code, v) = check(&[], GOLD_GE, "SELECT e.nam FROM emp e");
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["verdict"], "pred_error");
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("nam"),
        "{v}"
    );
    let (code, v) = check(&[], "SELEC nothing", GOLD_GE);
    assert_eq!(code, 4, "{v}");
    assert_eq!(v["verdict"], "unknown");
    assert_eq!(v["gold_broken"], true);
}

#[test]
fn write_statements_compare_the_tables_afterwards() {
    let (code, v) = check(
        &[],
        "UPDATE emp SET bonus = 0 WHERE salary >= 100",
        "UPDATE emp SET bonus = 0 WHERE salary > 100",
    );
    assert_eq!(
        (code, v["verdict"].as_str()),
        (1, Some("not_equivalent")),
        "{v}"
    );
    let (code, v) = check(
        &[],
        "DELETE FROM emp WHERE bonus IS NULL OR bonus = 0",
        "DELETE FROM emp WHERE COALESCE(bonus, 0) = 0",
    );
    assert_eq!(
        (code, v["verdict"].as_str()),
        (0, Some("equivalent")),
        "{v}"
    );
}

#[test]
fn checks_a_record_against_its_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpora = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora");
    let schema = std::fs::read_to_string(format!("{corpora}/hr/schema.sql")).unwrap();
    let correct = "SELECT d.id, d.name, COUNT(e.id) AS headcount\nFROM departments d\nJOIN employees e ON e.department_id = d.id\nWHERE e.termination_date IS NULL\nGROUP BY d.id, d.name";
    let bug = correct.replace("e.termination_date IS NULL", "e.termination_date = NULL");
    let record = serde_json::json!({
        "id": "hr-1", "category": "logic.filter.null_equality",
        "category_path": ["logic", "logic.filter", "logic.filter.null_equality"],
        "engine": "sqlite", "schema": schema, "correct_sql": correct, "bug_sql": bug,
        "error_message": "", "diff": {"correct": [4], "bug": [4]},
        "injector": "rules/x", "injector_version": "1", "source_corpus": "hr",
        "source_query": "hr.q001", "seed": 1
    });
    let file = dir.path().join("r.jsonl");
    std::fs::write(&file, format!("{record}\n")).unwrap();
    let reference = format!("{}:hr-1", file.display());
    let run = |pred: &str| {
        let (code, out, err) = run_sqlforge(&[
            "--json",
            "check",
            "--record",
            &reference,
            "--corpora",
            corpora,
            "--pred",
            pred,
        ]);
        let v: Value =
            serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
        (code, v)
    };
    let (code, v) = run(&bug);
    assert_eq!(
        (code, v["verdict"].as_str()),
        (1, Some("not_equivalent")),
        "{v}"
    );
    assert_eq!(v["tier"], "record_database");
    assert_eq!(v["engine"], "sqlite");
    let rewrite = "SELECT dd.id, dd.name, COUNT(*) AS headcount FROM departments dd, employees ee WHERE ee.department_id = dd.id AND ee.termination_date IS NULL GROUP BY dd.id, dd.name";
    let (code, v) = run(rewrite);
    assert_eq!(
        (code, v["verdict"].as_str()),
        (0, Some("equivalent")),
        "{v}"
    );
}

#[test]
fn bad_input_gets_one_clear_line() {
    let (code, _, err) = run_sqlforge(&[
        "check",
        "--setup",
        "/nonexistent.sql",
        "--gold",
        "SELECT 1",
        "--pred",
        "SELECT 1",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: --setup /nonexistent.sql: cannot read"),
        "{err}"
    );
    let (code, _, err) = run_sqlforge(&["check", "--record", "nofile", "--pred", "SELECT 1"]);
    assert_eq!(code, 2);
    assert!(err.contains("expected FILE.jsonl:ID"), "{err}");
    let (code, _, err) = run_sqlforge(&["check", "--setup", SETUP, "--pred", "SELECT 1"]);
    assert_eq!(code, 2);
    assert!(err.contains("--gold is required"), "{err}");
}
