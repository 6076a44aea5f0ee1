//! `sqlforge bench`: benchmarks with a side-by-side ratio against a baseline.

use super::args::{BenchArgs, BenchCommand, Global};
use super::exit::{CliError, ExitCode};
use crate::bench::engine_overhead;
use crate::engine::{EngineKind, EngineSpec};

pub async fn run(global: &Global, args: BenchArgs) -> Result<ExitCode, CliError> {
    match args.which {
        BenchCommand::Engine { statements, rounds } => {
            if statements == 0 {
                return Err(CliError::usage("--statements must be at least 1"));
            }
            let mut results = Vec::new();
            for kind in [EngineKind::DuckDb, EngineKind::Sqlite] {
                eprintln!(
                    "measuring {kind}: {rounds} rounds of {statements} statements per path..."
                );
                results.push(
                    engine_overhead::run(kind, statements, rounds)
                        .await
                        .map_err(CliError::environment)?,
                );
            }
            if global.json {
                println!(
                    "{}",
                    serde_json::json!({ "benchmark": "engine_overhead", "results": results })
                );
            } else {
                println!(
                    "{:<8} {:>14} {:>14} {:>7}  target",
                    "engine", "raw stmt/s", "Engine stmt/s", "ratio"
                );
                for r in &results {
                    println!(
                        "{:<8} {:>14.0} {:>14.0} {:>7.3}  >= 0.9 {}",
                        r.engine.name(),
                        r.raw_per_sec,
                        r.engine_per_sec,
                        r.ratio,
                        if r.ratio >= 0.9 { "met" } else { "MISSED" }
                    );
                }
            }
            Ok(ExitCode::Ok)
        }
        BenchCommand::Recall { queries, corpora } => {
            let corpora =
                crate::corpus::load_all(&corpora).map_err(|e| CliError::usage(e.to_string()))?;
            let taxonomy = crate::taxonomy::Taxonomy::builtin();
            let r =
                crate::bench::recall::run(&corpora, &taxonomy, queries).map_err(CliError::usage)?;
            if global.json {
                println!(
                    "{}",
                    serde_json::json!({ "benchmark": "recall", "result": r })
                );
            } else {
                println!(
                    "indexed {} queries (from {} real ones; extraction {:.0} queries/s, index build {:.0} ms)",
                    r.indexed_queries, r.source_queries, r.extract_per_sec, r.index_build_ms
                );
                println!(
                    "recall over {} categories: mean {:.2} ms, max {:.2} ms (target < 1000 ms) | linear scan mean {:.2} ms | speedup {:.1}x",
                    r.categories, r.mean_recall_ms, r.max_recall_ms, r.mean_scan_ms, r.speedup
                );
            }
            Ok(ExitCode::Ok)
        }
        BenchCommand::Oracle { cases, oracles } => {
            let (oracles, bad) =
                crate::oracle::load_dir(&oracles).map_err(|e| CliError::usage(e.to_string()))?;
            if let Some(e) = bad.first() {
                return Err(CliError::usage(e.to_string()));
            }
            let out =
                std::env::temp_dir().join(format!("sqlforge-bench-oracle-{}", std::process::id()));
            let plan = crate::oracle::campaign::CampaignPlan::new(
                oracles,
                vec![EngineSpec::DuckDb, EngineSpec::Sqlite],
                cases,
                1,
                out.clone(),
            );
            eprintln!(
                "{cases} cases on duckdb,sqlite: replay, then the campaign with 1 and 2 workers..."
            );
            let r = crate::bench::oracle::run(plan)
                .await
                .map_err(CliError::from)?;
            let _ = std::fs::remove_dir_all(&out);
            if global.json {
                println!(
                    "{}",
                    serde_json::json!({ "benchmark": "oracle", "result": r })
                );
            } else {
                println!(
                    "replay {:.0} cases/s | campaign, 1 worker {:.0} cases/s (ratio {:.2}, target >= 0.8 {}) | 2 workers {:.0} cases/s (scaling {:.2}x) | findings {}",
                    r.replay_cases_per_sec,
                    r.one_worker_cases_per_sec,
                    r.ratio,
                    if r.ratio >= 0.8 { "met" } else { "MISSED" },
                    r.two_workers_cases_per_sec,
                    r.scaling,
                    r.findings
                );
            }
            Ok(ExitCode::Ok)
        }
        BenchCommand::Check {
            pairs,
            engines,
            corpora,
            candidates,
            mutants,
        } => bench_check(global, &pairs, &engines, &corpora, candidates, mutants).await,
        BenchCommand::Synth {
            per_category,
            categories,
            corpora,
        } => {
            if per_category == 0 {
                return Err(CliError::usage("--per-category must be at least 1"));
            }
            let corpora =
                crate::corpus::load_all(&corpora).map_err(|e| CliError::usage(e.to_string()))?;
            let taxonomy = crate::taxonomy::Taxonomy::builtin();
            let categories = super::synth::select(&taxonomy, Some(&categories))?;
            let categories: Vec<_> = categories
                .into_iter()
                .filter(|c| !crate::inject::rules_for(&c.id).is_empty())
                .collect();
            eprintln!(
                "synthesising {per_category} pairs for each of {} categories twice: corpus loaded once, then a fresh sandbox per candidate...",
                categories.len()
            );
            let r = crate::bench::synth::run_bench(&corpora, &taxonomy, &categories, per_category)
                .await
                .map_err(CliError::from)?;
            if global.json {
                println!(
                    "{}",
                    serde_json::json!({ "benchmark": "synth", "result": r })
                );
            } else {
                println!(
                    "{:<24} {:>8} {:>8} {:>9} {:>9} {:>10} {:>10}",
                    "path", "pairs", "records", "total s", "load s", "records/s", "in engines"
                );
                for (name, s) in [
                    ("loaded once + rollback", &r.loaded_once),
                    ("fresh sandbox each", &r.rebuilt_per_candidate),
                ] {
                    println!(
                        "{:<24} {:>8} {:>8} {:>9.2} {:>9.2} {:>10.1} {:>9.0}%",
                        name,
                        s.validated_pairs,
                        s.records,
                        s.total_secs,
                        s.load_secs,
                        s.records_per_sec,
                        s.engine_share * 100.0
                    );
                }
                let after_load = r.loaded_once.records as f64
                    / (r.loaded_once.total_secs - r.loaded_once.load_secs).max(1e-9);
                println!(
                    "speedup {:.1}x | {:.0} records/s per core after loading (target >= 100: {}) | same records on both paths: {}",
                    r.speedup,
                    after_load,
                    if after_load >= 100.0 { "met" } else { "MISSED" },
                    r.same_output
                );
            }
            Ok(ExitCode::Ok)
        }
    }
}

async fn bench_check(
    global: &Global,
    pairs: &std::path::Path,
    engines: &str,
    corpora: &std::path::Path,
    candidates: usize,
    mutants: usize,
) -> Result<ExitCode, CliError> {
    use crate::check::labelled::{evaluate, read_pairs, Confusion};
    let pairs = read_pairs(pairs).map_err(CliError::usage)?;
    let specs = EngineSpec::parse_list(engines)?;
    let opts = crate::check::CheckOptions {
        seed: global.seed,
        candidates,
        mutants,
        ..Default::default()
    };
    let mut reports = Vec::new();
    for spec in &specs {
        let bar = indicatif::ProgressBar::new(pairs.len() as u64);
        if global.json {
            bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        let tick = bar.clone();
        let r = evaluate(
            &pairs,
            spec,
            &global.engine,
            &opts,
            &[corpora.to_path_buf()],
            move || tick.inc(1),
        )
        .await
        .map_err(CliError::environment)?;
        bar.finish_and_clear();
        reports.push(r);
    }
    if global.json {
        println!(
            "{}",
            serde_json::json!({"benchmark": "check", "results": reports})
        );
        return Ok(ExitCode::Ok);
    }
    let row = |name: &str, c: &Confusion| {
        println!(
            "  {:<16} {:>8} {:>8} {:>8} {:>8} {:>9.1}%",
            name,
            c.true_accept,
            c.false_reject,
            c.false_accept,
            c.true_reject,
            100.0 * c.rewrite_acceptance()
        );
    };
    for r in &reports {
        println!("{} ({} pairs)", r.engine, r.pairs);
        println!(
            "  {:<16} {:>8} {:>8} {:>8} {:>8} {:>10}",
            "method", "eq->eq", "eq->ne", "nm->eq", "nm->ne", "rewrites"
        );
        row("check", &r.check);
        row("single database", &r.single_database);
        row("exact match", &r.exact_match);
        println!(
            "  checks/s: {:.1} (suite of {:.1} databases on average) vs single database {:.1}/s: ratio {:.3}",
            r.checks_per_second,
            r.mean_suite_databases,
            r.single_database_per_second,
            r.checks_per_second / r.single_database_per_second.max(1e-9)
        );
        for w in &r.wrong {
            println!("  wrong: {} ({}, {}): {}", w.id, w.label, w.kind, w.check);
        }
    }
    Ok(ExitCode::Ok)
}
