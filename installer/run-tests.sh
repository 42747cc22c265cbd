#!/usr/bin/env bash
# Quick start, command 2: set up what is missing, build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
QT_QPA_PLATFORM=offscreen ctest --preset release -j2
