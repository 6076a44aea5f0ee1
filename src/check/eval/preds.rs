//! Predictions made elsewhere: a JSONL of `{"id": …, "pred_sql": …}` (the
//! output of `sqlforge train generate`; `prediction` is accepted too).
//! Every id must be a record of the data, once.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::path::Path;

#[derive(Deserialize)]
struct Line {
    id: String,
    #[serde(alias = "prediction")]
    pred_sql: String,
}

/// Reads the predictions, by id. Errors name the file and line.
pub fn read_predictions(
    path: &Path,
    data_ids: &BTreeSet<String>,
) -> Result<BTreeMap<String, String>, String> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let mut out = BTreeMap::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{shown}:{}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(&line).map_err(|e| {
            format!(
                "{shown}:{}: expected {{\"id\": …, \"pred_sql\": …}}: {e}",
                n + 1
            )
        })?;
        if !data_ids.contains(&parsed.id) {
            return Err(format!(
                "{shown}:{}: id '{}' is not a record of the data",
                n + 1,
                parsed.id
            ));
        }
        if out.insert(parsed.id.clone(), parsed.pred_sql).is_some() {
            return Err(format!(
                "{shown}:{}: id '{}' appears twice",
                n + 1,
                parsed.id
            ));
        }
    }
    let missing: Vec<&String> = data_ids
        .iter()
        .filter(|id| !out.contains_key(*id))
        .collect();
    if let Some(first) = missing.first() {
        return Err(format!(
            "{shown}: {} records of the data have no prediction (first: '{first}')",
            missing.len()
        ));
    }
    Ok(out)
}
