#!/usr/bin/env bash
# fuzz.sh -- builds the libFuzzer targets of tests/fuzz/ with clang (ASan +
# UBSan, in build-fuzz/) and runs each for a bounded time on a scratch copy
# of its seed corpus (tests/fuzz/corpus/<name>/, never written to). Prints
# per target the executions and executions per second, and exits non-zero
# on any crash, leak, timeout or memory blow-up, naming the input that
# caused it (kept in build-fuzz/artifacts/<name>/).
#   scripts/fuzz.sh [SECONDS_PER_TARGET]        default 30
#   FUZZ_TARGETS="uid config" scripts/fuzz.sh   only these targets
# Reproduce a finding: build-fuzz/tests/fuzz/fuzz_<name> <crash file>.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
case "$secs" in ''|*[!0-9]*) echo "usage: $0 [SECONDS_PER_TARGET]" >&2; exit 2;; esac

bash scripts/deps.sh
# clang and its runtimes (libFuzzer, ASan, UBSan): only fuzzing needs them.
pkgs=(clang-14 libclang-rt-14-dev)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "Installing: ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
cc=clang
command -v "$cc" >/dev/null || cc=clang-14

build=build-fuzz
ccflag=()                 # the compiler is chosen once: changing it resets the cache
[ -f "$build/CMakeCache.txt" ] || ccflag=(-DCMAKE_C_COMPILER="$cc")
cmake -S . -B "$build" "${ccflag[@]}" -DBORNE_FUZZ=ON \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzz

export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export BORNE_PIN_HASH_FAST=1 TZ=Europe/Paris
work="$build/fuzz-work"
failed=()
printf '\n%-10s %12s %10s  %s\n' target executions exec/s result
for exe in "$build"/tests/fuzz/fuzz_*; do
	[ -f "$exe" ] && [ -x "$exe" ] || continue
	name=${exe##*/fuzz_}
	if [ -n "${FUZZ_TARGETS:-}" ] && ! [[ " $FUZZ_TARGETS " == *" $name "* ]]; then
		continue
	fi
	corpus="$work/$name"
	art="$build/artifacts/$name"
	log="$work/$name.log"
	rm -rf "$corpus" "$art"
	mkdir -p "$corpus" "$art"
	if [ -d "tests/fuzz/corpus/$name" ]; then
		cp -r "tests/fuzz/corpus/$name/." "$corpus/"
	fi
	rc=0
	(cd "$work" && TMPDIR="$(pwd)" "../tests/fuzz/fuzz_$name" \
		-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="../artifacts/$name/" \
		"$name") >"$log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	if [ "$rc" -eq 0 ]; then
		result=ok
	else
		result="FAILED (status $rc)"
		failed+=("$name")
	fi
	printf '%-10s %12s %10s  %s\n' "$name" "${execs:-?}" "${speed:-?}" "$result"
	if [ "$rc" -ne 0 ]; then
		grep -E "ERROR:|runtime error:|SUMMARY:|Test unit written to|Slowest unit|ALARM|out-of-memory" "$log" \
			| sed 's/^/    /' | head -20 || true
		for f in "$art"/*; do
			[ -f "$f" ] && echo "    input: $(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
		done
		echo "    log: $log"
	fi
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz: findings in: ${failed[*]}" >&2
	exit 1
fi
echo "fuzz: every target ran ${secs} s without a finding"
