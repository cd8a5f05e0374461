#!/bin/sh
# mission_read.sh -- runs a UI script on a demo database where Sophie
# (member 3) has posted one more mission, adults only, with a long
# description of real sentences whose last one must be readable
# (issue 11, item 2): on the board's detail and in her own view.
# usage: mission_read.sh BORNE BORNE_ADMIN SCRIPT SIZE SHOTS_DIR WORK_DIR
set -eu
borne=$1 admin=$2 script=$3 size=$4 shots=$5 work=$6
mkdir -p "$work"
db="$work/mission_read_$size.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
empty="$work/mission_read_empty.script"
echo "expect-screen accueil" > "$empty"
"$borne" --headless --size "$size" --demo --db "$db" --now 2026-12-10T10:42 \
	--script "$empty" > /dev/null
desc="La clôture en bois du jardin partagé penche depuis la tempête de novembre."
desc="$desc Trois poteaux sont cassés au pied et deux planches sont tombées."
desc="$desc Il faut d’abord démonter les planches abîmées, puis creuser autour des poteaux pour les sortir."
desc="$desc Les poteaux neufs sont déjà dans la réserve, avec le béton à prise rapide, les vis et les outils."
desc="$desc Une personne de l’équipe sera là pour montrer comment faire et vérifier que tout est droit."
desc="$desc Prévoyez des vêtements qui peuvent se salir et de bonnes chaussures : le sol est boueux."
desc="$desc Des gants et des lunettes de protection sont prêtés sur place, ainsi qu’une boisson chaude."
desc="$desc Si la pluie revient, le chantier est décalé au lendemain et vous serez prévenu par téléphone."
desc="$desc Le travail se fait à deux : on ne porte jamais un poteau seul, ils sont lourds."
desc="$desc Dernière phrase : merci de fermer le portail du jardin en partant, les poules se sauvent."
LC_ALL=C.UTF-8 "$admin" --db "$db" mission add --poster 3 \
	--title "Réparer la clôture du jardin" --description "$desc" \
	--category jardin --place "Jardin partagé" --when 2026-12-12 \
	--duration-min 180 --places 2 --reward-cents 4000 > "$work/add_$size.out"
id=$(grep -o '[0-9][0-9]*' "$work/add_$size.out" | head -1)
"$admin" --db "$db" mission approve "$id" > /dev/null 2>&1 || true
exec "$borne" --headless --size "$size" --db "$db" --now 2026-12-10T10:42 \
	--script "$script" --screenshots "$shots"
