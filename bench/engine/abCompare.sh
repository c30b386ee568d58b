#!/usr/bin/env bash
# Before/after on a shared machine: builds the profiler entry of two commits
# (or the working tree as "WORKTREE") into single files and runs them
# alternately N times; prints each run's CPU and wall time, then the minimum
# and median CPU of each. Usage: bench/engine/abCompare.sh BASE_COMMIT [N] [case]
set -euo pipefail
base=$1; n=${2:-5}; case=${3:-year-10000}
root=$(git rev-parse --show-toplevel); out=$(mktemp -d)
source "$(dirname "$0")/abBundles.sh"; ab_bundles "$base" "$out"
for i in $(seq "$n"); do
  for v in a b; do node "$out/$v.mjs" "$case" | sed "s/^/$v /" | tee -a "$out/runs.txt"; done
done
for v in a b; do
  grep "^$v " "$out/runs.txt" | sed -E 's/.* ([0-9]+) ms CPU/\1/' | sort -n | awk -v v="$v" '{a[NR]=$1} END {printf "%s (%s): min %d ms CPU, median %d ms CPU over %d runs\n", v, v=="a"?"base":"now", a[1], a[int((NR+1)/2)], NR}'
done
