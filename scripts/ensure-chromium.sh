#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser test of report.html
# (packages/cli/test/report-html.test.ts drives it with playwright-core). It comes from Debian's
# archive with apt-get, never as a downloaded browser build (no `playwright install`). CI runs as
# root on Debian, so it installs there; elsewhere it says what to run and leaves the test to fail
# with the same advice. LINKSCALE_CHROMIUM points the test at another Chromium binary.
set -euo pipefail

chromium="${LINKSCALE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ -n "${LINKSCALE_CHROMIUM:-}" ]; then
  echo "ensure-chromium: LINKSCALE_CHROMIUM=$chromium is not an executable file" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-chromium: /usr/bin/chromium is missing; install Debian's Chromium: sudo apt-get install -y chromium fonts-liberation" >&2
  exit 0
fi

echo "ensure-chromium: installing Debian's chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# fonts-liberation: Chromium only recommends a font, and the screenshots need text.
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
"$chromium" --version >&2
