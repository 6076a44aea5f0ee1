//! `sqlforge taxonomy` and `sqlforge classify`.

use super::args::{ClassifyArgs, Global, TaxonomyFile};
use super::exit::{CliError, ExitCode};
use crate::engine::{EngineKind, EngineSpec};
use crate::taxonomy::{Classifier, Taxonomy};
use serde_json::json;

pub fn load(file: &TaxonomyFile) -> Result<Taxonomy, CliError> {
    match &file.taxonomy {
        None => Ok(Taxonomy::builtin()),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                CliError::usage(format!("cannot read taxonomy {}: {e}", path.display()))
            })?;
            Taxonomy::parse(&text, &path.display().to_string())
                .map_err(|e| CliError::usage(e.to_string()))
        }
    }
}

pub fn print_tree(global: &Global, file: &TaxonomyFile) -> Result<ExitCode, CliError> {
    let taxonomy = load(file)?;
    let level1: Vec<&String> = taxonomy
        .levels
        .keys()
        .filter(|k| !k.contains('.'))
        .collect();
    let count = |prefix: &str| {
        taxonomy
            .categories
            .iter()
            .filter(|c| c.id.starts_with(&format!("{prefix}.")))
            .count()
    };
    if global.json {
        let tree: Vec<_> = level1
            .iter()
            .map(|l1| {
                let children: Vec<_> = taxonomy
                    .levels
                    .iter()
                    .filter(|(k, _)| k.starts_with(&format!("{l1}.")))
                    .map(|(l2, d)| {
                        let leaves: Vec<_> = taxonomy.categories.iter().filter(|c| c.id.starts_with(&format!("{l2}."))).collect();
                        let leaves: Vec<_> = leaves
                            .into_iter()
                            .map(|c| {
                                let mut v = json!(c);
                                let rules: Vec<&str> =
                                    crate::inject::rules_for(&c.id).iter().map(|r| r.name).collect();
                                v["rules"] = json!(rules);
                                v
                            })
                            .collect();
                        json!({"id": l2, "description": d, "count": leaves.len(), "categories": leaves})
                    })
                    .collect();
                json!({"id": l1, "description": taxonomy.levels[*l1], "count": count(l1), "children": children})
            })
            .collect();
        println!(
            "{}",
            json!({"version": taxonomy.version, "leaf_count": taxonomy.categories.len(), "tree": tree})
        );
        return Ok(ExitCode::Ok);
    }
    for l1 in level1 {
        println!("{l1} ({}) — {}", count(l1), taxonomy.levels[l1]);
        for (l2, d) in taxonomy
            .levels
            .iter()
            .filter(|(k, _)| k.starts_with(&format!("{l1}.")))
        {
            println!("  {l2} ({}) — {d}", count(l2));
            for c in taxonomy
                .categories
                .iter()
                .filter(|c| c.id.starts_with(&format!("{l2}.")))
            {
                let engines: Vec<&str> = c.engines.iter().map(|e| e.name()).collect();
                let raised = if engines.is_empty() {
                    "no error".to_string()
                } else {
                    engines.join(",")
                };
                let rules: Vec<&str> = crate::inject::rules_for(&c.id)
                    .iter()
                    .map(|r| r.name)
                    .collect();
                let rules = if rules.is_empty() {
                    "LLM only".to_string()
                } else {
                    format!("rule {}", rules.join(", "))
                };
                println!(
                    "    {:<55} [{}: {raised}] {rules}",
                    c.id,
                    if c.kind == crate::taxonomy::CategoryKind::Logic {
                        "logic"
                    } else {
                        "error"
                    }
                );
            }
        }
    }
    println!("{} leaf categories", taxonomy.categories.len());
    Ok(ExitCode::Ok)
}

pub fn parse_builtin_engine(name: &str) -> Result<EngineKind, CliError> {
    match name.parse::<EngineSpec>()? {
        EngineSpec::Cmd(_) => Err(CliError::usage(
            "classify needs duckdb, sqlite, postgres or mysql, not a cmd: engine",
        )),
        spec => Ok(spec.kind()),
    }
}

pub fn classify(global: &Global, args: ClassifyArgs) -> Result<ExitCode, CliError> {
    let taxonomy = load(&args.file)?;
    let engine = parse_builtin_engine(&args.engine)?;
    let found = Classifier::new(&taxonomy).classify(engine, args.code.as_deref(), &args.message);
    if global.json {
        println!(
            "{}",
            json!({"engine": engine, "code": args.code, "message": args.message, "category": found})
        );
    } else if let Some(c) = &found {
        println!(
            "{}\n  path: {}\n  {}",
            c.id,
            c.path.join(" > "),
            c.description
        );
    } else {
        println!("unclassified: no {engine} pattern matches");
    }
    Ok(if found.is_some() {
        ExitCode::Ok
    } else {
        ExitCode::Failures
    })
}
