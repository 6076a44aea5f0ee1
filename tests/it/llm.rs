//! The LLM client against a real chat-completions server on loopback:
//! success and accounting, the cache, 429 and 5xx retries, timeouts,
//! garbage, an endpoint that is down, and bounded concurrency.

use crate::common::fake_openai::{self, Reply};
use sqlforge::llm::{LlmClient, LlmConfig, LlmError};
use std::sync::atomic::Ordering;
use std::time::Duration;

fn config(base_url: &str) -> LlmConfig {
    LlmConfig {
        base_url: base_url.into(),
        api_key: "sk-test-secret".into(),
        model: "fake-model".into(),
        timeout: Duration::from_secs(5),
        ..LlmConfig::from_env()
    }
}

#[tokio::test]
async fn success_is_counted_and_cached() {
    let server = fake_openai::start(vec![Reply::ok("SELECT 1")]).await;
    let cache = tempfile::tempdir().unwrap();
    let cfg = LlmConfig {
        cache_dir: Some(cache.path().to_path_buf()),
        ..config(&server.base_url)
    };
    assert!(
        !format!("{cfg:?}").contains("sk-test-secret"),
        "the key leaked into Debug"
    );
    let client = LlmClient::new(cfg.clone());
    let reply = client.chat("system", "user").await.unwrap();
    assert_eq!(reply.content, "SELECT 1");
    assert!(!reply.cached);
    let usage = client.usage();
    assert_eq!(
        (usage.requests, usage.prompt_tokens, usage.completion_tokens),
        (1, 100, 20)
    );
    assert!(usage.estimated_usd > 0.0);

    // A rerun (a new client on the same cache) costs nothing.
    let again = LlmClient::new(cfg);
    let reply = again.chat("system", "user").await.unwrap();
    assert!(reply.cached);
    assert_eq!(reply.content, "SELECT 1");
    assert_eq!(server.served.load(Ordering::SeqCst), 1);
    assert_eq!(again.usage().cache_hits, 1);
    assert_eq!(again.usage().prompt_tokens, 0);
    // A different prompt is a different key.
    again.chat("system", "other user").await.unwrap();
    assert_eq!(server.served.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn rate_limits_and_server_errors_are_retried() {
    let server = fake_openai::start(vec![
        Reply::status(429, "slow down"),
        Reply::status(503, "busy"),
        Reply::ok("done"),
    ])
    .await;
    let client = LlmClient::new(config(&server.base_url));
    assert_eq!(client.chat("s", "u").await.unwrap().content, "done");
    assert_eq!(server.served.load(Ordering::SeqCst), 3);

    let always = fake_openai::start(vec![Reply::status(500, "broken")]).await;
    let client = LlmClient::new(config(&always.base_url));
    let err = client.chat("s", "u").await.unwrap_err();
    assert!(matches!(err, LlmError::Api { status: 500, .. }), "{err}");
    assert!(err.is_transient());
    assert_eq!(
        always.served.load(Ordering::SeqCst),
        4,
        "one try and three retries"
    );
    assert_eq!(client.usage().failures, 1);

    let denied = fake_openai::start(vec![Reply::status(401, "bad key")]).await;
    let err = LlmClient::new(config(&denied.base_url))
        .chat("s", "u")
        .await
        .unwrap_err();
    assert!(
        matches!(err, LlmError::Api { status: 401, .. }) && !err.is_transient(),
        "{err}"
    );
    assert_eq!(
        denied.served.load(Ordering::SeqCst),
        1,
        "a 401 is not retried"
    );
}

#[tokio::test]
async fn slow_replies_time_out() {
    let server = fake_openai::start(vec![Reply::ok("late").slow(Duration::from_secs(3))]).await;
    let client = LlmClient::new(LlmConfig {
        timeout: Duration::from_millis(300),
        ..config(&server.base_url)
    });
    let started = std::time::Instant::now();
    let err = client.chat("s", "u").await.unwrap_err();
    assert!(matches!(err, LlmError::Timeout(_)), "{err}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn garbage_and_a_dead_endpoint_are_errors_not_panics() {
    let server = fake_openai::start(vec![Reply::garbage()]).await;
    let err = LlmClient::new(config(&server.base_url))
        .chat("s", "u")
        .await
        .unwrap_err();
    assert!(matches!(err, LlmError::BadReply(_)), "{err}");

    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/v1", l.local_addr().unwrap())
    };
    let err = LlmClient::new(config(&dead))
        .chat("s", "u")
        .await
        .unwrap_err();
    assert!(matches!(err, LlmError::Http { .. }), "{err}");
    assert!(!err.to_string().contains("sk-test-secret"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrency_is_bounded() {
    let server = fake_openai::start(vec![Reply::ok("x").slow(Duration::from_millis(150))]).await;
    let client = std::sync::Arc::new(LlmClient::new(LlmConfig {
        concurrency: 2,
        ..config(&server.base_url)
    }));
    let tasks: Vec<_> = (0..6)
        .map(|i| {
            let c = std::sync::Arc::clone(&client);
            tokio::spawn(async move { c.chat("s", &format!("u{i}")).await })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(server.served.load(Ordering::SeqCst), 6);
    assert_eq!(server.max_in_flight.load(Ordering::SeqCst), 2);
}
