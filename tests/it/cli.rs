//! End-to-end tests of the real `sqlforge` binary: output formats and the
//! documented exit codes (docs/EXIT_CODES.md) for good and bad input.

use crate::common;

use serde_json::Value as Json;
use std::process::{Command, Output};

fn sqlforge(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sqlforge"))
        .args(args)
        .env_remove("SQLFORGE_POSTGRES_URL")
        .env_remove("SQLFORGE_MYSQL_URL")
        .output()
        .expect("run sqlforge")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A one-line error on stderr that mentions `needle`.
fn assert_one_line_error(o: &Output, exit: i32, needle: &str) {
    let err = stderr(o);
    assert_eq!(code(o), exit, "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    assert!(err.contains(needle), "{needle:?} not in: {err}");
}

#[test]
fn exec_json_on_every_engine() {
    for engine in ["duckdb", "sqlite", "postgres", "mysql"] {
        let o = sqlforge(&[
            "exec",
            "--engine",
            engine,
            "--json",
            "SELECT 1 AS one, 'a' AS two",
        ]);
        assert_eq!(code(&o), 0, "{engine}: {}", stderr(&o));
        let v: Json = serde_json::from_str(stdout(&o).trim()).expect("one JSON object");
        assert_eq!(v["engine"], engine);
        assert_eq!(v["outcome"], "rows");
        assert_eq!(v["rows"], serde_json::json!([[1, "a"]]));
        assert_eq!(v["columns"][0]["name"], "one");
        assert!(v["columns"][0]["type"].is_string());
        assert!(v["affected"].is_null() && v["error"].is_null());
        assert!(v["elapsed_ms"].as_f64().unwrap() >= 0.0);
    }
}

#[test]
fn exec_with_setup_file_prints_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let setup = dir.path().join("setup.sql");
    std::fs::write(
        &setup,
        "CREATE TABLE t (a INTEGER, b TEXT);\nINSERT INTO t VALUES (1, 'x'), (2, NULL);\n",
    )
    .unwrap();
    let o = sqlforge(&[
        "exec",
        "--engine",
        "sqlite",
        "--setup",
        setup.to_str().unwrap(),
        "SELECT a, b FROM t ORDER BY a",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    insta::assert_snapshot!(stdout(&o), @r"
    a | b
    --+-----
    1 | x
    2 | NULL
    (2 rows)
    ");
}

#[test]
fn exec_reports_done_and_json_error() {
    let o = sqlforge(&[
        "exec",
        "--engine",
        "duckdb",
        "CREATE TABLE t (a INT); INSERT INTO t VALUES (1), (2)",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "OK, 2 rows affected\n");
    let o = sqlforge(&[
        "exec",
        "--engine",
        "sqlite",
        "-- a leading comment\nSELECT 1",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = sqlforge(&[
        "exec",
        "--engine",
        "postgres",
        "--json",
        "SELECT * FROM missing",
    ]);
    assert_eq!(code(&o), 1);
    let v: Json = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["outcome"], "error");
    assert_eq!(v["error"]["code"], "42P01");
}

#[test]
fn syntax_error_is_one_line_with_exit_1() {
    for engine in ["duckdb", "sqlite", "postgres", "mysql"] {
        let o = sqlforge(&["exec", "--engine", engine, "SELEC 1 FRM"]);
        assert_one_line_error(&o, 1, engine);
    }
}

#[test]
fn timeout_is_reported_with_exit_1() {
    let o = sqlforge(&[
        "exec",
        "--engine",
        "sqlite",
        "--timeout-ms",
        "200",
        "--json",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let v: Json = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["outcome"], "timeout");
}

#[test]
fn bad_input_gives_one_line_errors_and_documented_codes() {
    assert_one_line_error(
        &sqlforge(&["exec", "--engine", "oracle", "SELECT 1"]),
        2,
        "unknown engine 'oracle'",
    );
    assert_one_line_error(
        &sqlforge(&[
            "exec",
            "--engine",
            "sqlite",
            "--setup",
            "/nonexistent/setup.sql",
            "SELECT 1",
        ]),
        2,
        "cannot read setup file /nonexistent/setup.sql",
    );
    assert_one_line_error(
        &sqlforge(&[
            "exec",
            "--engine",
            "postgres",
            "--postgres-url",
            "postgres://u:hunter2@127.0.0.1:1/x",
            "SELECT 1",
        ]),
        3,
        "postgres is unreachable",
    );
    assert_one_line_error(
        &sqlforge(&[
            "exec",
            "--engine",
            "mysql",
            "--mysql-url",
            "mysql://root@127.0.0.1:1/test",
            "SELECT 1",
        ]),
        3,
        "mysql is unreachable",
    );
    assert_one_line_error(
        &sqlforge(&[
            "exec",
            "--engine",
            "mysql",
            "--mysql-url",
            "nonsense://",
            "SELECT 1",
        ]),
        2,
        "bad mysql URL",
    );
    assert_one_line_error(
        &sqlforge(&[
            "exec",
            "--engine",
            "postgres",
            "--postgres-url",
            "postgres://x:y@h:notaport/db",
            "SELECT 1",
        ]),
        2,
        "bad postgres URL",
    );
    assert_one_line_error(
        &sqlforge(&["exec", "--engine", "sqlite", "  -- nothing\n"]),
        2,
        "no SQL statement",
    );
    // Secrets never reach the output.
    let o = sqlforge(&[
        "exec",
        "--engine",
        "postgres",
        "--postgres-url",
        "postgres://u:hunter2@127.0.0.1:1/x",
        "SELECT 1",
    ]);
    assert!(!stderr(&o).contains("hunter2"));
}

#[test]
fn setup_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let setup = dir.path().join("broken.sql");
    std::fs::write(
        &setup,
        "CREATE TABLE t (a INT);\n\nINSERT INTO nope VALUES (1);\n",
    )
    .unwrap();
    let o = sqlforge(&[
        "exec",
        "--engine",
        "duckdb",
        "--setup",
        setup.to_str().unwrap(),
        "SELECT 1",
    ]);
    assert_one_line_error(&o, 2, "broken.sql:3: setup statement failed");
}

#[test]
fn cmd_driver_failures_exit_3() {
    let dies = format!("cmd:{}", common::driver_command("--die-on BOOM"));
    assert_one_line_error(
        &sqlforge(&["exec", "--engine", &dies, "SELECT 'BOOM'"]),
        3,
        "driver died",
    );
    let garbage = format!("cmd:{}", common::driver_command("--garbage-on JUNK"));
    assert_one_line_error(
        &sqlforge(&["exec", "--engine", &garbage, "SELECT 'JUNK'"]),
        3,
        "garbage",
    );
    assert_one_line_error(
        &sqlforge(&["exec", "--engine", "cmd:echo hello", "SELECT 1"]),
        3,
        "cmd driver",
    );
    let ok = format!("cmd:{}", common::driver_command(""));
    let o = sqlforge(&["exec", "--engine", &ok, "--json", "SELECT 2"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn engines_lists_all_four_as_json() {
    let o = sqlforge(&["engines", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Json = serde_json::from_str(stdout(&o).trim()).unwrap();
    let list = v["engines"].as_array().unwrap();
    let names: Vec<&str> = list.iter().map(|e| e["engine"].as_str().unwrap()).collect();
    assert_eq!(names, ["duckdb", "sqlite", "postgres", "mysql"]);
    for e in list {
        assert_eq!(e["reachable"], true, "{e}");
        assert!(!e["version"].as_str().unwrap().is_empty());
    }
    let o = sqlforge(&[
        "engines",
        "--json",
        "--mysql-url",
        "mysql://root@127.0.0.1:1/test",
    ]);
    let v: Json = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["engines"][3]["reachable"], false);
    assert!(v["engines"][3]["error"]
        .as_str()
        .unwrap()
        .contains("unreachable"));
}

#[test]
fn taxonomy_and_classify() {
    let o = sqlforge(&["taxonomy", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Json = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(v["leaf_count"].as_u64().unwrap() >= 81);
    let with_rules = v["tree"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l1| l1["children"].as_array().unwrap())
        .flat_map(|l2| l2["categories"].as_array().unwrap())
        .filter(|c| !c["rules"].as_array().unwrap().is_empty())
        .count();
    assert!(with_rules >= 130, "{with_rules} leaves with a rule");
    let o = sqlforge(&["taxonomy"]);
    assert!(stdout(&o).contains("leaf categories"));
    assert!(stdout(&o).contains("rule misspell_column"));

    let o = sqlforge(&[
        "classify",
        "--engine",
        "postgres",
        "--code",
        "42703",
        "--json",
        "column \"nope\" does not exist",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Json = serde_json::from_str(stdout(&o).trim()).unwrap();
    let id = v["category"]["id"].as_str().unwrap();
    assert!(id.contains("column"), "{id}");
    assert_eq!(v["category"]["path"].as_array().unwrap().len(), 3);

    let o = sqlforge(&["classify", "--engine", "sqlite", "everything is fine"]);
    assert_eq!(code(&o), 1);
    assert_one_line_error(
        &sqlforge(&["classify", "--engine", "db2", "x"]),
        2,
        "unknown engine 'db2'",
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "version = 1\n[levels]\n[[category]]\nid = \"a.b\"\ndescription = \"x\"\nkind = \"error\"\n").unwrap();
    assert_one_line_error(
        &sqlforge(&["taxonomy", "--taxonomy", bad.to_str().unwrap()]),
        2,
        "category 'a.b'",
    );
}

#[test]
fn corpus_stats_and_recall() {
    let plain = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/loaders/plain");
    let jsonl = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/loaders/jsonl/queries.jsonl"
    );
    let o = sqlforge(&[
        "corpus",
        "stats",
        "--json",
        "--engines",
        "duckdb,sqlite",
        plain,
        jsonl,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Json = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["total_queries"], 5);
    let jsonl_stats = &v["corpora"][1];
    assert_eq!(jsonl_stats["skipped"].as_array().unwrap().len(), 4);
    assert_eq!(jsonl_stats["runs"][0]["runnable"], 2);
    assert!(v["features"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["feature"] == "group_by"));

    let o = sqlforge(&[
        "corpus",
        "recall",
        "--json",
        "--category",
        "does.not.exist",
        plain,
    ]);
    assert_one_line_error(&o, 2, "unknown category id 'does.not.exist'");
    assert_one_line_error(
        &sqlforge(&["corpus", "stats", "/nonexistent/corpus"]),
        2,
        "corpus not found",
    );

    let corpora = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora");
    let taxonomy: Json =
        serde_json::from_str(stdout(&sqlforge(&["taxonomy", "--json"])).trim()).unwrap();
    let grouping = taxonomy["tree"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l1| l1["children"].as_array().unwrap().iter())
        .flat_map(|l2| l2["categories"].as_array().unwrap().iter())
        .find(|c| {
            c["requires"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "group_by")
        })
        .expect("a category that needs GROUP BY")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let o = sqlforge(&[
        "corpus",
        "recall",
        "--json",
        "--category",
        &grouping,
        "--limit",
        "15",
        corpora,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Json = serde_json::from_str(stdout(&o).trim()).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 15);
    assert!(v["matched"].as_u64().unwrap() >= 15);
    for h in hits {
        assert!(
            h["features"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "group_by"),
            "{h}"
        );
    }
    let corpora_hit: std::collections::BTreeSet<&str> =
        hits.iter().map(|h| h["corpus"].as_str().unwrap()).collect();
    assert!(
        corpora_hit.len() >= 3,
        "recall is not diverse: {corpora_hit:?}"
    );
}

#[test]
fn ctrl_c_removes_the_server_sandbox() {
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_sqlforge"))
        .args([
            "exec",
            "--engine",
            "postgres",
            "--timeout-ms",
            "60000",
            "SELECT pg_sleep(30)",
        ])
        .env_remove("SQLFORGE_POSTGRES_URL")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let role_query = format!(
        "SELECT count(*) FROM pg_stat_activity WHERE usename LIKE 'sqlforge_{}_%' AND query LIKE '%pg_sleep%'",
        child.id()
    );
    let count = |sql: &str| -> i64 {
        let out = Command::new("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "test",
                "-Atc",
                sql,
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .unwrap_or(-1)
    };
    let started = Instant::now();
    while count(&role_query) < 1 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the sandboxed statement never started"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let roles = format!(
        "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'sqlforge_{}_%'",
        child.id()
    );
    assert_eq!(count(&roles), 0, "the sandbox role survived Ctrl-C");
    let schemas = format!(
        "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'sqlforge_{}_%'",
        child.id()
    );
    assert_eq!(count(&schemas), 0, "the sandbox schema survived Ctrl-C");
}

#[test]
fn an_admin_that_cannot_build_sandboxes_gets_a_clear_refusal() {
    let psql = |sql: &str| {
        Command::new("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "test",
                "-qc",
                sql,
            ])
            .output()
            .unwrap()
    };
    let mariadb = |sql: &str| {
        Command::new("mariadb")
            .args(["--protocol=tcp", "-h", "127.0.0.1", "-u", "root", "-e", sql])
            .output()
            .unwrap()
    };
    psql("DROP ROLE IF EXISTS sqlforge_test_weak; CREATE ROLE sqlforge_test_weak LOGIN");
    mariadb("DROP USER IF EXISTS 'sqlforge_test_weak'@'%'; CREATE USER 'sqlforge_test_weak'@'%'; DROP USER IF EXISTS 'sqlforge_test_weak'@'localhost'; CREATE USER 'sqlforge_test_weak'@'localhost'");
    // A login that the server refuses is not "unreachable".
    let denied = sqlforge(&[
        "exec",
        "--engine",
        "mysql",
        "--mysql-url",
        "mysql://sqlforge_test_weak@127.0.0.1:3306/test",
        "SELECT 1",
    ]);
    mariadb("GRANT SELECT ON test.* TO 'sqlforge_test_weak'@'%'; GRANT SELECT ON test.* TO 'sqlforge_test_weak'@'localhost'");
    let pg = sqlforge(&[
        "exec",
        "--engine",
        "postgres",
        "--postgres-url",
        "postgres://sqlforge_test_weak@127.0.0.1:5432/test",
        "SELECT 1",
    ]);
    let my = sqlforge(&[
        "exec",
        "--engine",
        "mysql",
        "--mysql-url",
        "mysql://sqlforge_test_weak@127.0.0.1:3306/test",
        "SELECT 1",
    ]);
    psql("DROP ROLE IF EXISTS sqlforge_test_weak");
    mariadb("DROP USER IF EXISTS 'sqlforge_test_weak'@'%'; DROP USER IF EXISTS 'sqlforge_test_weak'@'localhost'");
    assert_one_line_error(&pg, 3, "postgres sandbox refused");
    assert_one_line_error(&my, 3, "mysql sandbox refused");
    assert_one_line_error(&denied, 3, "mysql failed to open: login refused");
}
