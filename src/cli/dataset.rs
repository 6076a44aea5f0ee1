//! `sqlforge dataset stats|split|eval-set|export`.

use super::args::{DatasetArgs, DatasetCommand, Global};
use super::exit::{CliError, ExitCode};
use crate::dataset::{prompt, read_records, tools, write_record, Record};
use serde_json::json;
use std::io::Write;
use std::path::Path;

fn load(path: &Path) -> Result<Vec<Record>, CliError> {
    read_records(path).map_err(|e| CliError::usage(e.to_string()))
}

fn create(path: &Path) -> Result<std::io::BufWriter<std::fs::File>, CliError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::usage(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::File::create(path)
        .map(std::io::BufWriter::new)
        .map_err(|e| CliError::usage(format!("cannot write {}: {e}", path.display())))
}

fn write_all(path: &Path, records: &[Record]) -> Result<(), CliError> {
    let mut out = create(path)?;
    for r in records {
        write_record(&mut out, r)
            .map_err(|e| CliError::environment(format!("writing {}: {e}", path.display())))?;
    }
    Ok(())
}

fn parse_ratios(text: &str) -> Result<Vec<f64>, CliError> {
    let ratios: Vec<f64> = text
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| {
            CliError::usage(format!(
                "--ratios '{text}': expected three numbers like 0.8,0.1,0.1"
            ))
        })?;
    if ratios.len() != 3 || ratios.iter().any(|r| *r < 0.0) || ratios.iter().sum::<f64>() <= 0.0 {
        return Err(CliError::usage(format!(
            "--ratios '{text}': expected three non-negative numbers like 0.8,0.1,0.1"
        )));
    }
    Ok(ratios)
}

pub fn run(global: &Global, args: DatasetArgs) -> Result<ExitCode, CliError> {
    match args.which {
        DatasetCommand::Stats { file } => {
            let s = tools::stats(&load(&file)?);
            if global.json {
                println!("{}", json!(s));
            } else {
                println!(
                    "{} records from {} source queries; mean diff {:.2} lines",
                    s.records, s.source_queries, s.mean_diff_lines
                );
                println!(
                    "diff lines: {}",
                    s.diff_lines
                        .iter()
                        .map(|(k, v)| format!("{k}: {v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                println!(
                    "engines: {}",
                    s.per_engine
                        .iter()
                        .map(|(k, v)| format!("{k} {v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                println!(
                    "injectors: {}",
                    s.per_injector
                        .iter()
                        .map(|(k, v)| format!("{k} {v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                for (c, n) in &s.per_category {
                    println!("  {c:<55} {n}");
                }
            }
        }
        DatasetCommand::Split { file, out, ratios } => {
            let ratios = parse_ratios(&ratios)?;
            let parts = tools::split(&load(&file)?, &ratios, global.seed);
            let names = ["train", "valid", "test"];
            for (name, part) in names.iter().zip(&parts) {
                write_all(&out.join(format!("{name}.jsonl")), part)?;
            }
            let sizes: Vec<usize> = parts.iter().map(Vec::len).collect();
            if global.json {
                println!(
                    "{}",
                    json!({"train": sizes[0], "valid": sizes[1], "test": sizes[2], "out": out})
                );
            } else {
                println!(
                    "train {}, valid {}, test {} records in {}",
                    sizes[0],
                    sizes[1],
                    sizes[2],
                    out.display()
                );
            }
        }
        DatasetCommand::EvalSet {
            file,
            natural,
            per_category,
            out,
        } => {
            let set = tools::eval_set(&load(&file)?, natural, per_category, global.seed);
            write_all(&out, &set)?;
            if global.json {
                println!("{}", json!({"records": set.len(), "out": out}));
            } else {
                println!("{} records in {}", set.len(), out.display());
            }
        }
        DatasetCommand::Export { file, format, out } => {
            let records = load(&file)?;
            let mut w = create(&out)?;
            for r in &records {
                let line = if format == "chat" {
                    prompt::chat_example(r)
                } else {
                    prompt::paper_example(r)
                };
                writeln!(w, "{line}").map_err(|e| {
                    CliError::environment(format!("writing {}: {e}", out.display()))
                })?;
            }
            w.flush()
                .map_err(|e| CliError::environment(format!("writing {}: {e}", out.display())))?;
            if global.json {
                println!(
                    "{}",
                    json!({"records": records.len(), "format": format, "out": out})
                );
            } else {
                println!(
                    "{} records exported as {format} to {}",
                    records.len(),
                    out.display()
                );
            }
        }
    }
    Ok(ExitCode::Ok)
}
