/* test_day.c -- contributive days: one-offs, weekly series, refusals. */
#include <string.h>

#include "borne.h"
#include "check.h"
#include "core_fixture.h"
#include "day.h"
#include "member.h"

static int
collect(const ContribDay *d, void *ctx)
{
	strcat((char *)ctx, d->date);
	strcat((char *)ctx, "|");
	return 0;
}

/* A season: weekly, one date skipped, one moved; edited from a date on,
** cancelled from a date on but for the day that had visits; streams. */
static void
test_plan(Store *st)
{
	static const char *const skip[] = { "2025-10-29" };   /* holidays */
	static const DayMove moves[] = { { "2025-11-12", "2025-11-13" } };
	static const char *const streams[] = {
		"Chantier", " Communication ", "Budget participatif"
	};
	static const char *const twice[] = { "Chantier", "chantier" };
	DayPlan p = {
		"2025-10-01", "2025-11-26", "Journée contributive", 600, 1080,
		skip, 1, moves, 1
	};
	ContribDay d;
	DayStreams ds;
	char list[512] = "";
	int64_t sid = 7, coop, fac, visit_day;
	int n = 7, kept = 7;

	CHECK_INT(member_add(st, "Léa", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1,
	                     &coop), BORNE_OK);
	CHECK_INT(member_add(st, "Fatou", ROLE_FACILITATOR, 0, NULL, NULL, 0, 1,
	                     &fac), BORNE_OK);
	/* Only a facilitator plans, and nothing is written otherwise. */
	CHECK_INT(day_plan(st, &p, coop, 2000, &sid, &n), BORNE_EPERM);
	CHECK_CONTAINS(store_errmsg(st), "facilitator");
	CHECK_INT(sid, 0);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM day_series"), 0);

	CHECK_INT(day_plan(st, &p, fac, 2000, &sid, &n), BORNE_OK);
	CHECK(sid > 0);
	CHECK_INT(n, 8);                 /* 9 Wednesdays, one skipped */
	CHECK_INT(day_each(st, "2025-10-01", "2025-11-30", collect, list), BORNE_OK);
	CHECK_STR(list, "2025-10-01|2025-10-08|2025-10-15|2025-10-22|2025-11-05|"
	                "2025-11-13|2025-11-19|2025-11-26|");
	CHECK_INT(day_on(st, "2025-11-13", &d), BORNE_OK);
	CHECK_STR(d.moved_from, "2025-11-12");
	CHECK_INT(d.series_id, sid);
	CHECK_INT(day_on(st, "2025-10-08", &d), BORNE_OK);
	CHECK_STR(d.moved_from, "");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action ="
	                         " 'day.plan' AND actor_id = 2"), 1);

	/* Refusals name the field; the season is all or nothing. */
	p.first = "2025-12-03";
	p.until = "2025-12-01";
	CHECK_INT(day_plan(st, &p, fac, 2000, NULL, NULL), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "until: the season ends before it starts");
	p.until = "2026-01-28";
	p.title = " ";
	CHECK_INT(day_plan(st, &p, fac, 2000, NULL, NULL), BORNE_EINVAL);
	CHECK_CONTAINS(store_errmsg(st), "title");
	p.title = "Hiver";
	CHECK_INT(day_plan(st, &p, fac, 2000, NULL, NULL), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "move: 2025-11-12 is not a day of the season");
	p.n_moves = 0;
	p.skip = (const char *const[]){ "soon" };
	CHECK_INT(day_plan(st, &p, fac, 2000, NULL, NULL), BORNE_EINVAL);
	CHECK_CONTAINS(store_errmsg(st), "skip:");
	p.n_skip = 0;
	p.first = "2025-11-19";         /* clashes with the autumn season */
	CHECK_INT(day_plan(st, &p, fac, 2000, NULL, NULL), BORNE_EREFUSED);
	CHECK_CONTAINS(store_errmsg(st), "2025-11-19");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM day_series"), 1);
	CHECK_INT(day_on(st, "2025-12-03", &d), BORNE_ENOTFOUND);

	/* Edit one day: moved, and the visits of its new date join it. */
	CHECK_INT(fx_sql_int(st, "INSERT INTO visits(uuid, member_id, badge,"
	                         " in_utc, out_utc, kiosk_id) VALUES ('v-1', 1, '',"
	                         " 1761642000, 1761649200, 'k') RETURNING 0"), 0);
	CHECK_INT(day_on(st, "2025-10-22", &d), BORNE_OK);
	visit_day = d.id;
	CHECK_INT(day_edit(st, d.id, "2025-10-28", "Mardi exceptionnel", 540,
	                   1020, coop, 2001), BORNE_EPERM);
	CHECK_INT(day_edit(st, d.id, "2025-10-08", "X", 540, 1020, fac, 2001),
	          BORNE_EREFUSED);
	CHECK_STR(store_errmsg(st), "date: there is already a contributive day on "
	          "2025-10-08");
	CHECK_INT(day_edit(st, d.id, "2025-10-28", "Mardi exceptionnel", 540,
	                   1020, fac, 2001), BORNE_OK);
	CHECK_INT(day_get(st, visit_day, &d), BORNE_OK);
	CHECK_STR(d.date, "2025-10-28");
	CHECK_STR(d.moved_from, "2025-10-22");
	CHECK_INT(d.open_min, 540);
	CHECK_INT(fx_sql_int(st, "SELECT day_id FROM visits WHERE uuid = 'v-1'"),
	          visit_day);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action ="
	                         " 'day.edit'"), 1);

	/* The season's hours from November on. */
	CHECK_INT(day_series_edit(st, sid, "2025-11-01", "Journée d'automne", 660,
	                          1140, fac, 2002, &n), BORNE_OK);
	CHECK_INT(n, 4);
	CHECK_INT(day_on(st, "2025-11-05", &d), BORNE_OK);
	CHECK_INT(d.open_min, 660);
	CHECK_STR(d.title, "Journée d'automne");
	CHECK_INT(day_on(st, "2025-10-15", &d), BORNE_OK);
	CHECK_INT(d.open_min, 600);
	CHECK_INT(day_series_edit(st, 999, NULL, "X", 600, 700, fac, 2002, &n),
	          BORNE_ENOTFOUND);

	/* Streams: replaced whole, trimmed, in order; no two alike. */
	CHECK_INT(day_on(st, "2025-10-15", &d), BORNE_OK);
	CHECK_INT(day_set_streams(st, d.id, streams, 3, coop, 2003), BORNE_EPERM);
	CHECK_INT(day_set_streams(st, d.id, twice, 2, fac, 2003), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "stream 2: \"chantier\" is named twice");
	CHECK_INT(day_set_streams(st, d.id, streams, 3, fac, 2003), BORNE_OK);
	CHECK_INT(day_streams_get(st, d.id, &ds), BORNE_OK);
	CHECK_INT(ds.n, 3);
	CHECK_STR(ds.name[0], "Chantier");
	CHECK_STR(ds.name[1], "Communication");
	CHECK_STR(ds.name[2], "Budget participatif");
	CHECK_INT(day_set_streams(st, d.id, streams + 2, 1, fac, 2004), BORNE_OK);
	CHECK_INT(day_streams_get(st, d.id, &ds), BORNE_OK);
	CHECK_INT(ds.n, 1);
	CHECK_STR(ds.name[0], "Budget participatif");
	CHECK_INT(day_set_streams(st, 999, streams, 1, fac, 2004), BORNE_ENOTFOUND);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action ="
	                         " 'day.streams'"), 2);

	/* Cancel: a day with visits stays; the rest of the season goes. */
	CHECK_INT(day_cancel(st, visit_day, fac, 2005), BORNE_EREFUSED);
	CHECK_CONTAINS(store_errmsg(st), "has visits");
	CHECK_INT(day_cancel(st, d.id, coop, 2005), BORNE_EPERM);
	CHECK_INT(day_cancel(st, d.id, fac, 2005), BORNE_OK);
	CHECK_INT(day_get(st, d.id, &d), BORNE_ENOTFOUND);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM day_streams"), 0);
	CHECK_INT(day_series_cancel(st, sid, "2025-10-20", fac, 2006, &n, &kept),
	          BORNE_OK);
	CHECK_INT(n, 4);                 /* 11-05, 11-13, 11-19, 11-26 */
	CHECK_INT(kept, 1);              /* 10-28, it had a visit */
	list[0] = '\0';
	CHECK_INT(day_each(st, "2025-10-01", "2025-11-30", collect, list), BORNE_OK);
	CHECK_STR(list, "2025-10-01|2025-10-08|2025-10-28|");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action ="
	                         " 'day.cancel'"), 5);
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

	st = fx_open("plan.db");
	test_plan(st);
	store_close(st);
	return check_done();
}
