#!/usr/bin/env bash
# doc-shot.sh [BUILD_DIR] -- remakes docs/img/kiosk-800x480.png: the demo's
# Accueil at 800x480 (headless), in a screen's black frame, as the README
# shows it. Needs ImageMagick (apt-get install imagemagick); not part of
# the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'wait 400\nscreenshot accueil\n' >"$tmp/s.script"
"$build/ui/borne" --headless --size 800x480 --demo --now 2026-12-10T10:42 \
	--script "$tmp/s.script" --screenshots "$tmp" >/dev/null
convert -size 920x600 xc:none -fill '#1b1b1d' \
	-draw "roundrectangle 0,0 919,599 28,28" "$tmp/bezel.png"
convert "$tmp/bezel.png" "$tmp/accueil.png" -geometry +60+60 -composite \
	"$tmp/framed.png"
convert "$tmp/framed.png" \( +clone -background black -shadow 60x18+0+14 \) \
	+swap -background '#efe9df' -layers merge +repage \
	-bordercolor '#efe9df' -border 30 docs/img/kiosk-800x480.png
echo "docs/img/kiosk-800x480.png"
