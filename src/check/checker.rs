//! The tiered repair check: canonical form, then the record's own
//! database, then a distilled suite of fuzzed databases. Each execution
//! treats (gold, pred) as an oracle pair and runs it through the oracle
//! engine's `run_case`, the same code `sqlforge oracle check` uses.

use super::canonical;
use super::fuzz::{self, FuzzDb, Pools};
use super::literals::{self, Literals};
use super::mutate::{self, TableRows};
use super::schema::{parse_schema, TableSpec};
use super::suite::{self, Suite};
use super::writes;
use crate::engine::{
    self, run_script, Engine, EngineConfig, EngineSpec, Outcome, SetupError, Value,
};
use crate::oracle::campaign::{run_case, CaseResult};
use crate::oracle::export::slt_value;
use crate::oracle::fill::Filled;
use crate::oracle::Compare;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

/// The database the record came from: its schema and its data.
#[derive(Debug, Clone)]
pub struct Setup {
    /// Where it came from, for reports (`corpora/hr`, a file name).
    pub label: String,
    pub schema: String,
    pub data: String,
}

impl Setup {
    /// Splits one script into its CREATE statements and the rest.
    pub fn from_script(label: impl Into<String>, script: &str) -> Setup {
        let mut schema = String::new();
        let mut data = String::new();
        for s in crate::sql::split_statements(script, Default::default()) {
            let target = if crate::sql::leading_keyword(&s.sql).as_deref() == Some("CREATE") {
                &mut schema
            } else {
                &mut data
            };
            target.push_str(s.sql.trim());
            target.push_str(";\n");
        }
        Setup {
            label: label.into(),
            schema,
            data,
        }
    }

    /// The whole database as one script: schema, then data.
    fn script(&self) -> String {
        format!("{}\n{}", self.schema.trim_end(), self.data.trim_end())
    }

    pub fn key(&self) -> String {
        let d = Sha256::digest(format!("{}\u{0}{}", self.schema, self.data).as_bytes());
        d.iter().take(12).map(|b| format!("{b:02x}")).collect()
    }
}

/// Knobs of the check. docs/CHECKER.md gives what the defaults reach.
#[derive(Debug, Clone, Serialize)]
pub struct CheckOptions {
    pub seed: u64,
    /// Tier (c) on: fuzzed databases.
    pub fuzz: bool,
    /// Most candidate databases tried while distilling a gold's suite.
    pub candidates: usize,
    /// Stop distilling after this many candidates in a row kill no neighbour.
    pub patience: usize,
    /// Candidates always kept, whatever they kill.
    pub base_databases: usize,
    pub max_neighbours: usize,
    pub max_rows: usize,
    /// Extra databases seeded with the prediction's own literals.
    pub pred_databases: usize,
    /// Most mutants of the record's database tried (0: none).
    pub mutants: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            seed: 0,
            fuzz: true,
            candidates: 48,
            patience: 12,
            base_databases: 3,
            max_neighbours: 80,
            max_rows: 6,
            pred_databases: 4,
            mutants: 300,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Canonical,
    RecordDatabase,
    MutatedDatabase,
    FuzzedSuite,
}

/// A result as text cells, for reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShownResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Rows beyond the ones shown.
    pub more: usize,
}

const SHOWN_ROWS: usize = 20;

fn shown(o: &Outcome) -> ShownResult {
    match o {
        Outcome::Rows { columns, rows } => ShownResult {
            columns: columns.iter().map(|c| c.name.clone()).collect(),
            rows: rows
                .iter()
                .take(SHOWN_ROWS)
                .map(|r| r.iter().map(slt_value).collect())
                .collect(),
            more: rows.len().saturating_sub(SHOWN_ROWS),
        },
        other => ShownResult {
            columns: vec![other.label().into()],
            rows: Vec::new(),
            more: 0,
        },
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counterexample {
    /// `record database (<label>)` or `fuzzed database #<seed>`.
    pub database: String,
    /// The database as SQL: schema, then data.
    pub database_sql: String,
    pub gold_result: ShownResult,
    pub pred_result: ShownResult,
    pub mismatch: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    Equivalent {
        tier: Tier,
        /// Databases on which both ran and agreed.
        databases: usize,
        /// Rows compared over all of them (gold side).
        rows: usize,
    },
    NotEquivalent {
        tier: Tier,
        counterexample: Box<Counterexample>,
    },
    PredError {
        message: String,
        code: Option<String>,
    },
    Unknown {
        reason: String,
        /// The gold itself fails: the record is broken.
        gold_broken: bool,
    },
}

impl Verdict {
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Equivalent { .. } => "equivalent",
            Verdict::NotEquivalent { .. } => "not_equivalent",
            Verdict::PredError { .. } => "pred_error",
            Verdict::Unknown { .. } => "unknown",
        }
    }

    fn unknown(reason: impl Into<String>) -> Verdict {
        Verdict::Unknown {
            reason: reason.into(),
            gold_broken: false,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SuiteStats {
    pub databases: usize,
    pub candidates: usize,
    pub neighbours: usize,
    pub neighbours_killed: usize,
    pub cached: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    #[serde(flatten)]
    pub verdict: Verdict,
    pub engine: String,
    pub seconds: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suite: Option<SuiteStats>,
}

struct Home {
    key: String,
    engine: Box<dyn Engine>,
    /// Why the record's data did not load, if it did not.
    load_error: Option<String>,
    sampled: Vec<Vec<Vec<Value>>>,
    /// The rows of every table, for mutants.
    rows: TableRows,
    tables: Vec<TableSpec>,
}

/// What kind of statement the gold is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Query { ordered: bool },
    Write,
    Ddl,
}

pub fn shape(gold: &str) -> Shape {
    match crate::sql::leading_keyword(gold).as_deref() {
        Some("SELECT" | "WITH" | "VALUES" | "(") | None => Shape::Query {
            ordered: top_level_order_by(gold),
        },
        Some("CREATE" | "ALTER" | "DROP" | "TRUNCATE" | "RENAME") => Shape::Ddl,
        _ => Shape::Write,
    }
}

fn top_level_order_by(sql: &str) -> bool {
    use sqlparser::ast::Statement;
    let dialect = sqlparser::dialect::GenericDialect {};
    match sqlparser::parser::Parser::parse_sql(&dialect, sql) {
        Ok(s) => matches!(s.first(), Some(Statement::Query(q)) if q.order_by.is_some()),
        // Unparsable: fall back to a word search at depth 0 (rare).
        Err(_) => crate::sql::split::words(sql)
            .windows(2)
            .any(|w| w[0].eq_ignore_ascii_case("order") && w[1].eq_ignore_ascii_case("by")),
    }
}

/// One engine's repair checker. Keeps the record database loaded between
/// checks and caches each gold's distilled suite.
pub struct Checker {
    spec: EngineSpec,
    config: EngineConfig,
    pub opts: CheckOptions,
    home: Option<Home>,
    fuzz: Option<Box<dyn Engine>>,
    suites: HashMap<String, Arc<Suite>>,
}

enum Step {
    Agree(usize),
    Decided(Verdict),
}

impl Checker {
    pub fn new(spec: EngineSpec, config: EngineConfig, opts: CheckOptions) -> Checker {
        Checker {
            spec,
            config,
            opts,
            home: None,
            fuzz: None,
            suites: HashMap::new(),
        }
    }

    pub fn engine_name(&self) -> String {
        self.spec.to_string()
    }

    async fn home(&mut self, setup: &Setup) -> Result<&mut Home, SetupError> {
        let key = setup.key();
        if self.home.as_ref().is_none_or(|h| h.key != key) {
            let mut engine = match self.home.take() {
                Some(h) => {
                    let mut e = h.engine;
                    e.reset().await?;
                    e
                }
                None => engine::connect(&self.spec, &self.config).await?,
            };
            let mut load_error = None;
            if let Err((stmt, outcome)) = run_script(engine.as_mut(), &setup.schema).await {
                load_error = Some(format!("schema line {}: {}", stmt.line, describe(&outcome)));
            } else if let Err((stmt, outcome)) = run_script(engine.as_mut(), &setup.data).await {
                load_error = Some(format!("data line {}: {}", stmt.line, describe(&outcome)));
            }
            let tables = parse_schema(&setup.schema, Some(self.spec.kind()));
            // Rows are read only where mutants will use them.
            let mutants = self.opts.fuzz
                && self.opts.mutants > 0
                && engine.capabilities().rolls_back_writes_safely();
            let (sampled, rows) = match (&load_error, mutants) {
                (None, true) => (
                    sample(engine.as_mut(), &tables).await,
                    read_rows(engine.as_mut(), &tables).await,
                ),
                (None, false) => (sample(engine.as_mut(), &tables).await, Vec::new()),
                (Some(_), _) => (Vec::new(), Vec::new()),
            };
            self.home = Some(Home {
                key,
                engine,
                load_error,
                sampled,
                rows,
                tables,
            });
        }
        Ok(self.home.as_mut().expect("loaded"))
    }

    async fn fuzz_engine(&mut self) -> Result<&mut Box<dyn Engine>, SetupError> {
        if self.fuzz.is_none() {
            self.fuzz = Some(engine::connect(&self.spec, &self.config).await?);
        }
        Ok(self.fuzz.as_mut().expect("connected"))
    }

    /// Checks `pred` against `gold` on `setup`. Errors are about the
    /// environment (an engine that cannot be opened), never about the SQL.
    pub async fn check(
        &mut self,
        setup: &Setup,
        gold: &str,
        pred: &str,
    ) -> Result<CheckReport, SetupError> {
        let started = Instant::now();
        let (verdict, suite) = self.decide(setup, gold, pred).await?;
        Ok(CheckReport {
            verdict,
            engine: self.engine_name(),
            seconds: started.elapsed().as_secs_f64(),
            suite,
        })
    }

    async fn decide(
        &mut self,
        setup: &Setup,
        gold: &str,
        pred: &str,
    ) -> Result<(Verdict, Option<SuiteStats>), SetupError> {
        if gold.trim().is_empty() {
            return Ok((
                Verdict::Unknown {
                    reason: "the gold SQL is empty".into(),
                    gold_broken: true,
                },
                None,
            ));
        }
        if pred.trim().is_empty() {
            return Ok((
                Verdict::PredError {
                    message: "the prediction is empty".into(),
                    code: None,
                },
                None,
            ));
        }
        let kind = Some(self.spec.kind());
        if canonical::same(gold, pred, kind) {
            return Ok((
                Verdict::Equivalent {
                    tier: Tier::Canonical,
                    databases: 0,
                    rows: 0,
                },
                None,
            ));
        }
        let shape = shape(gold);
        if let (Shape::Query { .. }, Shape::Write | Shape::Ddl) = (shape, self::shape(pred)) {
            // Never run: it would change the record's database.
            return Ok((
                Verdict::PredError {
                    message: "the gold is a query and the prediction is not".into(),
                    code: None,
                },
                None,
            ));
        }
        if shape == Shape::Ddl {
            return Ok((
                Verdict::unknown("DDL is compared only by canonical form, and the forms differ"),
                None,
            ));
        }
        // Tier (b): the record's own database.
        let label = setup.label.clone();
        let home = self.home(setup).await?;
        if let Some(e) = &home.load_error {
            return Ok((
                Verdict::unknown(format!("the record's database does not load: {e}")),
                None,
            ));
        }
        let tables = home.tables.clone();
        let sampled = home.sampled.clone();
        let on_home = pair(home.engine.as_mut(), shape, &tables, gold, pred).await;
        let mut databases = 0;
        let mut rows = 0;
        match judge(on_home, Tier::RecordDatabase, || {
            (format!("record database ({label})"), setup.script())
        }) {
            Step::Decided(v) => return Ok((v, None)),
            Step::Agree(n) => {
                databases += 1;
                rows += n;
            }
        }
        if !self.opts.fuzz || tables.is_empty() {
            return Ok((
                Verdict::Equivalent {
                    tier: Tier::RecordDatabase,
                    databases,
                    rows,
                },
                None,
            ));
        }
        // Tier (c): mutants of the record's database, then the gold's
        // distilled suite, then databases seeded with the prediction's own
        // literals.
        let mut mutants_agreed = 0;
        if let Shape::Query { .. } = shape {
            match self.mutants(setup, gold, pred, shape).await? {
                Err(v) => return Ok((v, None)),
                Ok((agreed, n)) => {
                    databases += agreed;
                    mutants_agreed = agreed;
                    rows += n;
                }
            }
        }
        let (suite, cached) = self.suite(setup, &tables, &sampled, gold, shape).await?;
        let mut stats = SuiteStats {
            databases: suite.databases.len(),
            candidates: suite.candidates,
            neighbours: suite.neighbours,
            neighbours_killed: suite.killed,
            cached,
        };
        let mut pred_lits = literals::of_sql(pred);
        pred_lits.extend(&literals::of_sql(gold));
        let pred_pools = fuzz::pools(&tables, &pred_lits, &sampled);
        let extra_seeds: Vec<u64> = (0..self.opts.pred_databases as u64)
            .map(|i| crate::oracle::campaign::derive(self.opts.seed, &format!("pred:{pred}"), i))
            .collect();
        let opts = self.opts.clone();
        let fuzz_engine = self.fuzz_engine().await?;
        let mut dbs: Vec<FuzzDb> = suite.databases.clone();
        for seed in extra_seeds {
            if let Some(db) = fresh_db(
                fuzz_engine.as_mut(),
                &setup.schema,
                &tables,
                &pred_pools,
                seed,
                opts.max_rows,
            )
            .await
            {
                dbs.push(db);
            }
        }
        stats.databases = dbs.len();
        let mut fuzzed_agreed = 0;
        for db in &dbs {
            if !load(fuzz_engine.as_mut(), &setup.schema, db).await {
                continue;
            }
            let outcome = pair(fuzz_engine.as_mut(), shape, &tables, gold, pred).await;
            let db_label = format!("fuzzed database #{}", db.seed);
            match judge(outcome, Tier::FuzzedSuite, || {
                (db_label.clone(), database_sql(&setup.schema, db))
            }) {
                Step::Decided(Verdict::Unknown { .. }) => continue,
                Step::Decided(v) => return Ok((v, Some(stats))),
                Step::Agree(n) => {
                    databases += 1;
                    fuzzed_agreed += 1;
                    rows += n;
                }
            }
        }
        Ok((
            Verdict::Equivalent {
                tier: if fuzzed_agreed > 0 {
                    Tier::FuzzedSuite
                } else if mutants_agreed > 0 {
                    Tier::MutatedDatabase
                } else {
                    Tier::RecordDatabase
                },
                databases,
                rows,
            },
            Some(stats),
        ))
    }

    /// Runs the pair on each mutant of the record's database, inside a
    /// transaction that is rolled back: the mutants that agreed and the rows
    /// compared on them, or the verdict of the first that did not.
    async fn mutants(
        &mut self,
        setup: &Setup,
        gold: &str,
        pred: &str,
        shape: Shape,
    ) -> Result<Result<(usize, usize), Verdict>, SetupError> {
        let budget = self.opts.mutants;
        let seed = crate::oracle::campaign::derive(self.opts.seed, &format!("mutants:{gold}"), 0);
        let home = self.home(setup).await?;
        if !home.engine.capabilities().rolls_back_writes_safely() {
            return Ok(Ok((0, 0)));
        }
        let tables = home.tables.clone();
        let list = mutate::mutants(&tables, &home.rows, gold, pred, seed, budget);
        let engine = home.engine.as_mut();
        let mut rows = 0;
        let mut agreed = 0;
        let mut broken = false;
        let mut decided = None;
        for m in list {
            tracing::trace!(mutant = %m.label, "mutant");
            if !engine.execute("BEGIN").await.is_success() {
                break;
            }
            let mut applied = true;
            for s in &m.statements {
                tracing::trace!(sql = %s, "mutant statement");
                if !engine.execute(s).await.is_success() {
                    applied = false;
                    break;
                }
            }
            let outcome = if applied {
                Some(pair(engine, shape, &tables, gold, pred).await)
            } else {
                None
            };
            if !engine.execute("ROLLBACK").await.is_success() {
                broken = true;
                break;
            }
            let Some(outcome) = outcome else { continue };
            let db = || {
                let mut sql = setup.script();
                for s in &m.statements {
                    sql.push('\n');
                    sql.push_str(s);
                    sql.push(';');
                }
                (
                    format!("record database ({}) with {}", setup.label, m.label),
                    sql,
                )
            };
            match judge(outcome, Tier::MutatedDatabase, db) {
                Step::Decided(Verdict::Unknown { .. }) => continue,
                Step::Decided(v) => {
                    decided = Some(v);
                    break;
                }
                Step::Agree(n) => {
                    agreed += 1;
                    rows += n;
                }
            }
        }
        if broken {
            // The record's database may hold a mutant now: load it afresh.
            if let Some(h) = self.home.take() {
                h.engine.close().await;
            }
        }
        Ok(match decided {
            Some(v) => Err(v),
            None => Ok((agreed, rows)),
        })
    }

    async fn suite(
        &mut self,
        setup: &Setup,
        tables: &[TableSpec],
        sampled: &[Vec<Vec<Value>>],
        gold: &str,
        shape: Shape,
    ) -> Result<(Arc<Suite>, bool), SetupError> {
        let key = format!("{}\u{0}{gold}", setup.key());
        if let Some(s) = self.suites.get(&key) {
            return Ok((s.clone(), true));
        }
        let opts = self.opts.clone();
        let engine = self.fuzz_engine().await?;
        let built = Arc::new(
            suite::distill(
                engine.as_mut(),
                &setup.schema,
                tables,
                sampled,
                gold,
                shape,
                &opts,
            )
            .await,
        );
        self.suites.insert(key, built.clone());
        Ok((built, false))
    }

    pub async fn close(mut self) {
        if let Some(h) = self.home.take() {
            h.engine.close().await;
        }
        if let Some(f) = self.fuzz.take() {
            f.close().await;
        }
    }
}

fn describe(o: &Outcome) -> String {
    match o {
        Outcome::Error(e) => e.message.clone(),
        Outcome::Timeout { after_ms } => format!("timed out after {after_ms} ms"),
        Outcome::Crashed { message } => format!("engine crashed: {message}"),
        other => other.label().into(),
    }
}

/// The database as SQL, for a counterexample.
pub fn database_sql(schema: &str, db: &FuzzDb) -> String {
    let mut s = schema.trim_end().to_string();
    for i in &db.inserts {
        s.push('\n');
        s.push_str(i);
        s.push(';');
    }
    s
}

/// Resets the fuzz engine and loads the schema and `db`; false when any
/// statement fails (an engine that changed under us).
pub(super) async fn load(engine: &mut dyn Engine, schema: &str, db: &FuzzDb) -> bool {
    if engine.reset().await.is_err() || run_script(engine, schema).await.is_err() {
        return false;
    }
    for i in &db.inserts {
        if !engine.execute(i).await.is_success() {
            return false;
        }
    }
    true
}

/// Resets the engine, loads the schema and populates a new database.
pub(super) async fn fresh_db(
    engine: &mut dyn Engine,
    schema: &str,
    tables: &[TableSpec],
    pools: &Pools,
    seed: u64,
    max_rows: usize,
) -> Option<FuzzDb> {
    if engine.reset().await.is_err() || run_script(engine, schema).await.is_err() {
        return None;
    }
    Some(fuzz::populate(engine, tables, pools, seed, max_rows).await)
}

/// The rows of every table of the record's database (at most
/// `mutate::MAX_ROWS_READ` each, in key order).
async fn read_rows(engine: &mut dyn Engine, tables: &[TableSpec]) -> TableRows {
    let mut out = Vec::new();
    for t in tables {
        let cols: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        let order = if t.primary_key.is_empty() {
            String::new()
        } else {
            format!(" ORDER BY {}", t.primary_key.join(", "))
        };
        let sql = format!(
            "SELECT {} FROM {}{order} LIMIT {}",
            cols.join(", "),
            t.name,
            mutate::MAX_ROWS_READ
        );
        out.push(match engine.execute(&sql).await {
            Outcome::Rows { rows, .. } => rows,
            _ => Vec::new(),
        });
    }
    out
}

/// Up to 8 distinct values of every column of the record's database.
async fn sample(engine: &mut dyn Engine, tables: &[TableSpec]) -> Vec<Vec<Vec<Value>>> {
    let mut out = Vec::new();
    for t in tables {
        let mut cols = Vec::new();
        for c in &t.columns {
            let sql = format!(
                "SELECT DISTINCT {} FROM {} WHERE {} IS NOT NULL ORDER BY 1 LIMIT 8",
                c.name, t.name, c.name
            );
            cols.push(match engine.execute(&sql).await {
                Outcome::Rows { rows, .. } => {
                    rows.into_iter().filter_map(|mut r| r.pop()).collect()
                }
                _ => Vec::new(),
            });
        }
        out.push(cols);
    }
    out
}

/// Runs gold and pred on one database: as an oracle pair for queries, as
/// two rolled-back writes compared by table contents otherwise.
pub(super) async fn pair(
    engine: &mut dyn Engine,
    shape: Shape,
    tables: &[TableSpec],
    gold: &str,
    pred: &str,
) -> CaseResult {
    match shape {
        Shape::Query { ordered } => {
            let f = Filled {
                a: gold.to_string(),
                b: pred.to_string(),
                between: Vec::new(),
                after: Vec::new(),
                fillings: Vec::new(),
            };
            let compare = if ordered {
                Compare::Ordered
            } else {
                Compare::Multiset
            };
            run_case(engine, compare, &f).await
        }
        _ => writes::run_write_pair(engine, tables, gold, pred).await,
    }
}

/// Turns one database's outcome into a verdict, or the number of gold rows
/// that agreed.
fn judge(result: CaseResult, tier: Tier, db: impl FnOnce() -> (String, String)) -> Step {
    match result {
        CaseResult::Pass { a, .. } => Step::Agree(a.rows().map_or(0, |r| r.len())),
        CaseResult::Mismatch { detail, a, b, .. } => {
            let (database, database_sql) = db();
            Step::Decided(Verdict::NotEquivalent {
                tier,
                counterexample: Box::new(Counterexample {
                    database,
                    database_sql,
                    gold_result: shown(&a),
                    pred_result: shown(&b),
                    mismatch: detail,
                }),
            })
        }
        CaseResult::Rejected { a, b, .. } => match (&a, &b) {
            (Outcome::Error(e), _) if tier == Tier::RecordDatabase => {
                Step::Decided(Verdict::Unknown {
                    reason: format!("the gold SQL fails: {}", e.message),
                    gold_broken: true,
                })
            }
            (Outcome::Timeout { after_ms }, _) => Step::Decided(Verdict::unknown(format!(
                "the gold SQL timed out after {after_ms} ms"
            ))),
            (Outcome::Error(_), _) => Step::Decided(Verdict::unknown("the gold SQL fails here")),
            (_, Outcome::Error(e)) if tier == Tier::RecordDatabase => {
                Step::Decided(Verdict::PredError {
                    message: e.message.clone(),
                    code: e.code.clone(),
                })
            }
            // The gold runs on this database and the prediction fails.
            (_, Outcome::Error(e)) => {
                let (database, database_sql) = db();
                Step::Decided(Verdict::NotEquivalent {
                    tier,
                    counterexample: Box::new(Counterexample {
                        database,
                        database_sql,
                        gold_result: shown(&a),
                        pred_result: shown(&b),
                        mismatch: format!("the prediction fails here: {}", e.message),
                    }),
                })
            }
            (_, Outcome::Timeout { after_ms }) => Step::Decided(Verdict::unknown(format!(
                "the prediction timed out after {after_ms} ms"
            ))),
            _ => Step::Decided(Verdict::unknown("the pair could not be run")),
        },
        CaseResult::Crash { detail, .. } => {
            Step::Decided(Verdict::unknown(format!("the engine crashed: {detail}")))
        }
        CaseResult::Skip(reason) => match reason {
            "not_a_query" => Step::Decided(Verdict::unknown(
                "the gold is a query but the prediction is not (or the reverse)",
            )),
            other => Step::Decided(Verdict::unknown(other.to_string())),
        },
    }
}

/// Literals of the gold and of its neighbours: the neighbours' changed
/// constants are exactly the boundaries worth hitting.
pub(super) fn seed_literals(gold: &str, neighbours: &[String]) -> Literals {
    let mut l = literals::of_sql(gold);
    for n in neighbours {
        l.extend(&literals::of_sql(n));
    }
    l
}
