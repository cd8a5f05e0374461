/* console.c -- the kiosk's text console held shut (see console.h). */
#include "console.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/vt.h>

void
console_hold(Console *c, int fd)
{
	struct termios t;
	struct vt_stat vs;

	memset(c, 0, sizeof *c);
	c->fd = -1;
	if (fd < 0 || !isatty(fd) || tcgetattr(fd, &t) != 0) {
		snprintf(c->note, sizeof c->note, "not a terminal");
		return;
	}
	c->fd = fd;
	c->saved = t;
	t.c_lflag &= ~(tcflag_t)ISIG;
	if (tcsetattr(fd, TCSANOW, &t) == 0) {
		c->termios_saved = 1;
		snprintf(c->note, sizeof c->note, "ISIG off");
	} else {
		snprintf(c->note, sizeof c->note, "ISIG left on: %s",
		         strerror(errno));
	}
	/* VT_GETSTATE answers on a VT only (not on a pty, a serial line). */
	if (ioctl(fd, VT_GETSTATE, &vs) != 0) {
		snprintf(c->note + strlen(c->note), sizeof c->note -
		         strlen(c->note), "; not a VT");
		return;
	}
	/* The console's own screen blanking (10 minutes on Raspberry Pi OS)
	** would black out the kiosk in opening hours: off, as `setterm
	** --blank 0` does, by the console's escape sequence. */
	if (write(fd, "\033[9;0]", 6) == 6)
		snprintf(c->note + strlen(c->note), sizeof c->note -
		         strlen(c->note), "; console blanking off");
	if (ioctl(fd, VT_LOCKSWITCH, 0) == 0) {
		c->vt_locked = 1;
		snprintf(c->note + strlen(c->note), sizeof c->note -
		         strlen(c->note), "; VT switching locked");
	} else {
		snprintf(c->note + strlen(c->note), sizeof c->note -
		         strlen(c->note), "; VT switching not locked: %s",
		         strerror(errno));
	}
}

void
console_release(Console *c)
{
	if (c == NULL || c->fd < 0)
		return;
	if (c->vt_locked)
		(void)ioctl(c->fd, VT_UNLOCKSWITCH, 0);
	if (c->termios_saved)
		(void)tcsetattr(c->fd, TCSANOW, &c->saved);
	c->vt_locked = 0;
	c->termios_saved = 0;
	c->fd = -1;
}
