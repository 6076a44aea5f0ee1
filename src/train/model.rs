//! The decoder: Llama/Qwen2 family. RMSNorm, rotary position embeddings
//! (HF's rotate-half layout), grouped-query attention with optional q/k/v
//! bias, a SwiGLU MLP, tied or untied embeddings, and a KV cache for
//! generation. Parameters carry their HF names.

use super::config::ModelConfig;
use super::lora::{self, Linear};
use super::TrainError;
use std::collections::BTreeMap;
use tch::{Device, Kind, Tensor};

/// Named parameters in HF layout (`model.layers.0.self_attn.q_proj.weight`).
pub type Params = BTreeMap<String, Tensor>;

struct Layer {
    q: Linear,
    k: Linear,
    v: Linear,
    o: Linear,
    gate: Linear,
    up: Linear,
    down: Linear,
    ln1: Tensor,
    ln2: Tensor,
}

/// Keys and values of the positions seen so far, per layer
/// (`[batch, kv_heads, seq, head_dim]`).
#[derive(Default)]
pub struct KvCache {
    layers: Vec<Option<(Tensor, Tensor)>>,
    len: i64,
}

impl KvCache {
    pub fn len(&self) -> i64 {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

pub struct Model {
    pub config: ModelConfig,
    pub device: Device,
    /// The base weights, HF names.
    pub params: Params,
    /// LoRA adapters (PEFT names), empty without LoRA.
    pub adapters: Params,
    embed: Tensor,
    layers: Vec<Layer>,
    norm: Tensor,
    lm_head: Tensor,
    /// RoPE inverse frequencies, `[head_dim / 2]`, f32.
    inv_freq: Tensor,
}

/// Every tensor the config calls for, with its shape.
pub fn expected_shapes(c: &ModelConfig) -> Vec<(String, Vec<i64>)> {
    let (h, i, d) = (c.hidden_size, c.intermediate_size, c.head_dim());
    let (nq, nkv) = (c.num_attention_heads * d, c.kv_heads() * d);
    let mut out = vec![(
        "model.embed_tokens.weight".to_string(),
        vec![c.vocab_size, h],
    )];
    for l in 0..c.num_hidden_layers {
        let p = format!("model.layers.{l}");
        let mut add = |name: &str, shape: Vec<i64>| out.push((format!("{p}.{name}"), shape));
        add("input_layernorm.weight", vec![h]);
        add("post_attention_layernorm.weight", vec![h]);
        add("self_attn.q_proj.weight", vec![nq, h]);
        add("self_attn.k_proj.weight", vec![nkv, h]);
        add("self_attn.v_proj.weight", vec![nkv, h]);
        add("self_attn.o_proj.weight", vec![h, nq]);
        if c.qkv_bias() {
            add("self_attn.q_proj.bias", vec![nq]);
            add("self_attn.k_proj.bias", vec![nkv]);
            add("self_attn.v_proj.bias", vec![nkv]);
        }
        if c.o_bias() {
            add("self_attn.o_proj.bias", vec![h]);
        }
        add("mlp.gate_proj.weight", vec![i, h]);
        add("mlp.up_proj.weight", vec![i, h]);
        add("mlp.down_proj.weight", vec![h, i]);
        if c.mlp_bias() {
            add("mlp.gate_proj.bias", vec![i]);
            add("mlp.up_proj.bias", vec![i]);
            add("mlp.down_proj.bias", vec![h]);
        }
    }
    out.push(("model.norm.weight".into(), vec![h]));
    if !c.tie_word_embeddings {
        out.push(("lm_head.weight".into(), vec![c.vocab_size, h]));
    }
    out
}

/// The module names LoRA may target (`q_proj`, ... `down_proj`).
pub const LORA_MODULES: [&str; 7] = [
    "q_proj",
    "k_proj",
    "v_proj",
    "o_proj",
    "gate_proj",
    "up_proj",
    "down_proj",
];

fn module_path(name: &str) -> &'static str {
    match name {
        "q_proj" | "k_proj" | "v_proj" | "o_proj" => "self_attn",
        _ => "mlp",
    }
}

impl Model {
    /// Random initialisation as HF does it: N(0, 0.02) for matrices, zero
    /// biases, unit norms. Seeded by `tch::manual_seed` beforehand.
    pub fn init(config: ModelConfig, device: Device) -> Result<Self, TrainError> {
        let std = config
            .extra
            .get("initializer_range")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.02);
        let mut params = Params::new();
        for (name, shape) in expected_shapes(&config) {
            let t = if name.ends_with("layernorm.weight") || name == "model.norm.weight" {
                Tensor::ones(&shape, (Kind::Float, device))
            } else if name.ends_with(".bias") {
                Tensor::zeros(&shape, (Kind::Float, device))
            } else {
                Tensor::randn(&shape, (Kind::Float, device)) * std
            };
            params.insert(name, t);
        }
        Self::from_params(config, params, device, "random init")
    }

    /// Builds the model over `params`, which must hold every tensor the
    /// config calls for with its shape. Extra tensors are ignored.
    pub fn from_params(
        config: ModelConfig,
        mut params: Params,
        device: Device,
        origin: &str,
    ) -> Result<Self, TrainError> {
        for (name, shape) in expected_shapes(&config) {
            let Some(t) = params.get(&name) else {
                return Err(TrainError::input(format!(
                    "{origin}: missing tensor '{name}' (shape {shape:?}) that the config calls for"
                )));
            };
            if t.size() != shape {
                return Err(TrainError::input(format!(
                    "{origin}: tensor '{name}' has shape {:?} but the config calls for {shape:?}",
                    t.size()
                )));
            }
        }
        let wanted: std::collections::BTreeSet<String> = expected_shapes(&config)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        params.retain(|name, _| wanted.contains(name));
        let get = |n: &str| params[n].shallow_clone();
        let opt = |n: &str| params.get(n).map(Tensor::shallow_clone);
        let linear = |prefix: &str| Linear {
            weight: get(&format!("{prefix}.weight")),
            bias: opt(&format!("{prefix}.bias")),
            lora: None,
        };
        let layers = (0..config.num_hidden_layers)
            .map(|l| {
                let p = format!("model.layers.{l}");
                Layer {
                    q: linear(&format!("{p}.self_attn.q_proj")),
                    k: linear(&format!("{p}.self_attn.k_proj")),
                    v: linear(&format!("{p}.self_attn.v_proj")),
                    o: linear(&format!("{p}.self_attn.o_proj")),
                    gate: linear(&format!("{p}.mlp.gate_proj")),
                    up: linear(&format!("{p}.mlp.up_proj")),
                    down: linear(&format!("{p}.mlp.down_proj")),
                    ln1: get(&format!("{p}.input_layernorm.weight")),
                    ln2: get(&format!("{p}.post_attention_layernorm.weight")),
                }
            })
            .collect();
        let embed = get("model.embed_tokens.weight");
        let lm_head = if config.tie_word_embeddings {
            embed.shallow_clone()
        } else {
            get("lm_head.weight")
        };
        let d = config.head_dim();
        let inv_freq = (Tensor::arange_start_step(0, d, 2, (Kind::Float, device)) / d as f64)
            .multiply_scalar(config.rope_theta.ln())
            .exp()
            .reciprocal();
        Ok(Model {
            norm: get("model.norm.weight"),
            embed,
            layers,
            lm_head,
            inv_freq,
            params,
            adapters: Params::new(),
            config,
            device,
        })
    }

    /// Sets which tensors get gradients: all base weights, or (with LoRA)
    /// only the adapters.
    pub fn set_trainable(&self, base: bool) {
        for t in self.params.values() {
            let _ = t.set_requires_grad(base);
        }
        for t in self.adapters.values() {
            let _ = t.set_requires_grad(true);
        }
    }

    /// The tensors the optimiser updates, by name.
    pub fn trainable(&self) -> Vec<(String, Tensor)> {
        let source = if self.adapters.is_empty() {
            &self.params
        } else {
            &self.adapters
        };
        source
            .iter()
            .map(|(n, t)| (n.clone(), t.shallow_clone()))
            .collect()
    }

    /// Adds LoRA adapters of `rank` to the named modules of every layer and
    /// freezes the base weights.
    pub fn add_lora(
        &mut self,
        rank: i64,
        alpha: f64,
        targets: &[String],
    ) -> Result<(), TrainError> {
        if rank <= 0 {
            return Err(TrainError::input("--lora-rank must be at least 1"));
        }
        for t in targets {
            if !LORA_MODULES.contains(&t.as_str()) {
                return Err(TrainError::input(format!(
                    "--lora-targets: unknown module '{t}' (one of {})",
                    LORA_MODULES.join(", ")
                )));
            }
        }
        for (l, layer) in self.layers.iter_mut().enumerate() {
            for t in targets {
                let lin = match t.as_str() {
                    "q_proj" => &mut layer.q,
                    "k_proj" => &mut layer.k,
                    "v_proj" => &mut layer.v,
                    "o_proj" => &mut layer.o,
                    "gate_proj" => &mut layer.gate,
                    "up_proj" => &mut layer.up,
                    _ => &mut layer.down,
                };
                let adapter = lora::init_adapter(&lin.weight, rank, alpha);
                let (a, b) =
                    lora::adapter_names(&format!("model.layers.{l}.{}.{t}", module_path(t)));
                self.adapters.insert(a, adapter.a.shallow_clone());
                self.adapters.insert(b, adapter.b.shallow_clone());
                lin.lora = Some(adapter);
            }
        }
        self.set_trainable(false);
        Ok(())
    }

    /// Loads adapter tensors saved by [`Model::add_lora`]'s names.
    pub fn load_adapters(&mut self, tensors: &Params) -> Result<(), TrainError> {
        for (name, t) in self.adapters.iter() {
            let Some(src) = tensors.get(name) else {
                return Err(TrainError::input(format!(
                    "missing adapter tensor '{name}'"
                )));
            };
            tch::no_grad(|| t.shallow_clone().copy_(src));
        }
        Ok(())
    }

    /// The base weights with the adapters merged in (HF layout), for saving a
    /// model that loads without LoRA.
    pub fn merged_params(&self) -> Params {
        let mut out: Params = self
            .params
            .iter()
            .map(|(n, t)| (n.clone(), t.shallow_clone()))
            .collect();
        for (l, layer) in self.layers.iter().enumerate() {
            for (name, lin) in [
                ("q_proj", &layer.q),
                ("k_proj", &layer.k),
                ("v_proj", &layer.v),
                ("o_proj", &layer.o),
                ("gate_proj", &layer.gate),
                ("up_proj", &layer.up),
                ("down_proj", &layer.down),
            ] {
                if let Some(adapter) = &lin.lora {
                    let key = format!("model.layers.{l}.{}.{name}.weight", module_path(name));
                    out.insert(key, lora::merged(&lin.weight, adapter));
                }
            }
        }
        out
    }

    /// cos and sin for positions `start..start+len`, `[len, head_dim]`.
    fn rope(&self, start: i64, len: i64) -> (Tensor, Tensor) {
        let pos = Tensor::arange_start(start, start + len, (Kind::Float, self.device))
            / self.config.rope_linear_factor();
        let freqs = pos.unsqueeze(1) * self.inv_freq.unsqueeze(0);
        let emb = Tensor::cat(&[&freqs, &freqs], -1);
        (emb.cos(), emb.sin())
    }

    /// Logits `[batch, seq, vocab]` for `ids` `[batch, seq]`. With a cache,
    /// `ids` continue the cached positions and the cache grows.
    pub fn forward(&self, ids: &Tensor, cache: Option<&mut KvCache>) -> Tensor {
        self.head(&self.hidden(ids, cache))
    }

    /// The language-model head on final hidden states `[..., hidden]`.
    pub fn head(&self, hidden: &Tensor) -> Tensor {
        hidden.linear::<Tensor>(&self.lm_head, None)
    }

    /// Final (normed) hidden states `[batch, seq, hidden]`.
    // `x = x + y`, not `x += y`: the in-place add would overwrite a tensor
    // autograd saved for the backward pass.
    #[allow(clippy::assign_op_pattern)]
    pub fn hidden(&self, ids: &Tensor, mut cache: Option<&mut KvCache>) -> Tensor {
        let (b, t) = (ids.size()[0], ids.size()[1]);
        let past = cache.as_ref().map_or(0, |c| c.len);
        let (cos, sin) = self.rope(past, t);
        let c = &self.config;
        let (nh, nkv, d) = (c.num_attention_heads, c.kv_heads(), c.head_dim());
        let mask = (past > 0 && t > 1).then(|| {
            let q = Tensor::arange_start(past, past + t, (Kind::Int64, self.device)).unsqueeze(1);
            let k = Tensor::arange(past + t, (Kind::Int64, self.device)).unsqueeze(0);
            k.le_tensor(&q)
        });
        if let Some(cache) = cache.as_deref_mut() {
            cache.layers.resize_with(self.layers.len(), || None);
        }
        let mut x = Tensor::embedding(&self.embed, ids, -1, false, false);
        for (li, layer) in self.layers.iter().enumerate() {
            let h = rms_norm(&x, &layer.ln1, c.rms_norm_eps);
            let q = layer.q.forward(&h).view([b, t, nh, d]).transpose(1, 2);
            let k = layer.k.forward(&h).view([b, t, nkv, d]).transpose(1, 2);
            let v = layer.v.forward(&h).view([b, t, nkv, d]).transpose(1, 2);
            let q = apply_rope(&q, &cos, &sin);
            let mut k = apply_rope(&k, &cos, &sin);
            let mut v = v;
            if let Some(cache) = cache.as_deref_mut() {
                if let Some((pk, pv)) = &cache.layers[li] {
                    k = Tensor::cat(&[pk, &k], 2);
                    v = Tensor::cat(&[pv, &v], 2);
                }
                cache.layers[li] = Some((k.shallow_clone(), v.shallow_clone()));
            }
            if nh != nkv {
                k = k.repeat_interleave_self_int(nh / nkv, 1, None::<i64>);
                v = v.repeat_interleave_self_int(nh / nkv, 1, None::<i64>);
            }
            let attn = Tensor::scaled_dot_product_attention(
                &q,
                &k,
                &v,
                mask.as_ref(),
                0.0,
                past == 0 && t > 1,
                None::<f64>,
                false,
            );
            let attn = attn.transpose(1, 2).reshape([b, t, nh * d]);
            x = x + layer.o.forward(&attn);
            let h = rms_norm(&x, &layer.ln2, c.rms_norm_eps);
            let mlp = layer
                .down
                .forward(&(layer.gate.forward(&h).silu() * layer.up.forward(&h)));
            x = x + mlp;
        }
        if let Some(cache) = cache {
            cache.len = past + t;
        }
        rms_norm(&x, &self.norm, c.rms_norm_eps)
    }
}

/// x / sqrt(mean(x²) + eps) · w, computed in f32 as HF does.
fn rms_norm(x: &Tensor, w: &Tensor, eps: f64) -> Tensor {
    let kind = x.kind();
    let xf = x.to_kind(Kind::Float);
    let var = xf.square().mean_dim(-1, true, Kind::Float);
    (xf * (var + eps).rsqrt()).to_kind(kind) * w
}

/// HF rotate-half RoPE on `[batch, heads, seq, head_dim]`.
fn apply_rope(x: &Tensor, cos: &Tensor, sin: &Tensor) -> Tensor {
    let half = x.size()[3] / 2;
    let x1 = x.narrow(3, 0, half);
    let x2 = x.narrow(3, half, half);
    let rotated = Tensor::cat(&[&x2.neg(), &x1], 3);
    let kind = x.kind();
    (x * cos.to_kind(kind) + rotated * sin.to_kind(kind)).to_kind(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        tch::manual_seed(1);
        Model::init(ModelConfig::preset("tiny", 97).unwrap(), Device::Cpu).unwrap()
    }

    #[test]
    fn cached_decoding_equals_the_full_forward() {
        let m = tiny();
        let ids = Tensor::from_slice(&[5i64, 9, 2, 40, 7, 7, 13, 88, 1, 3]).view([1, 10]);
        tch::no_grad(|| {
            let full = m.forward(&ids, None);
            let mut cache = KvCache::default();
            // Prefill 4, then a chunk of 3 (explicit mask), then one at a time.
            let mut parts = vec![m.forward(&ids.narrow(1, 0, 4), Some(&mut cache))];
            parts.push(m.forward(&ids.narrow(1, 4, 3), Some(&mut cache)));
            for i in 7..10 {
                parts.push(m.forward(&ids.narrow(1, i, 1), Some(&mut cache)));
            }
            assert_eq!(cache.len(), 10);
            let stepwise = Tensor::cat(&parts, 1);
            let diff = (&full - &stepwise).abs().max().double_value(&[]);
            assert!(diff < 1e-5, "{diff}");
        });
    }

    #[test]
    fn a_later_token_does_not_change_earlier_logits() {
        let m = tiny();
        let a = Tensor::from_slice(&[5i64, 9, 2, 40]).view([1, 4]);
        let b = Tensor::from_slice(&[5i64, 9, 2, 41]).view([1, 4]);
        tch::no_grad(|| {
            let (la, lb) = (m.forward(&a, None), m.forward(&b, None));
            assert!(la
                .narrow(1, 0, 3)
                .allclose(&lb.narrow(1, 0, 3), 1e-6, 1e-6, false));
            assert!(!la
                .narrow(1, 3, 1)
                .allclose(&lb.narrow(1, 3, 1), 1e-6, 1e-6, false));
        });
    }

    #[test]
    fn lora_starts_at_the_base_model_and_merges_exactly() {
        let mut m = tiny();
        let ids = Tensor::from_slice(&[5i64, 9, 2, 40]).view([1, 4]);
        let before = tch::no_grad(|| m.forward(&ids, None));
        m.add_lora(4, 8.0, &["q_proj".into(), "down_proj".into()])
            .unwrap();
        assert_eq!(m.trainable().len(), 2 * 2 * 2);
        let after = tch::no_grad(|| m.forward(&ids, None));
        assert!(before.allclose(&after, 1e-6, 1e-6, false));
        // Move B away from zero, then compare with the merged weights.
        tch::no_grad(|| {
            for (n, t) in m.adapters.iter() {
                if n.ends_with("lora_B.weight") {
                    t.shallow_clone()
                        .copy_(&(Tensor::randn(t.size(), (Kind::Float, Device::Cpu)) * 0.1));
                }
            }
        });
        let adapted = tch::no_grad(|| m.forward(&ids, None));
        assert!(!before.allclose(&adapted, 1e-4, 1e-4, false));
        let merged =
            Model::from_params(m.config.clone(), m.merged_params(), Device::Cpu, "merged").unwrap();
        let via_merge = tch::no_grad(|| merged.forward(&ids, None));
        assert!(adapted.allclose(&via_merge, 1e-4, 1e-5, false));
        assert!(m.add_lora(4, 8.0, &["nope".into()]).is_err());
    }
}
