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
  # Without the recommended packages: they add about a hundred (printing, Avahi, Perl,
  # mesa drivers, a newer systemd) that headless Chromium never uses, and on a fresh
  # machine unpacking them took minutes beside the other stages. fonts-liberation is
  # the one recommendation kept: the pictures and screenshots are drawn with it.
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -o DPkg::Lock::Timeout=300 -y -qq --no-install-recommends chromium fonts-liberation
  if [ -x "$CHROMIUM" ]; then exit 0; fi
  echo "apt-get finished but $CHROMIUM is still missing." >&2
  exit 3
fi
cat >&2 <<MSG
The browser tests need Chromium at $CHROMIUM and it is not there.
Install it, for example on Debian or Ubuntu:
    sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-liberation
or point CHROMIUM_PATH at an installed Chromium or Chrome binary:
    CHROMIUM_PATH=/path/to/chromium npx playwright test
MSG
exit 3
