#!/bin/sh
# script_hostile.sh -- hostile --script files: every one must be read or
# refused with the line named, never crash, never run a hidden command.
# A NUL byte, a line longer than the buffer (its tail must not come back
# as a line of its own), a 1 MB line, no newline at end of file, invalid
# UTF-8, the longest line allowed, words at the buffer's size.
#   script_hostile.sh BORNE WORKDIR
set -u
borne=$1
dir=$2
rm -rf "$dir"
mkdir -p "$dir"
fails=0

# run NAME WANT_RC [GREP]: runs $dir/NAME.script; the status must be
# WANT_RC and, if given, GREP must be in the output.
run() {
	out=$("$borne" --headless --size 800x480 --demo --now 2026-12-10T10:42 \
	      --script "$dir/$1.script" 2>&1)
	rc=$?
	if [ "$rc" -ne "$2" ]; then
		printf '%s: status %d, wanted %d\n%s\n' "$1" "$rc" "$2" \
			"$(printf '%s' "$out" | tail -5 | cut -c1-200)"
		fails=$((fails + 1))
	elif [ -n "${3:-}" ] && ! printf '%s' "$out" | grep -aqF -- "$3"; then
		printf '%s: "%s" not in the output\n%s\n' "$1" "$3" \
			"$(printf '%s' "$out" | tail -5 | cut -c1-200)"
		fails=$((fails + 1))
	else
		echo "$1: ok (status $rc)"
	fi
}
# rep N STRING: STRING N times.
rep() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# A NUL byte hides the rest of its line: refused, not half-read.
printf 'expect-screen accueil\000expect-screen board\n' >"$dir/nul.script"
run nul 1 "nul.script:1:"
printf '# a comment\000\nexpect-screen accueil\n' >"$dir/nul_comment.script"
run nul_comment 1 "nul_comment.script:1:"
# A NUL inside a line longer than the buffer: its tail is no new line.
{ printf '# x\000'; rep 1100 x; printf ' expect-screen board\n'; } \
	>"$dir/nul_long.script"
run nul_long 1 "nul_long.script:1:"
# Too long: refused at line 2, whatever comes after.
{ printf 'expect-screen accueil\n'; rep 1500 a; printf '\nexpect-screen accueil\n'; } \
	>"$dir/long.script"
run long 1 "long.script:2:"
{ printf 'type "'; rep 1048576 a; printf '"\n'; } >"$dir/mega.script"
run mega 1 "mega.script:1:"
{ printf '# '; rep 1048576 a; } >"$dir/mega_noeol.script"
run mega_noeol 1 "mega_noeol.script:1:"
# No newline at the end: the last line still runs, and may fail.
printf 'expect-screen accueil\nexpect-screen board' >"$dir/noeol.script"
run noeol 1 "noeol.script:2: expect-screen board"
printf 'expect-screen accueil' >"$dir/noeol_ok.script"
run noeol_ok 0
# The longest line allowed, with and without its newline; CRLF too.
{ printf 'expect-no-text "'; rep 1005 z; printf '"\n'; } >"$dir/max.script"
run max 0
{ printf 'expect-no-text "'; rep 1005 z; printf '"'; } >"$dir/max_noeol.script"
run max_noeol 0
printf 'expect-screen accueil\r\nbadge-remove\r\n' >"$dir/crlf.script"
run crlf 0
# Invalid UTF-8 and long characters to type: refused or typed whole.
printf 'type "\303\200\200\200\200\200\200\200\200\200"\n' >"$dir/utf8_bad.script"
run utf8_bad 1 "utf8_bad.script:1:"
printf 'type "\360\237\230\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200"\n' \
	>"$dir/utf8_cont.script"
run utf8_cont 1 "utf8_cont.script:1:"
{ printf 'type "'; rep 250 "$(printf '\360\237\230\200')"; printf '"\n'; } \
	>"$dir/emoji.script"
run emoji 0
# Words at every size around the buffers.
for cmd in tap-text key expect-screen reader-lost badge; do
	{ printf '%s "' "$cmd"; rep 1009 w; printf '"\n'; } >"$dir/word_$cmd.script"
	run "word_$cmd" 1 "word_$cmd.script:1:"
done
[ "$fails" -eq 0 ] && echo "script_hostile: all passed"
exit "$fails"
