//! `sqlforge oracle run|check`.

use super::args::{Global, OracleArgs, OracleCheckArgs, OracleCommand, OracleRunArgs};
use super::exit::{CliError, ExitCode};
use crate::engine::EngineSpec;
use crate::oracle::campaign::{self, CampaignPlan, CampaignSummary};
use crate::oracle::{load_dir, Oracle};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;
use std::time::Duration;

pub async fn run(global: &Global, args: OracleArgs) -> Result<ExitCode, CliError> {
    match args.which {
        OracleCommand::Run(a) => run_campaign(global, a).await,
        OracleCommand::Check(a) => check(global, a).await,
    }
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

async fn run_campaign(global: &Global, a: OracleRunArgs) -> Result<ExitCode, CliError> {
    let oracles = load_oracles(&a.oracles)?;
    let engines = EngineSpec::parse_list(&a.engines)?;
    let duration = a.duration.as_deref().map(parse_duration).transpose()?;
    let cases = match (a.cases, duration) {
        (None, None) => Some(1000),
        (c, _) => c,
    };
    let plan = CampaignPlan {
        oracles: std::sync::Arc::new(oracles),
        engines,
        cases,
        duration,
        seed: global.seed,
        shard: parse_shard(&a.shard)?,
        cases_per_db: a.cases_per_db.max(1),
        max_rows: a.max_rows,
        out: a.out.clone(),
        reduce_budget: if a.no_reduce { 0 } else { 400 },
        workers: a.workers.max(1),
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
            oracles: std::sync::Arc::new(vec![oracle.clone()]),
            engines: engines.clone(),
            cases: Some(a.databases * a.fillings),
            duration: None,
            seed: global.seed,
            shard: (0, 1),
            cases_per_db: a.fillings.max(1),
            max_rows: 8,
            out: out.join(&oracle.name),
            reduce_budget: 200,
            workers: 1,
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
