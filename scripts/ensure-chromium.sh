#!/usr/bin/env bash
# Make sure the browser tests have a Chromium to drive (Debian's package; the
# test runner never downloads one). Exit 3 when it is missing and cannot be
# installed here; the caller decides whether that fails the run.
set -u
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $CHROMIUM; installing Debian's chromium package…"
  apt-get update && apt-get install -y chromium
  if [ -x "$CHROMIUM" ]; then exit 0; fi
  echo "apt-get finished but $CHROMIUM is still missing." >&2
  exit 3
fi
cat >&2 <<MSG
The browser tests need Chromium at $CHROMIUM and it is not there.
Install it, for example on Debian or Ubuntu:
    sudo apt-get update && sudo apt-get install -y chromium
or point CHROMIUM_PATH at an installed Chromium or Chrome binary:
    CHROMIUM_PATH=/path/to/chromium npx playwright test
MSG
exit 3
