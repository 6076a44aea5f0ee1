//! `sqlforge synth`: the main job.

use super::args::{Global, SynthArgs};
use super::exit::{CliError, ExitCode};
use crate::corpus;
use crate::dataset::read_records;
use crate::engine::EngineSpec;
use crate::inject::rules_for;
use crate::llm::{LlmClient, LlmConfig};
use crate::synth::run::{run as run_plan, Done, Plan};
use crate::taxonomy::{Category, Taxonomy};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use std::collections::BTreeSet;
use std::time::Instant;

/// The LLM client for `--injector llm|both`, after checking that the
/// endpoint answers at all (so a dead endpoint fails before any work).
async fn llm_client(args: &SynthArgs) -> Result<LlmClient, CliError> {
    let url = &args.llm_base_url;
    crate::llm::probe(url).await.map_err(|e| match e {
        crate::llm::ProbeError::NoHost(_) => CliError::usage(e.to_string()),
        crate::llm::ProbeError::Down { .. } => CliError::environment(e.to_string()),
    })?;
    let mut config = LlmConfig::from_env();
    config.base_url = url.clone();
    config.model = args.llm_model.clone();
    config.concurrency = args.concurrency.max(1);
    config.timeout = std::time::Duration::from_secs(args.llm_timeout_secs.max(1));
    config.cache_dir = Some(
        args.llm_cache
            .clone()
            .unwrap_or_else(|| args.out.with_extension("llm-cache")),
    );
    Ok(LlmClient::new(config))
}

pub(super) fn select<'t>(
    taxonomy: &'t Taxonomy,
    patterns: Option<&str>,
) -> Result<Vec<&'t Category>, CliError> {
    let Some(patterns) = patterns else {
        return Ok(taxonomy
            .categories
            .iter()
            .filter(|c| !rules_for(&c.id).is_empty())
            .collect());
    };
    let mut ids = BTreeSet::new();
    for p in patterns.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let found = taxonomy.select(p);
        if found.is_empty() {
            return Err(CliError::usage(format!(
                "--categories: '{p}' matches no category (see `sqlforge taxonomy`)"
            )));
        }
        ids.extend(found.into_iter().map(|c| c.id.clone()));
    }
    Ok(taxonomy
        .categories
        .iter()
        .filter(|c| ids.contains(&c.id))
        .collect())
}

pub async fn run(global: &Global, args: SynthArgs) -> Result<ExitCode, CliError> {
    let corpora = corpus::load_all(&args.corpus).map_err(|e| CliError::usage(e.to_string()))?;
    let taxonomy = Taxonomy::builtin();
    let categories = select(&taxonomy, args.categories.as_deref())?;
    let engines = EngineSpec::parse_list(&args.engines)?;
    if engines.is_empty() {
        return Err(CliError::usage("--engines: name at least one engine"));
    }
    let llm = match args.injector.as_str() {
        "rules" => None,
        _ => Some(std::sync::Arc::new(llm_client(&args).await?)),
    };
    if args.per_category == 0 {
        return Err(CliError::usage("--per-category must be at least 1"));
    }
    let existing = args.out.metadata().map(|m| m.len() > 0).unwrap_or(false);
    if existing && !args.resume {
        return Err(CliError::usage(format!(
            "{} already has records: pass --resume to continue it, or choose another --out",
            args.out.display()
        )));
    }
    let done = if existing {
        Done::from_records(&read_records(&args.out).map_err(|e| CliError::usage(e.to_string()))?)
    } else {
        Done::default()
    };
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::usage(format!("cannot create {}: {e}", dir.display())))?;
    }
    let mut out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&args.out)
        .map_err(|e| CliError::usage(format!("cannot write {}: {e}", args.out.display())))?;
    let plan = Plan {
        use_rules: args.injector != "llm",
        llm,
        corpora: &corpora,
        taxonomy: &taxonomy,
        categories,
        engines,
        per_category: args.per_category,
        max_diff_lines: args.max_diff_lines,
        seed: global.seed,
        rebuild_per_candidate: false,
    };
    let bar = ProgressBar::new(plan.categories.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} categories {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let mut config = global.engine.clone();
    if !global.timeout_given {
        config.timeout = std::time::Duration::from_millis(crate::synth::DEFAULT_TIMEOUT_MS);
    }
    let (summary, timing) = run_plan(&plan, &config, done, &mut out, |id| {
        bar.set_message(id.to_string());
        bar.inc(1);
    })
    .await?;
    bar.finish_and_clear();
    let usage = plan.llm.as_ref().map(|c| c.usage());
    let records: usize = summary.values().map(|s| s.records).sum();
    let validated: usize = summary.values().map(|s| s.validated).sum();
    let secs = started.elapsed().as_secs_f64();
    if global.json {
        println!(
            "{}",
            json!({"out": args.out, "records": records, "validated_pairs": validated, "seconds": secs, "timing": timing, "llm_usage": usage, "categories": summary})
        );
    } else {
        println!(
            "{:<50} {:>8} {:>8} {:>9} {:>7}  rejected",
            "category", "recalled", "injected", "validated", "records"
        );
        for (id, s) in &summary {
            let rejected: Vec<String> =
                s.rejected.iter().map(|(k, v)| format!("{k} {v}")).collect();
            println!(
                "{id:<50} {:>8} {:>8} {:>9} {:>7}  {}",
                s.recalled,
                s.injected,
                s.validated,
                s.records,
                rejected.join(", ")
            );
        }
        println!(
            "{validated} validated pairs, {records} new records in {:.1}s ({:.1}s loading corpora, {:.1}s inside the engines) -> {}",
            secs,
            timing.load_secs,
            timing.engine_secs,
            args.out.display()
        );
        if let Some(u) = &usage {
            let failed: usize = summary.values().map(|s| s.llm_failed).sum();
            println!(
                "LLM: {} requests ({} failed), {} cache hits, {} prompt + {} completion tokens, about ${:.4}",
                u.requests, failed, u.cache_hits, u.prompt_tokens, u.completion_tokens, u.estimated_usd
            );
        }
    }
    Ok(ExitCode::Ok)
}
