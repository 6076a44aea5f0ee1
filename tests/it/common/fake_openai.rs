//! A real HTTP server on loopback that speaks the chat-completions API from
//! a script of replies: successes, 429s, 5xx, slow replies and garbage. It
//! records how many requests it served and the most it had in flight.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[derive(Clone)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub delay: Duration,
}

impl Reply {
    pub fn ok(content: &str) -> Reply {
        let body = serde_json::json!({
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 0,
            "model": "fake-model",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop", "logprobs": null}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}
        });
        Reply {
            status: 200,
            body: body.to_string(),
            delay: Duration::ZERO,
        }
    }
    pub fn status(status: u16, message: &str) -> Reply {
        let body = serde_json::json!({"error": {"message": message, "type": "test_error", "param": null, "code": null}});
        Reply {
            status,
            body: body.to_string(),
            delay: Duration::ZERO,
        }
    }
    pub fn garbage() -> Reply {
        Reply {
            status: 200,
            body: "this is not json".into(),
            delay: Duration::ZERO,
        }
    }
    pub fn slow(self, delay: Duration) -> Reply {
        Reply { delay, ..self }
    }
}

pub struct FakeOpenAi {
    pub base_url: String,
    pub served: Arc<AtomicUsize>,
    pub max_in_flight: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeOpenAi {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Serves the replies in order; the last one repeats.
pub async fn start(script: Vec<Reply>) -> FakeOpenAi {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}/v1", listener.local_addr().unwrap());
    let served = Arc::new(AtomicUsize::new(0));
    let in_flight = Arc::new(AtomicUsize::new(0));
    let max_in_flight = Arc::new(AtomicUsize::new(0));
    let (s, inf, max) = (
        Arc::clone(&served),
        Arc::clone(&in_flight),
        Arc::clone(&max_in_flight),
    );
    let script = Arc::new(script);
    let task = tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let (s, inf, max, script) = (
                Arc::clone(&s),
                Arc::clone(&inf),
                Arc::clone(&max),
                Arc::clone(&script),
            );
            tokio::spawn(async move {
                if read_request(&mut socket).await.is_none() {
                    return;
                }
                let n = s.fetch_add(1, Ordering::SeqCst);
                let now = inf.fetch_add(1, Ordering::SeqCst) + 1;
                max.fetch_max(now, Ordering::SeqCst);
                let reply = script[n.min(script.len() - 1)].clone();
                tokio::time::sleep(reply.delay).await;
                // Before the reply goes out: once the client has it, it may
                // send its next request before this task runs again.
                inf.fetch_sub(1, Ordering::SeqCst);
                let head = format!(
                    "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    reply.status,
                    reply.body.len()
                );
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(reply.body.as_bytes()).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    FakeOpenAi {
        base_url,
        served,
        max_in_flight,
        task,
    }
}

/// Reads one request (headers and a Content-Length body).
async fn read_request(socket: &mut tokio::net::TcpStream) -> Option<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf);
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                })
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                return Some(String::from_utf8_lossy(&buf[end + 4..end + 4 + length]).into_owned());
            }
        }
    }
}
