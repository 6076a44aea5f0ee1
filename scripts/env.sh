# Sourced by the other scripts: one build cache outside the checkout, shared by
# the tests, the binary and CI, so the bundled engines compile once.
if [ -z "${SQLFORGE_CACHE:-}" ]; then
  if mkdir -p /var/cache/sqlforge 2>/dev/null && [ -w /var/cache/sqlforge ]; then
    SQLFORGE_CACHE=/var/cache/sqlforge
  else
    SQLFORGE_CACHE="$HOME/.cache/sqlforge"
  fi
fi
export SQLFORGE_CACHE
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$SQLFORGE_CACHE/target}"
mkdir -p "$CARGO_TARGET_DIR"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
command -v cargo >/dev/null 2>&1 || { echo "error: cargo not found; install a Rust toolchain (rustup) first" >&2; exit 3; }
# The bundled DuckDB and SQLite need a C/C++ compiler.
if ! command -v g++ >/dev/null 2>&1; then
  echo "installing g++ (needed for the bundled engines)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ make >/dev/null
fi
