#!/usr/bin/env bash
# Runs every check headless: lint, types, layer contracts, the test suite, and the core suite with Qt
# made unimportable. Installs what is missing first. Extra arguments go to the main pytest run, except
# these flags, which compose:
#   --fuzz   the long fuzzing campaign in tests/fuzz (see README, "Fuzzing") instead of its small budget
#   --slow   also build the wheel, the bundle and the .deb (packaging/build.sh, a few minutes)
#            and run them (tests/packaging/test_build.py)
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
pytest_args=()
for arg in "$@"; do
  case "$arg" in
    --fuzz) export CJM_FUZZ=long ;;
    --slow) pytest_args+=(-m "slow or not slow") ;;
    *) pytest_args+=("$arg") ;;
  esac
done
"$root/packaging/bootstrap.sh" test || exit 1
export QT_QPA_PLATFORM=offscreen
bin="$root/.venv/bin"
failed=()
step() { local name=$1; shift; echo "== $name"; "$@" || failed+=("$name"); }

step "ruff lint" "$bin/ruff" check .
step "ruff format" "$bin/ruff" format --check --quiet .
step "mypy" "$bin/mypy" --no-error-summary cjm_editor
step "import contracts" "$bin/lint-imports" --no-cache
step "tests" "$bin/python" -m pytest -q ${pytest_args[@]+"${pytest_args[@]}"}
# The core must work where PySide6 cannot be imported at all (STYLE.md section 8).
step "core tests without Qt" env CJM_BLOCK_QT=1 "$bin/python" -m pytest -q -p no:pytest-qt \
  tests/model tests/formats tests/cli tests/core tests/layout tests/analysis tests/export

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "All checks passed."
