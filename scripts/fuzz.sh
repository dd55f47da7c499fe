#!/usr/bin/env bash
# Builds and runs the libFuzzer harnesses of fuzz/ (see docs/fuzzing.md).
#
#   scripts/fuzz.sh build                       configure + build the `fuzz` preset (Clang)
#   scripts/fuzz.sh run [-t SECS] [HARNESS...]  fuzz each harness (default: all) for SECS seconds
#                                               (default 600), one after the other, then merge
#                                               what it found into its seed archive
#   scripts/fuzz.sh smoke [-t SECS]             CI: build, run every harness SECS seconds
#                                               (default 30); the seed archives are left alone
#   scripts/fuzz.sh merge [HARNESS...]          merge build/fuzz/campaign/<h>/ into the archive
#   scripts/fuzz.sh seeds                       regenerate the seed-* files of the archives from
#                                               corpus/captures and the RFC examples
#   scripts/fuzz.sh list                        the harness names
#
# The seeds of harness <h> are the archive corpus/fuzz/<h>_seed_corpus.zip, unpacked for each
# use into build/fuzz/seeds/<h>/ (emptied first) and packed again, deterministically, after a
# merge or `seeds` (fuzz/tools/seed_archive.py: an unchanged set gives a byte-identical archive).
# Every run uses the harness's dictionary (fuzz/<h>.dict), its seeds, the project's limits
# (fuzz/libfuzzer.options: -rss_limit_mb=512 -timeout=5) and writes crash, leak, timeout and out-of-memory reproducers
# to fuzz/regressions/<h>/, which ctest then replays for good. A crash makes the script exit
# non-zero. Extra libFuzzer flags: FUZZ_FLAGS="-jobs=2 -workers=2" etc.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$root/build/fuzz
rfc_dir=${IMAPKIT_RFC_DIR:-$root/../shared/rfc}

# UBSan reports are fatal (the preset compiles with recovery on), and stack traces help.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=0:quarantine_size_mb=64}

harnesses() {
  sed -n '/^set(IMAPKIT_FUZZ_HARNESSES/,/^)/p' "$root/fuzz/harnesses.cmake" | sed '1d;$d' | tr -d ' '
}

archive() { echo "$root/corpus/fuzz/$1_seed_corpus.zip"; }

# The limits of fuzz/libfuzzer.options (the file OSS-Fuzz gets as fuzz_<h>.options) as flags.
mapfile -t limits < <(awk -F '=' '/^\[/ { in_section = ($0 == "[libfuzzer]"); next }
  in_section && NF == 2 { gsub(/[ \t]/, ""); print "-" $1 "=" $2 }' "$root/fuzz/libfuzzer.options")
seeds_dir() { echo "$build/seeds/$1"; }

# unpack HARNESS: build/fuzz/seeds/<h>/ holds exactly the archive's seeds (none for a new harness
# without an archive). pack HARNESS: the archive holds exactly the files of that directory.
seed_archive() { python3 "$root/fuzz/tools/seed_archive.py" "$@"; }
unpack() { seed_archive unpack "$(archive "$1")" "$(seeds_dir "$1")" --missing-ok; }
pack() { seed_archive pack "$(seeds_dir "$1")" "$(archive "$1")"; }

# Largest input libFuzzer generates, per harness: enough for what the harness reads, small
# enough to stay fast (seeds longer than this are still replayed whole by ctest).
max_len() {
  case $1 in
    framer) echo 8192 ;;
    mutf7) echo 1024 ;;
    generic | bodystructure | response | command) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

build() {
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz --target fuzzers
}

# run_one HARNESS SECONDS: fuzzes into build/fuzz/campaign/<h>/ with the unpacked seeds as a
# read-only second corpus directory. Returns libFuzzer's status.
run_one() {
  local h=$1 secs=$2
  local bin=$build/fuzz/fuzz_$h work=$build/campaign/$h artifacts=$root/fuzz/regressions/$h/
  [[ -x $bin ]] || { echo "no $bin: run scripts/fuzz.sh build" >&2; return 2; }
  unpack "$h" || return 2  # (errexit is off here: run_one is called in a condition)
  mkdir -p "$work" "$artifacts"
  echo "== fuzz_$h for ${secs}s"
  set +e
  # shellcheck disable=SC2086
  "$bin" "$work" "$(seeds_dir "$h")" \
    -dict="$root/fuzz/$h.dict" -max_total_time="$secs" -max_len="$(max_len "$h")" \
    "${limits[@]}" -artifact_prefix="$artifacts" -print_final_stats=1 \
    ${FUZZ_FLAGS:-} >"$build/campaign/$h.log" 2>&1
  local status=$?
  set -e
  grep -E 'ERROR|SUMMARY|FUZZ_CHECK|runtime error|Test unit written' "$build/campaign/$h.log" || true
  grep -E '^#[0-9]+[[:space:]]+(DONE|INITED)|stat::(number_of_executed_units|average_exec_per_sec|peak_rss)' \
    "$build/campaign/$h.log" || true
  return "$status"
}

# merge_one HARNESS: adds to the seed archive the inputs of the campaign that reach coverage the
# seeds do not have yet (libFuzzer -merge=1 into the unpacked seeds, then packed again), then
# empties the campaign directory.
merge_one() {
  local h=$1
  local work=$build/campaign/$h
  [[ -d $work ]] || return 0
  unpack "$h"
  "$build/fuzz/fuzz_$h" -merge=1 -max_len="$(max_len "$h")" "${limits[@]}" \
    "$(seeds_dir "$h")" "$work" >"$build/campaign/$h.merge.log" 2>&1
  grep -E 'MERGE-OUTER: [0-9]+ new files' "$build/campaign/$h.merge.log" || true
  pack "$h"
  rm -rf "$work"
}

cmd=${1:-run}
shift || true
secs=""
if [[ ${1:-} == -t ]]; then secs=$2; shift 2; fi
selected=("$@")
if [[ ${#selected[@]} -eq 0 ]]; then mapfile -t selected < <(harnesses); fi

case $cmd in
  list) harnesses ;;
  build) build ;;
  run | smoke)
    [[ $cmd == smoke ]] && build
    failed=()
    for h in "${selected[@]}"; do
      if ! run_one "$h" "${secs:-$([[ $cmd == smoke ]] && echo 30 || echo 600)}"; then
        failed+=("$h")
      fi
      if [[ $cmd == run ]]; then merge_one "$h"; else rm -rf "$build/campaign/$h"; fi
    done
    if [[ ${#failed[@]} -gt 0 ]]; then
      echo "FAILED: ${failed[*]} (reproducers in fuzz/regressions/<harness>/)" >&2
      exit 1
    fi
    ;;
  merge) for h in "${selected[@]}"; do merge_one "$h"; done ;;
  seeds)
    # The tool needs only the framer: compiled directly, no configured build needed.
    mkdir -p "$root/build"
    "${CXX:-c++}" -std=c++20 -O1 -I"$root/include" "$root/fuzz/tools/make_seeds.cpp" \
      "$root/src/framer.cpp" -o "$root/build/make_fuzz_seeds"
    # Both tools replace their own seed-* files in build/fuzz/seeds/<h>/, which is then packed.
    mapfile -t all < <(harnesses)
    for h in "${all[@]}"; do unpack "$h"; done
    "$root/build/make_fuzz_seeds" "$root/corpus/captures" "$rfc_dir" "$build/seeds"
    python3 "$root/fuzz/tools/make_random_seeds.py" "$build/seeds"
    for h in "${all[@]}"; do pack "$h"; done
    ;;
  *) sed -n '2,22p' "$0" >&2; exit 2 ;;
esac
