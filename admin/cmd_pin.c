/* cmd_pin.c -- borne-admin member pin ID, and how borne-admin reads a PIN
** and finds the kiosk's PIN key.
** A PIN never comes from the command line (it would stay in the shell's
** history and show in `ps`). On a terminal it is asked on /dev/tty with
** the echo off, twice; when stdin is not a terminal (a script, a test)
** one line is read from stdin, asked once. The key is the kiosk's
** (pinkey.h): the board's OTP key, else the key file, BORNE_PIN_KEY_FILE
** when set, else pin.key next to the database (made when missing and no
** PIN needs a lost one). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "admin.h"
#include "member.h"
#include "pinkey.h"

#define PIN_LINE_MAX 64

static int  read_line_fd(int fd, char *out, size_t outlen);
static int  ask_tty(const char *prompt, char *out, size_t outlen);
static void wipe(char *s, size_t n);

static void
wipe(char *s, size_t n)
{
	volatile char *p = s;

	while (n-- > 0)
		*p++ = '\0';
}

/* One line from fd, without its end (\n, \r\n). 1 read, 0 end of file
** with nothing, -1 error or too long. */
static int
read_line_fd(int fd, char *out, size_t outlen)
{
	size_t n = 0;
	char c;
	ssize_t r;

	out[0] = '\0';
	while ((r = read(fd, &c, 1)) == 1 && c != '\n') {
		if (n + 1 >= outlen)
			return -1;
		out[n++] = c;
	}
	if (r < 0)
		return -1;
	if (n > 0 && out[n - 1] == '\r')
		n--;
	out[n] = '\0';
	return r == 0 && n == 0 ? 0 : 1;
}

/* Asks on the terminal, echo off. BORNE_OK or BORNE_EIO. */
static int
ask_tty(const char *prompt, char *out, size_t outlen)
{
	struct termios old, quiet;
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC), rc = BORNE_OK, got;

	if (fd < 0)
		return BORNE_EIO;
	if (tcgetattr(fd, &old) != 0) {
		close(fd);
		return BORNE_EIO;
	}
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	quiet.c_lflag |= ICANON;
	if (write(fd, prompt, strlen(prompt)) < 0 ||
	    tcsetattr(fd, TCSANOW, &quiet) != 0)
		rc = BORNE_EIO;
	if (rc == BORNE_OK) {
		got = read_line_fd(fd, out, outlen);
		if (got <= 0)
			rc = BORNE_EIO;
	}
	(void)tcsetattr(fd, TCSANOW, &old);
	{
		ssize_t w = write(fd, "\n", 1);    /* the Enter the echo ate */

		(void)w;
	}
	close(fd);
	return rc;
}

int
admin_read_pin(Admin *a, const char *who, char *out, size_t outlen)
{
	char prompt[200], again[PIN_LINE_MAX];
	int rc = ADMIN_GO;

	(void)a;
	out[0] = '\0';
	if (!isatty(STDIN_FILENO)) {
		int got = read_line_fd(STDIN_FILENO, out, outlen);

		if (got <= 0) {
			wipe(out, outlen);
			return admin_refuse("no PIN on stdin (one line of 4 to 8 digits "
			                    "expected)");
		}
		return ADMIN_GO;
	}
	snprintf(prompt, sizeof prompt, "New PIN for %s (%d to %d digits, %d "
	         "advised): ", who, MEMBER_PIN_MIN_DIGITS, MEMBER_PIN_MAX_DIGITS,
	         MEMBER_PIN_DEFAULT_DIGITS);
	if (ask_tty(prompt, out, outlen) != BORNE_OK ||
	    ask_tty("The same PIN again: ", again, sizeof again) != BORNE_OK) {
		rc = admin_refuse("could not read the PIN from the terminal");
	} else if (strcmp(out, again) != 0) {
		rc = admin_refuse("the two PINs differ: nothing changed");
	}
	wipe(again, sizeof again);
	if (rc != ADMIN_GO)
		wipe(out, outlen);
	return rc;
}

int
admin_pin_key(Admin *a)
{
	PinKeyOptions o;
	char file[600], msg[600];
	const char *env = getenv("BORNE_PIN_KEY_FILE");

	if (pinkey_source() != PINKEY_NONE)
		return ADMIN_GO;
	memset(&o, 0, sizeof o);
	if (env != NULL && *env != '\0')
		snprintf(file, sizeof file, "%s", env);
	else
		pinkey_default_file(a->db_path, file, sizeof file);
	o.key_file = file;
	o.create = 1;
	if (pinkey_load(a->st, &o, msg, sizeof msg) != BORNE_OK)
		return admin_refuse("%s", msg);
	return ADMIN_GO;
}

int
cmd_member_pin(Admin *a, int argc, char **argv)
{
	char *pos[1], pin[PIN_LINE_MAX];
	Member m;
	int64_t id;
	int n, rc;

	if ((rc = admin_args(a, argc, argv, NULL, pos, 1, 1, &n)) != ADMIN_GO)
		return rc;
	if ((rc = admin_parse_id(a, pos[0], "ID", &id)) != ADMIN_GO)
		return rc;
	if ((rc = admin_open(a)) != ADMIN_GO)
		return rc;
	if ((rc = member_get(a->st, id, &m)) != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	if (!member_is_staff(&m))
		return admin_refuse("member %lld is a %s: only facilitators and "
		                    "admins have a PIN", (long long)id,
		                    member_role_name(m.role));
	if (m.forgotten || !m.active)
		return admin_refuse("member %lld is %s: no PIN", (long long)id,
		                    m.forgotten ? "forgotten" : "deactivated");
	if ((rc = admin_pin_key(a)) != ADMIN_GO)
		return rc;
	if ((rc = admin_read_pin(a, m.name, pin, sizeof pin)) != ADMIN_GO)
		return rc;
	rc = member_set_pin(a->st, id, pin, 0, a->now_utc);
	wipe(pin, sizeof pin);
	if (rc != BORNE_OK)
		return admin_store_error(a, rc, NULL);
	printf("PIN %s for member %lld\n", m.has_pin ? "changed" : "set",
	       (long long)id);
	return ADMIN_EXIT_OK;
}
