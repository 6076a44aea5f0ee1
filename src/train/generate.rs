//! Decoding with a KV cache: greedy, or sampled with temperature and
//! nucleus (top-p). `generate_fixes` is the entry point the eval harness
//! uses for `--model local:DIR`.

use super::folder;
use super::model::{KvCache, Model};
use super::tokenizer::SqlTokenizer;
use super::TrainError;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::Path;
use tch::{Device, Kind, Tensor};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decoding {
    Greedy,
    /// Temperature > 0 and top-p in (0, 1].
    Sample {
        temperature: f64,
        top_p: f64,
    },
}

#[derive(Debug, Clone)]
pub struct GenerateOptions {
    pub decoding: Decoding,
    /// Most tokens generated per prompt (generation also stops at EOS and
    /// at the model's max_position_embeddings).
    pub max_new_tokens: usize,
    /// Sampling seed; prompt i samples from its own stream, so results do
    /// not depend on the order or number of prompts.
    pub seed: u64,
    pub device: Device,
}

impl Default for GenerateOptions {
    /// Greedy, 512 new tokens, seed 0, CUDA when available.
    fn default() -> Self {
        GenerateOptions {
            decoding: Decoding::Greedy,
            max_new_tokens: 512,
            seed: 0,
            device: Device::cuda_if_available(),
        }
    }
}

impl GenerateOptions {
    pub fn check(&self) -> Result<(), TrainError> {
        if let Decoding::Sample { temperature, top_p } = self.decoding {
            if !(temperature > 0.0 && temperature.is_finite()) {
                return Err(TrainError::input("--temperature must be above 0"));
            }
            if !(top_p > 0.0 && top_p <= 1.0) {
                return Err(TrainError::input("--top-p must be in (0, 1]"));
            }
        }
        if self.max_new_tokens == 0 {
            return Err(TrainError::input("--max-new-tokens must be at least 1"));
        }
        Ok(())
    }
}

/// A loaded model folder ready to generate.
pub struct Generator {
    pub model: Model,
    pub tokenizer: SqlTokenizer,
}

impl Generator {
    /// Loads `dir` (f32 on the CPU, bf16 on CUDA).
    pub fn load(dir: &Path, device: Device) -> Result<Self, TrainError> {
        let kind = if device.is_cuda() {
            Kind::BFloat16
        } else {
            Kind::Float
        };
        let folder::ModelFolder { model, tokenizer } = folder::load(dir, device, kind)?;
        Ok(Generator { model, tokenizer })
    }

    /// The completion of `prompt` (prompt excluded, special tokens dropped).
    pub fn generate(
        &self,
        prompt: &str,
        opts: &GenerateOptions,
        stream: u64,
    ) -> Result<String, TrainError> {
        let ids = self.tokenizer.encode_prompt(prompt)?;
        let out = self.generate_ids(&ids, opts, stream);
        self.tokenizer.decode(&out)
    }

    /// New token ids after `prompt` (EOS not included).
    pub fn generate_ids(&self, prompt: &[i64], opts: &GenerateOptions, stream: u64) -> Vec<i64> {
        generate_ids(&self.model, &self.tokenizer, prompt, opts, stream)
    }
}

/// New token ids after `prompt` (EOS not included), decoding with a KV
/// cache: one prefill pass, then one position per step.
pub fn generate_ids(
    model: &Model,
    tokenizer: &SqlTokenizer,
    prompt: &[i64],
    opts: &GenerateOptions,
    stream: u64,
) -> Vec<i64> {
    let max_pos = model.config.max_position_embeddings as usize;
    let room = max_pos.saturating_sub(prompt.len());
    let limit = opts.max_new_tokens.min(room);
    if prompt.is_empty() || limit == 0 {
        if limit == 0 {
            tracing::warn!(
                "a prompt of {} tokens leaves no room under max_position_embeddings {max_pos}",
                prompt.len()
            );
        }
        return Vec::new();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    rng.set_stream(stream);
    let device = model.device;
    tch::no_grad(|| {
        let mut cache = KvCache::default();
        let input = Tensor::from_slice(prompt).view([1, -1]).to_device(device);
        let mut out = Vec::new();
        let mut hidden = model.hidden(&input, Some(&mut cache));
        loop {
            let last = hidden.select(1, -1);
            let logits = model.head(&last).to_kind(Kind::Float).squeeze_dim(0);
            let next = pick(&logits, opts.decoding, &mut rng);
            if tokenizer.stop_ids.contains(&next) {
                break;
            }
            out.push(next);
            if out.len() >= limit {
                break;
            }
            let step = Tensor::from_slice(&[next]).view([1, 1]).to_device(device);
            hidden = model.hidden(&step, Some(&mut cache));
        }
        out
    })
}

/// Picks the next token from `logits` `[vocab]`.
fn pick(logits: &Tensor, decoding: Decoding, rng: &mut ChaCha8Rng) -> i64 {
    match decoding {
        Decoding::Greedy => logits.argmax(0, false).int64_value(&[]),
        Decoding::Sample { temperature, top_p } => {
            let probs = (logits / temperature).softmax(0, Kind::Float);
            let (sorted, order) = probs.sort(0, true);
            let sorted: Vec<f32> = Vec::try_from(sorted.to_device(Device::Cpu)).unwrap_or_default();
            let order: Vec<i64> = Vec::try_from(order.to_device(Device::Cpu)).unwrap_or_default();
            // The smallest prefix whose mass reaches top_p.
            let mut mass = 0.0f64;
            let mut keep = 0;
            for p in &sorted {
                mass += *p as f64;
                keep += 1;
                if mass >= top_p {
                    break;
                }
            }
            let mut r = rng.random::<f64>() * mass;
            for (p, id) in sorted.iter().zip(&order).take(keep) {
                r -= *p as f64;
                if r <= 0.0 {
                    return *id;
                }
            }
            order[keep.saturating_sub(1)]
        }
    }
}

/// Generates a fix for each prompt (each is `paper_prompt(record)`) with the
/// model folder `model_dir`, and returns the generated SQL texts, prompt
/// excluded, in the order of `prompts`.
pub fn generate_fixes(
    model_dir: &Path,
    prompts: &[String],
    opts: &GenerateOptions,
) -> Result<Vec<String>, TrainError> {
    opts.check()?;
    let g = Generator::load(model_dir, opts.device)?;
    prompts
        .iter()
        .enumerate()
        .map(|(i, p)| g.generate(p, opts, i as u64))
        .collect()
}
