#!/bin/sh
# out_of_service.sh BORNE WxH SHOTS -- borne starts without a usable
# database: read-only, damaged, full disk. Each time the real kiosk runs
# headless, shows "Hors service" with the reason and the file, refuses
# badges plainly, keeps running, and -- once the file is fixed or the disk
# has room -- comes back to Accueil by itself. Tests run as root in CI,
# where file modes stop nothing: read-only is SQLite's own mode=ro, a full
# disk is a file size limit (ulimit -f, SIGXFSZ ignored, which stops root
# too) raised again with prlimit while borne runs.
set -u
umask 077   # as borne.service runs (UMask=0077)
BORNE=$1
SIZE=$2
SHOTS=$3
NOW=2026-12-10T10:42
# A fixed folder, not mktemp's: the screen prints the file's path, and the
# screenshots are compared byte for byte from one run to the next.
TMP=/tmp/borne-oos-$SIZE
rm -rf "$TMP" && mkdir -m 700 "$TMP" || { echo "FAIL: cannot make $TMP"; exit 1; }
pid=""
fail=0
cleanup() {
	exec 3>&- 2>/dev/null
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p "$SHOTS"

die() {
	echo "FAIL: $*"
	[ -f "$TMP/out" ] && sed 's/^/    /' "$TMP/out"
	exit 1
}

# A good database, made by borne itself (--demo fills a new file).
good_db() {
	printf 'expect-screen accueil\n' |
		"$BORNE" --headless --size 800x480 --demo --db "$1" --now $NOW \
		--script - >/dev/null 2>&1 || die "could not make $1"
}

# borne in the background, its script read line by line from a FIFO.
start() {
	rm -f "$TMP/in" "$TMP/out"
	mkfifo "$TMP/in"
	"$@" --headless --size "$SIZE" --now $NOW --script - \
		--screenshots "$SHOTS" < "$TMP/in" > "$TMP/out" 2>&1 &
	pid=$!
	exec 3> "$TMP/in"
	n=0
}

# Sends one script line and waits until borne has run it (it prints the
# next line's number only after this one passed). Up to 90 s: a deadline
# for a hung kiosk, not a speed test (under ASan, with six builds beside
# it, a start took more than 15 s); ctest's TIMEOUT bounds the whole.
send() {
	n=$((n + 1))
	printf '%s\n' "$1" >&3
	printf 'wait 1\n' >&3
	n=$((n + 1))
	for _ in $(seq 1800); do
		grep -q "^$n: wait 1" "$TMP/out" 2>/dev/null && return 0
		kill -0 "$pid" 2>/dev/null || die "borne stopped at: $1"
		sleep 0.05
	done
	die "borne did not answer: $1"
}

finish() {
	exec 3>&-
	wait "$pid"
	rc=$?
	pid=""
	[ $rc -eq 0 ] || die "borne exited with $rc"
}

# ---- read-only: said, with the file; badges refused; still running ----
good_db "$TMP/ro.db"
start "$BORNE" --db "file:$TMP/ro.db?mode=ro"
send 'expect-screen out-of-service'
send 'expect-text "Hors service"'
send 'expect-text "Base de données en lecture seule"'
send 'expect-text "ro.db"'
send 'expect-text "Nouvel essai toutes les 5 secondes"'
send 'badge 04A1B2C3'
send 'expect-text "Borne hors service : passage non enregistré."'
send 'expect-no-text "Bonjour"'
send 'advance-clock 4'
send 'screenshot out-of-service'
# Retries keep failing: still out of service, the clock still runs.
send 'advance-clock 60'
send 'expect-screen out-of-service'
send 'expect-text "10:43"'
finish

# ---- a damaged file, replaced while borne runs: back by itself ----
head -c 8192 /dev/urandom > "$TMP/c.db"
start "$BORNE" --db "$TMP/c.db"
send 'expect-screen out-of-service'
send 'expect-text "Base de données illisible ou abîmée"'
good_db "$TMP/good.db"
mv "$TMP/good.db" "$TMP/c.db"
send 'advance-clock 6'
send 'expect-screen accueil'
send 'badge 04A1B2C3'
send 'expect-screen badge-result'
send 'expect-text "Bonjour Inès"'
finish

# ---- readable by everyone: refused, the chmod named; fixed: back ----
good_db "$TMP/open.db"
chmod 644 "$TMP/open.db"
start "$BORNE" --db "$TMP/open.db"
send 'expect-screen out-of-service'
send 'expect-text "Base de données lisible par tout le monde : refusée"'
send 'expect-text "chmod 600"'
chmod 600 "$TMP/open.db"
send 'advance-clock 6'
send 'expect-screen accueil'
finish

# ---- a full disk at start, then room again ----
if command -v prlimit >/dev/null 2>&1; then
	start sh -c 'ulimit -S -f 64; trap "" XFSZ; exec "$0" "$@"' \
		"$BORNE" --db "$TMP/full.db" --lang en
	send 'expect-screen out-of-service'
	send 'expect-text "Out of service"'
	send 'expect-text "Disk full"'
	send 'badge 04A1B2C3'
	send 'expect-text "Kiosk out of service: tap not recorded."'
	prlimit --pid "$pid" --fsize=unlimited: || die "prlimit"
	send 'advance-clock 6'
	send 'expect-screen accueil'
	finish
else
	echo "note: prlimit missing; the full disk is tested by test_app_badge"
fi
echo "out_of_service $SIZE: all passed"
exit $fail
