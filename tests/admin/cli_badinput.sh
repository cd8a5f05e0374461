#!/usr/bin/env bash
# cli_badinput.sh -- bad input through the command line: overlong text,
# invalid UTF-8, control characters, malformed badges. Each is refused
# with exit 2, one line naming the field, and the database unchanged;
# text at the limit (counted in characters, not bytes) is accepted.
. "$(dirname "$0")/lib.sh"

rep() { local s="" i; for ((i = 0; i < $2; i++)); do s+=$1; done; printf '%s' "$s"; }
soon=$(date -d '+10 days' +%F)
bad_utf8=$(printf 'Caf\xc3')
ff=$(printf 'A\xffB')
ctl=$(printf 'A\001B')

expect_exit 0 adm member add --name "Fatou" --role facilitator --badge 04A1B2C3
expect_exit 0 adm day add 2025-03-05 --title "Journée" --from 09:00 --to 17:00
sum=$(db_sum)

# ---- names -------------------------------------------------------------
expect_exit 2 adm member add --name "$(rep a 81)" --role coworker
expect_err "name is longer than 80 characters"
expect_exit 2 adm member add --name "$ff" --role coworker
expect_err "name is not valid UTF-8"
expect_exit 2 adm member add --name "$bad_utf8" --role coworker
expect_err "name"
expect_exit 2 adm member add --name "$ctl" --role coworker
expect_err "name has a control character"
expect_exit 2 adm member add --name $'deux\nlignes' --role coworker
expect_err "name"
expect_exit 2 adm member add --name "" --role coworker
expect_err "name"
# ---- badges ------------------------------------------------------------
expect_exit 2 adm member add --name "Zoé" --role coworker --badge "ZZTOP"
expect_err "badge"
expect_exit 2 adm member add --name "Zoé" --role coworker --badge 04A1B2
expect_err "badge"
expect_exit 2 adm member add --name "Zoé" --role coworker --badge "$ff"
expect_err "badge"
expect_exit 2 adm member add --name "Zoé" --role coworker --badge 04a1b2c3
expect_err "already belongs"
expect_exit 2 adm badge add 1 "04A1B2C3D4"
expect_err "badge"
expect_exit 2 adm badge remove 99999999
expect_unchanged "$sum"

# ---- missions ----------------------------------------------------------
mission() { adm mission add --poster 1 --category autre --when "$soon" "$@"; }
expect_exit 2 mission --title "$(rep t 121)" --description "d"
expect_err "title is longer than 120 characters"
expect_exit 2 mission --title "T" --description "$(rep d 2001)"
expect_err "description is longer than 2000 characters"
expect_exit 2 mission --title "$ff" --description "d"
expect_err "title is not valid UTF-8"
expect_exit 2 mission --title "T" --description "$ff"
expect_err "description is not valid UTF-8"
expect_exit 2 mission --title "$ctl" --description "d"
expect_err "title has a control character"
expect_exit 2 mission --title "T" --description "$ctl"
expect_err "description has a control character"
expect_exit 2 mission --title $'two\nlines' --description "d"
expect_err "title"
expect_exit 2 mission --title "" --description "d"
expect_err "title"
expect_exit 2 mission --title "T" --description "d" --place "$(rep p 81)"
expect_err "place"
expect_exit 2 adm day add 2025-04-01 --title "$(rep j 121)" --from 09:00 --to 10:00
expect_err "title"
expect_exit 2 adm day add 2025-04-01 --title "$ff" --from 09:00 --to 10:00
expect_err "title"
expect_exit 2 adm day add 2025-04-01 --title "Fin avant début" --from 10:00 --to 09:00
expect_err "--to"
# invisible and direction-changing characters; an all-zero badge (misread)
expect_exit 2 adm member add --name $'Ali\u202eecnI' --role coworker
expect_err "name has an invisible or direction-changing character (U+202E)"
expect_exit 2 adm member add --name $'In\u200bès' --role coworker
expect_err "U+200B"
expect_exit 2 mission --title $'T\u2066' --description "d"
expect_err "title has an invisible"
expect_exit 2 adm day add 2025-04-01 --title $'\ufeffJour' --from 09:00 --to 10:00
expect_err "title has an invisible"
# blank-looking names and titles: no visible character, refused by name
sum=$(db_sum)
expect_exit 2 adm member add --name $'\u3000' --role coworker
expect_err "name has no visible character"
expect_exit 2 adm member add --name $'\u00a0 \u2800' --role coworker
expect_err "name has no visible character"
expect_exit 2 mission --title $'\u202f\u205f' --description "d"
expect_err "title has no visible character"
expect_exit 2 adm day add 2025-04-01 --title $'\u2800\u2800' --from 09:00 --to 10:00
expect_err "title has no visible character"
expect_unchanged "$sum"
expect_exit 2 adm member add --name "Zoé" --role coworker --badge 00000000
expect_err "all zeros"
expect_unchanged "$sum"

# ---- at the limit: accepted, shown exactly ------------------------------
name80=$(rep é 80)
expect_exit 0 adm member add --name "$name80" --role coworker
expect_exit 0 adm member show "$OUT"
expect_out "name:      $name80"
title120=$(rep É 120)
desc2000="$(rep 'ligne ' 300)"$'\n'"$(rep x 199)"
expect_exit 0 mission --title "$title120" --description "$desc2000"
id=$OUT
expect_exit 0 adm mission list --format csv
expect_out "$id,open,$title120,"
expect_exit 0 adm member export 1
expect_out "${desc2000//$'\n'/\\n}"
# emoji are valid text
expect_exit 0 adm member add --name "Léa 🌱" --role coworker
expect_exit 0 adm member list
expect_out "Léa 🌱"
# right-to-left letters and joined emoji are valid text
expect_exit 0 adm member add --name $'مرحبا שלום \U0001F469\u200d\U0001F4BB' --role coworker

finish
