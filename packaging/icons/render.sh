#!/usr/bin/env bash
# Renders the PNG icon sizes from the SVG sources in resources/icons (needs rsvg-convert, from
# Debian's librsvg2-bin). The PNGs are committed; run this again after changing an SVG.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/../../resources/icons"
app=io.github.cjm_editor.cjm_editor
mime=application-x-cjm-journey+json
for size in 16 22 24 32 48 64 128 256 512; do
  out="$here/hicolor/${size}x${size}"
  mkdir -p "$out/apps" "$out/mimetypes"
  rsvg-convert -w "$size" -h "$size" "$svg/cjm-editor.svg" -o "$out/apps/$app.png"
  rsvg-convert -w "$size" -h "$size" "$svg/cjm-map.svg" -o "$out/mimetypes/$mime.png"
done
