/* wedge.c -- keyboard-wedge keystrokes to badge numbers (see wedge.h). */
#include "wedge.h"

#include <stdio.h>
#include <string.h>

static int wedge_char(const WedgeParser *p, int code);
static int wedge_drop(WedgeParser *p, char *out, size_t outlen,
                      const char *why);

void
wedge_init(WedgeParser *p, int gap_ms)
{
	memset(p, 0, sizeof *p);
	p->gap_ms = gap_ms > 0 ? gap_ms : WEDGE_DEFAULT_GAP_MS;
}

int
wedge_pending(const WedgeParser *p)
{
	return p->n > 0 || p->bad != 0;
}

void
wedge_reset(WedgeParser *p)
{
	p->n = 0;
	p->buf[0] = '\0';
	p->bad = 0;
	p->bad_code = 0;
}

/* A recording or a broken driver may stamp an event with any time: it is
** brought into [0, WEDGE_SEC_MAX] s so that the milliseconds and any
** difference of two of them stay far from overflowing. */
#define WEDGE_SEC_MAX (INT64_MAX / 4000)

int64_t
wedge_event_ms(const struct input_event *ev)
{
	int64_t sec = (int64_t)ev->input_event_sec;
	int64_t usec = (int64_t)ev->input_event_usec;

	sec = sec < 0 ? 0 : sec > WEDGE_SEC_MAX ? WEDGE_SEC_MAX : sec;
	usec = usec < 0 ? 0 : usec > 999999 ? 999999 : usec;
	return sec * 1000 + usec / 1000;
}

/* The character a key types: a digit or hex letter, 0 for a separator
** to skip, -1 for any other key. */
static int
wedge_char(const WedgeParser *p, int code)
{
	static const int row[] = { KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5,
	                           KEY_6, KEY_7, KEY_8, KEY_9 };
	static const int pad[] = { KEY_KP0, KEY_KP1, KEY_KP2, KEY_KP3, KEY_KP4,
	                           KEY_KP5, KEY_KP6, KEY_KP7, KEY_KP8, KEY_KP9 };
	static const int hex[] = { KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F };

	for (int i = 0; i < 10; i++)
		if (code == row[i] || code == pad[i])
			return '0' + i;
	for (int i = 0; i < 6; i++)
		if (code == hex[i])
			return (p->shift ? 'A' : 'a') + i;
	if (code == KEY_MINUS || code == KEY_KPMINUS || code == KEY_SPACE ||
	    code == KEY_SEMICOLON)
		return 0;
	return -1;
}

static int
wedge_drop(WedgeParser *p, char *out, size_t outlen, const char *why)
{
	if (out != NULL && outlen > 0)
		snprintf(out, outlen, "%s", why);
	wedge_reset(p);
	return WEDGE_DROPPED;
}

int
wedge_feed(WedgeParser *p, const struct input_event *ev, char *out,
           size_t outlen)
{
	int64_t t = wedge_event_ms(ev);
	int result = WEDGE_NONE, c;

	if (out != NULL && outlen > 0)
		out[0] = '\0';
	if (ev->type != EV_KEY)
		return WEDGE_NONE;
	if (ev->code == KEY_LEFTSHIFT || ev->code == KEY_RIGHTSHIFT) {
		unsigned bit = ev->code == KEY_LEFTSHIFT ? 1u : 2u;
		if (ev->value == 1)
			p->shift |= bit;
		else if (ev->value == 0)
			p->shift &= ~bit;
		return WEDGE_NONE;
	}
	if (ev->value != 1)          /* release, or auto-repeat */
		return WEDGE_NONE;
	if (wedge_pending(p) && t - p->last_key_ms > p->gap_ms)
		result = wedge_drop(p, out, outlen,
		                    "badge number without Enter, dropped");
	p->last_key_ms = t;
	if (ev->code == KEY_ENTER || ev->code == KEY_KPENTER) {
		char why[64];
		if (p->bad == 1) {
			snprintf(why, sizeof why, "unexpected key %d in a badge "
			         "number, dropped", p->bad_code);
			return wedge_drop(p, out, outlen, why);
		}
		if (p->bad == 2)
			return wedge_drop(p, out, outlen, "badge number too long, "
			                  "dropped");
		if (p->n == 0)
			return result;       /* a lone Enter: nothing typed */
		if (out != NULL && outlen > 0)
			snprintf(out, outlen, "%s", p->buf);
		wedge_reset(p);
		return WEDGE_NUMBER;
	}
	c = wedge_char(p, ev->code);
	if (c < 0) {
		if (p->bad == 0) {
			p->bad = 1;
			p->bad_code = ev->code;
		}
	} else if (c > 0) {
		if (p->n == WEDGE_MAX_CHARS) {
			if (p->bad == 0)
				p->bad = 2;
		} else {
			p->buf[p->n++] = (char)c;
			p->buf[p->n] = '\0';
		}
	}
	return result;
}
