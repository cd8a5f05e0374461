#!/usr/bin/env bash
# package.sh -- builds the Debian package borne_VERSION_ARCH.deb from a build
# tree (cmake/package.cmake: CPack, dependencies from dpkg-shlibdeps).
#   scripts/package.sh [--arch amd64|arm64] [--version V] [--out DIR] [BUILD_DIR]
# amd64 (default): its own tree build-deb/, configured with Debian's
#   hardening flags (dpkg-buildflags), tests not built.
# arm64: the cross build tree build-arm64/ (cmake/aarch64-linux-gnu.cmake,
#   scripts that make it: see README), only reconfigured for the installed
#   layout (/usr, assets in /usr/share/borne) and packaged.
# --version V  the package's version (default: project() in CMakeLists.txt;
#   package-check.sh builds a higher one to test upgrades).
# --out DIR    where the .deb goes (default: BUILD_DIR). Prints its path last.
set -euo pipefail
cd "$(dirname "$0")/.."

arch=amd64
version=""
out=""
dir=""
while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch=${2:?--arch amd64|arm64}; shift 2 ;;
	--arch=*) arch=${1#--arch=}; shift ;;
	--version) version=${2:?--version V}; shift 2 ;;
	--version=*) version=${1#--version=}; shift ;;
	--out) out=${2:?--out DIR}; shift 2 ;;
	--out=*) out=${1#--out=}; shift ;;
	-h|--help) sed -n '2,13p' "$0"; exit 0 ;;
	-*) echo "package.sh: unknown option $1" >&2; exit 1 ;;
	*) dir=$1; shift ;;
	esac
done

flags=(-DCMAKE_INSTALL_PREFIX=/usr -DBORNE_ASSETS_DIR=/usr/share/borne)
[ -n "$version" ] && flags+=("-DBORNE_DEB_VERSION=$version")
# Without --version the package takes project()'s again, even in a tree a
# --version run left behind.
[ -n "$version" ] || flags+=(-UBORNE_DEB_VERSION)
env=()
case "$arch" in
amd64)
	dir=${dir:-build-deb}
	if [ ! -f "$dir/CMakeCache.txt" ]; then
		# Debian's hardening: fortify, stack protector, relro, bindnow.
		export DEB_BUILD_MAINT_OPTIONS=hardening=+all
		flags+=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
		        "-DCMAKE_C_FLAGS=$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CFLAGS)"
		        "-DCMAKE_EXE_LINKER_FLAGS=$(dpkg-buildflags --get LDFLAGS)")
	fi
	;;
arm64)
	dir=${dir:-build-arm64}
	if [ ! -f "$dir/CMakeCache.txt" ]; then
		echo "package.sh: $dir is not a configured arm64 build tree" \
		     "(make it first with cmake/aarch64-linux-gnu.cmake)" >&2
		exit 1
	fi
	# dpkg-shlibdeps looks for arm64 libraries (Debian's :arm64 packages,
	# multiarch) and reads the binaries with aarch64-linux-gnu-objdump.
	env=(DEB_HOST_ARCH=arm64)
	;;
*)
	echo "package.sh: --arch amd64 or arm64, not $arch" >&2
	exit 1
	;;
esac

cmake -S . -B "$dir" "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)" --target borne borne-admin borne_conf borne_changelog
got=$(grep -E '^set\(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ' "$dir/CPackConfig.cmake" |
      sed -E 's/.*"(.*)".*/\1/' || true)
if [ "$got" != "$arch" ]; then
	echo "package.sh: $dir builds for '${got:-?}', not $arch" >&2
	exit 1
fi
out=${out:-$dir}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# CPack installs the whole project: the tests' targets are not needed (not
# built: BUILD_TESTING=OFF, or already built in a test tree).
(cd "$dir" && env "${env[@]}" cpack -G DEB -B "$out/_cpack" >"$out/_cpack.log" 2>&1) || {
	cat "$out/_cpack.log" >&2
	exit 1
}
deb=$(ls "$out/_cpack"/borne_*_"$arch".deb)
mv -f "$deb" "$out/"
rm -rf "$out/_cpack"
echo "$out/$(basename "$deb")"
