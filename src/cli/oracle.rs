//! `sqlforge oracle run|check`.

use super::args::{
    Global, OracleArgs, OracleCheckArgs, OracleCommand, OracleExportArgs, OracleRunArgs,
    SnippetsBuildArgs, SnippetsCommand,
};
use super::exit::{CliError, ExitCode};
use crate::engine::EngineSpec;
use crate::oracle::campaign::{self, CampaignPlan, CampaignSummary};
use crate::oracle::fill::Pool;
use crate::oracle::{load_dir, snippets, Oracle, Placeholder};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;
use std::time::Duration;

pub async fn run(global: &Global, args: OracleArgs) -> Result<ExitCode, CliError> {
    match args.which {
        OracleCommand::Run(a) => run_campaign(global, a).await,
        OracleCommand::Check(a) => check(global, a).await,
        OracleCommand::Export(a) => export(global, a).await,
        OracleCommand::Snippets(s) => match s.which {
            SnippetsCommand::Build(a) => build_snippets(global, a).await,
        },
    }
}

async fn build_snippets(global: &Global, a: SnippetsBuildArgs) -> Result<ExitCode, CliError> {
    let engines = EngineSpec::parse_list(&a.engines)?;
    if a.count == 0 {
        return Err(CliError::usage("--count must be at least 1"));
    }
    std::fs::create_dir_all(&a.out)
        .map_err(|e| CliError::usage(format!("cannot create {}: {e}", a.out.display())))?;
    let mut report = Vec::new();
    for spec in &engines {
        if spec.kind() == crate::engine::EngineKind::Cmd {
            return Err(CliError::usage(
                "snippets are built per built-in engine; cmd: engines use the grammar",
            ));
        }
        let bar = ProgressBar::new_spinner();
        bar.set_message(format!("verifying snippets on {spec}"));
        bar.enable_steady_tick(Duration::from_millis(200));
        let mut engine = crate::engine::connect(spec, &global.engine).await?;
        let built = snippets::build(engine.as_mut(), a.count, global.seed)
            .await
            .map_err(CliError::environment)?;
        engine.close().await;
        bar.finish_and_clear();
        let path = a.out.join(format!("{}.jsonl", spec.kind().name()));
        snippets::write(&path, &built)
            .map_err(|e| CliError::usage(format!("cannot write {}: {e}", path.display())))?;
        let count = |f: fn(&snippets::Snippet) -> bool| built.iter().filter(|s| f(s)).count();
        let line = serde_json::json!({
            "engine": spec.kind().name(), "file": path, "snippets": built.len(),
            "deterministic": count(|s| s.deterministic),
            "null_preserving": count(|s| s.null_preserving),
            "empty_preserving": count(|s| s.empty_preserving),
        });
        if !global.json {
            println!(
                "{}: {} snippets ({} deterministic, {} NULL-preserving, {} empty-preserving) -> {}",
                spec.kind().name(),
                built.len(),
                line["deterministic"],
                line["null_preserving"],
                line["empty_preserving"],
                path.display()
            );
        }
        report.push(line);
    }
    if global.json {
        println!("{}", serde_json::json!({ "engines": report }));
    }
    Ok(ExitCode::Ok)
}

fn load_oracles(path: &Path) -> Result<Vec<Oracle>, CliError> {
    if !path.exists() {
        return Err(CliError::usage(format!(
            "oracles not found: {}",
            path.display()
        )));
    }
    let (oracles, bad) = load_dir(path).map_err(|e| CliError::usage(e.to_string()))?;
    for e in &bad {
        eprintln!("warning: skipped: {e}");
    }
    if oracles.is_empty() {
        return Err(CliError::usage(format!(
            "no usable oracle in {}",
            path.display()
        )));
    }
    Ok(oracles)
}

fn parse_duration(text: &str) -> Result<Duration, CliError> {
    let t = text.trim();
    let (num, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: u64 = num.parse().map_err(|_| {
        CliError::usage(format!("--duration '{text}': expected e.g. 90s, 10m or 1h"))
    })?;
    let secs = match unit {
        "" | "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => {
            return Err(CliError::usage(format!(
                "--duration '{text}': unknown unit '{unit}' (s, m or h)"
            )))
        }
    };
    Ok(Duration::from_secs(secs))
}

fn parse_shard(text: &str) -> Result<(u64, u64), CliError> {
    let bad = || CliError::usage(format!("--shard '{text}': expected i/n with 0 <= i < n"));
    let (i, n) = text.split_once('/').ok_or_else(bad)?;
    let (i, n): (u64, u64) = (i.parse().map_err(|_| bad())?, n.parse().map_err(|_| bad())?);
    if n == 0 || i >= n {
        return Err(bad());
    }
    Ok((i, n))
}

fn print_summary(s: &CampaignSummary) {
    println!(
        "{} cases, {} executions: {} passed, {} findings ({} distinct) in {:.1}s ({:.0} cases/s)",
        s.cases,
        s.executed,
        s.passed,
        s.findings,
        s.unique_findings.len(),
        s.seconds,
        s.cases_per_sec
    );
    for (sig, n) in &s.unique_findings {
        println!("  finding {sig} x{n}");
    }
    for (engine, why) in &s.failed_engines {
        println!("  engine {engine} failed: {why}");
    }
}

/// The snippet pool for these engines: `--snippets DIR`, or `snippets/`
/// when it has a file for every engine; `None` means the grammar. Oracles
/// with a placeholder type no snippet satisfies are dropped with a warning.
fn snippet_pool(
    dir: Option<&Path>,
    engines: &[EngineSpec],
    oracles: &mut Vec<Oracle>,
) -> Result<Option<Pool>, CliError> {
    let names: Vec<&str> = engines.iter().map(|e| e.kind().name()).collect();
    let (dir, explicit) = match dir {
        Some(d) => (d.to_path_buf(), true),
        None => (std::path::PathBuf::from("snippets"), false),
    };
    let complete = names
        .iter()
        .all(|n| dir.join(format!("{n}.jsonl")).exists());
    if !complete {
        if explicit {
            let missing: Vec<String> = names
                .iter()
                .filter(|n| !dir.join(format!("{n}.jsonl")).exists())
                .map(|n| format!("{n}.jsonl"))
                .collect();
            return Err(CliError::usage(format!(
                "--snippets {}: no {} (build them with `sqlforge oracle snippets build`)",
                dir.display(),
                missing.join(", ")
            )));
        }
        return Ok(None);
    }
    let pool = snippets::usable(&dir, &names).map_err(CliError::usage)?;
    oracles.retain(|o| {
        let missing: Vec<&str> = o
            .placeholders
            .iter()
            .filter_map(|(_, p)| match p {
                Placeholder::Expr { ty, .. } if pool.get(ty).is_none_or(Vec::is_empty) => {
                    Some(ty.name())
                }
                _ => None,
            })
            .collect();
        if !missing.is_empty() {
            eprintln!(
                "warning: skipped oracle '{}' ({}:{}): no snippet of type {} runs on every engine",
                o.name,
                o.file.display(),
                o.line,
                missing.join(", ")
            );
        }
        missing.is_empty()
    });
    if oracles.is_empty() {
        return Err(CliError::usage("no oracle can be filled from the snippets"));
    }
    Ok(Some(pool))
}

async fn run_campaign(global: &Global, a: OracleRunArgs) -> Result<ExitCode, CliError> {
    let mut oracles = load_oracles(&a.oracles)?;
    let engines = EngineSpec::parse_list(&a.engines)?;
    let pool = snippet_pool(a.snippets.as_deref(), &engines, &mut oracles)?;
    let duration = a.duration.as_deref().map(parse_duration).transpose()?;
    let cases = match (a.cases, duration) {
        (None, None) => Some(1000),
        (c, _) => c,
    };
    let plan = CampaignPlan {
        cases,
        duration,
        shard: parse_shard(&a.shard)?,
        cases_per_db: a.cases_per_db.max(1),
        max_rows: a.max_rows,
        reduce_budget: if a.no_reduce { 0 } else { 400 },
        snippets: pool.map(std::sync::Arc::new),
        differential: a.differential,
        workers: a.workers.max(1),
        ..CampaignPlan::new(oracles, engines, 0, global.seed, a.out.clone())
    };
    let bar = match cases {
        Some(n) => ProgressBar::new(n.div_ceil(plan.shard.1)),
        None => ProgressBar::new_spinner(),
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} cases {per_sec} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    if global.json {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let ticker = bar.clone();
    let summary = campaign::run(&plan, &global.engine, move || ticker.inc(1)).await?;
    bar.finish_and_clear();
    if let Some(path) = &a.junit {
        std::fs::write(path, campaign::junit(&summary))
            .map_err(|e| CliError::usage(format!("cannot write {}: {e}", path.display())))?;
    }
    if global.json {
        println!("{}", serde_json::to_string(&summary).unwrap_or_default());
    } else {
        print_summary(&summary);
        println!("findings in {}", a.out.join("findings").display());
    }
    Ok(if summary.findings > 0 {
        ExitCode::Failures
    } else {
        ExitCode::Ok
    })
}

async fn check(global: &Global, a: OracleCheckArgs) -> Result<ExitCode, CliError> {
    let oracles = load_oracles(&a.file)?;
    let engines = EngineSpec::parse_list(&a.engines)?;
    let tmp;
    let out = match &a.out {
        Some(o) => o.clone(),
        None => {
            tmp = tempfile_dir()?;
            tmp.clone()
        }
    };
    let mut rejected = 0;
    let mut report = Vec::new();
    for oracle in &oracles {
        let plan = CampaignPlan {
            cases_per_db: a.fillings.max(1),
            reduce_budget: 200,
            ..CampaignPlan::new(
                vec![oracle.clone()],
                engines.clone(),
                a.databases * a.fillings,
                global.seed,
                out.join(&oracle.name),
            )
        };
        let s = campaign::run(&plan, &global.engine, || {}).await?;
        let label = if s.findings > 0 {
            rejected += 1;
            format!(
                "rejected: {} counterexamples (see {})",
                s.findings,
                plan.out.join("findings").display()
            )
        } else {
            format!(
                "tested on {} databases x {} fillings: {} passed executions",
                a.databases, a.fillings, s.passed
            )
        };
        report.push(serde_json::json!({"oracle": oracle.name, "verdict": if s.findings > 0 {"rejected"} else {"tested"}, "label": label, "summary": s}));
        if !global.json {
            println!("{}: {label}", oracle.name);
        }
    }
    if global.json {
        println!("{}", serde_json::json!({ "oracles": report }));
    }
    Ok(if rejected > 0 {
        ExitCode::Failures
    } else {
        ExitCode::Ok
    })
}

fn tempfile_dir() -> Result<std::path::PathBuf, CliError> {
    let dir = std::env::temp_dir().join(format!("sqlforge-oracle-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::environment(format!("cannot create {}: {e}", dir.display())))?;
    Ok(dir)
}

async fn export(global: &Global, a: OracleExportArgs) -> Result<ExitCode, CliError> {
    if a.format != "slt" {
        return Err(CliError::usage(format!(
            "--format '{}': only slt is supported",
            a.format
        )));
    }
    let mut oracles = load_oracles(&a.oracles)?;
    let spec: EngineSpec = a.engine.parse().map_err(CliError::from)?;
    let pool = snippet_pool(
        a.snippets.as_deref(),
        std::slice::from_ref(&spec),
        &mut oracles,
    )?;
    let plan = CampaignPlan {
        snippets: pool.map(std::sync::Arc::new),
        ..CampaignPlan::new(
            oracles,
            vec![spec.clone()],
            a.cases,
            global.seed,
            std::env::temp_dir(),
        )
    };
    let (text, stats) = crate::oracle::export::export_slt(&plan, &spec, &global.engine).await?;
    std::fs::write(&a.out, text)
        .map_err(|e| CliError::usage(format!("cannot write {}: {e}", a.out.display())))?;
    if global.json {
        println!("{}", serde_json::json!({ "out": a.out, "stats": stats }));
    } else {
        println!(
            "{} of {} cases exported to {} ({} skipped: rejected fillings or results equal only up to tolerance)",
            stats.exported,
            stats.cases,
            a.out.display(),
            stats.skipped
        );
    }
    Ok(ExitCode::Ok)
}
