#!/usr/bin/env bash
# npm test: everything this project checks, in one command, on a fresh clone.
#   0. from the start, beside everything else: the system packages the later stages
#      need (Dovecot and Postfix, then Chromium), one apt-get at a time
#   1. dependencies (npm ci when node_modules is missing or older than the lockfile)
#   2. side by side: typecheck, lint (ESLint), the import rules (dependency-cruiser),
#      unit, rule, property, determinism and golden tests (vitest), fuzzing (1,000
#      generated and mutated scenario files and share links), the production build
#      (and the one for a folder that the browser tests serve), and conformance against
#      a real Dovecot and Postfix
#   3. then alone: browser tests (Playwright + Debian's Chromium)
# The conformance and browser stages install what they need (Chromium, Dovecot, Postfix) from Debian's
# packages when run as root on Debian. Where they cannot, they say what is
# missing and how to get it; the run then skips them — except under CI=true,
# where nothing may be skipped.
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0
skipped=0
failures=()
start_all=$(date +%s)

stage() { # name, command...
  local name=$1; shift
  local t0; t0=$(date +%s)
  echo
  echo "━━ $name"
  "$@"
  local rc=$?
  local secs=$(( $(date +%s) - t0 ))
  if [ -n "${REPLAYED_SECS:-}" ]; then secs=$REPLAYED_SECS; REPLAYED_SECS=""; fi
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1)); echo "━━ $name: passed (${secs}s)"
  elif [ $rc -eq 3 ] && [ "${CI:-}" != "true" ]; then
    skipped=$((skipped + 1)); echo "━━ $name: SKIPPED — a tool it needs is missing (see above). Under CI=true this fails."
  else
    failed=$((failed + 1)); failures+=("$name"); echo "━━ $name: FAILED (exit $rc, ${secs}s)"
  fi
}

# Several stages at once (each is single-threaded and the machine has at least
# two cores): each one's output is kept and printed whole, in the listed order,
# once all have finished, with its own result and time. Arguments: one string
# per stage, "name|command".
stages_together() {
  local dir; dir=$(mktemp -d)
  local i=0 pids=() names=() t0; t0=$(date +%s)
  for spec in "$@"; do
    names+=("${spec%%|*}")
    ( s=$(date +%s); bash -c "${spec#*|}" >"$dir/$i.out" 2>&1; rc=$?; echo "$rc $(( $(date +%s) - s ))" >"$dir/$i.rc" ) &
    pids+=($!)
    i=$((i + 1))
  done
  wait "${pids[@]}"
  for j in "${!names[@]}"; do
    local rc secs
    read -r rc secs <"$dir/$j.rc"
    stage "${names[$j]}" replay "$dir/$j.out" "$rc" "$secs"
  done
  rm -rf "$dir"
  echo "(these ran side by side: $(( $(date +%s) - t0 ))s for all of them)"
}

# A stage that has already run: print its output, report its exit code and time.
replay() { cat "$1"; REPLAYED_SECS=$3; return "$2"; }

deps() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  else
    echo "node_modules is up to date"
  fi
}

# The site built for a folder, which two browser spec files serve: made beside the checks
# (scripts/build-folder-site.sh), where the CPU has gaps, instead of inside the browser stage.
FOLDER_SITE=.tmp/folder-site

browser() {
  bash scripts/ensure-chromium.sh || return $?
  E2E_FOLDER_DIST=$FOLDER_SITE npx playwright test
}

# On a fresh machine apt-get takes about a minute for these (Chromium most of it):
# begun first, it runs beside npm ci and the checks instead of inside the conformance
# and browser stages. Those stages wait for their packages, then check for themselves
# (a no-op when installed) and say what is missing where nothing could be installed.
PKG=$(mktemp -d)
export PKG
pkg_t0=$(date +%s)
(
  bash scripts/dovecot.sh install && bash scripts/postfix.sh install
  echo $? >"$PKG/servers.rc"
  bash scripts/ensure-chromium.sh
  rc=$?
  # The time first: the browser stage reads it as soon as chromium.rc is there.
  echo $(( $(date +%s) - pkg_t0 )) >"$PKG/secs"
  echo $rc >"$PKG/chromium.rc"
) >"$PKG/out" 2>&1 &
# Wait for a marker the packages job writes (servers.rc, chromium.rc).
wait_for_packages() { until [ -e "$PKG/$1" ]; do sleep 0.5; done; }
export -f wait_for_packages

stage "dependencies" deps
if [ $failed -gt 0 ]; then echo "cannot continue without dependencies"; exit 1; fi
# Everything but the browser tests runs side by side: no stage uses both cores
# all the time (the conformance run mostly waits for Dovecot and Postfix), so
# together they take about half the time they take in turn. The browser tests
# come last and alone: some of them measure how fast the page answers.
# The conformance run is the longest of them and waits on Dovecot and Postfix
# at every step: the others run at a lower priority, so the CPU goes to it (and
# its servers) whenever it has work, and they fill the gaps.
stages_together \
  "typecheck|nice -n 10 npx tsc --noEmit -p tsconfig.json" \
  "lint|nice -n 10 npx eslint ." \
  "import rules|nice -n 10 npx depcruise src conformance bench --config .dependency-cruiser.cjs" \
  "unit, rules, properties, golden outcomes|nice -n 10 npx vitest run" \
  "fuzzing: 1,000 hostile files and links|nice -n 10 npx tsx fuzz/run.ts --runs 1000" \
  "production build|nice -n 10 npx vite build --logLevel warn" \
  "production build for a folder (for the browser tests)|nice -n 10 bash scripts/build-folder-site.sh $FOLDER_SITE" \
  "conformance with Dovecot and Postfix|wait_for_packages servers.rc && npx tsx conformance/run.ts"
wait_for_packages chromium.rc
echo
echo "━━ system packages (Dovecot, Postfix, Chromium), installed beside the stages above in $(cat "$PKG/secs")s"
cat "$PKG/out"
stage "browser tests" browser

rm -rf "$PKG"
echo
echo "Stages took $(( $(date +%s) - start_all ))s in all."
[ ${#failures[@]} -gt 0 ] && echo "Failed: ${failures[*]}"
[ $skipped -gt 0 ] && echo "Skipped: $skipped stage(s) (tools missing, see above)"
echo "stages: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
