/* report_period.c -- the figures of a period, for funders (see report.h):
** hours per contributive day and in total, people reached, missions
** posted and done, what the young people earned. Each figure is one
** query over the UTC span of the period's local dates, so a year of
** visits is read in a few index scans; the hours use the same rule as
** report.c (out - in, an open visit 0). */
#include "report.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "report_impl.h"
#include "timeutil.h"

#define PERIOD_MAX_DAYS 3700     /* as report.c: ten years is a typo */

static int period_range(Store *st, const char *from, const char *to,
                        int64_t *from_utc, int64_t *to_utc);
static int period_ints(Store *st, const char *sql, int64_t from_utc,
                       int64_t to_utc, int64_t *out, int n_out);
static int period_days(Store *st, ReportPeriod *r);
static void hours_decimal(int64_t seconds, char *out, size_t outlen);
static int  period_streams(Store *st, const char *from, const char *to,
                           ReportGroupFigures **out, int *n);
static int  period_sites(Store *st, int64_t from_utc, int64_t to_utc,
                         ReportGroupFigures **out, int *n);
static int  read_groups(Store *st, struct sqlite3_stmt *stmt,
                        const char *what, ReportGroupFigures **out, int *n);

static int
period_range(Store *st, const char *from, const char *to, int64_t *from_utc,
             int64_t *to_utc)
{
	char d[TIME_DATE_SIZE];

	if (from == NULL || time_parse_date(from) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL,
		                       "from: not a date (YYYY-MM-DD)");
	if (to == NULL || time_parse_date(to) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL,
		                       "to: not a date (YYYY-MM-DD)");
	if (strcmp(from, to) > 0)
		return store_set_error(st, BORNE_EINVAL,
		                       "to: the period ends before it starts");
	if (time_date_add(from, PERIOD_MAX_DAYS, d) != BORNE_OK ||
	    strcmp(to, d) >= 0)
		return store_set_error(st, BORNE_EINVAL,
		                       "to: a period is at most ten years");
	if (time_local_to_utc(from, 0, from_utc) != BORNE_OK ||
	    time_local_to_utc(to, 1440, to_utc) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "from: bad local date");
	return BORNE_OK;
}

/* One row of n_out integers, from sql with ?1 = from_utc, ?2 = to_utc. */
static int
period_ints(Store *st, const char *sql, int64_t from_utc, int64_t to_utc,
            int64_t *out, int n_out)
{
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	memset(out, 0, (size_t)n_out * sizeof *out);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, from_utc);
	sqlite3_bind_int64(stmt, 2, to_utc);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		for (int i = 0; i < n_out; i++)
			out[i] = sqlite3_column_int64(stmt, i);
		rc = BORNE_OK;
	} else {
		rc = store_fail(st, src, "reading the period's figures");
	}
	store_stmt_release(st, stmt);
	return rc;
}

static int
period_days(Store *st, ReportPeriod *r)
{
	static const char sql[] =
		"SELECT d.id, d.date, d.title, count(v.id),"
		" count(DISTINCT v.member_id),"
		" COALESCE(SUM(MAX(COALESCE(v.out_utc, v.in_utc) - v.in_utc, 0)), 0)"
		" FROM days d LEFT JOIN visits v ON v.day_id = d.id"
		" WHERE d.date >= ?1 AND d.date <= ?2 GROUP BY d.id ORDER BY d.date";
	sqlite3_stmt *stmt = NULL;
	int rc, src, cap = 0;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, r->from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, r->to, -1, SQLITE_TRANSIENT);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		ReportDayFigures *f;

		if (r->n_days == cap) {
			int ncap = cap == 0 ? 16 : cap * 2;
			ReportDayFigures *nd = realloc(r->days, (size_t)ncap * sizeof *nd);

			if (nd == NULL) {
				store_stmt_release(st, stmt);
				return store_set_error(st, BORNE_ENOMEM, "out of memory");
			}
			r->days = nd;
			cap = ncap;
		}
		f = &r->days[r->n_days++];
		memset(f, 0, sizeof *f);
		f->day_id = sqlite3_column_int64(stmt, 0);
		store_col_text(stmt, 1, f->date, sizeof f->date);
		store_col_text(stmt, 2, f->title, sizeof f->title);
		f->visits = sqlite3_column_int(stmt, 3);
		f->members = sqlite3_column_int(stmt, 4);
		f->seconds = sqlite3_column_int64(stmt, 5);
		r->seconds_days += f->seconds;
	}
	rc = src == SQLITE_DONE ? BORNE_OK :
	     store_fail(st, src, "reading the period's days");
	store_stmt_release(st, stmt);
	return rc;
}

/* Each visit of a contributive day of the period cut at its streams'
** times: the first stream holds from the arrival, each next one from its
** time (clamped into the visit, which a correction may have moved), the
** last until the end; a visit with no stream is one stretch named "". */
static int
period_streams(Store *st, const char *from, const char *to,
               ReportGroupFigures **out, int *n)
{
	static const char sql[] =
		"WITH v AS (SELECT v.id, v.member_id, v.in_utc,"
		"   MAX(COALESCE(v.out_utc, v.in_utc), v.in_utc) AS end_utc"
		"   FROM visits v JOIN days d ON d.id = v.day_id"
		"   WHERE d.date >= ?1 AND d.date <= ?2),"
		" cut AS (SELECT v.id AS vid, v.member_id, s.name,"
		"   CASE WHEN ROW_NUMBER() OVER w = 1 THEN v.in_utc"
		"   ELSE MIN(MAX(s.from_utc, v.in_utc), v.end_utc) END AS a,"
		"   COALESCE(MIN(MAX(LEAD(s.from_utc) OVER w, v.in_utc), v.end_utc),"
		"   v.end_utc) AS b"
		"   FROM v JOIN visit_streams s ON s.visit_id = v.id"
		"   WINDOW w AS (PARTITION BY v.id ORDER BY s.from_utc, s.id))"
		" SELECT * FROM (SELECT name AS n, count(DISTINCT vid),"
		"   count(DISTINCT member_id), SUM(MAX(b - a, 0)) FROM cut"
		"   GROUP BY name"
		" UNION ALL"
		" SELECT '', count(*), count(DISTINCT member_id),"
		"   COALESCE(SUM(end_utc - in_utc), 0) FROM v"
		"   WHERE NOT EXISTS (SELECT 1 FROM visit_streams s"
		"                     WHERE s.visit_id = v.id) HAVING count(*) > 0)"
		" ORDER BY n = '', n";
	sqlite3_stmt *stmt = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, to, -1, SQLITE_TRANSIENT);
	return read_groups(st, stmt, "reading the period's streams", out, n);
}

/* Every visit begun in the period, per site (visits.kiosk_id), by the
** rule of hours_total. */
static int
period_sites(Store *st, int64_t from_utc, int64_t to_utc,
             ReportGroupFigures **out, int *n)
{
	static const char sql[] =
		"SELECT kiosk_id, count(*), count(DISTINCT member_id),"
		" COALESCE(SUM(MAX(COALESCE(out_utc, in_utc) - in_utc, 0)), 0)"
		" FROM visits WHERE in_utc >= ?1 AND in_utc < ?2"
		" GROUP BY kiosk_id ORDER BY kiosk_id";
	sqlite3_stmt *stmt = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, from_utc);
	sqlite3_bind_int64(stmt, 2, to_utc);
	return read_groups(st, stmt, "reading the period's sites", out, n);
}

/* The rows of stmt (name, visits, members, seconds) into *out, grown as
** they come; stmt released. On an error *out is freed and *n is 0. */
static int
read_groups(Store *st, sqlite3_stmt *stmt, const char *what,
            ReportGroupFigures **out, int *n)
{
	int rc, src, cap = 0;

	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		ReportGroupFigures *f;

		if (*n == cap) {
			int ncap = cap == 0 ? 8 : cap * 2;
			ReportGroupFigures *ng = realloc(*out, (size_t)ncap * sizeof *ng);

			if (ng == NULL) {
				src = SQLITE_NOMEM;
				break;
			}
			*out = ng;
			cap = ncap;
		}
		f = &(*out)[(*n)++];
		memset(f, 0, sizeof *f);
		store_col_text(stmt, 0, f->name, sizeof f->name);
		f->visits = sqlite3_column_int(stmt, 1);
		f->members = sqlite3_column_int(stmt, 2);
		f->seconds = sqlite3_column_int64(stmt, 3);
	}
	rc = src == SQLITE_DONE ? BORNE_OK : src == SQLITE_NOMEM ?
	     store_set_error(st, BORNE_ENOMEM, "out of memory") :
	     store_fail(st, src, what);
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int
report_sites(Store *st, const char *from, const char *to,
             ReportGroupFigures **out, int *n)
{
	int64_t from_utc, to_utc;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = period_range(st, from, to, &from_utc, &to_utc)) != BORNE_OK)
		return rc;
	return period_sites(st, from_utc, to_utc, out, n);
}

int
report_streams(Store *st, const char *from, const char *to,
               ReportGroupFigures **out, int *n)
{
	int64_t from_utc, to_utc;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = period_range(st, from, to, &from_utc, &to_utc)) != BORNE_OK)
		return rc;
	return period_streams(st, from, to, out, n);
}

int
report_period(Store *st, const char *from, const char *to, ReportPeriod *out)
{
	static const char sql_visits[] =
		"SELECT count(*),"
		" COALESCE(SUM(MAX(COALESCE(out_utc, in_utc) - in_utc, 0)), 0),"
		" count(DISTINCT member_id)"
		" FROM visits WHERE in_utc >= ?1 AND in_utc < ?2";
	static const char sql_minors[] =
		"SELECT count(DISTINCT v.member_id) FROM visits v"
		" JOIN members m ON m.id = v.member_id"
		" WHERE v.in_utc >= ?1 AND v.in_utc < ?2 AND m.minor = 1";
	static const char sql_first[] =
		"SELECT count(*) FROM (SELECT MIN(in_utc) AS f FROM visits"
		" GROUP BY member_id) WHERE f >= ?1 AND f < ?2";
	static const char sql_missions[] =
		"SELECT (SELECT count(*) FROM missions"
		"         WHERE created_utc >= ?1 AND created_utc < ?2),"
		"       (SELECT count(*) FROM missions WHERE status = 'done'"
		"         AND updated_utc >= ?1 AND updated_utc < ?2)";
	static const char sql_earned[] =
		"SELECT COALESCE(SUM(m.reward_cents), 0), count(DISTINCT t.member_id)"
		" FROM missions m JOIN mission_takes t ON t.mission_id = m.id"
		"  AND t.released_utc IS NULL"
		" JOIN members p ON p.id = t.member_id AND p.minor = 1"
		" WHERE m.status = 'done' AND m.reward_kind = 'fixed'"
		" AND m.updated_utc >= ?1 AND m.updated_utc < ?2";
	int64_t from_utc, to_utc, v[3];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = period_range(st, from, to, &from_utc, &to_utc)) != BORNE_OK)
		return rc;
	snprintf(out->from, sizeof out->from, "%s", from);
	snprintf(out->to, sizeof out->to, "%s", to);
	if ((rc = period_ints(st, sql_visits, from_utc, to_utc, v, 3)) != BORNE_OK)
		goto fail;
	out->visits = (int)v[0];
	out->seconds_total = v[1];
	out->members = (int)v[2];
	if ((rc = period_ints(st, sql_minors, from_utc, to_utc, v, 1)) != BORNE_OK)
		goto fail;
	out->members_minor = (int)v[0];
	if ((rc = period_ints(st, sql_first, from_utc, to_utc, v, 1)) != BORNE_OK)
		goto fail;
	out->first_time = (int)v[0];
	if ((rc = period_ints(st, sql_missions, from_utc, to_utc, v, 2))
	    != BORNE_OK)
		goto fail;
	out->missions_posted = (int)v[0];
	out->missions_done = (int)v[1];
	if ((rc = period_ints(st, sql_earned, from_utc, to_utc, v, 2)) != BORNE_OK)
		goto fail;
	out->earned_minor_cents = v[0];
	out->minors_earning = (int)v[1];
	if ((rc = period_days(st, out)) != BORNE_OK)
		goto fail;
	if ((rc = period_streams(st, from, to, &out->streams, &out->n_streams))
	    != BORNE_OK)
		goto fail;
	if ((rc = period_sites(st, from_utc, to_utc, &out->sites, &out->n_sites))
	    != BORNE_OK)
		goto fail;
	return BORNE_OK;
fail:
	report_period_free(out);
	return rc;
}

void
report_period_free(ReportPeriod *r)
{
	if (r == NULL)
		return;
	free(r->days);
	free(r->streams);
	free(r->sites);
	memset(r, 0, sizeof *r);
}

/* "12.50": hours as a number a spreadsheet sums. */
static void
hours_decimal(int64_t seconds, char *out, size_t outlen)
{
	int64_t cents = (seconds * 100 + 1800) / 3600;

	snprintf(out, outlen, "%lld.%02lld", (long long)(cents / 100),
	         (long long)(cents % 100));
}

int
report_period_csv(const ReportPeriod *r, FILE *out)
{
	static const char *const head[] = { "figure", "date", "day", "value" };
	struct { const char *name; int64_t value; int kind; } figs[] = {
		{ "hours_total",         r->seconds_total, 1 },
		{ "hours_days",          r->seconds_days, 1 },
		{ "visits",              r->visits, 0 },
		{ "members",             r->members, 0 },
		{ "members_under_18",    r->members_minor, 0 },
		{ "first_time_visitors", r->first_time, 0 },
		{ "missions_posted",     r->missions_posted, 0 },
		{ "missions_done",       r->missions_done, 0 },
		{ "earned_under_18_eur", r->earned_minor_cents, 2 },
		{ "under_18_who_earned", r->minors_earning, 0 },
	};
	char value[32], period[32];
	const char *row[4];
	ReportTable *t;
	int rc = BORNE_OK;

	if (r == NULL || out == NULL)
		return BORNE_EINVAL;
	if ((t = report_table_new(4, head, NULL)) == NULL)
		return BORNE_ENOMEM;
	for (int i = 0; i < r->n_days && rc == BORNE_OK; i++) {
		hours_decimal(r->days[i].seconds, value, sizeof value);
		row[0] = "day_hours";
		row[1] = r->days[i].date;
		row[2] = r->days[i].title;
		row[3] = value;
		rc = report_table_add(t, row);
	}
	snprintf(period, sizeof period, "%s/%s", r->from, r->to);
	for (int i = 0; i < r->n_streams && rc == BORNE_OK; i++) {
		hours_decimal(r->streams[i].seconds, value, sizeof value);
		row[0] = "stream_hours";
		row[1] = period;
		row[2] = r->streams[i].name[0] != '\0' ? r->streams[i].name :
		         "(none)";
		row[3] = value;
		rc = report_table_add(t, row);
	}
	/* A lone kiosk's one site would only repeat hours_total. */
	for (int i = 0; r->n_sites > 1 && i < r->n_sites && rc == BORNE_OK; i++) {
		hours_decimal(r->sites[i].seconds, value, sizeof value);
		row[0] = "site_hours";
		row[1] = period;
		row[2] = r->sites[i].name[0] != '\0' ? r->sites[i].name : "(none)";
		row[3] = value;
		rc = report_table_add(t, row);
	}
	for (size_t i = 0; i < sizeof figs / sizeof figs[0] && rc == BORNE_OK;
	     i++) {
		if (figs[i].kind == 1)
			hours_decimal(figs[i].value, value, sizeof value);
		else if (figs[i].kind == 2)
			snprintf(value, sizeof value, "%lld.%02lld",
			         (long long)(figs[i].value / 100),
			         (long long)(figs[i].value % 100));
		else
			snprintf(value, sizeof value, "%lld", (long long)figs[i].value);
		row[0] = figs[i].name;
		row[1] = period;
		row[2] = "";
		row[3] = value;
		rc = report_table_add(t, row);
	}
	if (rc == BORNE_OK && fputs(REPORT_UTF8_BOM, out) == EOF)
		rc = report_errno_rc(errno);
	if (rc == BORNE_OK)
		rc = report_table_print(t, REPORT_CSV, out);
	report_table_free(t);
	return rc;
}
