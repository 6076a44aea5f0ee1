//! One table of conformance cases run on all four engines over real
//! connections: types, NULLs, multisets, DML counts, errors with codes and
//! timeouts that leave the engine usable.

use crate::common;

use sqlforge::engine::{compare_rows, CompareOptions, EngineKind, Outcome, Value};
use Value::*;

enum Expect {
    Rows(Vec<Vec<Value>>),
    Done(u64),
    /// The error code each engine must report.
    Error {
        duckdb: &'static str,
        sqlite: &'static str,
        postgres: &'static str,
        mysql: &'static str,
    },
    Timeout,
}

struct Case {
    name: &'static str,
    setup: &'static str,
    sql: &'static str,
    expect: Expect,
    /// Engines the case applies to; empty means all four.
    only: &'static [EngineKind],
}

const fn case(name: &'static str, setup: &'static str, sql: &'static str, expect: Expect) -> Case {
    Case {
        name,
        setup,
        sql,
        expect,
        only: &[],
    }
}

fn text(s: &str) -> Value {
    Text(s.into())
}

const PEOPLE: &str =
    "CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, score INTEGER);
INSERT INTO people VALUES (1, 'ann', 10), (2, 'bob', NULL), (3, 'cy', 10)";

fn cases() -> Vec<Case> {
    vec![
        case("integer arithmetic", "", "SELECT 1 + 1", Expect::Rows(vec![vec![Int(2)]])),
        case("bigint limit", "", "SELECT 9223372036854775807", Expect::Rows(vec![vec![Int(i64::MAX.into())]])),
        case("null literal", "", "SELECT NULL", Expect::Rows(vec![vec![Null]])),
        case("unicode text", "", "SELECT 'héllo wörld'", Expect::Rows(vec![vec![text("héllo wörld")]])),
        case("empty string is not null", "", "SELECT ''", Expect::Rows(vec![vec![text("")]])),
        case(
            "decimal column",
            "CREATE TABLE m (x DECIMAL(10,2)); INSERT INTO m VALUES (12.50), (-0.05)",
            "SELECT x FROM m",
            Expect::Rows(vec![vec![Decimal("12.5".into())], vec![Decimal("-0.05".into())]]),
        ),
        case(
            "double column with tolerance",
            "CREATE TABLE f (x DOUBLE PRECISION); INSERT INTO f VALUES (0.1), (0.2)",
            "SELECT x + 0.0 FROM f",
            Expect::Rows(vec![vec![Float(0.1)], vec![Float(0.2)]]),
        ),
        case("boolean expression (0/1 on MySQL and SQLite)", "", "SELECT 1 < 2, 2 < 1", Expect::Rows(vec![vec![Bool(true), Bool(false)]])),
        case(
            "date column",
            "CREATE TABLE d (x DATE); INSERT INTO d VALUES ('2024-02-29')",
            "SELECT x FROM d",
            Expect::Rows(vec![vec![Date("2024-02-29".into())]]),
        ),
        case(
            "timestamp column",
            "CREATE TABLE ts (x TIMESTAMP NULL); INSERT INTO ts VALUES ('2024-01-02 03:04:05')",
            "SELECT x FROM ts",
            Expect::Rows(vec![vec![Timestamp("2024-01-02 03:04:05".into())]]),
        ),
        case(
            "multiset with duplicates and NULLs",
            PEOPLE,
            "SELECT score FROM people",
            Expect::Rows(vec![vec![Null], vec![Int(10)], vec![Int(10)]]),
        ),
        case("aggregate ignores NULL", PEOPLE, "SELECT COUNT(score), SUM(score) FROM people", Expect::Rows(vec![vec![Int(2), Int(20)]])),
        case("empty result", PEOPLE, "SELECT name FROM people WHERE 1 = 0", Expect::Rows(vec![])),
        case("create table", "", "CREATE TABLE x (a INTEGER)", Expect::Done(0)),
        case("insert count", "CREATE TABLE x (a INTEGER)", "INSERT INTO x VALUES (1), (2), (3)", Expect::Done(3)),
        case("update count", PEOPLE, "UPDATE people SET score = 11 WHERE score = 10", Expect::Done(2)),
        case("delete count", PEOPLE, "DELETE FROM people WHERE score IS NULL", Expect::Done(1)),
        case(
            "missing table",
            "",
            "SELECT * FROM no_such_table",
            Expect::Error { duckdb: "CATALOG", sqlite: "SQLITE_ERROR", postgres: "42P01", mysql: "1146" },
        ),
        case(
            "syntax error",
            "",
            "SELEC 1",
            Expect::Error { duckdb: "PARSER", sqlite: "SQLITE_ERROR", postgres: "42601", mysql: "1064" },
        ),
        case(
            "unknown column",
            PEOPLE,
            "SELECT nope FROM people",
            Expect::Error { duckdb: "BINDER", sqlite: "SQLITE_ERROR", postgres: "42703", mysql: "1054" },
        ),
        case(
            "primary key violation",
            PEOPLE,
            "INSERT INTO people VALUES (1, 'dup', 0)",
            Expect::Error { duckdb: "CONSTRAINT", sqlite: "SQLITE_CONSTRAINT_PRIMARYKEY", postgres: "23505", mysql: "1062" },
        ),
        case(
            "not null violation",
            PEOPLE,
            "INSERT INTO people VALUES (9, NULL, 0)",
            Expect::Error { duckdb: "CONSTRAINT", sqlite: "SQLITE_CONSTRAINT_NOTNULL", postgres: "23502", mysql: "1048" },
        ),
        Case {
            name: "runaway recursive query times out",
            setup: "",
            sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c",
            expect: Expect::Timeout,
            // MariaDB stops recursion silently after max_recursive_iterations.
            only: &[EngineKind::DuckDb, EngineKind::Sqlite, EngineKind::Postgres],
        },
        Case {
            name: "runaway cross join times out",
            setup: "",
            sql: "SELECT COUNT(*) FROM information_schema.columns a, information_schema.columns b, information_schema.columns c",
            expect: Expect::Timeout,
            only: &[EngineKind::MySql],
        },
        Case {
            name: "hugeint",
            setup: "",
            sql: "SELECT 170141183460469231731687303715884105727::HUGEINT",
            expect: Expect::Rows(vec![vec![Int(i128::MAX)]]),
            only: &[EngineKind::DuckDb],
        },
        Case {
            name: "blob",
            setup: "",
            sql: "SELECT x'CAFE'",
            expect: Expect::Rows(vec![vec![Blob(vec![0xca, 0xfe])]]),
            only: &[EngineKind::Sqlite, EngineKind::MySql],
        },
        Case {
            name: "bytea",
            setup: "",
            sql: "SELECT '\\xcafe'::bytea",
            expect: Expect::Rows(vec![vec![Blob(vec![0xca, 0xfe])]]),
            only: &[EngineKind::Postgres],
        },
        Case {
            name: "duckdb blob",
            setup: "",
            sql: "SELECT '\\xCA\\xFE'::BLOB",
            expect: Expect::Rows(vec![vec![Blob(vec![0xca, 0xfe])]]),
            only: &[EngineKind::DuckDb],
        },
        Case {
            name: "numeric beyond 64 bits",
            setup: "",
            sql: "SELECT CAST('123456789012345678901234.5678' AS NUMERIC(30,4))",
            expect: Expect::Rows(vec![vec![Decimal("123456789012345678901234.5678".into())]]),
            only: &[EngineKind::Postgres],
        },
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conformance_table_on_all_engines() {
    let mut failures = Vec::new();
    for spec in &common::ALL {
        let mut engine = common::open(spec, 500).await;
        for case in cases() {
            if !case.only.is_empty() && !case.only.contains(&spec.kind()) {
                continue;
            }
            engine.reset().await.expect("reset");
            common::setup(engine.as_mut(), case.setup).await;
            let outcome = engine.execute(case.sql).await;
            if let Some(problem) = check(&case, spec.kind(), &outcome) {
                failures.push(format!("[{spec}] {}: {problem}", case.name));
            }
            if matches!(case.expect, Expect::Timeout) {
                let after = engine.execute("SELECT 42").await;
                if after.rows() != Some(&[vec![Int(42)]][..]) {
                    failures.push(format!(
                        "[{spec}] {}: engine unusable after timeout: {after:?}",
                        case.name
                    ));
                }
            }
        }
        engine.close().await;
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check(case: &Case, kind: EngineKind, outcome: &Outcome) -> Option<String> {
    match (&case.expect, outcome) {
        (Expect::Rows(want), Outcome::Rows { rows, .. }) => {
            compare_rows(rows, want, &CompareOptions::default())
                .err()
                .map(|m| format!("rows differ: {m:?}; got {rows:?}"))
        }
        (Expect::Done(want), Outcome::Done { affected }) if want == affected => None,
        (
            Expect::Error {
                duckdb,
                sqlite,
                postgres,
                mysql,
            },
            Outcome::Error(e),
        ) => {
            let want = match kind {
                EngineKind::DuckDb => duckdb,
                EngineKind::Sqlite => sqlite,
                EngineKind::Postgres => postgres,
                _ => mysql,
            };
            (e.code.as_deref() != Some(*want) || e.message.is_empty())
                .then(|| format!("want code {want}, got {:?}: {}", e.code, e.message))
        }
        (Expect::Timeout, Outcome::Timeout { after_ms }) if *after_ms == 500 => None,
        (_, got) => Some(format!("unexpected outcome {got:?}")),
    }
}
