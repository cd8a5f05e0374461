/* wedge.h -- turning a keyboard-wedge reader's keystrokes into numbers.
** A cheap USB badge reader is a keyboard: it "types" the card number
** (10 decimal digits, or hex) then Enter. This parser is pure: it takes
** struct input_event records as evdev delivers them (or as a recording
** replays them) and says when a number is complete. It knows digits on
** the main row and the keypad, A-F (shift makes them upper case), Enter
** and keypad Enter; it ignores key releases and auto-repeat (value 2),
** skips ':', '-' and spaces, and drops a number that is not finished by
** Enter within gap_ms of its last key, or that holds any other key. */
#ifndef BORNE_WEDGE_H
#define BORNE_WEDGE_H

#include <stddef.h>
#include <stdint.h>
#include <linux/input.h>

#define WEDGE_MAX_CHARS   32    /* longest number kept (10-byte UID: 20) */
#define WEDGE_DEFAULT_GAP_MS 300

enum WedgeResult {
	WEDGE_NONE = 0,     /* nothing to report yet */
	WEDGE_NUMBER,       /* out holds the text typed before Enter */
	WEDGE_DROPPED       /* a partial number was dropped; out says why */
};

typedef struct WedgeParser {
	char buf[WEDGE_MAX_CHARS + 1];
	size_t n;
	unsigned shift;         /* bit 0: left shift down, bit 1: right */
	int bad;                /* 1: an unexpected key, 2: too long */
	int bad_code;
	int64_t last_key_ms;    /* event time of the last key press */
	int gap_ms;
} WedgeParser;

void wedge_init(WedgeParser *p, int gap_ms);

/* Feeds one event. Returns a WedgeResult; for WEDGE_NUMBER and
** WEDGE_DROPPED, out (outlen bytes) holds the number or the reason. A key
** pressed more than gap_ms after the previous one first drops the partial
** number (WEDGE_DROPPED) and starts a new one with this key. */
int  wedge_feed(WedgeParser *p, const struct input_event *ev, char *out,
                size_t outlen);

/* 1 when a partial number is being typed. */
int  wedge_pending(const WedgeParser *p);

/* Forgets a partial number (the caller saw no key for gap_ms). */
void wedge_reset(WedgeParser *p);

/* The event's time in milliseconds, from 0 to INT64_MAX / 4 whatever
** the stamp (a bad one cannot overflow a difference of two times). */
int64_t wedge_event_ms(const struct input_event *ev);

#endif
