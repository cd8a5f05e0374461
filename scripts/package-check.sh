#!/usr/bin/env bash
# package-check.sh -- builds the Debian package and checks it as a
# facilitator's Pi would live with it (CI: .ci/run).
#   scripts/package-check.sh [--arch amd64|arm64] [BUILD_DIR]
# Both: dpkg-deb -I / -c (fields, dependencies from dpkg-shlibdeps, files
# and modes), lintian with no error, systemd-analyze verify and security
# ("OK" or better) on the packaged unit.
# amd64 also installs, upgrades, removes and purges it with apt in a
# Debian 12 chroot made by debootstrap (minbase plus the package's
# dependencies; systemd does not run there, the maintainer scripts only
# enable the units): files, the borne user and groups, 0700 state folder,
# enabled units, conffile kept on upgrade, database kept on remove and purge;
# the installed borne draws Accueil headless as the borne user.
# The chroot is cached as a tarball outside the repository:
# BORNE_CHROOT_CACHE (default /var/cache/borne-ci), one per dependency
# list, remade after 7 days; the first run downloads about 100 MB (4-5 min).
# Prints "N passed, N failed" last; exit 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

arch=amd64
dir=""
while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch=${2:?--arch amd64|arm64}; shift 2 ;;
	--arch=*) arch=${1#--arch=}; shift ;;
	-h|--help) sed -n '2,18p' "$0"; exit 0 ;;
	-*) echo "package-check.sh: unknown option $1" >&2; exit 1 ;;
	*) dir=$1; shift ;;
	esac
done
case "$arch" in
amd64) dir=${dir:-build-deb} ;;
arm64) dir=${dir:-build-arm64} ;;
*) echo "package-check.sh: --arch amd64 or arm64" >&2; exit 1 ;;
esac

need=()
command -v lintian >/dev/null || need+=(lintian)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v file >/dev/null || need+=(file)
if [ ${#need[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

n_pass=0
n_fail=0
ok() { n_pass=$((n_pass + 1)); echo "ok   $*"; }
bad() { n_fail=$((n_fail + 1)); echo "FAIL $*"; }
# check "what" command...: the command's status decides.
check() {
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi
}
finish() {
	echo "$n_pass passed, $n_fail failed"
	[ "$n_fail" -eq 0 ]
}

t0=$(date +%s)
deb=$(bash scripts/package.sh --arch "$arch" "$dir" | tail -n1)
version=$(dpkg-deb -f "$deb" Version)
work=$(cd "$dir" && pwd)/package-check
rm -rf "$work"
mkdir -p "$work"
echo "== $deb ($(stat -c %s "$deb") bytes, built in $(( $(date +%s) - t0 )) s)"

# --- The package as a file ---------------------------------------------
dpkg-deb -I "$deb" >"$work/info.txt"
dpkg-deb -c "$deb" >"$work/contents.txt"
dpkg-deb -f "$deb"
field() { dpkg-deb -f "$deb" "$1"; }
check "Architecture is $arch" test "$(field Architecture)" = "$arch"
deps=$(field Depends)
for lib in libc6 libsdl2-2.0-0 libsdl2-ttf-2.0-0 libpng16-16 \
           libsqlite3-0 libsodium23 libnfc6 libmicrohttpd12; do
	check "Depends on $lib (dpkg-shlibdeps)" grep -q "\\b$lib (>= " <<<"$deps"
done
for p in adduser systemd fonts-inter fonts-dejavu-core; do
	check "Depends on $p" grep -qw "$p" <<<"$deps"
done
check "conffiles lists /etc/borne/borne.conf" \
	sh -c "dpkg-deb --ctrl-tarfile '$deb' | tar -xO ./conffiles | grep -qx /etc/borne/borne.conf"
# mode owner path, as dpkg-deb -c prints them
want_file() {
	local mode=$1 path=$2
	check "$path $mode root/root" \
		grep -qE "^$mode root/root +[0-9]+ [0-9-]+ [0-9:]+ \\./${path#/}\$" "$work/contents.txt"
}
want_file -rwxr-xr-x /usr/bin/borne
want_file -rwxr-xr-x /usr/bin/borne-admin
want_file -rwxr-xr-x /usr/bin/borne-web
want_file -rw-r--r-- /lib/systemd/system/borne-web.service
want_file -rw-r--r-- /etc/borne/borne.conf
want_file -rw-r--r-- /lib/systemd/system/borne.service
want_file -rw-r--r-- /lib/udev/rules.d/60-borne-readers.rules
want_file -rw-r--r-- /lib/udev/rules.d/70-borne-usb-stick.rules
want_file -rwxr-xr-x /usr/libexec/borne/borne-usb-stick
want_file -rwxr-xr-x /usr/sbin/borne-data-disk
want_file -rw-r--r-- /usr/lib/tmpfiles.d/borne.conf
want_file -rw-r--r-- /usr/share/doc/borne/copyright
want_file -rw-r--r-- /usr/share/doc/borne/changelog.gz
for u in deploy/*.service deploy/*.timer; do
	[ -e "$u" ] && want_file -rw-r--r-- "/lib/systemd/system/$(basename "$u")"
done
check "no file writable by group or others" \
	sh -c "! grep -E '^.....w|^........w' '$work/contents.txt'"
mkdir -p "$work/tree"
dpkg-deb -x "$deb" "$work/tree"
want_elf=x86-64
[ "$arch" = arm64 ] && want_elf=aarch64
for b in borne borne-admin; do
	check "$b is an $want_elf executable, stripped" \
		sh -c "file -b '$work/tree/usr/bin/$b' | grep -q '$want_elf' &&
		       file -b '$work/tree/usr/bin/$b' | grep -q ', stripped'"
done

# --- lintian: no error --------------------------------------------------
lintian --tag-display-limit 0 --suppress-tags-from-file /dev/null \
	"$deb" >"$work/lintian.txt" 2>&1 || true
grep -v '^running with root' "$work/lintian.txt" || true
echo "lintian: $(grep -c '^E:' "$work/lintian.txt" || true) errors," \
     "$(grep -c '^W:' "$work/lintian.txt" || true) warnings"
check "lintian: no error" sh -c "! grep -q '^E:' '$work/lintian.txt'"

# --- The unit ------------------------------------------------------------
unit=$work/tree/lib/systemd/system/borne.service
check "unit runs /usr/bin/borne" grep -q '^ExecStart=/usr/bin/borne ' "$unit"
security=$(systemd-analyze security --offline=true "$unit" 2>&1 | tail -n1)
echo "systemd-analyze security: $security"
check "systemd-analyze security: OK or better" \
	systemd-analyze security --offline=true --threshold=49 "$unit"
# verify: the packaged unit, its ExecStart pointed at the packaged binary
# (the host's systemd supplies the targets it names).
sed "s|^ExecStart=/usr/bin/borne |ExecStart=$work/tree/usr/bin/borne |" \
	"$unit" >"$work/borne.service"
if systemd-analyze verify "$work/borne.service" >"$work/verify.txt" 2>&1; then
	ok "systemd-analyze verify"
else
	cat "$work/verify.txt"
	bad "systemd-analyze verify"
fi

if [ "$arch" != amd64 ]; then
	echo "(install, upgrade and purge are checked on amd64: same scripts)"
	finish
	exit $?
fi

# --- Install, upgrade, remove, purge in a Debian 12 chroot -----------------
next_version="${version}+check1"
deb2=$(bash scripts/package.sh --arch amd64 --version "$next_version" \
	--out "$work/next" "$dir" | tail -n1)
bash scripts/package.sh --arch amd64 "$dir" >/dev/null   # back to $version

cache=${BORNE_CHROOT_CACHE:-/var/cache/borne-ci}
mkdir -p "$cache"
key=$(printf '%s' "$deps" | sha256sum | cut -c1-12)
tarball=$cache/bookworm-amd64-$key.tar
find "$cache" -name 'bookworm-amd64-*.tar' -mtime +7 -delete
root=$work/root
cleanup() {
	if mountpoint -q "$root/proc" 2>/dev/null; then
		umount -l "$root/proc"
	fi
	return 0
}
trap cleanup EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
	DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }
if [ ! -f "$tarball" ]; then
	t=$(date +%s)
	# The mirror this machine's apt uses (a CI machine may have its own),
	# else Debian's.
	apt_mirror=$( { sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' \
			/etc/apt/sources.list.d/debian.sources 2>/dev/null
		sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\/debian\) bookworm .*/\2/p' \
			/etc/apt/sources.list 2>/dev/null; } | head -1 || true)
	mirror=${BORNE_DEBIAN_MIRROR:-${apt_mirror:-http://deb.debian.org/debian}}
	debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
		tail -20 "$work/debootstrap.log"
		bad "debootstrap"
		finish
		exit 1
	}
	printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s-security bookworm-security main\n' \
		"$mirror" "$mirror" "${mirror%/debian}/debian" >"$root/etc/apt/sources.list"
	cp /etc/resolv.conf "$root/etc/resolv.conf"
	mount -t proc proc "$root/proc"
	# The package's dependencies, from Depends itself: installing the
	# package later needs no network.
	{ in_root apt-get update -qq &&
	  in_root apt-get satisfy -y -qq --no-install-recommends "$deps" &&
	  in_root apt-get clean; } >"$work/deps.log" 2>&1 || {
		tail -20 "$work/deps.log"
		bad "chroot dependencies"
		finish
		exit 1
	}
	umount -l "$root/proc"
	tar -C "$root" --numeric-owner -cf "$tarball.tmp" .
	mv "$tarball.tmp" "$tarball"
	echo "chroot made in $(( $(date +%s) - t )) s, cached in $tarball"
	rm -rf "$root"
fi
mkdir -p "$root"
tar -C "$root" --numeric-owner -xpf "$tarball"
mount -t proc proc "$root/proc"
# No service starts in the chroot, whatever the scripts think.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cp "$deb" "$deb2" "$root/tmp/"
d1=/tmp/$(basename "$deb")
d2=/tmp/$(basename "$deb2")
# Names as the chroot knows them (its borne is not the host's uid).
mode_of() { in_root stat -c '%a %U:%G' "$1" 2>/dev/null || echo missing; }

echo "== install $version"
if in_root apt-get install -y --no-install-recommends "$d1" >"$work/install.log" 2>&1; then
	ok "apt-get install ./$(basename "$deb")"
else
	tail -20 "$work/install.log"
	bad "apt-get install ./$(basename "$deb")"
fi
check "installed version $version" \
	test "$(in_root dpkg-query -W -f '${Version}' borne)" = "$version"
check "borne-admin runs (libraries resolved)" in_root borne-admin --help
check "no library missing for borne" sh -c "! chroot '$root' ldd /usr/bin/borne | grep -q 'not found'"
check "/usr/bin/borne 755 root:root" test "$(mode_of /usr/bin/borne)" = "755 root:root"
check "/etc/borne/borne.conf 644 root:root" test "$(mode_of /etc/borne/borne.conf)" = "644 root:root"
check "user borne exists, system, no login shell" \
	sh -c "chroot '$root' getent passwd borne | awk -F: '\$3 < 1000 && \$7 ~ /nologin|false/ && \$6 == \"/var/lib/borne\"' | grep -q ."
groups=$(in_root id -nG borne || true)
echo "borne's groups: $groups"
for g in borne video input audio dialout plugdev i2c spi; do
	check "borne in group $g" grep -qw "$g" <<<"$groups"
done
check "/var/lib/borne 700 borne:borne" test "$(mode_of /var/lib/borne)" = "700 borne:borne"
check "borne.service enabled" \
	test -L "$root/etc/systemd/system/multi-user.target.wants/borne.service"
mapfile -t units < <(cd "$work/tree/lib/systemd/system" && ls)
# Every unit that says where it belongs (a backup timer...) is enabled too.
for u in "${units[@]}"; do
	wanted=$(sed -n 's/^WantedBy=//p' "$work/tree/lib/systemd/system/$u" | head -n1 | awk '{print $1}')
	[ -n "$wanted" ] || continue
	check "$u enabled ($wanted)" test -L "$root/etc/systemd/system/$wanted.wants/$u"
done
check "systemd-analyze verify in the chroot: ${units[*]}" \
	in_root systemd-analyze verify "${units[@]}"
# The installed kiosk draws Accueil as the borne user, with the fonts its
# Depends brought (not the build tree's): SDL's offscreen driver.
printf 'expect-screen accueil\nexpect-text "Approchez"\nscreenshot accueil\n' \
	>"$root/tmp/accueil.script"
mkdir -p "$root/tmp/shots"
chmod 1777 "$root/tmp/shots"
if in_root runuser -u borne -- env HOME=/tmp TZ=Europe/Paris borne --headless \
	--size 800x480 --script /tmp/accueil.script --screenshots /tmp/shots \
	--demo >"$work/headless.log" 2>&1 &&
   [ -s "$root/tmp/shots/accueil.png" ]; then
	ok "installed borne draws Accueil (headless, as borne)"
else
	tail -20 "$work/headless.log"
	bad "installed borne draws Accueil (headless, as borne)"
fi
# (Symbola, emoji only, is a Recommends: the chroot has Depends alone.)
check "no text or icon font missing" \
	sh -c "! grep -qi 'no font\\|icon font' '$work/headless.log'"
# The kiosk's data: a database made by the service user, a local edit.
in_root runuser -u borne -- borne-admin --db /var/lib/borne/borne.db \
	member add --name "Test Remove" --role cooperator >/dev/null 2>&1 || true
check "database made by the borne user" test -s "$root/var/lib/borne/borne.db"
db_sum=$(md5sum <"$root/var/lib/borne/borne.db" 2>/dev/null || echo none)
echo 'space_name = "Check: kept on upgrade"' >>"$root/etc/borne/borne.conf"
uid=$(in_root id -u borne || echo none)

echo "== upgrade to $next_version"
if in_root apt-get install -y --no-install-recommends \
	-o Dpkg::Options::=--force-confold "$d2" >"$work/upgrade.log" 2>&1; then
	ok "apt-get install ./$(basename "$deb2") (upgrade)"
else
	tail -20 "$work/upgrade.log"
	bad "upgrade"
fi
check "installed version $next_version" \
	test "$(in_root dpkg-query -W -f '${Version}' borne)" = "$next_version"
check "conffile edit kept on upgrade" grep -q '^space_name = "Check: kept on upgrade"' \
	"$root/etc/borne/borne.conf"
check "same borne user (uid $uid)" test "$(in_root id -u borne || true)" = "$uid"
check "database untouched by upgrade" \
	test "$(md5sum <"$root/var/lib/borne/borne.db" 2>/dev/null || echo gone)" = "$db_sum"
check "/var/lib/borne still 700 borne:borne" test "$(mode_of /var/lib/borne)" = "700 borne:borne"
check "borne.service still enabled" \
	test -L "$root/etc/systemd/system/multi-user.target.wants/borne.service"

echo "== remove"
if in_root apt-get remove -y borne >"$work/remove.log" 2>&1; then
	ok "apt-get remove borne"
else
	tail -20 "$work/remove.log"
	bad "apt-get remove borne"
fi
check "/usr/bin/borne gone" test ! -e "$root/usr/bin/borne"
check "unit gone" test ! -e "$root/lib/systemd/system/borne.service"
check "database kept on remove" test -s "$root/var/lib/borne/borne.db"
check "configuration kept on remove" test -f "$root/etc/borne/borne.conf"
check "state rc (config files left)" \
	test "$(in_root dpkg-query -W -f '${db:Status-Abbrev}' borne | tr -d ' ')" = rc

echo "== purge"
if in_root apt-get purge -y borne >"$work/purge.log" 2>&1; then
	ok "apt-get purge borne"
else
	tail -20 "$work/purge.log"
	bad "apt-get purge borne"
fi
grep '^borne:' "$work/purge.log" || true
check "purge says /var/lib/borne is kept" grep -q '/var/lib/borne is kept' "$work/purge.log"
check "configuration gone on purge" test ! -e "$root/etc/borne"
check "database kept on purge" test -s "$root/var/lib/borne/borne.db"
check "no enable link left" \
	test ! -e "$root/etc/systemd/system/multi-user.target.wants/borne.service"
check "package forgotten" sh -c "! chroot '$root' dpkg-query -W borne"

echo "== install again over the kept data"
if in_root apt-get install -y --no-install-recommends "$d2" >"$work/reinstall.log" 2>&1; then
	ok "install after purge"
else
	tail -20 "$work/reinstall.log"
	bad "install after purge"
fi
check "database still there" \
	test "$(md5sum <"$root/var/lib/borne/borne.db" 2>/dev/null || echo gone)" = "$db_sum"
check "fresh conffile" sh -c "! grep -q 'Check: kept' '$root/etc/borne/borne.conf'"
check "borne.service enabled again" \
	test -L "$root/etc/systemd/system/multi-user.target.wants/borne.service"

cleanup
rm -rf "$root"
echo "package-check: $(( $(date +%s) - t0 )) s"
finish
