//! Scoring: one result per record, and the report over all of them.

use crate::dataset::record::Record;
use crate::sql::diff::line_diff;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One record's line in `results.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalResult {
    pub id: String,
    pub category: String,
    pub level1: String,
    pub engine: String,
    /// `equivalent`, `not_equivalent`, `pred_error`, `unknown`,
    /// `gold_broken` (excluded from accuracy) or `model_error` (the model
    /// gave no answer).
    pub verdict: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default)]
    pub pred_sql: String,
    pub exact_match: bool,
    /// Lines of the bug SQL the prediction changed although the gold fix
    /// left them alone (1-based).
    pub hallucinated_lines: Vec<usize>,
    pub seconds: f64,
}

impl EvalResult {
    pub fn correct(&self) -> bool {
        self.verdict == "equivalent"
    }
    pub fn scored(&self) -> bool {
        self.verdict != "gold_broken"
    }
}

fn normalise(sql: &str) -> &str {
    sql.trim().trim_end_matches(';').trim_end()
}

/// Exact match: the same text once surrounding whitespace and a final
/// semicolon are dropped.
pub fn exact_match(gold: &str, pred: &str) -> bool {
    normalise(gold) == normalise(pred)
}

/// Lines of `record.bug_sql` that `pred` changes although the gold fix
/// keeps them (the paper's "hallucinated" edits, e.g. a constant quietly
/// changed).
pub fn hallucinated_lines(record: &Record, pred: &str) -> Vec<usize> {
    let gold_changed = line_diff(&record.correct_sql, &record.bug_sql).bug;
    let pred_changed = line_diff(pred, &record.bug_sql).bug;
    pred_changed
        .into_iter()
        .filter(|l| !gold_changed.contains(l))
        .collect()
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Bucket {
    pub scored: usize,
    pub correct: usize,
    pub accuracy: f64,
    pub exact_match: usize,
    pub hallucinated: usize,
    pub verdicts: BTreeMap<String, usize>,
}

impl Bucket {
    fn add(&mut self, r: &EvalResult) {
        *self.verdicts.entry(r.verdict.clone()).or_default() += 1;
        if !r.scored() {
            return;
        }
        self.scored += 1;
        self.correct += usize::from(r.correct());
        self.exact_match += usize::from(r.exact_match);
        self.hallucinated += usize::from(!r.hallucinated_lines.is_empty());
        self.accuracy = self.correct as f64 / self.scored as f64;
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EvalReport {
    pub model: String,
    pub data: String,
    pub records: usize,
    /// Records whose gold fails: reported, excluded from every rate.
    pub broken: Vec<String>,
    pub overall: Bucket,
    pub exact_match_rate: f64,
    pub hallucinated_edit_rate: f64,
    pub by_category: BTreeMap<String, Bucket>,
    pub by_level1: BTreeMap<String, Bucket>,
    pub by_engine: BTreeMap<String, Bucket>,
}

pub fn report(model: &str, data: &str, results: &[EvalResult]) -> EvalReport {
    let mut r = EvalReport {
        model: model.into(),
        data: data.into(),
        records: results.len(),
        ..Default::default()
    };
    for x in results {
        if !x.scored() {
            r.broken.push(x.id.clone());
        }
        r.overall.add(x);
        r.by_category.entry(x.category.clone()).or_default().add(x);
        r.by_level1.entry(x.level1.clone()).or_default().add(x);
        r.by_engine.entry(x.engine.clone()).or_default().add(x);
    }
    let n = r.overall.scored.max(1) as f64;
    r.exact_match_rate = r.overall.exact_match as f64 / n;
    r.hallucinated_edit_rate = r.overall.hallucinated as f64 / n;
    r
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn table(out: &mut String, title: &str, buckets: &BTreeMap<String, Bucket>) {
    out.push_str(&format!(
        "\n## By {title}\n\n| {title} | scored | correct | accuracy | exact match | hallucinated edits |\n|---|---:|---:|---:|---:|---:|\n"
    ));
    for (k, b) in buckets {
        out.push_str(&format!(
            "| {k} | {} | {} | {} | {} | {} |\n",
            b.scored,
            b.correct,
            pct(b.accuracy),
            b.exact_match,
            b.hallucinated
        ));
    }
}

/// The readable report.
pub fn markdown(r: &EvalReport) -> String {
    let mut out = format!(
        "# Evaluation of {}\n\nData: `{}`, {} records, {} scored, {} broken (gold fails; excluded).\n\n| metric | value |\n|---|---:|\n| accuracy (checker: equivalent) | {} ({}/{}) |\n| exact match | {} |\n| hallucinated-edit rate | {} |\n",
        r.model,
        r.data,
        r.records,
        r.overall.scored,
        r.broken.len(),
        pct(r.overall.accuracy),
        r.overall.correct,
        r.overall.scored,
        pct(r.exact_match_rate),
        pct(r.hallucinated_edit_rate),
    );
    out.push_str("\n## Verdicts\n\n| verdict | records |\n|---|---:|\n");
    for (v, n) in &r.overall.verdicts {
        out.push_str(&format!("| {v} | {n} |\n"));
    }
    table(&mut out, "level-1 category", &r.by_level1);
    table(&mut out, "engine", &r.by_engine);
    table(&mut out, "category", &r.by_category);
    if !r.broken.is_empty() {
        out.push_str("\n## Broken records\n\n");
        for id in &r.broken {
            out.push_str(&format!("- `{id}`\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        let mut r = crate::dataset::record::sample();
        r.correct_sql = "SELECT a\nFROM t\nWHERE x > 10\nORDER BY a".into();
        r.bug_sql = "SELECT a\nFROM t\nWHERE x > 10\nORDER BY b".into();
        r
    }

    #[test]
    fn a_quietly_changed_constant_is_a_hallucinated_edit() {
        let r = record();
        assert!(hallucinated_lines(&r, &r.correct_sql).is_empty());
        assert_eq!(
            hallucinated_lines(&r, "SELECT a\nFROM t\nWHERE x > 11\nORDER BY a"),
            vec![3]
        );
        assert!(exact_match(
            &r.correct_sql,
            "SELECT a\nFROM t\nWHERE x > 10\nORDER BY a;\n"
        ));
        assert!(!exact_match(
            &r.correct_sql,
            "select a from t where x > 10 order by a"
        ));
    }

    #[test]
    fn broken_records_are_excluded_from_rates() {
        let mk = |id: &str, verdict: &str, cat: &str| EvalResult {
            id: id.into(),
            category: cat.into(),
            level1: cat.split('.').next().unwrap().into(),
            engine: "duckdb".into(),
            verdict: verdict.into(),
            tier: None,
            reason: None,
            pred_sql: String::new(),
            exact_match: false,
            hallucinated_lines: vec![],
            seconds: 0.0,
        };
        let results = vec![
            mk("1", "equivalent", "logic.a.b"),
            mk("2", "not_equivalent", "logic.a.b"),
            mk("3", "gold_broken", "syntax.a.b"),
            mk("4", "equivalent", "syntax.a.c"),
        ];
        let r = report("m", "d", &results);
        assert_eq!(r.overall.scored, 3);
        assert!((r.overall.accuracy - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.broken, vec!["3"]);
        assert_eq!(r.by_level1["logic"].accuracy, 0.5);
        assert_eq!(r.by_level1["syntax"].scored, 1);
        assert!(markdown(&r).contains("| logic | 2 | 1 | 50.0% |"));
    }
}
