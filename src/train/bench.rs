//! Benchmarks (not tests), run by `sqlforge train bench`:
//! - `speed`: CPU tokens/s of our training step against an equivalent
//!   PyTorch eager loop (scripts/train_ref.py) on the same model, weights
//!   and batches, measured in one run, with the losses of both as a check
//!   that they compute the same thing;
//! - `compare`: SFT against DM-SFT from scratch on records, validation
//!   diff-line loss and exact-fix rate against steps.

use super::config::ModelConfig;
use super::data::{self, Sample};
use super::generate::{generate_ids, Decoding, GenerateOptions};
use super::model::{Model, Params};
use super::optim::{AdamW, AdamWConfig, Schedule};
use super::step::train_step;
use super::trainer::{self, Length, Method, RunSetup, TrainOptions};
use super::{corpus, folder, tokenizer, weights, TrainError};
use crate::dataset::prompt::paper_prompt;
use crate::dataset::read_records;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tch::{Device, Kind, Tensor};

#[derive(Debug, Clone)]
pub struct SpeedConfig {
    /// tiny, small or a config.json
    pub config: String,
    pub vocab: i64,
    pub batch: usize,
    pub seq: usize,
    pub steps: usize,
    pub warmup_steps: usize,
    pub rounds: usize,
    pub threads: Option<i32>,
    pub python: String,
}

fn bench_config(name: &str, vocab: i64) -> Result<ModelConfig, TrainError> {
    match ModelConfig::preset(name, vocab) {
        Some(c) => Ok(c),
        None => ModelConfig::load(Path::new(name)),
    }
}

fn tmp_dir(tag: &str) -> Result<PathBuf, TrainError> {
    let dir = std::env::temp_dir().join(format!("sqlforge-bench-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    super::error::create_dir(&dir)?;
    Ok(dir)
}

/// Our side of the speed benchmark: tokens/s and the loss of every step.
fn ours(dir: &Path, batches: &Tensor, cfg: &SpeedConfig) -> Result<(f64, Vec<f64>), TrainError> {
    let config = ModelConfig::load(&dir.join("config.json"))?;
    let params = weights::load_dir(dir, &|_| true, Some(Kind::Float), Device::Cpu)?;
    let model = Model::from_params(config, params, Device::Cpu, "bench")?;
    model.set_trainable(true);
    let trainable = model.trainable();
    let mut opt = AdamW::new(AdamWConfig::default());
    let n = batches.size()[0] as usize;
    let mut losses = Vec::new();
    let mut started = Instant::now();
    for i in 0..n {
        if i == cfg.warmup_steps {
            started = Instant::now();
        }
        let flat: Vec<i64> = Vec::try_from(batches.get(i as i64).flatten(0, -1))?;
        let samples: Vec<Sample> = flat
            .chunks(cfg.seq + 1)
            .map(|r| data::plain_sample(String::new(), r.to_vec()))
            .collect();
        let refs: Vec<&Sample> = samples.iter().collect();
        let keeps = vec![vec![true]; refs.len()];
        let b = data::make_batch(&refs, &keeps, 0, Device::Cpu);
        let stats = train_step(&model, &trainable, &[b], &mut opt, 1e-4, 1.0, false);
        losses.push(stats.loss);
    }
    let secs = started.elapsed().as_secs_f64();
    let tokens = (cfg.batch * cfg.seq * (n - cfg.warmup_steps)) as f64;
    Ok((tokens / secs, losses))
}

fn python(dir: &Path, cfg: &SpeedConfig, threads: i32) -> Result<(f64, Vec<f64>), TrainError> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/train_ref.py");
    let out = std::process::Command::new(&cfg.python)
        .arg(&script)
        .args(["bench", "--model"])
        .arg(dir)
        .args(["--batches"])
        .arg(dir.join("batches.safetensors"))
        .args([
            "--warmup",
            &cfg.warmup_steps.to_string(),
            "--threads",
            &threads.to_string(),
            "--lr",
            "1e-4",
        ])
        .output()
        .map_err(|e| TrainError::env(format!("cannot run {}: {e}", cfg.python)))?;
    if !out.status.success() {
        return Err(TrainError::env(format!(
            "{} {}: {}",
            cfg.python,
            script.display(),
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("failed")
        )));
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| TrainError::env(format!("train_ref.py printed no JSON: {e}")))?;
    let losses = v["losses"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x.as_f64()).collect())
        .unwrap_or_default();
    Ok((v["tokens_per_s"].as_f64().unwrap_or(0.0), losses))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

pub fn speed(cfg: &SpeedConfig, as_json: bool) -> Result<(), TrainError> {
    if cfg.steps == 0 || cfg.rounds == 0 || cfg.batch == 0 || cfg.seq < 2 {
        return Err(TrainError::input(
            "--steps, --rounds, --batch must be >= 1 and --seq >= 2",
        ));
    }
    let threads = cfg.threads.unwrap_or_else(tch::get_num_threads);
    tch::set_num_threads(threads);
    let config = bench_config(&cfg.config, cfg.vocab)?;
    let dir = tmp_dir("speed")?;
    tch::manual_seed(0);
    let model = Model::init(config.clone(), Device::Cpu)?;
    config.save(&dir.join("config.json"))?;
    weights::save(&model.params, &dir.join("model.safetensors"))?;
    let n = cfg.warmup_steps + cfg.steps;
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let ids: Vec<i64> = (0..n * cfg.batch * (cfg.seq + 1))
        .map(|_| rng.random_range(0..config.vocab_size))
        .collect();
    let batches = Tensor::from_slice(&ids).view([n as i64, cfg.batch as i64, cfg.seq as i64 + 1]);
    let mut p = Params::new();
    p.insert("batches".into(), batches.shallow_clone());
    weights::save(&p, &dir.join("batches.safetensors"))?;
    let params: usize = model.params.values().map(Tensor::numel).sum();
    drop(model);
    eprintln!(
        "model {} ({params} parameters), batch {} x {} tokens, {} measured steps after {} warmup, {threads} threads, {} rounds",
        cfg.config, cfg.batch, cfg.seq, cfg.steps, cfg.warmup_steps, cfg.rounds
    );
    let (mut mine, mut theirs) = (Vec::new(), Vec::new());
    let (mut my_losses, mut their_losses) = (Vec::new(), Vec::new());
    for round in 0..cfg.rounds {
        let (t, l) = python(&dir, cfg, threads)?;
        theirs.push(t);
        their_losses = l;
        let (m, l) = ours(&dir, &batches, cfg)?;
        mine.push(m);
        my_losses = l;
        eprintln!(
            "round {}: ours {m:.0} tokens/s, PyTorch eager {t:.0} tokens/s",
            round + 1
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    // The ratio is the median of the per-round ratios (each round runs
    // both sides back to back, so slow drifts of the machine cancel).
    let ratio = median(mine.iter().zip(&theirs).map(|(m, t)| m / t).collect());
    let (m, t) = (median(mine), median(theirs));
    let max_diff = my_losses
        .iter()
        .zip(&their_losses)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    if as_json {
        println!(
            "{}",
            json!({"benchmark": "train_speed", "config": cfg.config, "parameters": params,
                   "batch": cfg.batch, "seq": cfg.seq, "threads": threads,
                   "ours_tokens_per_s": m, "pytorch_tokens_per_s": t, "ratio": ratio,
                   "ours_losses": my_losses, "pytorch_losses": their_losses,
                   "max_loss_diff": max_diff})
        );
    } else {
        println!(
            "{:<10} {:>14} {:>14} {:>7}  target",
            "model", "PyTorch tok/s", "ours tok/s", "ratio"
        );
        println!(
            "{:<10} {:>14.0} {:>14.0} {:>7.3}  >= 1.0 {}",
            cfg.config,
            t,
            m,
            ratio,
            if ratio >= 1.0 { "met" } else { "MISSED" }
        );
        println!(
            "same computation: loss first {:.5} / {:.5}, last {:.5} / {:.5} (ours / PyTorch), max step difference {max_diff:.2e}",
            my_losses.first().unwrap_or(&0.0),
            their_losses.first().unwrap_or(&0.0),
            my_losses.last().unwrap_or(&0.0),
            their_losses.last().unwrap_or(&0.0)
        );
    }
    Ok(())
}

#[derive(Debug, Clone)]
pub struct CompareConfig {
    pub data: PathBuf,
    pub valid: PathBuf,
    /// tiny, small or a config.json
    pub config: String,
    pub vocab: usize,
    pub steps: u64,
    pub eval_every: u64,
    pub batch: usize,
    pub lr: f64,
    pub warmup: u64,
    pub mask_ratio: f64,
    /// Validation records whose fixes are generated at each eval point.
    pub eval_records: usize,
    pub out: PathBuf,
    pub device: Device,
}

pub fn compare(cfg: &CompareConfig, seed: u64, as_json: bool) -> Result<(), TrainError> {
    super::error::create_dir(&cfg.out)?;
    let init = cfg.out.join("init");
    super::error::create_dir(&init)?;
    let texts = corpus::tokenizer_texts(std::slice::from_ref(&cfg.data))?;
    let tok = tokenizer::train_bpe(&texts, cfg.vocab)?;
    tokenizer::save(&tok, &init.join("tokenizer.json"))?;
    let mut config = bench_config(&cfg.config, tok.get_vocab_size(true) as i64)?;
    config.vocab_size = config.vocab_size.max(tok.get_vocab_size(true) as i64);
    if let Some(id) = tok.token_to_id(tokenizer::EOS_TOKEN) {
        config.eos_token_id = Some(super::config::TokenIds::One(id as i64));
    }
    tch::manual_seed(seed as i64);
    let model = Model::init(config.clone(), Device::Cpu)?;
    folder::save(&init, &config, &model.params, &init)?;
    drop(model);
    let valid = read_records(&cfg.valid).map_err(|e| TrainError::input(e.to_string()))?;
    let mut table = Vec::new();
    for (name, method, p) in [
        ("sft", Method::Sft, 0.0),
        ("dm-sft", Method::DmSft, cfg.mask_ratio),
    ] {
        let opts = TrainOptions {
            method,
            mask_ratio: p,
            length: Length::Steps(cfg.steps),
            batch: cfg.batch,
            grad_accum: 1,
            lr: cfg.lr,
            warmup: cfg.warmup,
            schedule: Schedule::Cosine,
            weight_decay: 0.0,
            max_grad_norm: 1.0,
            seed,
            lora: None,
            max_len: None,
            seq_len: 512,
        };
        let out = cfg.out.join(name);
        let _ = std::fs::remove_dir_all(&out);
        let setup = RunSetup {
            data: vec![cfg.data.clone()],
            valid: Some(cfg.valid.clone()),
            model: init.clone(),
            out: out.clone(),
            resume: false,
            device: cfg.device,
            progress: false,
            save_every: 0,
            eval_every: cfg.eval_every,
        };
        let gen = GenerateOptions {
            decoding: Decoding::Greedy,
            max_new_tokens: 256,
            seed,
            device: cfg.device,
        };
        let mut hook = |step: u64, model: &Model, tok: &super::tokenizer::SqlTokenizer| {
            let started = Instant::now();
            // The first --eval-records validation records whose prompt and
            // fix fit in the model's context (the others cannot be right).
            let room = model.config.max_position_embeddings as usize;
            let mut exact = 0usize;
            let mut tried = 0usize;
            for (i, r) in valid.iter().enumerate() {
                if tried == cfg.eval_records {
                    break;
                }
                let Ok(ids) = tok.encode_prompt(&paper_prompt(r)) else {
                    continue;
                };
                let target = tok
                    .encode(&r.correct_sql, false)
                    .map_or(room, |e| e.ids.len());
                if ids.len() + target + 1 > room {
                    continue;
                }
                tried += 1;
                let pred = tok
                    .decode(&generate_ids(model, tok, &ids, &gen, i as u64))
                    .unwrap_or_default();
                exact += usize::from(pred.trim() == r.correct_sql.trim());
            }
            let rate = exact as f64 / tried.max(1) as f64;
            eprintln!(
                "{name} step {step}: exact fixes {exact}/{tried} ({:.1}s)",
                started.elapsed().as_secs_f64()
            );
            json!({ "exact_fix_rate": rate, "exact_fixes": exact, "eval_records": tried })
        };
        let started = Instant::now();
        trainer::run_with(&opts, &setup, Some(&mut hook))?;
        let secs = started.elapsed().as_secs_f64();
        let metrics = super::error::read_text(&out.join("metrics.jsonl"))?;
        for line in metrics.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            if v.get("valid_diff_ce").is_some() {
                table.push(json!({
                    "method": name, "step": v["step"], "valid_diff_ce": v["valid_diff_ce"],
                    "valid_loss": v["valid_loss"], "exact_fix_rate": v["exact_fix_rate"],
                    "exact_fixes": v["exact_fixes"], "eval_records": v["eval_records"],
                }));
            }
        }
        eprintln!("{name}: {} steps in {secs:.0}s", cfg.steps);
    }
    let result = json!({"benchmark": "sft_vs_dm_sft", "config": cfg.config, "mask_ratio": cfg.mask_ratio,
                        "steps": cfg.steps, "eval_records": cfg.eval_records, "rows": table});
    super::error::write_file(&cfg.out.join("compare.json"), result.to_string() + "\n")?;
    if as_json {
        println!("{result}");
        return Ok(());
    }
    println!(
        "{:>6} | {:>12} {:>12} | {:>10} {:>10}",
        "step", "SFT diff CE", "DM diff CE", "SFT exact", "DM exact"
    );
    let rows = result["rows"].as_array().cloned().unwrap_or_default();
    let steps: std::collections::BTreeSet<u64> =
        rows.iter().filter_map(|r| r["step"].as_u64()).collect();
    for s in steps {
        let find = |m: &str| rows.iter().find(|r| r["method"] == m && r["step"] == s);
        let f = |r: Option<&serde_json::Value>, k: &str| {
            r.and_then(|r| r[k].as_f64()).unwrap_or(f64::NAN)
        };
        let (a, b) = (find("sft"), find("dm-sft"));
        println!(
            "{s:>6} | {:>12.4} {:>12.4} | {:>9.1}% {:>9.1}%",
            f(a, "valid_diff_ce"),
            f(b, "valid_diff_ce"),
            100.0 * f(a, "exact_fix_rate"),
            100.0 * f(b, "exact_fix_rate")
        );
    }
    Ok(())
}
