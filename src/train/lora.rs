//! Linear layers with an optional LoRA adapter (Hu et al.): y = xWᵀ + b +
//! (α/r)·x Aᵀ Bᵀ, with A ~ N(0, 1/r) and B = 0, so training starts at the
//! base model. Adapter tensors use PEFT's names, so `adapter_model.safetensors`
//! loads in PEFT too.

use tch::{Kind, Tensor};

pub struct Lora {
    pub a: Tensor,
    pub b: Tensor,
    pub scale: f64,
}

pub struct Linear {
    pub weight: Tensor,
    pub bias: Option<Tensor>,
    pub lora: Option<Lora>,
}

impl Linear {
    pub fn forward(&self, x: &Tensor) -> Tensor {
        let y = x.linear(&self.weight, self.bias.as_ref());
        match &self.lora {
            None => y,
            Some(l) => {
                let delta = x
                    .to_kind(l.a.kind())
                    .linear::<Tensor>(&l.a, None)
                    .linear::<Tensor>(&l.b, None);
                let kind = y.kind();
                y + (delta * l.scale).to_kind(kind)
            }
        }
    }
}

/// The PEFT names of the adapter of `module` (e.g.
/// `model.layers.0.self_attn.q_proj`).
pub fn adapter_names(module: &str) -> (String, String) {
    (
        format!("base_model.model.{module}.lora_A.weight"),
        format!("base_model.model.{module}.lora_B.weight"),
    )
}

/// A fresh adapter for a `[out, in]` weight.
pub fn init_adapter(weight: &Tensor, rank: i64, alpha: f64) -> Lora {
    let size = weight.size();
    let (out, inp) = (size[0], size[1]);
    let opts = (Kind::Float, weight.device());
    let a = (Tensor::randn([rank, inp], opts) / (rank as f64).sqrt()).set_requires_grad(true);
    let b = Tensor::zeros([out, rank], opts).set_requires_grad(true);
    Lora {
        a,
        b,
        scale: alpha / rank as f64,
    }
}

/// W + (α/r)·B·A, in W's dtype.
pub fn merged(weight: &Tensor, l: &Lora) -> Tensor {
    tch::no_grad(|| {
        (weight.to_kind(Kind::Float) + l.b.matmul(&l.a) * l.scale).to_kind(weight.kind())
    })
}
