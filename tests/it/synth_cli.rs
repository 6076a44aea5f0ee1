//! `sqlforge synth` end to end on a bundled corpus with the embedded
//! engines: records validate, output is deterministic, resume adds nothing
//! twice, and bad input fails before any work.

use serde_json::Value as Json;
use sqlforge::dataset::read_records;
use std::collections::BTreeSet;

fn synth(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["synth"];
    all.extend_from_slice(args);
    crate::common::run_sqlforge(&all)
}

#[test]
fn synthesises_deterministic_resumable_records() {
    let hr = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/hr");
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    let common = [
        "--corpus",
        hr,
        "--engines",
        "duckdb,sqlite",
        "--categories",
        "semantic.name,logic.filter.off_by_one_comparison",
        "--seed",
        "4",
    ];
    let run = |out: &std::path::Path, extra: &[&str]| {
        let mut args: Vec<&str> = common.to_vec();
        args.extend_from_slice(&["--out", out.to_str().unwrap(), "--json"]);
        args.extend_from_slice(extra);
        synth(&args)
    };
    let (code, out, err) = run(&a, &["--per-category", "2"]);
    assert_eq!(code, 0, "{err}");
    let summary: Json = serde_json::from_str(out.trim()).unwrap();
    let records = read_records(&a).unwrap();
    assert_eq!(summary["records"].as_u64().unwrap() as usize, records.len());
    assert!(
        summary["categories"]["semantic.name.unknown_column"]["validated"]
            .as_u64()
            .unwrap()
            >= 2,
        "{summary}"
    );
    for r in &records {
        assert_ne!(r.bug_sql, r.correct_sql);
        assert!(r.diff.changed_lines() <= 5);
        assert_eq!(r.source_corpus, "hr");
        if r.category.starts_with("semantic.") {
            assert!(!r.error_message.is_empty(), "{r:?}");
        }
    }
    let ids: BTreeSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), records.len(), "duplicate records");

    // The same seed gives the same file.
    let (code, _, err) = run(&b, &["--per-category", "2"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&a).unwrap(),
        std::fs::read_to_string(&b).unwrap()
    );

    // An existing output needs --resume; resuming the same plan adds nothing,
    // a larger one adds only new records.
    let (code, _, err) = run(&a, &["--per-category", "2"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--resume"), "{err}");
    let (code, out, _) = run(&a, &["--per-category", "2", "--resume"]);
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<Json>(out.trim()).unwrap()["records"],
        0
    );
    let (code, _, err) = run(&a, &["--per-category", "4", "--resume"]);
    assert_eq!(code, 0, "{err}");
    let more = read_records(&a).unwrap();
    assert!(more.len() > records.len());
    let keys: BTreeSet<(String, String)> = more
        .iter()
        .map(|r| (r.engine.clone(), r.bug_sql.clone()))
        .collect();
    assert_eq!(keys.len(), more.len(), "resume duplicated records");
}

#[test]
fn bad_input_fails_before_work() {
    let (code, _, err) = synth(&[
        "--corpus",
        "/nonexistent",
        "--out",
        "/tmp/sqlforge-never.jsonl",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("corpus not found"), "{err}");
    let hr = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/hr");
    let (code, _, err) = synth(&[
        "--corpus",
        hr,
        "--categories",
        "no.such.thing",
        "--out",
        "/tmp/sqlforge-never.jsonl",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("matches no category"), "{err}");
    let (code, _, _) = synth(&[
        "--corpus",
        hr,
        "--injector",
        "magic",
        "--out",
        "/tmp/sqlforge-never.jsonl",
    ]);
    assert_eq!(code, 2);
    assert!(!std::path::Path::new("/tmp/sqlforge-never.jsonl").exists());
}

/// The same command on the server engines: each engine contributes records
/// with its own error text, write statements are validated (and rolled
/// back), and MariaDB DDL is refused rather than left behind.
#[test]
fn synthesises_on_postgres_and_mariadb() {
    let hr = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/hr");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("servers.jsonl");
    let (code, stdout, err) = synth(&[
        "--corpus",
        hr,
        "--engines",
        "postgres,mysql",
        "--categories",
        "runtime.constraint.*,syntax.dialect.backtick_identifier,syntax.dialect.double_quoted_identifier,statement.ddl.table_already_exists,logic.filter.off_by_one_comparison",
        "--per-category",
        "2",
        "--seed",
        "5",
        "--out",
        out.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let summary: Json = serde_json::from_str(stdout.trim()).unwrap();
    let records = read_records(&out).unwrap();
    let by = |category: &str, engine: &str| {
        records
            .iter()
            .filter(|r| r.category == category && r.engine == engine)
            .count()
    };
    // Only PostgreSQL rejects backticks; only MariaDB rejects "x" after a dot.
    assert!(
        by("syntax.dialect.backtick_identifier", "postgres") > 0,
        "{summary}"
    );
    assert_eq!(by("syntax.dialect.backtick_identifier", "mysql"), 0);
    assert!(
        by("syntax.dialect.double_quoted_identifier", "mysql") > 0,
        "{summary}"
    );
    for engine in ["postgres", "mysql"] {
        assert!(
            by("runtime.constraint.foreign_key_violation", engine) > 0,
            "{engine}: {summary}"
        );
        assert!(
            by("logic.filter.off_by_one_comparison", engine) > 0,
            "{engine}: {summary}"
        );
    }
    // CREATE TABLE cannot be rolled back on MariaDB: the hr DDL does not
    // claim it, so only PostgreSQL validates it.
    assert!(
        by("statement.ddl.table_already_exists", "postgres") > 0,
        "{summary}"
    );
    assert_eq!(by("statement.ddl.table_already_exists", "mysql"), 0);
    for r in records
        .iter()
        .filter(|r| r.category.starts_with("runtime."))
    {
        assert!(
            !r.error_message.is_empty() && r.error_code.is_some(),
            "{r:?}"
        );
    }
}
