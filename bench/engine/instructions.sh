#!/usr/bin/env bash
# Instructions one simulate() of a bench world executes, counted by valgrind's
# cachegrind over all threads (the engine, V8's compiler and collector threads):
# a measure that machine load does not move, unlike CPU time. Builds the
# profiler entry into one file as abCompare.sh does, then runs it under
#   valgrind --tool=cachegrind --cache-sim=no
# Usage: bench/engine/instructions.sh [case] [node flags...]
#   bench/engine/instructions.sh year-10000
#   bench/engine/instructions.sh year-10000 --no-allocation-site-pretenuring   (the bound without pretenuring)
# A year takes 3-7 minutes. Prints the total instructions (Ir), the run's own line and the load, then
# the instructions by kind (instructionKinds.ts: the optimizing compiler, the garbage collector, builtins,
# generated code, ...). KEEP=dir keeps the cachegrind file as dir/<case>.cg.out; the case `startup`
# (load and make the world, simulate nothing) is what to take away:
#   KEEP=/tmp/cg bench/engine/instructions.sh startup; KEEP=/tmp/cg bench/engine/instructions.sh year-10000
#   npx tsx bench/engine/instructionKinds.ts /tmp/cg/year-10000.cg.out /tmp/cg/startup.cg.out
set -euo pipefail
case=${1:-year-10000}; shift || true
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install -y valgrind)" >&2; exit 1; }
root=$(git rev-parse --show-toplevel); out=$(mktemp -d)
"$root/node_modules/.bin/esbuild" "$root/bench/engine/profileYear.ts" --bundle --platform=node --format=esm --main-fields=module,main --keep-names --outfile="$out/run.mjs" --log-level=error
valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$out/cg.out" --log-file="$out/cg.log" node "$@" "$out/run.mjs" "$case" > "$out/run.txt"
ir=$(grep -E '^summary:' "$out/cg.out" | awk '{print $2}')
printf '%s instructions (%.2f G), node %s: %s | load %s\n' "$ir" "$(echo "$ir / 1000000000" | bc -l)" "${*:-(no flags)}" "$(cat "$out/run.txt")" "$(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$root" && node_modules/.bin/tsx bench/engine/instructionKinds.ts "$out/cg.out")
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$out/cg.out" "$KEEP/$case.cg.out"; fi
rm -rf "$out"
