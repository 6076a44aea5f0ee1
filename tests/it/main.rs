//! All integration tests in one binary, so the bundled engines are linked
//! once.

mod common;

mod check_cli;
mod checker_set;
mod classifier;
mod cli;
mod cmd_engine;
mod conformance;
mod corpora;
mod dataset_cli;
mod eval_cli;
mod injectors;
mod llm;
mod loaders;
mod oracle_cli;
mod props;
mod sandbox;
mod synth_cli;
mod synth_filter;
mod synth_llm;
#[cfg(feature = "train")]
mod train_cli;
#[cfg(feature = "train")]
mod train_model;
