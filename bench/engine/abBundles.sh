# Sourced by abCompare.sh and instructionsAB.sh: builds the profiler entry of a commit ($1) and of
# the working tree into single files $2/a.mjs and $2/b.mjs. The bundles keep function names
# (--keep-names) as tsx does when `npm run bench` runs the engine: every named closure then costs a
# defineProperty when it is made. The commit's own profileYear.ts is replaced by today's, so both
# run the same cases.
ab_bundles() {
  local base=$1 out=$2 root tmp
  root=$(git rev-parse --show-toplevel)
  build() { (cd "$1" && "$root/node_modules/.bin/esbuild" bench/engine/profileYear.ts --bundle --platform=node --format=esm --main-fields=module,main --keep-names --outfile="$2" --log-level=error); }
  tmp=$(mktemp -d); git -C "$root" worktree add -q --detach "$tmp" "$base"; ln -s "$root/node_modules" "$tmp/node_modules"
  mkdir -p "$tmp/bench/engine"; cp "$root/bench/engine/profileYear.ts" "$tmp/bench/engine/"
  build "$tmp" "$out/a.mjs"; build "$root" "$out/b.mjs"
  git -C "$root" worktree remove --force "$tmp"
}
