#!/usr/bin/env bash
# deps.sh -- installs what borne needs to build, run and test, from
# Debian 12 / Raspberry Pi OS Bookworm packages. Idempotent: a machine
# that has everything is not touched.
set -euo pipefail

pkgs=(build-essential cmake pkg-config
      libsqlite3-dev sqlite3 libsodium-dev
      libsdl2-dev libsdl2-ttf-dev libpng-dev
      libnfc-dev libnfc-bin
      fonts-inter fonts-material-design-icons-iconfont fonts-dejavu-core
      fonts-symbola
      libcairo2-dev libjs-chart.js   # borne-web's report: the PDF, the charts
      poppler-utils                  # tests: the report PDF's text (pdftotext)
      xvfb xdotool      # tests: real X key events (tests/ui/x11_keys.sh)
      valgrind bc       # build/bench/borne-bench: callgrind, figures
      libmicrohttpd-dev                     # borne-web (web/)
      libpq-dev postgresql    # borne-admin sync: the hub; tests/hub (a cluster)
      faketime                # tests/hub: a kiosk's wall clock hours off
      chromium chromium-driver python3-selenium)  # tests/web/browser.py

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
