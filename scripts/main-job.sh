#!/usr/bin/env bash
# The main job on the embedded engines (no servers, no network, no key):
# synthesise bug-fix records from the bundled corpora with the rule
# injectors, validated on DuckDB and SQLite. Rerunning resumes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo build --bin sqlforge
bin="$CARGO_TARGET_DIR/debug/sqlforge"
mkdir -p out
"$bin" synth --corpus corpora --engines duckdb,sqlite --injector rules \
  --per-category "${PER_CATEGORY:-10}" --seed "${SEED:-1}" --out out/synth.jsonl --resume
"$bin" dataset stats out/synth.jsonl
