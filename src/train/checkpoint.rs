//! Checkpoints: `OUT/checkpoint/` holds the trainable weights
//! (`trainable.safetensors`, HF or PEFT names), the AdamW state
//! (`optimizer.safetensors`) and `state.json` (the update count, the seed
//! that all later randomness derives from, and a fingerprint of the options
//! and data). A new checkpoint is written beside the old one and swapped in
//! by renames, so a kill at any moment leaves a whole checkpoint.

use super::model::Params;
use super::optim::AdamW;
use super::trainer::TrainOptions;
use super::{weights, TrainError};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tch::{Device, Tensor};

#[derive(serde::Serialize, serde::Deserialize)]
struct State {
    /// Optimiser updates done.
    step: u64,
    fingerprint: String,
    options: serde_json::Value,
    /// How the randomness of later steps is reproduced.
    rng: serde_json::Value,
}

pub struct Checkpoint {
    pub step: u64,
}

/// The latest whole checkpoint under `out`, if any.
pub fn find(out: &Path) -> Option<PathBuf> {
    ["checkpoint", "checkpoint.old"]
        .iter()
        .map(|n| out.join(n))
        .find(|d| d.join("state.json").is_file())
}

/// SHA-256 of the options and the bytes of the data files.
pub fn fingerprint(opts: &TrainOptions, data: &[PathBuf]) -> Result<String, TrainError> {
    let mut h = Sha256::new();
    h.update(serde_json::to_vec(opts).expect("options serialise"));
    let mut files = Vec::new();
    for p in data {
        collect_files(p, &mut files);
    }
    for f in files {
        let bytes = std::fs::read(&f)
            .map_err(|e| TrainError::input(format!("cannot read {}: {e}", f.display())))?;
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
    }
    Ok(format!("{:x}", h.finalize()))
}

fn collect_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            collect_files(&e, out);
        }
    } else {
        out.push(p.to_path_buf());
    }
}

impl Checkpoint {
    pub fn save(
        out: &Path,
        step: u64,
        fingerprint: &str,
        trainable: &[(String, Tensor)],
        opt: &AdamW,
        opts: &TrainOptions,
    ) -> Result<(), TrainError> {
        let tmp = out.join("checkpoint.tmp");
        let _ = std::fs::remove_dir_all(&tmp);
        super::error::create_dir(&tmp)?;
        let params: Params = trainable
            .iter()
            .map(|(n, t)| (n.clone(), t.shallow_clone()))
            .collect();
        weights::save(&params, &tmp.join("trainable.safetensors"))?;
        opt.save(&tmp.join("optimizer.safetensors"))?;
        let state = State {
            step,
            fingerprint: fingerprint.to_string(),
            options: serde_json::to_value(opts).expect("options serialise"),
            rng: serde_json::json!({
                "algorithm": "chacha8",
                "seed": opts.seed,
                "batches": "stream = epoch",
                "masks": "stream = optimiser step",
            }),
        };
        super::error::write_file(
            &tmp.join("state.json"),
            serde_json::to_string_pretty(&state).expect("state serialises") + "\n",
        )?;
        let current = out.join("checkpoint");
        let old = out.join("checkpoint.old");
        let rename = |a: &Path, b: &Path| {
            std::fs::rename(a, b).map_err(|e| {
                TrainError::env(format!(
                    "cannot rename {} to {}: {e}",
                    a.display(),
                    b.display()
                ))
            })
        };
        let _ = std::fs::remove_dir_all(&old);
        if current.exists() {
            rename(&current, &old)?;
        }
        rename(&tmp, &current)?;
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }

    /// Restores the trainable weights and the optimiser from `dir`.
    pub fn load(
        dir: &Path,
        fingerprint: &str,
        opts: &TrainOptions,
        trainable: &[(String, Tensor)],
        opt: &mut AdamW,
        device: Device,
    ) -> Result<Checkpoint, TrainError> {
        let path = dir.join("state.json");
        let state: State = serde_json::from_str(&super::error::read_text(&path)?).map_err(|e| {
            TrainError::input(format!("{}: not a checkpoint state: {e}", path.display()))
        })?;
        if state.fingerprint != fingerprint {
            let now = serde_json::to_value(opts).expect("options serialise");
            let changed: Vec<String> = now
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(k, v)| state.options.get(k.as_str()) != Some(v))
                .map(|(k, _)| k.replace('_', "-"))
                .collect();
            let what = if changed.is_empty() {
                "the data changed".to_string()
            } else {
                format!("options changed: {}", changed.join(", "))
            };
            return Err(TrainError::input(format!(
                "{}: the checkpoint was made by another run ({what}); resume with the same command and data",
                dir.display()
            )));
        }
        let file = dir.join("trainable.safetensors");
        let saved = weights::read_file(&file, &|_| true, None, device)?;
        tch::no_grad(|| -> Result<(), TrainError> {
            for (name, t) in trainable {
                let Some(src) = saved.get(name) else {
                    return Err(TrainError::input(format!(
                        "{}: missing tensor '{name}'",
                        file.display()
                    )));
                };
                t.shallow_clone().copy_(src);
            }
            Ok(())
        })?;
        opt.load(
            &dir.join("optimizer.safetensors"),
            state.step as i64,
            device,
        )?;
        Ok(Checkpoint { step: state.step })
    }
}

/// Drops metric lines past `step` (written after the checkpoint a resumed
/// run continues from); a fresh run (`step` 0) starts an empty file.
pub fn truncate_metrics(path: &Path, step: u64) -> Result<(), TrainError> {
    let kept = if step == 0 || !path.is_file() {
        String::new()
    } else {
        super::error::read_text(path)?
            .lines()
            .filter(|l| {
                serde_json::from_str::<serde_json::Value>(l)
                    .ok()
                    .and_then(|v| v.get("step").and_then(|s| s.as_u64()))
                    .is_some_and(|s| s <= step)
            })
            .map(|l| format!("{l}\n"))
            .collect()
    };
    super::error::write_file(path, kept)
}
