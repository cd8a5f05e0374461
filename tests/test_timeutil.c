/* test_timeutil.c -- local days and hours in Europe/Paris, DST included,
** and plain date arithmetic. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "borne.h"
#include "check.h"
#include "timeutil.h"

int
main(void)
{
	char d[TIME_DATE_SIZE], s[32], hm[6];
	int64_t t, t2;
	int m;

	/* timeutil_init keeps a TZ already set, sets Paris when unset. */
	setenv("TZ", "UTC", 1);
	timeutil_init();
	CHECK_STR(getenv("TZ"), "UTC");
	unsetenv("TZ");
	timeutil_init();
	CHECK_STR(getenv("TZ"), "Europe/Paris");
	CHECK_INT(timeutil_set_tz("UTC"), BORNE_OK);
	CHECK_INT(time_local_minutes(0), 0);
	CHECK_INT(timeutil_set_tz("bad\nzone"), BORNE_EINVAL);
	CHECK_INT(timeutil_set_tz(""), BORNE_OK);     /* back to the default */
	CHECK_INT(timeutil_set_tz("Europe/Paris"), BORNE_OK);

	/* Known instants (checked with Python's zoneinfo). */
	CHECK_INT(time_local_to_utc("2025-01-15", 540, &t), BORNE_OK);
	CHECK_INT(t, 1736928000);                         /* 09:00 CET */
	CHECK_INT(time_local_to_utc("2025-07-01", 540, &t), BORNE_OK);
	CHECK_INT(t, 1751353200);                         /* 09:00 CEST */
	time_local_date(1736928000, d);
	CHECK_STR(d, "2025-01-15");
	CHECK_INT(time_local_minutes(1736928000), 540);
	time_format_hm(1751353200, hm);
	CHECK_STR(hm, "09:00");
	/* 23:30 UTC on the 15th is already the 16th in Paris. */
	time_local_date(1736983800, d);
	CHECK_STR(d, "2025-01-16");

	/* DST: the spring day has 23 hours, the autumn one 25. */
	CHECK_INT(time_local_to_utc("2025-03-30", 0, &t), BORNE_OK);
	CHECK_INT(t, 1743289200);
	CHECK_INT(time_local_to_utc("2025-03-30", 1440, &t2), BORNE_OK);
	CHECK_INT(t2, 1743372000);
	CHECK_INT(t2 - t, 23 * 3600);
	CHECK_INT(time_local_to_utc("2025-10-26", 0, &t), BORNE_OK);
	CHECK_INT(time_local_to_utc("2025-10-26", 1440, &t2), BORNE_OK);
	CHECK_INT(t2 - t, 25 * 3600);

	CHECK_INT(time_local_to_utc("2025-02-30", 0, &t), BORNE_EINVAL);
	CHECK_INT(t, 0);
	CHECK_INT(time_local_to_utc("2025-01-15", 1441, &t), BORNE_EINVAL);
	CHECK_INT(time_local_to_utc("2025-01-15", -1, &t), BORNE_EINVAL);
	CHECK_INT(time_local_to_utc("2025-01-15x", 0, &t), BORNE_EINVAL);

	CHECK_INT(time_parse_date("2024-02-29"), BORNE_OK);
	CHECK_INT(time_parse_date("2023-02-29"), BORNE_EINVAL);
	CHECK_INT(time_parse_date("2025-13-01"), BORNE_EINVAL);
	CHECK_INT(time_parse_date("2025-1-01"), BORNE_EINVAL);
	CHECK_INT(time_parse_date("2025-01-01 "), BORNE_EINVAL);
	CHECK_INT(time_parse_date("abcd-ef-gh"), BORNE_EINVAL);
	CHECK_INT(time_parse_date(""), BORNE_EINVAL);
	CHECK_INT(time_parse_date(NULL), BORNE_EINVAL);

	CHECK_INT(time_parse_hm("9:05", &m), BORNE_OK);
	CHECK_INT(m, 545);
	CHECK_INT(time_parse_hm("18:30", &m), BORNE_OK);
	CHECK_INT(m, 1110);
	CHECK_INT(time_parse_hm("24:00", &m), BORNE_OK);
	CHECK_INT(m, 1440);
	CHECK_INT(time_parse_hm("24:01", &m), BORNE_EINVAL);
	CHECK_INT(time_parse_hm("12:60", &m), BORNE_EINVAL);
	CHECK_INT(time_parse_hm("1230", &m), BORNE_EINVAL);
	CHECK_INT(time_parse_hm("-1:00", &m), BORNE_EINVAL);

	CHECK_INT(time_parse_local("2025-01-15T09:00", &t), BORNE_OK);
	CHECK_INT(t, 1736928000);
	CHECK_INT(time_parse_local("2025-01-15 09:00:30", &t), BORNE_OK);
	CHECK_INT(t, 1736928030);
	CHECK_INT(time_parse_local("2025-01-15T25:00", &t), BORNE_EINVAL);
	CHECK_INT(time_parse_local("2025-01-15", &t), BORNE_EINVAL);
	CHECK_INT(time_parse_local("2025-01-15T09:00:61", &t), BORNE_EINVAL);

	CHECK_INT(time_date_add("2024-02-28", 1, d), BORNE_OK);
	CHECK_STR(d, "2024-02-29");
	CHECK_INT(time_date_add("2023-02-28", 1, d), BORNE_OK);
	CHECK_STR(d, "2023-03-01");
	CHECK_INT(time_date_add("2025-01-01", -1, d), BORNE_OK);
	CHECK_STR(d, "2024-12-31");
	CHECK_INT(time_date_add("2025-03-24", 7, d), BORNE_OK);   /* across DST */
	CHECK_STR(d, "2025-03-31");
	CHECK_INT(time_date_add("2025-01-01", 365, d), BORNE_OK);
	CHECK_STR(d, "2026-01-01");
	CHECK_INT(time_date_add("nope", 1, d), BORNE_EINVAL);

	CHECK_INT(time_weekday("2025-03-10"), 0);      /* Monday */
	CHECK_INT(time_weekday("2025-03-16"), 6);      /* Sunday */
	CHECK_INT(time_weekday("1970-01-01"), 3);      /* Thursday */
	CHECK_INT(time_weekday("2024-02-29"), 3);
	CHECK(time_weekday("x") < 0);

	time_format_duration(6 * 3600 + 40 * 60 + 59, s, sizeof s);
	CHECK_STR(s, "6:40");
	time_format_duration(59, s, sizeof s);
	CHECK_STR(s, "0:00");
	time_format_duration(-100, s, sizeof s);
	CHECK_STR(s, "0:00");
	time_format_duration(30 * 3600 + 5 * 60, s, sizeof s);
	CHECK_STR(s, "30:05");
	return check_done();
}
