/* test_safety.c -- the minors' limits (day, week, break) read from their
** visits, across midnight and the change to summer time, the heat alert,
** and mission_take refusing what would pass them. TZ is Europe/Paris. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "borne.h"
#include "check.h"
#include "core_fixture.h"
#include "member.h"
#include "mission.h"
#include "safety.h"

static int n_visits;

/* A visit of member from local time `in` to `out` (NULL: still in). */
static void
visit(Store *st, int64_t member, const char *in, const char *out)
{
	char sql[256], out_sql[24] = "NULL";

	if (out != NULL)
		snprintf(out_sql, sizeof out_sql, "%lld", (long long)fx_t(out));
	snprintf(sql, sizeof sql, "INSERT INTO visits(uuid, member_id, badge,"
	         " in_utc, out_utc, kiosk_id) VALUES ('v-%d', %lld, 'AA', %lld,"
	         " %s, 'k')", ++n_visits, (long long)member, (long long)fx_t(in),
	         out_sql);
	CHECK_INT(sqlite3_exec(store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
}

/* member's open visit ends at local time out. */
static void
leave(Store *st, int64_t member, const char *out)
{
	char sql[160];

	snprintf(sql, sizeof sql, "UPDATE visits SET out_utc = %lld WHERE"
	         " member_id = %lld AND out_utc IS NULL", (long long)fx_t(out),
	         (long long)member);
	CHECK_INT(sqlite3_exec(store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
}

static SafetyStatus
status_at(Store *st, int64_t member, const char *now)
{
	SafetyRules r;
	SafetyStatus s;

	safety_rules(st, &r);
	CHECK_INT(safety_status(st, member, fx_t(now), &r, &s), BORNE_OK);
	return s;
}

static int64_t
add_mission(Store *st, int64_t poster, const char *date, int duration_min,
            int outdoor)
{
	MissionDraft d;
	int64_t id = 0;

	mission_draft_init(&d);
	snprintf(d.title, sizeof d.title, "Mission %s %d", date, duration_min);
	snprintf(d.description, sizeof d.description, "Une mission.");
	snprintf(d.place, sizeof d.place, "Jardin");
	snprintf(d.date_from, sizeof d.date_from, "%s", date);
	d.duration_min = duration_min;
	d.minors_ok = 1;
	d.outdoor = outdoor;
	CHECK_INT(mission_add(st, &d, poster, fx_t("2026-01-01 08:00"), &id),
	          BORNE_OK);
	return id;
}

int
main(void)
{
	Store *st;
	SafetyRules r;
	SafetyStatus s;
	SafetyLimit lim;
	MissionRefusal why;
	Mission m;
	int64_t zoe, sam, adult, staff, mid;

	fx_setup();
	st = fx_open("safety.db");
	CHECK_INT(member_add(st, "Zoé K.", ROLE_COOPERATOR, 1, NULL, NULL, 0, 1000,
	                     &zoe), BORNE_OK);
	CHECK_INT(member_add(st, "Sam L.", ROLE_COOPERATOR, 1, NULL, NULL, 0, 1000,
	                     &sam), BORNE_OK);
	CHECK_INT(member_add(st, "Adam A.", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1000,
	                     &adult), BORNE_OK);
	CHECK_INT(member_add(st, "Bernard F.", ROLE_FACILITATOR, 0, NULL, NULL, 0,
	                     1000, &staff), BORNE_OK);

	/* The law's defaults; staff change them, audited; others may not. */
	safety_rules(st, &r);
	CHECK_INT(r.day_max_min, 480);
	CHECK_INT(r.week_max_min, 2100);
	CHECK_INT(r.break_after_min, 270);
	CHECK_INT(r.break_min, 30);
	CHECK_INT(r.heat_from_min, 720);
	CHECK_INT(r.heat_to_min, 960);
	CHECK_INT(safety_rule_set(st, "safety.day_max_min", "420", zoe, 1000),
	          BORNE_EPERM);
	CHECK_INT(safety_rule_set(st, "safety.day_max_min", "2000", staff, 1000),
	          BORNE_EINVAL);
	CHECK_INT(safety_rule_set(st, "safety.nap_min", "20", staff, 1000),
	          BORNE_EINVAL);
	CHECK_INT(safety_rule_set(st, "safety.heat_hours", "16:00-12:00", staff,
	                          1000), BORNE_EINVAL);
	CHECK_INT(safety_rule_set(st, "safety.heat_hours", "11:30-17:00", staff,
	                          1000), BORNE_OK);
	safety_rules(st, &r);
	CHECK_INT(r.heat_from_min, 690);
	CHECK_INT(r.heat_to_min, 1020);
	CHECK_INT(safety_rule_set(st, "safety.heat_hours", "12:00-16:00", 0, 1000),
	          BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT COUNT(*) FROM audit WHERE action ="
	                     " 'setting.set'"), 2);

	/* A morning and an afternoon 15 minutes apart: one stretch of 5 h,
	** a break is due. */
	visit(st, zoe, "2026-03-02 09:00", "2026-03-02 12:00");
	visit(st, zoe, "2026-03-02 12:15", NULL);
	s = status_at(st, zoe, "2026-03-02 14:00");
	CHECK_INT(s.day_min, 285);
	CHECK_INT(s.week_min, 285);
	CHECK_INT(s.stretch_min, 300);
	CHECK_INT(s.needs_break, 1);
	CHECK_INT(s.over_day, 0);
	/* Sam took a real break of 30 minutes: his stretch starts again. */
	visit(st, sam, "2026-03-02 09:00", "2026-03-02 12:00");
	visit(st, sam, "2026-03-02 12:30", NULL);
	s = status_at(st, sam, "2026-03-02 14:00");
	CHECK_INT(s.stretch_min, 90);
	CHECK_INT(s.needs_break, 0);
	leave(st, sam, "2026-03-02 15:00");
	/* Not in, even when the visit closed this very second: no stretch. */
	s = status_at(st, sam, "2026-03-02 15:00");
	CHECK_INT(s.stretch_min, 0);
	CHECK_INT(s.day_min, 330);
	s = status_at(st, sam, "2026-03-01 14:00");
	CHECK_INT(s.stretch_min, 0);
	CHECK_INT(s.day_min, 0);

	/* Across midnight: each day counts its own part. */
	visit(st, adult, "2026-03-03 22:00", "2026-03-04 02:00");
	s = status_at(st, adult, "2026-03-03 23:30");
	CHECK_INT(s.day_min, 90);
	CHECK_INT(s.stretch_min, 90);
	s = status_at(st, adult, "2026-03-04 10:00");
	CHECK_INT(s.day_min, 120);
	CHECK_INT(s.week_min, 240);
	CHECK_INT(s.stretch_min, 0);

	/* The night the clocks go forward (29 March 2026, 02:00 -> 03:00):
	** 01:00 to 04:00 on the wall is two hours of work. */
	visit(st, adult, "2026-03-29 01:00", "2026-03-29 04:00");
	s = status_at(st, adult, "2026-03-29 12:00");
	CHECK_INT(s.day_min, 120);
	/* That Sunday closes the week of Monday 23 March. */
	visit(st, adult, "2026-03-23 09:00", "2026-03-23 10:00");
	s = status_at(st, adult, "2026-03-29 12:00");
	CHECK_INT(s.week_min, 180);
	/* And the clocks going back (25 October 2026, 03:00 -> 02:00):
	** 01:00 to 04:00 on the wall is four hours. */
	visit(st, adult, "2026-10-25 01:00", "2026-10-25 04:00");
	s = status_at(st, adult, "2026-10-25 12:00");
	CHECK_INT(s.day_min, 240);

	/* A week of 7 h days: Friday's end is the 35 h limit. */
	visit(st, sam, "2026-03-09 09:00", "2026-03-09 16:00");
	visit(st, sam, "2026-03-10 09:00", "2026-03-10 16:00");
	visit(st, sam, "2026-03-11 09:00", "2026-03-11 16:00");
	visit(st, sam, "2026-03-12 09:00", "2026-03-12 16:00");
	visit(st, sam, "2026-03-13 09:00", "2026-03-13 16:00");
	s = status_at(st, sam, "2026-03-13 15:00");
	CHECK_INT(s.week_min, 34 * 60);
	CHECK_INT(s.over_week, 0);
	s = status_at(st, sam, "2026-03-13 17:00");
	CHECK_INT(s.week_min, 35 * 60);
	CHECK_INT(s.over_week, 1);
	s = status_at(st, sam, "2026-03-16 09:00");   /* a new week */
	CHECK_INT(s.week_min, 0);

	/* Taking a mission: Zoé has worked 5 h today; 2 h more is fine, 4 h
	** is not; an adult is never stopped. */
	mid = add_mission(st, staff, "2026-03-02", 120, 0);
	CHECK_INT(mission_get(st, mid, &m), BORNE_OK);
	CHECK_INT(safety_check_take(st, zoe, &m, fx_t("2026-03-02 14:00"), &lim),
	          BORNE_OK);
	CHECK_INT(lim, SAFETY_OK);
	mid = add_mission(st, staff, "2026-03-02", 240, 0);
	CHECK_INT(mission_get(st, mid, &m), BORNE_OK);
	CHECK_INT(safety_check_take(st, zoe, &m, fx_t("2026-03-02 14:00"), &lim),
	          BORNE_OK);
	CHECK_INT(lim, SAFETY_DAY);
	CHECK_INT(safety_check_take(st, adult, &m, fx_t("2026-03-02 14:00"), &lim),
	          BORNE_OK);
	CHECK_INT(lim, SAFETY_OK);
	CHECK_INT(mission_take(st, mid, zoe, fx_t("2026-03-02 14:00"), &why),
	          BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_DAY_LIMIT);
	CHECK_INT(mission_is_taker(st, mid, zoe), 0);
	CHECK_INT(mission_take(st, mid, adult, fx_t("2026-03-02 14:00"), &why),
	          BORNE_OK);
	leave(st, zoe, "2026-03-02 18:00");
	/* A mission on a later day counts that day, and the missions already
	** held in its week: Sam worked 27 h and holds 6 h on Thursday 19; 3 h
	** on Friday 20 would pass 35 h. */
	visit(st, sam, "2026-03-16 09:00", "2026-03-16 16:00");
	visit(st, sam, "2026-03-17 09:00", "2026-03-17 16:00");
	visit(st, sam, "2026-03-18 09:00", "2026-03-18 16:00");
	visit(st, sam, "2026-03-18 17:00", "2026-03-18 23:00");
	mid = add_mission(st, staff, "2026-03-19", 360, 0);
	CHECK_INT(mission_take(st, mid, sam, fx_t("2026-03-18 23:30"), &why),
	          BORNE_OK);
	mid = add_mission(st, staff, "2026-03-20", 180, 0);
	CHECK_INT(mission_take(st, mid, sam, fx_t("2026-03-18 23:30"), &why),
	          BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_WEEK_LIMIT);
	/* Longer than a whole day's limit: refused whatever the day. */
	mid = add_mission(st, staff, "2026-04-20", 9 * 60, 0);
	CHECK_INT(mission_take(st, mid, zoe, fx_t("2026-04-01 10:00"), &why),
	          BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_DAY_LIMIT);

	/* The heat alert: on for the day it is turned on, in the hot hours,
	** outdoor missions only, minors only. */
	mid = add_mission(st, staff, "2026-07-20", 60, 1);
	CHECK_INT(mission_get(st, mid, &m), BORNE_OK);
	CHECK_INT(m.d.outdoor, 1);
	CHECK_INT(safety_heat_set(st, 1, zoe, fx_t("2026-07-15 09:00")), BORNE_EPERM);
	CHECK_INT(safety_heat_set(st, 1, staff, fx_t("2026-07-15 09:00")), BORNE_OK);
	CHECK_INT(safety_heat_on(st, fx_t("2026-07-15 09:00")), 1);
	CHECK_INT(safety_heat_now(st, fx_t("2026-07-15 09:00")), 0);
	CHECK_INT(safety_heat_now(st, fx_t("2026-07-15 12:00")), 1);
	CHECK_INT(safety_heat_now(st, fx_t("2026-07-15 15:59")), 1);
	CHECK_INT(safety_heat_now(st, fx_t("2026-07-15 16:00")), 0);
	CHECK_INT(safety_heat_on(st, fx_t("2026-07-16 13:00")), 0);  /* next day */
	CHECK_INT(mission_take(st, mid, zoe, fx_t("2026-07-15 13:00"), &why),
	          BORNE_EREFUSED);
	CHECK_INT(why, MREFUSE_HEAT);
	CHECK_CONTAINS(store_errmsg(st), "heat alert");
	CHECK_INT(mission_take(st, mid, adult, fx_t("2026-07-15 13:00"), &why),
	          BORNE_OK);
	mid = add_mission(st, staff, "2026-07-20", 60, 0);          /* indoors */
	CHECK_INT(mission_take(st, mid, zoe, fx_t("2026-07-15 13:00"), &why),
	          BORNE_OK);
	mid = add_mission(st, staff, "2026-07-21", 60, 1);
	CHECK_INT(mission_take(st, mid, zoe, fx_t("2026-07-15 17:00"), &why),
	          BORNE_OK);
	CHECK_INT(safety_heat_set(st, 0, staff, fx_t("2026-07-15 17:00")), BORNE_OK);
	CHECK_INT(safety_heat_on(st, fx_t("2026-07-15 17:01")), 0);
	/* The board of a minor in the hot hours (minors_only 2, scr_board.c)
	** leaves every open outdoor mission out, and only those. */
	add_mission(st, staff, "2026-07-22", 60, 1);
	{
		MissionQuery q = { -1, NULL, 1, 0, -1, 0, 0 };
		int t1 = 0, t2 = 0;

		CHECK_INT(mission_search(st, &q, NULL, NULL, &t1), BORNE_OK);
		q.minors_only = 2;
		CHECK_INT(mission_search(st, &q, NULL, NULL, &t2), BORNE_OK);
		CHECK(t1 > t2);
		CHECK_INT(t1 - t2, fx_sql_int(st, "SELECT count(*) FROM missions"
		                              " WHERE status = 'open' AND minors_ok = 1"
		                              " AND outdoor = 1"));
	}

	store_close(st);
	return check_done();
}
