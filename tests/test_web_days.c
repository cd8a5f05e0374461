/* test_web_days.c -- borne-web's Journées, Présences and Rapport pages
** through web_dispatch(): plan a season (a bad field comes back named
** and marked, nothing saved), a day's streams and cancelling, fix a
** forgotten check-out (audited, flagged, the recorded times kept), the
** attendance CSV of a period (BOM, formula-safe), the report's page, its
** chart data that cannot break out of its script, its PDF and CSV. */
#include "check.h"
#include "web_fixture.h"

#include "checkin.h"
#include "day.h"
#include "member.h"
#include "report_pdf.h"

static Web w;
static int64_t now, fac, coop, other;
static char tok_fac[WEBAUTH_TOKEN_SIZE], tok_coop[WEBAUTH_TOKEN_SIZE];

static long long count(const char *sql) { return fx_sql_int(w.st, sql); }

static void
test_days(void)
{
	WebX x;
	char path[64];
	int64_t id;

	/* The end before the start: the form again, as typed, until named. */
	wx_send(&w, &x, now, "POST", "/days", tok_fac, "csrf", WX_CSRF,
	        "action", "plan", "first", "2026-03-04", "until", "2026-02-01",
	        "title", "Mercredi <b>", "open", "10:00", "close", "18:00",
	        "skip", "", "move", "", NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "name=\"until\" required value=\"2026-02-01\" "
	               "aria-invalid=\"true\"");
	CHECK_CONTAINS(wx_body(&x), "value=\"Mercredi &lt;b&gt;\"");
	CHECK_CONTAINS(wx_body(&x), "La date de fin est à corriger");
	wx_free(&x);
	/* Hours the wrong way round. */
	wx_send(&w, &x, now, "POST", "/days", tok_fac, "csrf", WX_CSRF,
	        "action", "plan", "first", "2026-03-04", "until", "2026-04-29",
	        "title", "Mercredi", "open", "18:00", "close", "10:00", NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "aria-invalid=\"true\"></div></div>");
	wx_free(&x);
	/* A move from a date not in the season. */
	wx_send(&w, &x, now, "POST", "/days", tok_fac, "csrf", WX_CSRF,
	        "action", "plan", "first", "2026-03-04", "until", "2026-04-29",
	        "title", "Mercredi", "open", "10:00", "close", "18:00",
	        "move", "2026-03-05>2026-03-06", NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "name=\"move\" placeholder=\"2025-11-12>"
	               "2025-11-13\" value=\"2026-03-05&gt;2026-03-06\" "
	               "aria-invalid=\"true\"");
	wx_free(&x);
	/* A member who is no facilitator signs in nowhere: no session. */
	CHECK_INT(count("SELECT count(*) FROM days"), 0);
	CHECK_INT(count("SELECT count(*) FROM day_series"), 0);

	/* Right: 9 Wednesdays, one skipped, one moved to the Thursday. */
	wx_send(&w, &x, now, "POST", "/days", tok_fac, "csrf", WX_CSRF,
	        "action", "plan", "first", "2026-03-04", "until", "2026-04-29",
	        "title", "Journée contributive", "open", "10:00", "close", "18:00",
	        "skip", "2026-04-08", "move", "2026-04-15>2026-04-16", NULL);
	CHECK_INT(x.rs.status, 303);
	CHECK_STR(x.rs.location, "/days?planned=8");
	wx_free(&x);
	CHECK_INT(count("SELECT count(*) FROM days"), 8);
	CHECK_INT(count("SELECT count(*) FROM days WHERE date = '2026-04-16'"
	                " AND moved_from = '2026-04-15'"), 1);
	CHECK_INT(count("SELECT count(*) FROM audit WHERE action = 'day.plan'"
	                " AND actor_id = 1"), 1);
	wx_send(&w, &x, now, "GET", "/days?planned=8", tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_CONTAINS(wx_body(&x), "Saison planifiée : 8 journées.");
	CHECK_CONTAINS(wx_body(&x), "déplacée du 2026-04-15</span>");
	CHECK_CONTAINS(wx_body(&x), "2026-04-16");
	wx_free(&x);

	/* Streams of a day, one a line; a name twice is refused, named. */
	id = count("SELECT id FROM days WHERE date = '2026-03-11'");
	snprintf(path, sizeof path, "/day?id=%lld", (long long)id);
	wx_send(&w, &x, now, "POST", "/day", tok_fac, "csrf", WX_CSRF, "id",
	        path + 8, "action", "streams", "streams",
	        "Chantier\r\nchantier\r\n", NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "name=\"streams\" rows=\"5\" aria-invalid=\"true\"");
	wx_free(&x);
	wx_send(&w, &x, now, "POST", "/day", tok_fac, "csrf", WX_CSRF, "id",
	        path + 8, "action", "streams", "streams",
	        "Chantier\r\n\r\nCommunication\r\nBudget <x>\r\n", NULL);
	CHECK_INT(x.rs.status, 303);
	wx_free(&x);
	wx_send(&w, &x, now, "GET", path, tok_fac, NULL);
	CHECK_CONTAINS(wx_body(&x), "Chantier\nCommunication\nBudget &lt;x&gt;"
	               "</textarea>");
	wx_free(&x);
	/* Change the day's hours, then cancel it. */
	wx_send(&w, &x, now, "POST", "/day", tok_fac, "csrf", WX_CSRF, "id",
	        path + 8, "action", "edit", "date", "2026-03-11", "title",
	        "Journée longue", "open", "09:00", "close", "00:00", NULL);
	CHECK_INT(x.rs.status, 303);
	wx_free(&x);
	CHECK_INT(count("SELECT close_min FROM days WHERE date = '2026-03-11'"),
	          1440);
	wx_send(&w, &x, now, "POST", "/day", tok_fac, "csrf", WX_CSRF, "id",
	        path + 8, "action", "edit", "date", "2026-03-04", "title",
	        "Doublon", "open", "09:00", "close", "12:00", NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "name=\"date\" required value=\"2026-03-04\" "
	               "aria-invalid=\"true\"");
	wx_free(&x);
	wx_send(&w, &x, now, "POST", "/day", tok_fac, "csrf", WX_CSRF, "id",
	        path + 8, "action", "cancel", NULL);
	CHECK_INT(x.rs.status, 303);
	wx_free(&x);
	CHECK_INT(count("SELECT count(*) FROM days"), 7);
	wx_send(&w, &x, now, "GET", path, tok_fac, NULL);
	CHECK_INT(x.rs.status, 404);
	wx_free(&x);
	/* No CSRF token: refused, nothing done. */
	wx_send(&w, &x, now, "POST", "/days", tok_fac, "action", "plan", "first",
	        "2026-06-03", "until", "2026-06-10", "title", "X", "open", "10:00",
	        "close", "11:00", NULL);
	CHECK_INT(x.rs.status, 403);
	wx_free(&x);
	CHECK_INT(count("SELECT count(*) FROM days"), 7);
}

static void
test_attendance(void)
{
	WebX x;
	int64_t v1, v2;
	char id1[24], id2[24];
	const char *b;

	/* Two visits on the 4th: Zoé forgot to check out. */
	CHECK_INT(fx_sql_int(w.st, "INSERT INTO visits(uuid, member_id, badge,"
	          " in_utc, kiosk_id) VALUES ('a1', 2, '', strftime('%s',"
	          " '2026-03-04 08:00'), 'k') RETURNING 0"), 0);
	v1 = count("SELECT max(id) FROM visits");
	CHECK_INT(fx_sql_int(w.st, "INSERT INTO visits(uuid, member_id, badge,"
	          " in_utc, out_utc, kiosk_id) VALUES ('a2', 3, '',"
	          " strftime('%s', '2026-03-04 09:00'), strftime('%s',"
	          " '2026-03-04 11:00'), 'k') RETURNING 0"), 0);
	v2 = count("SELECT max(id) FROM visits");
	snprintf(id1, sizeof id1, "%lld", (long long)v1);
	snprintf(id2, sizeof id2, "%lld", (long long)v2);
	wx_send(&w, &x, now, "GET", "/attendance?date=2026-03-04", tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	b = wx_body(&x);
	CHECK_CONTAINS(b, "Zoé");
	CHECK_CONTAINS(b, "=SUM(A1)");
	CHECK_CONTAINS(b, "départ oublié");    /* closed at 18:00 by itself */
	wx_free(&x);
	/* A departure before the arrival: named, nothing saved. */
	wx_send(&w, &x, now, "POST", "/attendance", tok_fac, "csrf", WX_CSRF,
	        "id", id1, "in", "10:00", "out", "09:00", NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "name=\"out\" required value=\"09:00\" "
	               "aria-invalid=\"true\"");
	wx_free(&x);
	wx_send(&w, &x, now, "POST", "/attendance", tok_fac, "csrf", WX_CSRF,
	        "id", id1, "in", "9h", "out", "12:30", NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "name=\"in\" required value=\"9h\" "
	               "aria-invalid=\"true\"");
	wx_free(&x);
	CHECK_INT(count("SELECT count(*) FROM visit_fixes"), 0);
	/* Right: fixed, flagged, audited with her name, the door's times
	** kept. */
	wx_send(&w, &x, now, "POST", "/attendance", tok_fac, "csrf", WX_CSRF,
	        "id", id1, "in", "09:00", "out", "12:30", NULL);
	CHECK_INT(x.rs.status, 303);
	CHECK_CONTAINS(x.rs.location, "/attendance?date=2026-03-04&fixed=1");
	wx_free(&x);
	CHECK_INT(count("SELECT corrected FROM visits WHERE uuid = 'a1'"), 1);
	CHECK_INT(count("SELECT count(*) FROM visit_fixes WHERE old_auto_closed"
	                " = 1"), 1);
	CHECK_INT(count("SELECT count(*) FROM audit WHERE action = 'visit.fix'"
	                " AND actor_id = 1"), 1);
	wx_send(&w, &x, now, "GET", "/attendance?date=2026-03-04&fixed=1",
	        tok_fac, NULL);
	CHECK_CONTAINS(wx_body(&x), "corrigé");
	wx_free(&x);
	/* One member over a period. */
	wx_send(&w, &x, now, "GET", "/attendance?member=3&from=2026-03-01&to="
	        "2026-03-31", tok_fac, NULL);
	CHECK(strstr(wx_body(&x), "Zoé") == NULL);
	CHECK_CONTAINS(wx_body(&x), "=SUM(A1)");
	wx_free(&x);

	/* The CSV: a file, the BOM, the formula made text, the fix flagged. */
	wx_send(&w, &x, now, "GET", "/attendance.csv?from=2026-03-01&to="
	        "2026-03-31", tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_STR(x.rs.ctype, "text/csv; charset=utf-8");
	CHECK_CONTAINS(x.rs.disposition, "borne-presences-2026-03-01-2026-03-31.csv");
	CHECK(strncmp(wx_body(&x), "\xEF\xBB\xBFid,member_id,name,", 21) == 0);
	CHECK_CONTAINS(wx_body(&x), ",\"'=SUM(A1)\",");
	CHECK_CONTAINS(wx_body(&x), ",Zoé,2026-03-04,09:00,12:30,3:30,corrected,");
	wx_free(&x);
	/* A bad period: the page, the field named. */
	wx_send(&w, &x, now, "GET", "/attendance.csv?from=2026-03-31&to="
	        "2026-03-01", tok_fac, NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "La date « Au » est à corriger");
	wx_free(&x);
	/* No session: sent to /login. */
	wx_send(&w, &x, now, "GET", "/attendance.csv?from=2026-03-01&to="
	        "2026-03-31", NULL, NULL);
	CHECK_INT(x.rs.status, 303);
	wx_free(&x);
	(void)v2;
	(void)id2;
}

static void
test_report(void)
{
	WebX x;
	const char *b;

	/* A day's title that would end the chart's script if not escaped. */
	CHECK_INT(fx_sql_int(w.st, "UPDATE days SET title = '</script><b>'"
	          " WHERE date = '2026-03-04' RETURNING 0"), 0);
	wx_send(&w, &x, now, "GET", "/report?from=2026-03-01&to=2026-03-31",
	        tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	b = wx_body(&x);
	CHECK_CONTAINS(b, "id=\"hours-total\">5 h 30</p>");
	CHECK_CONTAINS(b, "id=\"members\">2</p>");
	CHECK_CONTAINS(b, "id=\"first-time\">2</p>");
	CHECK_CONTAINS(b, "&lt;/script&gt;&lt;b&gt;");
	CHECK_CONTAINS(b, "href=\"/report.pdf?from=2026-03-01&amp;to=2026-03-31\"");
	CHECK_CONTAINS(b, "<script src=\"/report.js\"></script>");
	/* Chart.js where Debian puts it: the data, escaped for a script. */
	if (strstr(b, "report-data") != NULL) {
		CHECK_CONTAINS(b, "\"labels\":[\"2026-03-04\"");
		CHECK(strstr(b, "</script><b>") == NULL);
		CHECK_CONTAINS(b, "/js/chart.js/chart.min.js");
	}
	wx_free(&x);
	/* A bad period: the form again, the field marked. */
	wx_send(&w, &x, now, "GET", "/report?from=2026-03-31&to=2026-03-01",
	        tok_fac, NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "name=\"to\" required value=\"2026-03-01\" "
	               "aria-invalid=\"true\"");
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/report.pdf?from=2026-03-01&to=nope",
	        tok_fac, NULL);
	CHECK_INT(x.rs.status, 400);
	wx_free(&x);
	/* The files. */
	wx_send(&w, &x, now, "GET", "/report.pdf?from=2026-03-01&to=2026-03-31",
	        tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_STR(x.rs.ctype, "application/pdf");
	CHECK(strncmp(wx_body(&x), "%PDF-", 5) == 0);
	CHECK_CONTAINS(x.rs.disposition, "borne-rapport-2026-03-01-2026-03-31.pdf");
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/report.csv?from=2026-03-01&to=2026-03-31",
	        tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_CONTAINS(wx_body(&x), "hours_total,2026-03-01/2026-03-31,,5.50\r\n");
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/report.js", tok_fac, NULL);
	CHECK_CONTAINS(wx_body(&x), "new Chart(");
	wx_free(&x);
}

/* Hours per site: a lone kiosk shows no table of sites; once visits of
** another kiosk are here (pulled from a hub), the page, the CSV and the
** PDF give each site its hours, from this database, offline. */
static void
test_report_sites(void)
{
	WebX x;
	const char *b;
	long long n;

	wx_send(&w, &x, now, "GET", "/report?from=2026-03-01&to=2026-03-31",
	        tok_fac, NULL);
	CHECK(strstr(wx_body(&x), "report-sites") == NULL);
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/report.csv?from=2026-03-01&to=2026-03-31",
	        tok_fac, NULL);
	CHECK(strstr(wx_body(&x), "site_hours") == NULL);
	wx_free(&x);
	/* The first visit of the period was tapped at the workshop. */
	n = count("SELECT count(*) FROM visits WHERE in_utc >= 1772319600");
	CHECK(n >= 2);
	CHECK_INT(count("UPDATE visits SET kiosk_id = 'atelier <nord>' WHERE id ="
	                " (SELECT min(id) FROM visits WHERE in_utc >= 1772319600)"
	                " RETURNING 0"), 0);
	wx_send(&w, &x, now, "GET", "/report?from=2026-03-01&to=2026-03-31",
	        tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	b = wx_body(&x);
	CHECK_CONTAINS(b, "id=\"report-sites\"");
	CHECK_CONTAINS(b, "Heures par site");
	CHECK_CONTAINS(b, "<td>atelier &lt;nord&gt;</td><td>1</td><td>1</td>");
	CHECK(strstr(b, "atelier <nord>") == NULL);
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/report.csv?from=2026-03-01&to=2026-03-31",
	        tok_fac, NULL);
	b = wx_body(&x);
	CHECK_CONTAINS(b, "site_hours,2026-03-01/2026-03-31,atelier <nord>,");
	CHECK_CONTAINS(b, "hours_total,2026-03-01/2026-03-31,,5.50\r\n");
	/* The sites' hours add up to the total. */
	{
		double sum = 0, h;
		const char *s = b;

		while ((s = strstr(s, "site_hours,")) != NULL) {
			s = strchr(s, '\n');
			while (s[-1] == '\r' || s[-1] == '\n')
				s--;
			while (s[-1] != ',')
				s--;
			CHECK(sscanf(s, "%lf", &h) == 1);
			sum += h;
			s = strchr(s, '\n');
		}
		CHECK(sum > 5.49 && sum < 5.51);
	}
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/report.pdf?from=2026-03-01&to=2026-03-31",
	        tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK(strncmp(wx_body(&x), "%PDF-", 5) == 0);
	wx_free(&x);
}

int
main(void)
{
	fx_setup();
	now = fx_t("2026-03-20T10:00");
	wx_open(&w);
	w.js_dir = "/usr/share/javascript";
	CHECK_INT(member_add(w.st, "Awa", ROLE_FACILITATOR, 0, NULL, NULL, 0, now,
	                     &fac), BORNE_OK);
	CHECK_INT(member_add(w.st, "Zoé", ROLE_COOPERATOR, 1, NULL, NULL, 0, now,
	                     &coop), BORNE_OK);
	CHECK_INT(member_add(w.st, "=SUM(A1)", ROLE_COOPERATOR, 0, NULL, NULL, 0,
	                     now, &other), BORNE_OK);
	wx_login(&w, fac, now, tok_fac);
	(void)tok_coop;
	test_days();
	test_attendance();
	test_report();
	test_report_sites();
	store_close(w.st);
	report_pdf_cleanup();
	return check_done();
}
