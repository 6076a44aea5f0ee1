//! The LLM client over async-openai: any OpenAI-compatible endpoint, bounded
//! concurrency, retries on 429/5xx (async-openai's retry layer, with
//! backoff and Retry-After), a timeout per request, an on-disk cache keyed
//! by a hash of the request, and token accounting. API keys are never
//! logged or written anywhere.

mod cache;
mod client;
mod config;
mod probe;
pub mod reply;

pub use client::{ChatReply, LlmClient, LlmError, Usage};
pub use config::LlmConfig;
pub use probe::{probe, ProbeError};
