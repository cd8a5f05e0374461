#!/usr/bin/env bash
# cli_missions.sh -- missions through borne-admin: add (every --when and
# reward form, category aliases), list, approve, reject, take, release,
# done, and the rules' refusals.
. "$(dirname "$0")/lib.sh"

soon=$(date -d '+10 days' +%F)
later=$(date -d '+20 days' +%F)

expect_exit 0 adm member add --name "Inès" --role cooperator --minor
expect_exit 0 adm member add --name "Ali" --role coworker
expect_exit 0 adm member add --name "Fatou" --role facilitator
expect_exit 0 adm member add --name "Bob" --role cooperator

expect_exit 0 adm mission add --poster 2 --title "Arroser les plantes" \
	--description "Deux fois par semaine, l'arrosoir est dans la cour." \
	--category garden --when "$soon..$later" --duration-min 30 --places 2 \
	--reward-cents 1250 --minors-ok
expect_eq "$OUT" 1 "mission add prints the id"
expect_exit 0 adm mission add --poster 3 --title "Réparer une chaise" \
	--description "" --category bricolage --when flexible --reward quote
expect_eq "$OUT" 2
expect_exit 0 adm mission add --poster 2 --title "Site web" --description "x" \
	--category numérique --when "$soon"
expect_eq "$OUT" 3
expect_exit 0 adm mission add --poster 2 --title "Ourlet" --description "y" --category Sewing
expect_eq "$OUT" 4

expect_exit 0 adm mission list --format csv
expect_line "id,status,title,category,when,duration,places,takers,reward,minors_ok,poster_id,poster"
expect_line "1,pending,Arroser les plantes,jardin,$soon..$later,0:30,2,0,12.50 EUR,1,2,Ali"
expect_line "2,open,Réparer une chaise,bricolage,flexible,,1,0,quote,0,3,Fatou"
expect_line "3,pending,Site web,numerique,$soon,,1,0,tip,0,2,Ali"
expect_line "4,pending,Ourlet,couture,flexible,,1,0,tip,0,2,Ali"
expect_exit 0 adm mission list --status pending
expect_out "Arroser les plantes"
expect_no_out "Réparer une chaise"
expect_exit 2 adm mission list --status waiting

# pending -> open (approve) or rejected
expect_exit 0 adm mission approve 1
expect_exit 2 adm mission approve 1
expect_exit 0 adm mission reject 3 --reason "Trop vague"
expect_exit 1 adm mission reject 4
expect_exit 0 adm mission list --status rejected --format csv
expect_line "3,rejected,Site web,numerique,$soon,,1,0,tip,0,2,Ali"

# takes: two places, minors only where minors_ok
expect_exit 0 adm mission take 1 1
expect_exit 2 adm mission take 2 1
expect_err "minors"
expect_exit 2 adm mission take 1 1
expect_exit 0 adm mission take 1 4
expect_exit 0 adm mission list --status taken --format csv
expect_line "1,taken,Arroser les plantes,jardin,$soon..$later,0:30,2,2,12.50 EUR,1,2,Ali"
expect_exit 2 adm mission take 1 3
expect_exit 0 adm mission release 1 4
expect_exit 2 adm mission release 1 4
expect_exit 0 adm mission list --status open
expect_out "Arroser les plantes"

# done: by the poster or staff only
expect_exit 2 adm mission done 1 --by 1
expect_exit 0 adm mission done 1 --by 2
expect_exit 0 adm mission list --status done --format csv
expect_line "1,done,Arroser les plantes,jardin,$soon..$later,0:30,2,1,12.50 EUR,1,2,Ali"
expect_exit 2 adm mission take 99 1
expect_exit 1 adm mission take 1
expect_exit 1 adm mission done 1

# the member's export lists what they posted and took
expect_exit 0 adm member export 1
expect_out '"mission_id": 1'
expect_exit 0 adm member export 2
expect_out '"title": "Arroser les plantes"'

# refusals
sum=$(db_sum)
expect_exit 2 adm mission add --poster 2 --title "T" --description "D" --category pottery
expect_err "category"
expect_exit 2 adm mission add --poster 2 --title "T" --description "D" --category autre --when "soon"
expect_err "when"
expect_exit 2 adm mission add --poster 2 --title "T" --description "D" --category autre --when "$later..$soon"
expect_err "when"
expect_exit 2 adm mission add --poster 2 --title "T" --description "D" --category autre --reward gift
expect_err "reward"
expect_exit 1 adm mission add --poster 2 --title "T" --description "D" --category autre --reward tip --reward-cents 100
expect_exit 2 adm mission add --poster 2 --title "T" --description "D" --category autre --places 0
expect_exit 2 adm mission add --poster 2 --title "T" --description "D" --category autre --places 99
expect_exit 2 adm mission add --poster 99 --title "T" --description "D" --category autre
expect_exit 1 adm mission add --poster 2 --title "T" --description "D"
expect_exit 1 adm mission add --poster 2 --title "T" --description "D" --category autre --places many
expect_exit 2 adm mission add --poster 2 --title "T" --description "D" --category autre --when "${soon}T25:00"
expect_exit 2 adm mission add --poster 2 --title "T" --description "D" --category autre --when "${soon}x"
expect_unchanged "$sum"

# --when also takes a time of day (dropped: missions keep dates) and the
# ISO 8601 interval form D/D.
expect_exit 0 adm mission add --poster 2 --title "Avec heure" --description "D" \
	--category autre --when "${soon}T14:00"
expect_exit 0 adm mission add --poster 2 --title "Intervalle" --description "D" \
	--category autre --when "${soon}T09:00/${later}T12:30"
expect_exit 0 adm mission list --format csv
expect_out ",Avec heure,autre,$soon,"
expect_out ",Intervalle,autre,$soon..$later,"

finish
