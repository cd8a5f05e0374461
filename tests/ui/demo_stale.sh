#!/bin/sh
# demo_stale.sh BORNE -- a demo run whose database name still holds the
# WAL and shared-memory files of an older run killed before it could
# clean up (another process with the same PID, long ago: mode 644 and
# garbage). The demo makes a fresh database anyway and shows Accueil,
# never "Hors service" nor the old run's rows. The files are made by the
# same process that then becomes borne (exec keeps the PID).
set -u
BORNE=$1
DIR=$(mktemp -d "${TMPDIR:-/tmp}/borne-demo-stale.XXXXXX") || exit 1
trap 'rm -rf "$DIR"' EXIT
SCRIPT=$DIR/check.script
printf 'expect-screen accueil\nexpect-text "Approchez votre badge"\n' > "$SCRIPT"
XDG_RUNTIME_DIR=$DIR sh -c '
	db="$XDG_RUNTIME_DIR/borne-demo-$$.db"
	printf "not a WAL" > "$db-wal"
	printf "not shm" > "$db-shm"
	chmod 644 "$db-wal" "$db-shm"
	exec "$0" --headless --size 800x480 --demo --now 2026-12-10T10:42 \
		--script "$1"' "$BORNE" "$SCRIPT"
rc=$?
left=$(ls "$DIR" | grep -c borne-demo-)
if [ "$rc" != 0 ]; then
	echo "FAIL: borne exited $rc over stale demo files"
	exit 1
fi
if [ "$left" != 0 ]; then
	echo "FAIL: $left demo file(s) left behind"
	exit 1
fi
echo "ok: stale demo files replaced, and nothing left after"
