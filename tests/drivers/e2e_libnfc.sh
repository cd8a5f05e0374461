#!/bin/sh
# e2e_libnfc.sh -- a member checks in by laying a badge on a PN532.
# The PN532 is tests/pn532_emu_main.c on a pty; borne runs headless with
# --demo and --reader libnfc:pn532_uart:PTY, so the real libnfc driver,
# the reader thread and the app all take part. The script is fed to borne
# on stdin, one line at a time: headless `wait` moves a virtual clock, but
# the reader thread runs in real time, so before each `wait` that should
# see the badge we ask the emulator to "settle" (answer two more lists:
# the driver has then seen the badge and queued ARRIVED). Before laying a
# badge that borne must not see yet, we wait until borne has run the lines
# before it: a `screenshot` line marks the spot (its PNG appears). No
# timing is asserted; every wait is bounded.
# usage: e2e_libnfc.sh BORNE PN532_EMU
set -eu
borne=$1
emu=$2
tmp=$(mktemp -d /tmp/borne-e2e-XXXXXX)
emu_pid=
cleanup() {
	[ -n "$emu_pid" ] && kill "$emu_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

export LIBNFC_AUTO_SCAN=false LIBNFC_INTRUSIVE_SCAN=false LIBNFC_LOG_LEVEL=0
export BORNE_LOCK_DIR="$tmp" SDL_AUDIODRIVER=dummy

# wait_for FILE TEXT: until TEXT shows in FILE, at most 20 s.
wait_for() {
	i=0
	while ! grep -q "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 200 ]; then
			echo "e2e_libnfc: timed out waiting for \"$2\" in $1" >&2
			cat "$1" >&2 || true
			return 1
		fi
		sleep 0.1
	done
}

# borne_reached NAME: borne has run every line up to `screenshot NAME`.
borne_reached() {
	echo "screenshot $1"
	i=0
	while [ ! -e "$tmp/shots/$1.png" ]; do
		i=$((i + 1))
		if [ $i -gt 200 ]; then
			echo "e2e_libnfc: borne never reached screenshot $1" >&2
			return 1
		fi
		sleep 0.1
	done
}

mkfifo "$tmp/ctl"
"$emu" "$tmp/ttyEMU" "$tmp/ctl" >"$tmp/emu.log" 2>&1 &
emu_pid=$!
wait_for "$tmp/emu.log" "^ready"

# emu CMD...: send a command, wait for its answer (the n-th answer line).
n_answers=1
emu() {
	echo "$*" >"$tmp/ctl"
	n_answers=$((n_answers + 1))
	i=0
	while [ "$(grep -c '' "$tmp/emu.log")" -lt $n_answers ]; do
		i=$((i + 1))
		if [ $i -gt 200 ]; then
			echo "e2e_libnfc: emulator did not answer \"$*\"" >&2
			return 1
		fi
		sleep 0.1
	done
	if tail -n 1 "$tmp/emu.log" | grep -q '^error'; then
		tail -n 1 "$tmp/emu.log" >&2
		return 1
	fi
}

feed() {
	echo "expect-screen accueil"
	emu settle 2 >&2              # the reader is open and polling
	emu place 04A1B2C3 >&2        # Inès's badge in the demo database
	emu settle 2 >&2
	echo "wait 200"
	echo "expect-screen badge-result"
	echo 'expect-text "Inès"'
	emu remove >&2
	emu settle 3 >&2
	echo "wait 200"
	echo "expect-screen badge-result"   # lifting the badge changes nothing
	echo "advance-clock 120"
	echo "expect-screen accueil"
	borne_reached back_home
	emu place 04D4E5F6 >&2        # Mamadou, a second member
	emu settle 2 >&2
	echo "wait 200"
	echo "expect-screen badge-result"
	echo 'expect-text "Mamadou"'
}

status=0
feed | timeout 90 "$borne" --headless --size 800x480 --demo \
	--db "$tmp/borne.db" \
	--reader "libnfc:pn532_uart:$tmp/ttyEMU:115200" --script - \
	--screenshots "$tmp/shots" \
	>"$tmp/borne.log" 2>&1 || status=$?
emu quit || true
cat "$tmp/borne.log"
if [ $status -ne 0 ]; then
	echo "e2e_libnfc: borne failed ($status)" >&2
	cat "$tmp/emu.log" >&2
	exit 1
fi
echo "e2e_libnfc: ok"
