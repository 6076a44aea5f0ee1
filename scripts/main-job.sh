#!/usr/bin/env bash
# The main job on the embedded engines (no servers, no network): for now,
# run the bundled quickstart corpus query on DuckDB and SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo build --bin sqlforge
bin="$CARGO_TARGET_DIR/debug/sqlforge"
query=$(cat corpora/quickstart/queries.sql)
for engine in duckdb sqlite; do
  echo "== $engine"
  "$bin" exec --engine "$engine" --setup corpora/quickstart/schema.sql --setup corpora/quickstart/data.sql "$query"
done
