/* test_checkin.c -- the door: in, out, repeats, day links, automatic
** closing at the day's end and at midnight, unknown and deactivated
** badges, replayed taps, corrections. */
#include <string.h>

#include "borne.h"
#include "check.h"
#include "checkin.h"
#include "core_fixture.h"
#include "day.h"
#include "member.h"
#include "uuid.h"

static int
count_visit(const Visit *v, void *ctx)
{
	(void)v;
	(*(int *)ctx)++;
	return 0;
}

static int
first_name(const Visit *v, void *ctx)
{
	strcat((char *)ctx, v->member_name);
	strcat((char *)ctx, "|");
	return 0;
}

static CheckinResult
tap(Store *st, const BadgeUid *u, const char *local)
{
	CheckinResult r;

	CHECK_INT(checkin_tap(st, u, fx_t(local), &r), BORNE_OK);
	return r;
}

/* The defects found at the door, with only the calls the kiosk and
** borne-admin make: each failed before the rules of checkin.c. */
static void
door_defects(void)
{
	BadgeUid ines = { 4, { 0x04, 0xA1, 0xB2, 0xC3 } };
	Store *st = fx_open("defects.db");
	CheckinResult r;
	int64_t a, id, secs;

	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 0, &ines, NULL, 0, 1, &a),
	          BORNE_OK);
	/* A visit dated a day ahead: later taps still toggle, no overlap. */
	r = tap(st, &ines, "2026-03-21T09:00");
	r = tap(st, &ines, "2026-03-20T09:00");
	CHECK_INT(r.outcome, CHECKIN_IN);
	r = tap(st, &ines, "2026-03-20T16:00");
	CHECK_INT(r.outcome, CHECKIN_OUT);
	CHECK_INT(checkin_seconds_on(st, a, "2026-03-20", fx_t("2026-03-22T00:00"),
	                             &secs), BORNE_OK);
	CHECK_INT(secs, 7 * 3600);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits WHERE out_utc IS NOT NULL"
	                         " AND out_utc <= in_utc"), 0);
	/* Leaving at 00:20 after an evening ending at midnight. */
	CHECK_INT(day_add(st, "2026-03-13", "Soirée", 19 * 60, 1440, NULL, 0,
	                  fx_t("2026-03-01T00:00"), &id, NULL), BORNE_OK);
	r = tap(st, &ines, "2026-03-13T19:00");
	r = tap(st, &ines, "2026-03-14T00:20");
	CHECK_INT(r.outcome, CHECKIN_OUT);
	CHECK_INT(checkin_seconds_on(st, a, "2026-03-13", fx_t("2026-03-22T00:00"),
	                             &secs), BORNE_OK);
	CHECK_INT(secs, 5 * 3600 + 20 * 60);
	CHECK_INT(checkin_seconds_on(st, a, "2026-03-14", fx_t("2026-03-22T00:00"),
	                             &secs), BORNE_OK);
	CHECK_INT(secs, 0);
	/* The day opened at 09:30, after an 08:45 arrival: closed at 17:00. */
	r = tap(st, &ines, "2026-03-16T08:45");
	CHECK_INT(day_add(st, "2026-03-16", "Chantier", 9 * 60, 17 * 60, NULL, 0,
	                  fx_t("2026-03-16T09:30"), &id, NULL), BORNE_OK);
	CHECK_INT(checkin_close_stale(st, fx_t("2026-03-17T08:00"), NULL), BORNE_OK);
	CHECK_INT(checkin_seconds_on(st, a, "2026-03-16", fx_t("2026-03-22T00:00"),
	                             &secs), BORNE_OK);
	CHECK_INT(secs, 8 * 3600 + 15 * 60);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits WHERE day_id IS NULL"
	                         " AND in_utc >= strftime('%s','2026-03-16')"
	                         " AND in_utc < strftime('%s','2026-03-17')"), 0);
	/* A tap at a time before 2024 records nothing. */
	CHECK_INT(checkin_tap(st, &ines, 82800, &r), BORNE_ECLOCK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits WHERE in_utc < 1704067200"), 0);
	store_close(st);
}

static int
last_fix(const VisitFix *f, void *ctx)
{
	*(VisitFix *)ctx = *f;
	return 1;                        /* the first is enough here */
}

int
main(void)
{
	BadgeUid ines = { 4, { 0x04, 0xA1, 0xB2, 0xC3 } };
	BadgeUid zoe = { 7, { 0x04, 1, 2, 3, 4, 5, 6 } };
	BadgeUid nobody = { 4, { 0xDE, 0xAD, 0xBE, 0xEF } };
	BadgeUid gone = { 4, { 0x11, 0x22, 0x33, 0x44 } };
	CheckinResult r;
	Visit v;
	Store *st;
	char names[256] = "", uuid[BORNE_UUID_LEN + 1];
	int64_t a, z, g, f, day_id, secs, v1;
	int n;

	fx_setup();
	door_defects();
	st = fx_open("checkin.db");
	CHECK_INT(member_add(st, "Inès Martin", ROLE_COOPERATOR, 1, &ines, NULL, 0,
	                     1, &a), BORNE_OK);
	CHECK_INT(member_add(st, "Zoé", ROLE_COWORKER, 0, &zoe, NULL, 0, 1, &z),
	          BORNE_OK);
	CHECK_INT(member_add(st, "Gaston", ROLE_COOPERATOR, 0, &gone, NULL, 0, 1,
	                     &g), BORNE_OK);
	CHECK_INT(member_add(st, "Fatou", ROLE_FACILITATOR, 0, NULL, "1234", 0, 1,
	                     &f), BORNE_OK);
	CHECK_INT(member_deactivate(st, g, 0, 2), BORNE_OK);
	CHECK_INT(day_add(st, "2025-03-12", "Journée contributive", 9 * 60,
	                  17 * 60, NULL, 0, 1, &day_id, NULL), BORNE_OK);
	CHECK_STR(checkin_outcome_name(CHECKIN_IGNORED), "ignored");
	CHECK_STR(checkin_outcome_name(CHECKIN_INACTIVE), "inactive");

	/* Before opening: still linked to the day of that date. */
	r = tap(st, &ines, "2025-03-12T08:30");
	CHECK_INT(r.outcome, CHECKIN_IN);
	CHECK_INT(r.member.id, a);
	CHECK_STR(r.member.name, "Inès Martin");
	CHECK_INT(r.has_day, 1);
	CHECK_INT(r.day.id, day_id);
	CHECK_INT(r.in_utc, fx_t("2025-03-12T08:30"));
	CHECK_INT(r.out_utc, 0);
	CHECK_INT(r.today_s, 0);
	v1 = r.visit_id;
	CHECK(v1 > 0);
	CHECK_INT(checkin_get(st, v1, &v), BORNE_OK);
	CHECK_STR(v.badge, "04A1B2C3");
	CHECK_STR(v.kiosk_id, "borne-1");
	CHECK_INT(v.day_id, day_id);
	CHECK_INT((int)strlen(v.uuid), BORNE_UUID_LEN);

	/* A bounce within the window: ignored, nothing written. */
	r = tap(st, &ines, "2025-03-12T08:30:30");
	CHECK_INT(r.outcome, CHECKIN_IGNORED);
	CHECK_INT(r.ago_s, 30);
	CHECK_INT(r.visit_id, v1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT out_utc IS NULL FROM visits"), 1);

	r = tap(st, &ines, "2025-03-12T10:00");
	CHECK_INT(r.outcome, CHECKIN_OUT);
	CHECK_INT(r.visit_id, v1);
	CHECK_INT(r.out_utc, fx_t("2025-03-12T10:00"));
	CHECK_INT(r.today_s, 5400);
	/* The window counts from the last tap, the departure too. */
	r = tap(st, &ines, "2025-03-12T10:00:59");
	CHECK_INT(r.outcome, CHECKIN_IGNORED);
	CHECK_INT(r.ago_s, 59);
	r = tap(st, &ines, "2025-03-12T11:00");
	CHECK_INT(r.outcome, CHECKIN_IN);
	CHECK(r.visit_id != v1);
	CHECK_INT(r.today_s, 5400);

	/* Zoé too; two present, ordered by arrival. */
	r = tap(st, &zoe, "2025-03-12T11:30");
	CHECK_INT(r.outcome, CHECKIN_IN);
	CHECK_INT(checkin_present_count(st, fx_t("2025-03-12T12:00"), &n), BORNE_OK);
	CHECK_INT(n, 2);
	CHECK_INT(checkin_present_each(st, fx_t("2025-03-12T12:00"), first_name,
	                               names), BORNE_OK);
	CHECK_STR(names, "Inès Martin|Zoé|");
	CHECK_INT(checkin_seconds_on(st, a, "2025-03-12", fx_t("2025-03-12T12:00"),
	                             &secs), BORNE_OK);
	CHECK_INT(secs, 5400 + 3600);

	/* The day's closing hour closes what is still open. */
	CHECK_INT(checkin_close_stale(st, fx_t("2025-03-12T16:59"), &n), BORNE_OK);
	CHECK_INT(n, 0);
	CHECK_INT(checkin_present_count(st, fx_t("2025-03-12T17:00"), &n), BORNE_OK);
	CHECK_INT(n, 0);                          /* day over: nobody listed */
	CHECK_INT(checkin_close_stale(st, fx_t("2025-03-12T17:01"), &n), BORNE_OK);
	CHECK_INT(n, 2);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits WHERE auto_closed = 1"), 2);
	CHECK_INT(checkin_close_stale(st, fx_t("2025-03-12T17:02"), NULL), BORNE_OK);
	CHECK_INT(checkin_seconds_on(st, a, "2025-03-12", fx_t("2025-03-12T23:00"),
	                             &secs), BORNE_OK);
	CHECK_INT(secs, 5400 + 6 * 3600);         /* 11:00 -> 17:00, not later */

	/* A tap soon after an automatic close (checkout_grace_min) is that
	** visit's departure, at the tap, flagged: not a new visit. */
	r = tap(st, &ines, "2025-03-12T17:30");
	CHECK_INT(r.outcome, CHECKIN_OUT);
	CHECK_INT(r.out_utc, fx_t("2025-03-12T17:30"));
	CHECK_INT(checkin_get(st, r.visit_id, &v), BORNE_OK);
	CHECK_INT(v.out_late, 1);
	CHECK_INT(v.auto_closed, 0);
	CHECK_INT(checkin_present_count(st, fx_t("2025-03-12T20:00"), &n), BORNE_OK);
	CHECK_INT(n, 0);

	/* Next day, no contributive day: not linked. */
	r = tap(st, &zoe, "2025-03-13T20:00");
	CHECK_INT(r.outcome, CHECKIN_IN);
	CHECK_INT(r.has_day, 0);
	CHECK_INT(r.day.id, 0);
	/* With no day, the visit ends visit_cap_h (10 h) after the arrival,
	** not at midnight: still present at 00:30. */
	CHECK_INT(checkin_present_count(st, fx_t("2025-03-14T00:30"), &n), BORNE_OK);
	CHECK_INT(n, 1);
	CHECK_INT(checkin_close_stale(st, fx_t("2025-03-14T05:59"), &n), BORNE_OK);
	CHECK_INT(n, 0);
	CHECK_INT(checkin_close_stale(st, fx_t("2025-03-14T06:00"), &n), BORNE_OK);
	CHECK_INT(n, 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits WHERE out_utc IS NULL"), 0);

	/* Unknown and deactivated badges: logged without personal data. */
	r = tap(st, &nobody, "2025-03-14T09:00");
	CHECK_INT(r.outcome, CHECKIN_UNKNOWN);
	CHECK_INT(r.member.id, 0);
	CHECK_INT(r.visit_id, 0);
	r = tap(st, &gone, "2025-03-14T09:01");
	CHECK_INT(r.outcome, CHECKIN_INACTIVE);
	CHECK_INT(r.member.id, g);
	CHECK_INT(r.visit_id, 0);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits WHERE member_id = 3"), 0);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM unknown_taps WHERE"
	                         " outcome = 'unknown' AND uid = 'DEADBEEF'"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM unknown_taps WHERE"
	                         " outcome = 'inactive' AND uid IS NULL"), 1);

	/* A replayed tap (same uuid) counts once, in and out. */
	uuid_make(uuid);
	CHECK_INT(checkin_tap_id(st, &ines, fx_t("2025-03-14T10:00"), uuid, &r), BORNE_OK);
	CHECK_INT(r.outcome, CHECKIN_IN);
	v1 = r.visit_id;
	CHECK_INT(checkin_tap_id(st, &ines, fx_t("2025-03-14T10:05"), uuid, &r), BORNE_OK);
	CHECK_INT(r.outcome, CHECKIN_IN);
	CHECK_INT(r.visit_id, v1);
	CHECK_INT(r.in_utc, fx_t("2025-03-14T10:00"));
	uuid_make(uuid);
	CHECK_INT(checkin_tap_id(st, &ines, fx_t("2025-03-14T12:00"), uuid, &r), BORNE_OK);
	CHECK_INT(r.outcome, CHECKIN_OUT);
	CHECK_INT(checkin_tap_id(st, &ines, fx_t("2025-03-14T12:10"), uuid, &r), BORNE_OK);
	CHECK_INT(r.outcome, CHECKIN_OUT);
	CHECK_INT(r.visit_id, v1);
	CHECK_INT(r.out_utc, fx_t("2025-03-14T12:00"));
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits WHERE in_utc >= "
	                         "strftime('%s','2025-03-14')"), 1);
	CHECK_INT(checkin_tap_id(st, &ines, 1, "not-a-uuid", &r), BORNE_EINVAL);
	/* A clock before 2024 is wrong: nothing is recorded from it. */
	uuid_make(uuid);
	CHECK_INT(checkin_tap_id(st, &ines, 82800, uuid, &r), BORNE_ECLOCK);
	{
		BadgeUid bad = { 3, { 1, 2, 3 } };
		CHECK_INT(checkin_tap(st, &bad, 1, &r), BORNE_EINVAL);
		CHECK_INT(checkin_tap(st, NULL, 1, &r), BORNE_EINVAL);
	}

	/* No repeat window: the second tap at once checks out. */
	{
		StoreRules rules = *store_rules(st);
		rules.checkin_repeat_s = 0;
		snprintf(rules.kiosk_id, sizeof rules.kiosk_id, "borne-sud");
		store_rules_set(st, &rules);
	}
	r = tap(st, &zoe, "2025-03-15T09:00");
	CHECK_INT(r.outcome, CHECKIN_IN);
	r = tap(st, &zoe, "2025-03-15T09:00");
	CHECK_INT(r.outcome, CHECKIN_OUT);
	CHECK_INT(checkin_get(st, r.visit_id, &v), BORNE_OK);
	CHECK_STR(v.kiosk_id, "borne-sud");

	/* A facilitator's correction: audited, no longer auto-closed. */
	n = 0;
	CHECK_INT(checkin_each(st, "2025-03-12", count_visit, &n), BORNE_OK);
	CHECK_INT(n, 3);
	n = 0;
	CHECK_INT(checkin_each(st, NULL, count_visit, &n), BORNE_OK);
	CHECK_INT(n, 6);
	CHECK_INT(checkin_each(st, "2025-13-01", count_visit, &n), BORNE_EINVAL);
	CHECK_INT(checkin_fix(st, 2, fx_t("2025-03-12T11:00"), fx_t("2025-03-12T10:00"),
	                      f, fx_t("2025-03-20T00:00")), BORNE_EINVAL);
	CHECK_INT(checkin_fix(st, 2, fx_t("2025-03-12T11:00"), fx_t("2025-03-12T12:30"),
	                      f, fx_t("2025-03-20T00:00")), BORNE_OK);
	CHECK_INT(checkin_get(st, 2, &v), BORNE_OK);
	CHECK_INT(v.auto_closed, 0);
	CHECK_INT(v.out_utc, fx_t("2025-03-12T12:30"));
	/* What the door recorded is kept beside the correction, and the
	** visit says it was corrected. */
	CHECK_INT(v.corrected, 1);
	{
		VisitFix fx;

		CHECK_INT(checkin_fix_each(st, 2, last_fix, &fx), BORNE_OK);
		CHECK_INT(fx.visit_id, 2);
		CHECK_INT(fx.actor_id, f);
		CHECK(fx.old_in_utc >= BORNE_CLOCK_FLOOR_UTC);
		CHECK(fx.old_out_utc > fx.old_in_utc);
		CHECK_INT(fx.new_in_utc, fx_t("2025-03-12T11:00"));
		CHECK_INT(fx.new_out_utc, fx_t("2025-03-12T12:30"));
		CHECK_INT(fx.at_utc, fx_t("2025-03-20T00:00"));
	}
	/* Only a facilitator corrects; a refusal writes nothing. */
	CHECK_INT(checkin_fix(st, 2, fx_t("2025-03-12T11:00"), fx_t("2025-03-12T12:00"),
	                      g, fx_t("2025-03-20T00:00")), BORNE_EPERM);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visit_fixes"), 1);
	/* A second correction appends; the first row stays as it was. */
	CHECK_INT(checkin_fix(st, 2, fx_t("2025-03-12T11:15"), fx_t("2025-03-12T12:30"),
	                      f, fx_t("2025-03-20T00:00")), BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visit_fixes WHERE visit_id = 2"), 2);
	CHECK_INT(fx_sql_int(st, "SELECT old_in_utc FROM visit_fixes ORDER BY id DESC"),
	          fx_t("2025-03-12T11:00"));
	CHECK_INT(fx_sql_int(st, "SELECT new_in_utc FROM visit_fixes ORDER BY id"),
	          fx_t("2025-03-12T11:00"));
	CHECK_INT(checkin_fix(st, 2, fx_t("2025-03-12T11:00"), fx_t("2025-03-12T12:30"),
	                      f, fx_t("2025-03-20T00:00")), BORNE_OK);
	CHECK_INT(checkin_fix(st, 999, fx_t("2025-03-12T11:00"),
	                      fx_t("2025-03-12T12:00"), f, fx_t("2025-03-20T00:00")),
	          BORNE_ENOTFOUND);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM audit WHERE action = 'visit.fix'"
	                         " AND actor_id = 4 AND target_id = 2"), 3);
	CHECK_INT(checkin_get(st, 999, &v), BORNE_ENOTFOUND);
	store_close(st);

	/* Everything confirmed is on disk. */
	st = fx_open("checkin.db");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits"), 6);
	store_close(st);
	return check_done();
}
