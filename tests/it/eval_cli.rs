//! `sqlforge eval` end to end: predictions files, an OpenAI-compatible
//! endpoint on loopback, resumption, reports and bad input.

use crate::common::fake_openai::{self, Reply};
use crate::common::run_sqlforge;
use serde_json::{json, Value};
use std::path::Path;

const CORPORA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora");

const CORRECT: &str = "SELECT d.id, d.name, COUNT(e.id) AS headcount\nFROM departments d\nJOIN employees e ON e.department_id = d.id\nWHERE e.termination_date IS NULL\n  AND e.hire_date >= '2020-01-01'\nGROUP BY d.id, d.name";

fn record(id: &str, category: &str, engine: &str, correct: &str, bug: &str) -> Value {
    let schema = std::fs::read_to_string(format!("{CORPORA}/hr/schema.sql")).unwrap();
    let parts: Vec<&str> = category.split('.').collect();
    json!({
        "id": id, "category": category,
        "category_path": [parts[0], format!("{}.{}", parts[0], parts[1]), category],
        "engine": engine, "schema": schema, "correct_sql": correct, "bug_sql": bug,
        "error_message": "", "diff": {"correct": [], "bug": []},
        "injector": "rules/test", "injector_version": "1", "source_corpus": "hr",
        "source_query": "hr.q001", "seed": 1
    })
}

fn records() -> Vec<Value> {
    let null_bug = CORRECT.replace("IS NULL", "= NULL");
    let ge_bug = CORRECT.replace(">= '", "> '");
    vec![
        record(
            "r1",
            "logic.filter.null_equality",
            "sqlite",
            CORRECT,
            &null_bug,
        ),
        record(
            "r2",
            "logic.filter.off_by_one_comparison",
            "duckdb",
            CORRECT,
            &ge_bug,
        ),
        record(
            "r3",
            "semantic.name.unknown_column",
            "duckdb",
            "SELECT no_such_column FROM departments",
            "SELECT no_such_colum FROM departments",
        ),
        record(
            "r4",
            "logic.filter.null_equality",
            "duckdb",
            CORRECT,
            &null_bug,
        ),
        record(
            "r5",
            "logic.filter.off_by_one_comparison",
            "sqlite",
            CORRECT,
            &ge_bug,
        ),
    ]
}

fn write_jsonl(path: &Path, lines: &[Value]) {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(path, text).unwrap();
}

fn eval(args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["--json", "eval", "--corpora", CORPORA];
    all.extend_from_slice(args);
    let (code, out, err) = run_sqlforge(&all);
    let v = serde_json::from_str(out.trim()).unwrap_or(Value::Null);
    (code, v, err)
}

#[test]
fn scores_a_predictions_file_per_category_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.jsonl");
    write_jsonl(&data, &records());
    let rewrite = CORRECT.replace(
        "WHERE e.termination_date IS NULL\n  AND e.hire_date >= '2020-01-01'",
        "WHERE e.hire_date >= '2020-01-01'\n  AND e.termination_date IS NULL",
    );
    // A fix that also "improves" a constant the gold left alone.
    let hallucinated = CORRECT.replace("2020-01-01", "2021-01-01");
    let preds = dir.path().join("preds.jsonl");
    write_jsonl(
        &preds,
        &[
            json!({"id": "r1", "pred_sql": CORRECT}),
            json!({"id": "r2", "pred_sql": rewrite}),
            json!({"id": "r3", "pred_sql": "SELECT 1"}),
            json!({"id": "r4", "pred_sql": hallucinated}),
            json!({"id": "r5", "pred_sql": "SELECT d.nope FROM departments d"}),
        ],
    );
    let out = dir.path().join("out");
    let model = format!("preds:{}", preds.display());
    let (code, v, err) = eval(&[
        "--data",
        data.to_str().unwrap(),
        "--model",
        &model,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let r = &v["report"];
    assert_eq!(v["evaluated_now"], 5);
    assert_eq!(r["broken"], json!(["r3"]));
    assert_eq!(r["overall"]["scored"], 4);
    assert_eq!(r["overall"]["correct"], 2, "{r}");
    assert_eq!(r["overall"]["verdicts"]["pred_error"], 1);
    assert_eq!(r["overall"]["verdicts"]["not_equivalent"], 1);
    assert_eq!(r["exact_match_rate"], 0.25);
    // Edits outside the gold's changed line: r2 moves a line, r4 changes a
    // constant (line 5), r5 rewrites everything.
    assert_eq!(r["hallucinated_edit_rate"], 0.75);
    let lines: Vec<Value> = std::fs::read_to_string(out.join("results.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let r4 = lines.iter().find(|l| l["id"] == "r4").unwrap();
    assert_eq!(r4["hallucinated_lines"], json!([5]), "{r4}");
    let r1 = lines.iter().find(|l| l["id"] == "r1").unwrap();
    assert_eq!(r1["hallucinated_lines"], json!([]), "{r1}");
    assert_eq!(
        r["by_category"]["logic.filter.null_equality"]["accuracy"],
        0.5
    );
    assert_eq!(r["by_engine"]["sqlite"]["scored"], 2);
    assert_eq!(r["by_level1"]["logic"]["scored"], 4);
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(
        md.contains("| accuracy (checker: equivalent) | 50.0% (2/4) |"),
        "{md}"
    );
    assert!(md.contains("`r3`"));
    let stored: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(&stored, r);

    // Resume: nothing to do; then lose the last line (cut mid-write).
    let (code, v, _) = eval(&[
        "--data",
        data.to_str().unwrap(),
        "--model",
        &model,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, v["evaluated_now"].as_u64()), (0, Some(0)));
    let results = out.join("results.jsonl");
    let text = std::fs::read_to_string(&results).unwrap();
    let cut = text.trim_end().rfind('\n').unwrap() + 20;
    std::fs::write(&results, &text[..cut]).unwrap();
    let (code, v, _) = eval(&[
        "--data",
        data.to_str().unwrap(),
        "--model",
        &model,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, v["evaluated_now"].as_u64()), (0, Some(1)));
    assert_eq!(&v["report"], r);
}

#[test]
fn prediction_ids_must_match_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.jsonl");
    write_jsonl(&data, &records()[..2]);
    let preds = dir.path().join("preds.jsonl");
    let out = dir.path().join("out");
    let run = |lines: &[Value]| {
        write_jsonl(&preds, lines);
        let model = format!("preds:{}", preds.display());
        eval(&[
            "--data",
            data.to_str().unwrap(),
            "--model",
            &model,
            "--out",
            out.to_str().unwrap(),
        ])
    };
    let (code, _, err) = run(&[
        json!({"id": "r1", "pred_sql": "x"}),
        json!({"id": "zz", "pred_sql": "x"}),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("preds.jsonl:2: id 'zz' is not a record of the data"),
        "{err}"
    );
    let (code, _, err) = run(&[json!({"id": "r1", "pred_sql": "x"})]);
    assert_eq!(code, 2);
    assert!(
        err.contains("1 records of the data have no prediction (first: 'r2')"),
        "{err}"
    );
    let (code, _, err) = run(&[json!({"id": "r1"})]);
    assert_eq!(code, 2);
    assert!(err.contains("preds.jsonl:1: expected"), "{err}");
    assert!(!out.join("results.jsonl").exists(), "nothing ran");
    let (code, _, err) = eval(&[
        "--data",
        data.to_str().unwrap(),
        "--model",
        "gpt",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("expected openai:NAME, local:DIR or preds:FILE"),
        "{err}"
    );
}

/// Runs `eval` on a blocking thread, so the fake server keeps serving.
async fn eval_off_runtime(args: &[&str]) -> (i32, Value, String) {
    let owned: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = owned.iter().map(String::as_str).collect();
        eval(&args)
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_openai_model_is_asked_with_the_paper_prompt_and_retried() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.jsonl");
    let recs = records();
    write_jsonl(&data, &[recs[0].clone(), recs[1].clone(), recs[3].clone()]);
    let fenced = format!("Here is the fix:\n```sql\n{CORRECT}\n```");
    // A 429, then the fix; then a reply that is not even JSON; then a fix.
    let server = fake_openai::start(vec![
        Reply::status(429, "slow down"),
        Reply::ok(&fenced),
        Reply::garbage(),
        Reply::ok(&fenced),
    ])
    .await;
    let out = dir.path().join("out");
    let base = server.base_url.clone();
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--model",
        "openai:fake-model",
        "--out",
        out.to_str().unwrap(),
        "--llm-base-url",
        &base,
        "--concurrency",
        "1",
        "--llm-timeout-secs",
        "20",
    ];
    let (code, v, err) = eval_off_runtime(&args).await;
    assert_eq!(code, 0, "{err}");
    let r = &v["report"];
    assert_eq!(r["overall"]["scored"], 3, "{r}");
    assert_eq!(r["overall"]["verdicts"]["model_error"], 1, "{r}");
    assert_eq!(r["overall"]["correct"], 2, "{r}");
    assert!(out.join("llm-cache").is_dir());
    // The model error is retried on resume; the cached answers cost nothing.
    let served = server.served.load(std::sync::atomic::Ordering::SeqCst);
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--model",
        "openai:fake-model",
        "--out",
        out.to_str().unwrap(),
        "--llm-base-url",
        &base,
        "--concurrency",
        "1",
    ];
    let (code, v, _) = eval_off_runtime(&args).await;
    assert_eq!((code, v["evaluated_now"].as_u64()), (0, Some(1)));
    assert_eq!(v["report"]["overall"]["correct"], 3);
    assert_eq!(
        server.served.load(std::sync::atomic::Ordering::SeqCst),
        served + 1
    );
}

#[test]
fn a_dead_endpoint_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.jsonl");
    write_jsonl(&data, &records()[..1]);
    let out = dir.path().join("out");
    let (code, _, err) = eval(&[
        "--data",
        data.to_str().unwrap(),
        "--model",
        "openai:m",
        "--out",
        out.to_str().unwrap(),
        "--llm-base-url",
        "http://127.0.0.1:9/v1",
    ]);
    assert_eq!(code, 3);
    assert!(
        err.contains("LLM endpoint http://127.0.0.1:9/v1 is down"),
        "{err}"
    );
    assert!(!out.exists());
}
