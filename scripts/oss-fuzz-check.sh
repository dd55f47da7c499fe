#!/usr/bin/env bash
# CI: runs .clusterfuzzlite/build.sh the way OSS-Fuzz's base builder does (its compile step, for
# libFuzzer with AddressSanitizer), then checks what it left in $OUT: every harness of
# fuzz/harnesses.cmake as an executable fuzz_<h> with fuzz_<h>.dict, fuzz_<h>.options and
# fuzz_<h>_seed_corpus.zip, and each binary runs its whole seed archive once (-runs=0, with the
# limits of its .options) and exits 0. Any missing file or failed run fails the script.
#
#   scripts/oss-fuzz-check.sh
#
# Needs clang with libFuzzer and python3 (scripts/install-deps.sh). build.sh builds in
# build/oss-fuzz/ (incremental on a second run); $SRC, $OUT and the unpacked seeds are temporary
# directories, removed at the end. build.sh builds with -j$(nproc) (OMP_NUM_THREADS=1 makes
# that 1).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "oss-fuzz-check: FAILED: $*" >&2; exit 1; }

# The environment of the base builder's `compile` for --sanitizer address --engine libfuzzer
# (infra/base-images/base-builder: SANITIZER_FLAGS_address, COVERAGE_FLAGS_libfuzzer,
# CFLAGS = -O1 -fno-omit-frame-pointer -gline-tables-only + those). Not copied: its
# CXXFLAGS' -stdlib=libc++, as Debian's Boost and clang here go with libstdc++.
mkdir -p "$tmp/src" "$tmp/out"
ln -s "$root" "$tmp/src/imapkit"
flags="-O1 -fno-omit-frame-pointer -gline-tables-only -fsanitize=address"
flags+=" -fsanitize-address-use-after-scope -fsanitize=fuzzer-no-link"
export CC=clang CXX=clang++ CFLAGS="$flags" CXXFLAGS="$flags"
export LIB_FUZZING_ENGINE=-fsanitize=fuzzer SANITIZER=address FUZZING_ENGINE=libfuzzer
export FUZZING_LANGUAGE=c++ ARCHITECTURE=x86_64
export SRC=$tmp/src OUT=$tmp/out WORK=$tmp/work
mkdir -p "$WORK"

echo "== .clusterfuzzlite/build.sh (SRC=$SRC, OUT=$OUT; build log: build/oss-fuzz-check.log)"
mkdir -p build
start=$SECONDS
if ! (cd "$SRC" && bash -eu imapkit/.clusterfuzzlite/build.sh) >build/oss-fuzz-check.log 2>&1; then
  tail -n 40 build/oss-fuzz-check.log >&2
  fail ".clusterfuzzlite/build.sh failed (whole log: build/oss-fuzz-check.log)"
fi
echo "build.sh: $((SECONDS - start)) s"

mapfile -t harnesses < <(sed -n '/^set(IMAPKIT_FUZZ_HARNESSES/,/^)/p' fuzz/harnesses.cmake |
  sed '1d;$d' | tr -d ' ')
[[ ${#harnesses[@]} -gt 0 ]] || fail "no harnesses in fuzz/harnesses.cmake"

missing=()
for h in "${harnesses[@]}"; do
  [[ -f $OUT/fuzz_$h && -x $OUT/fuzz_$h ]] || missing+=("fuzz_$h (executable)")
  for f in "fuzz_$h.dict" "fuzz_$h.options" "fuzz_${h}_seed_corpus.zip"; do
    [[ -f $OUT/$f ]] || missing+=("$f")
  done
done
[[ ${#missing[@]} -eq 0 ]] || fail "not in \$OUT: ${missing[*]}"
echo "\$OUT holds the ${#harnesses[@]} harnesses, each with .dict, .options, _seed_corpus.zip"

# libFuzzer flags from a .options file: the key = value lines of its [libfuzzer] section.
options() {
  awk -F '=' '/^\[/ { in_section = ($0 == "[libfuzzer]"); next }
    in_section && NF == 2 { gsub(/[ \t]/, ""); print "-" $1 "=" $2 }' "$1"
}

failed=()
for h in "${harnesses[@]}"; do
  seeds=$tmp/seeds/$h log=$tmp/fuzz_$h.log
  python3 fuzz/tools/seed_archive.py unpack "$OUT/fuzz_${h}_seed_corpus.zip" "$seeds" >/dev/null
  count=$(find "$seeds" -type f | wc -l)
  mapfile -t opts < <(options "$OUT/fuzz_$h.options")
  start=$SECONDS
  if (cd "$WORK" && "$OUT/fuzz_$h" "${opts[@]}" -runs=0 "$seeds") >"$log" 2>&1; then
    # libFuzzer's own count of the seeds it read, when it prints one.
    read_count=$(sed -n 's/^INFO: seed corpus: files: \([0-9]*\) .*/\1/p' "$log")
    if [[ -n $read_count && $read_count != "$count" ]]; then
      echo "fuzz_$h: read $read_count seeds of $count" >&2
      failed+=("$h")
      continue
    fi
    echo "fuzz_$h: $count seeds, ${opts[*]} -runs=0: exit 0 ($((SECONDS - start)) s)"
  else
    echo "fuzz_$h: exit $? over its $count seeds; end of its output:" >&2
    tail -n 30 "$log" >&2
    failed+=("$h")
  fi
done
[[ ${#failed[@]} -eq 0 ]] || fail "harnesses that did not run their seeds cleanly: ${failed[*]}"
echo "oss-fuzz-check: OK"
