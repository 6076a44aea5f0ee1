//! Records to token samples, and samples to padded, length-bucketed
//! batches with DM-SFT loss weights.
//!
//! A sample is `prompt ++ target ++ [eos]`: the prompt is
//! `paper_prompt(record)` encoded with the tokenizer's own special tokens,
//! the target is `correct_sql` encoded without them. Target tokens map to
//! the target's lines (masks.rs); the prompt never counts; the final EOS
//! always counts (in L1), so the model learns to stop.

use super::masks::{self, LineClass, TargetLine};
use super::tokenizer::SqlTokenizer;
use super::TrainError;
use crate::dataset::prompt::paper_prompt;
use crate::dataset::Record;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use tch::{Device, Kind, Tensor};

#[derive(Debug, Clone)]
pub struct Sample {
    pub id: String,
    /// Prompt, target and EOS token ids.
    pub ids: Vec<i64>,
    pub prompt_len: usize,
    /// The target line of each target token (EOS excluded).
    pub token_line: Vec<u32>,
    pub lines: Vec<TargetLine>,
}

impl Sample {
    pub fn len(&self) -> usize {
        self.ids.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
    /// Number of target tokens (EOS included).
    pub fn target_tokens(&self) -> usize {
        self.ids.len() - self.prompt_len
    }

    /// Loss weights for the positions that predict `ids[1..]`: (L1 weight,
    /// L2 weight). `keep[l]` is the step's decision for target line `l`.
    pub fn weights(&self, keep: &[bool]) -> (Vec<f32>, Vec<f32>) {
        let n = self.ids.len().saturating_sub(1);
        let (mut w1, mut w2) = (vec![0f32; n], vec![0f32; n]);
        for t in 0..n {
            let j = t + 1;
            if j < self.prompt_len {
                continue;
            }
            match self.token_line.get(j - self.prompt_len) {
                None => w1[t] = 1.0, // EOS
                Some(&line) => {
                    let line = line as usize;
                    match self.lines[line].class {
                        LineClass::Diff => w2[t] = 1.0,
                        LineClass::Consistent if keep[line] => w1[t] = 1.0,
                        LineClass::Consistent => {}
                    }
                }
            }
        }
        (w1, w2)
    }
}

/// The DM-SFT sample of one record.
pub fn record_sample(tok: &SqlTokenizer, r: &Record) -> Result<Sample, TrainError> {
    let prompt = tok.encode_prompt(&paper_prompt(r))?;
    let target = tok.encode(&r.correct_sql, false)?;
    let lines = masks::classify_lines(&r.correct_sql, &r.bug_sql);
    let token_line = masks::token_lines(&lines, &target.offsets, &r.correct_sql)
        .into_iter()
        .map(|l| l as u32)
        .collect();
    let prompt_len = prompt.len();
    let mut ids = prompt;
    ids.extend(&target.ids);
    ids.push(tok.eos_id);
    Ok(Sample {
        id: r.id.clone(),
        ids,
        prompt_len,
        token_line,
        lines,
    })
}

/// A plain language-modelling sample (continued pre-training): every token
/// after the first counts, in L1.
pub fn plain_sample(id: String, ids: Vec<i64>) -> Sample {
    let n = ids.len();
    Sample {
        id,
        token_line: vec![0; n.saturating_sub(1)],
        lines: vec![TargetLine {
            line: 1,
            text: String::new(),
            class: LineClass::Consistent,
            kind: None,
            span: (0, 0),
        }],
        ids,
        prompt_len: 0,
    }
}

/// Samples of the records; those longer than `max_len` tokens are left out
/// and counted.
pub fn record_samples(
    tok: &SqlTokenizer,
    records: &[Record],
    max_len: usize,
) -> Result<(Vec<Sample>, usize), TrainError> {
    let mut out = Vec::with_capacity(records.len());
    let mut too_long = 0;
    for r in records {
        let s = record_sample(tok, r)?;
        if s.len() > max_len {
            too_long += 1;
        } else {
            out.push(s);
        }
    }
    Ok((out, too_long))
}

/// One epoch's batches (sample indices): shuffled, then grouped in windows
/// of 16 batches sorted by length so a batch holds similar lengths (little
/// padding), then the batch order shuffled. A pure function of (seed,
/// epoch), so a resumed run sees the same batches.
pub fn epoch_batches(lengths: &[usize], batch: usize, seed: u64, epoch: u64) -> Vec<Vec<usize>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed_ba7c);
    rng.set_stream(epoch);
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.shuffle(&mut rng);
    let mut batches = Vec::new();
    for window in order.chunks(batch * 16) {
        let mut w = window.to_vec();
        w.sort_by_key(|&i| (lengths[i], i));
        batches.extend(w.chunks(batch).map(<[usize]>::to_vec));
    }
    batches.shuffle(&mut rng);
    batches
}

/// A padded batch on a device: inputs, next-token labels and the L1/L2
/// weights of each position (zero on padding and prompt).
pub struct Batch {
    pub input: Tensor,
    pub labels: Tensor,
    pub w1: Tensor,
    pub w2: Tensor,
    /// Real (non-padding) input tokens.
    pub tokens: usize,
    /// Positions with a non-zero weight (counted tokens).
    pub counted: usize,
}

pub fn make_batch(samples: &[&Sample], keeps: &[Vec<bool>], pad: i64, device: Device) -> Batch {
    let t = samples
        .iter()
        .map(|s| s.len() - 1)
        .max()
        .unwrap_or(1)
        .max(1);
    let b = samples.len();
    let mut input = vec![pad; b * t];
    let mut labels = vec![0i64; b * t];
    let mut w1 = vec![0f32; b * t];
    let mut w2 = vec![0f32; b * t];
    let mut tokens = 0;
    let mut counted = 0;
    for (row, (s, keep)) in samples.iter().zip(keeps).enumerate() {
        let n = s.len() - 1;
        let at = row * t;
        input[at..at + n].copy_from_slice(&s.ids[..n]);
        labels[at..at + n].copy_from_slice(&s.ids[1..]);
        let (a, c) = s.weights(keep);
        counted += a.iter().zip(&c).filter(|(x, y)| **x + **y > 0.0).count();
        w1[at..at + n].copy_from_slice(&a);
        w2[at..at + n].copy_from_slice(&c);
        tokens += n;
    }
    let shape = [b as i64, t as i64];
    Batch {
        input: Tensor::from_slice(&input).view(shape).to_device(device),
        labels: Tensor::from_slice(&labels).view(shape).to_device(device),
        w1: Tensor::from_slice(&w1)
            .view(shape)
            .to_kind(Kind::Float)
            .to_device(device),
        w2: Tensor::from_slice(&w2)
            .view(shape)
            .to_kind(Kind::Float)
            .to_device(device),
        tokens,
        counted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sample {
        // prompt of 3 tokens, target lines: 0 consistent (2 tokens), 1 diff (1 token), EOS.
        let text = "SELECT a\nWHERE b\n";
        let lines = masks::classify_lines(text, "SELECT a\nWHERE c\n");
        Sample {
            id: "x".into(),
            ids: vec![10, 11, 12, 20, 21, 30, 0],
            prompt_len: 3,
            token_line: vec![0, 0, 1],
            lines,
        }
    }

    #[test]
    fn weights_skip_the_prompt_and_follow_the_line_mask() {
        let s = sample();
        // Positions predict ids[1..] = 11 12 | 20 21 30 0
        let (w1, w2) = s.weights(&[true, true]);
        assert_eq!(w1, vec![0., 0., 1., 1., 0., 1.]);
        assert_eq!(w2, vec![0., 0., 0., 0., 1., 0.]);
        let (w1, w2) = s.weights(&[false, true]);
        assert_eq!(w1, vec![0., 0., 0., 0., 0., 1.]);
        assert_eq!(w2, vec![0., 0., 0., 0., 1., 0.]);
    }

    #[test]
    fn batches_cover_every_sample_once_and_depend_on_seed_and_epoch() {
        let lengths: Vec<usize> = (0..100).map(|i| (i * 37) % 91).collect();
        let a = epoch_batches(&lengths, 4, 1, 0);
        let mut all: Vec<usize> = a.iter().flatten().copied().collect();
        all.sort();
        assert_eq!(all, (0..100).collect::<Vec<_>>());
        assert_eq!(a, epoch_batches(&lengths, 4, 1, 0));
        assert_ne!(a, epoch_batches(&lengths, 4, 1, 1));
        assert_ne!(a, epoch_batches(&lengths, 4, 2, 0));
        // Bucketing: the mean spread inside a batch is far below random.
        let spread: usize = a
            .iter()
            .map(|b| {
                let l: Vec<usize> = b.iter().map(|&i| lengths[i]).collect();
                l.iter().max().unwrap() - l.iter().min().unwrap()
            })
            .sum();
        assert!(spread / a.len() < 20, "{}", spread / a.len());
    }

    #[test]
    fn batch_pads_to_the_longest() {
        let s = sample();
        let mut short = sample();
        short.ids.truncate(5);
        short.token_line.truncate(1);
        let b = make_batch(
            &[&s, &short],
            &[vec![true, true], vec![true, true]],
            0,
            Device::Cpu,
        );
        assert_eq!(b.input.size(), vec![2, 6]);
        assert_eq!(b.tokens, 6 + 4);
        assert_eq!(b.counted, 4 + 2);
        assert_eq!(f32::try_from(b.w1.sum(Kind::Float)).unwrap(), 3.0 + 2.0);
    }
}
