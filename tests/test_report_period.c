/* test_report_period.c -- the back office's figures and files: a
** period's report (hours per contributive day and in total, people
** reached, missions, what the young people earned), its CSV, and the
** attendance CSV of any period (BOM, formula-safe, one member). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core_fixture.h"
#include "checkin.h"
#include "day.h"
#include "member.h"
#include "mission.h"
#include "report.h"
#include "store.h"
#include "timeutil.h"

static void visit(Store *st, int64_t member, const char *in, const char *out,
                  int64_t day_id);
static int64_t mission(Store *st, int64_t poster, const char *title,
                       int cents, int minors_ok, const char *created);
static char *capture(Store *st, int what, const char *from, const char *to,
                     int64_t member, int *rc);

/* A visit as the door writes it (the taps' own rules are tested in
** test_checkin.c; here only the sums matter). */
static void
visit(Store *st, int64_t member, const char *in, const char *out,
      int64_t day_id)
{
	char sql[400];
	static int n;

	snprintf(sql, sizeof sql, "INSERT INTO visits(uuid, member_id, badge,"
	         " in_utc, out_utc, day_id, kiosk_id) VALUES ('pv-%d', %lld, '',"
	         " %lld, %s%lld, %s%lld, 'k') RETURNING 0", ++n, (long long)member,
	         (long long)fx_t(in), out != NULL ? "" : "NULL+",
	         (long long)(out != NULL ? fx_t(out) : 0),
	         day_id > 0 ? "" : "NULL+", (long long)day_id);
	CHECK_INT(fx_sql_int(st, sql), 0);
}

static int64_t
mission(Store *st, int64_t poster, const char *title, int cents,
        int minors_ok, const char *created)
{
	MissionDraft d;
	Mission m;
	int64_t id = 0;

	mission_draft_init(&d);
	snprintf(d.title, sizeof d.title, "%s", title);
	d.reward_kind = cents > 0 ? REWARD_FIXED : REWARD_TIP;
	d.reward_cents = cents;
	d.minors_ok = minors_ok;
	d.places = 3;
	CHECK_INT(mission_add(st, &d, poster, fx_t(created), &id), BORNE_OK);
	CHECK_INT(mission_get(st, id, &m), BORNE_OK);
	if (m.status == MISSION_PENDING)
		CHECK_INT(mission_approve(st, id, 0, fx_t(created)), BORNE_OK);
	return id;
}

enum { CAP_RANGE, CAP_PERIOD };

static char *
capture(Store *st, int what, const char *from, const char *to,
        int64_t member, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ReportPeriod r;

	if (what == CAP_RANGE) {
		*rc = report_visits_range_csv(st, from, to, member, f);
	} else {
		*rc = report_period(st, from, to, &r);
		if (*rc == BORNE_OK)
			*rc = report_period_csv(&r, f);
		report_period_free(&r);
	}
	fclose(f);
	return buf;
}

int
main(void)
{
	Store *st;
	ReportPeriod r;
	int64_t fac, ado, ado2, adult, old, d1, d2, m1, m2, m3;
	int n, rc;
	char *csv;

	fx_setup();
	st = fx_open("period.db");
	CHECK_INT(member_add(st, "Fatou", ROLE_FACILITATOR, 0, NULL, NULL, 0, 1,
	                     &fac), BORNE_OK);
	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 1, NULL, NULL, 0, 1,
	                     &ado), BORNE_OK);
	CHECK_INT(member_add(st, "Zoé", ROLE_COOPERATOR, 1, NULL, NULL, 0, 1,
	                     &ado2), BORNE_OK);
	CHECK_INT(member_add(st, "=HYPERLINK(\"x\")", ROLE_COOPERATOR, 0, NULL,
	                     NULL, 0, 1, &adult), BORNE_OK);
	CHECK_INT(member_add(st, "Ancien", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1,
	                     &old), BORNE_OK);
	CHECK_INT(day_add(st, "2025-10-01", "Chantier", 600, 1080, "2025-10-08",
	                  fac, 1, &d1, &n), BORNE_OK);
	d2 = d1 + 1;

	/* Ancien came before the period: not a first-time visitor in it. */
	visit(st, old, "2025-09-10T10:00", "2025-09-10T12:00", 0);
	visit(st, old, "2025-10-01T10:00", "2025-10-01T11:30", d1);
	visit(st, ado, "2025-10-01T10:00", "2025-10-01T13:00", d1);
	visit(st, ado, "2025-10-08T14:00", "2025-10-08T15:00", d2);
	visit(st, adult, "2025-10-08T09:00", "2025-10-08T10:15", d2);
	visit(st, ado2, "2025-10-04T09:00", "2025-10-04T11:00", 0); /* no day */
	visit(st, ado2, "2025-10-09T09:00", NULL, 0);               /* open */
	visit(st, adult, "2025-11-02T09:00", "2025-11-02T10:00", 0); /* after */

	/* Missions: posted in, done in, earned by two minors on one. */
	m1 = mission(st, fac, "Peindre le portail", 1500, 1, "2025-09-20T10:00");
	m2 = mission(st, fac, "Tri des graines", 800, 1, "2025-10-02T10:00");
	m3 = mission(st, fac, "Compta", 0, 0, "2025-10-03T10:00");
	CHECK_INT(mission_take(st, m1, ado, fx_t("2025-10-02T11:00"), NULL), BORNE_OK);
	CHECK_INT(mission_take(st, m1, ado2, fx_t("2025-10-02T11:00"), NULL), BORNE_OK);
	CHECK_INT(mission_take(st, m2, ado, fx_t("2025-10-02T11:00"), NULL), BORNE_OK);
	CHECK_INT(mission_take(st, m3, adult, fx_t("2025-10-03T11:00"), NULL), BORNE_OK);
	CHECK_INT(mission_done(st, m1, fac, fx_t("2025-10-05T10:00"), NULL), BORNE_OK);
	CHECK_INT(mission_done(st, m3, fac, fx_t("2025-10-06T10:00"), NULL), BORNE_OK);
	CHECK_INT(mission_done(st, m2, fac, fx_t("2025-11-05T10:00"), NULL), BORNE_OK);

	CHECK_INT(report_period(st, "2025-10-01", "2025-10-31", &r), BORNE_OK);
	CHECK_INT(r.n_days, 2);
	CHECK_STR(r.days[0].date, "2025-10-01");
	CHECK_INT(r.days[0].seconds, (90 + 180) * 60);
	CHECK_INT(r.days[0].members, 2);
	CHECK_INT(r.days[1].seconds, (60 + 75) * 60);
	CHECK_INT(r.seconds_days, (90 + 180 + 60 + 75) * 60);
	CHECK_INT(r.seconds_total, (90 + 180 + 60 + 75 + 120) * 60);
	CHECK_INT(r.visits, 6);
	CHECK_INT(r.members, 4);
	CHECK_INT(r.members_minor, 2);
	CHECK_INT(r.first_time, 3);      /* Inès, Zoé, the adult */
	CHECK_INT(r.missions_posted, 2);
	CHECK_INT(r.missions_done, 2);
	CHECK_INT(r.earned_minor_cents, 3000);
	CHECK_INT(r.minors_earning, 2);
	report_period_free(&r);
	report_period_free(NULL);

	/* A period with nothing in it is zeros, not an error. */
	CHECK_INT(report_period(st, "2020-01-01", "2020-01-31", &r), BORNE_OK);
	CHECK_INT(r.n_days + r.visits + r.members + r.missions_posted, 0);
	report_period_free(&r);

	/* Bad periods name the field. */
	CHECK_INT(report_period(st, "2025-10-31", "2025-10-01", &r), BORNE_EINVAL);
	CHECK_STR(store_errmsg(st), "to: the period ends before it starts");
	CHECK_INT(report_period(st, "2025-13-01", "2025-10-01", &r), BORNE_EINVAL);
	CHECK_CONTAINS(store_errmsg(st), "from:");
	CHECK_INT(report_period(st, "2000-01-01", "2025-10-01", &r), BORNE_EINVAL);
	CHECK_CONTAINS(store_errmsg(st), "ten years");
	CHECK(r.days == NULL);

	/* A read that fails says so. */
	store_fault_reads(st, 1);
	CHECK_INT(report_period(st, "2025-10-01", "2025-10-31", &r), BORNE_EDB);
	CHECK(r.days == NULL);
	store_fault_reads(st, 0);

	/* The report as CSV: BOM, header, a row per day, the figures. */
	csv = capture(st, CAP_PERIOD, "2025-10-01", "2025-10-31", 0, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK(strncmp(csv, REPORT_UTF8_BOM "figure,date,day,value\r\n", 26) == 0);
	CHECK_CONTAINS(csv, "day_hours,2025-10-01,Chantier,4.50\r\n");
	CHECK_CONTAINS(csv, "day_hours,2025-10-08,Chantier,2.25\r\n");
	CHECK_CONTAINS(csv, "hours_total,2025-10-01/2025-10-31,,8.75\r\n");
	CHECK_CONTAINS(csv, "members_under_18,2025-10-01/2025-10-31,,2\r\n");
	CHECK_CONTAINS(csv, "first_time_visitors,2025-10-01/2025-10-31,,3\r\n");
	CHECK_CONTAINS(csv, "earned_under_18_eur,2025-10-01/2025-10-31,,30.00\r\n");
	free(csv);

	/* Attendance CSV of a period: every visit, the BOM first, the
	** formula-looking name made text, a correction flagged. */
	CHECK_INT(checkin_fix(st, 7, fx_t("2025-10-09T09:00"),
	                      fx_t("2025-10-09T12:00"), fac, fx_t("2025-10-10T09:00")),
	          BORNE_OK);
	csv = capture(st, CAP_RANGE, "2025-10-01", "2025-10-31", 0, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK(strncmp(csv, REPORT_UTF8_BOM "id,member_id,name,date,in,out,hours,"
	              "flag,day\r\n", 49) == 0);
	CHECK_CONTAINS(csv, "\"'=HYPERLINK(\"\"x\"\")\"");
	CHECK_CONTAINS(csv, "7,3,Zoé,2025-10-09,09:00,12:00,3:00,corrected,\r\n");
	CHECK(strstr(csv, "2025-09-10") == NULL);
	CHECK(strstr(csv, "2025-11-02") == NULL);
	n = 0;
	for (const char *p = csv; (p = strstr(p, "\r\n")) != NULL; p += 2)
		n++;
	CHECK_INT(n, 7);                 /* header and six visits */
	free(csv);
	/* One member's visits. */
	csv = capture(st, CAP_RANGE, "2025-09-01", "2025-12-31", ado, &rc);
	CHECK_INT(rc, BORNE_OK);
	n = 0;
	for (const char *p = csv; (p = strstr(p, "\r\n")) != NULL; p += 2)
		n++;
	CHECK_INT(n, 3);
	CHECK(strstr(csv, "Zoé") == NULL);
	free(csv);
	csv = capture(st, CAP_RANGE, "2025-10-31", "2025-10-01", 0, &rc);
	CHECK_INT(rc, BORNE_EINVAL);
	free(csv);

	store_close(st);
	return check_done();
}
