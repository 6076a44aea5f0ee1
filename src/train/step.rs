//! One optimiser update over K micro-batches, and validation loss. The
//! loss of an update is Σ CE over counted tokens / N, where N is the number
//! of counted tokens in all K micro-batches together: L1 sums the kept
//! consistent-line tokens (and EOS), L2 the diff-line tokens, so
//! L = L1 + L2 and gradient accumulation does not change the loss scale.
//! The head runs only on counted positions.

use super::data::Batch;
use super::model::Model;
use super::optim::{clip_grad_norm, AdamW};
use tch::{Kind, Reduction, Tensor};

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct StepStats {
    pub loss: f64,
    pub l1: f64,
    pub l2: f64,
    pub grad_norm: f64,
    /// Real input tokens processed.
    pub tokens: usize,
}

/// Summed CE of the counted positions of one batch: the weighted sum the
/// gradient flows through, and (L1 sum, L2 sum, L1 count, L2 count) as
/// plain numbers.
fn batch_sums(model: &Model, b: &Batch) -> (Tensor, [f64; 4]) {
    let hidden = model.hidden(&b.input, None);
    let h = hidden.size()[2];
    let (mut w1, mut w2) = (b.w1.view([-1]), b.w2.view([-1]));
    let mut hs = hidden.view([-1, h]);
    let mut labels = b.labels.view([-1]);
    if b.counted < w1.size()[0] as usize {
        // Only counted positions reach the head (most of a DM-SFT sample
        // is prompt).
        let idx = (&w1 + &w2).gt(0.0).nonzero().squeeze_dim(1);
        hs = hs.index_select(0, &idx);
        labels = labels.index_select(0, &idx);
        w1 = w1.index_select(0, &idx);
        w2 = w2.index_select(0, &idx);
    }
    let logits = model.head(&hs).to_kind(Kind::Float);
    let ce = logits.cross_entropy_loss::<Tensor>(&labels, None, Reduction::None, -100, 0.0);
    let total = (&ce * (&w1 + &w2)).sum(Kind::Float);
    let parts = tch::no_grad(|| {
        let ce = ce.detach();
        [
            (&ce * &w1).sum(Kind::Float).double_value(&[]),
            (&ce * &w2).sum(Kind::Float).double_value(&[]),
            w1.sum(Kind::Float).double_value(&[]),
            w2.sum(Kind::Float).double_value(&[]),
        ]
    });
    (total, parts)
}

/// Forward, backward over `micro`, clip, AdamW at `lr`, zero the grads.
pub fn train_step(
    model: &Model,
    trainable: &[(String, Tensor)],
    micro: &[Batch],
    opt: &mut AdamW,
    lr: f64,
    max_grad_norm: f64,
    autocast: bool,
) -> StepStats {
    let counted: usize = micro.iter().map(|b| b.counted).sum::<usize>().max(1);
    let norm = counted as f64;
    let (mut l1, mut l2) = (0.0, 0.0);
    for b in micro {
        if b.counted == 0 {
            continue;
        }
        let (total, [s1, s2, _, _]) = tch::autocast(autocast, || batch_sums(model, b));
        (total / norm).backward();
        l1 += s1 / norm;
        l2 += s2 / norm;
    }
    let grad_norm = clip_grad_norm(trainable, max_grad_norm);
    opt.step(trainable, lr);
    for (_, p) in trainable {
        let mut p = p.shallow_clone();
        p.zero_grad();
    }
    StepStats {
        loss: l1 + l2,
        l1,
        l2,
        grad_norm,
        tokens: micro.iter().map(|b| b.tokens).sum(),
    }
}

/// Validation loss with every line counted (p = 0). `l1 + l2 = loss`
/// (normalised as in training); `diff_ce` and `consistent_ce` are the mean
/// CE of the diff-line and of the other target tokens.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct ValidLoss {
    pub loss: f64,
    pub l1: f64,
    pub l2: f64,
    pub diff_ce: f64,
    pub consistent_ce: f64,
}

pub fn validate(model: &Model, batches: &[Batch], autocast: bool) -> ValidLoss {
    let (mut s1, mut s2, mut n1, mut n2) = (0.0, 0.0, 0.0, 0.0);
    tch::no_grad(|| {
        for b in batches {
            if b.counted == 0 {
                continue;
            }
            let (_, [a, c, x, y]) = tch::autocast(autocast, || batch_sums(model, b));
            s1 += a;
            s2 += c;
            n1 += x;
            n2 += y;
        }
    });
    let n = (n1 + n2).max(1.0);
    ValidLoss {
        loss: (s1 + s2) / n,
        l1: s1 / n,
        l2: s2 / n,
        diff_ce: if n2 > 0.0 { s2 / n2 } else { 0.0 },
        consistent_ce: if n1 > 0.0 { s1 / n1 } else { 0.0 },
    }
}
