/* page_quotes.c -- Devis: the quotes made at the kiosk for missions with
** "Prix à discuter" (all, or one mission's: /quotes?mission=ID), the
** cooperative's name printed on them (a form), and one quote as a page
** to print (/quote?id=: the print stylesheet leaves the menu out) or as
** a PDF (/quote.pdf?id=, quote_pdf.c). The lines and sums are
** quote_lines(): the page, the PDF and the kiosk say the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mission.h"
#include "quote.h"
#include "quote_pdf.h"
#include "timeutil.h"
#include "web.h"

#define LIST_MAX 500

typedef struct ListCtx {
	Web     *w;
	WebReq  *rq;
	WebResp *rs;
	int      n;
} ListCtx;

static const char *status_label(const WebReq *rq, QuoteStatus s);
static int  list_row(const Quote *q, void *ctx);
static void quotes_page(Web *w, WebReq *rq, WebResp *rs, const char *kind,
                        const char *notice);
static int  quote_of(Web *w, WebReq *rq, WebResp *rs, Quote *q, Mission *m);

static const char *
status_label(const WebReq *rq, QuoteStatus s)
{
	switch (s) {
	case QUOTE_PROPOSED: return TR(rq, "En attente", "Waiting");
	case QUOTE_ACCEPTED: return TR(rq, "Accepté", "Accepted");
	case QUOTE_DECLINED: return TR(rq, "Pas retenu", "Not chosen");
	case QUOTE_WITHDRAWN: return TR(rq, "Retiré", "Withdrawn");
	default: return "?";
	}
}

static int
list_row(const Quote *q, void *ctx)
{
	ListCtx *c = ctx;
	WebBuf *b = &c->rs->body;
	char id[32], date[20], ht[32], vat[32], ttc[32];
	AppLang lang = c->rq->en ? LANG_EN : LANG_FR;
	Mission m;

	if (c->n++ >= LIST_MAX)
		return 1;
	snprintf(id, sizeof id, "%lld", (long long)q->id);
	web_time(q->created_utc, date);
	quote_money(q->c.ht_cents, lang, ht, sizeof ht);
	quote_money(q->c.vat_cents, lang, vat, sizeof vat);
	quote_money(q->c.ttc_cents, lang, ttc, sizeof ttc);
	if (mission_get(c->w->st, q->mission_id, &m) != BORNE_OK)
		m.d.title[0] = '\0';
	html_f(b, "<tr id=\"q%s\"><td><a href=\"/quote?id=%s\"><strong>%s</strong>"
	       "</a><br><span class=\"muted\">%s</span></td><td>%s<br><span "
	       "class=\"muted\">%s</span></td><td class=\"num\">%s</td><td "
	       "class=\"num\">%s</td><td class=\"num\"><strong>%s</strong></td>"
	       "<td>%s</td><td><a class=\"button\" href=\"/quote.pdf?id=%s\">PDF"
	       "</a></td></tr>\n", id, id, q->number, date, m.d.title,
	       q->member_name, ht, vat, ttc, status_label(c->rq, q->status), id);
	return 0;
}

static void
quotes_page(Web *w, WebReq *rq, WebResp *rs, const char *kind,
            const char *notice)
{
	ListCtx c = { w, rq, rs, 0 };
	WebBuf *b = &rs->body;
	int64_t mission = web_id(web_query(rq, "mission"));
	char coop[BORNE_CH_BYTES(QUOTE_COOP_MAX_CH)];
	Mission m;
	int rc;

	web_page_begin(w, rq, rs, TR(rq, "Devis", "Quotes"));
	if (notice != NULL)
		web_notice(rs, kind, notice);
	if (web_query(rq, "done") != NULL)
		web_notice(rs, "ok", TR(rq, "C'est enregistré.", "Saved."));
	if (mission > 0 && mission_get(w->st, mission, &m) == BORNE_OK)
		html_f(b, "<h2>%s %s</h2><p><a href=\"/quotes\">%s</a></p>",
		       TR(rq, "Devis pour", "Quotes for"), m.d.title,
		       TR(rq, "Tous les devis", "All quotes"));
	else
		mission = 0;
	html_f(b, "<div class=\"table\"><table id=\"quotes\"><thead><tr><th>%s"
	       "</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	       "<th></th></tr></thead><tbody>", TR(rq, "Devis", "Quote"),
	       TR(rq, "Mission, établi par", "Mission, made by"),
	       TR(rq, "HT", "Before VAT"), TR(rq, "TVA", "VAT"),
	       TR(rq, "TTC", "With VAT"), TR(rq, "État", "Status"));
	rc = quote_each(w->st, mission, list_row, &c);
	html_raw(b, "</tbody></table></div>");
	if (rc != BORNE_OK)
		web_notice(rs, "err", web_store_error(rq, w->st, rc));
	else if (c.n == 0)
		html_f(b, "<p class=\"muted\" id=\"no-quotes\">%s</p>",
		       TR(rq, "Aucun devis pour l'instant. Les jeunes les font à la "
		          "borne, sur une mission « Prix à discuter ».", "No quote "
		          "yet. Young members make them at the kiosk, on a mission "
		          "with \"Price to discuss\"."));
	quote_coop_name(w->st, coop, sizeof coop);
	html_f(b, "<h2>%s</h2>", TR(rq, "Nom imprimé sur les devis",
	       "Name printed on quotes"));
	web_form_begin(rq, rs, "/quotes", NULL);
	html_f(b, "<input type=\"hidden\" name=\"action\" value=\"coop\"><label "
	       "for=\"coop\">%s</label><input id=\"coop\" name=\"coop\" value=\"%s"
	       "\" maxlength=\"120\"><button>%s</button></form>",
	       TR(rq, "Nom de la coopérative", "The cooperative's name"), coop,
	       TR(rq, "Enregistrer", "Save"));
	web_page_end(w, rq, rs);
}

int
page_quotes_get(Web *w, WebReq *rq, WebResp *rs)
{
	quotes_page(w, rq, rs, NULL, NULL);
	return BORNE_OK;
}

int
page_quotes_post(Web *w, WebReq *rq, WebResp *rs)
{
	const char *action = web_form(rq, "action");
	int rc;

	if (action == NULL || strcmp(action, "coop") != 0) {
		web_error_page(w, rq, rs, 400, TR(rq, "Action inconnue.",
		               "Unknown action."));
		return BORNE_OK;
	}
	rc = quote_coop_set(w->st, web_form(rq, "coop"), rq->actor_id,
	                    rq->now_utc);
	if (rc != BORNE_OK) {
		rs->status = rc == BORNE_EINVAL || rc == BORNE_EPERM ? 400 : 503;
		quotes_page(w, rq, rs, "err", rc == BORNE_EINVAL ? TR(rq,
		            "Nom de la coopérative : de 1 à 120 caractères, sur une "
		            "ligne. Rien n'est enregistré.", "The cooperative's name: "
		            "1 to 120 characters, on one line. Nothing was saved.")
		            : web_store_error(rq, w->st, rc));
		return BORNE_OK;
	}
	web_redirect(rs, "/quotes?done=1");
	return BORNE_OK;
}

/* The quote ?id= names and its mission; 0 and a 404 page when none. */
static int
quote_of(Web *w, WebReq *rq, WebResp *rs, Quote *q, Mission *m)
{
	int rc = quote_get(w->st, web_id(web_query(rq, "id")), q);

	if (rc == BORNE_OK)
		rc = mission_get(w->st, q->mission_id, m);
	if (rc == BORNE_OK)
		return 1;
	if (rc == BORNE_ENOTFOUND)
		web_error_page(w, rq, rs, 404, TR(rq, "Ce devis n'existe pas.",
		               "No such quote."));
	else
		web_error_page(w, rq, rs, 503, web_store_error(rq, w->st, rc));
	return 0;
}

/* One quote, as it prints: the menu and buttons are left out by the
** print stylesheet (page_assets.c, @media print). */
int
page_quote_get(Web *w, WebReq *rq, WebResp *rs)
{
	char coop[BORNE_CH_BYTES(QUOTE_COOP_MAX_CH)], title[64], date[20];
	char id[32];
	QuoteLine lines[QUOTE_LINES];
	WebBuf *b = &rs->body;
	Mission m;
	Quote q;
	int n;

	if (!quote_of(w, rq, rs, &q, &m))
		return BORNE_OK;
	quote_coop_name(w->st, coop, sizeof coop);
	snprintf(title, sizeof title, "%s %s", TR(rq, "Devis", "Quote"),
	         q.number);
	snprintf(id, sizeof id, "%lld", (long long)q.id);
	web_time(q.created_utc, date);
	date[10] = '\0';
	web_page_begin(w, rq, rs, title);
	html_f(b, "<article class=\"quote\" id=\"quote\"><p class=\"coop\"><strong>"
	       "%s</strong></p><p>%s %s · %s</p><p>%s %s<br>%s %s",
	       coop, TR(rq, "Date :", "Date:"), date, status_label(rq, q.status),
	       TR(rq, "Mission :", "Mission:"), m.d.title,
	       TR(rq, "Établi par :", "Made by:"), q.member_name);
	if (m.poster_name[0] != '\0')
		html_f(b, "<br>%s %s", TR(rq, "Pour :", "For:"), m.poster_name);
	html_raw(b, "</p><div class=\"table\"><table id=\"lines\"><tbody>");
	n = quote_lines(&q.c, rq->en ? LANG_EN : LANG_FR, lines);
	for (int i = 0; i < n; i++)
		html_f(b, lines[i].total ? "<tr><th>%s</th><td class=\"muted\">%s%s"
		       "</td><th class=\"num\">%s</th></tr>" : "<tr><td>%s</td><td "
		       "class=\"muted\">%s%s</td><td class=\"num\">%s</td></tr>",
		       lines[i].label, lines[i].calc, lines[i].calc[0] != '\0' ?
		       " =" : "", lines[i].amount);
	html_f(b, "</tbody></table></div><p class=\"muted\">%s</p></article>"
	       "<p><a class=\"button\" id=\"pdf\" href=\"/quote.pdf?id=%s\">%s</a> "
	       "<a href=\"/quotes?mission=%D\">%s</a></p>",
	       TR(rq, "Montants en euros. TVA calculée une fois, sur le total HT, "
	          "arrondie au centime le plus proche. Pour l'imprimer : Ctrl+P.",
	          "Amounts in euros. VAT worked out once, on the total before VAT, "
	          "rounded to the nearest cent. To print it: Ctrl+P."), id,
	       TR(rq, "Télécharger le PDF", "Download the PDF"), q.mission_id,
	       TR(rq, "Les devis de cette mission", "This mission's quotes"));
	web_page_end(w, rq, rs);
	return BORNE_OK;
}

int
page_quote_pdf(Web *w, WebReq *rq, WebResp *rs)
{
	char coop[BORNE_CH_BYTES(QUOTE_COOP_MAX_CH)], *buf = NULL;
	size_t len = 0;
	Mission m;
	Quote q;
	FILE *f;
	int rc;

	if (!quote_of(w, rq, rs, &q, &m))
		return BORNE_OK;
	quote_coop_name(w->st, coop, sizeof coop);
	if ((f = open_memstream(&buf, &len)) == NULL)
		return BORNE_ENOMEM;
	rc = quote_pdf_write(&q, &m, coop, rq->en, f);
	fclose(f);
	if (rc != BORNE_OK) {
		free(buf);
		return rc;
	}
	wb_put(&rs->body, buf, len);
	free(buf);
	rs->ctype = "application/pdf";
	snprintf(rs->disposition, sizeof rs->disposition,
	         "attachment; filename=\"devis-%s.pdf\"", q.number);
	return BORNE_OK;
}
