#!/bin/bash -eu
# ClusterFuzzLite / OSS-Fuzz build script: builds every harness listed in fuzz/harnesses.cmake
# with the engine's compiler and flags ($CXX, $CXXFLAGS, $LIB_FUZZING_ENGINE; the project is C++ only) and
# puts next to each fuzz_<name> in $OUT its dictionary (fuzz_<name>.dict), its options
# (fuzz_<name>.options: the project's limits) and its seeds (fuzz_<name>_seed_corpus.zip: the
# repository's corpus/fuzz/<name>_seed_corpus.zip, copied as it is; the binary is fuzz_<name>, so
# OSS-Fuzz's name is the repository's with a fuzz_ prefix). scripts/oss-fuzz-check.sh (CI) runs
# this script the way the base builder does and checks what it leaves in $OUT.
# -P: the real path, so that build/oss-fuzz/ keeps one source path when $SRC/imapkit is a symlink
# (scripts/oss-fuzz-check.sh makes one in a new temporary $SRC each time).
cd -P "$SRC/imapkit"

# $CXXFLAGS already holds -fsanitize=fuzzer-no-link and the sanitizer of this build.
cmake -S . -B build/oss-fuzz -G "Unix Makefiles" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DIMAPKIT_BUILD_FUZZERS=ON -DIMAPKIT_BUILD_TESTS=OFF -DIMAPKIT_BUILD_CLI=OFF \
  -DIMAPKIT_BUILD_BENCHMARKS=OFF \
  -DIMAPKIT_FUZZ_ENGINE="$LIB_FUZZING_ENGINE"
cmake --build build/oss-fuzz --target fuzzers -j"$(nproc)"

harnesses=$(sed -n '/^set(IMAPKIT_FUZZ_HARNESSES/,/^)/p' fuzz/harnesses.cmake | sed '1d;$d' | tr -d ' ')
for h in $harnesses; do
  cp "build/oss-fuzz/fuzz/fuzz_$h" "$OUT/"
  cp "fuzz/$h.dict" "$OUT/fuzz_$h.dict"
  cp fuzz/libfuzzer.options "$OUT/fuzz_$h.options"
  cp "corpus/fuzz/${h}_seed_corpus.zip" "$OUT/fuzz_${h}_seed_corpus.zip"
done
