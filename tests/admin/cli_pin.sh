#!/usr/bin/env bash
# cli_pin.sh -- borne-admin member pin ID: the PIN comes from stdin (or
# the terminal), never the command line; it is hashed with the kiosk's
# key (pin.key next to the database, made at first need, 0600), and the
# kiosk itself then opens with it.
. "$(dirname "$0")/lib.sh"

KEY=$TMP/pin.key
expect_exit 0 adm member add --name "Fatou Diallo" --role facilitator --badge 04C0FFEE
expect_exit 0 adm member add --name "Inès Martin" --role cooperator
expect_exit 0 adm member add --name "Yasmine T." --role admin

# ---- Grammar: no PIN on the command line -------------------------------
expect_exit 1 adm member pin
expect_exit 1 adm member pin 1 246810
expect_err "unexpected \"246810\""
expect_exit 1 adm member pin abc
expect_exit 1 adm member add --name X --role admin --pin 1234
expect_err "unexpected \"1234\""
expect_exit 0 adm --help
expect_out "member pin ID"

# ---- Setting, changing --------------------------------------------------
expect_eq "$(test -e "$KEY" && echo yes || echo no)" no "no key before a PIN"
expect_exit 0 adm_in 246810 member pin 1
expect_out "PIN set for member 1"
expect_eq "$(stat -c %a "$KEY")" 600 "key file mode"
expect_eq "$(stat -c %s "$KEY")" 32 "key file size"
hash=$(sqlite3 "$DB" "SELECT pin_hash FROM members WHERE id = 1")
case "$hash" in '$borne-k1$'*) pass ;; *) fail "hash not keyed: $hash" ;; esac
case "$hash" in *246810*) fail "PIN in clear: $hash" ;; *) pass ;; esac
expect_exit 0 adm member show 1
expect_out "pin:       set"
expect_exit 0 adm_in 13579 member pin 1
expect_out "PIN changed for member 1"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'member.pin' AND target_id = 1")" 2 "audited"
printf '97531\r\n' | "$ADMIN" --db "$DB" member pin 3 >/dev/null 2>&1
expect_eq "$?" 0 "a CRLF line is one PIN"

# ---- Refusals ------------------------------------------------------------
sum=$(db_sum)
expect_exit 2 adm_in 123 member pin 1
expect_err "4 to 8 digits"
expect_exit 2 adm_in 123456789 member pin 1
expect_exit 2 adm_in 12ab56 member pin 1
expect_exit 2 adm_in 1234 member pin 2
expect_err "only facilitators and admins have a PIN"
expect_exit 2 adm_in 1234 member pin 99
expect_err "no member 99"
expect_exit 2 adm member pin 1 </dev/null
expect_err "no PIN on stdin"
expect_unchanged "$sum"

# ---- The key file ------------------------------------------------------------
chmod 644 "$KEY"
expect_exit 2 adm_in 1234 member pin 1
expect_err "chmod 600"
chmod 600 "$KEY"
mv "$KEY" "$TMP/pin.key.saved"
expect_exit 2 adm_in 1234 member pin 1
expect_err "is missing"
expect_eq "$(test -e "$KEY" && echo yes || echo no)" no "no new key over PINs"
BORNE_PIN_KEY_FILE=$TMP/elsewhere.key expect_exit 2 adm_in 1234 member pin 1
expect_err "elsewhere.key is missing"
mv "$TMP/pin.key.saved" "$KEY"
BORNE_PIN_KEY_FILE=$KEY expect_exit 0 adm_in 13579 member pin 1
expect_unchanged "$(db_sum)"

# ---- On a terminal: asked twice, never echoed ----------------------------
# (script(1) gives borne-admin a terminal; the lines are typed a moment
# after the prompt, as a person would.)
if command -v script >/dev/null 2>&1; then
	tty_out=$( (sleep 2; printf '864200\n'; sleep 1; printf '864201\n') |
	          script -qec "'$ADMIN' --db '$DB' member pin 3" /dev/null)
	case "$tty_out" in *"the two PINs differ"*) pass ;;
	*) fail "mismatch on a terminal: $tty_out" ;; esac
	tty_out=$( (sleep 2; printf '864200\n'; sleep 1; printf '864200\n') |
	          script -qec "'$ADMIN' --db '$DB' member pin 3" /dev/null)
	case "$tty_out" in *"New PIN for Yasmine T."*"The same PIN again"*"PIN changed for member 3"*) pass ;;
	*) fail "PIN on a terminal: $tty_out" ;; esac
	case "$tty_out" in *864200*) fail "the PIN was echoed: $tty_out" ;; *) pass ;; esac
fi

# ---- The kiosk opens with a PIN set here ---------------------------------
# The kiosk: the second argument (tests/admin.cmake gives the emulated
# one in the arm64 build), else beside borne-admin's build folder.
BORNE=${2:-$(dirname "$ADMIN")/../ui/borne}
if [ -x "$BORNE" ]; then
	cat >"$TMP/pin.script" <<'SCRIPT'
badge 04C0FFEE
badge-remove
tap-text "Mes missions"
tap-text "Espace animation"
expect-screen pin
tap-text "1"
tap-text "3"
tap-text "5"
tap-text "7"
tap-text "9"
tap-text "OK"
expect-screen facilitator
SCRIPT
	run "$BORNE" --headless --size 800x480 --db "$DB" --now 2026-12-10T10:42 \
	    --script "$TMP/pin.script"
	expect_eq "$RC" 0 "kiosk opens with the PIN: $ERR"
	expect_err "PIN key from $KEY"
	# The key file lost: the kiosk says so, makes no new key, and runs;
	# the PIN pad does not open facilitator mode and counts no try.
	mv "$KEY" "$TMP/pin.key.saved"
	sed -i 's/^expect-screen facilitator$/expect-screen pin/' "$TMP/pin.script"
	run "$BORNE" --headless --size 800x480 --db "$DB" --now 2026-12-10T10:42 \
	    --script "$TMP/pin.script"
	expect_eq "$RC" 0 "kiosk without its key: $ERR"
	expect_err "is missing, and 2 PINs were hashed with it"
	expect_eq "$(test -e "$KEY" && echo yes || echo no)" no "kiosk made no new key"
	expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'pin.fail'")" 0 "no try counted"
	mv "$TMP/pin.key.saved" "$KEY"
else
	fail "no borne next to borne-admin: $BORNE"
fi

finish
