#!/usr/bin/env bash
# bench_e2e.sh -- a badge laid on an emulated PN532 until its greeting
# frame is on screen: median and maximum over N taps (default 100).
# The real kiosk loop runs (SDL offscreen driver, software frames), with
# the real libnfc pn532_uart driver polling the emulator every 150 ms.
# The emulator stamps each "place" and borne (BORNE_LATENCY_LOG) stamps
# when the driver saw the badge, when the UI thread took it and when the
# frame was presented, all on CLOCK_MONOTONIC. Prints figures; asserts
# nothing.
# usage: bench/bench_e2e.sh BUILD_DIR [N]
set -eu
build=${1:?usage: bench_e2e.sh BUILD_DIR [N]}
n=${2:-100}
borne=$build/ui/borne
emu=$build/tests/pn532_emu
tmp=$(mktemp -d /tmp/borne-bench-XXXXXX)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
export LIBNFC_AUTO_SCAN=false LIBNFC_INTRUSIVE_SCAN=false LIBNFC_LOG_LEVEL=0
export BORNE_LOCK_DIR=$tmp SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy

mkfifo "$tmp/ctl"
"$emu" "$tmp/ttyEMU" "$tmp/ctl" >"$tmp/emu.log" 2>&1 &
pids+=($!)
exec 3>"$tmp/ctl"
until grep -q '^ready' "$tmp/emu.log"; do sleep 0.05; done

printf 'checkin_repeat_s = 0\nreader_poll_ms = 150\n' >"$tmp/borne.conf"
BORNE_LATENCY_LOG=$tmp/latency.log "$borne" --demo --windowed 800x480 \
	--config "$tmp/borne.conf" \
	--reader "libnfc:pn532_uart:$tmp/ttyEMU" >"$tmp/borne.out" 2>&1 &
pids+=($!)
echo "settle 3" >&3                       # the reader is open and polling
until grep -q '^settled' "$tmp/emu.log"; do sleep 0.05; done

for i in $(seq "$n"); do
	sleep "0.$((RANDOM % 150 + 100))"     # land anywhere in the poll period
	echo "place 04A1B2C3" >&3
	sleep 0.45
	echo "remove" >&3
	sleep 0.35                            # two empty polls: removal seen
done
sleep 1

grep -o 't=[0-9]*' "$tmp/emu.log" | cut -d= -f2 >"$tmp/placed"
awk '/^badge/ { print $2, $3, $4 }' "$tmp/latency.log" >"$tmp/seen"
if [ "$(wc -l <"$tmp/placed")" -ne "$(wc -l <"$tmp/seen")" ]; then
	echo "bench_e2e: $(wc -l <"$tmp/placed") taps but $(wc -l <"$tmp/seen") frames" >&2
	exit 1
fi
paste -d' ' "$tmp/placed" "$tmp/seen" | awk '
function stats(name, a, k,    i, j, t, s) {
	for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++)
		if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
	for (i = 1; i <= k; i++) s += a[i]
	printf "%-34s median %6.1f ms  mean %6.1f  p90 %6.1f  max %6.1f\n", name,
	       (k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2),
	       s / k, a[int(k * 0.9 + 0.5)], a[k]
}
{ k++; drv[k] = $2 - $1; ui[k] = $3 - $1; frame[k] = $4 - $1; draw[k] = $4 - $3 }
END {
	printf "%d taps, PN532 emulated on a pty, poll 150 ms\n", k
	stats("placed -> driver saw it", drv, k)
	stats("placed -> UI thread has the UID", ui, k)
	stats("placed -> greeting frame presented", frame, k)
	stats("UI thread -> frame (commit+draw)", draw, k)
}'
