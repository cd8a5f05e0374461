/* checkin.h -- arrivals and departures at the door.
** A visit is one row: in_utc, then out_utc when the member taps again.
** A first tap checks in, the next one checks out. Taps closer than the
** repeat window (StoreRules.checkin_repeat_s) count as one: badges bounce
** on the antenna. A visit still open at its end (the contributive day's
** closing hour, else visit_cap_h after the arrival) is closed then and
** flagged auto_closed, so hours are never inflated. A visit never ends
** before it began and one member's visits never overlap, whatever the
** clock did (the rules: checkin.c). Unknown and deactivated badges are
** logged with the time only: no personal data. */
#ifndef BORNE_CHECKIN_H
#define BORNE_CHECKIN_H

#include <stdint.h>

#include "borne.h"
#include "day.h"
#include "member.h"
#include "store.h"
#include "uid.h"

typedef enum CheckinOutcome {
	CHECKIN_IN = 0,
	CHECKIN_OUT,
	CHECKIN_IGNORED,         /* repeat within the window */
	CHECKIN_UNKNOWN,         /* no member has this badge */
	CHECKIN_INACTIVE,        /* the member is deactivated */
	CHECKIN_HELD             /* recorded, to be timed once the clock is
	                         ** trusted (checkin_tap_clock) */
} CheckinOutcome;

typedef struct CheckinResult {
	CheckinOutcome outcome;
	Member  member;          /* zeroed for CHECKIN_UNKNOWN */
	int64_t visit_id;        /* the visit opened or closed */
	int64_t in_utc, out_utc; /* out_utc 0 while open */
	int64_t today_s;         /* seconds present today, this visit included */
	int64_t ago_s;           /* CHECKIN_IGNORED: since the tap it repeats */
	int     held_out;        /* CHECKIN_HELD: 1 if it will be a departure */
	int     has_day;
	ContribDay day;          /* the contributive day it falls in, if any */
	/* BORNE_OK, or why what is read back after the commit (the times,
	** the hours of the day, the day) could not be: the tap IS saved;
	** in_utc / out_utc are then the tap's time, today_s 0. */
	int     detail_rc;
} CheckinResult;

typedef struct Visit {
	int64_t id;
	char    uuid[BORNE_UUID_LEN + 1];
	int64_t member_id;
	char    member_name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	char    badge[UID_HEX_SIZE];
	int64_t in_utc, out_utc; /* out_utc 0 while open */
	int     auto_closed;     /* closed by itself at its end */
	int     out_late;        /* departure tapped after an automatic close */
	int     corrected;       /* times set by a facilitator (checkin_fix) */
	int64_t day_id;          /* 0 when outside a contributive day */
	char    kiosk_id[64];
} Visit;

const char *checkin_outcome_name(CheckinOutcome o);  /* "in", "out"... */

/* Records one tap, durably (the commit has returned when this returns
** BORNE_OK). First closes stale visits (checkin_close_stale). Returns
** BORNE_OK with out->outcome set, or BORNE_EDB/BORNE_EBUSY/BORNE_EFULL
** with *out zeroed and store_errmsg(st) saying why. */
int checkin_tap(Store *st, const BadgeUid *uid, int64_t now_utc,
                CheckinResult *out);
/* The same, for a tap whose uuid the caller made (uuid_make) and keeps:
** calling again with the same tap_uuid after a commit (a retry after an
** error, or a tap replayed from another kiosk) returns the visit that
** tap opened (CHECKIN_IN) or closed (CHECKIN_OUT) and writes nothing, so
** a tap can never count twice. checkin_tap() makes a fresh uuid. */
int checkin_tap_id(Store *st, const BadgeUid *uid, int64_t now_utc,
                   const char *tap_uuid, CheckinResult *out);
/* The time of a tap as the kiosk knows it. When its clock is trusted
** (clock.h), utc is the tap's time; when not, the tap is held with the
** monotonic time mono_ms of the boot boot_id (kernel boot id) until
** checkin_release_held can time it. */
typedef struct TapClock {
	int64_t     utc;         /* what the wall clock says */
	int         trusted;
	const char *boot_id;     /* needed when !trusted */
	int64_t     mono_ms;     /* since that boot, when !trusted */
} TapClock;

/* checkin_tap_id when clk->trusted; else the tap is held: the member is
** identified (unknown and inactive badges are answered as usual, logged
** at the untrusted time: no hours hang on them), a repeat within the
** window of the member's last held tap is CHECKIN_IGNORED, and anything
** else is stored and answered CHECKIN_HELD, out->held_out saying whether
** it will be a departure. Durable when it returns BORNE_OK. */
int checkin_tap_clock(Store *st, const BadgeUid *uid, const TapClock *clk,
                      const char *tap_uuid, CheckinResult *out);
/* Times the held taps of boot_id (now mono_now_ms into it, wall clock
** now_utc and trusted) and replays them in their order through the rules
** of checkin_tap_id; held taps of other boots can never be timed and are
** marked untimed. One transaction. *n_timed, *n_untimed may be NULL. */
int checkin_release_held(Store *st, const char *boot_id, int64_t mono_now_ms,
                         int64_t now_utc, int *n_timed, int *n_untimed);
/* What the clock is judged by (clock.h): the newest time a tap was
** recorded at (0 if none: arrivals and tapped departures, not unknown
** badges, which are logged even at an untrusted time; a clock before it
** has gone backwards), how many taps wait for a trusted clock, and how
** many never can be timed. */
int checkin_clock_facts(Store *st, int64_t *newest_tap_utc, int *n_held,
                        int *n_untimed);

/* Closes every visit whose day ended before now_utc; *n_closed (may be
** NULL) says how many. */
int checkin_close_stale(Store *st, int64_t now_utc, int *n_closed);
/* Members present now (open visits today), ordered by arrival. */
int checkin_present_count(Store *st, int64_t now_utc, int *n);
int checkin_present_each(Store *st, int64_t now_utc,
                         int (*fn)(const Visit *v, void *ctx), void *ctx);
/* Visits that started on a local date (NULL: all), ordered by in_utc. */
int checkin_each(Store *st, const char *date,
                 int (*fn)(const Visit *v, void *ctx), void *ctx);
int checkin_get(Store *st, int64_t id, Visit *out);
/* Sets a visit's times (facilitator correction: a forgotten check-out,
** a wrong arrival), in checkin_fix.c. What the door recorded is kept:
** the times before and after are appended to visit_fixes, and the visit
** is flagged corrected; audited "visit.fix". Refused (BORNE_EINVAL, the
** message naming "in" or "out") unless out > in, in is not before
** BORNE_CLOCK_FLOOR_UTC, out is not after now_utc + 5 min, the visit
** lasts at most CHECKIN_FIX_MAX_S, and it overlaps none of the member's
** other visits; BORNE_EPERM unless actor_id is a facilitator. */
#define CHECKIN_FIX_MAX_S (24 * 3600)
int checkin_fix(Store *st, int64_t id, int64_t in_utc, int64_t out_utc,
                int64_t actor_id, int64_t now_utc);
/* One correction of a visit, as visit_fixes keeps it (old_out_utc 0: the
** visit was open). */
typedef struct VisitFix {
	int64_t id, visit_id, at_utc, actor_id;
	int64_t old_in_utc, old_out_utc, new_in_utc, new_out_utc;
	int     old_auto_closed, old_out_late;
} VisitFix;
/* The corrections of a visit, oldest first. */
int checkin_fix_each(Store *st, int64_t visit_id,
                     int (*fn)(const VisitFix *f, void *ctx), void *ctx);
/* Seconds a member was present on a local date (open visit counts to
** now_utc). */
int checkin_seconds_on(Store *st, int64_t member_id, const char *date,
                       int64_t now_utc, int64_t *seconds);

#endif
