//! An engine wrapper that adds up the wall time spent inside `execute`, so
//! a run can report how much of its time the engines took.

use super::{Engine, EngineKind, Outcome, SetupError};
use async_trait::async_trait;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

pub struct Timed {
    inner: Box<dyn Engine>,
    spent_ns: Arc<AtomicU64>,
}

impl Timed {
    pub fn new(inner: Box<dyn Engine>, spent_ns: Arc<AtomicU64>) -> Timed {
        Timed { inner, spent_ns }
    }
}

#[async_trait]
impl Engine for Timed {
    fn kind(&self) -> EngineKind {
        self.inner.kind()
    }
    fn name(&self) -> String {
        self.inner.name()
    }
    fn version(&self) -> String {
        self.inner.version()
    }
    async fn execute(&mut self, sql: &str) -> Outcome {
        let started = Instant::now();
        let outcome = self.inner.execute(sql).await;
        self.spent_ns
            .fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
        outcome
    }
    async fn reset(&mut self) -> Result<(), SetupError> {
        self.inner.reset().await
    }
    async fn close(self: Box<Self>) {
        self.inner.close().await
    }
}
