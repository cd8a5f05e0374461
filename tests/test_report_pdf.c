/* test_report_pdf.c -- the report's PDF (web/report_pdf.c): a PDF file,
** and, when poppler's pdftotext is installed, the text a reader sees:
** the title, the period, every figure, the days' table over several
** pages for a long season, in French and in English. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core_fixture.h"
#include "report.h"
#include "report_pdf.h"

static char *pdf_text(const char *pdf, int *have_tool);
static int count_char(const char *s, char c);

/* The text pdftotext reads from pdf (malloc'd), NULL without the tool. */
static char *
pdf_text(const char *pdf, int *have_tool)
{
	char cmd[1200], *buf = NULL;
	size_t len = 0, n;
	char chunk[4096];
	FILE *p, *m;

	*have_tool = system("command -v pdftotext >/dev/null 2>&1") == 0;
	if (!*have_tool)
		return NULL;
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' -", pdf);
	if ((p = popen(cmd, "r")) == NULL)
		return NULL;
	m = open_memstream(&buf, &len);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		fwrite(chunk, 1, n, m);
	fclose(m);
	CHECK_INT(pclose(p), 0);
	return buf;
}

static int
count_char(const char *s, char c)
{
	int n = 0;

	for (; *s != '\0'; s++)
		n += *s == c;
	return n;
}

int
main(void)
{
	ReportDayFigures days[3] = {
		{ 1, "2025-10-01", "Chantier du jardin", 3, 2, 4 * 3600 + 30 * 60 },
		{ 2, "2025-10-08", "Communication & affiches", 2, 2, 2 * 3600 + 15 * 60 },
		{ 3, "2025-10-15", "Budget participatif", 0, 0, 0 },
	};
	ReportPeriod r;
	ReportDayFigures *many;
	char head[8] = "";
	char *txt;
	FILE *f;
	int have, rc;

	fx_setup();
	memset(&r, 0, sizeof r);
	snprintf(r.from, sizeof r.from, "2025-10-01");
	snprintf(r.to, sizeof r.to, "2025-10-31");
	r.days = days;
	r.n_days = 3;
	r.visits = 6;
	r.seconds_total = 8 * 3600 + 45 * 60;
	r.seconds_days = 6 * 3600 + 45 * 60;
	r.members = 4;
	r.members_minor = 2;
	r.first_time = 3;
	r.missions_posted = 2;
	r.missions_done = 2;
	r.earned_minor_cents = 3000;
	r.minors_earning = 2;

	f = fopen(fx_path("fr.pdf"), "wb");
	CHECK(f != NULL);
	CHECK_INT(report_pdf_write(&r, 0, f), BORNE_OK);
	fclose(f);
	f = fopen(fx_path("fr.pdf"), "rb");
	CHECK(f != NULL && fread(head, 1, 5, f) == 5);
	fclose(f);
	CHECK_STR(head, "%PDF-");
	CHECK_INT(report_pdf_write(NULL, 0, stdout), BORNE_EINVAL);
	CHECK_INT(report_pdf_write(&r, 0, NULL), BORNE_EINVAL);

	txt = pdf_text(fx_path("fr.pdf"), &have);
	if (!have) {
		printf("pdftotext missing (poppler-utils): the PDF's text is not "
		       "checked\n");
	} else {
		CHECK(txt != NULL);
		CHECK_CONTAINS(txt, "Rapport d'activité");
		CHECK_CONTAINS(txt, "Du 2025-10-01 au 2025-10-31");
		CHECK_CONTAINS(txt, "Heures de présence, en tout");
		CHECK_CONTAINS(txt, "8 h 45");
		CHECK_CONTAINS(txt, "6 h 45");
		CHECK_CONTAINS(txt, "Dont moins de 18 ans");
		CHECK_CONTAINS(txt, "Venues pour la première fois");
		CHECK_CONTAINS(txt, "30,00 € (2)");
		CHECK_CONTAINS(txt, "Chantier du jardin");
		CHECK_CONTAINS(txt, "Communication & affiches");
		CHECK_CONTAINS(txt, "4 h 30");
		CHECK_INT(count_char(txt, '\f'), 1);         /* one page */
	}
	free(txt);

	/* English, and a long season: the table goes on over pages. */
	many = calloc(80, sizeof *many);
	CHECK(many != NULL);
	for (int i = 0; i < 80; i++) {
		snprintf(many[i].date, sizeof many[i].date, "2025-%02d-%02d",
		         1 + i / 28, 1 + i % 28);
		snprintf(many[i].title, sizeof many[i].title, "Journée %d 🛠", i + 1);
		many[i].seconds = (int64_t)(i + 1) * 600;
		many[i].members = i % 7;
	}
	r.days = many;
	r.n_days = 80;
	f = fopen(fx_path("en.pdf"), "wb");
	CHECK(f != NULL);
	CHECK_INT(rc = report_pdf_write(&r, 1, f), BORNE_OK);
	fclose(f);
	txt = pdf_text(fx_path("en.pdf"), &have);
	if (have) {
		CHECK(txt != NULL);
		CHECK_CONTAINS(txt, "Activity report");
		CHECK_CONTAINS(txt, "From 2025-10-01 to 2025-10-31");
		CHECK_CONTAINS(txt, "Earned by the under-18s");
		CHECK_CONTAINS(txt, "Journée 1\n");
		CHECK_CONTAINS(txt, "Journée 80");
		/* The emoji the font cannot draw is left out, not a box. */
		CHECK(strstr(txt, "\xF0\x9F\x9B\xA0") == NULL);
		CHECK_CONTAINS(txt, "13 h 20");             /* 80 x 10 min */
		CHECK(count_char(txt, '\f') >= 2);
	}
	free(txt);
	free(many);
	report_pdf_cleanup();
	return check_done();
}
