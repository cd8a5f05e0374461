/* test_stream.c -- work streams at check-in (stream.h): what is offered
** ("comme la dernière fois" only when today has it), a choice and a
** change during the day, what is refused, and the hours per stream of
** report attendance --by stream (a visit cut where it changed, the same
** counting rules as the other reports). TZ is Europe/Paris. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "check.h"
#include "checkin.h"
#include "core_fixture.h"
#include "day.h"
#include "member.h"
#include "report.h"
#include "stream.h"
#include "uid.h"

static int64_t
add_member(Store *st, const char *name, const char *hex)
{
	BadgeUid uid;
	int64_t id = 0;

	CHECK_INT(uid_parse(hex, UID_DEC_LSB_FIRST, &uid, NULL, 0), BORNE_OK);
	CHECK_INT(member_add(st, name, ROLE_COOPERATOR, 1, &uid, NULL, 0, 1000,
	                     &id), BORNE_OK);
	return id;
}

/* A tap of badge hex at local time `at`; returns the visit. */
static int64_t
tap(Store *st, const char *hex, const char *at, CheckinOutcome expect)
{
	CheckinResult r;
	BadgeUid uid;

	CHECK_INT(uid_parse(hex, UID_DEC_LSB_FIRST, &uid, NULL, 0), BORNE_OK);
	CHECK_INT(checkin_tap(st, &uid, fx_t(at), &r), BORNE_OK);
	CHECK_INT(r.outcome, expect);
	return r.visit_id;
}

static char *
report(Store *st, const char *from, const char *to, ReportFormat fmt)
{
	static char buf[4096];
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");

	memset(buf, 0, sizeof buf);
	CHECK(f != NULL);
	CHECK_INT(report_attendance(st, from, to, REPORT_BY_STREAM, fmt, f),
	          BORNE_OK);
	fclose(f);
	return buf;
}

int
main(void)
{
	static const char *const wed[] = { "Chantier", "Communication", "Budget" };
	static const char *const thu[] = { "Communication", "Jardin" };
	Store *st;
	StreamOffer o;
	ReportPeriod p;
	ReportGroupFigures *f = NULL;
	int64_t zoe, sam, staff, d1, d2, v, v2, vs;
	int n;
	char *out;

	fx_setup();
	st = fx_open("stream.db");
	zoe = add_member(st, "Zoé K.", "04AA0001");
	sam = add_member(st, "Sam L.", "04AA0002");
	CHECK_INT(member_add(st, "Bernard F.", ROLE_FACILITATOR, 0, NULL, NULL, 0,
	                     1000, &staff), BORNE_OK);
	CHECK_INT(day_add(st, "2026-03-04", "Mercredi", 9 * 60, 17 * 60, NULL, 0,
	                  1000, &d1, &n), BORNE_OK);
	CHECK_INT(day_add(st, "2026-03-05", "Jeudi", 9 * 60, 17 * 60, NULL, 0,
	                  1000, &d2, &n), BORNE_OK);
	CHECK_INT(day_set_streams(st, d1, wed, 3, 0, 1000), BORNE_OK);

	/* Not in: nothing to offer; a day without streams neither. */
	CHECK_INT(stream_offer(st, zoe, fx_t("2026-03-04T09:00"), &o),
	          BORNE_ENOTFOUND);
	CHECK_INT(o.visit_id, 0);

	/* Zoé arrives at 9:00, picks Chantier at the greeting a few seconds
	** later: it holds from her arrival. */
	v = tap(st, "04AA0001", "2026-03-04T09:00", CHECKIN_IN);
	CHECK_INT(stream_offer(st, zoe, fx_t("2026-03-04T09:00:05"), &o), BORNE_OK);
	CHECK_INT(o.visit_id, v);
	CHECK_INT(o.day.n, 3);
	CHECK_STR(o.current, "");
	CHECK_STR(o.last, "");              /* no earlier visit */
	CHECK_INT(stream_choose(st, v, "chantier", fx_t("2026-03-04T09:00:05")),
	          BORNE_OK);
	CHECK_INT(stream_offer(st, zoe, fx_t("2026-03-04T09:01"), &o), BORNE_OK);
	CHECK_STR(o.current, "Chantier");   /* the day's spelling */
	CHECK_INT(fx_sql_int(st, "SELECT from_utc FROM visit_streams"),
	          fx_t("2026-03-04T09:00"));
	/* The same again writes nothing; a name the day has not, refused. */
	CHECK_INT(stream_choose(st, v, "Chantier", fx_t("2026-03-04T10:00")),
	          BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visit_streams"), 1);
	CHECK_INT(stream_choose(st, v, "Cuisine", fx_t("2026-03-04T10:00")),
	          BORNE_EINVAL);
	CHECK_INT(stream_choose(st, 999, "Budget", fx_t("2026-03-04T10:00")),
	          BORNE_ENOTFOUND);
	/* At 11:00 she moves to Communication at the kiosk. */
	CHECK_INT(stream_choose(st, v, "Communication", fx_t("2026-03-04T11:00")),
	          BORNE_OK);
	CHECK_INT(stream_current(st, v, o.current, sizeof o.current), BORNE_OK);
	CHECK_STR(o.current, "Communication");
	/* Sam comes, skips the question, leaves: hours with no stream. */
	vs = tap(st, "04AA0002", "2026-03-04T10:00", CHECKIN_IN);
	tap(st, "04AA0002", "2026-03-04T12:00", CHECKIN_OUT);
	CHECK_INT(stream_choose(st, vs, "Budget", fx_t("2026-03-04T12:30")),
	          BORNE_EREFUSED);          /* over: no change after the fact */
	tap(st, "04AA0001", "2026-03-04T13:00", CHECKIN_OUT);
	(void)sam;

	/* Thursday: Communication is there again, "comme la dernière fois"
	** is offered; Friday's day has none of hers: nothing "last". */
	CHECK_INT(day_set_streams(st, d2, thu, 2, 0, 1000), BORNE_OK);
	v2 = tap(st, "04AA0001", "2026-03-05T09:30", CHECKIN_IN);
	CHECK_INT(stream_offer(st, zoe, fx_t("2026-03-05T09:30"), &o), BORNE_OK);
	CHECK_INT(o.visit_id, v2);
	CHECK_STR(o.last, "Communication");
	CHECK_STR(o.current, "");
	CHECK_INT(stream_choose(st, v2, o.last, fx_t("2026-03-05T09:31")), BORNE_OK);
	tap(st, "04AA0001", "2026-03-05T11:30", CHECKIN_OUT);
	CHECK_INT(day_set_streams(st, d2, thu + 1, 1, 0, 1000), BORNE_OK);
	tap(st, "04AA0001", "2026-03-05T14:00", CHECKIN_IN);
	CHECK_INT(stream_offer(st, zoe, fx_t("2026-03-05T14:00"), &o), BORNE_OK);
	CHECK_STR(o.last, "");

	/* Hours per stream: Chantier 9-11 (2 h), Communication 11-13 (2 h)
	** and Thursday 9:30-11:30 (2 h), Sam's 2 h with none; the open
	** visit counts 0. Wednesday alone, then both days. */
	out = report(st, "2026-03-04", "2026-03-04", REPORT_CSV);
	CHECK_STR(out, "stream,members,visits,hours\r\n"
	               "Chantier,1,1,2:00\r\n"
	               "Communication,1,1,2:00\r\n"
	               "(none),1,1,2:00\r\n");
	out = report(st, "2026-03-04", "2026-03-05", REPORT_TEXT);
	CHECK(strstr(out, "Communication") != NULL);
	CHECK(strstr(out, "total") != NULL);
	CHECK_INT(report_streams(st, "2026-03-04", "2026-03-05", &f, &n), BORNE_OK);
	CHECK_INT(n, 3);
	CHECK_STR(f[1].name, "Communication");
	CHECK_INT(f[1].visits, 2);
	CHECK_INT(f[1].members, 1);
	CHECK_INT(f[1].seconds, 4 * 3600);
	CHECK_STR(f[2].name, "");
	CHECK_INT(f[2].visits, 2);          /* Sam's, and Zoé's open one */
	CHECK_INT(f[2].seconds, 2 * 3600);
	free(f);
	/* The period's figures hold the same, and their CSV says them. */
	CHECK_INT(report_period(st, "2026-03-04", "2026-03-05", &p), BORNE_OK);
	CHECK_INT(p.n_streams, 3);
	CHECK_INT(p.streams[0].seconds + p.streams[1].seconds +
	          p.streams[2].seconds, p.seconds_days);
	{
		char buf[4096];
		FILE *fp = fmemopen(buf, sizeof buf - 1, "w");

		memset(buf, 0, sizeof buf);
		CHECK_INT(report_period_csv(&p, fp), BORNE_OK);
		fclose(fp);
		CHECK(strstr(buf, "stream_hours,2026-03-04/2026-03-05,"
		                  "Communication,4.00") != NULL);
		CHECK(strstr(buf, "stream_hours,2026-03-04/2026-03-05,(none),2.00")
		      != NULL);
	}
	report_period_free(&p);
	/* A correction that moves the visit under its rows: the cut stays
	** inside the visit and the sums stay its hours. */
	CHECK_INT(checkin_fix(st, v, fx_t("2026-03-04T09:30"),
	                      fx_t("2026-03-04T10:30"), staff,
	                      fx_t("2026-03-06T09:00")), BORNE_OK);
	out = report(st, "2026-03-04", "2026-03-04", REPORT_CSV);
	CHECK_STR(out, "stream,members,visits,hours\r\n"
	               "Chantier,1,1,1:00\r\n"
	               "Communication,1,1,0:00\r\n"
	               "(none),1,1,2:00\r\n");
	store_close(st);
	return check_done();
}
