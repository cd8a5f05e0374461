#!/usr/bin/env bash
# test.sh -- installs the dependencies, builds and runs every test.
#   scripts/test.sh             normal build in build/
#   scripts/test.sh --sanitize  AddressSanitizer + UBSan build in build-asan/
#   scripts/test.sh --tsan      ThreadSanitizer build in build-tsan/ of the
#                               reader-thread tests only (ctest label reader)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh

dir=build
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${1:-}" = "--sanitize" ]; then
	dir=build-asan
	flags=(-DCMAKE_BUILD_TYPE=Debug -DBORNE_SANITIZE=ON)
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
if [ "${1:-}" = "--tsan" ]; then
	# Only what runs a reader thread: the UI and the rest add nothing here
	# and cost minutes to build. TSAN_OPTIONS come from tests/drivers.cmake.
	cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DBORNE_TSAN=ON >/dev/null
	cmake --build build-tsan -j"$(nproc)" --target test_reader_thread \
		test_reader_hiccup test_reader_libnfc test_reader_sim test_reader_wedge \
		test_reader_wedge_uinput
	# setarch -R: TSan maps its shadow at fixed places, which the kernel's
	# widest address randomisation (vm.mmap_rnd_bits > 28) can collide with.
	setarch "$(uname -m)" -R ctest --test-dir build-tsan --output-on-failure \
		-j"$(nproc)" -L reader
	exit 0
fi
cmake -S . -B "$dir" "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
