#!/usr/bin/env bash
# npm test: everything this project checks, in one command, on a fresh clone.
#   1. dependencies (npm ci when node_modules is missing or older than the lockfile)
#   2. typecheck, lint (ESLint) and the import rules (dependency-cruiser)
#   3. unit, rule, property, determinism and golden tests (vitest)
#   4. fuzzing: 1,000 generated and mutated scenario files and share links
#   5. production build   6. browser tests (Playwright + Debian's Chromium)
#   7. conformance against a real Dovecot and Postfix
# Stages 6 and 7 install what they need (Chromium, Dovecot, Postfix) from Debian's
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
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1)); echo "━━ $name: passed (${secs}s)"
  elif [ $rc -eq 3 ] && [ "${CI:-}" != "true" ]; then
    skipped=$((skipped + 1)); echo "━━ $name: SKIPPED — a tool it needs is missing (see above). Under CI=true this fails."
  else
    failed=$((failed + 1)); failures+=("$name"); echo "━━ $name: FAILED (exit $rc, ${secs}s)"
  fi
}

deps() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  else
    echo "node_modules is up to date"
  fi
}

browser() {
  bash scripts/ensure-chromium.sh || return $?
  npx playwright test
}

stage "dependencies" deps
if [ $failed -gt 0 ]; then echo "cannot continue without dependencies"; exit 1; fi
stage "typecheck" npx tsc --noEmit -p tsconfig.json
stage "lint" npx eslint .
stage "import rules" npx depcruise src conformance bench --config .dependency-cruiser.cjs
stage "unit, rules, properties, golden outcomes" npx vitest run
stage "fuzzing: 1,000 hostile files and links" npx tsx fuzz/run.ts --runs 1000
stage "production build" npx vite build --logLevel warn
stage "browser tests" browser
stage "conformance with Dovecot and Postfix" npx tsx conformance/run.ts

echo
echo "Stages took $(( $(date +%s) - start_all ))s in all."
[ ${#failures[@]} -gt 0 ] && echo "Failed: ${failures[*]}"
[ $skipped -gt 0 ] && echo "Skipped: $skipped stage(s) (tools missing, see above)"
echo "stages: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
