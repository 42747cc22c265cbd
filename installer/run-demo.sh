#!/usr/bin/env bash
# Quick start, command 1: set up what is missing, build, and run the main job — the GUI on the
# flagship sample, or, with no display, the same demo headless (summary printed, BOM into out/).
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target clusterforge clusterforge-cli  # the tests: run-tests.sh

sample=samples/dgx-h100-superpod-4su.cluster.json
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x build/release/app/gui/clusterforge ]]; then
  exec build/release/app/gui/clusterforge "$sample"
fi

cli=build/release/app/cli/clusterforge-cli
echo "No display: running the demo headless."
echo
"$cli" validate "$sample"
echo
"$cli" analyze "$sample"
mkdir -p out
for format in csv md json; do
  "$cli" bom "$sample" --format "$format" -o "out/bom.$format"
done
echo
echo "Bill of materials written to out/bom.csv, out/bom.md and out/bom.json"
