/* page_report.c -- Rapport: a period's figures for funders (report_period
** in firmware/report_period.c), as a page that prints (the style sheet's
** print rules hide the menu and the forms), a chart of the hours per
** contributive day (Debian's Chart.js, served by borne-web from /js/;
** without it the tables say everything), a PDF (report_pdf.c) and a CSV.
** The page, the PDF and the CSV read the same ReportPeriod. The chart's
** figures travel as JSON in a non-executed <script type=
** "application/json">, read by /report.js: the page's Content-Security-
** Policy allows no inline script. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "report_pdf.h"
#include "timeutil.h"
#include "web.h"

static const char report_js[] =
	"(function(){\n"
	"var p=document.getElementById('print');\n"
	"if(p){p.hidden=false;p.addEventListener('click',function(){window.print();});}\n"
	"var el=document.getElementById('report-data'),c=document.getElementById('hours-chart');\n"
	"if(!el||!c||typeof Chart==='undefined')return;\n"
	"var d=JSON.parse(el.textContent);c.hidden=false;\n"
	"new Chart(c,{type:'bar',data:{labels:d.labels,datasets:[{label:d.label,"
	"data:d.hours,backgroundColor:'#1F7368'}]},options:{animation:false,"
	"responsive:true,plugins:{legend:{display:false}},scales:{y:{beginAtZero:true}}}});\n"
	"})();\n";

static int  period_of(const WebReq *rq, char from[TIME_DATE_SIZE],
                      char to[TIME_DATE_SIZE]);
static void json_str(WebBuf *b, const char *s);
static void hours_text(int64_t seconds, char *out, size_t outlen);
static int  chart_js_present(const Web *w);
static void figure(WebBuf *b, const char *id, const char *label,
                   const char *value);
static int  report_file(Web *w, WebReq *rq, WebResp *rs, int pdf);

/* The period asked for, or this month so far. 1 when the query gave a
** bad one (the page says which field). */
static int
period_of(const WebReq *rq, char from[TIME_DATE_SIZE], char to[TIME_DATE_SIZE])
{
	const char *qf = web_query(rq, "from"), *qt = web_query(rq, "to");
	char today[TIME_DATE_SIZE];

	time_local_date(rq->now_utc, today);
	snprintf(from, TIME_DATE_SIZE, "%.8s01", today);
	snprintf(to, TIME_DATE_SIZE, "%s", today);
	if (qf == NULL && qt == NULL)
		return 0;
	snprintf(from, TIME_DATE_SIZE, "%.10s", qf != NULL ? qf : "");
	snprintf(to, TIME_DATE_SIZE, "%.10s", qt != NULL ? qt : "");
	return 0;
}

/* A JSON string that cannot end the <script> it sits in. */
static void
json_str(WebBuf *b, const char *s)
{
	char esc[8];

	wb_put(b, "\"", 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\' || c < 0x20 || c == '<' || c == '>' ||
		    c == '&') {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			wb_put(b, esc, 6);
		} else {
			wb_put(b, s, 1);
		}
	}
	wb_put(b, "\"", 1);
}

static void
hours_text(int64_t seconds, char *out, size_t outlen)
{
	int64_t min = (seconds + 30) / 60;

	snprintf(out, outlen, "%lld h %02lld", (long long)(min / 60),
	         (long long)(min % 60));
}

static int
chart_js_present(const Web *w)
{
	char path[1024];

	if (w->js_dir == NULL)
		return 0;
	snprintf(path, sizeof path, "%s/chart.js/chart.min.js", w->js_dir);
	return access(path, R_OK) == 0;
}

static void
figure(WebBuf *b, const char *id, const char *label, const char *value)
{
	html_f(b, "<div class=\"card\"><p class=\"muted\">%s</p><p class=\"figure\" "
	       "id=\"%s\">%s</p></div>", label, id, value);
}

int
page_report_get(Web *w, WebReq *rq, WebResp *rs)
{
	char from[TIME_DATE_SIZE], to[TIME_DATE_SIZE], v[64], num[32];
	WebBuf *b = &rs->body;
	ReportPeriod r;
	const char *err_field = NULL;
	int rc;

	period_of(rq, from, to);
	rc = report_period(w->st, from, to, &r);
	if (rc == BORNE_EINVAL) {
		err_field = strncmp(store_errmsg(w->st), "from", 4) == 0 ? "from" : "to";
		rs->status = 400;
	}
	web_page_begin(w, rq, rs, TR(rq, "Rapport", "Report"));
	if (err_field != NULL)
		web_notice(rs, "err", strcmp(err_field, "from") == 0 ?
		           TR(rq, "La date « Du » est à corriger.",
		              "The \"From\" date needs fixing.") :
		           TR(rq, "La date « Au » est à corriger : après « Du », dix "
		              "ans au plus.", "The \"To\" date needs fixing: after "
		              "\"From\", ten years at most."));
	else if (rc != BORNE_OK)
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	html_f(b, "<form method=\"get\" action=\"/report\" class=\"filters\" "
	       "id=\"period\"><div><label for=\"from\">%s</label><input "
	       "type=\"date\" id=\"from\" name=\"from\" required value=\"%s\"%r>"
	       "</div><div><label for=\"to\">%s</label><input type=\"date\" "
	       "id=\"to\" name=\"to\" required value=\"%s\"%r></div><button>%s"
	       "</button></form>", TR(rq, "Du", "From"), from,
	       err_field != NULL && strcmp(err_field, "from") == 0 ?
	       " aria-invalid=\"true\"" : "", TR(rq, "Au", "To"), to,
	       err_field != NULL && strcmp(err_field, "to") == 0 ?
	       " aria-invalid=\"true\"" : "", TR(rq, "Voir", "Show"));
	if (rc != BORNE_OK) {
		web_page_end(w, rq, rs);
		return BORNE_OK;
	}
	html_f(b, "<p class=\"muted\">%s %s %s %s</p><p><a class=\"button\" "
	       "id=\"pdf\" href=\"/report.pdf?from=%u&amp;to=%u\">%s</a> <a "
	       "class=\"button\" id=\"csv\" href=\"/report.csv?from=%u&amp;to=%u\">"
	       "%s</a> <button id=\"print\" hidden>%s</button></p>",
	       TR(rq, "Du", "From"), r.from, TR(rq, "au", "to"), r.to, r.from, r.to,
	       TR(rq, "Télécharger le PDF", "Download the PDF"), r.from, r.to,
	       TR(rq, "Télécharger le CSV", "Download the CSV"),
	       TR(rq, "Imprimer", "Print"));
	html_raw(b, "<div class=\"grid\">");
	hours_text(r.seconds_total, v, sizeof v);
	figure(b, "hours-total", TR(rq, "Heures de présence, en tout",
	       "Hours present, in total"), v);
	hours_text(r.seconds_days, v, sizeof v);
	figure(b, "hours-days", TR(rq, "Pendant les journées contributives",
	       "During the contributive days"), v);
	snprintf(num, sizeof num, "%d", r.members);
	figure(b, "members", TR(rq, "Personnes venues", "People who came"), num);
	snprintf(num, sizeof num, "%d", r.members_minor);
	figure(b, "minors", TR(rq, "Dont moins de 18 ans", "Of whom under 18"), num);
	snprintf(num, sizeof num, "%d", r.first_time);
	figure(b, "first-time", TR(rq, "Venues pour la première fois",
	       "Came for the first time"), num);
	snprintf(num, sizeof num, "%d", r.missions_posted);
	figure(b, "posted", TR(rq, "Missions proposées", "Missions posted"), num);
	snprintf(num, sizeof num, "%d", r.missions_done);
	figure(b, "done", TR(rq, "Missions faites", "Missions done"), num);
	snprintf(v, sizeof v, "%lld,%02lld €",
	         (long long)(r.earned_minor_cents / 100),
	         (long long)(r.earned_minor_cents % 100));
	figure(b, "earned", TR(rq, "Gagné par les moins de 18 ans",
	       "Earned by the under-18s"), v);
	html_raw(b, "</div>");
	html_f(b, "<section class=\"card\"><h2>%s</h2>",
	       TR(rq, "Heures par journée contributive",
	          "Hours per contributive day"));
	if (chart_js_present(w) && r.n_days > 0) {
		html_raw(b, "<canvas id=\"hours-chart\" hidden height=\"120\" "
		         "role=\"img\" aria-label=\"");
		html_s(b, TR(rq, "Heures par journée", "Hours per day"));
		html_raw(b, "\"></canvas><script type=\"application/json\" "
		         "id=\"report-data\">{\"label\":");
		json_str(b, TR(rq, "Heures", "Hours"));
		html_raw(b, ",\"labels\":[");
		for (int i = 0; i < r.n_days; i++) {
			if (i > 0)
				html_raw(b, ",");
			json_str(b, r.days[i].date);
		}
		html_raw(b, "],\"hours\":[");
		for (int i = 0; i < r.n_days; i++) {
			snprintf(num, sizeof num, "%s%.2f", i > 0 ? "," : "",
			         (double)r.days[i].seconds / 3600.0);
			html_raw(b, num);
		}
		html_raw(b, "]}</script>");
	}
	html_f(b, "<div class=\"table\"><table id=\"report-days\"><thead><tr><th>%s"
	       "</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	       TR(rq, "Date", "Date"), TR(rq, "Journée", "Day"),
	       TR(rq, "Personnes", "People"), TR(rq, "Heures", "Hours"));
	for (int i = 0; i < r.n_days; i++) {
		hours_text(r.days[i].seconds, v, sizeof v);
		html_f(b, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>",
		       r.days[i].date, r.days[i].title, r.days[i].members, v);
	}
	html_raw(b, "</tbody></table></div>");
	if (r.n_days == 0)
		html_f(b, "<p class=\"muted\">%s</p>", TR(rq, "Pas de journée "
		       "contributive dans cette période.", "No contributive day in "
		       "this period."));
	/* Hours per work stream of those days (report_streams). */
	if (r.n_streams > 0) {
		html_f(b, "<h3>%s</h3><div class=\"table\"><table id=\"report-streams\">"
		       "<thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead>"
		       "<tbody>", TR(rq, "Heures par chantier", "Hours per work "
		       "stream"), TR(rq, "Chantier", "Stream"), TR(rq, "Personnes",
		       "People"), TR(rq, "Heures", "Hours"));
		for (int i = 0; i < r.n_streams; i++) {
			hours_text(r.streams[i].seconds, v, sizeof v);
			html_f(b, "<tr><td>%s</td><td>%d</td><td>%s</td></tr>",
			       r.streams[i].name[0] != '\0' ? r.streams[i].name :
			       TR(rq, "(aucun choisi)", "(none chosen)"),
			       r.streams[i].members, v);
		}
		html_raw(b, "</tbody></table></div>");
	}
	/* Hours per site (visits.kiosk_id): kiosks synced through a hub hold
	** every site's visits, so this works offline. A lone kiosk's one site
	** would repeat the total. */
	if (r.n_sites > 1) {
		html_f(b, "<h3>%s</h3><div class=\"table\"><table id=\"report-sites\">"
		       "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
		       "</thead><tbody>", TR(rq, "Heures par site", "Hours per site"),
		       TR(rq, "Site", "Site"), TR(rq, "Personnes", "People"),
		       TR(rq, "Passages", "Visits"), TR(rq, "Heures", "Hours"));
		for (int i = 0; i < r.n_sites; i++) {
			hours_text(r.sites[i].seconds, v, sizeof v);
			html_f(b, "<tr><td>%s</td><td>%d</td><td>%d</td><td>%s</td></tr>",
			       r.sites[i].name[0] != '\0' ? r.sites[i].name :
			       TR(rq, "(sans nom)", "(no name)"), r.sites[i].members,
			       r.sites[i].visits, v);
		}
		html_raw(b, "</tbody></table></div>");
	}
	html_raw(b, "</section>");
	if (chart_js_present(w))
		html_raw(b, "<script src=\"/js/chart.js/chart.min.js\"></script>");
	html_raw(b, "<script src=\"/report.js\"></script>");
	report_period_free(&r);
	web_page_end(w, rq, rs);
	return BORNE_OK;
}

int
page_report_js(Web *w, WebReq *rq, WebResp *rs)
{
	(void)w;
	(void)rq;
	rs->ctype = "text/javascript; charset=utf-8";
	rs->cache = "public, max-age=3600";
	wb_put(&rs->body, report_js, sizeof report_js - 1);
	return BORNE_OK;
}

/* /report.pdf and /report.csv: a bad period gives the page back. */
static int
report_file(Web *w, WebReq *rq, WebResp *rs, int pdf)
{
	char from[TIME_DATE_SIZE], to[TIME_DATE_SIZE];
	ReportPeriod r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	period_of(rq, from, to);
	if ((rc = report_period(w->st, from, to, &r)) != BORNE_OK)
		return page_report_get(w, rq, rs);
	if ((f = open_memstream(&buf, &len)) == NULL) {
		report_period_free(&r);
		return BORNE_ENOMEM;
	}
	rc = pdf ? report_pdf_write(&r, rq->en, f) : report_period_csv(&r, f);
	fclose(f);
	report_period_free(&r);
	if (rc != BORNE_OK) {
		free(buf);
		return rc;
	}
	wb_put(&rs->body, buf, len);
	free(buf);
	rs->ctype = pdf ? "application/pdf" : "text/csv; charset=utf-8";
	snprintf(rs->disposition, sizeof rs->disposition,
	         "attachment; filename=\"borne-rapport-%s-%s.%s\"", from, to,
	         pdf ? "pdf" : "csv");
	return BORNE_OK;
}

int
page_report_pdf(Web *w, WebReq *rq, WebResp *rs)
{
	return report_file(w, rq, rs, 1);
}

int
page_report_csv(Web *w, WebReq *rq, WebResp *rs)
{
	return report_file(w, rq, rs, 0);
}
