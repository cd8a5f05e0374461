# lib.sh -- what the borne-admin end-to-end tests share. Sourced by
# cli_*.sh, which get the path of borne-admin as their first argument.
# Each script works in its own temporary folder, removed on exit, and
# ends with the line "N passed, N failed" (exit 1 when any failed).
set -u

ADMIN=${1:?usage: $0 PATH/TO/borne-admin}
export TZ=${TZ:-Europe/Paris}
export BORNE_PIN_HASH_FAST=1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/borne-admin-test.XXXXXX")
DB=$TMP/borne.db
n_pass=0
n_fail=0
OUT=""
ERR=""
RC=0
CLEANUP_EXTRA=""

cleanup() {
	[ -n "$CLEANUP_EXTRA" ] && eval "$CLEANUP_EXTRA"
	rm -rf "$TMP"
}
trap cleanup EXIT

pass() { n_pass=$((n_pass + 1)); }
fail() {
	n_fail=$((n_fail + 1))
	echo "FAIL ${BASH_SOURCE[2]##*/}:${BASH_LINENO[1]}: $*" >&2
}

# run CMD...: runs it, keeps stdout in OUT, stderr in ERR, status in RC.
run() {
	OUT=$("$@" 2>"$TMP/.stderr")
	RC=$?
	ERR=$(cat "$TMP/.stderr")
}
# adm ARGS...: borne-admin on the test database.
adm() { "$ADMIN" --db "$DB" "$@"; }

# expect_exit CODE CMD...: runs CMD and checks its exit status; a failure
# (CODE != 0) must also say why in exactly one line on stderr.
expect_exit() {
	local code=$1
	shift
	run "$@"
	if [ "$RC" != "$code" ]; then
		fail "exit $RC, expected $code: $* | stdout: $OUT | stderr: $ERR"
		return 1
	fi
	if [ "$code" != 0 ]; then
		local lines
		lines=$(printf '%s\n' "$ERR" | grep -c .)
		if [ "$lines" != 1 ]; then
			fail "expected one line on stderr, got $lines: $ERR"
			return 1
		fi
	fi
	pass
}
# expect_out TEXT: stdout of the last run contains TEXT.
expect_out() {
	case "$OUT" in
	*"$1"*) pass ;;
	*) fail "stdout lacks [$1]: $OUT" ;;
	esac
}
expect_no_out() {
	case "$OUT" in
	*"$1"*) fail "stdout has [$1]: $OUT" ;;
	*) pass ;;
	esac
}
# expect_err TEXT: stderr of the last run contains TEXT.
expect_err() {
	case "$ERR" in
	*"$1"*) pass ;;
	*) fail "stderr lacks [$1]: $ERR" ;;
	esac
}
# expect_eq GOT WANT [what]
expect_eq() {
	if [ "$1" = "$2" ]; then pass; else fail "${3:-value}: got [$1], want [$2]"; fi
}
# expect_line TEXT: one line of stdout (CR removed) is exactly TEXT.
expect_line() {
	if printf '%s\n' "$OUT" | tr -d '\r' | grep -qxF -- "$1"; then
		pass
	else
		fail "no line [$1] in: $OUT"
	fi
}
# A fingerprint of the whole database content.
db_sum() { sqlite3 "${1:-$DB}" .dump | md5sum | cut -d' ' -f1; }
# expect_unchanged SUM: the database still has that fingerprint.
expect_unchanged() { expect_eq "$(db_sum)" "$1" "database fingerprint"; }

finish() {
	echo "$n_pass passed, $n_fail failed"
	[ "$n_fail" -eq 0 ]
}
# adm_in LINE ARGS...: borne-admin on the test database, LINE on stdin
# (how a script gives a PIN: never on the command line).
adm_in() {
	local line=$1
	shift
	printf '%s\n' "$line" | "$ADMIN" --db "$DB" "$@"
}
