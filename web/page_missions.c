/* page_missions.c -- Missions: the ones waiting for a facilitator
** (approve, or reject with a reason the poster will read), then every
** mission of one status, newest first, with "mark done" and "cancel"
** where the status allows. Changes go through mission.c with the
** signed-in facilitator as actor. */
#include <stdio.h>
#include <string.h>

#include "mission.h"
#include "web.h"

#define LIST_MAX 200

typedef struct RowCtx {
	WebReq  *rq;
	WebResp *rs;
	int      n, waiting;
	const char *bad_reason_id;   /* the row whose reason was refused */
} RowCtx;

static const char *status_label(const WebReq *rq, MissionStatus s);
static int  row(const Mission *m, void *ctx);
static void missions_page(Web *w, WebReq *rq, WebResp *rs,
                          const char *notice_kind, const char *notice,
                          const char *bad_id);

static const char *
status_label(const WebReq *rq, MissionStatus s)
{
	switch (s) {
	case MISSION_PENDING: return TR(rq, "À valider", "Waiting for approval");
	case MISSION_OPEN: return TR(rq, "Ouverte", "Open");
	case MISSION_TAKEN: return TR(rq, "Prise", "Taken");
	case MISSION_DONE: return TR(rq, "Faite", "Done");
	case MISSION_REJECTED: return TR(rq, "Refusée", "Rejected");
	case MISSION_CANCELLED: return TR(rq, "Annulée", "Cancelled");
	case MISSION_EXPIRED: return TR(rq, "Expirée", "Expired");
	default: return "?";
	}
}

static int
row(const Mission *m, void *ctx)
{
	RowCtx *c = ctx;
	WebBuf *b = &c->rs->body;
	char id[32];

	if (c->n++ >= LIST_MAX)
		return 1;
	snprintf(id, sizeof id, "%lld", (long long)m->id);
	html_f(b, "<tr id=\"m%s\"><td><strong>%s</strong><br><span class=\"muted\">"
	       "%s · %s%s</span>", id, m->d.title, m->poster_name,
	       mission_category_name(m->d.category), m->d.minors_ok ?
	       TR(c->rq, " · ouverte aux moins de 18 ans", " · open to under-18s") :
	       "");
	if (m->reason[0] != '\0')
		html_f(b, "<br><em>%s</em>", m->reason);
	if (m->d.reward_kind == REWARD_QUOTE)    /* page_quotes.c */
		html_f(b, "<br><a href=\"/quotes?mission=%s\">%s</a>", id,
		       TR(c->rq, "Devis reçus", "Quotes received"));
	html_f(b, "</td><td>%s<br><span class=\"muted\">%d/%d</span></td><td>",
	       status_label(c->rq, m->status), m->n_takers, m->d.places);
	if (m->status == MISSION_PENDING) {
		web_form_begin(c->rq, c->rs, "/missions", "class=\"inline\"");
		html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
		       "type=\"hidden\" name=\"action\" value=\"approve\"><button "
		       "class=\"ok\">%s</button></form>", id,
		       TR(c->rq, "Accepter", "Approve"));
		web_form_begin(c->rq, c->rs, "/missions", NULL);
		html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
		       "type=\"hidden\" name=\"action\" value=\"reject\"><label for=\""
		       "reason%s\">%s</label><input id=\"reason%s\" name=\"reason\" "
		       "maxlength=\"200\"%r><button>%s</button></form>", id, id,
		       TR(c->rq, "Raison du refus", "Reason for refusing"), id,
		       c->bad_reason_id != NULL && strcmp(c->bad_reason_id, id) == 0 ?
		       " aria-invalid=\"true\"" : "", TR(c->rq, "Refuser", "Reject"));
	} else if (m->status == MISSION_OPEN || m->status == MISSION_TAKEN) {
		web_form_begin(c->rq, c->rs, "/missions", "class=\"inline\"");
		html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
		       "type=\"hidden\" name=\"action\" value=\"done\"><button "
		       "class=\"ok\">%s</button></form>", id,
		       TR(c->rq, "Marquer faite", "Mark done"));
		web_form_begin(c->rq, c->rs, "/missions", "class=\"inline\"");
		html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
		       "type=\"hidden\" name=\"action\" value=\"cancel\"><button>%s"
		       "</button></form>", id, TR(c->rq, "Annuler", "Cancel"));
	}
	html_raw(b, "</td></tr>\n");
	return 0;
}

static void
missions_page(Web *w, WebReq *rq, WebResp *rs, const char *notice_kind,
              const char *notice, const char *bad_id)
{
	RowCtx c = { rq, rs, 0, 0, bad_id };
	WebBuf *b = &rs->body;
	const char *st_name = web_query(rq, "status");
	MissionStatus want = MISSION_OPEN;
	int rc;

	if (st_name != NULL)
		(void)mission_status_parse(st_name, &want);
	web_page_begin(w, rq, rs, TR(rq, "Missions", "Missions"));
	if (notice != NULL)
		web_notice(rs, notice_kind, notice);
	if (web_query(rq, "done") != NULL)
		web_notice(rs, "ok", TR(rq, "C'est enregistré.", "Saved."));
	html_f(b, "<h2>%s</h2><div class=\"table\"><table id=\"pending\"><tbody>",
	       TR(rq, "À valider", "Waiting for approval"));
	rc = mission_each(w->st, MISSION_PENDING, row, &c);
	html_raw(b, "</tbody></table></div>");
	if (rc != BORNE_OK)
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	else if (c.n == 0)
		html_f(b, "<p class=\"muted\" id=\"none-pending\">%s</p>",
		       TR(rq, "Aucune mission n'attend.", "No mission is waiting."));
	html_f(b, "<h2>%s</h2><form class=\"filters\" method=\"get\" "
	       "action=\"/missions\"><label for=\"status\">%s</label><select "
	       "id=\"status\" name=\"status\">", TR(rq, "Toutes les missions",
	       "All missions"), TR(rq, "État", "Status"));
	for (int s = MISSION_OPEN; s < MISSION_STATUS_COUNT; s++)
		html_f(b, s == (int)want ? "<option value=\"%s\" selected>%s</option>" :
		       "<option value=\"%s\">%s</option>",
		       mission_status_name((MissionStatus)s),
		       status_label(rq, (MissionStatus)s));
	html_f(b, "</select><button>%s</button><a class=\"button\" "
	       "href=\"/missions.csv?status=%s\">%s</a></form><div class=\"table\">"
	       "<table id=\"missions\"><tbody>", TR(rq, "Afficher", "Show"),
	       mission_status_name(want), TR(rq, "Télécharger (CSV)",
	       "Download (CSV)"));
	c.n = 0;
	if (want != MISSION_PENDING)
		rc = mission_each(w->st, (int)want, row, &c);
	html_raw(b, "</tbody></table></div>");
	if (rc != BORNE_OK)
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	else if (c.n == 0)
		html_f(b, "<p class=\"muted\">%s</p>", TR(rq, "Aucune.", "None."));
	else if (c.n > LIST_MAX)
		html_f(b, "<p class=\"muted\">%s</p>", TR(rq, "Les 200 plus récentes.",
		       "The 200 newest."));
	web_page_end(w, rq, rs);
}

int
page_missions_get(Web *w, WebReq *rq, WebResp *rs)
{
	missions_page(w, rq, rs, NULL, NULL, NULL);
	return BORNE_OK;
}

int
page_missions_post(Web *w, WebReq *rq, WebResp *rs)
{
	const char *action = web_form(rq, "action"), *id_s = web_form(rq, "id");
	int64_t id = web_id(id_s);
	MissionRefusal why = MREFUSE_NONE;
	char msg[400];
	int rc;

	if (action == NULL)
		action = "";
	if (strcmp(action, "approve") == 0) {
		rc = mission_approve(w->st, id, rq->actor_id, rq->now_utc);
	} else if (strcmp(action, "reject") == 0) {
		const char *reason = web_form(rq, "reason");

		if (reason == NULL || reason[strspn(reason, " \t\r\n")] == '\0') {
			rs->status = 400;
			missions_page(w, rq, rs, "err", TR(rq, "Raison du refus : "
			              "écrivez pourquoi, la personne la lira. Rien n'est "
			              "enregistré.", "Reason for refusing: write why, the "
			              "poster will read it. Nothing was saved."), id_s);
			return BORNE_OK;
		}
		rc = mission_reject(w->st, id, reason, rq->actor_id, rq->now_utc);
	} else if (strcmp(action, "done") == 0) {
		rc = mission_done(w->st, id, rq->actor_id, rq->now_utc, &why);
	} else if (strcmp(action, "cancel") == 0) {
		rc = mission_cancel(w->st, id, rq->actor_id, rq->now_utc, &why);
	} else {
		web_error_page(w, rq, rs, 400, TR(rq, "Action inconnue.",
		               "Unknown action."));
		return BORNE_OK;
	}
	if (rc != BORNE_OK) {
		rs->status = rc == BORNE_ENOTFOUND ? 404 : rc == BORNE_EBUSY ||
		             rc == BORNE_EREADONLY || rc == BORNE_EFULL ||
		             rc == BORNE_EDB ? 503 : 400;
		snprintf(msg, sizeof msg, "%s %s", TR(rq, "Rien n'est enregistré :",
		         "Nothing was saved:"), rc == BORNE_EREFUSED ? TR(rq,
		         "la mission n'est plus dans cet état (quelqu'un l'a changée).",
		         "the mission is no longer in that state (someone changed it).")
		         : web_store_error(rq, w->st, rc));
		missions_page(w, rq, rs, "err", msg, strcmp(action, "reject") == 0 ?
		              id_s : NULL);
		return BORNE_OK;
	}
	web_redirect(rs, "/missions?done=1");
	return BORNE_OK;
}
