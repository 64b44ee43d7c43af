#!/usr/bin/env bash
# Opens the editor on the bundled sample map (or on the files given). Installs what is missing first.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
"$root/packaging/bootstrap.sh" gui
if [ $# -eq 0 ]; then
  exec "$root/.venv/bin/cjm-editor" --sample
fi
exec "$root/.venv/bin/cjm-editor" "$@"
