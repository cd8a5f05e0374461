/* console.h -- the kiosk's text console, held shut while it runs.
** Under systemd the kiosk's standard input is its VT (TTYPath=/dev/tty1).
** A keyboard plugged into the unit types on that VT: Ctrl-C, Ctrl-\ and
** Ctrl-Z there would send SIGINT, SIGQUIT and SIGTSTP, and Ctrl-Alt-Fn
** would switch to another console with a login prompt. SDL's KMSDRM input
** already mutes the VT's keyboard (K_OFF: the kernel then ignores
** Ctrl-Alt-Fn and Ctrl-Alt-Del too); this is the belt to that brace:
** ISIG is cleared so no key becomes a signal, and VT switching is locked
** (VT_LOCKSWITCH, which needs CAP_SYS_TTY_CONFIG; refused, it is said
** once and the kiosk goes on); on a VT the console's screen blanking is
** also turned off (it would black out the kiosk after ten minutes). Plain C and Linux ioctls, no SDL, so it is
** tested on a pty (tests/test_console.c). */
#ifndef BORNE_CONSOLE_H
#define BORNE_CONSOLE_H

#include <termios.h>

typedef struct Console {
	int  fd;               /* -1: nothing held */
	int  termios_saved;    /* ISIG was cleared: restore saved */
	int  vt_locked;        /* VT_LOCKSWITCH succeeded: unlock at close */
	struct termios saved;
	char note[200];        /* what was done, or why not, for the log */
} Console;

/* Holds the terminal fd shut: ISIG off if it is a terminal, VT switching
** locked if it is a VT. Never fails: c->note says what could be done
** ("not a terminal", "ISIG off; not a VT", "ISIG off; VT switching
** locked", "ISIG off; VT switching not locked: <errno text>"). */
void console_hold(Console *c, int fd);
/* Gives back what console_hold changed. Idempotent; a zeroed Console or
** one never held does nothing. */
void console_release(Console *c);

#endif
