#!/bin/sh
# run-smoke.sh PROGRAM… — runs each benchmark once, small, and checks that it
# ran through and printed its target lines
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# With COALITION_BENCH_SMOKE set, every benchmark works on a hundredth of
# its sizes (bench_size ()) and generates its own small benchmark coalition
# in a scratch directory. A program passes when it exits 0 or 1 (1: a
# target missed, which at these sizes means nothing) and prints at least one
# line in the common format, NAME: MEASURED (… target …) PASS|FAIL. A crash,
# an error or a change of format fails.

set -u

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT INT TERM
COALITION_BENCH_SMOKE=1
COALITION_BENCH_DATA=$data
export COALITION_BENCH_SMOKE COALITION_BENCH_DATA

status=0
for program in "$@"; do
  name=${program##*/}
  "$program" >"$data/out" 2>"$data/err"
  rc=$?
  lines=$(grep -cE '^[^ ].*: .*\(.*target.*\) (PASS|FAIL)$' "$data/out")
  case $name in
    make-benchmark-coalition) lines=1 ;;   # makes the file, measures nothing
  esac
  if [ "$rc" -gt 1 ]; then
    echo "not ok: $name exited with status $rc"
    tail -n 20 "$data/err"
    status=1
  elif [ "$lines" -eq 0 ]; then
    echo "not ok: $name printed no target line"
    cat "$data/out"
    status=1
  else
    echo "ok: $name ($lines target lines, exit status $rc)"
  fi
done

exit $status
