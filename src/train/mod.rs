//! The DM-SFT trainer (feature `train`, libtorch via `tch`): a BPE tokenizer,
//! a Llama/Qwen2-family decoder configured from a HF `config.json` with
//! HF-layout safetensors, DM-SFT line masks, the training loop with
//! checkpoints, and generation with a KV cache. docs/TRAIN.md describes it.

pub mod bench;
pub mod checkpoint;
pub mod config;
pub mod corpus;
pub mod data;
pub mod device;
pub mod error;
pub mod folder;
pub mod generate;
pub mod lora;
pub mod masks;
pub mod model;
pub mod optim;
pub mod step;
pub mod tokenizer;
pub mod trainer;
pub mod weights;

pub use error::TrainError;
