#!/usr/bin/env bash
# Screenshots of the main views for the README, taken from the real application under a virtual
# X display (xvfb-run). Usage: tools/take-screenshots.sh [BUILD_DIR]   (default build/release)
# Writes docs/images/*.png. Needs the GUI built (cmake --build --preset release).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
app=$build/app/gui/clusterforge
out=$root/docs/images
[[ -x $app ]] || { echo "take-screenshots: build the GUI first ($app missing)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "take-screenshots: xvfb-run missing (bash installer/install-deps.sh)" >&2; exit 1; }
mkdir -p "$out"

# A fresh profile: no recent files, no saved layout, the source tree's catalog only.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
export XDG_CONFIG_HOME=$profile/config XDG_DATA_HOME=$profile/data
export CLUSTERFORGE_RESOURCES=$root/resources CLUSTERFORGE_USER_CATALOG=$profile/no-user-catalog

shot() {  # NAME ARGS...
  local name=$1; shift
  xvfb-run -a -s "-screen 0 1920x1200x24" env QT_QPA_PLATFORM=xcb "$app" --screenshot "$out/$name.png" "$@"
  echo "take-screenshots: $out/$name.png"
}

superpod=$root/samples/dgx-h100-superpod-4su.cluster.json
shot start
shot floor-plan --view floor "$superpod"
shot racks --view rack --select a01 "$superpod"
shot topology --view topology "$superpod"
shot compare --view compare --compare "$root/samples/mi300x-1024.cluster.json" "$superpod"
