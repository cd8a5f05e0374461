/* timeutil.h -- UTC instants and the kiosk's local days and hours.
** Everything is stored in UTC (seconds since the epoch). Days, opening
** hours and what people read are in the kiosk's time zone: TZ, which
** timeutil_init() sets to Europe/Paris when it is unset. The core never
** reads the clock by itself: callers pass "now" in. */
#ifndef BORNE_TIMEUTIL_H
#define BORNE_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

#define TIME_DATE_SIZE 11        /* "YYYY-MM-DD" */

void timeutil_init(void);
/* Sets the kiosk's time zone (config key `tz`); NULL or "" falls back to
** timeutil_init(). BORNE_EINVAL for a name that cannot be one. */
int  timeutil_set_tz(const char *tz);

/* Local calendar date of a UTC instant. */
void time_local_date(int64_t utc, char out[TIME_DATE_SIZE]);
/* Minutes since local midnight of a UTC instant (0..1439). */
int  time_local_minutes(int64_t utc);
/* The UTC instant of local date + minutes (minutes may be 1440: midnight
** at the end of the day). BORNE_EINVAL for a malformed date. */
int  time_local_to_utc(const char *date, int minutes, int64_t *out);
/* Parses "YYYY-MM-DD", "HH:MM", "YYYY-MM-DDTHH:MM[:SS]" (local time). */
int  time_parse_date(const char *s);          /* BORNE_OK / BORNE_EINVAL */
int  time_parse_hm(const char *s, int *minutes);
int  time_parse_local(const char *s, int64_t *utc);
/* Adds days to a date (may be negative). */
int  time_date_add(const char *date, int days, char out[TIME_DATE_SIZE]);
/* 0 = Monday ... 6 = Sunday. */
int  time_weekday(const char *date);
/* "H:MM" for a duration in seconds (negative prints as 0:00). */
void time_format_duration(int64_t seconds, char *out, size_t outlen);
/* "HH:MM" local. */
void time_format_hm(int64_t utc, char out[6]);

#endif
