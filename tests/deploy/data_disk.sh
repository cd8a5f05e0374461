#!/bin/sh
# data_disk.sh SCRIPT -- deploy/borne-data-disk in a sandbox (BORNE_ROOT,
# --dry-run: no disk is touched): the steps in the order that keeps the
# data (stop, copy, mount, start; the overlay only after), the fstab line
# by UUID with data=journal, written once however often it runs, and a
# refusal for an fstab that mounts something else on the state folder.
set -u
script=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
ok() { passes=$((passes + 1)); }
ko() { fails=$((fails + 1)); printf 'FAIL: %s\n' "$*"; }
has() { grep -qF -- "$1" "$2" && ok || ko "$2 lacks [$1]"; }
line_of() { grep -nF -- "$1" "$2" | head -1 | cut -d: -f1; }
before() {  # before A B FILE: A's line comes before B's
	a=$(line_of "$1" "$3"); b=$(line_of "$2" "$3")
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] && ok || ko "[$1] not before [$2]"
}

BORNE_ROOT=$tmp/root sh "$script" /dev/sdz1 --format --readonly-root --dry-run \
	>"$tmp/out" 2>&1 && ok || ko "dry run exited $?"
has "+ mkfs.ext4 -q -F -L borne-data /dev/sdz1" "$tmp/out"
has "UUID=UUID-OF-sdz1 /var/lib/borne ext4 defaults,noatime,data=journal,commit=5,nofail 0 2" \
	"$tmp/root/etc/fstab"
before "+ systemctl stop borne.service" "+ mount /dev/sdz1" "$tmp/out"
before "+ mount /dev/sdz1" "+ cp -a /var/lib/borne/." "$tmp/out"
before "+ cp -a /var/lib/borne/." "+ mount /var/lib/borne" "$tmp/out"
before "+ mount /var/lib/borne" "+ systemctl start borne.service" "$tmp/out"
before "+ systemctl start borne.service" "+ raspi-config nonint enable_overlayfs" "$tmp/out"
before "borne-admin --db /var/lib/borne/borne.db check" "+ raspi-config nonint enable_overlayfs" "$tmp/out"

# Again: the line is found, not added twice; no overlay without asking.
BORNE_ROOT=$tmp/root sh "$script" /dev/sdz1 --dry-run >"$tmp/out2" 2>&1 &&
	ok || ko "second run exited $?"
has "already mounts /var/lib/borne" "$tmp/out2"
[ "$(grep -c /var/lib/borne "$tmp/root/etc/fstab")" = 1 ] && ok || ko "fstab line written twice"
grep -q raspi-config "$tmp/out2" && ko "overlay without --readonly-root" || ok

# Something else on /var/lib/borne: refused, fstab untouched.
mkdir -p "$tmp/other/etc"
printf 'UUID=abcd /var/lib/borne ext4 defaults 0 2\n' >"$tmp/other/etc/fstab"
cp "$tmp/other/etc/fstab" "$tmp/fstab.before"
BORNE_ROOT=$tmp/other sh "$script" /dev/sdz1 --dry-run >"$tmp/out3" 2>&1
[ $? = 2 ] && ok || ko "another mount on the state folder not refused"
has "already mounts something else" "$tmp/out3"
cmp -s "$tmp/fstab.before" "$tmp/other/etc/fstab" && ok || ko "fstab changed on refusal"

# No device, an unknown option, a sandbox without --dry-run: refused.
sh "$script" >/dev/null 2>&1; [ $? = 2 ] && ok || ko "no device accepted"
sh "$script" /dev/sdz1 --colour --dry-run >/dev/null 2>&1; [ $? = 2 ] && ok || ko "unknown option accepted"
BORNE_ROOT=$tmp/x sh "$script" /dev/sdz1 >/dev/null 2>&1; [ $? = 2 ] && ok || ko "sandbox changed real disks"

printf '%d passed, %d failed\n' "$passes" "$fails"
[ "$fails" = 0 ]
