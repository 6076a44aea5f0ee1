//! A model folder in HF layout: `config.json`, `tokenizer.json` and
//! `model.safetensors` (or shards with an index). Qwen2.5-Coder and
//! DeepSeek-Coder checkpoints load as they are.

use super::config::ModelConfig;
use super::model::{expected_shapes, Model, Params};
use super::tokenizer::SqlTokenizer;
use super::{weights, TrainError};
use std::collections::BTreeSet;
use std::path::Path;
use tch::{Device, Kind};

/// Tokenizer side files copied along with `tokenizer.json`.
const TOKENIZER_FILES: [&str; 4] = [
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "generation_config.json",
];

pub struct ModelFolder {
    pub model: Model,
    pub tokenizer: SqlTokenizer,
}

pub fn load_config(dir: &Path) -> Result<ModelConfig, TrainError> {
    let path = dir.join("config.json");
    if !path.is_file() {
        return Err(TrainError::input(format!(
            "{}: no config.json (a model folder holds config.json, tokenizer.json and model.safetensors)",
            dir.display()
        )));
    }
    ModelConfig::load(&path)
}

pub fn load_tokenizer(dir: &Path, config: &ModelConfig) -> Result<SqlTokenizer, TrainError> {
    let path = dir.join("tokenizer.json");
    if !path.is_file() {
        return Err(TrainError::input(format!(
            "{}: no tokenizer.json",
            dir.display()
        )));
    }
    SqlTokenizer::load(&path, config)
}

/// Loads a folder with its weights in `kind` on `device`.
pub fn load(dir: &Path, device: Device, kind: Kind) -> Result<ModelFolder, TrainError> {
    let config = load_config(dir)?;
    let tokenizer = load_tokenizer(dir, &config)?;
    let wanted: BTreeSet<String> = expected_shapes(&config)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    let params = weights::load_dir(dir, &|n| wanted.contains(n), Some(kind), device)?;
    let origin = weights::weight_files(dir)?
        .first()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let model = Model::from_params(config, params, device, &origin)?;
    Ok(ModelFolder { model, tokenizer })
}

/// Writes `config.json` and `model.safetensors` (`params`, in HF layout) to
/// `out`, and copies the tokenizer files from `tokenizer_dir`.
pub fn save(
    out: &Path,
    config: &ModelConfig,
    params: &Params,
    tokenizer_dir: &Path,
) -> Result<(), TrainError> {
    super::error::create_dir(out)?;
    config.save(&out.join("config.json"))?;
    weights::save(params, &out.join("model.safetensors"))?;
    copy_tokenizer(tokenizer_dir, out)
}

pub fn copy_tokenizer(from: &Path, to: &Path) -> Result<(), TrainError> {
    if same_dir(from, to) {
        return Ok(());
    }
    for name in TOKENIZER_FILES {
        let src = from.join(name);
        if src.is_file() {
            std::fs::copy(&src, to.join(name)).map_err(|e| {
                TrainError::env(format!(
                    "cannot copy {} to {}: {e}",
                    src.display(),
                    to.display()
                ))
            })?;
        }
    }
    Ok(())
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
