#!/usr/bin/env bash
# cli_safety.sh -- minors kept safe through borne-admin: the limits shown
# and set, the heat alert turned on and off, an outdoor mission refused
# to a minor while it is on (hot hours set to the whole day, so the test
# does not depend on the hour it runs at) and still open to an adult.
. "$(dirname "$0")/lib.sh"

expect_exit 0 adm member add --name "Fatou" --role facilitator
expect_exit 0 adm member add --name "Zoé" --role cooperator --minor
expect_exit 0 adm member add --name "Noé" --role cooperator

expect_exit 0 adm safety
expect_line "day_max_min 480"
expect_line "week_max_min 2100"
expect_line "break_after_min 270"
expect_line "break_min 30"
expect_line "heat_hours 12:00-16:00"
expect_exit 0 adm safety day_max_min 420
expect_line "day_max_min 420"
expect_exit 2 adm safety day_max_min 5000
expect_err "safety.day_max_min is 60 to 1440 minutes"
expect_exit 2 adm safety nap_min 20
expect_exit 2 adm safety heat_hours 16:00-12:00
expect_exit 1 adm safety break_min
expect_exit 0 adm safety heat_hours 00:00-24:00

expect_exit 0 adm mission add --poster 1 --title "Désherber le potager" \
	--description "Au soleil." --category jardin --minors-ok --outdoor
expect_exit 0 adm mission add --poster 1 --title "Trier la grainothèque" \
	--description "À l'intérieur." --category jardin --minors-ok
expect_exit 0 adm heat-alert
expect_out "heat alert: off"
expect_exit 0 adm heat-alert on
expect_out "heat alert: on today"
expect_exit 1 adm heat-alert maybe
expect_exit 2 adm mission take 1 2
expect_err "heat alert"
expect_exit 0 adm mission take 2 2
expect_exit 0 adm mission take 1 3
expect_exit 0 adm heat-alert off
expect_out "heat alert: off"
expect_exit 0 adm mission release 2 2
expect_exit 0 adm mission add --poster 1 --title "Arroser" \
	--description "Dehors." --category jardin --minors-ok --outdoor
expect_exit 0 adm mission take 3 2

echo "$n_pass passed, $n_fail failed"
[ "$n_fail" = 0 ]
