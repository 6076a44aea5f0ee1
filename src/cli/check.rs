//! `sqlforge check`: one repair verdict.

use super::args::Global;
use super::{CliError, ExitCode};
use crate::check::inputs::{record_by_ref, setup_for_record};
use crate::check::{CheckOptions, CheckReport, Checker, Setup, Verdict};
use crate::engine::EngineSpec;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// SQL script that builds the database: schema, then data
    #[arg(long, required_unless_present = "record", conflicts_with = "record")]
    pub setup: Option<PathBuf>,
    /// A bug-fix record, as FILE.jsonl:ID; its database is the schema plus
    /// the data of its source corpus (see --corpora)
    #[arg(long)]
    pub record: Option<String>,
    /// The gold SQL, or @FILE (default with --record: its correct_sql)
    #[arg(long)]
    pub gold: Option<String>,
    /// The predicted SQL, or @FILE
    #[arg(long)]
    pub pred: String,
    /// Engine (default: the record's engine, else duckdb)
    #[arg(long)]
    pub engine: Option<String>,
    /// Folders that hold the corpora records came from
    #[arg(long, num_args = 1.., default_value = "corpora")]
    pub corpora: Vec<PathBuf>,
    #[command(flatten)]
    pub knobs: CheckKnobs,
}

/// The checker's knobs, shared by `check` and `eval`.
#[derive(Debug, Args)]
pub struct CheckKnobs {
    /// Stop after the record's own database (no mutants, no fuzzed suite)
    #[arg(long)]
    pub no_fuzz: bool,
    /// Most mutants of the record's database tried (0: none)
    #[arg(long, default_value_t = CheckOptions::default().mutants)]
    pub mutants: usize,
    /// Most candidate databases tried when distilling the gold's suite
    #[arg(long, default_value_t = CheckOptions::default().candidates)]
    pub candidates: usize,
    /// Most rows per table in a fuzzed database
    #[arg(long, default_value_t = CheckOptions::default().max_rows)]
    pub max_rows: usize,
}

/// `--gold`/`--pred` text, or the file after `@`.
pub(super) fn sql_arg(flag: &str, value: &str) -> Result<String, CliError> {
    match value.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| CliError::usage(format!("{flag} @{path}: cannot read: {e}"))),
        None => Ok(value.to_string()),
    }
}

impl CheckKnobs {
    pub(super) fn options(&self, global: &Global) -> Result<CheckOptions, CliError> {
        if self.max_rows == 0 {
            return Err(CliError::usage("--max-rows must be at least 1"));
        }
        Ok(CheckOptions {
            seed: global.seed,
            fuzz: !self.no_fuzz,
            candidates: self.candidates,
            max_rows: self.max_rows,
            mutants: self.mutants,
            ..Default::default()
        })
    }
}

pub async fn run(global: &Global, a: CheckArgs) -> Result<ExitCode, CliError> {
    let (setup, gold, default_engine) = match (&a.setup, &a.record) {
        (Some(path), _) => {
            let script = std::fs::read_to_string(path).map_err(|e| {
                CliError::usage(format!("--setup {}: cannot read: {e}", path.display()))
            })?;
            let gold = a
                .gold
                .as_deref()
                .ok_or_else(|| CliError::usage("--gold is required with --setup"))?;
            (
                Setup::from_script(path.display().to_string(), &script),
                sql_arg("--gold", gold)?,
                "duckdb".to_string(),
            )
        }
        (None, Some(reference)) => {
            let record = record_by_ref(reference).map_err(CliError::usage)?;
            let gold = match &a.gold {
                Some(g) => sql_arg("--gold", g)?,
                None => record.correct_sql.clone(),
            };
            (
                setup_for_record(&record, &a.corpora),
                gold,
                record.engine.clone(),
            )
        }
        (None, None) => {
            return Err(CliError::usage(
                "give --setup FILE or --record FILE.jsonl:ID",
            ))
        }
    };
    if gold.trim().is_empty() {
        return Err(CliError::usage("the gold SQL is empty"));
    }
    let pred = sql_arg("--pred", &a.pred)?;
    let spec: EngineSpec = a
        .engine
        .as_deref()
        .unwrap_or(&default_engine)
        .parse()
        .map_err(CliError::from)?;
    let mut checker = Checker::new(spec, global.engine.clone(), a.knobs.options(global)?);
    let report = checker.check(&setup, &gold, &pred).await?;
    checker.close().await;
    if global.json {
        println!("{}", serde_json::to_string(&report).expect("serialisable"));
    } else {
        print_report(&report);
    }
    Ok(match report.verdict {
        Verdict::Equivalent { .. } => ExitCode::Ok,
        Verdict::NotEquivalent { .. } | Verdict::PredError { .. } => ExitCode::Failures,
        Verdict::Unknown { .. } => ExitCode::Undecided,
    })
}

fn print_report(r: &CheckReport) {
    match &r.verdict {
        Verdict::Equivalent {
            tier,
            databases,
            rows,
        } => {
            let tier = serde_json::to_value(tier).expect("tier");
            println!(
                "equivalent ({}): {databases} databases, {rows} rows compared on {}",
                tier.as_str().unwrap_or_default(),
                r.engine
            );
        }
        Verdict::NotEquivalent {
            tier,
            counterexample: c,
        } => {
            let tier = serde_json::to_value(tier).expect("tier");
            println!(
                "not_equivalent ({}) on {}: {}",
                tier.as_str().unwrap_or_default(),
                c.database,
                c.mismatch
            );
            for (side, result) in [("gold", &c.gold_result), ("pred", &c.pred_result)] {
                println!("-- {side}: {}", result.columns.join(" | "));
                for row in &result.rows {
                    println!("   {}", row.join(" | "));
                }
                if result.more > 0 {
                    println!("   … {} more rows", result.more);
                }
            }
            if c.database.starts_with("fuzzed") {
                println!("-- counterexample database:");
                println!("{}", c.database_sql);
            }
        }
        Verdict::PredError { message, code } => match code {
            Some(code) => println!("pred_error [{code}]: {message}"),
            None => println!("pred_error: {message}"),
        },
        Verdict::Unknown { reason, .. } => println!("unknown: {reason}"),
    }
    if let Some(s) = &r.suite {
        println!(
            "suite: {} databases ({} candidates tried, {} of {} neighbours told apart{})",
            s.databases,
            s.candidates,
            s.neighbours_killed,
            s.neighbours,
            if s.cached { ", cached" } else { "" }
        );
    }
}
