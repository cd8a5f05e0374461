#!/bin/sh
# renderer.sh BORNE -- the kiosk in a real X window (Xvfb) picks its
# renderer as borne.conf says: "software" and "auto" on a machine with
# no GPU (no /dev/dri render node) take SDL's software renderer, not
# Mesa's llvmpipe; "gl" takes OpenGL. Each is stopped by SIGTERM and
# must exit 0.
set -eu
borne=$1
dir=$(mktemp -d)
trap 'kill "$xpid" 2>/dev/null || true; rm -rf "$dir"' EXIT
# A free display number, picked by Xvfb (-displayfd), which never resets
# between clients (-noreset: see x11_keys.sh).
Xvfb -displayfd 3 -noreset -screen 0 800x480x24 -nolisten tcp \
	3>"$dir/display" >"$dir/x.log" 2>&1 &
xpid=$!
i=0
until [ -s "$dir/display" ]; do
	i=$((i + 1)); [ $i -lt 300 ] || { echo "Xvfb did not start"; exit 1; }
	sleep 0.1
done
disp=:$(cat "$dir/display")

run() {  # run CHOICE: prints the renderer line borne logs
	printf 'renderer = %s\n' "$1" >"$dir/c.conf"
	DISPLAY=$disp SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy \
		"$borne" --config "$dir/c.conf" --demo --windowed 800x480 \
		--reader none >"$dir/out" 2>"$dir/err" &
	pid=$!
	i=0
	until grep -q "renderer " "$dir/err"; do
		i=$((i + 1))
		[ $i -lt 300 ] || { echo "no renderer line:"; cat "$dir/err"; exit 1; }
		sleep 0.1
	done
	sleep 0.5
	kill -TERM "$pid"
	wait "$pid" || { echo "borne ($1) exited $?"; cat "$dir/err"; exit 1; }
	grep "renderer " "$dir/err"
}

run software | grep -q "renderer software (software)" || { echo "software: not the software renderer"; exit 1; }
if ls /dev/dri/renderD* >/dev/null 2>&1; then
	run auto | grep -qv "renderer software" || { echo "auto: a GPU is here, software chosen"; exit 1; }
else
	run auto | grep -q "renderer software (auto)" || { echo "auto: no GPU here, yet not software"; exit 1; }
fi
run gl | grep -q "renderer opengl (gl)" || { echo "gl: not OpenGL"; exit 1; }
echo "renderer choices: ok"
