#!/usr/bin/env bash
# Instructions before/after: builds the profiler entry of a commit and of the working tree into single
# files (as abCompare.sh does) and counts one simulate() of each under cachegrind (as instructions.sh
# does), alternately N times; prints every run's total and its instructions by kind (compiler, collector,
# builtins, generated code, other), then the median total of each. Node flags after the case, e.g.
#   bench/engine/instructionsAB.sh 2b28b8b 2 year-10000 --predictable
# With --predictable (no concurrent compiling or collecting) a build's runs agree within ~0.05 G, but
# which functions V8 compiles, and when, still follows every small change of the code: two builds that
# do the same work can differ by 0.1 G in the compiler alone. Without it, runs of one build differ by up
# to 0.7 G (whether a full collection falls inside the run). A year takes 1-3 minutes a run.
set -euo pipefail
base=$1; n=${2:-2}; case=${3:-year-10000}; shift 3 || shift $#
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install -y valgrind)" >&2; exit 1; }
root=$(git rev-parse --show-toplevel); out=$(mktemp -d)
source "$(dirname "$0")/abBundles.sh"; ab_bundles "$base" "$out"
for i in $(seq "$n"); do
  for v in a b; do
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$out/$v.cg" --log-file="$out/$v.log" node "$@" "$out/$v.mjs" "$case" > /dev/null
    ir=$(grep -E '^summary:' "$out/$v.cg" | awk '{print $2}')
    kinds=$(cd "$root" && node_modules/.bin/tsx bench/engine/instructionKinds.ts "$out/$v.cg" | grep -E '^(optimizing|garbage|builtins|generated|other)' | awk '{printf "%s %s  ", $1, $(NF-2)}')
    printf '%s %s %.2f G  %s| load %s\n' "$v" "$([ "$v" = a ] && echo base || echo now)" "$(echo "$ir / 1000000000" | bc -l)" "$kinds" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/runs.txt"
  done
done
for v in a b; do
  grep "^$v " "$out/runs.txt" | awk '{print $3}' | sort -n | awk -v v="$v" '{a[NR]=$1} END {printf "%s (%s): median %.2f G over %d runs (min %.2f, max %.2f)\n", v, v=="a"?"base":"now", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), NR, a[1], a[NR]}'
done
rm -rf "$out"
