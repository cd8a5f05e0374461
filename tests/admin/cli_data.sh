#!/usr/bin/env bash
# cli_data.sh -- import (all or nothing), backup, check and purge through
# borne-admin.
. "$(dirname "$0")/lib.sh"

expect_exit 0 adm member add --name "Fatou" --role facilitator --badge 0A0B0C0D

# ---- import: broken files change nothing --------------------------------
sum=$(db_sum)
printf 'name,role,badge,minor\nInès,cooperator,04A1B2C3,1\n"Ali,coworker,,0\n' > "$TMP/quote.csv"
expect_exit 2 adm import members "$TMP/quote.csv"
expect_err "line 3"
expect_err "unbalanced quote"
printf 'name,role,badge,minor\nInès,cooperator,04A1B2C3,1\nAli,chef,,0\n' > "$TMP/role.csv"
expect_exit 2 adm import members "$TMP/role.csv"
expect_err "line 3: role: unknown role \"chef\""
printf 'name,role,badge,minor\nInès,cooperator,04A1B2C3,1\nAli,coworker,NOTAUID,0\n' > "$TMP/badge.csv"
expect_exit 2 adm import members "$TMP/badge.csv"
expect_err "line 3: badge"
printf 'name,role,badge,minor\nInès,cooperator,0a0b0c0d,1\n' > "$TMP/taken.csv"
expect_exit 2 adm import members "$TMP/taken.csv"
expect_err "line 2: badge: 0A0B0C0D already belongs to member"
printf 'name,role,badge,minor\nInès,cooperator,,maybe\n' > "$TMP/minor.csv"
expect_exit 2 adm import members "$TMP/minor.csv"
expect_err "line 2: minor"
printf 'name,role,badge,minor\n%s,cooperator,,1\n' "$(printf 'In\xffs')" > "$TMP/utf8.csv"
expect_exit 2 adm import members "$TMP/utf8.csv"
expect_err "line 2: name: is not valid UTF-8"
# A name of ideographic spaces (U+3000) shows nothing: refused by line.
printf 'name,role,badge,minor\nInès,cooperator,,1\n\343\200\200\343\200\200,coworker,,0\n' > "$TMP/blank.csv"
expect_exit 2 adm import members "$TMP/blank.csv"
expect_err "line 3: name: has no visible character (U+3000"
printf 'nom,role,badge,minor\nInès,cooperator,,1\n' > "$TMP/header.csv"
expect_exit 2 adm import members "$TMP/header.csv"
expect_err "header"
expect_exit 2 adm import members "$TMP/missing.csv"
expect_err "missing.csv"
expect_exit 2 adm import members "$TMP"
expect_exit 1 adm import members
expect_exit 1 adm import people "$TMP/role.csv"
expect_unchanged "$sum"

# ---- import: a good file ------------------------------------------------
printf '%s\r\n' 'name,role,badge,minor' 'Inès Martin,cooperator,04A1B2C3,1' \
	'"Ali ""Le Chef""",coworker,,0' "L'Atelier,coworker, 04:11:22:33 ,0" \
	"\"'); DROP TABLE members;--\",cooperator,,1" > "$TMP/good.csv"
expect_exit 0 adm import members "$TMP/good.csv"
expect_out "imported 4 members"
expect_exit 0 adm member list --format csv --badges
expect_out $'\n2,Inès Martin,cooperator,1,1,0,0,04A1B2C3,'
expect_out $'\n3,"Ali ""Le Chef""",coworker,0,1,0,0,,'
expect_out $'\n4,L\'Atelier,coworker,0,1,0,0,04112233,'
expect_out $'\n5,\'); DROP TABLE members;--,cooperator,1,1,0,0,,'
expect_exit 0 adm tap 04A1B2C3 --at 2025-01-10T09:00
expect_out "Inès Martin"

# ---- check --------------------------------------------------------------
expect_exit 0 adm check
expect_out "ok"
# The mounts under the database and the system, as mountinfo says.
expect_out "storage: $(realpath "$DB") is on "
expect_out "system: / is "

# ---- backup -------------------------------------------------------------
expect_exit 0 adm backup "$TMP/copy.db"
expect_out "integrity ok"
expect_eq "$(sqlite3 "$TMP/copy.db" 'PRAGMA integrity_check')" ok "backup integrity"
expect_eq "$(sqlite3 "$TMP/copy.db" 'PRAGMA journal_mode')" delete "backup is one file"
expect_eq "$(db_sum "$TMP/copy.db")" "$(db_sum)" "backup has the same content"
expect_eq "$(ls "$TMP" | grep -c 'copy.db.tmp')" 0 "no temporary file left"
expect_exit 0 "$ADMIN" --db "$TMP/copy.db" member show 2
expect_out "Inès Martin"
# a second backup replaces the first
expect_exit 0 adm member add --name "Après" --role coworker
expect_exit 0 adm backup "$TMP/copy.db"
expect_exit 0 "$ADMIN" --db "$TMP/copy.db" member list
expect_out "Après"
expect_exit 2 adm backup "$TMP"
expect_err "folder"
expect_exit 2 adm backup "$DB"
expect_err "live database"
expect_exit 2 adm backup "$TMP/no/such/dir/copy.db"
expect_err "copy.db"
expect_exit 1 adm backup

# ---- check finds damage -------------------------------------------------
cp "$TMP/copy.db" "$TMP/fk.db"
sqlite3 "$TMP/fk.db" "PRAGMA foreign_keys=OFF; INSERT INTO visits(uuid, member_id, badge, in_utc, kiosk_id) VALUES ('x', 999, '', 0, 'k');"
expect_exit 2 "$ADMIN" --db "$TMP/fk.db" check
expect_err "foreign key"
cp "$TMP/copy.db" "$TMP/bad.db"
size=$(stat -c %s "$TMP/bad.db")
# overwrite the middle pages (not the header) with garbage
dd if=/dev/urandom of="$TMP/bad.db" bs=4096 seek=3 count=$(( size / 4096 - 4 )) conv=notrunc status=none
expect_exit 2 "$ADMIN" --db "$TMP/bad.db" check

# ---- purge --------------------------------------------------------------
recent=$(date -d '-2 days' +%FT10:00)
expect_exit 0 adm tap 04A1B2C3 --at 2025-01-10T12:00
expect_exit 0 adm tap 04A1B2C3 --at "$recent"
expect_exit 0 adm tap FFEEDDCC --at 2025-01-10T12:05
expect_exit 0 adm purge --older-than-days 30
expect_out "1 visits"
expect_out "1 unknown taps"
expect_exit 0 adm checkin list --format csv
expect_eq "$(printf '%s\n' "$OUT" | grep -c 'Inès Martin')" 1 "the recent visit stays"
expect_exit 0 adm member list --format csv
expect_eq "$(printf '%s\n' "$OUT" | grep -c .)" 7 "members are never purged"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'data.purge'")" 1 "purge is audited"
sum=$(db_sum)
expect_exit 2 adm purge --older-than-days 0
expect_exit 1 adm purge --older-than-days ten
expect_exit 1 adm purge
expect_unchanged "$sum"

finish
