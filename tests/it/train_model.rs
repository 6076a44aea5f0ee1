//! The model against an independent PyTorch implementation
//! (scripts/train_ref.py, run with the torch venv's python), and the
//! safetensors round trip.

use crate::train_cli::{fixture, ok};
use sqlforge::train::config::ModelConfig;
use sqlforge::train::folder;
use sqlforge::train::model::{Model, Params};
use sqlforge::train::weights;
use std::path::{Path, PathBuf};
use tch::{Device, Kind, Tensor};

/// The python that has torch: SQLFORGE_PYTHON (scripts/torch-env.sh sets
/// it), else the cached venv. A missing one fails the test with the fix.
fn python() -> PathBuf {
    if let Ok(p) = std::env::var("SQLFORGE_PYTHON") {
        return p.into();
    }
    let cache = std::env::var("SQLFORGE_CACHE").unwrap_or_else(|_| "/var/cache/sqlforge".into());
    let p = Path::new(&cache).join("torch-venv/bin/python");
    assert!(
        p.is_file(),
        "no python with torch: source scripts/torch-env.sh (or set SQLFORGE_PYTHON)"
    );
    p
}

fn reference_logits(dir: &Path, rows: &[Vec<i64>]) -> Tensor {
    let ids = rows
        .iter()
        .map(|r| r.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
        .collect::<Vec<_>>()
        .join(";");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/train_ref.py");
    let out = std::process::Command::new(python())
        .arg(script)
        .args(["logits", "--model", dir.to_str().unwrap(), "--ids", &ids])
        .output()
        .expect("run train_ref.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flat: Vec<f32> = v["logits"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b.as_array().unwrap().iter())
        .flat_map(|t| {
            t.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap() as f32)
        })
        .collect();
    let (b, t) = (rows.len() as i64, rows[0].len() as i64);
    Tensor::from_slice(&flat).view([b, t, -1])
}

/// A random model whose biases and norms are random too (init sets them
/// to 0 and 1, which would hide mistakes).
fn randomised(config: ModelConfig, dir: &Path) -> Model {
    tch::manual_seed(7);
    let init = Model::init(config.clone(), Device::Cpu).unwrap();
    let params: Params = init
        .params
        .iter()
        .map(|(n, t)| {
            let t = if n.ends_with(".bias") || n.ends_with("norm.weight") {
                Tensor::randn(t.size(), (Kind::Float, Device::Cpu)) * 0.5
                    + if n.ends_with(".bias") { 0.0 } else { 1.0 }
            } else {
                t.shallow_clone()
            };
            (n.clone(), t)
        })
        .collect();
    std::fs::create_dir_all(dir).unwrap();
    config.save(&dir.join("config.json")).unwrap();
    weights::save(&params, &dir.join("model.safetensors")).unwrap();
    Model::from_params(config, params, Device::Cpu, "test").unwrap()
}

fn check_against_reference(config: ModelConfig, dir: &Path) {
    let model = randomised(config.clone(), dir);
    let rows: Vec<Vec<i64>> = vec![
        (0..12).map(|i| (i * 37 + 5) % config.vocab_size).collect(),
        (0..12).map(|i| (i * 11 + 3) % config.vocab_size).collect(),
    ];
    let flat: Vec<i64> = rows.concat();
    let ids = Tensor::from_slice(&flat).view([2, 12]);
    let ours = tch::no_grad(|| model.forward(&ids, None));
    let theirs = reference_logits(dir, &rows);
    assert_eq!(ours.size(), theirs.size());
    let diff = (&ours - &theirs).abs().max().double_value(&[]);
    let scale = theirs.abs().max().double_value(&[]);
    assert!(
        diff < 1e-4 * scale.max(1.0),
        "{}: max |diff| {diff} (scale {scale})",
        config.model_type
    );
}

#[test]
fn logits_match_an_independent_pytorch_implementation() {
    let dir = tempfile::tempdir().unwrap();
    // Qwen2 style: GQA (4 heads over 2), q/k/v bias, tied embeddings.
    let qwen = ModelConfig::preset("tiny", 300).unwrap();
    check_against_reference(qwen, &dir.path().join("qwen"));
    // Llama / DeepSeek-Coder style: no GQA, untied head, bias on q/k/v/o,
    // linear RoPE scaling, explicit head_dim.
    let llama: ModelConfig = serde_json::from_str(
        r#"{"model_type":"llama","vocab_size":257,"hidden_size":48,"intermediate_size":80,
            "num_hidden_layers":2,"num_attention_heads":3,"num_key_value_heads":3,"head_dim":16,
            "rms_norm_eps":1e-5,"rope_theta":100000.0,"rope_scaling":{"type":"linear","factor":4.0},
            "attention_bias":true,"tie_word_embeddings":false,"max_position_embeddings":64}"#,
    )
    .unwrap();
    llama.validate("llama").unwrap();
    check_against_reference(llama, &dir.path().join("llama"));
}

#[test]
fn save_then_load_is_identical() {
    let f = fixture(2);
    let a = folder::load(&f.model, Device::Cpu, Kind::Float).unwrap();
    let copy = f.dir.path().join("copy");
    folder::save(&copy, &a.model.config, &a.model.params, &f.model).unwrap();
    let b = folder::load(&copy, Device::Cpu, Kind::Float).unwrap();
    assert_eq!(a.model.params.len(), b.model.params.len());
    for (name, t) in &a.model.params {
        assert!(t.equal(&b.model.params[name]), "{name}");
    }
    assert_eq!(a.model.config, b.model.config);
    // Byte for byte: the same tensors give the same file.
    assert_eq!(
        std::fs::read(f.model.join("model.safetensors")).unwrap(),
        std::fs::read(copy.join("model.safetensors")).unwrap()
    );
    // HF names, tied head not stored.
    assert!(a
        .model
        .params
        .contains_key("model.layers.1.self_attn.k_proj.bias"));
    assert!(!a.model.params.contains_key("lm_head.weight"));
    let out = ok(&[
        "train",
        "init",
        "--config",
        "small",
        "--tokenizer",
        f.model.to_str().unwrap(),
        "--out",
        f.dir.path().join("small").to_str().unwrap(),
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["layers"], 4);
}
