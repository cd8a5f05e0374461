/* test_day.c -- contributive days: one-offs, weekly series, refusals. */
#include <string.h>

#include "borne.h"
#include "check.h"
#include "core_fixture.h"
#include "day.h"

static int
collect(const ContribDay *d, void *ctx)
{
	strcat((char *)ctx, d->date);
	strcat((char *)ctx, "|");
	return 0;
}

int
main(void)
{
	Store *st;
	ContribDay d;
	char list[512] = "", title[600] = "";
	int64_t first = 7;
	int n = 7;

	fx_setup();
	st = fx_open("day.db");

	CHECK_INT(day_add(st, "2025-03-12", "Journée contributive : L'Atelier 🛠",
	                  9 * 60, 17 * 60, NULL, 0, 1000, &first, &n), BORNE_OK);
	CHECK(first > 0);
	CHECK_INT(n, 1);
	CHECK_INT(day_on(st, "2025-03-12", &d), BORNE_OK);
	CHECK_INT(d.id, first);
	CHECK_STR(d.title, "Journée contributive : L'Atelier 🛠");
	CHECK_INT(d.open_min, 540);
	CHECK_INT(d.close_min, 1020);
	CHECK_INT((int)strlen(d.uuid), BORNE_UUID_LEN);
	CHECK_INT(day_get(st, first, &d), BORNE_OK);
	CHECK_STR(d.date, "2025-03-12");
	CHECK_INT(day_on(st, "2025-03-13", &d), BORNE_ENOTFOUND);
	CHECK_INT(d.id, 0);
	CHECK_CONTAINS(store_errmsg(st), "2025-03-13");
	CHECK_INT(day_get(st, 999, &d), BORNE_ENOTFOUND);
	CHECK_INT(day_on(st, NULL, &d), BORNE_EINVAL);

	/* Weekly until a date, the end date included. */
	CHECK_INT(day_add(st, "2025-04-02", "Mercredi", 600, 1080, "2025-04-23", 0,
	                  1001, &first, &n), BORNE_OK);
	CHECK_INT(n, 4);
	CHECK_INT(day_each(st, "2025-04-01", "2025-04-30", collect, list), BORNE_OK);
	CHECK_STR(list, "2025-04-02|2025-04-09|2025-04-16|2025-04-23|");
	list[0] = '\0';
	CHECK_INT(day_each(st, NULL, "2025-04-05", collect, list), BORNE_OK);
	CHECK_STR(list, "2025-03-12|2025-04-02|");
	list[0] = '\0';
	CHECK_INT(day_each(st, "2025-04-20", NULL, collect, list), BORNE_OK);
	CHECK_STR(list, "2025-04-23|");

	/* A clash anywhere in a series refuses all of it. */
	CHECK_INT(day_add(st, "2025-03-26", "Série", 600, 1080, "2025-04-16", 0,
	                  1002, &first, &n), BORNE_EREFUSED);
	CHECK_STR(store_errmsg(st), "there is already a contributive day on 2025-04-02");
	CHECK_INT(first, 0);
	CHECK_INT(n, 0);
	CHECK_INT(day_on(st, "2025-03-26", &d), BORNE_ENOTFOUND);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM days"), 5);

	/* Refusals, each naming what is wrong. */
	CHECK_INT(day_add(st, "2025-02-30", "X", 600, 700, NULL, 0, 1, NULL, NULL),
	          BORNE_EINVAL);
	CHECK_CONTAINS(store_errmsg(st), "date is not a date");
	CHECK_INT(day_add(st, "2025-05-01", "", 600, 700, NULL, 0, 1, NULL, NULL),
	          BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "title is empty");
	CHECK_INT(day_add(st, "2025-05-01", "Atelier\xEF\xBB\xBF", 600, 700, NULL,
	                  0, 1, NULL, NULL), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st),
	          "title has an invisible or direction-changing character (U+FEFF)");
	for (int i = 0; i < 121; i++)
		strcat(title, "a");
	CHECK_INT(day_add(st, "2025-05-01", title, 600, 700, NULL, 0, 1, NULL, NULL),
	          BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "title is longer than 120 characters");
	CHECK_INT(day_add(st, "2025-05-01", "X", 700, 700, NULL, 0, 1, NULL, NULL),
	          BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "closing hour must be after opening hour");
	CHECK_INT(day_add(st, "2025-05-01", "X", -5, 700, NULL, 0, 1, NULL, NULL),
	          BORNE_EINVAL);
	CHECK_INT(day_add(st, "2025-05-01", "X", 600, 1441, NULL, 0, 1, NULL, NULL),
	          BORNE_EINVAL);
	CHECK_INT(day_add(st, "2025-05-01", "X", 600, 700, "2025-04-30", 0, 1, NULL,
	                  NULL), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "weekly end is before the first day");
	CHECK_INT(day_add(st, "2025-05-01", "X", 600, 700, "someday", 0, 1, NULL,
	                  NULL), BORNE_EINVAL);
	CHECK_INT(day_add(st, "2025-05-01", "X", 600, 700, "2030-05-01", 0, 1, NULL,
	                  NULL), BORNE_EINVAL);
	CHECK_CONTAINS(store_errmsg(st), "at most");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM days"), 5);
	/* 24:00 closing is allowed. */
	CHECK_INT(day_add(st, "2025-05-01", "Nuit", 1200, 1440, NULL, 0, 1, NULL,
	                  NULL), BORNE_OK);
	/* Every added row is audited. */
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action = 'day.add'"), 6);
	store_close(st);
	return check_done();
}
