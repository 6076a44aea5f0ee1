//! One chat request at a time per permit: cache, then the endpoint with a
//! timeout, then usage accounting.

use super::cache;
use super::config::LlmConfig;
use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use async_openai::types::chat::{
    ChatCompletionRequestSystemMessageArgs, ChatCompletionRequestUserMessageArgs,
    CreateChatCompletionRequestArgs,
};
use async_openai::Client;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;
use tokio::sync::Semaphore;

#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("LLM request timed out after {0} s")]
    Timeout(u64),
    #[error("LLM endpoint {endpoint} failed: {reason}")]
    Http { endpoint: String, reason: String },
    #[error("LLM endpoint answered {status}: {message}")]
    Api { status: u16, message: String },
    #[error("LLM reply could not be read: {0}")]
    BadReply(String),
    #[error("bad LLM request: {0}")]
    Request(String),
}

impl LlmError {
    /// 429 or 5xx after all retries, a timeout or a connection failure.
    pub fn is_transient(&self) -> bool {
        match self {
            LlmError::Timeout(_) | LlmError::Http { .. } => true,
            LlmError::Api { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatReply {
    pub content: String,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    /// Served from the on-disk cache (no tokens spent this run).
    #[serde(skip)]
    pub cached: bool,
}

/// Tokens and requests of this run. Cached replies count as cache hits, not
/// tokens.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Usage {
    pub requests: u64,
    pub cache_hits: u64,
    pub failures: u64,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub estimated_usd: f64,
}

pub struct LlmClient {
    client: Client<OpenAIConfig>,
    config: LlmConfig,
    permits: Semaphore,
    usage: Mutex<Usage>,
}

impl LlmClient {
    pub fn new(config: LlmConfig) -> LlmClient {
        let mut openai = OpenAIConfig::new().with_api_base(config.base_url.trim_end_matches('/'));
        if !config.api_key.is_empty() {
            openai = openai.with_api_key(config.api_key.clone());
        }
        LlmClient {
            client: Client::with_config(openai),
            permits: Semaphore::new(config.concurrency.max(1)),
            usage: Mutex::new(Usage::default()),
            config,
        }
    }

    pub fn config(&self) -> &LlmConfig {
        &self.config
    }

    pub fn usage(&self) -> Usage {
        self.usage.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn account(&self, f: impl FnOnce(&mut Usage)) {
        let mut u = self.usage.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut u);
        u.estimated_usd = (u.prompt_tokens as f64 * self.config.usd_per_mtok_prompt
            + u.completion_tokens as f64 * self.config.usd_per_mtok_completion)
            / 1e6;
    }

    /// Sends one system + user exchange and returns the assistant's text.
    pub async fn chat(&self, system: &str, user: &str) -> Result<ChatReply, LlmError> {
        let key = cache::key(&self.config.model, self.config.temperature, system, user);
        if let Some(dir) = &self.config.cache_dir {
            if let Some(mut hit) = cache::load(dir, &key) {
                hit.cached = true;
                self.account(|u| u.cache_hits += 1);
                return Ok(hit);
            }
        }
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| LlmError::Request(e.to_string()))?;
        self.account(|u| u.requests += 1);
        let result = tokio::time::timeout(self.config.timeout, self.send(system, user)).await;
        let reply = match result {
            Ok(Ok(reply)) => reply,
            Ok(Err(e)) => {
                self.account(|u| u.failures += 1);
                return Err(e);
            }
            Err(_) => {
                self.account(|u| u.failures += 1);
                return Err(LlmError::Timeout(self.config.timeout.as_secs()));
            }
        };
        self.account(|u| {
            u.prompt_tokens += reply.prompt_tokens;
            u.completion_tokens += reply.completion_tokens;
        });
        if let Some(dir) = &self.config.cache_dir {
            if let Err(e) = cache::store(dir, &key, &reply) {
                tracing::warn!("cannot write the LLM cache in {}: {e}", dir.display());
            }
        }
        Ok(reply)
    }

    async fn send(&self, system: &str, user: &str) -> Result<ChatReply, LlmError> {
        let bad = |e: OpenAIError| LlmError::Request(e.to_string());
        let request = CreateChatCompletionRequestArgs::default()
            .model(self.config.model.clone())
            .temperature(self.config.temperature)
            .messages(vec![
                ChatCompletionRequestSystemMessageArgs::default()
                    .content(system)
                    .build()
                    .map_err(bad)?
                    .into(),
                ChatCompletionRequestUserMessageArgs::default()
                    .content(user)
                    .build()
                    .map_err(bad)?
                    .into(),
            ])
            .build()
            .map_err(bad)?;
        let response = self
            .client
            .chat()
            .create(request)
            .await
            .map_err(|e| self.classify(e))?;
        let content = response
            .choices
            .first()
            .and_then(|c| c.message.content.clone())
            .ok_or_else(|| LlmError::BadReply("the reply has no message content".into()))?;
        let (prompt_tokens, completion_tokens) = response.usage.map_or((0, 0), |u| {
            (u64::from(u.prompt_tokens), u64::from(u.completion_tokens))
        });
        Ok(ChatReply {
            content,
            prompt_tokens,
            completion_tokens,
            cached: false,
        })
    }

    fn classify(&self, e: OpenAIError) -> LlmError {
        match e {
            OpenAIError::ApiError(api) => LlmError::Api {
                status: api.status_code.as_u16(),
                message: api
                    .api_error
                    .message
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            },
            OpenAIError::JSONDeserialize(err, body) => {
                let shown: String = body.chars().take(80).collect();
                LlmError::BadReply(format!("{err}: {shown}"))
            }
            OpenAIError::Reqwest(err) => LlmError::Http {
                endpoint: self.config.base_url.clone(),
                reason: err.without_url().to_string(),
            },
            other => LlmError::Request(other.to_string()),
        }
    }
}
