#!/usr/bin/env bash
# Creates (once) a Python venv holding the PyTorch wheel whose libtorch the
# `train` feature links against (tch 0.26 expects torch 2.13.0). Idempotent:
# it does nothing when the venv already imports that version.
#
#   bash scripts/torch-venv.sh            # install if needed, print the venv path
#   SQLFORGE_TORCH_VENV=/path bash ...    # somewhere else
#
# Source scripts/torch-env.sh instead to also get the build exports.
set -euo pipefail
TORCH_VERSION="${SQLFORGE_TORCH_VERSION:-2.13.0}"
if [ -z "${SQLFORGE_CACHE:-}" ]; then
  if mkdir -p /var/cache/sqlforge 2>/dev/null && [ -w /var/cache/sqlforge ]; then
    SQLFORGE_CACHE=/var/cache/sqlforge
  else
    SQLFORGE_CACHE="$HOME/.cache/sqlforge"
  fi
fi
VENV="${SQLFORGE_TORCH_VENV:-$SQLFORGE_CACHE/torch-venv}"

have_torch() {
  [ -x "$VENV/bin/python" ] &&
    "$VENV/bin/python" -c "import sys, importlib.metadata as m; sys.exit(0 if m.version('torch').split('+')[0] == '$TORCH_VERSION' else 1)" 2>/dev/null
}

if ! have_torch; then
  command -v python3 >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
  if ! python3 -c "import venv, ensurepip" 2>/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  echo "installing torch==$TORCH_VERSION into $VENV (once; about 5 GB)" >&2
  mkdir -p "$(dirname "$VENV")"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-input "torch==$TORCH_VERSION" >&2
  have_torch || { echo "error: torch $TORCH_VERSION did not import from $VENV" >&2; exit 3; }
fi
echo "$VENV"
