#!/usr/bin/env bash
# Runs each fuzzer for a bounded time on its seeds and fails on any finding (crash, sanitizer
# report, leak, timeout, out of memory), keeping the input that caused it. Builds nothing: the
# fuzzers come from the asan preset (CF_FUZZ). docs/testing.md says what to do with a finding.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]     SECONDS per target (default 60);
#                                                       targets: design catalog model cli_args
# Environment: CF_BUILD_DIR (default build/asan), CF_FUZZ_JOBS fuzzers at a time (default: cores).
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${CF_BUILD_DIR:-$source_dir/build/asan}
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(design catalog model cli_args)
jobs=${CF_FUZZ_JOBS:-$(nproc)}
work=$build_dir/fuzz  # per target: seeds (copied afresh), corpus (grows run to run), findings, log

# Seeds: the files each loader reads in the repository (copied, not kept twice in git).
seed_files() {
  case $1 in
    design) ls samples/*.cluster.json tests/data/designs/*.json ;;
    catalog) ls resources/catalog/*.json tests/data/{catalog-units,fabric-catalog,user-catalog}/*.json ;;
    model) ls resources/models/*.json ;;
    cli_args) ls tests/fuzz/cli-seeds/* ;;
  esac
}

# -timeout: seconds one input may take (the largest sample's analyses take a few under ASan);
# -rss_limit_mb / -malloc_limit_mb: no input of a few hundred KB needs gigabytes;
# -report_slow_units: only timeouts count, slow inputs are not kept.
# Designs: inputs up to 64 KB, or the 500 KB samples take most of the time (a few runs a second);
# the lab sample and the small test designs are the seeds that count, the large ones cut short.
fuzz_one() {
  local target=$1 dir=$work/$1
  local bin=$build_dir/tests/fuzz/${target}_fuzzer
  local dict=$source_dir/tests/fuzz/json.dict
  local extra=()
  [[ $target == cli_args ]] && dict=$source_dir/tests/fuzz/cli.dict
  [[ $target == design ]] && extra=(-max_len=65536)
  rm -rf "$dir/seeds" "$dir/findings"
  mkdir -p "$dir/seeds" "$dir/corpus" "$dir/findings"
  local f
  for f in $(seed_files "$target"); do cp "$f" "$dir/seeds/$(basename "$(dirname "$f")")-$(basename "$f")"; done
  # From the source tree: the CLI seeds name its files by relative paths.
  if CLUSTERFORGE_RESOURCES=$source_dir/resources \
     ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
     "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 -malloc_limit_mb=1024 \
       -report_slow_units=100000 -dict="$dict" -artifact_prefix="$dir/findings/" -print_final_stats=1 "${extra[@]}" \
       "$dir/corpus" "$dir/seeds" "$source_dir/tests/data/fuzz-regressions/$target" \
       >"$dir/log" 2>&1; then
    echo "fuzz $target: no finding in ${seconds}s ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$dir/log" | grep -o '[0-9]*$') runs)"
    return 0
  fi
  echo "fuzz $target: FINDING (log: $dir/log)"
  grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*fuzz invariant|.*uncaught exception|    #[0-9]+ )' "$dir/log" | head -40 || true
  # The CI machine does not outlive the run: the input goes into the log too.
  for f in "$dir"/findings/*; do
    [[ -f $f ]] || continue
    echo "fuzz $target: input kept in $f ($(stat -c %s "$f") bytes), base64:"
    head -c 65536 "$f" | base64
  done
  return 1
}

cd "$source_dir"
for t in "${targets[@]}"; do
  [[ -x $build_dir/tests/fuzz/${t}_fuzzer ]] || { echo "no fuzzer $t in $build_dir (cmake --preset asan)"; exit 2; }
done
status=0
running=0
for t in "${targets[@]}"; do
  if ((running >= jobs)); then
    wait -n || status=1
    running=$((running - 1))
  fi
  fuzz_one "$t" &
  running=$((running + 1))
done
while ((running > 0)); do
  wait -n || status=1
  running=$((running - 1))
done
exit $status
