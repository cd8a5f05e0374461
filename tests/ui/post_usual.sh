#!/bin/sh
# post_usual.sh -- runs a UI script on a demo database with one more
# coworker, Lucie M. (badge 04AA00C1), who has never posted a mission:
# the post form offers her usual jobs (issue 11, item 13).
# usage: post_usual.sh BORNE BORNE_ADMIN SCRIPT SIZE SHOTS_DIR WORK_DIR
set -eu
borne=$1 admin=$2 script=$3 size=$4 shots=$5 work=$6
mkdir -p "$work"
db="$work/post_usual_$size.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
empty="$work/post_usual_empty.script"
echo "expect-screen accueil" > "$empty"
"$borne" --headless --size "$size" --demo --db "$db" --now 2026-12-10T10:42 \
	--script "$empty" > /dev/null
LC_ALL=C.UTF-8 "$admin" --db "$db" member add --name "Lucie M." \
	--role coworker --badge 04AA00C1 > /dev/null
exec "$borne" --headless --size "$size" --db "$db" --now 2026-12-10T10:42 \
	--script "$script" --screenshots "$shots"
