/* test_read_errors.c -- every read a screen shows (the board, my
** missions, takers, who is here and how many, the day, members) answers
** a storage error with a negative BORNE_E*, never with 0 rows: with the
** store's read fault hook (store_fault_reads) on, none says BORNE_OK. */
#include <string.h>

#include "borne.h"
#include "check.h"
#include "checkin.h"
#include "core_fixture.h"
#include "day.h"
#include "member.h"
#include "mission.h"

#define NOW fx_t("2025-05-05T10:00")      /* a Monday */

static int
count_visit(const Visit *v, void *ctx)
{
	(void)v;
	(*(int *)ctx)++;
	return 0;
}

static int
count_member(const Member *m, void *ctx)
{
	(void)m;
	(*(int *)ctx)++;
	return 0;
}

static int
count_mission(const Mission *m, void *ctx)
{
	(void)m;
	(*(int *)ctx)++;
	return 0;
}

static int
count_taker(int64_t member_id, const char *name, int64_t taken_utc, void *ctx)
{
	(void)member_id; (void)name; (void)taken_utc;
	(*(int *)ctx)++;
	return 0;
}

static int
count_day(const ContribDay *d, void *ctx)
{
	(void)d;
	(*(int *)ctx)++;
	return 0;
}

int
main(void)
{
	BadgeUid uid = { 4, { 0x04, 0x0A, 0x0B, 0x0C } };
	MissionQuery q = { -1, NULL, 0, 1, MISSION_PENDING, 0, 8 };
	MissionCard cards[8];
	CheckinResult res;
	ContribDay day;
	MissionDraft d;
	Mission mi;
	Member m;
	Store *st;
	int64_t who, mid = 0, first;
	int n, total, seen, added;

	fx_setup();
	st = fx_open("read_errors.db");
	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 0, &uid, NULL, 0, 1,
	                     &who), BORNE_OK);
	mission_draft_init(&d);
	snprintf(d.title, sizeof d.title, "Ranger");
	snprintf(d.description, sizeof d.description, "La réserve");
	CHECK_INT(mission_add(st, &d, who, NOW, &mid), BORNE_OK);
	CHECK_INT(day_add(st, "2025-05-05", "Jour", 600, 1080, NULL, 0, NOW,
	                  &first, &added), BORNE_OK);
	CHECK_INT(checkin_tap(st, &uid, NOW, &res), BORNE_OK);

	/* Healthy: the reads see the rows. */
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(n, 1);
	CHECK_INT(checkin_present_count(st, NOW + 60, &n), BORNE_OK);
	CHECK_INT(n, 1);

	store_fault_reads(st, 1);
	n = total = 7;
	CHECK(mission_search(st, &q, cards, &n, &total) < 0);
	CHECK_INT(n, 0);
	CHECK_INT(total, 0);
	CHECK_STR(store_errmsg(st), "read refused (fault hook)");
	n = 7;
	CHECK(mission_of_member(st, who, cards, 8, &n) < 0);
	CHECK_INT(n, 0);
	CHECK(mission_get(st, mid, &mi) < 0);
	CHECK(mission_get(st, mid, &mi) != BORNE_ENOTFOUND);
	seen = 0;
	CHECK(mission_each(st, -1, count_mission, &seen) < 0);
	CHECK(mission_takers_each(st, mid, count_taker, &seen) < 0);
	CHECK(mission_is_taker(st, mid, who) < 0);
	n = 7;
	CHECK(checkin_present_count(st, NOW + 60, &n) < 0);
	CHECK(checkin_present_each(st, NOW + 60, count_visit, &seen) < 0);
	CHECK(checkin_each(st, "2025-05-05", count_visit, &seen) < 0);
	CHECK(day_on(st, "2025-05-05", &day) < 0);
	CHECK(day_on(st, "2025-05-05", &day) != BORNE_ENOTFOUND);
	CHECK(day_each(st, NULL, NULL, count_day, &seen) < 0);
	CHECK(member_each(st, count_member, &seen) < 0);
	CHECK(member_get(st, who, &m) < 0);
	CHECK(member_get(st, who, &m) != BORNE_ENOTFOUND);
	CHECK(member_by_badge(st, &uid, &m) < 0);
	CHECK(member_by_badge(st, &uid, &m) != BORNE_ENOTFOUND);
	CHECK_INT(seen, 0);

	/* Off again: all as before. */
	store_fault_reads(st, 0);
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(total, 1);
	CHECK_INT(checkin_present_count(st, NOW + 60, &n), BORNE_OK);
	CHECK_INT(n, 1);
	store_close(st);
	return check_done();
}
