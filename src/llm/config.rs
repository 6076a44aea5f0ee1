//! Endpoint settings, from flags or the environment.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Clone)]
pub struct LlmConfig {
    /// e.g. `https://api.openai.com/v1` or `http://127.0.0.1:8000/v1`.
    pub base_url: String,
    pub api_key: String,
    pub model: String,
    /// Per request, retries included.
    pub timeout: Duration,
    /// Retries of 429 and 5xx answers (async-openai's exponential backoff).
    pub max_retries: usize,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Where replies are cached; `None` disables the cache.
    pub cache_dir: Option<PathBuf>,
    pub temperature: f32,
    /// Prices in USD per million tokens, for the cost estimate.
    pub usd_per_mtok_prompt: f64,
    pub usd_per_mtok_completion: f64,
}

impl LlmConfig {
    /// Settings from `OPENAI_BASE_URL`, `OPENAI_API_KEY` and
    /// `SQLFORGE_LLM_MODEL`, with defaults for the rest.
    pub fn from_env() -> LlmConfig {
        LlmConfig {
            base_url: std::env::var("OPENAI_BASE_URL")
                .unwrap_or_else(|_| "https://api.openai.com/v1".into()),
            api_key: std::env::var("OPENAI_API_KEY").unwrap_or_default(),
            model: std::env::var("SQLFORGE_LLM_MODEL").unwrap_or_else(|_| "gpt-4o-mini".into()),
            timeout: Duration::from_secs(60),
            max_retries: 3,
            concurrency: 4,
            cache_dir: None,
            temperature: 0.0,
            usd_per_mtok_prompt: 0.15,
            usd_per_mtok_completion: 0.60,
        }
    }
}

/// The key never appears in Debug output (and so never in logs).
impl fmt::Debug for LlmConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LlmConfig")
            .field("base_url", &self.base_url)
            .field("api_key", &if self.api_key.is_empty() { "" } else { "***" })
            .field("model", &self.model)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .field("concurrency", &self.concurrency)
            .field("cache_dir", &self.cache_dir)
            .finish()
    }
}
