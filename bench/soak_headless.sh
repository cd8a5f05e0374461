#!/usr/bin/env bash
# soak_headless.sh -- the real kiosk through a few thousand taps, to see
# that its memory stays flat: `borne --headless` (the UI's text cache and
# textures, the app, SQLite, all together) on a database of 300 members
# imported with borne-admin, fed badge taps on a FIFO with the virtual
# clock moving on, its resident set size (/proc/PID/statm) read after the
# first 1,000 taps, every 1,000 more, and at the end. Prints figures only.
#   bench/soak_headless.sh [BUILD [TAPS]]      (default: build 5000)
set -euo pipefail
build=${1:-build}
taps=${2:-5000}
borne=$build/ui/borne
admin=$build/admin/borne-admin
[ -x "$borne" ] && [ -x "$admin" ] || { echo "build $build first" >&2; exit 2; }
[ "$taps" -ge 1000 ] || { echo "TAPS: 1000 or more" >&2; exit 2; }
export TZ=Europe/Paris
tmp=${TMPDIR:-/dev/shm}
[ -w "$tmp" ] || tmp=/tmp
dir=$(mktemp -d "$tmp/borne-soakh-XXXXXX")
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null || true
	exec 3>&- 2>/dev/null || true
	rm -rf "$dir"
}
trap cleanup EXIT

# 300 members, badges D0 00 hi lo.
{
	echo "name,role,badge,minor"
	for i in $(seq 0 299); do
		printf 'Membre %03d Exemple-Longnom,cooperator,D000%04X,%d\n' \
		       "$i" "$i" $((i % 7 == 0))
	done
} > "$dir/members.csv"
"$admin" --db "$dir/soak.db" import members "$dir/members.csv" >/dev/null

mkfifo "$dir/in"
"$borne" --headless --size 800x480 --db "$dir/soak.db" \
         --now 2027-01-05T08:30 --script - < "$dir/in" > "$dir/out" \
         2> "$dir/err" &
pid=$!
exec 3> "$dir/in"

rss_kb() {
	local pages
	pages=$(awk '{print $2}' "/proc/$pid/statm")
	echo $((pages * $(getconf PAGESIZE) / 1024))
}

# Waits until the kiosk has printed line $1 (it printed it: the lines
# before it ran).
wait_line() {
	while ! grep -q "^$1: " "$dir/out"; do
		kill -0 "$pid" 2>/dev/null || { cat "$dir/err" >&2; exit 1; }
		sleep 0.2
	done
}

line=0
first=
start=$(date +%s)
for ((t = 1; t <= taps; t++)); do
	# 120 taps a day; then the night passes.
	if ((t % 120 == 0)); then
		echo "advance-clock 50400" >&3
	else
		echo "advance-clock $((80 + RANDOM % 200))" >&3
	fi
	printf 'badge D000%04X\n' $((RANDOM % 300)) >&3
	line=$((line + 2))
	if ((t % 1000 == 0)); then
		echo "expect-screen badge-result" >&3
		line=$((line + 1))
		wait_line "$line"
		kb=$(rss_kb)
		[ -n "$first" ] || first=$kb
		echo "soak_headless: after $t taps: rss $((kb / 1024)).$(((kb % 1024) * 100 / 1024)) MB"
	fi
done
exec 3>&-
wait "$pid" || true
pid=
echo "soak_headless: $taps taps in $(( $(date +%s) - start )) s; rss after" \
     "1,000 taps $first KB, at the end $kb KB" \
     "($(awk -v a="$first" -v b="$kb" 'BEGIN { printf "%+.1f", 100 * (b - a) / a }') %)"
