//! The command line: parse raw arguments, settle them into a config, call the
//! library, print. Exit codes are documented in docs/EXIT_CODES.md.

mod args;
mod bench;
mod check;
mod corpus;
mod dataset;
mod engines;
mod eval;
mod exec;
mod exit;
mod oracle;
mod synth;
mod table;
mod taxonomy;
#[cfg(feature = "train")]
mod train;

pub use args::Cli;
pub use exit::{CliError, ExitCode};

use clap::Parser;
use std::time::Duration;

/// Runs the CLI and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                ExitCode::Usage
            } else {
                ExitCode::Ok
            };
            let _ = e.print();
            return code as i32;
        }
    };
    init_tracing(cli.global.verbose);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .max(2);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::Environment as i32;
        }
    };
    let code = runtime.block_on(async {
        tokio::select! {
            result = run(cli) => match result {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("error: {}", e.message);
                    e.code
                }
            },
            _ = tokio::signal::ctrl_c() => {
                eprintln!("interrupted: removing sandboxes");
                crate::engine::cleanup::run_all().await;
                ExitCode::Interrupted
            }
        }
    });
    runtime.shutdown_timeout(Duration::from_secs(2));
    code as i32
}

fn init_tracing(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("SQLFORGE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

async fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let global = cli.global.settle()?;
    match cli.command {
        args::Command::Exec(a) => exec::run(&global, a).await,
        args::Command::Engines(a) => engines::run(&global, a).await,
        args::Command::Taxonomy(a) => taxonomy::print_tree(&global, &a.file),
        args::Command::Classify(a) => taxonomy::classify(&global, a),
        args::Command::Corpus(a) => corpus::run(&global, a).await,
        args::Command::Synth(a) => synth::run(&global, a).await,
        args::Command::Dataset(a) => dataset::run(&global, a),
        args::Command::Bench(a) => bench::run(&global, a).await,
        args::Command::Oracle(a) => oracle::run(&global, a).await,
        #[cfg(feature = "train")]
        args::Command::Train(a) => train::run(&global, a).await,
        args::Command::Check(a) => check::run(&global, a).await,
        args::Command::Eval(a) => eval::run(&global, a).await,
    }
}
