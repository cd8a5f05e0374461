#!/usr/bin/env bash
# cli_days.sh -- contributive days, a whole day of taps played with
# `tap --at`, check-in list and fix, and the attendance report.
. "$(dirname "$0")/lib.sh"

expect_exit 0 adm member add --name "Inès Martin" --role cooperator --badge 04A1B2C3 --minor
expect_exit 0 adm member add --name "Ali \"Le Chef\"" --role coworker --badge 04112233
expect_exit 0 adm member add --name "Zoé" --role cooperator --badge 0A0B0C0D

# ---- Days --------------------------------------------------------------
expect_exit 0 adm day add 2025-03-05 --title "Journée contributive" --from 09:00 --to 17:00 --weekly-until 2025-03-26
expect_eq "$OUT" 1 "day add prints the first id"
expect_exit 0 adm day list
expect_out "2025-03-26"
expect_eq "$(printf '%s\n' "$OUT" | grep -c 'Journée contributive')" 4 "weekly days"
expect_exit 0 adm day list --from 2025-03-10 --to 2025-03-20 --format csv
expect_line "id,date,weekday,from,to,title"
expect_line "2,2025-03-12,Wed,09:00,17:00,Journée contributive"
expect_eq "$(printf '%s\n' "$OUT" | grep -c 'Journée')" 2 "days in range"
sum=$(db_sum)
expect_exit 2 adm day add 2025-04-01 --title "À l'envers" --from 17:00 --to 09:00
expect_err "--to"
expect_exit 2 adm day add 2025-04-01 --title "Même heure" --from 09:00 --to 09:00
expect_exit 2 adm day add 2025-02-30 --title "Pas de date" --from 09:00 --to 10:00
expect_err "date"
expect_exit 2 adm day add 2025-04-01 --title "Heure" --from 25:00 --to 26:00
expect_err "--from"
expect_exit 2 adm day add 2025-03-05 --title "Doublon" --from 09:00 --to 10:00
expect_exit 1 adm day add 2025-04-01 --title "Sans fin" --from 09:00
expect_unchanged "$sum"
# Dates in the past are fine.
expect_exit 0 adm day add 2019-01-07 --title "Il y a longtemps" --from 10:00 --to 12:00

# ---- A day of taps -----------------------------------------------------
expect_exit 0 adm tap 04A1B2C3 --at 2025-03-05T09:12
expect_eq "$OUT" "in #1 Inès Martin at 09:12, 0:00 today"
expect_exit 0 adm tap 04a1b2c3 --at 2025-03-05T09:12:30
case "$OUT" in "ignored #1 Inès Martin"*) pass ;; *) fail "repeat tap: $OUT" ;; esac
expect_exit 0 adm tap 04:11:22:33 --at 2025-03-05T09:30
case "$OUT" in "in #2 Ali \"Le Chef\""*) pass ;; *) fail "second member: $OUT" ;; esac
expect_exit 0 adm tap 04A1B2C3 --at 2025-03-05T12:00
expect_eq "$OUT" "out #1 Inès Martin at 12:00, 2:48 today"
expect_exit 0 adm tap 04A1B2C3 --at 2025-03-05T13:00
expect_eq "$OUT" "in #1 Inès Martin at 13:00, 2:48 today"
expect_exit 0 adm tap 0A0B0C0D --at 2025-03-05T10:00
expect_exit 0 adm tap 0A0B0C0D --at 2025-03-05T16:15
case "$OUT" in "out #3 Zoé at 16:15, 6:15 today") pass ;; *) fail "Zoé out: $OUT" ;; esac
expect_exit 0 adm tap DEADBEEF --at 2025-03-05T13:05
expect_eq "$OUT" "unknown badge DEADBEEF at 13:05"
sum=$(db_sum)
expect_exit 2 adm tap XYZ --at 2025-03-05T13:06
expect_err "badge"
expect_exit 2 adm tap 01020304AB --at 2025-03-05T13:06
expect_err "badge"
expect_exit 2 adm tap 04A1B2C3 --at 2025-03-05
expect_err "--at"
expect_exit 2 adm tap 04A1B2C3 --at "2025-03-05T25:00"
expect_unchanged "$sum"

# Inès (13:00) and Ali (09:30) never tapped out: closed at 17:00, flagged.
expect_exit 0 adm checkin list --date 2025-03-05
expect_out "auto_closed"
expect_exit 0 adm checkin list --date 2025-03-05 --format csv --badges
expect_line "id,date,member_id,name,badge,in,out,hours,flag,day_id"
expect_line "1,2025-03-05,1,Inès Martin,04A1B2C3,09:12,12:00,2:48,,1"
expect_line '2,2025-03-05,2,"Ali ""Le Chef""",04112233,09:30,17:00,7:30,auto_closed,1'
expect_line "3,2025-03-05,1,Inès Martin,04A1B2C3,13:00,17:00,4:00,auto_closed,1"
expect_line "4,2025-03-05,3,Zoé,0A0B0C0D,10:00,16:15,6:15,,1"
# Without --badges, no UID: it is all a check-in asks for.
expect_exit 0 adm checkin list --date 2025-03-05 --format csv
expect_line "id,date,member_id,name,in,out,hours,flag,day_id"
expect_line "1,2025-03-05,1,Inès Martin,09:12,12:00,2:48,,1"
expect_no_out "04A1B2C3"
expect_no_out "04112233"
expect_exit 0 adm checkin list --date 2025-03-05
expect_no_out "04A1B2C3"
# CSV on stdout has no BOM (it goes to pipes): the header comes first.
case "$OUT" in $'\xef\xbb\xbf'*) fail "a BOM on stdout" ;; *) pass ;; esac
expect_exit 0 adm checkin list --date 2025-03-05 --format csv
case "$OUT" in id,date,*) pass ;; *) fail "CSV on stdout starts with: ${OUT:0:8}" ;; esac
expect_exit 0 adm checkin list --date 2025-03-06 --format csv
expect_eq "$(printf '%s\n' "$OUT" | grep -c .)" 1 "no visit on 2025-03-06"

# ---- Report ------------------------------------------------------------
expect_exit 0 adm report attendance --from 2025-03-05 --to 2025-03-12
expect_out "Journée contributive"
expect_out "2025-03-12"
total=$(printf '%s\n' "$OUT" | grep '^total')
expect_eq "$(echo $total)" "total 3 4 20:33 2" "text totals row"
expect_exit 0 adm report attendance --from 2025-03-05 --to 2025-03-05 --format csv
expect_line "date,day,members,visits,hours,auto_closed"
expect_line "2025-03-05,Journée contributive,3,4,20:33,2"
expect_no_out "total"
expect_exit 0 adm report attendance --from 2025-03-05 --to 2025-03-05 --by member --format csv
expect_line "id,name,role,days,visits,hours,auto_closed"
expect_line '2,"Ali ""Le Chef""",coworker,1,1,7:30,1'
expect_line "1,Inès Martin,cooperator,1,2,6:48,1"
expect_line "3,Zoé,cooperator,1,1,6:15,0"
expect_exit 0 adm report attendance --from 2025-03-05 --to 2025-03-05 --by member
total=$(printf '%s\n' "$OUT" | grep '^total')
expect_eq "$(echo $total)" "total 3 4 20:33 2" "by member totals row"
# text columns are aligned: every line of the table has "hours" column
# ending at the same place
widths=$(printf '%s\n' "$OUT" | grep -v '^-' |
	LC_ALL=C.UTF-8 bash -c 'while IFS= read -r l; do echo "${#l}"; done' | sort -u | wc -l)
expect_eq "$widths" 1 "aligned text columns"
expect_exit 2 adm report attendance --from 2025-03-12 --to 2025-03-05
expect_exit 2 adm report attendance --from 2025-13-01 --to 2025-03-05
expect_err "--from"
expect_exit 1 adm report attendance --from 2025-03-01
expect_exit 1 adm report attendance --from 2025-03-01 --to 2025-03-02 --by week

# ---- Fix ---------------------------------------------------------------
expect_exit 0 adm checkin fix 2 --in 09:30 --out 16:00
expect_out "6:30"
expect_exit 0 adm checkin fix 3 --in 2025-03-05T13:00 --out 2025-03-05T15:30:00
expect_exit 0 adm report attendance --from 2025-03-05 --to 2025-03-05 --format csv
# 2:48 + 6:30 + 2:30 + 6:15; fixed visits are no longer auto-closed
expect_line "2025-03-05,Journée contributive,3,4,18:03,0"
sum=$(db_sum)
expect_exit 2 adm checkin fix 2 --in 16:00 --out 09:30
expect_exit 2 adm checkin fix 2 --in 9h30 --out 16:00
expect_err "--in"
expect_exit 2 adm checkin fix 99 --in 09:30 --out 16:00
expect_exit 1 adm checkin fix 2 --in 09:30
expect_unchanged "$sum"
# A fixed visit keeps what the door recorded, and says it was corrected.
expect_eq "$(sqlite3 "$DB" 'SELECT count(*) FROM visit_fixes WHERE visit_id = 2')" 1 "fix kept"
expect_eq "$(sqlite3 "$DB" 'SELECT corrected FROM visits WHERE id = 2')" 1 "visit flagged"

# ---- A season, its exceptions, streams, cancelling -----------------------
expect_exit 0 adm day plan 2025-10-01 --until 2025-11-26 --title "Journée d'automne" --from 10:00 --to 18:00 --skip 2025-10-29 --move 2025-11-12=2025-11-13
expect_eq "$OUT" "season 1: 8 days" "day plan"
expect_exit 0 adm day list --from 2025-11-10 --to 2025-11-14 --format csv
expect_out "2025-11-13,Thu,10:00,18:00,Journée d'automne"
id=$(sqlite3 "$DB" "SELECT id FROM days WHERE date = '2025-10-08'")
expect_exit 0 adm day streams "$id" "Chantier" "Communication" "Budget"
expect_eq "$OUT" "$(printf 'Chantier\nCommunication\nBudget')" "streams set"
expect_exit 0 adm day streams "$id"
expect_eq "$OUT" "$(printf 'Chantier\nCommunication\nBudget')" "streams read"
sum=$(db_sum)
expect_exit 2 adm day streams "$id" "Chantier" " chantier"
expect_err "named twice"
expect_exit 2 adm day plan 2025-12-03 --until 2025-12-01 --title X --from 10:00 --to 11:00
expect_err "until"
expect_exit 2 adm day plan 2025-10-15 --until 2025-12-31 --title X --from 10:00 --to 11:00
expect_err "2025-10-15"
expect_exit 2 adm day plan 2025-12-03 --until 2025-12-31 --title X --from 10:00 --to 11:00 --move 2025-12-04
expect_err "--move"
expect_exit 2 adm day cancel 1
expect_err "has visits"
expect_unchanged "$sum"
expect_exit 0 adm day streams "$id" --clear
expect_eq "$OUT" "" "streams cleared"
expect_exit 0 adm day cancel "$id"
expect_exit 0 adm day cancel --series 1 --from 2025-11-01
expect_eq "$OUT" "season 1: 4 days cancelled, 0 kept (they have visits)" "season cancelled"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM days WHERE date >= '2025-10-01'")" 3 "days left"

finish
