//! AdamW (Loshchilov & Hutter) on plain tensors, so its state saves as
//! safetensors; global-norm gradient clipping; the learning-rate schedule.
//!
//! The update is PyTorch's `torch.optim.AdamW` (single-tensor path):
//! p ← p·(1 − lr·wd); m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
//! p ← p − lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε). Weight decay applies to
//! matrices only (not to norms or biases).

use super::model::Params;
use super::{weights, TrainError};
use std::collections::BTreeMap;
use std::path::Path;
use tch::{Kind, Tensor};

#[derive(Debug, Clone, Copy)]
pub struct AdamWConfig {
    pub beta1: f64,
    pub beta2: f64,
    pub eps: f64,
    pub weight_decay: f64,
}

impl Default for AdamWConfig {
    fn default() -> Self {
        AdamWConfig {
            beta1: 0.9,
            beta2: 0.95,
            eps: 1e-8,
            weight_decay: 0.0,
        }
    }
}

pub struct AdamW {
    pub config: AdamWConfig,
    /// Updates done so far.
    pub step: i64,
    /// (exp_avg, exp_avg_sq) per parameter name.
    state: BTreeMap<String, (Tensor, Tensor)>,
}

impl AdamW {
    pub fn new(config: AdamWConfig) -> Self {
        AdamW {
            config,
            step: 0,
            state: BTreeMap::new(),
        }
    }

    /// One update of every parameter that has a gradient.
    pub fn step(&mut self, params: &[(String, Tensor)], lr: f64) {
        self.step += 1;
        let c = self.config;
        let bias1 = 1.0 - c.beta1.powi(self.step as i32);
        let bias2 = 1.0 - c.beta2.powi(self.step as i32);
        tch::no_grad(|| {
            for (name, p) in params {
                let g = p.grad();
                if !g.defined() {
                    continue;
                }
                let (m, v) = self.state.entry(name.clone()).or_insert_with(|| {
                    (
                        p.zeros_like().to_kind(Kind::Float),
                        p.zeros_like().to_kind(Kind::Float),
                    )
                });
                let g = g.to_kind(Kind::Float);
                let mut p = p.shallow_clone();
                if c.weight_decay > 0.0 && p.dim() >= 2 {
                    let _ = p.g_mul_scalar_(1.0 - lr * c.weight_decay);
                }
                let _ = m.lerp_(&g, 1.0 - c.beta1);
                let _ = v.g_mul_scalar_(c.beta2);
                let _ = v.addcmul_(&(&g * (1.0 - c.beta2)), &g);
                // p += m / denom · (−lr/bias1), as one addcdiv_ with the
                // step folded into the denominator.
                let mut denom = v.sqrt();
                let _ = denom.g_div_scalar_(bias2.sqrt());
                let _ = denom.g_add_scalar_(c.eps);
                let _ = denom.g_div_scalar_(-lr / bias1);
                if p.kind() == Kind::Float {
                    let _ = p.addcdiv_(m, &denom);
                } else {
                    let _ = p.g_add_(&(&*m / &denom).to_kind(p.kind()));
                }
            }
        });
    }

    /// exp_avg.NAME and exp_avg_sq.NAME tensors.
    pub fn save(&self, path: &Path) -> Result<(), TrainError> {
        let mut out = Params::new();
        for (name, (m, v)) in &self.state {
            out.insert(format!("exp_avg.{name}"), m.shallow_clone());
            out.insert(format!("exp_avg_sq.{name}"), v.shallow_clone());
        }
        weights::save(&out, path)
    }

    /// Restores the state saved by [`AdamW::save`] after `step` updates.
    pub fn load(&mut self, path: &Path, step: i64, device: tch::Device) -> Result<(), TrainError> {
        let mut t = weights::read_file(path, &|_| true, None, device)?;
        self.state.clear();
        let names: Vec<String> = t
            .keys()
            .filter_map(|k| k.strip_prefix("exp_avg.").map(String::from))
            .collect();
        for name in names {
            let m = t.remove(&format!("exp_avg.{name}"));
            let v = t.remove(&format!("exp_avg_sq.{name}"));
            match (m, v) {
                (Some(m), Some(v)) => {
                    self.state.insert(name, (m, v));
                }
                _ => {
                    return Err(TrainError::input(format!(
                        "{}: optimiser state for '{name}' is incomplete",
                        path.display()
                    )))
                }
            }
        }
        self.step = step;
        Ok(())
    }
}

/// Scales the gradients so their global L2 norm is at most `max_norm`;
/// returns the norm before clipping.
pub fn clip_grad_norm(params: &[(String, Tensor)], max_norm: f64) -> f64 {
    tch::no_grad(|| {
        let grads: Vec<Tensor> = params
            .iter()
            .map(|(_, p)| p.grad())
            .filter(Tensor::defined)
            .collect();
        if grads.is_empty() {
            return 0.0;
        }
        let sq: Vec<Tensor> = grads
            .iter()
            .map(|g| g.to_kind(Kind::Float).square().sum(Kind::Float))
            .collect();
        let norm = Tensor::stack(&sq, 0)
            .sum(Kind::Float)
            .sqrt()
            .double_value(&[]);
        if max_norm > 0.0 && norm > max_norm {
            let scale = max_norm / (norm + 1e-6);
            for mut g in grads {
                let _ = g.g_mul_scalar_(scale);
            }
        }
        norm
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    Cosine,
    Constant,
}

/// The learning rate of update `step` (0-based) of `total`: linear warmup
/// over `warmup` updates to `peak`, then cosine decay to zero (HF's
/// `get_cosine_schedule_with_warmup`) or constant.
pub fn lr_at(schedule: Schedule, peak: f64, warmup: u64, total: u64, step: u64) -> f64 {
    if step < warmup {
        return peak * (step + 1) as f64 / warmup as f64;
    }
    match schedule {
        Schedule::Constant => peak,
        Schedule::Cosine => {
            let span = total.saturating_sub(warmup).max(1) as f64;
            let progress = ((step - warmup) as f64 / span).min(1.0);
            peak * 0.5 * (1.0 + (std::f64::consts::PI * progress).cos())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tch::Device;

    #[test]
    fn matches_the_adamw_formula_on_one_scalar() {
        let p = Tensor::from_slice(&[1.0f32, -2.0])
            .view([1, 2])
            .set_requires_grad(true);
        let mut opt = AdamW::new(AdamWConfig {
            weight_decay: 0.1,
            ..Default::default()
        });
        let params = vec![("w".to_string(), p.shallow_clone())];
        for _ in 0..2 {
            let mut g = p.grad();
            if g.defined() {
                let _ = g.zero_();
            }
            (&p * &p).sum(Kind::Float).backward();
            opt.step(&params, 0.01);
        }
        // Reference, by hand in f64.
        let (b1, b2, eps, lr, wd) = (0.9f64, 0.95f64, 1e-8, 0.01, 0.1);
        let mut expect = [1.0f64, -2.0];
        let (mut m, mut v) = ([0.0f64; 2], [0.0f64; 2]);
        for t in 1..=2 {
            for i in 0..2 {
                let g = 2.0 * expect[i];
                expect[i] *= 1.0 - lr * wd;
                m[i] = b1 * m[i] + (1.0 - b1) * g;
                v[i] = b2 * v[i] + (1.0 - b2) * g * g;
                let mh = m[i] / (1.0 - b1.powi(t));
                let vh = v[i].sqrt() / (1.0 - b2.powi(t)).sqrt();
                expect[i] -= lr * mh / (vh + eps);
            }
        }
        let got: Vec<f32> = Vec::try_from(p.flatten(0, -1)).unwrap();
        for i in 0..2 {
            assert!(
                (got[i] as f64 - expect[i]).abs() < 1e-6,
                "{got:?} {expect:?}"
            );
        }
        // State round trip.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("opt.safetensors");
        opt.save(&path).unwrap();
        let mut back = AdamW::new(opt.config);
        back.load(&path, opt.step, Device::Cpu).unwrap();
        assert!(back.state["w"].0.equal(&opt.state["w"].0));
        assert!(back.state["w"].1.equal(&opt.state["w"].1));
    }

    #[test]
    fn clipping_bounds_the_global_norm() {
        let p = Tensor::zeros([3], (Kind::Float, Device::Cpu)).set_requires_grad(true);
        (&p * Tensor::from_slice(&[3.0f32, 4.0, 0.0]))
            .sum(Kind::Float)
            .backward();
        let params = vec![("p".to_string(), p.shallow_clone())];
        assert!((clip_grad_norm(&params, 1.0) - 5.0).abs() < 1e-6);
        assert!((p.grad().norm().double_value(&[]) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn warmup_then_cosine_to_zero() {
        let lr = |s| lr_at(Schedule::Cosine, 1.0, 10, 110, s);
        assert!((lr(0) - 0.1).abs() < 1e-12);
        assert!((lr(9) - 1.0).abs() < 1e-12);
        assert!((lr(60) - 0.5).abs() < 1e-12);
        assert!(lr(109) < 0.001);
        assert_eq!(lr_at(Schedule::Constant, 2.0, 0, 10, 5), 2.0);
    }
}
