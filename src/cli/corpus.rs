//! `sqlforge corpus stats|recall`.

use super::args::{CorpusArgs, CorpusCommand, Global};
use super::exit::{CliError, ExitCode};
use crate::corpus::{self, run::run_corpus, Corpus, FeatureIndex};
use crate::engine::{self, EngineSpec};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use std::path::PathBuf;

fn load(paths: &[PathBuf]) -> Result<Vec<Corpus>, CliError> {
    corpus::load_all(paths).map_err(|e| CliError::usage(e.to_string()))
}

pub async fn run(global: &Global, args: CorpusArgs) -> Result<ExitCode, CliError> {
    match args.which {
        CorpusCommand::Stats {
            engines,
            no_run,
            corpora,
        } => stats(global, &engines, no_run, &corpora).await,
        CorpusCommand::Recall {
            category,
            limit,
            file,
            corpora,
        } => {
            let taxonomy = super::taxonomy::load(&file)?;
            let Some(cat) = taxonomy.get(&category) else {
                return Err(CliError::usage(format!(
                    "unknown category id '{category}' (see `sqlforge taxonomy`)"
                )));
            };
            let corpora = load(&corpora)?;
            let index = FeatureIndex::build(&corpora);
            let matched = index.candidates(cat).len();
            let hits: Vec<_> = index
                .recall(cat, limit)
                .into_iter()
                .map(|i| index.hit(&corpora, i))
                .collect();
            if global.json {
                println!(
                    "{}",
                    json!({"category": cat.id, "matched": matched, "returned": hits.len(), "hits": hits})
                );
            } else {
                println!(
                    "{}: {matched} of {} queries fit; showing {}",
                    cat.id,
                    index.len(),
                    hits.len()
                );
                for h in &hits {
                    println!("  {}/{}  ({} lines)  {}", h.corpus, h.id, h.lines, h.origin);
                }
            }
            Ok(ExitCode::Ok)
        }
    }
}

async fn stats(
    global: &Global,
    engines: &str,
    no_run: bool,
    paths: &[PathBuf],
) -> Result<ExitCode, CliError> {
    let corpora = load(paths)?;
    let specs = EngineSpec::parse_list(engines)?;
    let index = FeatureIndex::build(&corpora);
    let mut runs = Vec::new();
    if !no_run {
        let total: usize = specs
            .iter()
            .map(|s| {
                corpora
                    .iter()
                    .map(|c| c.queries.iter().filter(|q| q.runs_on(s.kind())).count())
                    .sum::<usize>()
            })
            .sum();
        let bar = ProgressBar::new(total as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {msg:24} [{bar:30}] {pos}/{len} queries ({per_sec})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        for spec in &specs {
            let mut engine = engine::connect(spec, &global.engine).await?;
            for c in &corpora {
                bar.set_message(format!("{}/{}", spec, c.name));
                runs.push(run_corpus(c, engine.as_mut(), || bar.inc(1)).await);
            }
            engine.close().await;
        }
        bar.finish_and_clear();
    }
    let failures: usize = runs
        .iter()
        .map(|r| r.failures.len() + usize::from(r.load_error.is_some()))
        .sum();
    let per_corpus: Vec<_> = corpora
        .iter()
        .map(|c| {
            let long = c
                .queries
                .iter()
                .filter(|q| q.sql.lines().count() >= 20)
                .count();
            json!({
                "name": c.name,
                "format": c.format,
                "source": c.source,
                "tables": c.table_count(),
                "queries": c.queries.len(),
                "long_queries": long,
                "skipped": c.skipped,
                "runs": runs.iter().filter(|r| r.corpus == c.name).collect::<Vec<_>>(),
            })
        })
        .collect();
    let histogram = index.histogram();
    if global.json {
        println!(
            "{}",
            json!({
                "corpora": per_corpus,
                "total_queries": index.len(),
                "features": histogram.iter().map(|(k, v)| json!({"feature": k, "queries": v})).collect::<Vec<_>>(),
            })
        );
    } else {
        for c in &corpora {
            println!(
                "{} ({:?}, {} tables, {} queries)  {}",
                c.name,
                c.format,
                c.table_count(),
                c.queries.len(),
                c.source.display()
            );
            for r in runs.iter().filter(|r| r.corpus == c.name) {
                match &r.load_error {
                    Some(e) => println!("  {:<10} did not load: {e}", r.engine),
                    None => println!(
                        "  {:<10} {}/{} queries run",
                        r.engine, r.runnable, r.claimed
                    ),
                }
                for f in &r.failures {
                    println!("    {} {} ({}): {}", f.outcome, f.id, f.origin, f.message);
                }
            }
            for s in &c.skipped {
                println!("  skipped {}: {}", s.location, s.reason);
            }
        }
        println!(
            "\n{} queries in {} corpora; features:",
            index.len(),
            corpora.len()
        );
        for (name, n) in histogram
            .iter()
            .filter(|(k, _)| !k.starts_with("function:"))
        {
            println!("  {name:<22} {n}");
        }
    }
    Ok(if failures > 0 {
        ExitCode::Failures
    } else {
        ExitCode::Ok
    })
}
