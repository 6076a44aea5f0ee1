//! Bug-fix records (docs/DATASET.md): the JSONL format every later stage
//! reads, and the prompt renderers shared by export, training and eval.

pub mod prompt;
pub mod record;
pub mod tools;

pub use record::{read_records, write_record, DatasetError, Record, Validation};
