//! Refusing a dead endpoint before any work: one TCP connect to its host.

use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    /// The URL names no host (bad input).
    #[error("--llm-base-url '{0}' has no host")]
    NoHost(String),
    /// Nothing answers there (environment).
    #[error("LLM endpoint {url} is down: {reason}")]
    Down { url: String, reason: String },
}

/// Connects to the host and port of `url` within 5 seconds.
pub async fn probe(url: &str) -> Result<(), ProbeError> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host_port = rest.split('/').next().unwrap_or_default();
    if host_port.is_empty() {
        return Err(ProbeError::NoHost(url.to_string()));
    }
    let default_port = if url.starts_with("https") { 443 } else { 80 };
    let addr = if host_port
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
    {
        host_port.to_string()
    } else {
        format!("{host_port}:{default_port}")
    };
    match tokio::time::timeout(
        Duration::from_secs(5),
        tokio::net::TcpStream::connect(&addr),
    )
    .await
    {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(ProbeError::Down {
            url: url.to_string(),
            reason: e.to_string(),
        }),
        Err(_) => Err(ProbeError::Down {
            url: url.to_string(),
            reason: "no answer within 5 s".into(),
        }),
    }
}
