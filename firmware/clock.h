/* clock.h -- whether the kiosk's wall clock can be trusted.
** A Raspberry Pi has no real-time clock: it boots at the last time saved
** (fake-hwclock) or in 1970, and jumps when the network time arrives.
** Hours given to funders must be true, so a tap is timed only by a clock
** this module trusts; otherwise it is held (checkin_tap_clock) and timed
** once the clock is known. Pure: the caller gathers the facts. */
#ifndef BORNE_CLOCK_H
#define BORNE_CLOCK_H

#include <stdint.h>

typedef enum ClockSync {
	CLOCK_SYNC_UNKNOWN = 0,  /* nothing says (no systemd-timesyncd) */
	CLOCK_SYNC_NO,           /* the time service has not synced yet */
	CLOCK_SYNC_YES           /* synced with a time server */
} ClockSync;

typedef enum ClockVerdict {
	CLOCK_OK = 0,
	CLOCK_BEFORE_BUILD,      /* earlier than this program was made */
	CLOCK_BEFORE_LAST_TAP,   /* earlier than a tap already recorded */
	CLOCK_NOT_SYNCED,        /* the time service says it is not synced */
	CLOCK_JUMPED             /* set since it was last trusted, by nothing
	                         ** that says it is right now */
} ClockVerdict;

/* How far before the newest recorded tap the clock may be without doubt
** (a clock set by hand, a few seconds of drift). */
#define CLOCK_SLACK_S 300
/* A wall clock that moves this much against the monotonic one has been
** set: a facilitator's confirmation no longer holds. */
#define CLOCK_JUMP_MS 120000

typedef struct ClockFacts {
	int64_t   now_utc;
	int64_t   build_utc;      /* no true time is before this */
	int64_t   newest_tap_utc; /* checkin_clock_facts, 0 if none */
	ClockSync sync;
	int       confirmed;      /* a facilitator said the time shown is right */
	int       jumped;         /* the wall clock moved by CLOCK_JUMP_MS or
	                          ** more against the monotonic one since the
	                          ** clock was last trusted */
} ClockFacts;

/* Before the build date: never trusted. Synced: trusted. Jumped since it
** was last trusted, before the newest tap (by more than CLOCK_SLACK_S)
** or known not synced: trusted only once a facilitator confirmed it.
** Else trusted. */
ClockVerdict clock_verdict(const ClockFacts *f);

/* The build date compiled in (BORNE_BUILD_UTC, from the last commit). */
int64_t clock_build_utc(void);

#endif
