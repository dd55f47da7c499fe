#!/usr/bin/env bash
# Builds imapkit and its benchmarks in Release, runs the suite (bench/, docs/performance.md) and
# prints a compact table: benchmark, MB/s, messages/s, allocations per message, and imapkit's
# ratio to each peer parser on the same input.
#
#   scripts/bench.sh [Google Benchmark flags...]      e.g. --benchmark_filter=metadata
#
# Environment:
#   BUILD_DIR    build directory (default build/release, the release preset's)
#   REPETITIONS  runs of each benchmark; the table shows the median (default 3)
#   MARKDOWN=1   print the tables in Markdown (as in docs/performance.md)
#   SKIP_BUILD=1 run the imapkit_bench already built in BUILD_DIR
# Run it on an idle machine: the figures of a loaded one mean nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build/release}
repetitions=${REPETITIONS:-3}

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DIMAPKIT_BUILD_BENCHMARKS=ON >/dev/null
  cmake --build "$build_dir" -j2 --target imapkit_bench
fi

bench="$build_dir/bench/imapkit_bench"
results="$build_dir/bench/results.json"
log="$build_dir/bench/results.txt"
echo "bench: running $("$bench" --benchmark_list_tests "$@" | wc -l) benchmarks," \
  "$repetitions repetitions each (console output: $log)"
if ! "$bench" --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true \
  --benchmark_out="$results" --benchmark_out_format=json "$@" >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  exit 1
fi

echo
report_flags=()
[[ ${MARKDOWN:-0} == 1 ]] && report_flags+=(--markdown)
python3 bench/report.py "${report_flags[@]}" "$results"
echo
echo "bench: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')," \
  "$(${CXX:-c++} --version | head -n1); JSON results: $results"
