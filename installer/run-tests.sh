#!/usr/bin/env bash
# Quick start, command 2: set up what is missing, build, and run the whole test suite: the release
# build's tests, the same tests under ASan + UBSan, each fuzzer for a bounded time and the replay
# of the inputs the fuzzers once broke (docs/testing.md).
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
step cmake --build --preset release
step env QT_QPA_PLATFORM=offscreen ctest --preset release -j2
cmake --preset asan >/dev/null
step cmake --build --preset asan
step ctest --preset asan -j2
step bash tests/fuzz/run-fuzzers.sh "${CF_FUZZ_SECONDS:-45}"
