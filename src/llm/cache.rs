//! Replies on disk, one JSON file per request hash, so a rerun costs
//! nothing. Writes go through a temporary file and a rename.

use super::client::ChatReply;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub fn key(model: &str, temperature: f32, system: &str, user: &str) -> String {
    let mut h = Sha256::new();
    for part in [model, &temperature.to_string(), system, user] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn path(dir: &Path, key: &str) -> PathBuf {
    dir.join(&key[..2]).join(format!("{key}.json"))
}

pub fn load(dir: &Path, key: &str) -> Option<ChatReply> {
    let text = std::fs::read_to_string(path(dir, key)).ok()?;
    serde_json::from_str(&text).ok()
}

pub fn store(dir: &Path, key: &str, reply: &ChatReply) -> std::io::Result<()> {
    let target = path(dir, key);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = target.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, serde_json::to_vec(reply)?)?;
    std::fs::rename(tmp, target)
}
