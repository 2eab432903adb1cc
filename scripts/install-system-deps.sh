#!/usr/bin/env bash
# Debian packages the tests need: Chromium's headless shell and CJK fonts for the browser journeys, a
# PostgreSQL server to run the database tests against, poppler-utils to read PDFs.
# Installs only what is missing; run as root (or with sudo). With `--bench`, also wrk, the load
# generator of `npm run bench`.
set -euo pipefail
need=()
[ "${1:-}" = "--bench" ] && { command -v wrk >/dev/null 2>&1 || need+=(wrk); }
command -v chromium-headless-shell >/dev/null 2>&1 || need+=(chromium-headless-shell)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
