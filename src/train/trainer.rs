//! The training loop: DM-SFT, plain SFT (p = 0) and continued pre-training,
//! with AdamW, warmup + cosine, gradient accumulation, optional LoRA,
//! periodic validation, metrics JSONL, a progress bar, and checkpoints that
//! `--resume` continues exactly (all randomness after initialisation is a
//! function of the seed and the step: batch order of (seed, epoch), masks
//! of (seed, step)).

use super::checkpoint::{self, Checkpoint};
use super::data::{self, Batch, Sample};
use super::folder;
use super::masks::draw_line_mask;
use super::model::Model;
use super::optim::{lr_at, AdamW, AdamWConfig, Schedule};
use super::step::{train_step, validate, StepStats, ValidLoss};
use super::tokenizer::SqlTokenizer;
use super::TrainError;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tch::{Device, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    DmSft,
    Sft,
    /// Continued pre-training: plain next-token loss on a SQL corpus.
    Pretrain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Length {
    Epochs(u64),
    Steps(u64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoraOptions {
    pub rank: i64,
    pub alpha: f64,
    pub targets: Vec<String>,
}

/// Everything that shapes the result; a checkpoint resumes only under the
/// same options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainOptions {
    pub method: Method,
    pub mask_ratio: f64,
    pub length: Length,
    pub batch: usize,
    pub grad_accum: usize,
    pub lr: f64,
    pub warmup: u64,
    pub schedule: Schedule,
    pub weight_decay: f64,
    pub max_grad_norm: f64,
    pub seed: u64,
    pub lora: Option<LoraOptions>,
    /// Samples longer than this are left out [default: the model's
    /// max_position_embeddings].
    pub max_len: Option<usize>,
    /// Sequence length of continued pre-training chunks.
    pub seq_len: usize,
}

/// Where things are and how to run; not part of the result.
#[derive(Debug, Clone)]
pub struct RunSetup {
    pub data: Vec<PathBuf>,
    pub valid: Option<PathBuf>,
    pub model: PathBuf,
    pub out: PathBuf,
    pub resume: bool,
    pub device: Device,
    pub progress: bool,
    /// Checkpoint every N updates (0: only at the end).
    pub save_every: u64,
    /// Validate every N updates (0: only at the end).
    pub eval_every: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrainSummary {
    pub out: PathBuf,
    pub device: String,
    pub samples: usize,
    pub skipped_too_long: usize,
    pub steps: u64,
    pub resumed_from: Option<u64>,
    pub last: Option<StepStats>,
    pub valid: Option<ValidLoss>,
    pub tokens_per_s: f64,
    pub seconds: f64,
}

impl TrainOptions {
    pub fn check(&self) -> Result<(), TrainError> {
        let bad = |m: &str| Err(TrainError::input(m));
        if !(0.0..=1.0).contains(&self.mask_ratio) {
            return bad("--mask-ratio must be between 0 and 1");
        }
        if self.method != Method::DmSft && self.mask_ratio != 0.0 {
            return bad("--mask-ratio applies to --method dm-sft only (sft is p = 0)");
        }
        if self.batch == 0 || self.grad_accum == 0 {
            return bad("--batch and --grad-accum must be at least 1");
        }
        if !(self.lr > 0.0 && self.lr.is_finite()) {
            return bad("--lr must be a positive number");
        }
        if matches!(self.length, Length::Epochs(0) | Length::Steps(0)) {
            return bad("--epochs / --steps must be at least 1");
        }
        if self.seq_len < 2 {
            return bad("--seq-len must be at least 2");
        }
        Ok(())
    }
}

/// Called at each validation point with the update count, the model and
/// the tokenizer; its JSON object joins that step's validation metrics.
pub type EvalHook<'h> = &'h mut dyn FnMut(u64, &Model, &SqlTokenizer) -> serde_json::Value;

/// Loads the model and data named in `setup` and trains.
pub fn run(opts: &TrainOptions, setup: &RunSetup) -> Result<TrainSummary, TrainError> {
    run_with(opts, setup, None)
}

/// [`run`], with a hook at every validation point (benchmarks measure
/// exact-fix rates there).
pub fn run_with(
    opts: &TrainOptions,
    setup: &RunSetup,
    hook: Option<EvalHook>,
) -> Result<TrainSummary, TrainError> {
    opts.check()?;
    tch::manual_seed(opts.seed as i64);
    let cuda = setup.device.is_cuda();
    // fp32 master weights; a frozen LoRA base is kept in bf16 on CUDA.
    let kind = if cuda && opts.lora.is_some() {
        Kind::BFloat16
    } else {
        Kind::Float
    };
    let folder::ModelFolder {
        mut model,
        tokenizer,
    } = folder::load(&setup.model, setup.device, kind)?;
    let max_len = opts
        .max_len
        .unwrap_or(model.config.max_position_embeddings as usize);
    let (samples, skipped) = load_samples(opts, &tokenizer, &setup.data, max_len)?;
    if samples.is_empty() {
        return Err(TrainError::input(format!(
            "no training samples: all {skipped} are longer than {max_len} tokens (--max-len)"
        )));
    }
    if skipped > 0 {
        tracing::warn!("{skipped} samples longer than {max_len} tokens were left out");
    }
    let valid = match &setup.valid {
        None => Vec::new(),
        Some(p) => load_samples(opts, &tokenizer, std::slice::from_ref(p), max_len)?.0,
    };
    match &opts.lora {
        Some(l) => model.add_lora(l.rank, l.alpha, &l.targets)?,
        None => model.set_trainable(true),
    }
    let mut trainer = Trainer::new(opts, setup, model, tokenizer, samples, valid, hook)?;
    let mut summary = trainer.train()?;
    summary.skipped_too_long = skipped;
    Ok(summary)
}

fn load_samples(
    opts: &TrainOptions,
    tok: &SqlTokenizer,
    paths: &[PathBuf],
    max_len: usize,
) -> Result<(Vec<Sample>, usize), TrainError> {
    if opts.method == Method::Pretrain {
        let docs = super::corpus::documents(paths)?;
        return Ok((pretrain_samples(tok, &docs, opts.seq_len.min(max_len))?, 0));
    }
    let mut records = Vec::new();
    for p in paths {
        records
            .extend(crate::dataset::read_records(p).map_err(|e| TrainError::input(e.to_string()))?);
    }
    if records.is_empty() {
        return Err(TrainError::input(format!(
            "{}: no records",
            paths
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        )));
    }
    data::record_samples(tok, &records, max_len)
}

/// Documents, each followed by EOS, concatenated and cut into chunks of
/// `seq_len + 1` tokens.
pub fn pretrain_samples(
    tok: &SqlTokenizer,
    docs: &[String],
    seq_len: usize,
) -> Result<Vec<Sample>, TrainError> {
    let mut stream = Vec::new();
    for d in docs {
        stream.extend(tok.encode(d, false)?.ids);
        stream.push(tok.eos_id);
    }
    Ok(stream
        .chunks(seq_len + 1)
        .filter(|c| c.len() >= 2)
        .enumerate()
        .map(|(i, c)| data::plain_sample(format!("chunk{i}"), c.to_vec()))
        .collect())
}

struct Trainer<'a, 'h> {
    opts: &'a TrainOptions,
    tokenizer: SqlTokenizer,
    hook: Option<EvalHook<'h>>,
    setup: &'a RunSetup,
    model: Model,
    samples: Vec<Sample>,
    valid: Vec<Batch>,
    lengths: Vec<usize>,
    batches_per_epoch: u64,
    total_steps: u64,
    pad: i64,
    autocast: bool,
    /// The batches of the epoch in use.
    epoch_cache: Option<(u64, Vec<Vec<usize>>)>,
    tokenizer_dir: PathBuf,
}

impl<'a, 'h> Trainer<'a, 'h> {
    fn new(
        opts: &'a TrainOptions,
        setup: &'a RunSetup,
        model: Model,
        tokenizer: SqlTokenizer,
        samples: Vec<Sample>,
        valid: Vec<Sample>,
        hook: Option<EvalHook<'h>>,
    ) -> Result<Self, TrainError> {
        let pad = model.config.pad_token_id.unwrap_or(tokenizer.eos_id);
        let lengths: Vec<usize> = samples.iter().map(Sample::len).collect();
        let batches_per_epoch =
            data::epoch_batches(&lengths, opts.batch, opts.seed, 0).len() as u64;
        let total_steps = match opts.length {
            Length::Steps(n) => n,
            Length::Epochs(e) => (e * batches_per_epoch).div_ceil(opts.grad_accum as u64),
        };
        let mut v: Vec<&Sample> = valid.iter().collect();
        v.sort_by_key(|s| s.len());
        let valid = v
            .chunks(opts.batch)
            .map(|c| {
                let keeps: Vec<Vec<bool>> = c.iter().map(|s| vec![true; s.lines.len()]).collect();
                data::make_batch(c, &keeps, pad, setup.device)
            })
            .collect();
        Ok(Trainer {
            tokenizer,
            hook,
            autocast: setup.device.is_cuda(),
            opts,
            setup,
            model,
            samples,
            valid,
            lengths,
            batches_per_epoch,
            total_steps,
            pad,
            epoch_cache: None,
            tokenizer_dir: setup.model.clone(),
        })
    }

    fn micro_batch(&mut self, m: u64) -> Vec<usize> {
        let epoch = m / self.batches_per_epoch;
        if self.epoch_cache.as_ref().map(|(e, _)| *e) != Some(epoch) {
            let b = data::epoch_batches(&self.lengths, self.opts.batch, self.opts.seed, epoch);
            self.epoch_cache = Some((epoch, b));
        }
        let (_, batches) = self.epoch_cache.as_ref().expect("set above");
        batches[(m % self.batches_per_epoch) as usize].clone()
    }

    /// The K micro-batches of update `step`, with this step's line masks.
    fn step_batches(&mut self, step: u64) -> Vec<Batch> {
        let mut rng = ChaCha8Rng::seed_from_u64(self.opts.seed ^ 0x6d61_736b);
        rng.set_stream(step);
        let k = self.opts.grad_accum as u64;
        let p = if self.opts.method == Method::DmSft {
            self.opts.mask_ratio
        } else {
            0.0
        };
        (step * k..step * k + k)
            .map(|m| {
                let idx = self.micro_batch(m);
                let samples: Vec<&Sample> = idx.iter().map(|&i| &self.samples[i]).collect();
                let keeps: Vec<Vec<bool>> = samples
                    .iter()
                    .map(|s| draw_line_mask(&s.lines, p, &mut rng))
                    .collect();
                data::make_batch(&samples, &keeps, self.pad, self.setup.device)
            })
            .collect()
    }

    fn train(&mut self) -> Result<TrainSummary, TrainError> {
        let out = self.setup.out.clone();
        super::error::create_dir(&out)?;
        let fingerprint = checkpoint::fingerprint(self.opts, &self.setup.data)?;
        let trainable = self.model.trainable();
        let mut opt = AdamW::new(AdamWConfig {
            weight_decay: self.opts.weight_decay,
            ..Default::default()
        });
        let mut start = 0u64;
        let mut resumed_from = None;
        match checkpoint::find(&out) {
            Some(dir) if self.setup.resume => {
                let ck = Checkpoint::load(
                    &dir,
                    &fingerprint,
                    self.opts,
                    &trainable,
                    &mut opt,
                    self.setup.device,
                )?;
                start = ck.step;
                resumed_from = Some(ck.step);
            }
            Some(dir) => {
                return Err(TrainError::input(format!(
                "{} holds a checkpoint ({}): pass --resume to continue it, or choose another --out",
                out.display(),
                dir.display()
            )))
            }
            None => {}
        }
        let metrics_path = out.join("metrics.jsonl");
        checkpoint::truncate_metrics(&metrics_path, start)?;
        let mut metrics = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&metrics_path)
            .map_err(|e| {
                TrainError::env(format!("cannot write {}: {e}", metrics_path.display()))
            })?;
        let bar = progress_bar(self.setup.progress, self.total_steps, start);
        let began = Instant::now();
        let mut tokens_total = 0usize;
        let mut last = None;
        let mut valid = None;
        for step in start..self.total_steps {
            let t0 = Instant::now();
            let micro = self.step_batches(step);
            let lr = lr_at(
                self.opts.schedule,
                self.opts.lr,
                self.opts.warmup,
                self.total_steps,
                step,
            );
            let stats = train_step(
                &self.model,
                &trainable,
                &micro,
                &mut opt,
                lr,
                self.opts.max_grad_norm,
                self.autocast,
            );
            if !stats.loss.is_finite() {
                return Err(TrainError::input(format!(
                    "step {}: the loss is {} (lower --lr?)",
                    step + 1,
                    stats.loss
                )));
            }
            let secs = t0.elapsed().as_secs_f64().max(1e-9);
            tokens_total += stats.tokens;
            let done = step + 1;
            let epoch = (done * self.opts.grad_accum as u64) as f64 / self.batches_per_epoch as f64;
            write_line(
                &mut metrics,
                &metrics_path,
                serde_json::json!({
                    "step": done, "epoch": epoch, "loss": stats.loss, "l1": stats.l1,
                    "l2": stats.l2, "lr": lr, "grad_norm": stats.grad_norm,
                    "tokens": stats.tokens, "tokens_per_s": stats.tokens as f64 / secs,
                }),
            )?;
            last = Some(stats);
            let is_last = done == self.total_steps;
            let eval_point =
                is_last || (self.setup.eval_every > 0 && done % self.setup.eval_every == 0);
            if eval_point && (!self.valid.is_empty() || self.hook.is_some()) {
                let mut line = serde_json::json!({ "step": done });
                if !self.valid.is_empty() {
                    let v = validate(&self.model, &self.valid, self.autocast);
                    line = serde_json::json!({
                        "step": done, "valid_loss": v.loss, "valid_l1": v.l1, "valid_l2": v.l2,
                        "valid_diff_ce": v.diff_ce, "valid_consistent_ce": v.consistent_ce,
                    });
                    bar.println(format!(
                        "step {done}: valid loss {:.4} (L1 {:.4} + L2 {:.4})",
                        v.loss, v.l1, v.l2
                    ));
                    valid = Some(v);
                }
                if let Some(hook) = self.hook.as_mut() {
                    if let serde_json::Value::Object(extra) =
                        hook(done, &self.model, &self.tokenizer)
                    {
                        line.as_object_mut().expect("object").extend(extra);
                    }
                }
                write_line(&mut metrics, &metrics_path, line)?;
            }
            if is_last || (self.setup.save_every > 0 && done % self.setup.save_every == 0) {
                Checkpoint::save(&out, done, &fingerprint, &trainable, &opt, self.opts)?;
            }
            bar.set_position(done);
            bar.set_message(format!(
                "loss {:.4} (L1 {:.4} L2 {:.4})",
                stats.loss, stats.l1, stats.l2
            ));
        }
        bar.finish_and_clear();
        if valid.is_none() && !self.valid.is_empty() {
            valid = Some(validate(&self.model, &self.valid, self.autocast));
        }
        self.save_model(&out)?;
        let seconds = began.elapsed().as_secs_f64();
        Ok(TrainSummary {
            out,
            device: super::device::device_name(self.setup.device),
            samples: self.samples.len(),
            skipped_too_long: 0,
            steps: self.total_steps,
            resumed_from,
            last,
            valid,
            tokens_per_s: tokens_total as f64 / seconds.max(1e-9),
            seconds,
        })
    }

    /// The trained model as a folder that loads without LoRA (adapters
    /// merged), plus the adapters alone in PEFT layout.
    fn save_model(&self, out: &Path) -> Result<(), TrainError> {
        let mut config = self.model.config.clone();
        config.torch_dtype = Some("float32".into());
        let params: super::model::Params = self
            .model
            .merged_params()
            .into_iter()
            .map(|(n, t)| (n, t.to_kind(Kind::Float)))
            .collect();
        folder::save(out, &config, &params, &self.tokenizer_dir)?;
        if let Some(l) = &self.opts.lora {
            super::weights::save(&self.model.adapters, &out.join("adapter_model.safetensors"))?;
            let cfg = serde_json::json!({
                "peft_type": "LORA", "r": l.rank, "lora_alpha": l.alpha,
                "target_modules": l.targets, "lora_dropout": 0.0, "bias": "none",
                "task_type": "CAUSAL_LM",
            });
            super::error::write_file(
                &out.join("adapter_config.json"),
                serde_json::to_string_pretty(&cfg).expect("json") + "\n",
            )?;
        }
        let args = serde_json::to_string_pretty(self.opts).expect("options serialise");
        super::error::write_file(&out.join("train_args.json"), args + "\n")
    }
}

fn write_line(f: &mut std::fs::File, path: &Path, v: serde_json::Value) -> Result<(), TrainError> {
    writeln!(f, "{v}")
        .and_then(|_| f.flush())
        .map_err(|e| TrainError::env(format!("cannot write {}: {e}", path.display())))
}

fn progress_bar(show: bool, total: u64, start: u64) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} [{bar:30}] {pos}/{len} steps {elapsed_precise} eta {eta} {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_position(start);
    bar
}
