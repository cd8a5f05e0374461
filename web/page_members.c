/* page_members.c -- Membres: the list (search by name), adding one, and
** one member's page: role and minor status, badges, deactivate, export
** their data (JSON, privacy.c) and forget them. Every change goes through
** member.c / privacy.c with the signed-in facilitator as actor: the same
** rules and audit lines as at the kiosk and in borne-admin. A refused
** form comes back filled in, the field named, nothing saved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "member.h"
#include "privacy.h"
#include "uid.h"
#include "web.h"

#define LIST_MAX 300

typedef struct ListCtx {
	WebReq  *rq;
	WebResp *rs;
	const char *q;
	int      n, shown;
} ListCtx;

/* A form's values when it comes back refused. */
typedef struct AddForm {
	const char *name, *role, *badge;
	int minor;
	const char *bad;          /* the field in error: "name", "role"... */
} AddForm;

static int  contains_ci(const char *hay, const char *needle);
static const char *role_label(const WebReq *rq, MemberRole r);
static int  list_row(const Member *m, void *ctx);
static void members_page(Web *w, WebReq *rq, WebResp *rs, const AddForm *f,
                         const char *notice_kind, const char *notice);
static void role_select(WebResp *rs, const WebReq *rq, const char *name,
                        int selected, int invalid);
static int  badge_row(const char *uid_hex, int64_t added_utc, void *ctx);
static void member_page(Web *w, WebReq *rq, WebResp *rs, int64_t id,
                        const char *notice_kind, const char *notice);
static int  member_export(Web *w, WebReq *rq, WebResp *rs, int64_t id);

/* Case-blind for ASCII letters; other letters as typed. */
static int
contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return n == 0;
}

static const char *
role_label(const WebReq *rq, MemberRole r)
{
	switch (r) {
	case ROLE_COOPERATOR: return TR(rq, "Coopérateur·rice", "Cooperator");
	case ROLE_COWORKER: return TR(rq, "Coworker", "Coworker");
	case ROLE_FACILITATOR: return TR(rq, "Animateur·rice", "Facilitator");
	case ROLE_ADMIN: return TR(rq, "Administrateur·rice", "Admin");
	default: return "?";
	}
}

static void
role_select(WebResp *rs, const WebReq *rq, const char *name, int selected,
            int invalid)
{
	html_f(&rs->body, invalid ? "<select id=\"%s\" name=\"%s\" "
	       "aria-invalid=\"true\">" : "<select id=\"%s\" name=\"%s\">", name,
	       name);
	for (int r = 0; r < ROLE_COUNT; r++)
		html_f(&rs->body, r == selected ? "<option value=\"%s\" selected>%s"
		       "</option>" : "<option value=\"%s\">%s</option>",
		       member_role_name((MemberRole)r), role_label(rq, (MemberRole)r));
	html_raw(&rs->body, "</select>");
}

static int
list_row(const Member *m, void *ctx)
{
	ListCtx *c = ctx;

	if (c->q != NULL && *c->q != '\0' && !contains_ci(m->name, c->q))
		return 0;
	c->n++;
	if (c->shown >= LIST_MAX)
		return 0;
	c->shown++;
	html_f(&c->rs->body, "<tr><td><a href=\"/member?id=%D\">%s</a></td><td>%s"
	       "</td><td>", m->id, m->name, role_label(c->rq, m->role));
	if (m->minor)
		html_f(&c->rs->body, "<span class=\"chip warn\">%s</span> ",
		       TR(c->rq, "Moins de 18 ans", "Under 18"));
	if (!m->active)
		html_f(&c->rs->body, "<span class=\"chip bad\">%s</span>",
		       TR(c->rq, "Désactivé", "Deactivated"));
	html_raw(&c->rs->body, "</td></tr>\n");
	return 0;
}

static void
members_page(Web *w, WebReq *rq, WebResp *rs, const AddForm *f,
             const char *notice_kind, const char *notice)
{
	ListCtx c = { rq, rs, web_query(rq, "q"), 0, 0 };
	WebBuf *b = &rs->body;
	MemberRole sel = ROLE_COOPERATOR;
	int rc;

	web_page_begin(w, rq, rs, TR(rq, "Membres", "Members"));
	if (notice != NULL)
		web_notice(rs, notice_kind, notice);
	html_f(b, "<form class=\"filters\" method=\"get\" action=\"/members\">"
	       "<label for=\"q\">%s</label><input id=\"q\" name=\"q\" type=\"search\" "
	       "value=\"%s\"><button>%s</button><a class=\"button\" href=\"/import\">"
	       "%s</a></form>", TR(rq, "Chercher un nom", "Search a name"),
	       c.q != NULL ? c.q : "", TR(rq, "Chercher", "Search"),
	       TR(rq, "Importer un fichier CSV", "Import a CSV file"));
	html_f(b, "<div class=\"table\"><table id=\"members\"><thead><tr><th>%s</th>"
	       "<th>%s</th><th></th></tr></thead><tbody>", TR(rq, "Nom", "Name"),
	       TR(rq, "Rôle", "Role"));
	rc = member_each(w->st, list_row, &c);
	html_raw(b, "</tbody></table></div>");
	if (rc != BORNE_OK)
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	else if (c.n == 0)
		html_f(b, "<p class=\"muted\">%s</p>", TR(rq, "Personne.", "Nobody."));
	else if (c.n > c.shown)
		html_f(b, "<p class=\"muted\">%d / %d %s</p>", c.shown, c.n,
		       TR(rq, "affichés : précisez la recherche.",
		          "shown: narrow the search."));
	/* Adding one. */
	if (f->role != NULL)
		(void)member_role_parse(f->role, &sel);
	html_f(b, "<section class=\"card narrow\"><h2>%s</h2>",
	       TR(rq, "Ajouter un membre", "Add a member"));
	web_form_begin(rq, rs, "/members", "id=\"add\"");
	html_f(b, "<input type=\"hidden\" name=\"action\" value=\"add\">"
	       "<label for=\"name\">%s</label><input id=\"name\" name=\"name\" "
	       "value=\"%s\" maxlength=\"80\"%r>", TR(rq, "Nom", "Name"),
	       f->name != NULL ? f->name : "", f->bad != NULL &&
	       strcmp(f->bad, "name") == 0 ? " aria-invalid=\"true\"" : "");
	html_f(b, "<label for=\"role\">%s</label>", TR(rq, "Rôle", "Role"));
	role_select(rs, rq, "role", (int)sel, f->bad != NULL &&
	            strcmp(f->bad, "role") == 0);
	html_f(b, "<label class=\"check\"><input type=\"checkbox\" name=\"minor\" "
	       "value=\"1\"%r> %s</label>", f->minor ? " checked" : "",
	       TR(rq, "Moins de 18 ans", "Under 18"));
	html_f(b, "<label for=\"badge\">%s</label><input id=\"badge\" name=\"badge\""
	       " value=\"%s\" autocomplete=\"off\"%r>", TR(rq, "Badge (numéro, "
	       "facultatif)", "Badge (number, optional)"), f->badge != NULL ?
	       f->badge : "", f->bad != NULL && strcmp(f->bad, "badge") == 0 ?
	       " aria-invalid=\"true\"" : "");
	html_f(b, "<button class=\"primary\">%s</button></form></section>",
	       TR(rq, "Ajouter", "Add"));
	web_page_end(w, rq, rs);
}

int
page_members_get(Web *w, WebReq *rq, WebResp *rs)
{
	AddForm f = { NULL, NULL, NULL, 0, NULL };

	members_page(w, rq, rs, &f, NULL, NULL);
	return BORNE_OK;
}

int
page_members_post(Web *w, WebReq *rq, WebResp *rs)
{
	AddForm f = { web_form(rq, "name"), web_form(rq, "role"),
	              web_form(rq, "badge"), web_form(rq, "minor") != NULL, NULL };
	MemberRole role = ROLE_COOPERATOR;
	BadgeUid uid;
	char err[200], msg[400], loc[64];
	int64_t id = 0;
	int rc;

	if (f.name == NULL || f.name[0] == '\0') {
		f.bad = "name";
		rs->status = 400;
		members_page(w, rq, rs, &f, "err", TR(rq, "Nom : écrivez le nom.",
		             "Name: write the name."));
		return BORNE_OK;
	}
	if (f.role == NULL || member_role_parse(f.role, &role) != BORNE_OK) {
		f.bad = "role";
		rs->status = 400;
		members_page(w, rq, rs, &f, "err", TR(rq, "Rôle : choisissez un rôle.",
		             "Role: choose a role."));
		return BORNE_OK;
	}
	if (f.badge != NULL && f.badge[0] != '\0' &&
	    uid_parse(f.badge, UID_DEC_LSB_FIRST, &uid, err, sizeof err)
	    != BORNE_OK) {
		f.bad = "badge";
		rs->status = 400;
		snprintf(msg, sizeof msg, "%s %s", TR(rq, "Badge :", "Badge:"), err);
		members_page(w, rq, rs, &f, "err", msg);
		return BORNE_OK;
	}
	rc = member_add(w->st, f.name, role, f.minor, f.badge != NULL &&
	                f.badge[0] != '\0' ? &uid : NULL, NULL, rq->actor_id,
	                rq->now_utc, &id);
	if (rc != BORNE_OK) {
		const char *m = store_errmsg(w->st);

		f.bad = strncmp(m, "name", 4) == 0 ? "name" : strstr(m, "badge") !=
		        NULL ? "badge" : rc == BORNE_EPERM ? "role" : NULL;
		rs->status = rc == BORNE_EINVAL || rc == BORNE_EPERM ? 400 : 503;
		snprintf(msg, sizeof msg, "%s%s", f.bad != NULL ? "" :
		         TR(rq, "Rien n'est enregistré. ", "Nothing was saved. "),
		         web_store_error(rq, w->st, rc));
		members_page(w, rq, rs, &f, "err", rc == BORNE_EINVAL ? m : msg);
		return BORNE_OK;
	}
	snprintf(loc, sizeof loc, "/member?id=%lld&added=1", (long long)id);
	web_redirect(rs, loc);
	return BORNE_OK;
}

/* ---- One member ---- */

typedef struct BadgeCtx {
	WebReq  *rq;
	WebResp *rs;
	int      n;
} BadgeCtx;

static int
badge_row(const char *uid_hex, int64_t added_utc, void *ctx)
{
	BadgeCtx *c = ctx;
	char when[20];

	c->n++;
	web_time(added_utc, when);
	html_f(&c->rs->body, "<li><code>%s</code> <span class=\"muted\">%s</span> ",
	       uid_hex, when);
	web_form_begin(c->rq, c->rs, "/member", "class=\"inline\"");
	html_f(&c->rs->body, "<input type=\"hidden\" name=\"action\" "
	       "value=\"badge_remove\"><input type=\"hidden\" name=\"uid\" "
	       "value=\"%s\"><button class=\"link\">%s</button></form></li>",
	       uid_hex, TR(c->rq, "Retirer", "Remove"));
	return 0;
}

static void
member_page(Web *w, WebReq *rq, WebResp *rs, int64_t id,
            const char *notice_kind, const char *notice)
{
	WebBuf *b = &rs->body;
	BadgeCtx bc = { rq, rs, 0 };
	char idf[64];
	Member m;
	int rc;

	if ((rc = member_get(w->st, id, &m)) != BORNE_OK) {
		web_error_page(w, rq, rs, rc == BORNE_ENOTFOUND ? 404 : 503,
		               rc == BORNE_ENOTFOUND ? TR(rq, "Ce membre n'existe pas.",
		               "No such member.") : web_store_error(rq, w->st, rc));
		return;
	}
	web_page_begin(w, rq, rs, m.forgotten ? TR(rq, "Membre oublié",
	               "Forgotten member") : m.name);
	if (notice != NULL)
		web_notice(rs, notice_kind, notice);
	if (web_query(rq, "added") != NULL)
		web_notice(rs, "ok", TR(rq, "Membre ajouté.", "Member added."));
	else if (web_query(rq, "done") != NULL)
		web_notice(rs, "ok", TR(rq, "C'est enregistré.", "Saved."));
	if (m.forgotten) {
		html_f(b, "<p>%s</p>", TR(rq, "Ses données personnelles sont effacées.",
		       "Their personal data is erased."));
		web_page_end(w, rq, rs);
		return;
	}
	snprintf(idf, sizeof idf, "%lld", (long long)m.id);
	html_f(b, "<p>%s %s", role_label(rq, m.role), m.active ? "" :
	       TR(rq, "· désactivé", "· deactivated"));
	if (m.minor)
		html_f(b, " <span class=\"chip warn\">%s</span>",
		       TR(rq, "Moins de 18 ans", "Under 18"));
	html_raw(b, "</p>");
	/* Role and minor. */
	html_f(b, "<section class=\"card narrow\"><h2>%s</h2>",
	       TR(rq, "Rôle et âge", "Role and age"));
	web_form_begin(rq, rs, "/member", "id=\"update\"");
	html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
	       "type=\"hidden\" name=\"action\" value=\"update\"><label for=\"role\">"
	       "%s</label>", idf, TR(rq, "Rôle", "Role"));
	role_select(rs, rq, "role", (int)m.role, 0);
	html_f(b, "<label class=\"check\"><input type=\"checkbox\" name=\"minor\" "
	       "value=\"1\"%r> %s</label><button class=\"primary\">%s</button>"
	       "</form></section>", m.minor ? " checked" : "",
	       TR(rq, "Moins de 18 ans", "Under 18"), TR(rq, "Enregistrer", "Save"));
	/* Badges. */
	html_f(b, "<section class=\"card narrow\"><h2>%s</h2><ul>",
	       TR(rq, "Badges", "Badges"));
	rc = badge_each(w->st, m.id, badge_row, &bc);
	html_raw(b, "</ul>");
	if (rc != BORNE_OK)
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	else if (bc.n == 0)
		html_f(b, "<p class=\"muted\">%s</p>", TR(rq, "Aucun badge.",
		       "No badge."));
	web_form_begin(rq, rs, "/member", NULL);
	html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
	       "type=\"hidden\" name=\"action\" value=\"badge_add\"><label "
	       "for=\"uid\">%s</label><input id=\"uid\" name=\"uid\" "
	       "autocomplete=\"off\"><button>%s</button></form></section>", idf,
	       TR(rq, "Numéro du badge", "Badge number"),
	       TR(rq, "Ajouter le badge", "Add the badge"));
	/* Their data. */
	html_f(b, "<section class=\"card narrow\"><h2>%s</h2><p><a class=\"button\" "
	       "href=\"/member?id=%s&amp;export=1\">%s</a></p>",
	       TR(rq, "Données et compte", "Data and account"), idf,
	       TR(rq, "Exporter ses données (JSON)", "Export their data (JSON)"));
	if (m.active) {
		web_form_begin(rq, rs, "/member", NULL);
		html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
		       "type=\"hidden\" name=\"action\" value=\"deactivate\"><button>%s"
		       "</button></form>", idf, TR(rq, "Désactiver", "Deactivate"));
	}
	web_form_begin(rq, rs, "/member", NULL);
	html_f(b, "<input type=\"hidden\" name=\"id\" value=\"%s\"><input "
	       "type=\"hidden\" name=\"action\" value=\"forget\"><label "
	       "class=\"check\"><input type=\"checkbox\" name=\"sure\" value=\"1\"> "
	       "%s</label><button>%s</button></form></section>", idf,
	       TR(rq, "Oui, effacer pour toujours son nom, ses badges et ses "
	          "passages", "Yes, erase for good their name, badges and visits"),
	       TR(rq, "Oublier ce membre", "Forget this member"));
	web_page_end(w, rq, rs);
}

static int
member_export(Web *w, WebReq *rq, WebResp *rs, int64_t id)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	int rc;

	if (f == NULL)
		return BORNE_ENOMEM;
	rc = privacy_export_member(w->st, id, f);
	fclose(f);
	if (rc != BORNE_OK) {
		free(data);
		web_error_page(w, rq, rs, rc == BORNE_ENOTFOUND ? 404 : 503,
		               web_store_error(rq, w->st, rc));
		return BORNE_OK;
	}
	wb_put(&rs->body, data, len);
	free(data);
	rs->ctype = "application/json; charset=utf-8";
	snprintf(rs->disposition, sizeof rs->disposition,
	         "attachment; filename=\"member-%lld.json\"", (long long)id);
	return BORNE_OK;
}

int
page_member_get(Web *w, WebReq *rq, WebResp *rs)
{
	int64_t id = web_id(web_query(rq, "id"));

	if (web_query(rq, "export") != NULL)
		return member_export(w, rq, rs, id);
	member_page(w, rq, rs, id, NULL, NULL);
	return BORNE_OK;
}

int
page_member_post(Web *w, WebReq *rq, WebResp *rs)
{
	const char *action = web_form(rq, "action");
	int64_t id = web_id(web_form(rq, "id"));
	char err[200], msg[400], loc[64];
	BadgeUid uid;
	int rc = BORNE_EINVAL;

	if (action == NULL)
		action = "";
	if (strcmp(action, "update") == 0) {
		MemberRole role;

		if (member_role_parse(web_form(rq, "role") ? web_form(rq, "role") : "",
		                      &role) != BORNE_OK) {
			rs->status = 400;
			member_page(w, rq, rs, id, "err", TR(rq, "Rôle : choisissez un "
			            "rôle.", "Role: choose a role."));
			return BORNE_OK;
		}
		rc = member_update(w->st, id, role, web_form(rq, "minor") != NULL,
		                   rq->actor_id, rq->now_utc);
	} else if (strcmp(action, "badge_add") == 0 ||
	           strcmp(action, "badge_remove") == 0) {
		if (uid_parse(web_form(rq, "uid") ? web_form(rq, "uid") : "",
		              UID_DEC_LSB_FIRST, &uid, err, sizeof err) != BORNE_OK) {
			rs->status = 400;
			snprintf(msg, sizeof msg, "%s %s", TR(rq, "Numéro du badge :",
			         "Badge number:"), err);
			member_page(w, rq, rs, id, "err", msg);
			return BORNE_OK;
		}
		if (action[6] == 'a') {
			rc = badge_add(w->st, id, &uid, rq->actor_id, rq->now_utc);
		} else {
			rc = badge_remove(w->st, &uid, rq->actor_id, rq->now_utc);
		}
	} else if (strcmp(action, "deactivate") == 0) {
		rc = member_deactivate(w->st, id, rq->actor_id, rq->now_utc);
	} else if (strcmp(action, "forget") == 0) {
		if (web_form(rq, "sure") == NULL) {
			rs->status = 400;
			member_page(w, rq, rs, id, "err", TR(rq, "Cochez la case pour "
			            "confirmer : rien n'est effacé.", "Tick the box to "
			            "confirm: nothing was erased."));
			return BORNE_OK;
		}
		rc = privacy_forget_member(w->st, id, rq->actor_id, rq->now_utc);
	} else {
		web_error_page(w, rq, rs, 400, TR(rq, "Action inconnue.",
		               "Unknown action."));
		return BORNE_OK;
	}
	if (rc != BORNE_OK) {
		rs->status = rc == BORNE_ENOTFOUND ? 404 : rc == BORNE_EINVAL ||
		             rc == BORNE_EPERM || rc == BORNE_EREFUSED ? 400 : 503;
		snprintf(msg, sizeof msg, "%s %s", TR(rq, "Rien n'est enregistré :",
		         "Nothing was saved:"), web_store_error(rq, w->st, rc));
		member_page(w, rq, rs, id, "err", msg);
		return BORNE_OK;
	}
	snprintf(loc, sizeof loc, "/member?id=%lld&done=%s", (long long)id,
	         action);
	web_redirect(rs, loc);
	return BORNE_OK;
}
