/* day.h -- contributive days: a date, a title and opening hours.
** A day may repeat weekly until a date: each repetition is its own row,
** so one can be moved or removed alone. A season planned at once (a
** weekly repeat with dates skipped or moved) is a series: its rows can be
** edited or cancelled together. A day has named work streams ("Chantier",
** "Communication", "Budget"...). Every change is made by a facilitator
** (actor_id 0: borne-admin) and audited in the same transaction. */
#ifndef BORNE_DAY_H
#define BORNE_DAY_H

#include <stdint.h>

#include "borne.h"
#include "store.h"
#include "timeutil.h"

typedef struct ContribDay {
	int64_t id;
	char    uuid[BORNE_UUID_LEN + 1];
	char    date[TIME_DATE_SIZE];
	char    title[BORNE_CH_BYTES(BORNE_DAYTITLE_MAX_CH)];
	int     open_min;            /* minutes after local midnight */
	int     close_min;           /* > open_min */
	int64_t series_id;           /* 0: planned alone */
	char    moved_from[TIME_DATE_SIZE]; /* "" unless moved from its plan */
} ContribDay;

/* Adds the day, and one per week until weekly_until (NULL: once).
** *first_id is the first row's id, *n_added how many rows. BORNE_EINVAL
** for a bad date, an end before the start, an empty or long title. */
int day_add(Store *st, const char *date, const char *title, int open_min,
            int close_min, const char *weekly_until, int64_t actor_id,
            int64_t now_utc, int64_t *first_id, int *n_added);
/* The contributive day on a local date: BORNE_ENOTFOUND when none. */
int day_on(Store *st, const char *date, ContribDay *out);
int day_get(Store *st, int64_t id, ContribDay *out);
/* Days between from and to inclusive (either may be NULL: open end). */
int day_each(Store *st, const char *from, const char *to,
             int (*fn)(const ContribDay *d, void *ctx), void *ctx);

/* A season: every week from first to until (both included), on first's
** weekday, except the dates in skip; a date in moves[i].from is held on
** moves[i].to instead (any date, remembered as moved_from). */
typedef struct DayMove {
	const char *from, *to;
} DayMove;

typedef struct DayPlan {
	const char *first, *until;
	const char *title;
	int         open_min, close_min;
	const char *const *skip;
	int         n_skip;
	const DayMove *moves;
	int         n_moves;
} DayPlan;

/* Plans a season in one transaction (all rows or none). BORNE_EINVAL
** names the field ("first", "until", "title", "hours", "skip", "move")
** in store_errmsg; BORNE_EREFUSED when a date already has a day;
** BORNE_EPERM unless actor_id is a facilitator. */
int day_plan(Store *st, const DayPlan *p, int64_t actor_id, int64_t now_utc,
             int64_t *series_id, int *n_added);
/* Changes one day: its date (a move), title and hours. BORNE_EREFUSED
** when the new date has a day already. Visits of the old date that were
** linked to it stay linked (they happened on it). */
int day_edit(Store *st, int64_t id, const char *date, const char *title,
             int open_min, int close_min, int64_t actor_id, int64_t now_utc);
/* Title and hours of every day of a series dated from_date or later
** (NULL: all). *n_changed may be NULL. */
int day_series_edit(Store *st, int64_t series_id, const char *from_date,
                    const char *title, int open_min, int close_min,
                    int64_t actor_id, int64_t now_utc, int *n_changed);
/* Cancels (removes) a day. BORNE_EREFUSED when visits were made on it:
** what happened stays in the reports. */
int day_cancel(Store *st, int64_t id, int64_t actor_id, int64_t now_utc);
/* Cancels the days of a series dated from_date or later (NULL: all) but
** those that have visits; *n_cancelled, *n_kept may be NULL. */
int day_series_cancel(Store *st, int64_t series_id, const char *from_date,
                      int64_t actor_id, int64_t now_utc, int *n_cancelled,
                      int *n_kept);

/* Work streams: at most DAY_STREAMS_MAX names per day, each one line of
** 1 to DAY_STREAM_MAX_CH characters, no two alike (case-blind). */
#define DAY_STREAMS_MAX   16
#define DAY_STREAM_MAX_CH 40
typedef struct DayStreams {
	int  n;
	char name[DAY_STREAMS_MAX][BORNE_CH_BYTES(DAY_STREAM_MAX_CH)];
} DayStreams;

/* Replaces the day's streams with names[0..n-1] (n 0: none). */
int day_set_streams(Store *st, int64_t day_id, const char *const *names,
                    int n, int64_t actor_id, int64_t now_utc);
int day_streams_get(Store *st, int64_t day_id, DayStreams *out);

#endif
