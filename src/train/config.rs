//! The model configuration, read from and written as a HF `config.json`
//! (Llama and Qwen2 field names). Fields this crate does not use are kept
//! and written back unchanged.

use super::error::{read_text, write_file};
use super::TrainError;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// `eos_token_id` is an integer or a list of them in HF configs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TokenIds {
    One(i64),
    Many(Vec<i64>),
}

impl TokenIds {
    pub fn to_vec(&self) -> Vec<i64> {
        match self {
            TokenIds::One(i) => vec![*i],
            TokenIds::Many(v) => v.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RopeScaling {
    /// HF writes `type` (older) or `rope_type` (newer).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rope_type: Option<String>,
    #[serde(default = "one")]
    pub factor: f64,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelConfig {
    #[serde(default)]
    pub architectures: Vec<String>,
    /// `llama` or `qwen2`.
    pub model_type: String,
    pub vocab_size: i64,
    pub hidden_size: i64,
    pub intermediate_size: i64,
    pub num_hidden_layers: i64,
    pub num_attention_heads: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_key_value_heads: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_dim: Option<i64>,
    #[serde(default = "default_eps")]
    pub rms_norm_eps: f64,
    #[serde(default = "default_theta")]
    pub rope_theta: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rope_scaling: Option<RopeScaling>,
    #[serde(default = "default_max_pos")]
    pub max_position_embeddings: i64,
    #[serde(default)]
    pub tie_word_embeddings: bool,
    /// Llama: bias on q, k, v and o. (Qwen2 always has q, k, v bias.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attention_bias: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mlp_bias: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden_act: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bos_token_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eos_token_id: Option<TokenIds>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pad_token_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub torch_dtype: Option<String>,
    /// Everything else, written back as it was.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

fn default_eps() -> f64 {
    1e-6
}
fn default_theta() -> f64 {
    10_000.0
}
fn default_max_pos() -> i64 {
    2048
}

impl ModelConfig {
    pub fn kv_heads(&self) -> i64 {
        self.num_key_value_heads.unwrap_or(self.num_attention_heads)
    }

    pub fn head_dim(&self) -> i64 {
        self.head_dim
            .unwrap_or(self.hidden_size / self.num_attention_heads)
    }

    /// Bias on q/k/v projections.
    pub fn qkv_bias(&self) -> bool {
        self.model_type == "qwen2" || self.attention_bias.unwrap_or(false)
    }

    /// Bias on the output projection (Llama's `attention_bias` only).
    pub fn o_bias(&self) -> bool {
        self.model_type != "qwen2" && self.attention_bias.unwrap_or(false)
    }

    pub fn mlp_bias(&self) -> bool {
        self.mlp_bias.unwrap_or(false)
    }

    /// Position scale from a `linear` rope_scaling (1.0 without one).
    pub fn rope_linear_factor(&self) -> f64 {
        self.rope_scaling.as_ref().map_or(1.0, |s| s.factor)
    }

    pub fn eos_ids(&self) -> Vec<i64> {
        self.eos_token_id
            .as_ref()
            .map(TokenIds::to_vec)
            .unwrap_or_default()
    }

    /// Rejects what the model cannot run, with the field named.
    pub fn validate(&self, origin: &str) -> Result<(), TrainError> {
        let bad = |m: String| Err(TrainError::input(format!("{origin}: {m}")));
        if !matches!(self.model_type.as_str(), "llama" | "qwen2") {
            return bad(format!(
                "model_type '{}' is not supported (llama or qwen2: Llama, DeepSeek-Coder, Qwen2/2.5-Coder)",
                self.model_type
            ));
        }
        for (name, v) in [
            ("vocab_size", self.vocab_size),
            ("hidden_size", self.hidden_size),
            ("intermediate_size", self.intermediate_size),
            ("num_hidden_layers", self.num_hidden_layers),
            ("num_attention_heads", self.num_attention_heads),
            ("num_key_value_heads", self.kv_heads()),
            ("max_position_embeddings", self.max_position_embeddings),
        ] {
            if v <= 0 {
                return bad(format!("{name} must be positive, got {v}"));
            }
        }
        if self.num_attention_heads % self.kv_heads() != 0 {
            return bad(format!(
                "num_attention_heads {} is not a multiple of num_key_value_heads {}",
                self.num_attention_heads,
                self.kv_heads()
            ));
        }
        if self.head_dim.is_none() && self.hidden_size % self.num_attention_heads != 0 {
            return bad(format!(
                "hidden_size {} is not a multiple of num_attention_heads {}",
                self.hidden_size, self.num_attention_heads
            ));
        }
        if self.head_dim() % 2 != 0 {
            return bad(format!(
                "head_dim {} must be even for RoPE",
                self.head_dim()
            ));
        }
        if let Some(act) = &self.hidden_act {
            if act != "silu" && act != "swish" {
                return bad(format!("hidden_act '{act}' is not supported (silu)"));
            }
        }
        if let Some(s) = &self.rope_scaling {
            let kind = s
                .rope_type
                .as_deref()
                .or(s.kind.as_deref())
                .unwrap_or("linear");
            if kind != "linear" && kind != "default" {
                return bad(format!(
                    "rope_scaling type '{kind}' is not supported (linear)"
                ));
            }
        }
        Ok(())
    }

    pub fn load(path: &Path) -> Result<Self, TrainError> {
        let text = read_text(path)?;
        let config: ModelConfig = serde_json::from_str(&text).map_err(|e| {
            TrainError::input(format!("{}: not a HF config.json: {e}", path.display()))
        })?;
        config.validate(&path.display().to_string())?;
        Ok(config)
    }

    pub fn save(&self, path: &Path) -> Result<(), TrainError> {
        let text = serde_json::to_string_pretty(self).expect("config serialises");
        write_file(path, text + "\n")
    }

    /// A built-in size: `tiny` (tests, seconds on a CPU) or `small`.
    /// The vocabulary size comes from the tokenizer.
    pub fn preset(name: &str, vocab_size: i64) -> Option<Self> {
        let (hidden, inter, layers, heads, kv, max_pos) = match name {
            "tiny" => (64, 128, 2, 4, 2, 1024),
            "small" => (256, 688, 4, 8, 4, 2048),
            _ => return None,
        };
        Some(ModelConfig {
            architectures: vec!["Qwen2ForCausalLM".into()],
            model_type: "qwen2".into(),
            vocab_size,
            hidden_size: hidden,
            intermediate_size: inter,
            num_hidden_layers: layers,
            num_attention_heads: heads,
            num_key_value_heads: Some(kv),
            head_dim: None,
            rms_norm_eps: 1e-6,
            rope_theta: 10_000.0,
            rope_scaling: None,
            max_position_embeddings: max_pos,
            tie_word_embeddings: true,
            attention_bias: None,
            mlp_bias: None,
            hidden_act: Some("silu".into()),
            bos_token_id: None,
            eos_token_id: None,
            pad_token_id: None,
            torch_dtype: Some("float32".into()),
            extra: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_qwen2_config_and_keeps_unknown_fields() {
        let text = r#"{"architectures":["Qwen2ForCausalLM"],"model_type":"qwen2","vocab_size":151936,
            "hidden_size":896,"intermediate_size":4864,"num_hidden_layers":24,"num_attention_heads":14,
            "num_key_value_heads":2,"rms_norm_eps":1e-6,"rope_theta":1000000.0,"max_position_embeddings":32768,
            "tie_word_embeddings":true,"eos_token_id":151643,"sliding_window":32768,"use_cache":true}"#;
        let c: ModelConfig = serde_json::from_str(text).unwrap();
        c.validate("config.json").unwrap();
        assert_eq!(c.head_dim(), 64);
        assert!(c.qkv_bias() && !c.o_bias());
        assert_eq!(c.eos_ids(), vec![151643]);
        let back = serde_json::to_value(&c).unwrap();
        assert_eq!(back["sliding_window"], 32768);
    }

    #[test]
    fn rejects_what_it_cannot_run() {
        let mut c = ModelConfig::preset("tiny", 300).unwrap();
        c.num_key_value_heads = Some(3);
        let e = c.validate("x/config.json").unwrap_err().to_string();
        assert!(
            e.contains("x/config.json: num_attention_heads 4 is not a multiple"),
            "{e}"
        );
        let mut c = ModelConfig::preset("tiny", 300).unwrap();
        c.model_type = "gpt2".into();
        assert!(c
            .validate("c")
            .unwrap_err()
            .to_string()
            .contains("model_type 'gpt2'"));
        let llama: ModelConfig = serde_json::from_str(
            r#"{"model_type":"llama","vocab_size":32256,"hidden_size":4096,"intermediate_size":11008,
            "num_hidden_layers":32,"num_attention_heads":32,"rope_scaling":{"type":"linear","factor":4.0},
            "eos_token_id":32021,"bos_token_id":32013}"#,
        )
        .unwrap();
        llama.validate("c").unwrap();
        assert_eq!(llama.rope_linear_factor(), 4.0);
        assert!(!llama.qkv_bias());
        assert_eq!(llama.kv_heads(), 32);
    }
}
