#!/usr/bin/env bash
# Renders the application icon (installer/linux/io.clusterforge.ClusterForge.svg) into the Windows
# .ico and macOS .icns the packaging settings use. Run after changing the SVG and commit the
# results (the Windows and macOS builds do not have these tools).
# Needs: apt-get install librsvg2-bin icoutils icnsutils
set -euo pipefail
cd "$(dirname "$0")/.."
svg=installer/linux/io.clusterforge.ClusterForge.svg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 128 256 512; do rsvg-convert -w $s -h $s "$svg" -o "$tmp/icon-$s.png"; done
icotool -c -o installer/windows/clusterforge.ico "$tmp"/icon-{16,32,48,256}.png
png2icns installer/macos/clusterforge.icns "$tmp"/icon-{16,32,48,128,256,512}.png >/dev/null
echo "wrote installer/windows/clusterforge.ico installer/macos/clusterforge.icns"
