#!/usr/bin/env bash
# Writes what `imapkit parse` (strict and lenient) and `imapkit roundtrip --check` (strict and
# lenient) say of every capture and every fuzz seed: for each file and mode a header line, the
# output, and the exit status. Run it with the CLI before and after a change that must not change
# behaviour, and diff the two files: a differing block names the file and the mode.
#
#   scripts/behaviour-digest.sh IMAPKIT_BINARY > digest.txt
#
# The seeds are those of the response, generic, bodystructure, command and search_key harnesses,
# unpacked from corpus/fuzz/<harness>_seed_corpus.zip into build/digest-seeds/ (seeds of the
# command-side harnesses are read as commands, the others as responses). Each file is parsed from
# its own folder under its bare name, so messages that name the file are alike in two trees.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$(realpath "$1")

for h in response generic bodystructure command search_key; do
  python3 fuzz/tools/seed_archive.py unpack "corpus/fuzz/${h}_seed_corpus.zip" \
    "build/digest-seeds/$h" >/dev/null
done

# digest DIR DIRECTION PATTERN: every file of DIR matching PATTERN, in name order.
digest() {
  local dir=$1 direction=$2 pattern=$3 f mode
  cd "$root/$dir" || return
  for f in $(find . -maxdepth 1 -type f -name "$pattern" -printf '%f\n' | LC_ALL=C sort); do
    for mode in "parse --strict" "parse --lenient" "roundtrip --check --strict" \
      "roundtrip --check --lenient"; do
      echo "=== $dir/$f | $mode"
      # shellcheck disable=SC2086
      "$bin" ${mode% *} "$direction" ${mode##* } "$f" 2>&1
      echo "=== exit $?"
    done
  done
}

digest corpus/captures --responses '*.s2c'
digest corpus/captures --commands '*.c2s'
for h in response generic bodystructure; do digest "build/digest-seeds/$h" --responses '*'; done
for h in command search_key; do digest "build/digest-seeds/$h" --commands '*'; done
