//! Raw command-line arguments (clap derive) and their settled form.

use super::exit::CliError;
use crate::engine::{
    EngineConfig, EngineSpec, DEFAULT_MYSQL_URL, DEFAULT_POSTGRES_URL, DEFAULT_TIMEOUT_MS,
};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "sqlforge",
    version,
    about = "SQL correctness data and SQL correctness testing"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// PostgreSQL URL (admin user able to create roles)
    #[arg(long, global = true, env = "SQLFORGE_POSTGRES_URL", default_value = DEFAULT_POSTGRES_URL, hide_env_values = true)]
    pub postgres_url: String,
    /// MySQL/MariaDB URL (admin user able to create databases and users)
    #[arg(long, global = true, env = "SQLFORGE_MYSQL_URL", default_value = DEFAULT_MYSQL_URL, hide_env_values = true)]
    pub mysql_url: String,
    /// Per-statement timeout in milliseconds [default: 5000; synth: 1000]
    #[arg(long, global = true)]
    pub timeout_ms: Option<u64>,
    /// Seed for everything random
    #[arg(long, global = true, default_value_t = 0)]
    pub seed: u64,
    /// Print one JSON object instead of human-readable output
    #[arg(long, global = true)]
    pub json: bool,
    /// More logging on stderr (-v info, -vv debug); SQLFORGE_LOG overrides
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// Global options after validation.
#[derive(Debug, Clone)]
pub struct Global {
    pub engine: EngineConfig,
    /// Whether `--timeout-ms` was given (commands with their own default
    /// use it only then).
    pub timeout_given: bool,
    pub seed: u64,
    pub json: bool,
}

impl GlobalArgs {
    pub fn settle(&self) -> Result<Global, CliError> {
        if self.timeout_ms == Some(0) {
            return Err(CliError::usage("--timeout-ms must be at least 1"));
        }
        Ok(Global {
            engine: EngineConfig {
                postgres_url: self.postgres_url.clone(),
                mysql_url: self.mysql_url.clone(),
                timeout: Duration::from_millis(self.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS)),
            },
            timeout_given: self.timeout_ms.is_some(),
            seed: self.seed,
            json: self.json,
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run SQL on one engine in a fresh sandbox and print rows or the error
    Exec(ExecArgs),
    /// List the engines, their versions and whether they are reachable
    Engines(EnginesArgs),
    /// Print the bug taxonomy tree with counts
    Taxonomy(TaxonomyArgs),
    /// Map an engine error message to the most specific taxonomy leaf
    Classify(ClassifyArgs),
    /// Corpus statistics and recall by bug category
    Corpus(CorpusArgs),
    /// Synthesise bug-fix records: recall, inject, execution filter (the main job)
    Synth(SynthArgs),
    /// Bug-fix dataset tools: stats, split, eval-set, export
    Dataset(DatasetArgs),
    /// Benchmarks that print a ratio against their baseline
    Bench(BenchArgs),
    /// Equivalent-query oracles: campaigns over random databases, checks
    Oracle(OracleArgs),
    /// DM-SFT trainer: tokenizer, model init, masks, training, generation
    #[cfg(feature = "train")]
    Train(super::train::TrainArgs),
    /// Decide whether a repaired SQL is equivalent to the gold fix
    Check(super::check::CheckArgs),
    /// Score a fixer model (or a predictions file) on bug-fix records
    Eval(super::eval::EvalArgs),
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Corpus folders or files (docs/CORPUS.md)
    #[arg(long, num_args = 1.., required = true)]
    pub corpus: Vec<PathBuf>,
    /// Engines that validate each pair
    #[arg(long, default_value = "duckdb,sqlite")]
    pub engines: String,
    /// Where bugs come from: the rule table, an LLM, or both
    #[arg(long, default_value = "rules", value_parser = ["rules", "llm", "both"])]
    pub injector: String,
    /// LLM requests in flight at once
    #[arg(long, default_value_t = 4)]
    pub concurrency: usize,
    /// OpenAI-compatible endpoint (the key comes from OPENAI_API_KEY)
    #[arg(
        long,
        env = "OPENAI_BASE_URL",
        default_value = "https://api.openai.com/v1"
    )]
    pub llm_base_url: String,
    #[arg(long, env = "SQLFORGE_LLM_MODEL", default_value = "gpt-4o-mini")]
    pub llm_model: String,
    /// Seconds per LLM request, retries included
    #[arg(long, default_value_t = 60)]
    pub llm_timeout_secs: u64,
    /// Reply cache folder (default: <out>.llm-cache); reruns cost nothing
    #[arg(long)]
    pub llm_cache: Option<PathBuf>,
    /// Validated pairs to make per category
    #[arg(long, default_value_t = 10)]
    pub per_category: usize,
    /// Category ids, prefixes or globs, comma-separated (default: every
    /// category with a rule injector)
    #[arg(long)]
    pub categories: Option<String>,
    /// Drop pairs whose diff changes more lines than this
    #[arg(long, default_value_t = 5)]
    pub max_diff_lines: usize,
    /// Output JSONL, appended to
    #[arg(long)]
    pub out: PathBuf,
    /// Continue a run: skip what the output already holds
    #[arg(long)]
    pub resume: bool,
}

#[derive(Debug, Args)]
pub struct DatasetArgs {
    #[command(subcommand)]
    pub which: DatasetCommand,
}

#[derive(Debug, Subcommand)]
pub enum DatasetCommand {
    /// Per-category counts, a diff-lines histogram, engines and injectors
    Stats {
        /// A records JSONL file (docs/DATASET.md)
        file: PathBuf,
    },
    /// Split by source query (no query in two splits), stratified by category
    Split {
        file: PathBuf,
        /// Output folder for train.jsonl, valid.jsonl and test.jsonl
        #[arg(long)]
        out: PathBuf,
        /// Proportions of train, valid and test
        #[arg(long, default_value = "0.8,0.1,0.1")]
        ratios: String,
    },
    /// A natural sample plus K per category (the paper's 748 + 4 x 81)
    EvalSet {
        file: PathBuf,
        #[arg(long, default_value_t = 748)]
        natural: usize,
        #[arg(long, default_value_t = 4)]
        per_category: usize,
        #[arg(long)]
        out: PathBuf,
    },
    /// The paper's prompt/response pairs or OpenAI chat-messages JSONL
    Export {
        file: PathBuf,
        #[arg(long, value_parser = ["paper", "chat"])]
        format: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct TaxonomyFile {
    /// A taxonomy TOML file to use instead of the built-in one
    #[arg(long, global = true)]
    pub taxonomy: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TaxonomyArgs {
    #[command(flatten)]
    pub file: TaxonomyFile,
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// The engine that raised the error: duckdb, sqlite, postgres or mysql
    #[arg(long, short)]
    pub engine: String,
    /// SQLSTATE, errno, SQLite result code name or DuckDB error class
    #[arg(long)]
    pub code: Option<String>,
    #[command(flatten)]
    pub file: TaxonomyFile,
    /// The error message
    pub message: String,
}

#[derive(Debug, Args)]
pub struct CorpusArgs {
    #[command(subcommand)]
    pub which: CorpusCommand,
}

#[derive(Debug, Subcommand)]
pub enum CorpusCommand {
    /// Queries, schemas, a feature histogram, per-engine runnable counts and
    /// what was skipped and why
    Stats {
        /// Engines to run the queries on
        #[arg(long, default_value = "duckdb,sqlite")]
        engines: String,
        /// Only load and analyse; run nothing
        #[arg(long)]
        no_run: bool,
        /// Corpus folders or files (see docs/CORPUS.md)
        #[arg(required = true)]
        corpora: Vec<PathBuf>,
    },
    /// The queries whose features fit a category, diverse first
    Recall {
        /// A taxonomy leaf id (see `sqlforge taxonomy`)
        #[arg(long)]
        category: String,
        /// At most this many queries
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        file: TaxonomyFile,
        #[arg(required = true)]
        corpora: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ExecArgs {
    /// duckdb, sqlite, postgres, mysql or cmd:'<command line>'
    #[arg(long, short)]
    pub engine: String,
    /// SQL script run first (statements separated by ';'); repeatable,
    /// run in the order given
    #[arg(long)]
    pub setup: Vec<PathBuf>,
    /// The SQL to run; '-' reads standard input. With several statements,
    /// the outcome of the last one is printed. May start with a `--` comment.
    #[arg(allow_hyphen_values = true)]
    pub sql: String,
}

#[derive(Debug, Args)]
pub struct EnginesArgs {
    /// Extra engines to probe, e.g. cmd:'python3 driver.py'
    #[arg(long = "engine", short)]
    pub extra: Vec<String>,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub which: BenchCommand,
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Statements per second through the Engine trait vs the raw driver API
    Engine {
        /// Statements per measured run
        #[arg(long, default_value_t = 20_000)]
        statements: usize,
        /// Interleaved rounds (median reported)
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Recall latency over a large indexed corpus vs a linear scan
    Recall {
        /// Queries in the index (corpus queries repeated)
        #[arg(long, default_value_t = 100_000)]
        queries: usize,
        /// Corpora whose queries fill the index
        #[arg(default_value = "corpora")]
        corpora: Vec<PathBuf>,
    },
    /// Oracle campaign on DuckDB + SQLite vs replaying the same statements, 1 and 2 workers
    Oracle {
        /// Cases per measured run
        #[arg(long, default_value_t = 4000)]
        cases: u64,
        /// Oracle file or folder
        #[arg(long, default_value = "oracles")]
        oracles: PathBuf,
    },
    /// Repair checks per second over the labelled pairs (docs/CHECKER.md)
    /// vs single-database execution, with the confusion matrices of check,
    /// single-database execution and exact match
    Check {
        #[arg(long, default_value = "tests/fixtures/checker/pairs.jsonl")]
        pairs: PathBuf,
        #[arg(long, default_value = "duckdb,sqlite")]
        engines: String,
        /// Folder holding the corpora the pairs name
        #[arg(long, default_value = "corpora")]
        corpora: PathBuf,
        /// Most candidate databases per gold's suite
        #[arg(long, default_value_t = crate::check::CheckOptions::default().candidates)]
        candidates: usize,
        /// Most mutants of the record's database per pair (0: none)
        #[arg(long, default_value_t = crate::check::CheckOptions::default().mutants)]
        mutants: usize,
    },
    /// Rule synthesis on DuckDB + SQLite: corpus loaded once per engine with
    /// rolled-back candidates vs a fresh sandbox per candidate
    Synth {
        /// Validated pairs wanted per category
        #[arg(long, default_value_t = 2)]
        per_category: usize,
        /// Category pattern (see `sqlforge taxonomy`)
        #[arg(long, default_value = "*")]
        categories: String,
        /// Corpora to recall from
        #[arg(default_value = "corpora")]
        corpora: Vec<PathBuf>,
    },
}

pub fn parse_engine(text: &str) -> Result<EngineSpec, CliError> {
    text.parse().map_err(CliError::from)
}

#[derive(Debug, Args)]
pub struct OracleArgs {
    #[command(subcommand)]
    pub which: OracleCommand,
}

#[derive(Debug, Subcommand)]
pub enum OracleCommand {
    /// Fill oracles over random databases on each engine; every mismatch is a finding
    Run(OracleRunArgs),
    /// Verify oracles in a file on many random databases and fillings
    Check(OracleCheckArgs),
    /// The verified snippet corpus
    Snippets(SnippetsArgs),
    /// Write passing filled cases with their expected rows (a regression suite)
    Export(OracleExportArgs),
}

#[derive(Debug, Args)]
pub struct OracleExportArgs {
    /// Output format (only slt: sqllogictest)
    #[arg(long, default_value = "slt")]
    pub format: String,
    /// Oracle file or folder
    #[arg(long, default_value = "oracles")]
    pub oracles: PathBuf,
    /// Snippet corpus [default: snippets/ when it covers the engine, else the grammar]
    #[arg(long)]
    pub snippets: Option<PathBuf>,
    /// The engine whose passing results become the expected results
    #[arg(long, default_value = "sqlite")]
    pub engine: String,
    /// Cases to try
    #[arg(long, default_value_t = 500)]
    pub cases: u64,
    /// Output .slt file
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct SnippetsArgs {
    #[command(subcommand)]
    pub which: SnippetsCommand,
}

#[derive(Debug, Subcommand)]
pub enum SnippetsCommand {
    /// Generate, verify by execution and write snippets/<engine>.jsonl
    Build(SnippetsBuildArgs),
}

#[derive(Debug, Args)]
pub struct SnippetsBuildArgs {
    /// Engines, comma-separated (built-in engines only)
    #[arg(long, default_value = "duckdb,sqlite,postgres,mysql")]
    pub engines: String,
    /// Verified snippets per engine
    #[arg(long, default_value_t = 5000)]
    pub count: usize,
    /// Output folder
    #[arg(long, default_value = "snippets")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct OracleRunArgs {
    /// Oracle file or folder of .toml files
    #[arg(long, default_value = "oracles")]
    pub oracles: PathBuf,
    /// Verified snippet corpus [default: snippets/ when it covers every engine, else the grammar]
    #[arg(long)]
    pub snippets: Option<PathBuf>,
    /// Engines, comma-separated (duckdb, sqlite, postgres, mysql, cmd:'<command>')
    #[arg(long, default_value = "duckdb,sqlite")]
    pub engines: String,
    /// Number of cases (all shards together)
    #[arg(long, conflicts_with = "duration")]
    pub cases: Option<u64>,
    /// Run for this long instead (e.g. 90s, 10m, 1h)
    #[arg(long)]
    pub duration: Option<String>,
    /// Run only shard i of n (i/n, 0-based)
    #[arg(long, default_value = "0/1")]
    pub shard: String,
    /// Cases per random database
    #[arg(long, default_value_t = 25)]
    pub cases_per_db: u64,
    /// Most rows per random table
    #[arg(long, default_value_t = 8)]
    pub max_rows: usize,
    /// Output folder: findings.jsonl and findings/<signature>/
    #[arg(long)]
    pub out: PathBuf,
    /// Also write JUnit XML (one testcase per oracle x engine)
    #[arg(long)]
    pub junit: Option<PathBuf>,
    /// Do not shrink new findings
    #[arg(long)]
    pub no_reduce: bool,
    /// Parallel workers, each with its own sandboxes
    #[arg(long, default_value_t = 1)]
    pub workers: usize,
    /// Also compare query A across the engines (text-free cases only)
    #[arg(long)]
    pub differential: bool,
}

#[derive(Debug, Args)]
pub struct OracleCheckArgs {
    /// The oracle file to verify
    pub file: PathBuf,
    /// Engines, comma-separated
    #[arg(long, default_value = "duckdb,sqlite")]
    pub engines: String,
    /// Random databases
    #[arg(long, default_value_t = 20)]
    pub databases: u64,
    /// Fillings per database and oracle
    #[arg(long, default_value_t = 10)]
    pub fillings: u64,
    /// Where counterexamples go (default: a temporary folder)
    #[arg(long)]
    pub out: Option<PathBuf>,
}
