//! Tokenizers: HF `tokenizer.json` files, loaded with the `tokenizers` crate,
//! and offline byte-level BPE training on SQL (`sqlforge train tokenizer`).

use super::config::ModelConfig;
use super::TrainError;
use std::path::Path;
use tokenizers::models::bpe::{BpeTrainerBuilder, BPE};
use tokenizers::models::TrainerWrapper;
use tokenizers::pre_tokenizers::byte_level::ByteLevel;
use tokenizers::{AddedToken, Tokenizer};

/// The end-of-text token of tokenizers trained here; it ends every target.
pub const EOS_TOKEN: &str = "<|endoftext|>";

/// End-of-sequence tokens of common HF tokenizers, tried in order when the
/// config names none.
const KNOWN_EOS: [&str; 4] = [EOS_TOKEN, "</s>", "<｜end▁of▁sentence｜>", "<|im_end|>"];

/// A tokenizer with the end-of-sequence id the model was trained with.
pub struct SqlTokenizer {
    pub inner: Tokenizer,
    pub eos_id: i64,
    /// Every id that stops generation.
    pub stop_ids: Vec<i64>,
    origin: String,
}

/// One encoded piece of text.
pub struct Encoded {
    pub ids: Vec<i64>,
    /// Byte offsets of each token in the text ((0, 0) for added specials).
    pub offsets: Vec<(usize, usize)>,
}

impl SqlTokenizer {
    /// Loads `tokenizer.json` and checks it against the model config: every
    /// token id must have an embedding row, and an end-of-sequence token
    /// must exist.
    pub fn load(path: &Path, config: &ModelConfig) -> Result<Self, TrainError> {
        let inner = load_raw(path)?;
        let origin = path.display().to_string();
        let size = inner.get_vocab_size(true) as i64;
        if size > config.vocab_size {
            return Err(TrainError::input(format!(
                "{origin}: tokenizer has {size} tokens but the model's vocab_size is {}: the tokenizer does not match the model",
                config.vocab_size
            )));
        }
        let mut stop_ids = config.eos_ids();
        if stop_ids.is_empty() {
            if let Some(id) = KNOWN_EOS.iter().find_map(|t| inner.token_to_id(t)) {
                stop_ids.push(id as i64);
            }
        }
        let Some(&eos_id) = stop_ids.first() else {
            return Err(TrainError::input(format!(
                "{origin}: no end-of-sequence token: the config has no eos_token_id and the tokenizer none of {}",
                KNOWN_EOS.join(", ")
            )));
        };
        if let Some(bad) = stop_ids.iter().find(|&&i| i < 0 || i >= config.vocab_size) {
            return Err(TrainError::input(format!(
                "{origin}: eos_token_id {bad} is outside the model's vocab_size {}",
                config.vocab_size
            )));
        }
        Ok(SqlTokenizer {
            inner,
            eos_id,
            stop_ids,
            origin,
        })
    }

    pub fn vocab_size(&self) -> usize {
        self.inner.get_vocab_size(true)
    }

    /// The prompt, with the special tokens the tokenizer adds (a BOS for
    /// Llama/DeepSeek tokenizers, nothing for Qwen's or ours).
    pub fn encode_prompt(&self, text: &str) -> Result<Vec<i64>, TrainError> {
        Ok(self.encode(text, true)?.ids)
    }

    /// Text without added special tokens, with byte offsets.
    pub fn encode(&self, text: &str, specials: bool) -> Result<Encoded, TrainError> {
        let enc = self
            .inner
            .encode(text, specials)
            .map_err(|e| TrainError::input(format!("{}: cannot encode: {e}", self.origin)))?;
        Ok(Encoded {
            ids: enc.get_ids().iter().map(|&i| i as i64).collect(),
            offsets: enc.get_offsets().to_vec(),
        })
    }

    pub fn decode(&self, ids: &[i64]) -> Result<String, TrainError> {
        let ids: Vec<u32> = ids.iter().map(|&i| i as u32).collect();
        self.inner
            .decode(&ids, true)
            .map_err(|e| TrainError::input(format!("{}: cannot decode: {e}", self.origin)))
    }
}

pub fn load_raw(path: &Path) -> Result<Tokenizer, TrainError> {
    Tokenizer::from_file(path).map_err(|e| {
        TrainError::input(format!(
            "{}: not a HF tokenizer.json: {}",
            path.display(),
            e.to_string().lines().next().unwrap_or_default()
        ))
    })
}

/// Trains a byte-level BPE tokenizer (GPT-2/Qwen style: every byte has a
/// token, so any text encodes) with `vocab` tokens including `<|endoftext|>`.
/// No normalisation: decoding gives back the exact text.
pub fn train_bpe(texts: &[String], vocab: usize) -> Result<Tokenizer, TrainError> {
    let alphabet = ByteLevel::alphabet();
    let minimum = alphabet.len() + 1;
    if vocab < minimum {
        return Err(TrainError::input(format!(
            "--vocab {vocab}: a byte-level BPE needs at least {minimum} tokens (256 bytes + {EOS_TOKEN})"
        )));
    }
    if texts.iter().all(|t| t.is_empty()) {
        return Err(TrainError::input("the tokenizer corpus holds no text"));
    }
    let byte_level = ByteLevel::new(false, false, true);
    let mut tokenizer = Tokenizer::new(BPE::default());
    tokenizer
        .with_pre_tokenizer(Some(byte_level))
        .with_decoder(Some(byte_level));
    let mut trainer: TrainerWrapper = BpeTrainerBuilder::new()
        .show_progress(false)
        .vocab_size(vocab)
        .min_frequency(2)
        .initial_alphabet(alphabet.into_iter().collect())
        .special_tokens(vec![AddedToken::from(EOS_TOKEN, true)])
        .build()
        .into();
    tokenizer
        .train(&mut trainer, texts.iter())
        .map_err(|e| TrainError::input(format!("tokenizer training failed: {e}")))?;
    Ok(tokenizer)
}

pub fn save(tokenizer: &Tokenizer, path: &Path) -> Result<(), TrainError> {
    tokenizer
        .save(path, true)
        .map_err(|e| TrainError::env(format!("cannot write {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<String> {
        (0..50)
            .map(|i| {
                format!(
                    "SELECT dept_id, COUNT(*)\nFROM emp\nWHERE salary > {i}\nGROUP BY dept_id;\n"
                )
            })
            .collect()
    }

    #[test]
    fn trained_bpe_round_trips_any_text_and_knows_its_eos() {
        let tok = train_bpe(&texts(), 300).unwrap();
        assert!(tok.get_vocab_size(true) <= 300);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokenizer.json");
        save(&tok, &path).unwrap();
        let config = ModelConfig::preset("tiny", 300).unwrap();
        let t = SqlTokenizer::load(&path, &config).unwrap();
        assert_eq!(t.eos_id, t.inner.token_to_id(EOS_TOKEN).unwrap() as i64);
        for text in [
            "SELECT a\n  FROM t WHERE x = 'é€' ;\n",
            "  leading\n\n\ttabs",
        ] {
            let e = t.encode(text, false).unwrap();
            assert_eq!(t.decode(&e.ids).unwrap(), text);
            assert_eq!(e.offsets.last().unwrap().1, text.len());
        }
        // Merges were learnt: a frequent line is a few tokens, not bytes.
        assert_eq!(t.encode("GROUP BY dept_id", false).unwrap().ids.len(), 5); // GROUP, " BY", " dept", _, id
    }

    #[test]
    fn a_tokenizer_larger_than_the_model_is_refused() {
        let tok = train_bpe(&texts(), 300).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokenizer.json");
        save(&tok, &path).unwrap();
        let config = ModelConfig::preset("tiny", 200).unwrap();
        let e = SqlTokenizer::load(&path, &config)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("does not match the model"), "{e}");
        assert!(train_bpe(&texts(), 100).is_err());
    }
}
