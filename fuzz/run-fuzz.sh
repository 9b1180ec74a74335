#!/bin/sh
# run-fuzz.sh TARGET SEEDS ARTIFACTS [DICTIONARY]
#
# Runs one libFuzzer target for $COALITION_FUZZ_SECONDS seconds (45 unless
# set) on a copy of its seed corpus, so that the seeds in the source tree
# stay as committed. The random seed is $COALITION_FUZZ_SEED, fixed unless
# set, so that a test run that fails fails again the same way; "random"
# lets libFuzzer pick one, for runs that look for new inputs. Fails on a crash, a leak, a timeout (10 s for one
# input) or memory past 2 GB, and says where the input that did it was
# written. Ends with one line: how many inputs ran, and the coverage.

set -u

target=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seeds=$2
artifacts=$3
dict=${4:-}
seconds=${COALITION_FUZZ_SECONDS:-45}
seed=${COALITION_FUZZ_SEED:-20261130}
name=$(basename "$target")

case $seconds in
  '' | *[!0-9]*)
    echo "COALITION_FUZZ_SECONDS must be a whole number of seconds, not '$seconds'" >&2
    exit 2 ;;
esac
case $seed in
  random) seed= ;;
  '' | *[!0-9]* | 0)
    echo "COALITION_FUZZ_SEED must be a positive whole number or 'random', not '$seed'" >&2
    exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$work/corpus" "$work/tmp" "$artifacts" || exit 2
cp "$seeds"/* "$work/corpus/" 2>/dev/null
n_seeds=$(ls "$work/corpus" | wc -l)

set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$artifacts/"
if [ -n "$dict" ]; then
  set -- "$@" -dict="$dict"
fi
if [ -n "$seed" ]; then
  set -- "$@" -seed="$seed"
fi

echo "$name: $seconds s on $n_seeds seeds from $seeds, random seed ${seed:-chosen by libFuzzer}"

# libFuzzer reports on stderr; the log is read back for the figures below.
# A 16 MB quarantine (256 MB by default) still holds every block one input
# frees, and doubles the speed of the targets that write to SQLite.
{
  TMPDIR="$work/tmp" G_SLICE=always-malloc G_DEBUG=gc-friendly \
  ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=16}" \
  UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
    "$target" "$@" "$work/corpus" 2>&1
  echo $? >"$work/status"
} | tee "$work/log"
status=$(cat "$work/status" 2>/dev/null || echo 1)

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n 1)
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -n 1)
last=$(grep -E '^#[0-9]+' "$work/log" | grep 'cov:' | tail -n 1)
cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
n_corpus=$(ls "$work/corpus" | wc -l)

echo
if [ "$status" -eq 0 ]; then
  echo "$name: ${runs:-?} executions in $seconds s (${speed:-?}/s), coverage ${cov:-?} edges," \
       "${ft:-?} features, corpus $n_seeds -> $n_corpus inputs; no crash, leak or timeout"
  exit 0
fi

echo "$name: FAILED (exit status $status) after ${runs:-?} executions in at most $seconds s"
grep -h 'Test unit written to' "$work/log" | sed 's/.*Test unit written to /  input: /'
echo "  reproduce with: $target <input>"
exit 1
