#!/usr/bin/env bash
# cli_dbfail.sh -- a database file that is not SQLite, a folder, a
# read-only database, one locked by another process: a clear line, exit
# 2, no crash, nothing written.
. "$(dirname "$0")/lib.sh"
umask 077   # as borne.service runs (UMask=0077)

expect_exit 0 adm member add --name "Fatou" --role facilitator --badge 0A0B0C0D
sum=$(db_sum)

# ---- readable by others: refused, the chmod named, nothing changed ----
cp "$DB" "$TMP/open.db"
chmod 644 "$TMP/open.db"
expect_exit 2 "$ADMIN" --db "$TMP/open.db" check
expect_err "chmod 600 $TMP/open.db"
[ "$(stat -c %a "$TMP/open.db")" = 644 ] || fail "mode changed"
chmod 600 "$TMP/open.db"
expect_exit 0 "$ADMIN" --db "$TMP/open.db" check
rm -f "$TMP"/open.db*
# A backup is 0600 whatever the umask.
(umask 022 && "$ADMIN" --db "$DB" backup "$TMP/copy.db" >/dev/null) ||
	fail "backup"
[ "$(stat -c %a "$TMP/copy.db")" = 600 ] || fail "backup is $(stat -c %a "$TMP/copy.db")"
rm -f "$TMP/copy.db"
# The unit makes files and the state folder the service user's alone.
unit="$(dirname "$0")/../../deploy/borne.service"
grep -qx 'UMask=0077' "$unit" || fail "borne.service: no UMask=0077"
grep -qx 'StateDirectoryMode=0700' "$unit" ||
	fail "borne.service: no StateDirectoryMode=0700"

# ---- not a SQLite file ---------------------------------------------------
printf 'name,role\nthis is a CSV, not a database\n%.0s' 1 2 3 4 5 6 7 8 > "$TMP/notdb"
before=$(md5sum < "$TMP/notdb")
expect_exit 2 "$ADMIN" --db "$TMP/notdb" member list
expect_err "not a borne database"
expect_exit 2 "$ADMIN" --db "$TMP/notdb" member add --name X --role coworker
expect_exit 2 "$ADMIN" --db "$TMP/notdb" check
expect_eq "$(md5sum < "$TMP/notdb")" "$before" "a foreign file is left untouched"
head -c 8192 /dev/urandom > "$TMP/random"
expect_exit 2 "$ADMIN" --db "$TMP/random" member list

# ---- a folder, a missing folder ------------------------------------------
mkdir "$TMP/folder"
expect_exit 2 "$ADMIN" --db "$TMP/folder" member list
expect_err "folder"
expect_exit 2 "$ADMIN" --db "$TMP/no/such/dir/borne.db" member list

# ---- read-only -----------------------------------------------------------
# Root ignores file modes, so chmod proves nothing in CI. SQLite's own
# read-only open (a file: URI with mode=ro) refuses writes even to root.
expect_exit 0 "$ADMIN" --db "file:$DB?mode=ro" member list
expect_out "Fatou"
expect_exit 2 "$ADMIN" --db "file:$DB?mode=ro" member add --name X --role coworker
expect_err "read"
expect_exit 2 "$ADMIN" --db "file:$DB?mode=ro" tap 0A0B0C0D --at 2025-03-05T09:00
expect_unchanged "$sum"
# The immutable attribute (when the file system and our rights allow it)
# stops root too: the database and its folder cannot be written at all.
mkdir "$TMP/ro"
expect_exit 0 "$ADMIN" --db "$TMP/ro/borne.db" member add --name Y --role coworker
if chattr +i "$TMP/ro"/* "$TMP/ro" 2>/dev/null; then
	CLEANUP_EXTRA='chattr -i "$TMP/ro" "$TMP/ro"/* 2>/dev/null'
	expect_exit 2 "$ADMIN" --db "$TMP/ro/borne.db" member add --name Z --role coworker
	expect_err "read-only"
	chattr -i "$TMP/ro" "$TMP/ro"/* 2>/dev/null
	expect_exit 0 "$ADMIN" --db "$TMP/ro/borne.db" member list
	expect_no_out "Z"
else
	echo "note: chattr +i not available here; read-only tested through mode=ro only"
	chattr -i "$TMP/ro" "$TMP/ro"/* 2>/dev/null
fi

# ---- locked by another process -------------------------------------------
mkfifo "$TMP/fifo"
sqlite3 "$DB" < "$TMP/fifo" > /dev/null 2>&1 &
holder=$!
exec 3> "$TMP/fifo"
CLEANUP_EXTRA='exec 3>&-; kill '"$holder"' 2>/dev/null'
echo "BEGIN EXCLUSIVE; INSERT INTO settings(key, value) VALUES ('lock', 'held');" >&3
locked=0
for _ in $(seq 200); do
	if ! sqlite3 "$DB" "PRAGMA busy_timeout=0; BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; then
		locked=1
		break
	fi
	sleep 0.05
done
expect_eq "$locked" 1 "the other process holds the write lock"
expect_exit 2 adm member add --name "Pendant" --role coworker
expect_err "busy"
expect_exit 2 adm tap 0A0B0C0D --at 2025-03-05T09:00
expect_err "busy"
printf 'name,role,badge,minor\nPendant,coworker,,0\n' > "$TMP/one.csv"
expect_exit 2 adm import members "$TMP/one.csv"
expect_err "busy"
# readers are not blocked (WAL)
expect_exit 0 adm member list
expect_out "Fatou"
echo "ROLLBACK;" >&3
exec 3>&-
wait "$holder"
CLEANUP_EXTRA=""
expect_unchanged "$sum"
expect_exit 0 adm member add --name "Après" --role coworker
expect_exit 0 adm check

finish
