#!/usr/bin/env bash
# Runs every test: starts (or installs) PostgreSQL and MariaDB, then builds
# and runs the whole suite in the dev profile, the same profile the binary
# and benchmarks use.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/services.sh
command -v python3 >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
# libtorch for the trainer (feature `train`): a cached venv, installed once.
source scripts/torch-env.sh
cargo test --all-targets --features train "$@"
