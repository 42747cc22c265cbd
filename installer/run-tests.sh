#!/usr/bin/env bash
# Quick start, command 2: set up what is missing, build, and run the whole test suite: every test
# under ASan + UBSan (clang), the release applications' own tests (the package, the GUI started
# for real), each fuzzer for a bounded time and the replay of the inputs the fuzzers once broke.
# docs/testing.md says why the suite runs once, sanitized, and how to run it on the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says how long it took (CI's budget: docs/testing.md).
step() {
  local start=$SECONDS
  "$@"
  echo "run-tests: '$*' took $((SECONDS - start)) s"
}

bash installer/install-deps.sh
cmake --preset release >/dev/null
step cmake --build --preset release --target clusterforge clusterforge-cli cf_bench cf_gui_bench
step env QT_QPA_PLATFORM=offscreen ctest --preset release -j2 -L 'package|gui'
cmake --preset asan >/dev/null
step cmake --build --preset asan
step ctest --preset asan -j2
step bash tests/fuzz/run-fuzzers.sh "${CF_FUZZ_SECONDS:-45}"
