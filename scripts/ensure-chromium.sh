#!/usr/bin/env bash
# Make sure there is a Chromium to drive (Debian's packages; the test runner never
# downloads one). By default the one the browser tests drive, Debian's
# chromium-headless-shell (playwright.config.ts says why); `ensure-chromium.sh full`
# the full chromium, which the benchmarks and screenshot scripts drive. CHROMIUM_PATH
# names another binary. Exit 3 when it is missing and cannot be installed here; the
# caller decides whether that fails the run.
set -u
if [ "${1:-}" = "full" ]; then
  CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
else
  CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"
fi
case "$CHROMIUM" in
  */chromium-headless-shell) PACKAGE=chromium-headless-shell ;;
  *) PACKAGE=chromium ;;
esac
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
  echo "$CHROMIUM not found; installing Debian's $PACKAGE package…"
  # Without the recommended packages: they add about a hundred (printing, Avahi, Perl,
  # mesa drivers, a newer systemd) that headless Chromium never uses, and on a fresh
  # machine unpacking them took minutes beside the other stages. fonts-liberation is
  # the one recommendation kept: the pictures and screenshots are drawn with it.
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -o DPkg::Lock::Timeout=300 -y -qq --no-install-recommends "$PACKAGE" fonts-liberation
  if [ -x "$CHROMIUM" ]; then exit 0; fi
  echo "apt-get finished but $CHROMIUM is still missing." >&2
  exit 3
fi
cat >&2 <<MSG
This needs Chromium at $CHROMIUM and it is not there.
Install it, for example on Debian or Ubuntu:
    sudo apt-get update && sudo apt-get install -y --no-install-recommends $PACKAGE fonts-liberation
or point CHROMIUM_PATH at an installed Chromium or Chrome binary:
    CHROMIUM_PATH=/path/to/chromium npx playwright test
MSG
exit 3
