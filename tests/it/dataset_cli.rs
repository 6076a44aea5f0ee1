//! `sqlforge dataset` end to end on a records file.

use serde_json::Value as Json;
use sqlforge::dataset::{write_record, Record};
use sqlforge::sql::diff::line_diff;
use std::collections::{BTreeMap, BTreeSet};

fn record(i: usize) -> Record {
    let category = if i.is_multiple_of(3) {
        "logic.filter.off_by_one_comparison"
    } else {
        "semantic.name.unknown_column"
    };
    let correct = format!("SELECT name\nFROM emp\nWHERE id >= {i}");
    let bug = format!("SELECT nme\nFROM emp\nWHERE id >= {i}");
    Record {
        id: format!("r{i}"),
        category: category.into(),
        category_path: vec![],
        engine: if i.is_multiple_of(2) {
            "duckdb"
        } else {
            "sqlite"
        }
        .into(),
        schema: "CREATE TABLE emp (id INTEGER, name VARCHAR(20));".into(),
        diff: line_diff(&correct, &bug),
        correct_sql: correct,
        bug_sql: bug,
        error_message: "no such column: nme".into(),
        error_code: Some("SQLITE_ERROR".into()),
        injector: "rules/misspell_column".into(),
        injector_version: "1".into(),
        source_corpus: "hr".into(),
        source_query: format!("hr.q{:03}", i / 2),
        seed: 1,
        validation: vec![],
    }
}

fn run(args: &[&str]) -> (i32, String, String) {
    crate::common::run_sqlforge(args)
}

fn read_jsonl(path: &std::path::Path) -> Vec<Json> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn stats_split_eval_set_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.jsonl");
    let mut f = std::fs::File::create(&data).unwrap();
    for i in 0..60 {
        write_record(&mut f, &record(i)).unwrap();
    }
    let data_s = data.to_str().unwrap();

    let (code, out, err) = run(&["dataset", "stats", "--json", data_s]);
    assert_eq!(code, 0, "{err}");
    let s: Json = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(s["records"], 60);
    assert_eq!(s["source_queries"], 30);
    assert_eq!(s["diff_lines"]["1"], 60);
    assert_eq!(s["per_engine"]["duckdb"], 30);

    let split_dir = dir.path().join("split");
    let (code, _, err) = run(&[
        "dataset",
        "split",
        "--seed",
        "3",
        "--out",
        split_dir.to_str().unwrap(),
        data_s,
    ]);
    assert_eq!(code, 0, "{err}");
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    let mut total = 0;
    for name in ["train", "valid", "test"] {
        let rows = read_jsonl(&split_dir.join(format!("{name}.jsonl")));
        assert!(!rows.is_empty(), "{name} is empty");
        total += rows.len();
        for r in rows {
            let q = r["source_query"].as_str().unwrap().to_string();
            assert_eq!(*owner.entry(q.clone()).or_insert(name), name, "{q} leaked");
        }
    }
    assert_eq!(total, 60);

    let eval = dir.path().join("eval.jsonl");
    let (code, _, err) = run(&[
        "dataset",
        "eval-set",
        "--natural",
        "10",
        "--per-category",
        "4",
        "--out",
        eval.to_str().unwrap(),
        data_s,
    ]);
    assert_eq!(code, 0, "{err}");
    let rows = read_jsonl(&eval);
    let ids: BTreeSet<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), rows.len());
    assert!(rows.len() >= 10 && rows.len() <= 18);

    let chat = dir.path().join("chat.jsonl");
    let (code, _, err) = run(&[
        "dataset",
        "export",
        "--format",
        "chat",
        "--out",
        chat.to_str().unwrap(),
        data_s,
    ]);
    assert_eq!(code, 0, "{err}");
    let rows = read_jsonl(&chat);
    assert_eq!(rows.len(), 60);
    assert_eq!(rows[0]["messages"][2]["content"], record(0).correct_sql);
    assert!(rows[0]["messages"][1]["content"]
        .as_str()
        .unwrap()
        .contains("[BUG SQL]\nSELECT nme"));
    let paper = dir.path().join("paper.jsonl");
    let (code, _, _) = run(&[
        "dataset",
        "export",
        "--format",
        "paper",
        "--out",
        paper.to_str().unwrap(),
        data_s,
    ]);
    assert_eq!(code, 0);
    assert!(read_jsonl(&paper)[0]["prompt"]
        .as_str()
        .unwrap()
        .contains("[ERROR MESSAGE]\nno such column: nme"));
}

#[test]
fn bad_records_and_flags_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("broken.jsonl");
    std::fs::write(
        &data,
        format!("{}\nnot json\n", serde_json::to_string(&record(1)).unwrap()),
    )
    .unwrap();
    let (code, _, err) = run(&["dataset", "stats", data.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.trim().lines().count() == 1 && err.contains("broken.jsonl:2: expected a record object"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "dataset",
        "split",
        "--ratios",
        "1,x",
        "--out",
        "/tmp/x",
        data.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["dataset", "stats", "/nonexistent/data.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read /nonexistent/data.jsonl"), "{err}");
}
