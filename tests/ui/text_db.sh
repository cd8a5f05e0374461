#!/bin/sh
# text_db.sh -- runs a UI script on a demo database that borne-admin has
# given missions at the text limits: a 120-character title and a
# 2,000-character description (typing that much through the form would
# cost a frame a character).
# usage: text_db.sh BORNE BORNE_ADMIN SCRIPT SIZE SHOTS_DIR WORK_DIR
set -eu
borne=$1 admin=$2 script=$3 size=$4 shots=$5 work=$6
mkdir -p "$work"
db="$work/text_max_$size.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
empty="$work/text_max_empty.script"
echo "expect-screen accueil" > "$empty"
"$borne" --headless --size "$size" --demo --db "$db" --now 2026-12-10T10:42 \
	--script "$empty" > /dev/null
# 2,000 characters: a sentence with a link, accents typed as a letter and
# a combining mark, Hebrew and emoji, again and again.
acute=$(printf '\314\201')
sentence="Réparer les vélos du quartier avec e${acute}lan 🚲 שלום : https://www.exemple-tiers-lieu.org/ateliers/reparation-velo-samedi-matin "
desc=""
while [ "$(printf '%s' "$desc" | wc -m)" -lt 2000 ]; do
	desc="$desc$sentence"
done
desc=$(printf '%s' "$desc" | cut -c1-2000)
# 120 characters, one word from the 9th on.
title="Atelier $(printf 'e%s' "$acute" | sed 's/.*/&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&/')"
title=$(printf '%s' "$title" | cut -c1-120)
LC_ALL=C.UTF-8 "$admin" --db "$db" mission add --poster 4 --title "$title" \
	--description "$desc" --category autre --when 2026-12-10 --reward tip \
	> /dev/null
LC_ALL=C.UTF-8 "$admin" --db "$db" mission add --poster 4 \
	--title "Deux mille caractères" --description "$desc" --category autre \
	--when 2026-12-10 --reward tip > /dev/null
exec "$borne" --headless --size "$size" --db "$db" --now 2026-12-10T10:42 \
	--script "$script" --screenshots "$shots"
