#!/usr/bin/env bash
# cross.sh -- builds borne for arm64 (the Raspberry Pi's architecture) on
# an amd64 Debian 12 machine, in build-arm64/, with gcc-aarch64-linux-gnu,
# Debian's :arm64 libraries (multiarch) and cmake/aarch64-linux-gnu.cmake,
# then runs the whole test suite under qemu-aarch64 (user-mode emulation:
# no binfmt_misc needed, ctest and the test scripts call the emulator).
# Idempotent: what is installed is not installed again. Needs root (or
# sudo) the first time, to add the arm64 architecture and its packages.
#   scripts/cross.sh            build and test
#   scripts/cross.sh --build    build only (no tests)
# Extra ctest arguments: CROSS_CTEST_ARGS="-R ui_ -j2" scripts/cross.sh
set -euo pipefail
cd "$(dirname "$0")/.."

only_build=0
case "${1:-}" in
'') ;;
--build) only_build=1 ;;
*) echo "usage: $0 [--build]" >&2; exit 2 ;;
esac

# The native dependencies: the fonts the tests draw with, libnfc's headers
# (libnfc-dev:arm64 cannot sit beside libnfc-dev:amd64; the headers are the
# same) and the sqlite3 tool the admin tests read the database with.
bash scripts/deps.sh

# What the cross build links: every pkg-config module of CMakeLists.txt,
# for arm64. pkgconf:arm64 (pulled by the -dev packages) gives
# aarch64-linux-gnu-pkg-config, which reads the arm64 .pc files only.
pkgs=(gcc-aarch64-linux-gnu qemu-user-static file
      libc6:arm64 libsqlite3-dev:arm64 libsodium-dev:arm64
      libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libpng-dev:arm64
      libnfc6:arm64 pkgconf:arm64
      libcairo2-dev:arm64        # borne-web's report PDF
      libmicrohttpd-dev:arm64      # borne-web
      libpq5:arm64)                # borne-admin sync (libpq-dev's headers)

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if ! dpkg --print-foreign-architectures | grep -qx arm64; then
		echo "Adding the arm64 architecture (dpkg --add-architecture arm64)"
		$sudo dpkg --add-architecture arm64
	fi
	echo "Installing: ${missing[*]}"
	$sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}"
fi

build="build-arm64"
tcflag=()                 # read once, when the build tree is made
[ -f "$build/CMakeCache.txt" ] ||
	tcflag=(-DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/aarch64-linux-gnu.cmake")
cmake -S . -B "$build" "${tcflag[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)"

# What goes on a Pi: the architecture, and the sizes as built (with debug
# information: RelWithDebInfo) and stripped.
for prog in "$build/ui/borne" "$build/admin/borne-admin"; do
	file -b "$prog" | sed "s|^|$prog: |"
	aarch64-linux-gnu-strip -o "$prog.stripped" "$prog"
	printf '%s: %s bytes, %s stripped\n' "$prog" "$(stat -c %s "$prog")" \
		"$(stat -c %s "$prog.stripped")"
	rm -f "$prog.stripped"
done
[ $only_build -eq 1 ] && exit 0

start=$(date +%s)
status=0
# shellcheck disable=SC2086  # CROSS_CTEST_ARGS is a list of words
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" \
	${CROSS_CTEST_ARGS:-} || status=$?
echo "cross.sh: the arm64 suite took $(( $(date +%s) - start )) s under qemu-aarch64"
exit $status
