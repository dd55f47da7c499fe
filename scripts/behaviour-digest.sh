#!/usr/bin/env bash
# Prints, for every capture and every fuzz seed, what `imapkit parse` (strict and lenient) and
# `imapkit roundtrip --check` say of it: one line per file and mode, with the exit status and a
# hash of the output. Run it with the CLI before and after a change that must not change
# behaviour, and diff the two files (a differing line names the file and the mode to re-run).
#
#   scripts/behaviour-digest.sh IMAPKIT_BINARY [SEED_DIR...] > digest.txt
#
# SEED_DIRs default to the seeds of the response, generic, bodystructure, command and search_key
# harnesses, unpacked from corpus/fuzz/<harness>_seed_corpus.zip into build/digest-seeds/ (seeds
# of the command-side harnesses are read as commands, the others as responses). Lines name the
# seeds by harness and file name, so digests of two trees compare.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
shift
dirs=("$@")
if [[ ${#dirs[@]} -eq 0 ]]; then
  for h in response generic bodystructure command search_key; do
    python3 fuzz/tools/seed_archive.py unpack "corpus/fuzz/${h}_seed_corpus.zip" \
      "build/digest-seeds/$h" >/dev/null
    dirs+=("build/digest-seeds/$h")
  done
fi

one() {  # one FILE DIRECTION
  local f=$1 dir=$2 mode out rc
  # Run from the file's folder with its bare name: messages that name the file are alike in
  # digests of two trees.
  cd "$(dirname "$f")" || return
  for mode in "parse --strict" "parse --lenient" "roundtrip --check --strict" "roundtrip --check --lenient"; do
    # shellcheck disable=SC2086
    out=$("$bin" ${mode% *} "$dir" ${mode##* } "$(basename "$f")" 2>&1 | sha1sum | cut -c1-16
          echo "${PIPESTATUS[0]}")
    echo "$(basename "$(dirname "$f")")/$(basename "$f")|$mode|${out//$'\n'/|}"
  done
}
export -f one
export bin

{
  for f in corpus/captures/*.s2c; do echo "$f --responses"; done
  for f in corpus/captures/*.c2s; do echo "$f --commands"; done
  for d in "${dirs[@]}"; do
    case $(basename "$d") in
      command | search_key) direction=--commands ;;
      *) direction=--responses ;;
    esac
    find "$d" -type f | sort | sed "s|\$| $direction|"
  done
} | xargs -P 2 -L 1 bash -c 'one "$0" "$1"' | sort
