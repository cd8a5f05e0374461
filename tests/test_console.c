/* test_console.c -- the kiosk's console held shut (ui/console.c), on a
** pty: with ISIG off a Ctrl-C typed on the terminal is a byte of input,
** not a SIGINT, and releasing gives the terminal back as it was. A pty
** is not a VT: VT_LOCKSWITCH is not tried there, and the note says so
** (the VT path runs on the device itself, see README "Nothing to a
** shell"). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "check.h"
#include "console.h"

static int isig_on(int fd);

/* 1 when fd's terminal turns Ctrl-C into SIGINT, 0 when not, -1 error. */
static int
isig_on(int fd)
{
	struct termios t;

	if (tcgetattr(fd, &t) != 0)
		return -1;
	return (t.c_lflag & ISIG) != 0;
}

int
main(void)
{
	Console c;
	char buf[16];
	struct pollfd p;
	int master, slave, pipefd[2];
	ssize_t n;

	/* Not a terminal: nothing held, nothing to give back. */
	CHECK_INT(pipe(pipefd), 0);
	console_hold(&c, pipefd[0]);
	CHECK_INT(c.fd, -1);
	CHECK_STR(c.note, "not a terminal");
	console_release(&c);
	console_hold(&c, -1);
	CHECK_INT(c.fd, -1);
	close(pipefd[0]);
	close(pipefd[1]);
	memset(&c, 0, sizeof c);
	c.fd = -1;
	console_release(&c);               /* never held: nothing */

	master = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK(master >= 0);
	if (master < 0)
		return check_done();
	CHECK_INT(grantpt(master), 0);
	CHECK_INT(unlockpt(master), 0);
	slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	CHECK(slave >= 0);
	if (slave < 0)
		return check_done();
	CHECK_INT(isig_on(slave), 1);      /* a terminal's default */

	console_hold(&c, slave);
	CHECK_INT(c.fd, slave);
	CHECK_INT(isig_on(slave), 0);
	CHECK_STR(c.note, "ISIG off; not a VT");
	CHECK_INT(c.vt_locked, 0);

	/* Ctrl-C typed: with ISIG off it arrives as the byte 0x03. */
	CHECK_INT(write(master, "\x03\n", 2), 2);
	p.fd = slave;
	p.events = POLLIN;
	p.revents = 0;
	CHECK_INT(poll(&p, 1, 10000), 1);
	n = read(slave, buf, sizeof buf);
	CHECK_INT(n, 2);
	CHECK(n == 2 && buf[0] == '\x03');

	console_release(&c);
	CHECK_INT(isig_on(slave), 1);
	CHECK_INT(c.fd, -1);
	console_release(&c);               /* twice: nothing more */
	CHECK_INT(isig_on(slave), 1);
	close(slave);
	close(master);
	return check_done();
}
