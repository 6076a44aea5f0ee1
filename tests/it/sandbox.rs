//! Sandbox escapes are blocked on each real engine, reset gives a fresh
//! database, and server-side sandboxes disappear on close and on drop.

use crate::common;

use sqlforge::engine::{EngineSpec, Outcome, Value};

/// Asserts the statement did not run: an error, never rows or a count.
/// (MySQL's LOAD_FILE returns NULL without the FILE privilege; that is
/// checked separately.)
fn assert_blocked(spec: &EngineSpec, sql: &str, outcome: &Outcome) {
    assert!(
        matches!(outcome, Outcome::Error(_)),
        "[{spec}] escape was not blocked: {sql}\n{outcome:?}"
    );
}

#[tokio::test]
async fn duckdb_blocks_files_network_and_extensions() {
    let spec = EngineSpec::DuckDb;
    let mut e = common::open(&spec, 2000).await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.csv");
    for sql in [
        "SELECT * FROM read_csv('/etc/passwd')".to_string(),
        "SELECT * FROM read_text('/etc/hostname')".to_string(),
        "SELECT * FROM 'https://example.com/x.csv'".to_string(),
        format!("COPY (SELECT 1) TO '{}'", target.display()),
        "INSTALL httpfs".to_string(),
        "LOAD httpfs".to_string(),
        "ATTACH '/tmp/sqlforge-escape.duckdb' AS x".to_string(),
        "SET enable_external_access = true".to_string(),
    ] {
        assert_blocked(&spec, &sql, &e.execute(&sql).await);
    }
    assert!(!target.exists(), "COPY TO wrote a file");
    e.close().await;
}

#[tokio::test]
async fn sqlite_blocks_attach_vacuum_into_and_extensions() {
    let spec = EngineSpec::Sqlite;
    let mut e = common::open(&spec, 2000).await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("escape.db");
    for sql in [
        format!("ATTACH '{}' AS x", target.display()),
        format!("VACUUM INTO '{}'", target.display()),
        "SELECT load_extension('/usr/lib/x86_64-linux-gnu/libm.so.6')".to_string(),
    ] {
        assert_blocked(&spec, &sql, &e.execute(&sql).await);
    }
    assert!(!target.exists(), "a file was written outside the sandbox");
    e.close().await;
}

#[tokio::test]
async fn postgres_blocks_programs_and_server_files() {
    let spec = EngineSpec::Postgres;
    let mut e = common::open(&spec, 2000).await;
    common::setup(e.as_mut(), "CREATE TABLE t (a TEXT)").await;
    for sql in [
        "COPY t FROM PROGRAM 'id'",
        "COPY t TO PROGRAM 'cat > /tmp/sqlforge-escape'",
        "COPY t FROM '/etc/passwd'",
        "COPY t TO '/tmp/sqlforge-escape.csv'",
        "SELECT pg_read_file('/etc/passwd')",
        "SELECT pg_ls_dir('/')",
        "CREATE EXTENSION IF NOT EXISTS file_fdw",
        "SET ROLE postgres",
        "ALTER ROLE CURRENT_USER SUPERUSER",
    ] {
        assert_blocked(&spec, sql, &e.execute(sql).await);
    }
    assert!(!std::path::Path::new("/tmp/sqlforge-escape.csv").exists());
    e.close().await;
}

#[tokio::test]
async fn mysql_blocks_file_access() {
    let spec = EngineSpec::MySql;
    let mut e = common::open(&spec, 2000).await;
    common::setup(e.as_mut(), "CREATE TABLE t (a TEXT)").await;
    for sql in [
        "SELECT 1 INTO OUTFILE '/tmp/sqlforge-escape.txt'",
        "LOAD DATA INFILE '/etc/passwd' INTO TABLE t",
        "LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t",
        "CREATE DATABASE sqlforge_escape",
        "SELECT * FROM mysql.user",
    ] {
        assert_blocked(&spec, sql, &e.execute(sql).await);
    }
    // Without the FILE privilege LOAD_FILE reads nothing.
    let outcome = e.execute("SELECT LOAD_FILE('/etc/passwd')").await;
    assert!(
        matches!(&outcome, Outcome::Error(_)) || outcome.rows() == Some(&[vec![Value::Null]][..]),
        "LOAD_FILE leaked a file: {outcome:?}"
    );
    assert!(!std::path::Path::new("/tmp/sqlforge-escape.txt").exists());
    e.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_gives_a_fresh_sandbox_on_every_engine() {
    for spec in &common::ALL {
        let mut e = common::open(spec, 2000).await;
        common::setup(
            e.as_mut(),
            "CREATE TABLE keep (a INTEGER); INSERT INTO keep VALUES (1)",
        )
        .await;
        assert_eq!(
            common::rows(&e.execute("SELECT a FROM keep").await).len(),
            1
        );
        e.reset().await.unwrap();
        assert!(
            matches!(e.execute("SELECT a FROM keep").await, Outcome::Error(_)),
            "[{spec}] table survived reset"
        );
        common::setup(e.as_mut(), "CREATE TABLE keep (a INTEGER)").await;
        e.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_sandboxes_do_not_see_each_other() {
    for spec in &common::ALL {
        let mut a = common::open(spec, 2000).await;
        let mut b = common::open(spec, 2000).await;
        common::setup(a.as_mut(), "CREATE TABLE secret (a INTEGER)").await;
        assert!(
            matches!(b.execute("SELECT * FROM secret").await, Outcome::Error(_)),
            "[{spec}] sandboxes share tables"
        );
        a.close().await;
        b.close().await;
    }
}

async fn pg_count(sql: &str) -> i64 {
    let (client, conn) =
        tokio_postgres::connect(&common::config(1000).postgres_url, tokio_postgres::NoTls)
            .await
            .unwrap();
    tokio::spawn(conn);
    client.query_one(sql, &[]).await.unwrap().get(0)
}

async fn mysql_count(sql: &str) -> i64 {
    use mysql_async::prelude::Queryable;
    let mut conn = mysql_async::Conn::from_url(common::config(1000).mysql_url)
        .await
        .unwrap();
    let n: Option<i64> = conn.query_first(sql).await.unwrap();
    n.unwrap_or(0)
}

fn own_prefix() -> String {
    format!("sqlforge_{}_", std::process::id())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_sandboxes_are_removed_on_close_and_drop() {
    let prefix = own_prefix();
    let pg_roles = format!("SELECT count(*) FROM pg_roles WHERE rolname LIKE '{prefix}%'");
    let pg_schemas = format!("SELECT count(*) FROM pg_namespace WHERE nspname LIKE '{prefix}%'");
    let my_dbs = format!(
        "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE '{prefix}%'"
    );
    let my_users = format!("SELECT count(*) FROM mysql.user WHERE user LIKE '{prefix}%'");

    // Other tests in this binary run concurrently, so measure this engine's
    // own name rather than global counts.
    let pg = common::open(&EngineSpec::Postgres, 2000).await;
    let my = common::open(&EngineSpec::MySql, 2000).await;
    assert!(pg_count(&pg_roles).await >= 1 && pg_count(&pg_schemas).await >= 1);
    assert!(mysql_count(&my_dbs).await >= 1 && mysql_count(&my_users).await >= 1);

    let pg_name_sql = "SELECT current_user::text";
    let mut pg = pg;
    let name: String = match pg.execute(pg_name_sql).await {
        Outcome::Rows { rows, .. } => rows[0][0].to_string(),
        other => panic!("{other:?}"),
    };
    let mut my = my;
    let my_db: String = match my.execute("SELECT DATABASE()").await {
        Outcome::Rows { rows, .. } => rows[0][0].to_string(),
        other => panic!("{other:?}"),
    };
    pg.close().await; // explicit close
    drop(my); // drop path
    assert_eq!(
        pg_count(&format!(
            "SELECT count(*) FROM pg_roles WHERE rolname = '{name}'"
        ))
        .await,
        0
    );
    assert_eq!(
        pg_count(&format!(
            "SELECT count(*) FROM pg_namespace WHERE nspname = '{name}'"
        ))
        .await,
        0
    );
    assert_eq!(
        mysql_count(&format!(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '{my_db}'"
        ))
        .await,
        0
    );
    assert_eq!(
        mysql_count(&format!(
            "SELECT count(*) FROM mysql.user WHERE user = '{my_db}'"
        ))
        .await,
        0
    );
}

#[tokio::test]
async fn postgres_sandbox_role_is_not_superuser() {
    let mut e = common::open(&EngineSpec::Postgres, 2000).await;
    let outcome = e
        .execute("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user")
        .await;
    assert_eq!(
        common::rows(&outcome),
        &[vec![
            Value::Bool(false),
            Value::Bool(false),
            Value::Bool(false)
        ]]
    );
    e.close().await;
}
