//! `sqlforge eval`: predict, check, report.

use super::args::Global;
use super::{CliError, ExitCode};
use crate::check::eval::preds::read_predictions;
use crate::check::eval::run::{read_results, EvalError};
use crate::check::eval::{markdown, report, EvalPlan, Predictor};
use crate::dataset::record::read_records;
use crate::engine::EngineSpec;
use crate::llm::{LlmClient, LlmConfig};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Bug-fix records (JSONL, docs/DATASET.md)
    #[arg(long)]
    pub data: PathBuf,
    /// openai:NAME (an OpenAI-compatible endpoint), local:DIR (a model
    /// folder, needs the `train` feature) or preds:FILE (predictions JSONL)
    #[arg(long)]
    pub model: String,
    /// Check every record on this engine instead of its own
    #[arg(long)]
    pub engine: Option<String>,
    /// Model requests in flight at once
    #[arg(long, default_value_t = 4)]
    pub concurrency: usize,
    /// Output folder: results.jsonl (append-only, resumable), report.json,
    /// report.md
    #[arg(long)]
    pub out: PathBuf,
    /// Folders that hold the corpora records came from
    #[arg(long, num_args = 1.., default_value = "corpora")]
    pub corpora: Vec<PathBuf>,
    /// OpenAI-compatible endpoint (the key comes from OPENAI_API_KEY)
    #[arg(
        long,
        env = "OPENAI_BASE_URL",
        default_value = "https://api.openai.com/v1"
    )]
    pub llm_base_url: String,
    /// Seconds per model request, retries included
    #[arg(long, default_value_t = 60)]
    pub llm_timeout_secs: u64,
    /// Reply cache folder (default: <out>/llm-cache)
    #[arg(long)]
    pub llm_cache: Option<PathBuf>,
    #[command(flatten)]
    pub knobs: super::check::CheckKnobs,
}

async fn predictor(a: &EvalArgs, ids: &BTreeSet<String>) -> Result<(Predictor, String), CliError> {
    let (kind, rest) = a
        .model
        .split_once(':')
        .filter(|(_, r)| !r.is_empty())
        .ok_or_else(|| {
            CliError::usage(format!(
                "--model '{}': expected openai:NAME, local:DIR or preds:FILE",
                a.model
            ))
        })?;
    match kind {
        "preds" => {
            let map = read_predictions(std::path::Path::new(rest), ids).map_err(CliError::usage)?;
            Ok((Predictor::Preds(map), a.model.clone()))
        }
        "openai" => {
            crate::llm::probe(&a.llm_base_url)
                .await
                .map_err(|e| match e {
                    crate::llm::ProbeError::NoHost(_) => CliError::usage(e.to_string()),
                    crate::llm::ProbeError::Down { .. } => CliError::environment(e.to_string()),
                })?;
            let mut config = LlmConfig::from_env();
            config.base_url = a.llm_base_url.clone();
            config.model = rest.to_string();
            config.concurrency = a.concurrency.max(1);
            config.timeout = std::time::Duration::from_secs(a.llm_timeout_secs.max(1));
            config.cache_dir = Some(
                a.llm_cache
                    .clone()
                    .unwrap_or_else(|| a.out.join("llm-cache")),
            );
            Ok((
                Predictor::Llm(Arc::new(LlmClient::new(config))),
                a.model.clone(),
            ))
        }
        "local" => local(rest).map(|p| (p, a.model.clone())),
        other => Err(CliError::usage(format!(
            "--model '{}': unknown kind '{other}' (expected openai, local or preds)",
            a.model
        ))),
    }
}

#[cfg(feature = "train")]
fn local(dir: &str) -> Result<Predictor, CliError> {
    let dir = PathBuf::from(dir);
    if !dir.join("config.json").is_file() {
        return Err(CliError::usage(format!(
            "--model local:{}: no config.json there (a model folder from `sqlforge train`)",
            dir.display()
        )));
    }
    let opts = crate::train::generate::GenerateOptions::default();
    // Loaded once, up front, so a bad folder (a missing tensor, a tokenizer
    // that does not fit) is refused before any work.
    let generator = crate::train::generate::Generator::load(&dir, opts.device)
        .map_err(|e| CliError::usage(format!("--model local:{}: {e}", dir.display())))?;
    let generator = std::sync::Mutex::new(generator);
    Ok(Predictor::Local(Box::new(move |prompts: &[String]| {
        let g = generator
            .lock()
            .map_err(|_| "the model panicked".to_string())?;
        prompts
            .iter()
            .enumerate()
            .map(|(i, p)| g.generate(p, &opts, i as u64).map_err(|e| e.to_string()))
            .collect()
    })))
}

#[cfg(not(feature = "train"))]
fn local(dir: &str) -> Result<Predictor, CliError> {
    Err(CliError::usage(format!(
        "--model local:{dir} needs a build with `--features train` (docs/TRAIN.md)"
    )))
}

pub async fn run(global: &Global, a: EvalArgs) -> Result<ExitCode, CliError> {
    let records = read_records(&a.data).map_err(|e| CliError::usage(e.to_string()))?;
    if records.is_empty() {
        return Err(CliError::usage(format!("{}: no records", a.data.display())));
    }
    let ids: BTreeSet<String> = records.iter().map(|r| r.id.clone()).collect();
    if ids.len() != records.len() {
        return Err(CliError::usage(format!(
            "{}: record ids are not unique",
            a.data.display()
        )));
    }
    let engine = match &a.engine {
        Some(e) => Some(e.parse::<EngineSpec>().map_err(CliError::from)?),
        None => None,
    };
    let (predictor, model_label) = predictor(&a, &ids).await?;
    let plan = EvalPlan {
        records,
        engine,
        corpora: a.corpora.clone(),
        out: a.out.clone(),
        check: a.knobs.options(global)?,
        batch: (a.concurrency.max(1) * 4).max(8),
    };
    let bar = ProgressBar::new(plan.records.len() as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{bar:30}] {pos}/{len} records {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    if global.json {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let tick_bar = bar.clone();
    let evaluated =
        crate::check::eval::run::run(&plan, &predictor, &global.engine, move || tick_bar.inc(1))
            .await
            .map_err(|e| match e {
                EvalError::Engine(s) => CliError::from(s),
                EvalError::BadEngine { .. } => CliError::usage(e.to_string()),
                EvalError::Io(m) => CliError::environment(m),
            })?;
    bar.finish_and_clear();
    let results = read_results(&a.out).map_err(|e| CliError::environment(e.to_string()))?;
    let results: Vec<_> = results
        .into_values()
        .filter(|r| ids.contains(&r.id))
        .collect();
    let rep = report(&model_label, &a.data.display().to_string(), &results);
    let json = serde_json::to_string_pretty(&rep).expect("serialisable");
    let write = |name: &str, text: &str| {
        std::fs::write(a.out.join(name), text).map_err(|e| {
            CliError::environment(format!("cannot write {}: {e}", a.out.join(name).display()))
        })
    };
    write("report.json", &json)?;
    write("report.md", &markdown(&rep))?;
    if let Predictor::Llm(client) = &predictor {
        tracing::info!("model usage: {:?}", client.usage());
    }
    if global.json {
        println!(
            "{}",
            serde_json::to_string(&serde_json::json!({"evaluated_now": evaluated, "report": rep}))
                .expect("json")
        );
    } else {
        println!(
            "{}: accuracy {:.1}% ({}/{}), exact match {:.1}%, hallucinated edits {:.1}%, {} broken records; {} evaluated now; report in {}",
            model_label,
            100.0 * rep.overall.accuracy,
            rep.overall.correct,
            rep.overall.scored,
            100.0 * rep.exact_match_rate,
            100.0 * rep.hallucinated_edit_rate,
            rep.broken.len(),
            evaluated,
            a.out.join("report.md").display()
        );
    }
    Ok(ExitCode::Ok)
}
