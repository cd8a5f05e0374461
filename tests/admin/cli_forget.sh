#!/usr/bin/env bash
# cli_forget.sh -- forget, purge, backup --rotate and restore through
# borne-admin: what each says, the files it makes, what it refuses.
. "$(dirname "$0")/lib.sh"

expect_exit 0 adm member add --name "Inès Forgetmenot" --role cooperator --badge 04A1B2C3D4E5F6
expect_exit 0 adm member add --name "Ali" --role coworker --badge 0A0B0C0D
expect_exit 0 adm tap 04A1B2C3D4E5F6

# ---- backup --rotate ------------------------------------------------------
today=$(date +%Y-%m-%d)
expect_exit 0 adm backup --rotate "$TMP/backups"
expect_out "borne-$today.db written, 0 old backup(s) removed"
expect_eq "$(stat -c %a "$TMP/backups")" 700 "backup folder mode"
expect_eq "$(stat -c %a "$TMP/backups/borne-$today.db")" 600 "backup mode"
expect_eq "$(sqlite3 "$TMP/backups/borne-$today.db" 'PRAGMA integrity_check')" ok "backup integrity"
expect_exit 0 adm backup --rotate "$TMP/backups" --keep-daily 1 --keep-weekly 0
expect_exit 1 adm backup
expect_exit 1 adm backup "$TMP/x.db" --rotate "$TMP/backups"
expect_exit 1 adm backup "$TMP/x.db" --keep-daily 3
expect_exit 1 adm backup --rotate "$TMP/backups" --keep-daily many
expect_exit 2 adm backup --rotate "$TMP/backups" --keep-daily 0
expect_err "--keep-daily: 1 to 1000"
ln -s "$TMP/backups" "$TMP/link"
expect_exit 2 adm backup --rotate "$TMP/link"
expect_err "link is refused"

# ---- forget: the log emptied, the list kept ---------------------------------
expect_exit 0 adm member forget 1
expect_out "member 1 forgotten"
expect_out "erased from the files too (log emptied)"
expect_eq "$(sqlite3 "$DB" 'SELECT count(*) FROM forgotten')" 1 "forgotten list"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM settings WHERE key = 'privacy.scrub_pending'")" 0 "nothing pending"
expect_eq "$(cat "$DB" "$DB-wal" "$DB-shm" 2>/dev/null | grep -c -a -e Forgetmenot -e 04A1B2C3D4E5F6)" 0 "name and badge gone from the files"

# ---- restore: the backup made before forgets again ----------------------------
expect_exit 0 adm restore "$TMP/backups/borne-$today.db"
expect_out "1 forgotten member(s) forgotten again"
expect_exit 0 adm member show 1
expect_out "oublié"
expect_no_out "Forgetmenot"
expect_exit 0 adm member show 2
expect_out "Ali"
expect_eq "$(cat "$DB" "$DB-wal" "$DB-shm" 2>/dev/null | grep -c -a -e Forgetmenot -e 04A1B2C3D4E5F6)" 0 "restored: still gone from the files"
expect_eq "$(sqlite3 "$DB" 'PRAGMA user_version')" "$(sqlite3 "$TMP/backups/borne-$today.db" 'PRAGMA user_version')" "schema version"
sum=$(db_sum)
expect_exit 2 adm restore "$TMP/none.db"
expect_err "restore:"
expect_exit 2 adm restore "$DB"
expect_err "live database itself"
printf 'not a database at all, only named like one\n' > "$TMP/junk.db"
expect_exit 2 adm restore "$TMP/junk.db"
expect_err "the database is as it was"
expect_exit 1 adm restore
expect_unchanged "$sum"

# ---- purge: the log emptied too ---------------------------------------------
expect_exit 0 adm purge --older-than-days 1
expect_out "erased from the files too (log emptied)"

finish
