/* timeutil.c -- UTC instants and the kiosk's local days (see timeutil.h).
** Local time goes through localtime_r()/mktime() and the TZ variable, so
** daylight saving changes are the C library's job. Pure date arithmetic
** (adding days, week days) uses a day count from 1970-01-01 instead: it
** has no time zone and no DST in it. */
#include "timeutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "borne.h"

static int64_t days_from_civil(int y, int m, int d);
static void    civil_from_days(int64_t z, int *y, int *m, int *d);
static int     parse_ymd(const char *s, int *y, int *m, int *d);
static int     parse_digits(const char *s, int n, int *out);
static int     days_in_month(int y, int m);
static void    put_digits(char *out, int v, int n);
static void    format_date(int y, int m, int d, char out[TIME_DATE_SIZE]);

void
timeutil_init(void)
{
	const char *tz = getenv("TZ");

	if (tz == NULL || *tz == '\0')
		setenv("TZ", "Europe/Paris", 1);
	tzset();
}

int
timeutil_set_tz(const char *tz)
{
	if (tz == NULL || *tz == '\0') {
		timeutil_init();
		return BORNE_OK;
	}
	if (strlen(tz) > 200 || strchr(tz, '\n') != NULL)
		return BORNE_EINVAL;
	setenv("TZ", tz, 1);
	tzset();
	return BORNE_OK;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t yy = m <= 2 ? y - 1 : y;
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t mp = (m + 9) % 12;                       /* March = 0 */
	int64_t doy = (153 * mp + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(*m <= 2 ? yy + 1 : yy);
}

/* Writes v as exactly n decimal digits (no NUL). */
static void
put_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + (v % 10 + 10) % 10);
		v /= 10;
	}
}

static void
format_date(int y, int m, int d, char out[TIME_DATE_SIZE])
{
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

static int
days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dim[m - 1];
}

static int
parse_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return BORNE_EINVAL;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return BORNE_OK;
}

/* "YYYY-MM-DD" at the start of s (what follows is the caller's). */
static int
parse_ymd(const char *s, int *y, int *m, int *d)
{
	if (s == NULL || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return BORNE_EINVAL;
	if (parse_digits(s, 4, y) != BORNE_OK ||
	    parse_digits(s + 5, 2, m) != BORNE_OK ||
	    parse_digits(s + 8, 2, d) != BORNE_OK)
		return BORNE_EINVAL;
	if (*y < 1970 || *m < 1 || *m > 12 || *d < 1 ||
	    *d > days_in_month(*y, *m))
		return BORNE_EINVAL;
	return BORNE_OK;
}

void
time_local_date(int64_t utc, char out[TIME_DATE_SIZE])
{
	time_t t = (time_t)utc;
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL) {
		format_date(1970, 1, 1, out);
		return;
	}
	format_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
}

int
time_local_minutes(int64_t utc)
{
	time_t t = (time_t)utc;
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		return 0;
	return tm.tm_hour * 60 + tm.tm_min;
}

int
time_local_to_utc(const char *date, int minutes, int64_t *out)
{
	struct tm tm;
	time_t t;
	int y, m, d;

	*out = 0;
	if (parse_ymd(date, &y, &m, &d) != BORNE_OK || date[10] != '\0' ||
	    minutes < 0 || minutes > 1440)
		return BORNE_EINVAL;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + minutes / 1440;       /* 1440: next midnight */
	tm.tm_hour = (minutes % 1440) / 60;
	tm.tm_min = minutes % 60;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1)
		return BORNE_EINVAL;
	*out = (int64_t)t;
	return BORNE_OK;
}

int
time_parse_date(const char *s)
{
	int y, m, d;

	if (parse_ymd(s, &y, &m, &d) != BORNE_OK || s[10] != '\0')
		return BORNE_EINVAL;
	return BORNE_OK;
}

/* "H:MM" or "HH:MM", 00:00 to 24:00 (24:00: the end of the day). */
int
time_parse_hm(const char *s, int *minutes)
{
	int h, m;
	size_t n = s != NULL ? strlen(s) : 0;
	const char *mm;

	*minutes = 0;
	if (n == 4 && s[1] == ':') {
		if (parse_digits(s, 1, &h) != BORNE_OK)
			return BORNE_EINVAL;
		mm = s + 2;
	} else if (n == 5 && s[2] == ':') {
		if (parse_digits(s, 2, &h) != BORNE_OK)
			return BORNE_EINVAL;
		mm = s + 3;
	} else {
		return BORNE_EINVAL;
	}
	if (parse_digits(mm, 2, &m) != BORNE_OK || m > 59 || h > 24 ||
	    (h == 24 && m != 0))
		return BORNE_EINVAL;
	*minutes = h * 60 + m;
	return BORNE_OK;
}

/* "YYYY-MM-DDTHH:MM[:SS]" (a space may replace the T), local time. */
int
time_parse_local(const char *s, int64_t *utc)
{
	struct tm tm;
	time_t t;
	int y, mo, d, h, mi, sec = 0;
	size_t n = s != NULL ? strlen(s) : 0;

	*utc = 0;
	if ((n != 16 && n != 19) || parse_ymd(s, &y, &mo, &d) != BORNE_OK ||
	    (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
		return BORNE_EINVAL;
	if (parse_digits(s + 11, 2, &h) != BORNE_OK ||
	    parse_digits(s + 14, 2, &mi) != BORNE_OK || h > 23 || mi > 59)
		return BORNE_EINVAL;
	if (n == 19 && (s[16] != ':' || parse_digits(s + 17, 2, &sec) != BORNE_OK ||
	                sec > 59))
		return BORNE_EINVAL;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1)
		return BORNE_EINVAL;
	*utc = (int64_t)t;
	return BORNE_OK;
}

int
time_date_add(const char *date, int days, char out[TIME_DATE_SIZE])
{
	int y, m, d;

	if (time_parse_date(date) != BORNE_OK ||
	    parse_ymd(date, &y, &m, &d) != BORNE_OK) {
		out[0] = '\0';
		return BORNE_EINVAL;
	}
	civil_from_days(days_from_civil(y, m, d) + days, &y, &m, &d);
	if (y < 1970 || y > 9999) {
		out[0] = '\0';
		return BORNE_EINVAL;
	}
	format_date(y, m, d, out);
	return BORNE_OK;
}

int
time_weekday(const char *date)
{
	int y, m, d;
	int64_t z;

	if (time_parse_date(date) != BORNE_OK ||
	    parse_ymd(date, &y, &m, &d) != BORNE_OK)
		return BORNE_EINVAL;
	z = days_from_civil(y, m, d);             /* 0 was a Thursday */
	return (int)(((z + 3) % 7 + 7) % 7);
}

void
time_format_duration(int64_t seconds, char *out, size_t outlen)
{
	int64_t min = seconds > 0 ? seconds / 60 : 0;

	snprintf(out, outlen, "%lld:%02d", (long long)(min / 60),
	         (int)(min % 60));
}

void
time_format_hm(int64_t utc, char out[6])
{
	int m = time_local_minutes(utc);

	put_digits(out, m / 60, 2);
	out[2] = ':';
	put_digits(out + 3, m % 60, 2);
	out[5] = '\0';
}
