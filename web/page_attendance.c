/* page_attendance.c -- Présences: the visits of a day (or of one member
** over a period), each with a form to fix its times (a forgotten
** check-out), and the attendance CSV of any period. A fix goes through
** checkin_fix() with the signed-in facilitator as actor: audited, the
** recorded times kept in visit_fixes, the visit flagged corrected. The
** CSV is report_visits_range_csv(): the kiosk's columns, UTF-8 with a
** BOM, formula-safe cells. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkin.h"
#include "report.h"
#include "timeutil.h"
#include "web.h"

#define VISITS_MAX 500

typedef struct VisitRows {
	WebReq  *rq;
	WebResp *rs;
	int64_t  member_id;      /* 0: everyone */
	int64_t  bad_id;         /* the row whose fix was refused */
	const char *bad_field;   /* "in" or "out" */
	int      n;
} VisitRows;

static int  visit_row(const Visit *v, void *ctx);
static int  attendance_page(Web *w, WebReq *rq, WebResp *rs, const char *kind,
                            const char *notice, int64_t bad_id,
                            const char *bad_field, const char *date);
static int  fix_time(const char *s, const char *date, int64_t *utc);

static int
visit_row(const Visit *v, void *ctx)
{
	VisitRows *r = ctx;
	WebBuf *b = &r->rs->body;
	char date[TIME_DATE_SIZE], in[6], out[6] = "", dur[16];
	int bad_row = v->id == r->bad_id;

	if (r->member_id != 0 && v->member_id != r->member_id)
		return 0;
	if (r->n++ >= VISITS_MAX)
		return 1;
	time_local_date(v->in_utc, date);
	time_format_hm(v->in_utc, in);
	if (v->out_utc > 0)
		time_format_hm(v->out_utc, out);
	time_format_duration(v->out_utc > v->in_utc ? v->out_utc - v->in_utc : 0,
	                     dur, sizeof dur);
	html_f(b, "<tr id=\"v%D\"><td><a href=\"/attendance?member=%D&amp;from="
	       "%s&amp;to=%s\">%s</a>", v->id, v->member_id, date, date,
	       v->member_name);
	if (r->member_id != 0)
		html_f(b, "<br><span class=\"muted\">%s</span>", date);
	html_f(b, "</td><td>%s – %s<br><span class=\"muted\">%s</span></td><td>",
	       in, out[0] != '\0' ? out : "…", dur);
	if (v->corrected)
		html_f(b, "<span class=\"chip\">%s</span>", TR(r->rq, "corrigé",
		       "corrected"));
	else if (v->auto_closed)
		html_f(b, "<span class=\"chip warn\">%s</span>", TR(r->rq,
		       "départ oublié", "check-out forgotten"));
	else if (v->out_utc == 0)
		html_f(b, "<span class=\"chip good\">%s</span>", TR(r->rq,
		       "présent", "here"));
	html_raw(b, "</td><td>");
	web_form_begin(r->rq, r->rs, "/attendance", "class=\"filters fix\"");
	html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%D\">"
	       "<div><label for=\"in%D\">"
	       "%s</label><input type=\"time\" id=\"in%D\" name=\"in\" required "
	       "value=\"%s\"%r></div><div><label for=\"out%D\">%s</label><input "
	       "type=\"time\" id=\"out%D\" name=\"out\" required value=\"%s\"%r>"
	       "</div><button>%s</button></form></td></tr>\n", v->id, v->id,
	       TR(r->rq, "Arrivée", "Arrival"), v->id,
	       bad_row && web_form(r->rq, "in") != NULL ? web_form(r->rq, "in") : in,
	       bad_row && strcmp(r->bad_field, "in") == 0 ?
	       " aria-invalid=\"true\"" : "", v->id, TR(r->rq, "Départ",
	       "Departure"), v->id,
	       bad_row && web_form(r->rq, "out") != NULL ? web_form(r->rq, "out") :
	       out, bad_row && strcmp(r->bad_field, "out") == 0 ?
	       " aria-invalid=\"true\"" : "", TR(r->rq, "Corriger", "Fix"));
	return 0;
}

static int
attendance_page(Web *w, WebReq *rq, WebResp *rs, const char *kind,
                const char *notice, int64_t bad_id, const char *bad_field,
                const char *date)
{
	char today[TIME_DATE_SIZE], from[TIME_DATE_SIZE], to[TIME_DATE_SIZE],
	     d[TIME_DATE_SIZE];
	const char *qd = web_query(rq, "date"), *qf = web_query(rq, "from"),
	           *qt = web_query(rq, "to");
	VisitRows r;
	int rc = BORNE_OK, n_days = 0;

	if (date != NULL)
		qd = date;                   /* the day of the visit being fixed */
	time_local_date(rq->now_utc, today);
	memset(&r, 0, sizeof r);
	r.rq = rq;
	r.rs = rs;
	r.member_id = web_id(web_query(rq, "member"));
	r.bad_id = bad_id;
	r.bad_field = bad_field != NULL ? bad_field : "";
	if (r.member_id != 0 && qf != NULL && qt != NULL &&
	    time_parse_date(qf) == BORNE_OK && time_parse_date(qt) == BORNE_OK &&
	    strcmp(qf, qt) <= 0) {
		snprintf(from, sizeof from, "%s", qf);
		snprintf(to, sizeof to, "%s", qt);
	} else {
		snprintf(from, sizeof from, "%s", qd != NULL &&
		         time_parse_date(qd) == BORNE_OK ? qd : today);
		snprintf(to, sizeof to, "%s", from);
		r.member_id = 0;
	}
	web_page_begin(w, rq, rs, TR(rq, "Présences", "Attendance"));
	if (notice != NULL)
		web_notice(rs, kind, notice);
	/* Visits whose day is over are closed (and flagged) as the kiosk
	** would at its next tap; a read-only database shows them open. */
	(void)checkin_close_stale(w->st, rq->now_utc, NULL);
	html_f(&rs->body, "<section class=\"card\"><form method=\"get\" action=\""
	       "/attendance\" class=\"filters\"><div><label for=\"date\">%s"
	       "</label><input type=\"date\" id=\"date\" name=\"date\" value=\"%s\">"
	       "</div><button>%s</button></form>", TR(rq, "Jour", "Day"), from,
	       TR(rq, "Voir", "Show"));
	if (r.member_id != 0)
		html_f(&rs->body, "<p>%s %s → %s · <a href=\"/attendance\">%s</a></p>",
		       TR(rq, "Une personne, du", "One person, from"), from, to,
		       TR(rq, "tout le monde", "everyone"));
	html_f(&rs->body, "<div class=\"table\"><table id=\"visits\"><thead><tr>"
	       "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	       TR(rq, "Personne", "Person"), TR(rq, "Heures", "Hours"),
	       TR(rq, "État", "State"), TR(rq, "Corriger", "Fix"));
	snprintf(d, sizeof d, "%s", from);
	while (rc == BORNE_OK && strcmp(d, to) <= 0 && n_days++ < 3700) {
		rc = checkin_each(w->st, d, visit_row, &r);
		if (rc == BORNE_OK && time_date_add(d, 1, d) != BORNE_OK)
			break;
	}
	html_raw(&rs->body, "</tbody></table></div>");
	if (rc != BORNE_OK)
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	else if (r.n == 0)
		html_f(&rs->body, "<p class=\"muted\">%s</p>", TR(rq, "Personne n'est "
		       "venu ce jour-là.", "Nobody came that day."));
	html_raw(&rs->body, "</section>");
	/* The CSV of any period. */
	html_f(&rs->body, "<section class=\"card\"><h2>%s</h2><form method=\"get\" "
	       "action=\"/attendance.csv\" class=\"filters\" id=\"csv\"><div><label "
	       "for=\"cf\">%s</label><input type=\"date\" id=\"cf\" name=\"from\" "
	       "required value=\"%s\"></div><div><label for=\"ct\">%s</label><input "
	       "type=\"date\" id=\"ct\" name=\"to\" required value=\"%s\"></div>"
	       "<button>%s</button></form></section>",
	       TR(rq, "Télécharger les présences (tableur)",
	          "Download the attendance (spreadsheet)"),
	       TR(rq, "Du", "From"), from, TR(rq, "Au", "To"), to,
	       TR(rq, "Télécharger le CSV", "Download the CSV"));
	web_page_end(w, rq, rs);
	return BORNE_OK;
}

int
page_attendance_get(Web *w, WebReq *rq, WebResp *rs)
{
	const char *fixed = web_query(rq, "fixed");

	return attendance_page(w, rq, rs, fixed != NULL ? "ok" : NULL,
	                       fixed != NULL ? TR(rq, "Passage corrigé. Les heures "
	                       "enregistrées par la borne sont gardées.", "Visit "
	                       "fixed. The times the kiosk recorded are kept.") :
	                       NULL, 0, NULL, NULL);
}

/* HH:MM on the visit's own date, or a full local time. */
static int
fix_time(const char *s, const char *date, int64_t *utc)
{
	int minutes;

	if (s == NULL)
		return BORNE_EINVAL;
	if (strchr(s, 'T') != NULL)
		return time_parse_local(s, utc);
	if (time_parse_hm(s, &minutes) != BORNE_OK)
		return BORNE_EINVAL;
	return time_local_to_utc(date, minutes, utc);
}

int
page_attendance_post(Web *w, WebReq *rq, WebResp *rs)
{
	int64_t id = web_id(web_form(rq, "id")), in_utc, out_utc;
	char date[TIME_DATE_SIZE], loc[96], msg[300];
	Visit v;
	int rc;

	if ((rc = checkin_get(w->st, id, &v)) == BORNE_ENOTFOUND) {
		web_error_page(w, rq, rs, 404, TR(rq, "Ce passage n'existe pas.",
		               "This visit does not exist."));
		return BORNE_OK;
	}
	if (rc != BORNE_OK) {
		web_error_page(w, rq, rs, 503, web_store_error(rq, w->st, rc));
		return BORNE_OK;
	}
	time_local_date(v.in_utc, date);
	if (fix_time(web_form(rq, "in"), date, &in_utc) != BORNE_OK) {
		rs->status = 400;
		return attendance_page(w, rq, rs, "err", TR(rq, "L'heure d'arrivée "
		                       "est à corriger (HH:MM).", "The arrival time "
		                       "needs fixing (HH:MM)."), id, "in", date);
	}
	if (fix_time(web_form(rq, "out"), date, &out_utc) != BORNE_OK) {
		rs->status = 400;
		return attendance_page(w, rq, rs, "err", TR(rq, "L'heure de départ "
		                       "est à corriger (HH:MM).", "The departure time "
		                       "needs fixing (HH:MM)."), id, "out", date);
	}
	rc = checkin_fix(w->st, id, in_utc, out_utc, rq->actor_id, rq->now_utc);
	if (rc == BORNE_EINVAL) {
		const char *m = store_errmsg(w->st);
		const char *f = strncmp(m, "in:", 3) == 0 ? "in" : "out";

		snprintf(msg, sizeof msg, "%s (%s)", strcmp(f, "in") == 0 ?
		         TR(rq, "L'heure d'arrivée est à corriger.",
		            "The arrival time needs fixing.") :
		         TR(rq, "L'heure de départ est à corriger : après l'arrivée, "
		            "pas dans le futur, 24 heures au plus.", "The departure "
		            "time needs fixing: after the arrival, not in the future, "
		            "24 hours at most."), m);
		rs->status = 400;
		return attendance_page(w, rq, rs, "err", msg, id, f, date);
	}
	if (rc != BORNE_OK) {
		rs->status = rc == BORNE_EPERM ? 403 : 503;
		return attendance_page(w, rq, rs, "err",
		                       web_store_error(rq, w->st, rc), 0, NULL, NULL);
	}
	snprintf(loc, sizeof loc, "/attendance?date=%s&fixed=1#v%lld", date,
	         (long long)id);
	web_redirect(rs, loc);
	return BORNE_OK;
}

int
page_attendance_csv(Web *w, WebReq *rq, WebResp *rs)
{
	const char *from = web_query(rq, "from"), *to = web_query(rq, "to");
	int64_t member = web_id(web_query(rq, "member"));
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	if (from == NULL || time_parse_date(from) != BORNE_OK ||
	    to == NULL || time_parse_date(to) != BORNE_OK || strcmp(from, to) > 0) {
		rs->status = 400;
		return attendance_page(w, rq, rs, "err", from == NULL ||
		                       time_parse_date(from) != BORNE_OK ?
		                       TR(rq, "La date « Du » est à corriger.",
		                          "The \"From\" date needs fixing.") :
		                       TR(rq, "La date « Au » est à corriger : après "
		                          "« Du ».", "The \"To\" date needs fixing: "
		                          "after \"From\"."), 0, NULL, NULL);
	}
	if ((f = open_memstream(&buf, &len)) == NULL)
		return BORNE_ENOMEM;
	rc = report_visits_range_csv(w->st, from, to, member, f);
	fclose(f);
	if (rc == BORNE_EINVAL) {
		free(buf);
		rs->status = 400;
		return attendance_page(w, rq, rs, "err", TR(rq, "La période est trop "
		                       "longue (dix ans au plus).", "The period is too "
		                       "long (ten years at most)."), 0, NULL, NULL);
	}
	if (rc != BORNE_OK) {
		free(buf);
		rs->status = 503;
		return attendance_page(w, rq, rs, "err",
		                       web_store_error(rq, w->st, rc), 0, NULL, NULL);
	}
	wb_put(&rs->body, buf, len);
	free(buf);
	rs->ctype = "text/csv; charset=utf-8";
	snprintf(rs->disposition, sizeof rs->disposition,
	         "attachment; filename=\"borne-presences-%s-%s.csv\"", from, to);
	return BORNE_OK;
}
