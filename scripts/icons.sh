#!/usr/bin/env bash
# Regenerates every icon size from the one drawing, icons/keydeck.svg, and writes them beside it:
# keydeck-<N>.png (16 to 512), keydeck.ico (Windows) and keydeck.icns (macOS). The results are
# committed, so a build never needs these tools; run this after editing the SVG.
# Needs (Debian): librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")/../icons"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install librsvg2-bin icoutils icnsutils" >&2; exit 1; }
done

sizes=(16 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" keydeck.svg --output "keydeck-$size.png"
done

# Windows shows 16-256; the 128 and 256 entries are stored as PNG to keep the file small.
icotool --create --output keydeck.ico keydeck-16.png keydeck-24.png keydeck-32.png keydeck-48.png \
  keydeck-64.png --raw=keydeck-128.png --raw=keydeck-256.png
# png2icns picks the icns slot from each PNG's size (it knows 16, 32, 48, 128, 256, 512).
png2icns keydeck.icns keydeck-16.png keydeck-32.png keydeck-48.png keydeck-128.png keydeck-256.png \
  keydeck-512.png >/dev/null

ls -l keydeck.svg keydeck-*.png keydeck.ico keydeck.icns
