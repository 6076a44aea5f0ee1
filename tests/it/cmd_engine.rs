//! The `cmd:` adapter against the shipped example driver (a real SQLite
//! behind Python's sqlite3), including drivers that die, print garbage or hang.

use crate::common;

use sqlforge::engine::{self, EngineSpec, Outcome, SetupError, Value};

fn spec(flags: &str) -> EngineSpec {
    EngineSpec::Cmd(common::driver_command(flags))
}

#[tokio::test]
async fn rows_counts_errors_and_typed_values() {
    let mut e = common::open(&spec(""), 5000).await;
    assert!(e.version().contains("python driver"), "{}", e.version());
    common::setup(
        e.as_mut(),
        "CREATE TABLE t (a INTEGER, b TEXT, c BLOB, d REAL)",
    )
    .await;
    assert_eq!(
        e.execute("INSERT INTO t VALUES (1, 'x', x'ff00', 1.5), (2, NULL, NULL, NULL)")
            .await,
        Outcome::Done { affected: 2 }
    );
    let out = e.execute("SELECT a, b, c, d FROM t ORDER BY a").await;
    assert_eq!(
        common::rows(&out),
        &[
            vec![
                Value::Int(1),
                Value::Text("x".into()),
                Value::Blob(vec![0xff, 0]),
                Value::Float(1.5)
            ],
            vec![Value::Int(2), Value::Null, Value::Null, Value::Null]
        ]
    );
    match e.execute("SELEC 1").await {
        Outcome::Error(err) => {
            assert!(err.message.contains("syntax error"), "{err:?}");
            assert_eq!(err.code.as_deref(), Some("SQLITE_ERROR"));
        }
        other => panic!("{other:?}"),
    }
    e.reset().await.unwrap();
    assert!(
        matches!(e.execute("SELECT * FROM t").await, Outcome::Error(_)),
        "reset kept the table"
    );
    e.close().await;
}

#[tokio::test]
async fn a_driver_that_dies_is_reported_and_restarted() {
    let mut e = common::open(&spec("--die-on BOOM"), 5000).await;
    match e.execute("SELECT 'BOOM'").await {
        Outcome::Crashed { message } => {
            assert!(message.contains("driver died"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        common::rows(&e.execute("SELECT 7").await),
        &[vec![Value::Int(7)]]
    );
    e.close().await;
}

#[tokio::test]
async fn a_driver_that_prints_garbage_is_reported() {
    let mut e = common::open(&spec("--garbage-on JUNK"), 5000).await;
    match e.execute("SELECT 'JUNK'").await {
        Outcome::Crashed { message } => assert!(message.contains("garbage"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        common::rows(&e.execute("SELECT 8").await),
        &[vec![Value::Int(8)]]
    );
    e.close().await;
}

#[tokio::test]
async fn a_hanging_driver_times_out_and_comes_back() {
    let mut e = common::open(&spec("--hang-on SLOW"), 300).await;
    assert_eq!(
        e.execute("SELECT 'SLOW'").await,
        Outcome::Timeout { after_ms: 300 }
    );
    assert_eq!(
        common::rows(&e.execute("SELECT 9").await),
        &[vec![Value::Int(9)]]
    );
    e.close().await;
}

#[tokio::test]
async fn a_driver_that_cannot_start_is_a_setup_error() {
    let bad = EngineSpec::Cmd("/nonexistent/driver --x".into());
    match engine::connect(&bad, &common::config(1000)).await {
        Err(SetupError::Driver { reason, .. }) => assert!(
            reason.contains("driver died") || reason.contains("cannot start"),
            "{reason}"
        ),
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("a missing driver opened"),
    }
    let silent = EngineSpec::Cmd("echo not-json".into());
    assert!(matches!(
        engine::connect(&silent, &common::config(1000)).await,
        Err(SetupError::Driver { .. })
    ));
}
