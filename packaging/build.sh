#!/usr/bin/env bash
# Builds the installable forms of cjm-editor into dist/:
#   dist/cjm_editor-VERSION-py3-none-any.whl and the sdist   (python -m build)
#   dist/cjm-editor/                                          (PyInstaller one-folder bundle)
#   dist/cjm-editor-VERSION-linux-x86_64.tar.gz               (that folder, packed)
#   dist/cjm-editor_VERSION_amd64.deb                         (dpkg-deb: /opt, /usr/bin, menus, MIME)
# Usage: packaging/build.sh [--no-deb]. Needs Python 3.11+, dpkg-deb and dpkg-shlibdeps (dpkg-dev).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
app_id=io.github.cjm_editor.cjm_editor
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
deb=1; [ "${1:-}" = "--no-deb" ] && deb=0
SECONDS=0
step() { echo "== [${SECONDS}s] $*" >&2; }

step "system packages, build tools in build/pack-venv"
packaging/bootstrap.sh build
# The distribution's Python (Debian 12: 3.11) by default: its libpython and extension modules are
# stripped and hardened, and have no build-machine library paths in them.
python=${PYTHON:-/usr/bin/python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "packaging/build.sh needs Python 3.11 or newer (set PYTHON=...)" >&2; exit 1; }
venv="$root/build/pack-venv"
if [ "$("$venv/bin/python" -c 'import sys; print(sys._base_executable)' 2>/dev/null)" != "$(command -v "$python")" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q -r packaging/requirements-build.txt

step "wheel and sdist (python -m build)"
rm -rf dist/cjm_editor-* dist/cjm-editor*
"$venv/bin/python" -m build --outdir dist . > build/python-build.log 2>&1 \
  || { cat build/python-build.log >&2; exit 1; }
wheel=dist/cjm_editor-$version-py3-none-any.whl
test -f "$wheel"

step "bundle (PyInstaller, from the wheel just built)"
"$venv/bin/python" -m pip install -q --force-reinstall --no-deps "$wheel"
"$venv/bin/python" -m pip install -q "$wheel"
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/cjm-editor.spec
bundle=dist/cjm-editor
# As dh_strip would: no debug symbols in libraries, and libraries are not executable. The
# executable itself is left alone (its Python archive is appended to it).
find "$bundle/_internal" -type f -name '*.so*' -exec chmod 644 {} + \
  -exec strip --remove-section=.comment --remove-section=.note --strip-unneeded {} +
ln -s cjm-editor "$bundle/cjm"   # the same executable; started as `cjm` it runs the headless commands

step "tarball"
tar -C dist -czf "dist/cjm-editor-$version-linux-x86_64.tar.gz" cjm-editor

[ "$deb" = 1 ] || { step "done (no .deb)"; exit 0; }

step ".deb"
stage="$root/build/deb"
rm -rf "$stage"
pkg="$stage/root"
install -d "$pkg/opt" "$pkg/usr/bin" "$pkg/DEBIAN"
cp -a "$bundle" "$pkg/opt/cjm-editor"
ln -s /opt/cjm-editor/cjm-editor "$pkg/usr/bin/cjm-editor"
ln -s /opt/cjm-editor/cjm "$pkg/usr/bin/cjm"
install -D -m 644 "packaging/$app_id.desktop" "$pkg/usr/share/applications/$app_id.desktop"
install -D -m 644 "packaging/$app_id.metainfo.xml" "$pkg/usr/share/metainfo/$app_id.metainfo.xml"
install -D -m 644 packaging/cjm-editor-mime.xml "$pkg/usr/share/mime/packages/$app_id.xml"
(cd packaging/icons && find hicolor -name '*.png' -exec install -D -m 644 {} "$pkg/usr/share/icons/{}" \;)
install -D -m 644 resources/icons/cjm-editor.svg "$pkg/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
install -D -m 644 resources/icons/cjm-map.svg \
  "$pkg/usr/share/icons/hicolor/scalable/mimetypes/application-x-cjm-journey+json.svg"
maintainer="${DEBFULLNAME:-The cjm-editor authors} <${DEBEMAIL:-$(git config user.email || echo root@localhost)}>"
doc="$pkg/usr/share/doc/cjm-editor"
install -d "$doc/licenses"
cp resources/licenses/*.txt resources/fonts/LICENSE* "$doc/licenses/"
"$venv/bin/python" packaging/debian_files.py copyright > "$doc/copyright"
"$venv/bin/python" packaging/debian_files.py changelog "$version" "$maintainer" | gzip -9n > "$doc/changelog.gz"
install -d "$pkg/usr/share/man/man1"
"$venv/bin/python" packaging/debian_files.py manpage cjm "$version" | gzip -9n > "$pkg/usr/share/man/man1/cjm.1.gz"
"$bundle/cjm-editor" --help | "$venv/bin/python" packaging/debian_files.py manpage cjm-editor "$version" \
  | gzip -9n > "$pkg/usr/share/man/man1/cjm-editor.1.gz"
install -D -m 644 packaging/lintian-overrides "$pkg/usr/share/lintian/overrides/cjm-editor"
find "$pkg/usr" -type f -exec chmod 644 {} +
find "$pkg" -type d -exec chmod 755 {} +

# Dependencies: the Debian packages that provide the system libraries the bundle's ELF files need.
mkdir -p "$stage/debian"
printf 'Source: cjm-editor\n\nPackage: cjm-editor\nArchitecture: amd64\n' > "$stage/debian/control"
mapfile -t elves < <(find "$pkg/opt/cjm-editor" -type f \( -name '*.so*' -o -name cjm-editor \) \
  -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
internal="$pkg/opt/cjm-editor/_internal"
shlibs=$(cd "$stage" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
  -l"$internal" -l"$internal/PySide6/Qt/lib" -l"$internal/PySide6" -l"$internal/shiboken6" \
  "${elves[@]}" | sed -n 's/^shlibs:Depends=//p')
depends="$shlibs, fonts-dejavu-core | fonts-freefont-ttf, hicolor-icon-theme"
installed_kb=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: cjm-editor
Version: $version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $installed_kb
Depends: $depends
Section: graphics
Priority: optional
Homepage: https://github.com/cjm-editor/cjm-editor
Description: desktop editor for customer journey maps
 cjm-editor draws customer journey maps: stages left to right, swimlanes top
 to bottom, cards in the cells, an emotion curve per persona and connections
 between touchpoints. Maps are plain JSON files (.cjm.json) with a published
 schema. It prints PDF workshop handouts, reads and writes Mermaid journeys
 and CSV, and reports insights such as the main path and dead ends.
 .
 The cjm command does the same headless. The application is self-contained
 in /opt/cjm-editor (Python, Qt and the libraries it uses).
CONTROL
(cd "$pkg" && find usr opt -type f -exec md5sum {} + | sort -k2) > "$pkg/DEBIAN/md5sums"
chmod 644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"
out="dist/cjm-editor_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$out" >/dev/null

step "done"
du -sh "$bundle" dist/*.tar.gz dist/*.deb "$wheel" >&2
