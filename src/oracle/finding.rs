//! Findings: a bug folder per distinct failure (signature), written the
//! moment it is found, and one line per occurrence in `findings.jsonl`.

use crate::engine::Outcome;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// `<oracle>.<engine>.<class>`: one root cause is reported once.
    pub signature: String,
    pub oracle: String,
    pub engine: String,
    pub engine_version: String,
    /// `row_count`, `column_count`, `values` or `crash`.
    pub class: String,
    pub campaign_seed: u64,
    pub case: u64,
    pub db_seed: u64,
    pub fill_seed: u64,
    pub fillings: Vec<(String, String)>,
    pub query_a: String,
    pub query_b: String,
    pub detail: String,
}

/// The findings folder of a campaign.
pub struct Findings {
    dir: PathBuf,
    log: std::fs::File,
    pub counts: BTreeMap<String, u64>,
}

fn render(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Rows { columns, rows } => {
            let mut s: String = columns
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join("\t");
            s.push('\n');
            for r in rows {
                let line: Vec<String> = r.iter().map(|v| v.to_string()).collect();
                s.push_str(&line.join("\t"));
                s.push('\n');
            }
            s
        }
        other => format!("{other:?}\n"),
    }
}

impl Findings {
    pub fn open(out: &Path) -> std::io::Result<Findings> {
        let dir = out.join("findings");
        std::fs::create_dir_all(&dir)?;
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(out.join("findings.jsonl"))?;
        Ok(Findings {
            dir,
            log,
            counts: BTreeMap::new(),
        })
    }

    /// Records one occurrence; the first of a signature gets a bug folder.
    pub fn add(
        &mut self,
        f: &Finding,
        setup_sql: &str,
        a: &Outcome,
        b: &Outcome,
    ) -> std::io::Result<()> {
        writeln!(self.log, "{}", serde_json::to_string(f).unwrap_or_default())?;
        self.log.flush()?;
        let count = self.counts.entry(f.signature.clone()).or_default();
        *count += 1;
        let folder = self.dir.join(&f.signature);
        if *count == 1 && !folder.exists() {
            std::fs::create_dir_all(&folder)?;
            let seed = format!(
                "campaign_seed = {}\ncase = {}\ndb_seed = {}\nfill_seed = {}\n",
                f.campaign_seed, f.case, f.db_seed, f.fill_seed
            );
            std::fs::write(folder.join("seed.txt"), seed)?;
            std::fs::write(folder.join("setup.sql"), setup_sql)?;
            std::fs::write(folder.join("query_a.sql"), format!("{};\n", f.query_a))?;
            std::fs::write(folder.join("query_b.sql"), format!("{};\n", f.query_b))?;
            std::fs::write(folder.join("result_a.txt"), render(a))?;
            std::fs::write(folder.join("result_b.txt"), render(b))?;
            std::fs::write(
                folder.join("engine.txt"),
                format!("{} {}\n", f.engine, f.engine_version),
            )?;
            std::fs::write(
                folder.join("finding.json"),
                serde_json::to_string_pretty(f).unwrap_or_default(),
            )?;
        }
        std::fs::write(
            folder.join("count.txt"),
            format!("{}\n", self.counts[&f.signature]),
        )?;
        Ok(())
    }

    /// Adds the reducer's result to a finding's folder.
    pub fn add_reduced(
        &self,
        signature: &str,
        reduced: &super::reduce::Reduced,
    ) -> std::io::Result<()> {
        let folder = self.dir.join(signature);
        let setup: String = reduced.setup.iter().map(|s| format!("{s};\n")).collect();
        std::fs::write(folder.join("reduced_setup.sql"), setup)?;
        std::fs::write(
            folder.join("reduced_query_a.sql"),
            format!("{};\n", reduced.query_a),
        )?;
        std::fs::write(
            folder.join("reduced_query_b.sql"),
            format!("{};\n", reduced.query_b),
        )?;
        std::fs::write(
            folder.join("reduced.json"),
            serde_json::to_string_pretty(reduced).unwrap_or_default(),
        )
    }

    pub fn is_new(&self, signature: &str) -> bool {
        self.counts.get(signature) == Some(&1)
    }
}
