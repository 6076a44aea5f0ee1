//! Each corpus format users bring loads, runs where it claims, and reports
//! what it skipped with file:line.

use crate::common;

use sqlforge::corpus::{self, run::run_corpus, Format};
use sqlforge::engine::{EngineKind, EngineSpec};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/loaders")
        .join(name)
}

async fn runs_everywhere_claimed(c: &corpus::Corpus) {
    for spec in [EngineSpec::DuckDb, EngineSpec::Sqlite] {
        let mut e = common::open(&spec, 5000).await;
        let run = run_corpus(c, e.as_mut(), || {}).await;
        assert!(run.load_error.is_none(), "{spec}: {:?}", run.load_error);
        assert!(run.failures.is_empty(), "{spec}: {:?}", run.failures);
        e.close().await;
    }
}

#[tokio::test]
async fn plain_folder_of_sql_files() {
    let corpora = corpus::load(&fixture("plain")).unwrap();
    let c = &corpora[0];
    assert_eq!(c.format, Format::Folder);
    let ids: Vec<&str> = c.queries.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["by_b", "two.1", "two.2"]);
    assert!(c.queries[0].sql.starts_with("-- Count by b."));
    assert!(
        c.queries[2].origin.ends_with("two.sql:2"),
        "{}",
        c.queries[2].origin
    );
    runs_everywhere_claimed(c).await;
}

#[tokio::test]
async fn jsonl_reports_bad_lines_with_file_and_line() {
    let corpora = corpus::load(&fixture("jsonl/queries.jsonl")).unwrap();
    let c = &corpora[0];
    assert_eq!(c.format, Format::Jsonl);
    assert_eq!(c.queries.len(), 2);
    assert_eq!(c.queries[1].engines.as_ref().unwrap().len(), 2);
    let reasons: Vec<String> = c
        .skipped
        .iter()
        .map(|s| format!("{} {}", s.location, s.reason))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:#?}");
    assert!(
        reasons[0].contains("queries.jsonl:3 not a JSON object"),
        "{reasons:#?}"
    );
    assert!(reasons[1].contains(":4 needs \"id\" and \"sql\""));
    assert!(reasons[2].contains(":5 duplicate id 'j1'"));
    assert!(reasons[3].contains(":6 unknown engine 'oracle'"));
    runs_everywhere_claimed(c).await;
}

#[tokio::test]
async fn sqllogictest_statements_become_schema_data_and_queries() {
    let corpora = corpus::load(&fixture("slt/basic.slt")).unwrap();
    let c = &corpora[0];
    assert_eq!(c.format, Format::Slt);
    assert!(c.schema.contains("CREATE TABLE t1"));
    assert!(c.data.contains("INSERT INTO t1"));
    assert_eq!(c.queries.len(), 3, "{:#?}", c.queries);
    assert_eq!(
        c.queries[1]
            .engines
            .as_ref()
            .unwrap()
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        [EngineKind::Sqlite]
    );
    assert!(!c.queries[2].runs_on(EngineKind::MySql) && c.queries[2].runs_on(EngineKind::Postgres));
    let reasons: Vec<&str> = c.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(
        reasons.contains(&"record is only for engines sqlforge does not run"),
        "{reasons:?}"
    );
    assert!(reasons.contains(&"statement expected to fail"));
    assert!(reasons.iter().any(|r| r.starts_with("statement DELETE")));
    runs_everywhere_claimed(c).await;
}

#[tokio::test]
async fn spider_tables_json_becomes_ddl_per_database() {
    let corpora = corpus::load(&fixture("spider")).unwrap();
    assert_eq!(corpora.len(), 2);
    let singer = &corpora[0];
    assert_eq!(singer.format, Format::Spider);
    assert_eq!(singer.name, "concert_singer");
    assert!(
        singer.schema.contains("CREATE TABLE stadium"),
        "{}",
        singer.schema
    );
    assert!(singer.schema.contains("Stadium_ID INTEGER"));
    assert!(singer.schema.contains("Is_male BOOLEAN"));
    assert_eq!(singer.queries.len(), 2);
    assert_eq!(corpora[1].queries.len(), 1);
    let reasons: Vec<String> = singer
        .skipped
        .iter()
        .map(|s| format!("{} {}", s.location, s.reason))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("dev_gold.sql:4 expected 'SQL<TAB>db_id'")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("unknown db_id 'unknown_db'")),
        "{reasons:?}"
    );
    for c in &corpora {
        runs_everywhere_claimed(c).await;
    }
}

#[test]
fn missing_corpus_and_missing_schema_are_errors() {
    let err = corpus::load(&fixture("does-not-exist")).unwrap_err();
    assert!(err.to_string().starts_with("corpus not found"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("q.jsonl"),
        "{\"id\":\"a\",\"sql\":\"SELECT 1\"}\n",
    )
    .unwrap();
    let err = corpus::load(&dir.path().join("q.jsonl")).unwrap_err();
    assert!(err.to_string().contains("no schema.sql"), "{err}");
    let err = corpus::load(dir.path()).unwrap_err();
    assert!(err.to_string().contains("no schema.sql"), "{err}");
}
