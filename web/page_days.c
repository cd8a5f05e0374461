/* page_days.c -- Journées contributives: plan a season (a weekly repeat
** between two dates, dates skipped or moved), the days of a period, and
** one day's page (change it, its work streams, cancel it or the rest of
** its season). Every change goes through day_plan.c with the signed-in
** facilitator as actor, so the rules and the audit are the kiosk's and
** borne-admin's. Bad input gives the form back, as typed, with the field
** named and marked (aria-invalid), and nothing saved. */
#include <stdio.h>
#include <string.h>

#include "day.h"
#include "timeutil.h"
#include "web.h"

#define DAYS_LIST_MAX 400
#define PLAN_LIST_MAX 53         /* dates skipped or moved in one season */

typedef struct DayRows {
	Web     *w;
	WebReq  *rq;
	WebResp *rs;
	int      n;
} DayRows;

static const char *field_of(const char *msg);
static const char *field_text(const WebReq *rq, const char *field);
static const char *val(const WebReq *rq, const char *name, const char *dflt);
static const char *bad(const char *field, const char *name);
static void fmt_hm(int minutes, char out[6]);
static int  day_row(const ContribDay *d, void *ctx);
static void plan_form(WebReq *rq, WebResp *rs, const char *field);
static int  days_page(Web *w, WebReq *rq, WebResp *rs, const char *kind,
                      const char *notice, const char *field);
static int  day_page(Web *w, WebReq *rq, WebResp *rs, int64_t id,
                     const char *kind, const char *notice, const char *field);
static int  split_list(char *s, char **out, int max);

/* The form field a core message is about: its "field:" prefix, or the
** words the day rules use. */
static const char *
field_of(const char *msg)
{
	static const char *const prefixed[] = {
		"first", "until", "skip", "move", "date", "from", "to"
	};

	for (size_t i = 0; i < sizeof prefixed / sizeof prefixed[0]; i++) {
		size_t n = strlen(prefixed[i]);

		if (strncmp(msg, prefixed[i], n) == 0 && msg[n] == ':')
			return prefixed[i];
	}
	if (strncmp(msg, "title", 5) == 0)
		return "title";
	if (strncmp(msg, "stream", 6) == 0)
		return "streams";
	if (strstr(msg, "hour") != NULL)
		return "close";
	if (strstr(msg, "already a contributive day") != NULL)
		return "first";
	return "";
}

static const char *
field_text(const WebReq *rq, const char *field)
{
	if (strcmp(field, "first") == 0 || strcmp(field, "date") == 0)
		return TR(rq, "La date est à corriger (ou une journée existe déjà "
		          "ce jour-là).", "The date needs fixing (or that date "
		          "already has a day).");
	if (strcmp(field, "until") == 0)
		return TR(rq, "La date de fin est à corriger : après la date de "
		          "début, deux ans au plus.", "The end date needs fixing: "
		          "after the start, two years at most.");
	if (strcmp(field, "title") == 0)
		return TR(rq, "Le nom de la journée est vide ou trop long.",
		          "The day's name is empty or too long.");
	if (strcmp(field, "close") == 0 || strcmp(field, "open") == 0)
		return TR(rq, "Les heures sont à corriger : la fin vient après le "
		          "début.", "The hours need fixing: the end comes after "
		          "the start.");
	if (strcmp(field, "skip") == 0)
		return TR(rq, "Une date sans journée est à corriger.",
		          "A date to skip needs fixing.");
	if (strcmp(field, "move") == 0)
		return TR(rq, "Un déplacement est à corriger : une date de la "
		          "saison, puis la nouvelle date.", "A move needs fixing: "
		          "a date of the season, then the new date.");
	if (strcmp(field, "streams") == 0)
		return TR(rq, "Les chantiers sont à corriger : chacun une fois, "
		          "40 caractères au plus.", "The work streams need "
		          "fixing: each once, 40 characters at most.");
	return TR(rq, "Rien n'est enregistré.", "Nothing was saved.");
}

static const char *
val(const WebReq *rq, const char *name, const char *dflt)
{
	const char *v = web_form(rq, name);

	return v != NULL ? v : dflt;
}

static const char *
bad(const char *field, const char *name)
{
	return field != NULL && strcmp(field, name) == 0 ?
	       " aria-invalid=\"true\"" : "";
}

static void
fmt_hm(int minutes, char out[6])
{
	unsigned m = (unsigned)minutes % 1441u;

	snprintf(out, 6, "%02u:%02u", (m / 60u) % 25u, m % 60u);
}

/* Splits on commas, spaces and new lines, in place. */
static int
split_list(char *s, char **out, int max)
{
	char *save = NULL, *tok;
	int n = 0;

	for (tok = strtok_r(s, ", \t\r\n", &save); tok != NULL;
	     tok = strtok_r(NULL, ", \t\r\n", &save)) {
		if (n == max)
			return -1;
		out[n++] = tok;
	}
	return n;
}

static int
day_row(const ContribDay *d, void *ctx)
{
	static const char *const wd_fr[7] = {
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"
	};
	static const char *const wd_en[7] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
		"Sunday"
	};
	DayRows *r = ctx;
	WebBuf *b = &r->rs->body;
	DayStreams ds;
	char from[6], to[6];
	int w = time_weekday(d->date);

	if (r->n++ >= DAYS_LIST_MAX)
		return 1;
	fmt_hm(d->open_min, from);
	fmt_hm(d->close_min, to);
	html_f(b, "<tr id=\"day%D\"><td>%s<br><span class=\"muted\">%s</span></td>"
	       "<td>%s – %s</td><td><a href=\"/day?id=%D\">%s</a>", d->id,
	       d->date, w >= 0 && w < 7 ? (r->rq->en ? wd_en[w] : wd_fr[w]) : "",
	       from, to, d->id, d->title);
	if (d->moved_from[0] != '\0')
		html_f(b, " <span class=\"chip warn\">%s %s</span>",
		       TR(r->rq, "déplacée du", "moved from"), d->moved_from);
	html_raw(b, "</td><td>");
	if (day_streams_get(r->w->st, d->id, &ds) == BORNE_OK)
		for (int i = 0; i < ds.n; i++)
			html_f(b, "<span class=\"chip\">%s</span> ", ds.name[i]);
	html_raw(b, "</td></tr>\n");
	return 0;
}

static void
plan_form(WebReq *rq, WebResp *rs, const char *field)
{
	WebBuf *b = &rs->body;

	html_f(b, "<section class=\"card\"><h2>%s</h2><p class=\"muted\">%s</p>",
	       TR(rq, "Planifier une saison", "Plan a season"),
	       TR(rq, "Une journée chaque semaine, le même jour, entre deux dates.",
	          "One day every week, on the same weekday, between two dates."));
	web_form_begin(rq, rs, "/days", "id=\"plan\"");
	html_raw(b, "<input type=\"hidden\" name=\"action\" value=\"plan\">");
	html_f(b, "<label for=\"first\">%s</label><input type=\"date\" id=\"first\" "
	       "name=\"first\" required value=\"%s\"%r>",
	       TR(rq, "Première journée", "First day"), val(rq, "first", ""),
	       bad(field, "first"));
	html_f(b, "<label for=\"until\">%s</label><input type=\"date\" id=\"until\" "
	       "name=\"until\" required value=\"%s\"%r>",
	       TR(rq, "Dernière journée au plus tard", "Last day at the latest"),
	       val(rq, "until", ""), bad(field, "until"));
	html_f(b, "<label for=\"title\">%s</label><input id=\"title\" name=\"title\" "
	       "maxlength=\"120\" required value=\"%s\"%r>",
	       TR(rq, "Nom de la journée", "Name of the day"),
	       val(rq, "title", TR(rq, "Journée contributive",
	                           "Contributive day")), bad(field, "title"));
	html_f(b, "<div class=\"filters\"><div><label for=\"open\">%s</label>"
	       "<input type=\"time\" id=\"open\" name=\"open\" required "
	       "value=\"%s\"%r></div><div><label for=\"close\">%s</label><input "
	       "type=\"time\" id=\"close\" name=\"close\" required value=\"%s\"%r>"
	       "</div></div>", TR(rq, "Ouverture", "Opens"), val(rq, "open", "10:00"),
	       bad(field, "open"), TR(rq, "Fermeture", "Closes"),
	       val(rq, "close", "18:00"), bad(field, "close"));
	html_f(b, "<label for=\"skip\">%s</label><input id=\"skip\" name=\"skip\" "
	       "placeholder=\"2025-10-29, 2025-12-24\" value=\"%s\"%r>",
	       TR(rq, "Dates sans journée (vacances), séparées par des virgules",
	          "Dates without a day (holidays), separated by commas"),
	       val(rq, "skip", ""), bad(field, "skip"));
	html_f(b, "<label for=\"move\">%s</label><input id=\"move\" name=\"move\" "
	       "placeholder=\"2025-11-12>2025-11-13\" value=\"%s\"%r>",
	       TR(rq, "Journées déplacées : date prévue>nouvelle date",
	          "Days moved: planned date>new date"),
	       val(rq, "move", ""), bad(field, "move"));
	html_f(b, "<button class=\"primary\">%s</button></form></section>",
	       TR(rq, "Planifier", "Plan"));
}

static int
days_page(Web *w, WebReq *rq, WebResp *rs, const char *kind,
          const char *notice, const char *field)
{
	char today[TIME_DATE_SIZE], from[TIME_DATE_SIZE], to[TIME_DATE_SIZE];
	const char *qf = web_query(rq, "from"), *qt = web_query(rq, "to");
	DayRows r;
	int rc;

	time_local_date(rq->now_utc, today);
	if (qf != NULL && time_parse_date(qf) == BORNE_OK)
		snprintf(from, sizeof from, "%s", qf);
	else
		time_date_add(today, -7, from);
	if (qt != NULL && time_parse_date(qt) == BORNE_OK)
		snprintf(to, sizeof to, "%s", qt);
	else
		time_date_add(today, 365, to);
	web_page_begin(w, rq, rs, TR(rq, "Journées contributives",
	                             "Contributive days"));
	if (notice != NULL)
		web_notice(rs, kind, notice);
	plan_form(rq, rs, field);
	html_f(&rs->body, "<section class=\"card\"><h2>%s</h2>",
	       TR(rq, "Les journées", "The days"));
	html_f(&rs->body, "<form method=\"get\" action=\"/days\" class=\"filters\">"
	       "<div><label for=\"lf\">%s</label><input type=\"date\" id=\"lf\" "
	       "name=\"from\" value=\"%s\"></div><div><label for=\"lt\">%s</label>"
	       "<input type=\"date\" id=\"lt\" name=\"to\" value=\"%s\"></div>"
	       "<button>%s</button></form>", TR(rq, "Du", "From"), from,
	       TR(rq, "Au", "To"), to, TR(rq, "Voir", "Show"));
	html_f(&rs->body, "<div class=\"table\"><table id=\"days\"><thead><tr>"
	       "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	       TR(rq, "Date", "Date"), TR(rq, "Heures", "Hours"),
	       TR(rq, "Journée", "Day"), TR(rq, "Chantiers", "Work streams"));
	r.w = w;
	r.rq = rq;
	r.rs = rs;
	r.n = 0;
	rc = day_each(w->st, from, to, day_row, &r);
	html_raw(&rs->body, "</tbody></table></div>");
	if (rc != BORNE_OK)
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	else if (r.n == 0)
		html_f(&rs->body, "<p class=\"muted\">%s</p>", TR(rq, "Aucune journée "
		       "entre ces dates.", "No day between these dates."));
	html_raw(&rs->body, "</section>");
	web_page_end(w, rq, rs);
	return BORNE_OK;
}

int
page_days_get(Web *w, WebReq *rq, WebResp *rs)
{
	const char *planned = web_query(rq, "planned");
	char msg[96];

	if (planned != NULL && web_id(planned) > 0) {
		snprintf(msg, sizeof msg, rq->en ? "Season planned: %lld days." :
		         "Saison planifiée : %lld journées.", (long long)web_id(planned));
		return days_page(w, rq, rs, "ok", msg, NULL);
	}
	return days_page(w, rq, rs, NULL, NULL, NULL);
}

int
page_days_post(Web *w, WebReq *rq, WebResp *rs)
{
	char skip_buf[1200], move_buf[1200], *skip[PLAN_LIST_MAX],
	     *moves_s[PLAN_LIST_MAX], loc[64], msg[400];
	DayMove moves[PLAN_LIST_MAX];
	DayPlan p;
	int64_t sid;
	int n_skip, n_moves, n, rc;

	memset(&p, 0, sizeof p);
	p.first = val(rq, "first", "");
	p.until = val(rq, "until", "");
	p.title = val(rq, "title", "");
	if (time_parse_hm(val(rq, "open", ""), &p.open_min) != BORNE_OK) {
		rs->status = 400;
		return days_page(w, rq, rs, "err", field_text(rq, "open"), "open");
	}
	if (time_parse_hm(val(rq, "close", ""), &p.close_min) != BORNE_OK) {
		rs->status = 400;
		return days_page(w, rq, rs, "err", field_text(rq, "close"), "close");
	}
	/* 24:00 closes at midnight: a time input says 00:00. */
	if (p.close_min == 0)
		p.close_min = 1440;
	snprintf(skip_buf, sizeof skip_buf, "%s", val(rq, "skip", ""));
	snprintf(move_buf, sizeof move_buf, "%s", val(rq, "move", ""));
	if ((n_skip = split_list(skip_buf, skip, PLAN_LIST_MAX)) < 0) {
		rs->status = 400;
		return days_page(w, rq, rs, "err", field_text(rq, "skip"), "skip");
	}
	if ((n_moves = split_list(move_buf, moves_s, PLAN_LIST_MAX)) < 0) {
		rs->status = 400;
		return days_page(w, rq, rs, "err", field_text(rq, "move"), "move");
	}
	for (int i = 0; i < n_moves; i++) {
		char *sep = strpbrk(moves_s[i], ">=");

		if (sep == NULL) {
			rs->status = 400;
			return days_page(w, rq, rs, "err", field_text(rq, "move"), "move");
		}
		*sep = '\0';
		moves[i].from = moves_s[i];
		moves[i].to = sep + 1;
	}
	p.skip = (const char *const *)skip;
	p.n_skip = n_skip;
	p.moves = moves;
	p.n_moves = n_moves;
	rc = day_plan(w->st, &p, rq->actor_id, rq->now_utc, &sid, &n);
	if (rc == BORNE_EINVAL || rc == BORNE_EREFUSED) {
		const char *f = field_of(store_errmsg(w->st));

		snprintf(msg, sizeof msg, "%s (%s)", field_text(rq, f),
		         store_errmsg(w->st));
		rs->status = 400;
		return days_page(w, rq, rs, "err", msg, f);
	}
	if (rc != BORNE_OK) {
		rs->status = rc == BORNE_EPERM ? 403 : 503;
		return days_page(w, rq, rs, "err", web_store_error(rq, w->st, rc),
		                 NULL);
	}
	snprintf(loc, sizeof loc, "/days?planned=%d", n);
	web_redirect(rs, loc);
	return BORNE_OK;
}

static int
day_page(Web *w, WebReq *rq, WebResp *rs, int64_t id, const char *kind,
         const char *notice, const char *field)
{
	WebBuf *b = &rs->body;
	ContribDay d;
	DayStreams ds;
	char from[6], to[6], idtxt[24], streams[DAY_STREAMS_MAX * 170];
	size_t len = 0;
	int rc;

	if ((rc = day_get(w->st, id, &d)) == BORNE_ENOTFOUND) {
		web_error_page(w, rq, rs, 404, TR(rq, "Cette journée n'existe pas "
		               "(ou plus).", "This day does not exist (any more)."));
		return BORNE_OK;
	}
	if (rc != BORNE_OK) {
		web_error_page(w, rq, rs, 503, web_store_error(rq, w->st, rc));
		return BORNE_OK;
	}
	streams[0] = '\0';
	if (day_streams_get(w->st, id, &ds) == BORNE_OK)
		for (int i = 0; i < ds.n && len < sizeof streams; i++) {
			int n = snprintf(streams + len, sizeof streams - len, "%s%s",
			                 i > 0 ? "\n" : "", ds.name[i]);

			len += n > 0 ? (size_t)n : 0;
		}
	fmt_hm(d.open_min, from);
	fmt_hm(d.close_min, to);
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
	web_page_begin(w, rq, rs, d.title);
	if (notice != NULL)
		web_notice(rs, kind, notice);
	html_f(b, "<p><a href=\"/days\">%s</a></p>", TR(rq, "← Toutes les "
	       "journées", "← All the days"));
	/* Change the day. */
	html_f(b, "<section class=\"card\"><h2>%s</h2>",
	       TR(rq, "Changer la journée", "Change the day"));
	web_form_begin(rq, rs, "/day", "id=\"edit\"");
	html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
	       "type=\"hidden\" name=\"action\" value=\"edit\">", idtxt);
	html_f(b, "<label for=\"date\">%s</label><input type=\"date\" id=\"date\" "
	       "name=\"date\" required value=\"%s\"%r>", TR(rq, "Date", "Date"),
	       val(rq, "date", d.date), bad(field, "date"));
	html_f(b, "<label for=\"title\">%s</label><input id=\"title\" name=\"title\" "
	       "maxlength=\"120\" required value=\"%s\"%r>",
	       TR(rq, "Nom de la journée", "Name of the day"),
	       val(rq, "title", d.title), bad(field, "title"));
	html_f(b, "<div class=\"filters\"><div><label for=\"open\">%s</label>"
	       "<input type=\"time\" id=\"open\" name=\"open\" required "
	       "value=\"%s\"%r></div><div><label for=\"close\">%s</label><input "
	       "type=\"time\" id=\"close\" name=\"close\" required value=\"%s\"%r>"
	       "</div></div>", TR(rq, "Ouverture", "Opens"), val(rq, "open", from),
	       bad(field, "open"), TR(rq, "Fermeture", "Closes"),
	       val(rq, "close", to), bad(field, "close"));
	if (d.series_id > 0)
		html_f(b, "<label><input type=\"checkbox\" name=\"series\" value=\"1\" "
		       "style=\"width:auto\"> %s</label>", TR(rq, "Aussi pour les "
		       "journées suivantes de la saison (nom et heures)", "Also for "
		       "the next days of the season (name and hours)"));
	html_f(b, "<button class=\"primary\">%s</button></form></section>",
	       TR(rq, "Enregistrer", "Save"));
	/* Streams. */
	html_f(b, "<section class=\"card\"><h2>%s</h2>",
	       TR(rq, "Les chantiers de la journée", "The day's work streams"));
	web_form_begin(rq, rs, "/day", "id=\"streams-form\"");
	html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
	       "type=\"hidden\" name=\"action\" value=\"streams\"><label "
	       "for=\"streams\">%s</label><textarea id=\"streams\" name=\"streams\" "
	       "rows=\"5\"%r>%s</textarea><button>%s</button></form></section>",
	       idtxt, TR(rq, "Un chantier par ligne (Chantier, Communication, "
	       "Budget…)", "One stream a line (Building, Communication, "
	       "Budget…)"), bad(field, "streams"), val(rq, "streams", streams),
	       TR(rq, "Enregistrer les chantiers", "Save the streams"));
	/* Cancel. */
	html_f(b, "<section class=\"card\"><h2>%s</h2>",
	       TR(rq, "Annuler", "Cancel"));
	web_form_begin(rq, rs, "/day", "class=\"inline\"");
	html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
	       "type=\"hidden\" name=\"action\" value=\"cancel\"><button>%s"
	       "</button></form>", idtxt, TR(rq, "Annuler cette journée",
	       "Cancel this day"));
	if (d.series_id > 0) {
		web_form_begin(rq, rs, "/day", "class=\"inline\"");
		html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
		       "type=\"hidden\" name=\"action\" value=\"cancel_series\">"
		       "<button>%s</button></form>", idtxt, TR(rq, "Annuler cette "
		       "journée et les suivantes de la saison", "Cancel this day and "
		       "the next ones of the season"));
	}
	html_f(b, "<p class=\"muted\">%s</p></section>", TR(rq, "Une journée où "
	       "des personnes sont venues reste : ses heures comptent.",
	       "A day people came on stays: its hours count."));
	web_page_end(w, rq, rs);
	return BORNE_OK;
}

int
page_day_get(Web *w, WebReq *rq, WebResp *rs)
{
	const char *done = web_query(rq, "saved");

	return day_page(w, rq, rs, web_id(web_query(rq, "id")),
	                done != NULL ? "ok" : NULL, done != NULL ?
	                TR(rq, "Enregistré.", "Saved.") : NULL, NULL);
}

int
page_day_post(Web *w, WebReq *rq, WebResp *rs)
{
	const char *action = val(rq, "action", "");
	int64_t id = web_id(web_form(rq, "id"));
	char loc[64], msg[400], *names[DAY_STREAMS_MAX + 1], buf[4096];
	ContribDay d;
	int rc, open_min, close_min, n, kept;

	if ((rc = day_get(w->st, id, &d)) == BORNE_ENOTFOUND) {
		web_error_page(w, rq, rs, 404, TR(rq, "Cette journée n'existe pas "
		               "(ou plus).", "This day does not exist (any more)."));
		return BORNE_OK;
	}
	if (rc != BORNE_OK) {
		web_error_page(w, rq, rs, 503, web_store_error(rq, w->st, rc));
		return BORNE_OK;
	}
	if (strcmp(action, "edit") == 0) {
		if (time_parse_hm(val(rq, "open", ""), &open_min) != BORNE_OK) {
			rs->status = 400;
			return day_page(w, rq, rs, id, "err", field_text(rq, "open"),
			                "open");
		}
		if (time_parse_hm(val(rq, "close", ""), &close_min) != BORNE_OK) {
			rs->status = 400;
			return day_page(w, rq, rs, id, "err", field_text(rq, "close"),
			                "close");
		}
		if (close_min == 0)
			close_min = 1440;
		rc = day_edit(w->st, id, val(rq, "date", ""), val(rq, "title", ""),
		              open_min, close_min, rq->actor_id, rq->now_utc);
		if (rc == BORNE_OK && web_form(rq, "series") != NULL)
			rc = day_series_edit(w->st, d.series_id, val(rq, "date", ""),
			                     val(rq, "title", ""), open_min, close_min,
			                     rq->actor_id, rq->now_utc, NULL);
	} else if (strcmp(action, "streams") == 0) {
		snprintf(buf, sizeof buf, "%s", val(rq, "streams", ""));
		n = 0;
		for (char *save = NULL, *tok = strtok_r(buf, "\r\n", &save);
		     tok != NULL; tok = strtok_r(NULL, "\r\n", &save)) {
			if (tok[strspn(tok, " \t")] == '\0')
				continue;            /* a blank line is no stream */
			if (n == DAY_STREAMS_MAX + 1)
				break;
			names[n++] = tok;
		}
		rc = day_set_streams(w->st, id, (const char *const *)names, n,
		                     rq->actor_id, rq->now_utc);
	} else if (strcmp(action, "cancel") == 0) {
		rc = day_cancel(w->st, id, rq->actor_id, rq->now_utc);
		if (rc == BORNE_OK) {
			web_redirect(rs, "/days");
			return BORNE_OK;
		}
	} else if (strcmp(action, "cancel_series") == 0) {
		rc = day_series_cancel(w->st, d.series_id, d.date, rq->actor_id,
		                       rq->now_utc, &n, &kept);
		if (rc == BORNE_OK) {
			web_redirect(rs, "/days");
			return BORNE_OK;
		}
	} else {
		rs->status = 400;
		return day_page(w, rq, rs, id, "err", TR(rq, "Action inconnue.",
		                "Unknown action."), NULL);
	}
	if (rc == BORNE_EINVAL || rc == BORNE_EREFUSED) {
		const char *f = field_of(store_errmsg(w->st));

		if (strcmp(f, "first") == 0)
			f = "date";
		if (strcmp(action, "cancel") == 0)
			f = "";
		snprintf(msg, sizeof msg, "%s (%s)", *f != '\0' ? field_text(rq, f) :
		         TR(rq, "Refusé.", "Refused."), store_errmsg(w->st));
		rs->status = 400;
		return day_page(w, rq, rs, id, "err", msg, f);
	}
	if (rc != BORNE_OK) {
		rs->status = rc == BORNE_EPERM ? 403 : 503;
		return day_page(w, rq, rs, id, "err", web_store_error(rq, w->st, rc),
		                NULL);
	}
	snprintf(loc, sizeof loc, "/day?id=%lld&saved=1", (long long)id);
	web_redirect(rs, loc);
	return BORNE_OK;
}
