//! `sqlforge train tokenizer|init|masks|run|continue-pretrain|generate|bench`
//! (feature `train`; docs/TRAIN.md).

use super::args::Global;
use super::exit::{CliError, ExitCode};
use crate::dataset::{prompt::paper_prompt, read_records, Record};
use crate::train::config::ModelConfig;
use crate::train::generate::{Decoding, GenerateOptions, Generator};
use crate::train::masks::{classify_lines, token_lines, LineClass};
use crate::train::model::Model;
use crate::train::optim::Schedule;
use crate::train::trainer::{self, Length, LoraOptions, Method, RunSetup, TrainOptions};
use crate::train::{bench, corpus, device, folder, tokenizer, TrainError};
use clap::{Args, Subcommand};
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct TrainArgs {
    #[command(subcommand)]
    pub which: TrainCommand,
}

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train a byte-level BPE tokenizer (tokenizer.json) on SQL, offline
    Tokenizer(TokenizerArgs),
    /// Write a randomly initialised model folder: config, tokenizer, weights
    Init(InitArgs),
    /// Show each target line of each record with its DM-SFT class
    Masks(MasksArgs),
    /// Fine-tune on bug-fix records (DM-SFT or SFT)
    Run(RunArgs),
    /// Plain language-model training on a SQL corpus (continued pre-training)
    ContinuePretrain(PretrainArgs),
    /// Write a predicted fix for each record ({"id", "pred_sql"} JSONL)
    Generate(GenerateArgs),
    /// Benchmarks: training-step speed vs PyTorch, SFT vs DM-SFT
    Bench(BenchArgs),
}

#[derive(Debug, Args)]
pub struct TokenizerArgs {
    /// Record JSONL files, .sql files or corpus paths (docs/TRAIN.md)
    #[arg(long, num_args = 1.., required = true)]
    pub corpus: Vec<PathBuf>,
    /// Vocabulary size (at least 257: 256 bytes + <|endoftext|>)
    #[arg(long, default_value_t = 1024)]
    pub vocab: usize,
    /// Output folder for tokenizer.json
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// tiny, small, or a HF config.json file
    #[arg(long)]
    pub config: String,
    /// A tokenizer.json (or a folder holding one) to use
    #[arg(long, conflicts_with = "corpus")]
    pub tokenizer: Option<PathBuf>,
    /// Or train a tokenizer on these paths (as `train tokenizer`)
    #[arg(long, num_args = 1..)]
    pub corpus: Vec<PathBuf>,
    /// Vocabulary size when training a tokenizer
    #[arg(long, default_value_t = 1024)]
    pub vocab: usize,
    /// Output model folder
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct MasksArgs {
    /// A records JSONL file
    #[arg(long)]
    pub data: PathBuf,
    /// A model folder whose tokenizer counts the tokens of each line
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Show at most this many records
    #[arg(long)]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct OptimArgs {
    /// Epochs over the data
    #[arg(long, conflicts_with = "steps", required_unless_present = "steps")]
    pub epochs: Option<u64>,
    /// Optimiser updates
    #[arg(long)]
    pub steps: Option<u64>,
    /// Samples per micro-batch
    #[arg(long, default_value_t = 8)]
    pub batch: usize,
    /// Micro-batches per optimiser update
    #[arg(long, default_value_t = 1)]
    pub grad_accum: usize,
    /// Peak learning rate
    #[arg(long, default_value_t = 1e-4)]
    pub lr: f64,
    /// Warmup updates (linear from lr/W)
    #[arg(long, default_value_t = 0)]
    pub warmup: u64,
    #[arg(long, default_value = "cosine", value_parser = ["cosine", "constant"])]
    pub schedule: String,
    /// AdamW weight decay (matrices only)
    #[arg(long, default_value_t = 0.0)]
    pub weight_decay: f64,
    /// Clip the global gradient norm to this (0: no clipping)
    #[arg(long, default_value_t = 1.0)]
    pub max_grad_norm: f64,
    /// Starting model folder (HF layout)
    #[arg(long)]
    pub model: PathBuf,
    /// Output folder: checkpoint/, metrics.jsonl, and the trained model
    #[arg(long)]
    pub out: PathBuf,
    /// Continue from the checkpoint in --out
    #[arg(long)]
    pub resume: bool,
    /// cpu, cuda, cuda:N or auto
    #[arg(long, default_value = "auto")]
    pub device: String,
    /// Checkpoint every N updates (0: only at the end)
    #[arg(long, default_value_t = 100)]
    pub save_every: u64,
    /// Validate every N updates (0: only at the end)
    #[arg(long, default_value_t = 100)]
    pub eval_every: u64,
    /// Leave out samples longer than this many tokens [default: max_position_embeddings]
    #[arg(long)]
    pub max_len: Option<usize>,
    /// LoRA rank (enables LoRA: base weights frozen)
    #[arg(long)]
    pub lora_rank: Option<i64>,
    #[arg(long, default_value_t = 16.0)]
    pub lora_alpha: f64,
    /// Modules that get adapters
    #[arg(long, default_value = "q_proj,v_proj")]
    pub lora_targets: String,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Training records (JSONL, docs/DATASET.md)
    #[arg(long)]
    pub data: PathBuf,
    /// Validation records
    #[arg(long)]
    pub valid: Option<PathBuf>,
    #[arg(long, default_value = "dm-sft", value_parser = ["dm-sft", "sft"])]
    pub method: String,
    /// DM-SFT: probability of dropping each consistent line from the loss
    #[arg(long)]
    pub mask_ratio: Option<f64>,
    #[command(flatten)]
    pub optim: OptimArgs,
}

#[derive(Debug, Args)]
pub struct PretrainArgs {
    /// Record JSONL files, .sql files or corpus paths (docs/TRAIN.md)
    #[arg(long, num_args = 1.., required = true)]
    pub corpus: Vec<PathBuf>,
    /// Held-out text, same forms as --corpus
    #[arg(long)]
    pub valid: Option<PathBuf>,
    /// Tokens per training sequence
    #[arg(long, default_value_t = 512)]
    pub seq_len: usize,
    #[command(flatten)]
    pub optim: OptimArgs,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Model folder (HF layout)
    #[arg(long)]
    pub model: PathBuf,
    /// Records to fix (JSONL)
    #[arg(long)]
    pub data: PathBuf,
    /// Predictions JSONL: {"id", "pred_sql"} per record
    #[arg(long)]
    pub out: PathBuf,
    /// Greedy decoding (the default)
    #[arg(long, conflicts_with_all = ["temperature", "top_p"])]
    pub greedy: bool,
    /// Sample with this temperature
    #[arg(long)]
    pub temperature: Option<f64>,
    /// Nucleus sampling mass (with --temperature)
    #[arg(long, requires = "temperature")]
    pub top_p: Option<f64>,
    #[arg(long, default_value_t = 512)]
    pub max_new_tokens: usize,
    /// cpu, cuda, cuda:N or auto
    #[arg(long, default_value = "auto")]
    pub device: String,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub which: BenchCommand,
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// CPU tokens/s of our training step vs a PyTorch eager loop, same model
    Speed(SpeedArgs),
    /// SFT vs DM-SFT from scratch: valid diff-line loss and exact-fix rate vs steps
    Compare(CompareArgs),
}

#[derive(Debug, Args)]
pub struct SpeedArgs {
    /// tiny, small or a config.json
    #[arg(long, default_value = "small")]
    pub config: String,
    #[arg(long, default_value_t = 1024)]
    pub vocab: i64,
    #[arg(long, default_value_t = 8)]
    pub batch: usize,
    /// Tokens per sequence
    #[arg(long, default_value_t = 256)]
    pub seq: usize,
    /// Measured steps per round
    #[arg(long, default_value_t = 10)]
    pub steps: usize,
    /// Unmeasured steps first
    #[arg(long, default_value_t = 2)]
    pub warmup_steps: usize,
    /// Alternating rounds (median reported)
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
    /// Torch threads on both sides [default: libtorch's]
    #[arg(long)]
    pub threads: Option<i32>,
    /// Python with torch (scripts/torch-env.sh sets SQLFORGE_PYTHON)
    #[arg(long, env = "SQLFORGE_PYTHON", default_value = "python3")]
    pub python: String,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Training records
    #[arg(long)]
    pub data: PathBuf,
    /// Validation records
    #[arg(long)]
    pub valid: PathBuf,
    /// tiny, small or a config.json
    #[arg(long, default_value = "small")]
    pub config: String,
    #[arg(long, default_value_t = 1024)]
    pub vocab: usize,
    #[arg(long, default_value_t = 300)]
    pub steps: u64,
    #[arg(long, default_value_t = 50)]
    pub eval_every: u64,
    #[arg(long, default_value_t = 8)]
    pub batch: usize,
    #[arg(long, default_value_t = 1e-3)]
    pub lr: f64,
    #[arg(long, default_value_t = 20)]
    pub warmup: u64,
    /// DM-SFT's p
    #[arg(long, default_value_t = 0.5)]
    pub mask_ratio: f64,
    /// Validation records whose fixes are generated at each eval point
    #[arg(long, default_value_t = 50)]
    pub eval_records: usize,
    #[arg(long)]
    pub out: PathBuf,
    /// cpu, cuda, cuda:N or auto
    #[arg(long, default_value = "cpu")]
    pub device: String,
}

fn cli_err(e: TrainError) -> CliError {
    if e.is_input() {
        CliError::usage(e.to_string())
    } else {
        CliError::environment(e.to_string())
    }
}

/// Runs blocking trainer work off the async runtime, so Ctrl-C still works.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, TrainError> + Send + 'static,
) -> Result<T, CliError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| CliError::environment(format!("trainer thread failed: {e}")))?
        .map_err(cli_err)
}

pub async fn run(global: &Global, args: TrainArgs) -> Result<ExitCode, CliError> {
    let g = global.clone();
    match args.which {
        TrainCommand::Tokenizer(a) => blocking(move || train_tokenizer(&g, a)).await,
        TrainCommand::Init(a) => blocking(move || init(&g, a)).await,
        TrainCommand::Masks(a) => blocking(move || masks(&g, a)).await,
        TrainCommand::Run(a) => blocking(move || run_training(&g, a)).await,
        TrainCommand::ContinuePretrain(a) => blocking(move || pretrain(&g, a)).await,
        TrainCommand::Generate(a) => blocking(move || generate(&g, a)).await,
        TrainCommand::Bench(a) => blocking(move || match a.which {
            BenchCommand::Speed(s) => bench::speed(
                &bench::SpeedConfig {
                    config: s.config,
                    vocab: s.vocab,
                    batch: s.batch,
                    seq: s.seq,
                    steps: s.steps,
                    warmup_steps: s.warmup_steps,
                    rounds: s.rounds,
                    threads: s.threads,
                    python: s.python,
                },
                g.json,
            ),
            BenchCommand::Compare(c) => bench::compare(
                &bench::CompareConfig {
                    device: device::parse_device(&c.device)?,
                    data: c.data,
                    valid: c.valid,
                    config: c.config,
                    vocab: c.vocab,
                    steps: c.steps,
                    eval_every: c.eval_every,
                    batch: c.batch,
                    lr: c.lr,
                    warmup: c.warmup,
                    mask_ratio: c.mask_ratio,
                    eval_records: c.eval_records,
                    out: c.out,
                },
                g.seed,
                g.json,
            ),
        })
        .await
        .map(|_| ExitCode::Ok),
    }
}

fn print(global: &Global, value: serde_json::Value, human: impl FnOnce() -> String) {
    if global.json {
        println!("{value}");
    } else {
        println!("{}", human());
    }
}

fn train_tokenizer(global: &Global, a: TokenizerArgs) -> Result<ExitCode, TrainError> {
    let texts = corpus::tokenizer_texts(&a.corpus)?;
    let tok = tokenizer::train_bpe(&texts, a.vocab)?;
    crate::train::error::create_dir(&a.out)?;
    let path = a.out.join("tokenizer.json");
    tokenizer::save(&tok, &path)?;
    let size = tok.get_vocab_size(true);
    print(
        global,
        json!({"tokenizer": path, "vocab_size": size, "documents": texts.len()}),
        || {
            format!(
                "wrote {} ({size} tokens, trained on {} documents)",
                path.display(),
                texts.len()
            )
        },
    );
    Ok(ExitCode::Ok)
}

fn init(global: &Global, a: InitArgs) -> Result<ExitCode, TrainError> {
    crate::train::error::create_dir(&a.out)?;
    let tok_path = a.out.join("tokenizer.json");
    match (&a.tokenizer, a.corpus.is_empty()) {
        (Some(t), _) => {
            let src = if t.is_dir() {
                t.join("tokenizer.json")
            } else {
                t.clone()
            };
            tokenizer::load_raw(&src)?;
            if !same_file(&src, &tok_path) {
                std::fs::copy(&src, &tok_path)
                    .map_err(|e| TrainError::env(format!("cannot copy {}: {e}", src.display())))?;
            }
        }
        (None, false) => {
            let texts = corpus::tokenizer_texts(&a.corpus)?;
            tokenizer::save(&tokenizer::train_bpe(&texts, a.vocab)?, &tok_path)?;
        }
        (None, true) => {
            return Err(TrainError::input(
                "train init: give --tokenizer FILE or --corpus PATHS to train one",
            ))
        }
    }
    let raw = tokenizer::load_raw(&tok_path)?;
    let vocab = raw.get_vocab_size(true) as i64;
    let mut config = match ModelConfig::preset(&a.config, vocab) {
        Some(c) => c,
        None => {
            let path = Path::new(&a.config);
            if !path.is_file() {
                return Err(TrainError::input(format!(
                    "--config '{}': expected tiny, small or a config.json file",
                    a.config
                )));
            }
            ModelConfig::load(path)?
        }
    };
    if config.eos_token_id.is_none() {
        if let Some(id) = raw.token_to_id(tokenizer::EOS_TOKEN) {
            config.eos_token_id = Some(crate::train::config::TokenIds::One(id as i64));
        }
    }
    config.torch_dtype = Some("float32".into());
    // Checks the tokenizer against the config (vocab size, EOS).
    let tok = tokenizer::SqlTokenizer::load(&tok_path, &config)?;
    tch::manual_seed(global.seed as i64);
    let model = Model::init(config.clone(), tch::Device::Cpu)?;
    folder::save(&a.out, &config, &model.params, &a.out)?;
    let params: i64 = model.params.values().map(|t| t.numel() as i64).sum();
    print(
        global,
        json!({"out": a.out, "parameters": params, "vocab_size": config.vocab_size,
               "tokenizer_tokens": tok.vocab_size(), "layers": config.num_hidden_layers,
               "hidden_size": config.hidden_size}),
        || {
            format!(
                "wrote {} ({params} parameters, {} layers, hidden {}, vocab {})",
                a.out.display(),
                config.num_hidden_layers,
                config.hidden_size,
                config.vocab_size
            )
        },
    );
    Ok(ExitCode::Ok)
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

fn load_records(path: &Path) -> Result<Vec<Record>, TrainError> {
    read_records(path).map_err(|e| TrainError::input(e.to_string()))
}

fn masks(global: &Global, a: MasksArgs) -> Result<ExitCode, TrainError> {
    let records = load_records(&a.data)?;
    let tok = match &a.model {
        Some(dir) => {
            let config = folder::load_config(dir)?;
            Some(folder::load_tokenizer(dir, &config)?)
        }
        None => None,
    };
    let mut out = Vec::new();
    for r in records.iter().take(a.limit.unwrap_or(usize::MAX)) {
        let lines = classify_lines(&r.correct_sql, &r.bug_sql);
        let mut counts = vec![0usize; lines.len()];
        if let Some(tok) = &tok {
            let enc = tok.encode(&r.correct_sql, false)?;
            for l in token_lines(&lines, &enc.offsets, &r.correct_sql) {
                counts[l] += 1;
            }
        }
        let lines_json: Vec<serde_json::Value> = lines
            .iter()
            .zip(&counts)
            .map(|(l, n)| {
                let mut v = serde_json::to_value(l).expect("line serialises");
                if tok.is_some() {
                    v["tokens"] = json!(n);
                }
                v
            })
            .collect();
        if !global.json {
            let diff = lines.iter().filter(|l| l.class == LineClass::Diff).count();
            println!("{} ({diff} diff of {} lines)", r.id, lines.len());
            for (l, n) in lines.iter().zip(&counts) {
                let class = match (l.class, l.kind) {
                    (LineClass::Consistent, _) => "consistent".to_string(),
                    (LineClass::Diff, Some(k)) => {
                        format!(
                            "diff/{}",
                            serde_json::to_value(k)
                                .expect("kind")
                                .as_str()
                                .unwrap_or("")
                        )
                    }
                    (LineClass::Diff, None) => "diff".to_string(),
                };
                let tokens = if tok.is_some() {
                    format!("{n:>4} tok  ")
                } else {
                    String::new()
                };
                println!("  {:>3} {class:<19} {tokens}{}", l.line, l.text);
            }
        }
        out.push(json!({"id": r.id, "lines": lines_json}));
    }
    if global.json {
        println!("{}", json!({"records": out}));
    }
    Ok(ExitCode::Ok)
}

fn options(
    global: &Global,
    o: &OptimArgs,
    method: Method,
    mask_ratio: f64,
    seq_len: usize,
) -> Result<TrainOptions, TrainError> {
    let length = match (o.epochs, o.steps) {
        (Some(e), None) => Length::Epochs(e),
        (None, Some(s)) => Length::Steps(s),
        _ => {
            return Err(TrainError::input(
                "give exactly one of --epochs and --steps",
            ))
        }
    };
    let lora = o.lora_rank.map(|rank| LoraOptions {
        rank,
        alpha: o.lora_alpha,
        targets: o
            .lora_targets
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
    });
    Ok(TrainOptions {
        method,
        mask_ratio,
        length,
        batch: o.batch,
        grad_accum: o.grad_accum,
        lr: o.lr,
        warmup: o.warmup,
        schedule: if o.schedule == "constant" {
            Schedule::Constant
        } else {
            Schedule::Cosine
        },
        weight_decay: o.weight_decay,
        max_grad_norm: o.max_grad_norm,
        seed: global.seed,
        lora,
        max_len: o.max_len,
        seq_len,
    })
}

fn setup(
    o: &OptimArgs,
    data: Vec<PathBuf>,
    valid: Option<PathBuf>,
    global: &Global,
) -> Result<RunSetup, TrainError> {
    Ok(RunSetup {
        data,
        valid,
        model: o.model.clone(),
        out: o.out.clone(),
        resume: o.resume,
        device: device::parse_device(&o.device)?,
        progress: !global.json && std::io::stderr().is_terminal(),
        save_every: o.save_every,
        eval_every: o.eval_every,
    })
}

fn report(global: &Global, s: &trainer::TrainSummary) {
    print(global, json!(s), || {
        let mut text = format!(
            "trained {} steps on {} samples ({}, {:.0} tokens/s, {:.1}s){}",
            s.steps,
            s.samples,
            s.device,
            s.tokens_per_s,
            s.seconds,
            s.resumed_from
                .map(|r| format!(", resumed from step {r}"))
                .unwrap_or_default()
        );
        if let Some(l) = &s.last {
            text += &format!(
                "\nlast step: loss {:.4} = L1 {:.4} + L2 {:.4}",
                l.loss, l.l1, l.l2
            );
        }
        if let Some(v) = &s.valid {
            text += &format!(
                "\nvalidation: loss {:.4} = L1 {:.4} + L2 {:.4} (diff-line CE {:.4})",
                v.loss, v.l1, v.l2, v.diff_ce
            );
        }
        if s.skipped_too_long > 0 {
            text += &format!(
                "\n{} samples too long for --max-len were left out",
                s.skipped_too_long
            );
        }
        text + &format!("\nmodel written to {}", s.out.display())
    });
}

fn run_training(global: &Global, a: RunArgs) -> Result<ExitCode, TrainError> {
    let method = if a.method == "sft" {
        Method::Sft
    } else {
        Method::DmSft
    };
    let p = a
        .mask_ratio
        .unwrap_or(if method == Method::DmSft { 0.5 } else { 0.0 });
    let opts = options(global, &a.optim, method, p, 512)?;
    let setup = setup(&a.optim, vec![a.data], a.valid, global)?;
    let summary = trainer::run(&opts, &setup)?;
    report(global, &summary);
    Ok(ExitCode::Ok)
}

fn pretrain(global: &Global, a: PretrainArgs) -> Result<ExitCode, TrainError> {
    let opts = options(global, &a.optim, Method::Pretrain, 0.0, a.seq_len)?;
    let setup = setup(&a.optim, a.corpus, a.valid, global)?;
    let summary = trainer::run(&opts, &setup)?;
    report(global, &summary);
    Ok(ExitCode::Ok)
}

fn generate(global: &Global, a: GenerateArgs) -> Result<ExitCode, TrainError> {
    let records = load_records(&a.data)?;
    let opts = GenerateOptions {
        decoding: match a.temperature {
            Some(t) => Decoding::Sample {
                temperature: t,
                top_p: a.top_p.unwrap_or(1.0),
            },
            None => Decoding::Greedy,
        },
        max_new_tokens: a.max_new_tokens,
        seed: global.seed,
        device: device::parse_device(&a.device)?,
    };
    opts.check()?;
    let g = Generator::load(&a.model, opts.device)?;
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::train::error::create_dir(dir)?;
    }
    let file = std::fs::File::create(&a.out)
        .map_err(|e| TrainError::env(format!("cannot write {}: {e}", a.out.display())))?;
    let mut w = std::io::BufWriter::new(file);
    let bar = if !global.json && std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(records.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let started = std::time::Instant::now();
    let mut exact = 0usize;
    for (i, r) in records.iter().enumerate() {
        let pred = g.generate(&paper_prompt(r), &opts, i as u64)?;
        exact += usize::from(pred.trim() == r.correct_sql.trim());
        writeln!(w, "{}", json!({"id": r.id, "pred_sql": pred}))
            .and_then(|_| w.flush())
            .map_err(|e| TrainError::env(format!("cannot write {}: {e}", a.out.display())))?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    print(
        global,
        json!({"out": a.out, "records": records.len(), "exact_match": exact, "seconds": secs}),
        || {
            format!(
                "wrote {} predictions to {} in {secs:.1}s ({exact} identical to correct_sql)",
                records.len(),
                a.out.display()
            )
        },
    );
    Ok(ExitCode::Ok)
}
