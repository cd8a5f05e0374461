#!/usr/bin/env bash
# cli_quotes.sh -- quotes through borne-admin: the space's VAT and fair
# prices, a young member's quote with every step of its sum, the CSV list,
# acceptance by the poster (the mission taken, the others declined) and
# the refusals.
. "$(dirname "$0")/lib.sh"

expect_exit 0 adm member add --name "Fatou" --role facilitator
expect_exit 0 adm member add --name "Zoé" --role cooperator --minor
expect_exit 0 adm member add --name "Noé" --role cooperator
expect_exit 0 adm member add --name "Ali" --role coworker
expect_exit 0 adm mission add --poster 1 --title "Réparer un vélo" \
	--description "Chambre à air et freins." --category bricolage \
	--reward quote --minors-ok
expect_exit 0 adm mission add --poster 1 --title "Tondre" --description "x" \
	--category jardin --reward-cents 2000

# VAT: 20 % until set; each rate people write, and the exemption.
expect_exit 0 adm quote vat
expect_out "VAT on quotes: 20 %"
expect_exit 0 adm quote vat 5,5
expect_out "VAT on quotes: 5.5 %"
expect_exit 0 adm quote vat exempt
expect_out "not applicable (art. 293 B du CGI)"
expect_exit 2 adm quote vat 19.6
expect_exit 0 adm quote vat 20

expect_exit 0 adm quote fair
expect_out "bricolage  15.00-25.00 EUR/h"
expect_exit 0 adm quote fair diy 14-22.5
expect_out "bricolage  14.00-22.50 EUR/h"
expect_exit 2 adm quote fair bricolage 22-14
expect_exit 2 adm quote fair potager 12-20
expect_exit 1 adm quote fair bricolage

# Zoé (16) quotes 2 h 30 at 14 EUR with 8.50 EUR of supplies.
expect_exit 0 adm quote add 1 --by 2 --hours 2h30 --rate-cents 1400 \
	--supplies-cents 850
expect_out "quote D$(date +%Y)-0001 (id 1) for mission 1 by member 2: proposed"
expect_out "labour: 2.5 h x 14.00 EUR = 35.00 EUR"
expect_out "total before tax (HT): 35.00 + 8.50 = 43.50 EUR"
expect_out "VAT 20 %: 43.50 x 20 % = 8.70 EUR"
expect_out "total with tax (TTC): 43.50 + 8.70 = 52.20 EUR"
expect_exit 0 adm quote add 1 --by 3 --hours 3 --rate-cents 1300
expect_out "D$(date +%Y)-0002"
# Refusals: a set price, one's own mission, twice, bad hours.
expect_exit 2 adm quote add 2 --by 3 --hours 1 --rate-cents 1300
expect_err "takes no quote"
expect_exit 2 adm quote add 1 --by 1 --hours 1 --rate-cents 1300
expect_err "you posted this mission"
expect_exit 2 adm quote add 1 --by 2 --hours 1 --rate-cents 1300
expect_err "already waiting"
expect_exit 2 adm quote add 1 --by 3 --hours 1h20 --rate-cents 1300
expect_exit 1 adm quote add 1 --by 3 --hours 1
expect_exit 2 adm quote add 9 --by 3 --hours 1 --rate-cents 1300

expect_exit 0 adm quote list --format csv
expect_line "id,mission_id,member_id,hours,rate_cents,supplies_cents,ht_cents,vat_cents,ttc_cents,status,number,vat_rate,member"
expect_line "1,1,2,2.5,1400,850,4350,870,5220,proposed,D$(date +%Y)-0001,20,Zoé"
expect_line "2,1,3,3,1300,0,3900,780,4680,proposed,D$(date +%Y)-0002,20,Noé"

# Only the poster (or staff) accepts.
expect_exit 2 adm quote accept 1 --by 4
expect_err "only the person who posted"
expect_exit 0 adm quote accept 1 --by 1
expect_out "mission 1 taken by member 2 for 52.20 EUR"
expect_exit 0 adm quote list --mission 1 --format csv
expect_line "1,1,2,2.5,1400,850,4350,870,5220,accepted,D$(date +%Y)-0001,20,Zoé"
expect_line "2,1,3,3,1300,0,3900,780,4680,declined,D$(date +%Y)-0002,20,Noé"
expect_exit 0 adm mission list --format csv
expect_out "1,taken,Réparer un vélo"
expect_exit 2 adm quote accept 2 --by 1
expect_err "no longer waiting"

# The name printed on quotes (the back office's page and PDF).
expect_exit 0 adm quote coop
expect_out "name on quotes: Le Patio"
expect_exit 0 adm quote coop "SCIC Le Patio"
expect_out "name on quotes: SCIC Le Patio"
expect_exit 2 adm quote coop "  "
expect_err "1 to 120 characters"

echo "$n_pass passed, $n_fail failed"
[ "$n_fail" = 0 ]
