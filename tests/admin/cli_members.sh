#!/usr/bin/env bash
# cli_members.sh -- borne-admin grammar, members, badges, export, forget.
. "$(dirname "$0")/lib.sh"

# ---- Grammar -----------------------------------------------------------
expect_exit 1 "$ADMIN"
expect_out "usage: borne-admin --db FILE"
expect_exit 0 "$ADMIN" --help
expect_out "member forget ID"
expect_out "purge --older-than-days N"
expect_exit 0 "$ADMIN" --db "$DB" --help
expect_exit 1 "$ADMIN" member list
expect_err "--db FILE must come first"
expect_exit 1 "$ADMIN" --db
expect_exit 1 adm frobnicate
expect_err "unknown command \"frobnicate\""
expect_exit 1 adm member
expect_exit 1 adm member frob
expect_exit 1 adm member add --name X
expect_err "missing --role"
expect_exit 1 adm member add --name X --role coworker --colour blue
expect_err "unknown option --colour"
expect_exit 1 adm member add --name X --name Y --role coworker
expect_exit 1 adm member show
expect_exit 1 adm member show abc
expect_exit 1 adm member show 1 2
expect_exit 1 adm --format xml member list
expect_exit 1 adm member list --format
expect_eq "$(ls "$TMP" | grep -c borne.db)" 0 "usage errors create no database"

# ---- Adding and listing -------------------------------------------------
expect_exit 0 adm member add --name "Inès Martin" --role cooperator --badge 04a1b2c3 --minor
expect_eq "$OUT" 1 "member add prints the id"
expect_exit 0 adm member add --name "L'Atelier" --role coworker
expect_eq "$OUT" 2
expect_exit 0 adm member add --name 'Ali "Le Chef"' --role coworker --badge 04:11:22:33:44:55:66
expect_eq "$OUT" 3
expect_exit 0 adm member add --name "'); DROP TABLE members;--" --role cooperator
expect_eq "$OUT" 4
expect_exit 0 adm_in 4321 member add --name "Fatou Diallo" --role facilitator --pin
expect_eq "$OUT" 5
expect_exit 2 adm member add --name "Bad Role" --role chef
expect_err "role"
expect_exit 2 adm_in 12 member add --name "Short PIN" --role admin --pin
expect_err "PIN"

expect_exit 0 adm member list
expect_out "L'Atelier"
expect_out 'Ali "Le Chef"'
expect_out "'); DROP TABLE members;--"
expect_out "Inès Martin"
# A badge UID is all a check-in asks for: lists show how many, and the
# UIDs only when --badges asks.
expect_no_out "04A1B2C3"
expect_exit 0 adm member list --badges
expect_out "04A1B2C3"
expect_exit 0 adm --format csv member list --badges
expect_out $'\n3,"Ali ""Le Chef""",coworker,0,1,0,0,04112233445566,'
# --format right after --db and after the command words give the same CSV
expect_exit 0 adm --format csv member list
csv1=$OUT
expect_exit 0 adm member list --format csv
expect_eq "$OUT" "$csv1" "--format in either place"
expect_line "id,name,role,minor,active,forgotten,pin,badges,created"
expect_out $'\r\n'
expect_out $'\n3,"Ali ""Le Chef""",coworker,0,1,0,0,1,'
expect_no_out "04112233445566"
expect_out $'\n2,L\'Atelier,coworker,0,1,0,0,0,'
expect_out $'\n4,\'); DROP TABLE members;--,cooperator,0,1,0,0,0,'
first=$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n 2p | cut -d, -f1)
case "$first" in [0-9]*) pass ;; *) fail "CSV first column is not the id: $first" ;; esac

expect_exit 0 adm member show 1
expect_out "name:      Inès Martin"
expect_out "minor:     yes"
expect_out "badges:    1"
expect_no_out "04A1B2C3"
expect_exit 0 adm member show 1 --badges
expect_out "badge:     04A1B2C3"
expect_exit 0 adm member show 5
expect_out "pin:       set"
expect_exit 2 adm member show 99
expect_err "no member 99"

# ---- Badges ------------------------------------------------------------
expect_exit 0 adm badge add 2 0A0B0C0D
expect_out "0A0B0C0D"
expect_exit 2 adm badge add 3 0a:0b:0c:0d
expect_err "already belongs to member 2"
expect_exit 2 adm badge add 99 01020304
expect_exit 2 adm badge add 2 XYZ
expect_err "badge"
expect_exit 2 adm badge add 2 010203
expect_err "badge"
expect_exit 0 adm tap 0A0B0C0D --at 2025-03-05T10:00
expect_out "in #2 L'Atelier at 10:00"
expect_exit 0 adm badge remove 0A0B0C0D
expect_exit 2 adm badge remove 0A0B0C0D
expect_exit 0 adm tap 0A0B0C0D --at 2025-03-05T11:00
expect_out "unknown badge 0A0B0C0D at 11:00"

# ---- Deactivate --------------------------------------------------------
expect_exit 0 adm member deactivate 3
expect_exit 0 adm tap 04112233445566 --at 2025-03-05T11:30
case "$OUT" in inactive*) pass ;; *) fail "tap of a deactivated member: $OUT" ;; esac
expect_exit 0 adm --format csv member list --badges
expect_out $'\n3,"Ali ""Le Chef""",coworker,0,0,0,0,04112233445566,'

# ---- Export ------------------------------------------------------------
expect_exit 0 adm tap 04A1B2C3 --at 2025-03-05T09:00
expect_exit 0 adm tap 04A1B2C3 --at 2025-03-05T12:30
expect_exit 0 adm member export 1
expect_out '"name": "Inès Martin"'
expect_out '"uid": "04A1B2C3"'
expect_out '"in": "2025-03-05T08:00:00Z"'
expect_out '"out": "2025-03-05T11:30:00Z"'
expect_out '"missions_posted": []'
expect_out '"action": "member.add"'
# SQLite's own JSON parser says whether the export is JSON (no python
# needed on the machine).
printf '%s' "$OUT" >"$TMP/export.json"
if [ "$(sqlite3 :memory: "SELECT json_valid(CAST(readfile('$TMP/export.json') AS TEXT))")" = 1 ]
then pass; else fail "export is not JSON"; fi
expect_exit 0 adm member export 3
expect_out '"name": "Ali \"Le Chef\""'
expect_exit 2 adm member export 42

# ---- Forget ------------------------------------------------------------
expect_exit 0 adm report attendance --from 2025-03-05 --to 2025-03-05 --by member
expect_out "Inès Martin"
expect_out "3:30"
expect_exit 0 adm member forget 1
expect_out "forgotten"
expect_exit 0 adm member show 1
expect_out "name:      (oublié·e #1)"
expect_out "forgotten: yes"
expect_out "active:    no"
expect_no_out "04A1B2C3"
expect_exit 0 adm member export 1
expect_no_out "Inès"
expect_no_out "04A1B2C3"
expect_out '"forgotten": true'
expect_out '"action": "member.forget"'
expect_exit 0 adm report attendance --from 2025-03-05 --to 2025-03-05 --by member
expect_no_out "Inès"
expect_out "(oublié·e #1)"
expect_out "3:30"
expect_exit 0 adm tap 04A1B2C3 --at 2025-03-06T09:00
expect_out "unknown badge"
expect_exit 2 adm member forget 1
expect_err "already forgotten"
expect_exit 2 adm member forget 77
if sqlite3 "$DB" "SELECT name, badge FROM members m JOIN visits v ON v.member_id = m.id" | grep -q "Inès\|04A1B2C3"; then
	fail "the forgotten member's name or badge is still in the database"
else
	pass
fi
# The badge can be given to someone new afterwards.
expect_exit 0 adm badge add 2 04A1B2C3

# ---- CSV cells a spreadsheet would run ----------------------------------
# A name that is a formula comes out as text: quoted, behind a '.
expect_exit 0 adm member add --name '=HYPERLINK("http://x","clic")' --role coworker
id_f=$OUT
expect_exit 0 adm member add --name '@SUM(A1)' --role coworker
id_a=$OUT
expect_exit 0 adm --format csv member list
expect_out $'\n'"$id_f"$',"\'=HYPERLINK(""http://x"",""clic"")",coworker,'
expect_out $'\n'"$id_a"$',"\'@SUM(A1)",coworker,'
expect_no_out ',=HYPERLINK'
expect_no_out ',@SUM'
expect_exit 0 adm --format csv member show "$id_f"
expect_out $',"\'=HYPERLINK('

finish
