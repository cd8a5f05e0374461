/* wedge_stream.h -- building struct input_event streams as a keyboard-wedge
** reader types them, for the wedge tests (parser and driver). Times are
** explicit so a test can leave a gap with no Enter. */
#ifndef BORNE_WEDGE_STREAM_H
#define BORNE_WEDGE_STREAM_H

#include <stdint.h>
#include <string.h>
#include <linux/input.h>

#define WS_MAX 512

typedef struct WedgeStream {
	struct input_event ev[WS_MAX];
	int n;
	int64_t t_ms;                /* time of the next event */
} WedgeStream;

static inline void
ws_event(WedgeStream *s, int type, int code, int value)
{
	struct input_event *e;

	if (s->n == WS_MAX)
		return;
	e = &s->ev[s->n++];
	memset(e, 0, sizeof *e);
	e->input_event_sec = s->t_ms / 1000;
	e->input_event_usec = (s->t_ms % 1000) * 1000;
	e->type = (uint16_t)type;
	e->code = (uint16_t)code;
	e->value = value;
}

/* One key stroke as evdev reports it: MSC_SCAN, press, SYN, release, SYN;
** 4 ms per stroke, about what a wedge does. */
static inline void
ws_key(WedgeStream *s, int code)
{
	ws_event(s, EV_MSC, MSC_SCAN, 0x70000 + code);
	ws_event(s, EV_KEY, code, 1);
	ws_event(s, EV_SYN, SYN_REPORT, 0);
	s->t_ms += 2;
	ws_event(s, EV_KEY, code, 0);
	ws_event(s, EV_SYN, SYN_REPORT, 0);
	s->t_ms += 2;
}

static inline int
ws_code(char c)
{
	static const int digits[] = { KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5,
	                              KEY_6, KEY_7, KEY_8, KEY_9 };
	static const int letters[] = { KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F };

	if (c >= '0' && c <= '9')
		return digits[c - '0'];
	if (c >= 'a' && c <= 'f')
		return letters[c - 'a'];
	if (c >= 'A' && c <= 'F')
		return letters[c - 'A'];
	if (c == '\n')
		return KEY_ENTER;
	if (c == 'q')
		return KEY_Q;
	return KEY_SPACE;
}

/* Types text; upper-case letters are typed with left shift held. */
static inline void
ws_type(WedgeStream *s, const char *text)
{
	for (; *text != '\0'; text++) {
		int upper = *text >= 'A' && *text <= 'F';
		if (upper) {
			ws_event(s, EV_KEY, KEY_LEFTSHIFT, 1);
			ws_event(s, EV_SYN, SYN_REPORT, 0);
		}
		ws_key(s, ws_code(*text));
		if (upper) {
			ws_event(s, EV_KEY, KEY_LEFTSHIFT, 0);
			ws_event(s, EV_SYN, SYN_REPORT, 0);
		}
	}
}

#endif
