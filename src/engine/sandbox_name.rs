//! Unique names for per-run server sandboxes (schemas, roles, databases).

use rand::Rng;
use std::sync::atomic::{AtomicU64, Ordering};

static SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// `sqlforge_<pid>_<sequence>_<random>`: lower-case, a valid unquoted
/// identifier on every engine, unique across processes and runs.
pub fn fresh() -> String {
    let seq = SEQUENCE.fetch_add(1, Ordering::Relaxed);
    let salt: u32 = rand::rng().random();
    format!("sqlforge_{}_{}_{:08x}", std::process::id(), seq, salt)
}

/// A password for a per-run role. Never logged.
pub fn password() -> String {
    let mut rng = rand::rng();
    (0..24)
        .map(|_| char::from(b'a' + rng.random_range(0..26)))
        .collect()
}
