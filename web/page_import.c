/* page_import.c -- Membres > Importer: a CSV file of members (import.c:
** columns name,role,badge,minor), first shown as what it will add, then
** added all at once on confirmation. The preview carries the file's text
** in the confirmation form, so nothing is kept on the server between the
** two steps. A bad file comes back with its line and field named. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "member.h"
#include "web.h"

static void import_form(Web *w, WebReq *rq, WebResp *rs, const char *error);
static void preview(Web *w, WebReq *rq, WebResp *rs, const WebParam *csv);

static void
import_form(Web *w, WebReq *rq, WebResp *rs, const char *error)
{
	WebBuf *b = &rs->body;

	web_page_begin(w, rq, rs, TR(rq, "Importer des membres", "Import members"));
	if (error != NULL)
		web_notice(rs, "err", error);
	html_f(b, "<section class=\"card narrow\"><p>%s</p><pre>name,role,badge,"
	       "minor\nLéa Martin,cooperator,04A1B2C3,1\nSam Petit,coworker,,0</pre>",
	       TR(rq, "Un fichier CSV (UTF-8) avec une ligne de titres : name, role "
	          "(cooperator, coworker, facilitator, admin), badge (facultatif), "
	          "minor (1 : moins de 18 ans). Vous verrez ce qui sera ajouté "
	          "avant que rien ne soit enregistré.", "A CSV file (UTF-8) with a "
	          "header line: name, role (cooperator, coworker, facilitator, "
	          "admin), badge (optional), minor (1: under 18). You will see what "
	          "will be added before anything is saved."));
	web_form_begin(rq, rs, "/import", "enctype=\"multipart/form-data\" "
	               "id=\"import\"");
	html_f(b, "<input type=\"hidden\" name=\"step\" value=\"preview\"><label "
	       "for=\"csv\">%s</label><input type=\"file\" id=\"csv\" name=\"csv\" "
	       "accept=\".csv,text/csv\"%r><button class=\"primary\">%s</button>"
	       "</form></section>", TR(rq, "Fichier CSV", "CSV file"),
	       error != NULL ? " aria-invalid=\"true\"" : "",
	       TR(rq, "Voir ce qui sera ajouté", "See what will be added"));
	web_page_end(w, rq, rs);
}

int
page_import_get(Web *w, WebReq *rq, WebResp *rs)
{
	import_form(w, rq, rs, NULL);
	return BORNE_OK;
}

static void
preview(Web *w, WebReq *rq, WebResp *rs, const WebParam *csv)
{
	WebBuf *b = &rs->body;
	ImportRow *rows = NULL;
	char err[300], msg[400], hex[UID_HEX_SIZE];
	int n = 0, n_taken = 0;

	if (import_members_parse(csv->value, csv->value_len, &rows, &n, err,
	                         sizeof err) != BORNE_OK) {
		rs->status = 400;
		snprintf(msg, sizeof msg, "%s %s", TR(rq, "Fichier CSV : rien n'est "
		         "ajouté.", "CSV file: nothing was added."), err);
		import_form(w, rq, rs, msg);
		return;
	}
	web_page_begin(w, rq, rs, TR(rq, "Importer des membres : vérifier",
	               "Import members: check"));
	html_f(b, "<p id=\"preview-count\">%d %s</p><div class=\"table\"><table "
	       "id=\"preview\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s"
	       "</th></tr></thead><tbody>", n, TR(rq, "membres seront ajoutés :",
	       "members will be added:"), TR(rq, "Ligne", "Line"), TR(rq, "Nom",
	       "Name"), TR(rq, "Rôle", "Role"), TR(rq, "Badge", "Badge"));
	for (int i = 0; i < n; i++) {
		Member owner;

		hex[0] = '\0';
		if (rows[i].has_badge)
			uid_format(&rows[i].badge, hex);
		html_f(b, "<tr><td>%d</td><td>%s%s</td><td>%s</td><td><code>%s</code>",
		       rows[i].line, rows[i].name, rows[i].minor ? " (-18)" : "",
		       member_role_name(rows[i].role), hex);
		if (rows[i].has_badge &&
		    member_by_badge(w->st, &rows[i].badge, &owner) == BORNE_OK) {
			n_taken++;
			html_f(b, " <span class=\"chip bad\">%s %s</span>",
			       TR(rq, "déjà à", "already"), owner.name);
		}
		html_raw(b, "</td></tr>");
	}
	html_raw(b, "</tbody></table></div>");
	free(rows);
	if (n_taken > 0) {
		web_notice(rs, "err", TR(rq, "Des badges sont déjà donnés : le fichier "
		           "serait refusé. Corrigez-le.", "Some badges are already "
		           "given: the file would be refused. Correct it."));
	} else {
		web_form_begin(rq, rs, "/import", "id=\"confirm\"");
		/* The text goes back as it came; a textarea keeps its lines. */
		html_raw(b, "<input type=\"hidden\" name=\"step\" value=\"apply\">"
		         "<textarea name=\"csv\" hidden>");
		html_s(b, csv->value);
		html_f(b, "</textarea><button class=\"primary\">%s</button></form>",
		       TR(rq, "Ajouter ces membres", "Add these members"));
	}
	html_f(b, "<p><a href=\"/import\">%s</a></p>", TR(rq, "Choisir un autre "
	       "fichier", "Choose another file"));
	web_page_end(w, rq, rs);
}

int
page_import_post(Web *w, WebReq *rq, WebResp *rs)
{
	const WebParam *csv = web_form_param(rq, "csv");
	const char *step = web_form(rq, "step");
	char err[300], msg[400];
	int n = 0, rc;

	if (csv == NULL || csv->value_len == 0) {
		rs->status = 400;
		import_form(w, rq, rs, TR(rq, "Fichier CSV : choisissez un fichier.",
		            "CSV file: choose a file."));
		return BORNE_OK;
	}
	if (step == NULL || strcmp(step, "apply") != 0) {
		preview(w, rq, rs, csv);
		return BORNE_OK;
	}
	rc = import_members_text(w->st, csv->value, csv->value_len, rq->actor_id,
	                         rq->now_utc, &n, err, sizeof err);
	if (rc != BORNE_OK) {
		rs->status = rc == BORNE_EINVAL ? 400 : 503;
		snprintf(msg, sizeof msg, "%s %s", TR(rq, "Rien n'est ajouté :",
		         "Nothing was added:"), rc == BORNE_EINVAL ? err :
		         web_store_error(rq, w->st, rc));
		import_form(w, rq, rs, msg);
		return BORNE_OK;
	}
	web_page_begin(w, rq, rs, TR(rq, "Importer des membres", "Import members"));
	snprintf(msg, sizeof msg, "%d %s", n, TR(rq, "membres ajoutés.",
	         "members added."));
	web_notice(rs, "ok", msg);
	html_f(&rs->body, "<p><a class=\"button\" href=\"/members\">%s</a></p>",
	       TR(rq, "Voir les membres", "See the members"));
	web_page_end(w, rq, rs);
	return BORNE_OK;
}
