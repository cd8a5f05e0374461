/* day.h -- contributive days: a date, a title and opening hours.
** A day may repeat weekly until a date: each repetition is its own row,
** so one can be moved or removed alone. */
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

#endif
