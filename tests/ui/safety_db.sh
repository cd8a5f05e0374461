#!/bin/sh
# safety_db.sh -- runs a UI script of issue 15 (work streams, minors kept
# safe) on a demo database that borne-admin prepared: today's day has
# three work streams, an outdoor mission open to minors, and a day's
# limit of 2 h for minors (so a 3-hour mission passes it). With a
# CHECK_STREAMS file, the report by stream afterwards must hold its lines.
# usage: safety_db.sh BORNE BORNE_ADMIN SCRIPT SIZE SHOTS_DIR WORK_DIR [CHECK]
set -eu
borne=$1 admin=$2 script=$3 size=$4 shots=$5 work=$6 check=${7:-}
name=$(basename "$script" .script)
# One folder a run: the PIN key file lies next to its database.
work="$work/${name}_$size"
mkdir -p "$work"
db="$work/${name}_$size.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
empty="$work/${name}_empty_$size.script"
echo "expect-screen accueil" > "$empty"
"$borne" --headless --size "$size" --demo --db "$db" --now 2026-12-10T10:42 \
	--script "$empty" > /dev/null
adm() { LC_ALL=C.UTF-8 "$admin" --db "$db" "$@" > /dev/null; }
adm day streams 1 Chantier Communication Budget
adm mission add --poster 4 --title "Ramasser les feuilles de la cour" \
	--description "Ratisser les feuilles mortes de la cour et les mettre au compost." \
	--category jardin --when 2026-12-10 --duration-min 60 --minors-ok \
	--outdoor --reward tip
adm safety day_max_min 120
# The demo's PINs were hashed with a key kept in memory for its run:
# Bernard's 1234 again, with pin.key next to the database.
sqlite3 "$db" "UPDATE members SET pin_hash = NULL"
printf '1234\n1234\n' | LC_ALL=C.UTF-8 "$admin" --db "$db" member pin 4 \
	> /dev/null
"$borne" --headless --size "$size" --db "$db" --now 2026-12-10T10:42 \
	--script "$script" --screenshots "$shots"
[ -z "$check" ] && exit 0
out=$(LC_ALL=C.UTF-8 "$admin" --db "$db" --format csv report attendance \
	--from 2026-12-10 --to 2026-12-10 --by stream)
while IFS= read -r want; do
	[ -z "$want" ] && continue
	if ! printf '%s\n' "$out" | tr -d '\r' | grep -qx -- "$want"; then
		echo "FAIL: report by stream lacks [$want]; it says:" >&2
		printf '%s\n' "$out" >&2
		exit 1
	fi
done < "$check"
echo "report by stream: ok"
