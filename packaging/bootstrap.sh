#!/usr/bin/env bash
# Installs what cjm-editor needs on Debian/Ubuntu, skipping what is already there:
# the system libraries Qt loads, a .venv, and the package (editable) with the given extras.
# Usage: packaging/bootstrap.sh [gui|test|build]; build (for packaging/build.sh) installs only the system
# packages: the gui set, so dpkg-shlibdeps can resolve every library, and the Debian packaging tools.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-gui}

# Qt offscreen needs these; a real X11 window needs the xcb set too (DESIGN.md, Known pitfalls).
libs="libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core"
if [ "$mode" = test ]; then
  libs="$libs desktop-file-utils appstream"  # the validators the packaging metadata tests run
fi
if [ "$mode" = gui ] || [ "$mode" = build ]; then
  libs="$libs libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0"
  libs="$libs libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

apt_install() {
  local missing=() p
  for p in "$@"; do installed "$p" || installed "${p}t64" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { echo "note: not Debian/Ubuntu; make sure these are installed: ${missing[*]}" >&2; return 0; }
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "note: missing system packages (run as root to install): ${missing[*]}" >&2; return 0
    fi
  fi
  echo "Installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
}

[ "$mode" = build ] && libs="$libs libwayland-cursor0 libwayland-egl1 dpkg-dev gzip xz-utils"
if command -v dpkg-query >/dev/null; then apt_install $libs; fi
[ "$mode" = build ] && exit 0

python=${PYTHON:-python3}
for candidate in python3.11 python3.12 python3.13 python3; do
  if [ -z "${PYTHON:-}" ] && command -v "$candidate" >/dev/null; then python=$candidate; break; fi
done
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "cjm-editor needs Python 3.11 or newer; $python is $("$python" --version 2>&1)" >&2; exit 1; }

venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
    rm -rf "$venv"
    apt_install python3-venv
    "$python" -m venv "$venv"
  fi
fi

extras=""; [ "$mode" = test ] && extras="[test]"
stamp="$venv/.cjm-installed"
want="$(sha256sum "$root/pyproject.toml" | cut -c1-16) $mode"
have=$(cat "$stamp" 2>/dev/null || true)
# test extras include everything the gui needs, so a test install serves both.
if [ "$have" != "$want" ] && ! { [ "$mode" = gui ] && [ "${have% *}" = "${want% *}" ]; }; then
  echo "Installing cjm-editor into .venv ..." >&2
  "$venv/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  "$venv/bin/python" -m pip install -q -e "$root$extras"
  echo "$want" > "$stamp"
fi
