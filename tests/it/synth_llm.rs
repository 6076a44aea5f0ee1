//! `sqlforge synth --injector llm|both` against a real chat-completions
//! server on loopback.

use crate::common::fake_openai::{self, Reply};
use crate::common::run_sqlforge;
use serde_json::Value as Json;
use sqlforge::dataset::read_records;

const HR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/hr");
const PLAIN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/loaders/plain");

fn reply_json() -> String {
    let body = serde_json::json!({
        "error sql": "-- Count by b.\nSELECT bb, COUNT(*) FROM t GROUP BY b",
        "correct sql": "-- Count by b.\nSELECT b, COUNT(*) FROM t GROUP BY b",
        "reason": "b misspelled",
        "suitable": true
    });
    format!("Here you go:\n```json\n{body}\n```")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn llm_bugs_are_validated_and_recorded() {
    let server = fake_openai::start(vec![Reply::ok(&reply_json())]).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("llm.jsonl");
    let args = [
        "synth",
        "--corpus",
        PLAIN,
        "--engines",
        "duckdb,sqlite",
        "--injector",
        "llm",
        "--categories",
        "semantic.name.unknown_column",
        "--per-category",
        "3",
        "--llm-base-url",
        &server.base_url,
        "--llm-model",
        "fake-model",
        "--out",
        out.to_str().unwrap(),
        "--json",
    ];
    let (code, stdout, err) = tokio::task::spawn_blocking({
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        move || run_sqlforge(&args.iter().map(String::as_str).collect::<Vec<_>>())
    })
    .await
    .unwrap();
    assert_eq!(code, 0, "{err}");
    let summary: Json = serde_json::from_str(stdout.trim()).unwrap();
    let records = read_records(&out).unwrap();
    assert!(!records.is_empty(), "{summary}");
    for r in &records {
        assert_eq!(r.injector, "llm/fake-model");
        assert!(r.bug_sql.contains("SELECT bb"));
        assert_eq!(r.category, "semantic.name.unknown_column");
    }
    assert!(summary["llm_usage"]["requests"].as_u64().unwrap() >= 1);
    assert!(summary["llm_usage"]["prompt_tokens"].as_u64().unwrap() >= 100);
    // The cache makes a rerun free.
    let served = server.served.load(std::sync::atomic::Ordering::SeqCst);
    let rerun = dir.path().join("again.jsonl");
    let mut again: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let at = again.iter().position(|a| a == "--out").unwrap() + 1;
    again[at] = rerun.to_str().unwrap().to_string();
    again.push("--llm-cache".into());
    again.push(
        out.with_extension("llm-cache")
            .to_str()
            .unwrap()
            .to_string(),
    );
    let (code, _, err) = tokio::task::spawn_blocking(move || {
        run_sqlforge(&again.iter().map(String::as_str).collect::<Vec<_>>())
    })
    .await
    .unwrap();
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        server.served.load(std::sync::atomic::Ordering::SeqCst),
        served,
        "the rerun asked the endpoint again"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_both_failed_requests_are_counted_while_rules_go_on() {
    let server = fake_openai::start(vec![Reply::status(500, "down for maintenance")]).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("both.jsonl");
    let args: Vec<String> = [
        "synth",
        "--corpus",
        HR,
        "--engines",
        "sqlite",
        "--injector",
        "both",
        "--categories",
        "semantic.name.unknown_column",
        "--per-category",
        "2",
        "--llm-base-url",
        &server.base_url,
        "--llm-timeout-secs",
        "10",
        "--out",
        out.to_str().unwrap(),
        "--json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let (code, stdout, err) = tokio::task::spawn_blocking(move || {
        run_sqlforge(&args.iter().map(String::as_str).collect::<Vec<_>>())
    })
    .await
    .unwrap();
    assert_eq!(code, 0, "{err}");
    let summary: Json = serde_json::from_str(stdout.trim()).unwrap();
    assert!(
        summary["categories"]["semantic.name.unknown_column"]["llm_failed"]
            .as_u64()
            .unwrap()
            >= 1,
        "{summary}"
    );
    let records = read_records(&out).unwrap();
    assert!(!records.is_empty() && records.iter().all(|r| r.injector.starts_with("rules/")));
}

#[test]
fn a_dead_endpoint_fails_before_any_work() {
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/v1", l.local_addr().unwrap())
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never.jsonl");
    let (code, _, err) = run_sqlforge(&[
        "synth",
        "--corpus",
        PLAIN,
        "--injector",
        "llm",
        "--llm-base-url",
        &dead,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("LLM endpoint") && err.contains("is down"),
        "{err}"
    );
    assert!(!out.exists(), "output created before the endpoint check");
}
