/* page_journal.c -- Journal: the audit log, newest first, filtered by
** kind of action (member., mission., web....), by who did it and by
** dates. The log is read once, oldest first (audit_each); the newest
** JOURNAL_MAX lines that pass the filter are kept in a ring. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "timeutil.h"
#include "web.h"

#define JOURNAL_MAX 300

typedef struct Line {
	int64_t at_utc, actor_id, target_id;
	char    action[48], kind[24], detail[200];
} Line;

typedef struct JournalCtx {
	const char *prefix;       /* "member." or NULL */
	int64_t     actor;        /* -1: anyone */
	int64_t     from_utc, to_utc;
	Line       *ring;
	int         n;            /* lines that passed, all told */
} JournalCtx;

static int each(int64_t id, int64_t at_utc, int64_t actor_id,
                const char *action, const char *target_kind,
                int64_t target_id, const char *detail, void *ctx);

static int
each(int64_t id, int64_t at_utc, int64_t actor_id, const char *action,
     const char *target_kind, int64_t target_id, const char *detail,
     void *ctx)
{
	JournalCtx *c = ctx;
	Line *l;

	(void)id;
	if (c->prefix != NULL && strncmp(action, c->prefix, strlen(c->prefix)) != 0)
		return 0;
	if (c->actor >= 0 && actor_id != c->actor)
		return 0;
	if ((c->from_utc > 0 && at_utc < c->from_utc) ||
	    (c->to_utc > 0 && at_utc >= c->to_utc))
		return 0;
	l = &c->ring[c->n++ % JOURNAL_MAX];
	l->at_utc = at_utc;
	l->actor_id = actor_id;
	l->target_id = target_id;
	snprintf(l->action, sizeof l->action, "%s", action);
	snprintf(l->kind, sizeof l->kind, "%s", target_kind ? target_kind : "");
	snprintf(l->detail, sizeof l->detail, "%s", detail ? detail : "");
	return 0;
}

int
page_journal_get(Web *w, WebReq *rq, WebResp *rs)
{
	static const char *const kinds[] = { "member.", "badge.", "mission.",
		"day.", "checkin.", "web.", "clock.", "import.", "privacy." };
	const char *kind = web_query(rq, "kind"), *from = web_query(rq, "from"),
	           *to = web_query(rq, "to"), *actor = web_query(rq, "actor");
	JournalCtx c = { NULL, -1, 0, 0, NULL, 0 };
	WebBuf *b = &rs->body;
	char next[TIME_DATE_SIZE];
	int rc, shown;

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kind != NULL && strcmp(kind, kinds[i]) == 0)
			c.prefix = kinds[i];
	if (actor != NULL && *actor != '\0')
		c.actor = strcmp(actor, "0") == 0 ? 0 : web_id(actor);
	web_page_begin(w, rq, rs, TR(rq, "Journal", "Log"));
	if ((from != NULL && *from != '\0' &&
	     time_local_to_utc(from, 0, &c.from_utc) != BORNE_OK) ||
	    (to != NULL && *to != '\0' && (time_date_add(to, 1, next) != BORNE_OK
	     || time_local_to_utc(next, 0, &c.to_utc) != BORNE_OK))) {
		rs->status = 400;
		web_notice(rs, "err", TR(rq, "Dates : écrivez AAAA-MM-JJ.",
		           "Dates: write YYYY-MM-DD."));
		c.from_utc = c.to_utc = 0;
	}
	html_f(b, "<form class=\"filters\" method=\"get\" action=\"/journal\">"
	       "<label>%s <select name=\"kind\"><option value=\"\">%s</option>",
	       TR(rq, "Quoi", "What"), TR(rq, "Tout", "All"));
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		html_f(b, c.prefix == kinds[i] ? "<option selected>%s</option>" :
		       "<option>%s</option>", kinds[i]);
	html_f(b, "</select></label><label>%s <input name=\"actor\" size=\"6\" "
	       "value=\"%s\"></label><label>%s <input type=\"date\" name=\"from\" "
	       "value=\"%s\"></label><label>%s <input type=\"date\" name=\"to\" "
	       "value=\"%s\"></label><button>%s</button></form>",
	       TR(rq, "Par (n° de membre)", "By (member no.)"), actor ? actor : "",
	       TR(rq, "Du", "From"), from ? from : "", TR(rq, "Au", "To"),
	       to ? to : "", TR(rq, "Filtrer", "Filter"));
	if ((c.ring = calloc(JOURNAL_MAX, sizeof *c.ring)) == NULL)
		return BORNE_ENOMEM;
	rc = audit_each(w->st, each, &c);
	if (rc != BORNE_OK) {
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
		c.n = 0;
	}
	html_f(b, "<div class=\"table\"><table id=\"journal\"><thead><tr><th>%s"
	       "</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	       TR(rq, "Quand", "When"), TR(rq, "Qui", "Who"), TR(rq, "Quoi",
	       "What"), TR(rq, "Détail", "Detail"));
	shown = c.n < JOURNAL_MAX ? c.n : JOURNAL_MAX;
	for (int k = 0; k < shown; k++) {
		const Line *l = &c.ring[(c.n - 1 - k) % JOURNAL_MAX];
		char when[20], who[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];

		web_time(l->at_utc, when);
		web_actor_name(w, rq, l->actor_id, who, sizeof who);
		html_f(b, "<tr><td>%s</td><td>%s</td><td><code>%s</code> %s #%D</td>"
		       "<td>%s</td></tr>\n", when, l->actor_id == 0 &&
		       strncmp(l->action, "web.login_", 10) == 0 ? "—" : who,
		       l->action, l->kind, l->target_id, l->detail);
	}
	html_raw(b, "</tbody></table></div>");
	if (c.n == 0 && rc == BORNE_OK)
		html_f(b, "<p class=\"muted\">%s</p>", TR(rq, "Rien.", "Nothing."));
	else if (c.n > shown)
		html_f(b, "<p class=\"muted\">%d / %d %s</p>", shown, c.n,
		       TR(rq, "lignes, les plus récentes.", "lines, the newest."));
	free(c.ring);
	web_page_end(w, rq, rs);
	return BORNE_OK;
}
