#!/usr/bin/env bash
# Installs the Debian 12 packages ClusterForge needs to build, run and test.
# Idempotent: installs only what is missing and runs `apt-get update` only when it must install.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libgl-dev
  libboost-graph-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # the sanitizer suite and the fuzzers (asan preset): clang with its ASan/UBSan/libFuzzer runtimes,
  # llvm-symbolizer for readable stacks
  clang libclang-rt-14-dev llvm
  xvfb xauth
  # tests read the exports with independent tools: Graphviz parses the DOT, openpyxl the XLSX,
  # PyYAML the NetBox device types
  python3 python3-openpyxl python3-yaml graphviz
  # the package test validates what desktops read: desktop entry, AppStream metainfo, MIME type
  desktop-file-utils appstream shared-mime-info
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
