#!/usr/bin/env bash
# Prints, for every capture and every fuzz seed, what `imapkit parse` (strict and lenient) and
# `imapkit roundtrip --check` say of it: one line per file and mode, with the exit status and a
# hash of the output. Run it with the CLI before and after a change that must not change
# behaviour, and diff the two files (a differing line names the file and the mode to re-run).
#
#   scripts/behaviour-digest.sh IMAPKIT_BINARY [SEED_DIR...] > digest.txt
#
# SEED_DIRs default to corpus/fuzz/{response,generic,bodystructure,command,search_key} (seeds of
# the command-side harnesses are read as commands, the others as responses).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
shift
dirs=("$@")
if [[ ${#dirs[@]} -eq 0 ]]; then
  dirs=(corpus/fuzz/response corpus/fuzz/generic corpus/fuzz/bodystructure corpus/fuzz/command
        corpus/fuzz/search_key)
fi

one() {  # one FILE DIRECTION
  local f=$1 dir=$2 mode out rc
  for mode in "parse --strict" "parse --lenient" "roundtrip --check --strict" "roundtrip --check --lenient"; do
    # shellcheck disable=SC2086
    out=$("$bin" ${mode% *} "$dir" ${mode##* } "$f" 2>&1 | sha1sum | cut -c1-16; echo "${PIPESTATUS[0]}")
    echo "$f|$mode|${out//$'\n'/|}"
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
