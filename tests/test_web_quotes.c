/* test_web_quotes.c -- the back office's quotes (web/page_quotes.c,
** web/quote_pdf.c): a mission's quotes listed, one quote as a page to
** print with the cooperative's name, number, date, mission, every line
** and the VAT or its exemption's mention; the same in the PDF (read back
** with poppler's pdftotext when it is installed; BORNE_QUOTE_PDF=FILE
** keeps it); the cooperative's name set on the page, audited; people's
** text escaped. */
#include <stdlib.h>

#include "app.h"
#include "check.h"
#include "web_fixture.h"

#include "member.h"
#include "mission.h"
#include "quote.h"
#include "report_pdf.h"

static Web w;
static int64_t now, fac, zoe, mid, qid;
static char tok_fac[WEBAUTH_TOKEN_SIZE];

static long long count(const char *sql) { return fx_sql_int(w.st, sql); }

/* The text pdftotext reads from the PDF bytes (malloc'd); NULL without
** the tool. */
static char *
pdf_text(const char *data, size_t len)
{
	char path[600], cmd[800], chunk[4096], *buf = NULL;
	size_t blen = 0, n;
	FILE *f, *p, *m;

	if (system("command -v pdftotext >/dev/null 2>&1") != 0)
		return NULL;
	snprintf(path, sizeof path, "%s", fx_path("quote.pdf"));
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f == NULL)
		return NULL;
	fwrite(data, 1, len, f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' -", path);
	if ((p = popen(cmd, "r")) == NULL)
		return NULL;
	m = open_memstream(&buf, &blen);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		fwrite(chunk, 1, n, m);
	fclose(m);
	CHECK_INT(pclose(p), 0);
	return buf;
}

static void
test_list_and_page(void)
{
	WebX x;
	char path[64];

	/* The menu has the page; the mission's list names the quote. */
	snprintf(path, sizeof path, "/quotes?mission=%lld", (long long)mid);
	wx_send(&w, &x, now, "GET", path, tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_CONTAINS(wx_body(&x), "href=\"/quotes\"");
	CHECK_CONTAINS(wx_body(&x), "Devis pour Réparer un vélo &lt;b&gt;");
	CHECK_CONTAINS(wx_body(&x), "D2026-0001");
	CHECK_CONTAINS(wx_body(&x), "Zoé &lt;script&gt;");
	CHECK_CONTAINS(wx_body(&x), "43,50 €");     /* TTC */
	CHECK_CONTAINS(wx_body(&x), "En attente");
	CHECK(strstr(wx_body(&x), "<script>") == NULL);
	wx_free(&x);
	/* The missions page links to them. */
	wx_send(&w, &x, now, "GET", "/missions", tok_fac, NULL);
	CHECK_CONTAINS(wx_body(&x), path);
	wx_free(&x);
	/* One quote, to print. */
	snprintf(path, sizeof path, "/quote?id=%lld", (long long)qid);
	wx_send(&w, &x, now, "GET", path, tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_CONTAINS(wx_body(&x), "<title>Devis D2026-0001");
	CHECK_CONTAINS(wx_body(&x), "Le Patio");    /* no name set yet */
	CHECK_CONTAINS(wx_body(&x), "Date : 2026-03-02");
	CHECK_CONTAINS(wx_body(&x), "Mission : Réparer un vélo &lt;b&gt;");
	CHECK_CONTAINS(wx_body(&x), "2,5 h × 14,00 € =");
	CHECK_CONTAINS(wx_body(&x), "35,00 € + 1,25 € =");
	CHECK_CONTAINS(wx_body(&x), "36,25 €");
	CHECK_CONTAINS(wx_body(&x), "TVA à 20 %");
	CHECK_CONTAINS(wx_body(&x), "7,25 €");
	CHECK_CONTAINS(wx_body(&x), "43,50 €");
	CHECK_CONTAINS(wx_body(&x), "href=\"/quote.pdf?id=");
	wx_free(&x);
	/* Printed, the page is the quote: no menu, no buttons, no forms. */
	wx_send(&w, &x, now, "GET", "/style.css", tok_fac, NULL);
	CHECK_CONTAINS(wx_body(&x), "@media print{header.top,footer,form,"
	               "button,a.button{display:none}");
	wx_free(&x);
	wx_send(&w, &x, now, "GET", "/quote?id=999", tok_fac, NULL);
	CHECK_INT(x.rs.status, 404);
	wx_free(&x);
	wx_send(&w, &x, now, "GET", path, NULL, NULL);   /* signed in only */
	CHECK_INT(x.rs.status, 303);
	wx_free(&x);
}

static void
test_coop_name(void)
{
	WebX x;
	char sql[200];

	wx_send(&w, &x, now, "POST", "/quotes", tok_fac, "csrf", WX_CSRF,
	        "action", "coop", "coop", "   ", NULL);
	CHECK_INT(x.rs.status, 400);
	CHECK_CONTAINS(wx_body(&x), "de 1 à 120 caractères");
	wx_free(&x);
	wx_send(&w, &x, now, "POST", "/quotes", tok_fac, "csrf", WX_CSRF,
	        "action", "coop", "coop", "SCIC Le Patio & Co \xF0\x9F\x9B\xA0", NULL);
	CHECK_INT(x.rs.status, 303);
	wx_free(&x);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE action = "
	         "'setting.set' AND actor_id = %lld", (long long)fac);
	CHECK(count(sql) >= 1);
	wx_send(&w, &x, now, "GET", "/quotes", tok_fac, NULL);
	CHECK_CONTAINS(wx_body(&x), "value=\"SCIC Le Patio &amp; Co \xF0\x9F\x9B\xA0\"");
	wx_free(&x);
}

static void
test_pdf(void)
{
	WebX x;
	char path[64], *txt;

	snprintf(path, sizeof path, "/quote.pdf?id=%lld", (long long)qid);
	wx_send(&w, &x, now, "GET", path, tok_fac, NULL);
	CHECK_INT(x.rs.status, 200);
	CHECK_STR(x.rs.ctype, "application/pdf");
	CHECK_CONTAINS(x.rs.disposition, "devis-D2026-0001.pdf");
	CHECK(x.rs.body.len > 1000 && memcmp(x.rs.body.data, "%PDF", 4) == 0);
	/* BORNE_QUOTE_PDF=FILE keeps it, to look at. */
	if (getenv("BORNE_QUOTE_PDF") != NULL) {
		FILE *keep = fopen(getenv("BORNE_QUOTE_PDF"), "wb");

		if (keep != NULL) {
			fwrite(x.rs.body.data, 1, x.rs.body.len, keep);
			fclose(keep);
		}
	}
	txt = pdf_text(x.rs.body.data, x.rs.body.len);
	if (txt == NULL) {
		printf("pdftotext not installed: the PDF's text is not read\n");
	} else {
		printf("--- the quote as printed (pdftotext) ---\n%s---\n", txt);
		CHECK_CONTAINS(txt, "SCIC Le Patio & Co");
		/* The emoji the font cannot draw is left out, not a box. */
		CHECK(strstr(txt, "\xF0\x9F\x9B\xA0") == NULL);
		CHECK_CONTAINS(txt, "Devis D2026-0001");
		CHECK_CONTAINS(txt, "02/03/2026");
		CHECK_CONTAINS(txt, "Réparer un vélo <b>");
		CHECK_CONTAINS(txt, "Zoé <script>");
		CHECK_CONTAINS(txt, "2,5 h × 14,00 € =");
		CHECK_CONTAINS(txt, "Total HT");
		CHECK_CONTAINS(txt, "36,25 €");
		CHECK_CONTAINS(txt, "TVA à 20 %");
		CHECK_CONTAINS(txt, "Total TTC");
		CHECK_CONTAINS(txt, "43,50 €");
		free(txt);
	}
	wx_free(&x);
	/* Exempt: the mention, no VAT. */
	CHECK_INT(quote_vat_set(w.st, QUOTE_VAT_EXEMPT, 0, now), BORNE_OK);
	{
		int64_t m2, q2;
		MissionDraft d;

		mission_draft_init(&d);
		strcpy(d.title, "Ourlets");
		d.category = CAT_COUTURE;
		d.reward_kind = REWARD_QUOTE;
		d.minors_ok = 1;
		CHECK_INT(mission_add(w.st, &d, fac, now, &m2), BORNE_OK);
		CHECK_INT(quote_add(w.st, m2, zoe, 100, 1500, 0, now, &q2, NULL),
		          BORNE_OK);
		snprintf(path, sizeof path, "/quote?id=%lld", (long long)q2);
		wx_send(&w, &x, now, "GET", path, tok_fac, NULL);
		CHECK_CONTAINS(wx_body(&x), "D2026-0002");
		CHECK_CONTAINS(wx_body(&x), "TVA non applicable, art. 293 B du CGI");
		wx_free(&x);
		snprintf(path, sizeof path, "/quote.pdf?id=%lld", (long long)q2);
		wx_send(&w, &x, now, "GET", path, tok_fac, NULL);
		txt = pdf_text(x.rs.body.data, x.rs.body.len);
		if (txt != NULL) {
			CHECK_CONTAINS(txt, "TVA non applicable, art. 293 B du CGI");
			CHECK_CONTAINS(txt, "15,00 €");
			free(txt);
		}
		wx_free(&x);
	}
}

int
main(void)
{
	MissionDraft d;

	fx_setup();
	now = fx_t("2026-03-02T10:00");
	wx_open(&w);
	CHECK_INT(member_add(w.st, "Awa", ROLE_FACILITATOR, 0, NULL, NULL, 0, now,
	                     &fac), BORNE_OK);
	CHECK_INT(member_add(w.st, "Zoé <script>", ROLE_COOPERATOR, 1, NULL, NULL,
	                     0, now, &zoe), BORNE_OK);
	mission_draft_init(&d);
	strcpy(d.title, "Réparer un vélo <b>");
	d.category = CAT_BRICOLAGE;
	d.reward_kind = REWARD_QUOTE;
	d.minors_ok = 1;
	CHECK_INT(mission_add(w.st, &d, fac, now, &mid), BORNE_OK);
	/* 2 h 30 at 14 euros, 1,25 euros of supplies: 36,25 HT, 7,25 VAT. */
	CHECK_INT(quote_add(w.st, mid, zoe, 250, 1400, 125, now, &qid, NULL),
	          BORNE_OK);
	wx_login(&w, fac, now, tok_fac);
	test_list_and_page();
	test_coop_name();
	test_pdf();
	store_close(w.st);
	report_pdf_cleanup();           /* fontconfig's cache, for ASan */
	return check_done();
}
