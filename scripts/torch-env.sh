# Sourced: makes libtorch available for `cargo ... --features train` and for
# the trainer's binaries. Installs the venv first when it is missing
# (scripts/torch-venv.sh), then exports what torch-sys and the loader need.
_sqlforge_torch_venv="$(bash "$(dirname "${BASH_SOURCE[0]}")/torch-venv.sh")" || return 3 2>/dev/null || exit 3
export SQLFORGE_TORCH_VENV="$_sqlforge_torch_venv"
export LIBTORCH_USE_PYTORCH=1
# torch-sys runs `python` to find the wheel; the venv's comes first.
export PATH="$SQLFORGE_TORCH_VENV/bin:$PATH"
_sqlforge_torch_lib="$("$SQLFORGE_TORCH_VENV/bin/python" -c 'import importlib.util, os; print(os.path.join(importlib.util.find_spec("torch").submodule_search_locations[0], "lib"))')"
export LD_LIBRARY_PATH="$_sqlforge_torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# The reference scripts the trainer tests run.
export SQLFORGE_PYTHON="$SQLFORGE_TORCH_VENV/bin/python"
unset _sqlforge_torch_venv _sqlforge_torch_lib
