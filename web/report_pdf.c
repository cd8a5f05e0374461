/* report_pdf.c -- a period's report as a PDF (see report_pdf.h).
** Drawn with cairo's own text (the kiosk's font, Inter, through
** fontconfig; any sans face when it is missing), on A4 in points. The
** figures come first, since a funder reads only those; then the hours of
** each contributive day as bars, then the days' table, a new page when
** the page is full. Nothing here reads the database: the figures are
** the ReportPeriod the page shows, so the PDF and the page agree. */
#include "report_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "pdf_text.h"
#include "text.h"
#include "timeutil.h"

#define PDF_W      595.0         /* A4, points */
#define PDF_H      842.0
#define PDF_MARGIN  48.0
#define PDF_LINE    16.0
#define PDF_CHART_H 150.0
#define PDF_BARS_MAX 60          /* more days than this: the table only */

typedef struct Pdf {
	cairo_t *cr;
	double   y;
	int      en;
} Pdf;

static void pdf_font(Pdf *p, double size, int bold);
static void pdf_text(Pdf *p, double x, const char *s);
static void pdf_right(Pdf *p, double x_right, const char *s);
static void pdf_newline(Pdf *p, double n);
static void pdf_need(Pdf *p, double height);
static void pdf_hours(int64_t seconds, char *out, size_t outlen);
static void pdf_figures(Pdf *p, const ReportPeriod *r);
static void pdf_chart(Pdf *p, const ReportPeriod *r);
static void pdf_days(Pdf *p, const ReportPeriod *r);
static void pdf_streams(Pdf *p, const ReportPeriod *r);
static void pdf_sites(Pdf *p, const ReportPeriod *r);
static void pdf_groups(Pdf *p, const char *title, const char *column,
                       const char *none, const ReportGroupFigures *g, int n);

#define T(p, s_fr, s_en) ((p)->en ? (s_en) : (s_fr))

static void
pdf_font(Pdf *p, double size, int bold)
{
	pdf_text_font(p->cr, size, bold);
}

static void
pdf_text(Pdf *p, double x, const char *s)
{
	pdf_text_show(p->cr, x, p->y, s);
}

static void
pdf_right(Pdf *p, double x_right, const char *s)
{
	pdf_text_right(p->cr, x_right, p->y, s);
}

static void
pdf_newline(Pdf *p, double n)
{
	p->y += PDF_LINE * n;
}

/* A new page when height points no longer fit. */
static void
pdf_need(Pdf *p, double height)
{
	if (p->y + height <= PDF_H - PDF_MARGIN)
		return;
	cairo_show_page(p->cr);
	p->y = PDF_MARGIN + PDF_LINE;
}

/* "12 h 30" */
static void
pdf_hours(int64_t seconds, char *out, size_t outlen)
{
	int64_t min = (seconds + 30) / 60;

	snprintf(out, outlen, "%lld h %02lld", (long long)(min / 60),
	         (long long)(min % 60));
}

static void
pdf_figures(Pdf *p, const ReportPeriod *r)
{
	char v[10][48];
	const char *label[10];
	int n = 0;

	label[n] = T(p, "Heures de présence, en tout", "Hours present, in total");
	pdf_hours(r->seconds_total, v[n++], sizeof v[0]);
	label[n] = T(p, "Heures pendant les journées contributives",
	             "Hours during the contributive days");
	pdf_hours(r->seconds_days, v[n++], sizeof v[0]);
	label[n] = T(p, "Journées contributives", "Contributive days");
	snprintf(v[n++], sizeof v[0], "%d", r->n_days);
	label[n] = T(p, "Personnes venues", "People who came");
	snprintf(v[n++], sizeof v[0], "%d", r->members);
	label[n] = T(p, "Dont moins de 18 ans", "Of whom under 18");
	snprintf(v[n++], sizeof v[0], "%d", r->members_minor);
	label[n] = T(p, "Venues pour la première fois", "Came for the first time");
	snprintf(v[n++], sizeof v[0], "%d", r->first_time);
	label[n] = T(p, "Passages", "Visits");
	snprintf(v[n++], sizeof v[0], "%d", r->visits);
	label[n] = T(p, "Missions proposées", "Missions posted");
	snprintf(v[n++], sizeof v[0], "%d", r->missions_posted);
	label[n] = T(p, "Missions faites", "Missions done");
	snprintf(v[n++], sizeof v[0], "%d", r->missions_done);
	label[n] = T(p, "Gagné par les moins de 18 ans",
	             "Earned by the under-18s");
	snprintf(v[n++], sizeof v[0], "%lld,%02lld € (%d)",
	         (long long)(r->earned_minor_cents / 100),
	         (long long)(r->earned_minor_cents % 100), r->minors_earning);
	pdf_font(p, 11, 0);
	for (int i = 0; i < n; i++) {
		pdf_need(p, PDF_LINE);
		cairo_set_source_rgb(p->cr, 0.2, 0.2, 0.2);
		pdf_text(p, PDF_MARGIN, label[i]);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		pdf_font(p, 11, 1);
		pdf_right(p, PDF_W - PDF_MARGIN, v[i]);
		pdf_font(p, 11, 0);
		pdf_newline(p, 1.3);
	}
}

/* The hours of each day as a bar; days beyond PDF_BARS_MAX are left to
** the table (bars a millimetre wide tell nothing). */
static void
pdf_chart(Pdf *p, const ReportPeriod *r)
{
	double w = PDF_W - 2 * PDF_MARGIN, bw, x, top;
	int64_t max_s = 0;
	char label[24];
	int n = r->n_days;

	if (n == 0 || n > PDF_BARS_MAX)
		return;
	for (int i = 0; i < n; i++)
		if (r->days[i].seconds > max_s)
			max_s = r->days[i].seconds;
	pdf_need(p, PDF_CHART_H + 3 * PDF_LINE);
	pdf_font(p, 13, 1);
	pdf_newline(p, 1);
	pdf_text(p, PDF_MARGIN, T(p, "Heures par journée", "Hours per day"));
	pdf_newline(p, 0.8);
	top = p->y;
	bw = w / n;
	pdf_font(p, 7, 0);
	for (int i = 0; i < n; i++) {
		double h = max_s > 0 ?
		           PDF_CHART_H * (double)r->days[i].seconds / (double)max_s : 0;

		x = PDF_MARGIN + bw * i;
		cairo_set_source_rgb(p->cr, 0.12, 0.45, 0.42);  /* the kiosk's teal */
		cairo_rectangle(p->cr, x + bw * 0.15, top + PDF_CHART_H - h,
		                bw * 0.7, h);
		cairo_fill(p->cr);
		if (n <= 16) {
			cairo_set_source_rgb(p->cr, 0, 0, 0);
			snprintf(label, sizeof label, "%.5s", r->days[i].date + 5);
			p->y = top + PDF_CHART_H + 10;
			pdf_text(p, x + bw * 0.15, label);
		}
	}
	cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, PDF_MARGIN, top + PDF_CHART_H);
	cairo_line_to(p->cr, PDF_W - PDF_MARGIN, top + PDF_CHART_H);
	cairo_stroke(p->cr);
	p->y = top + PDF_CHART_H + PDF_LINE * 1.5;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void
pdf_days(Pdf *p, const ReportPeriod *r)
{
	char h[32], n[16];

	if (r->n_days == 0)
		return;
	pdf_need(p, 4 * PDF_LINE);
	pdf_font(p, 13, 1);
	pdf_newline(p, 1);
	pdf_text(p, PDF_MARGIN, T(p, "Les journées contributives",
	                          "The contributive days"));
	pdf_newline(p, 1.4);
	pdf_font(p, 10, 1);
	pdf_text(p, PDF_MARGIN, "Date");
	pdf_text(p, PDF_MARGIN + 80, T(p, "Journée", "Day"));
	pdf_right(p, PDF_W - PDF_MARGIN - 80, T(p, "Personnes", "People"));
	pdf_right(p, PDF_W - PDF_MARGIN, T(p, "Heures", "Hours"));
	pdf_newline(p, 1.2);
	pdf_font(p, 10, 0);
	for (int i = 0; i < r->n_days; i++) {
		char title[64];

		pdf_need(p, PDF_LINE);
		/* A long title is cut on a character boundary, not mid-letter. */
		text_copy(title, sizeof title, r->days[i].title);
		pdf_hours(r->days[i].seconds, h, sizeof h);
		snprintf(n, sizeof n, "%d", r->days[i].members);
		pdf_text(p, PDF_MARGIN, r->days[i].date);
		pdf_text(p, PDF_MARGIN + 80, title);
		pdf_right(p, PDF_W - PDF_MARGIN - 80, n);
		pdf_right(p, PDF_W - PDF_MARGIN, h);
		pdf_newline(p, 1.1);
	}
}

/* Hours per group, as the page shows: a title, the group's column
** name, and a row per group (none for the visits in none). */
static void
pdf_groups(Pdf *p, const char *title, const char *column, const char *none,
           const ReportGroupFigures *g, int n)
{
	char h[32], m[16];

	pdf_need(p, 4 * PDF_LINE);
	pdf_font(p, 13, 1);
	pdf_newline(p, 1);
	pdf_text(p, PDF_MARGIN, title);
	pdf_newline(p, 1.4);
	pdf_font(p, 10, 1);
	pdf_text(p, PDF_MARGIN, column);
	pdf_right(p, PDF_W - PDF_MARGIN - 80, T(p, "Personnes", "People"));
	pdf_right(p, PDF_W - PDF_MARGIN, T(p, "Heures", "Hours"));
	pdf_newline(p, 1.2);
	pdf_font(p, 10, 0);
	for (int i = 0; i < n; i++) {
		pdf_need(p, PDF_LINE);
		pdf_hours(g[i].seconds, h, sizeof h);
		snprintf(m, sizeof m, "%d", g[i].members);
		pdf_text(p, PDF_MARGIN, g[i].name[0] != '\0' ? g[i].name : none);
		pdf_right(p, PDF_W - PDF_MARGIN - 80, m);
		pdf_right(p, PDF_W - PDF_MARGIN, h);
		pdf_newline(p, 1.1);
	}
}

/* Hours per work stream of the contributive days, as the page shows. */
static void
pdf_streams(Pdf *p, const ReportPeriod *r)
{
	if (r->n_streams > 0)
		pdf_groups(p, T(p, "Heures par chantier", "Hours per work stream"),
		           T(p, "Chantier", "Stream"),
		           T(p, "(aucun choisi)", "(none chosen)"), r->streams,
		           r->n_streams);
}

/* Hours per site, as the page shows (several sites only). */
static void
pdf_sites(Pdf *p, const ReportPeriod *r)
{
	if (r->n_sites > 1)
		pdf_groups(p, T(p, "Heures par site", "Hours per site"),
		           T(p, "Site", "Site"), T(p, "(sans nom)", "(no name)"),
		           r->sites, r->n_sites);
}

int
report_pdf_write(const ReportPeriod *r, int en, FILE *out)
{
	cairo_surface_t *s;
	char line[128];
	Pdf p;
	int rc = BORNE_OK;

	if (r == NULL || out == NULL)
		return BORNE_EINVAL;
	s = cairo_pdf_surface_create_for_stream(pdf_text_write, out, PDF_W, PDF_H);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return BORNE_ENOMEM;
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
	                               en ? "borne report" : "Rapport borne");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "borne-web");
	memset(&p, 0, sizeof p);
	p.cr = cairo_create(s);
	p.en = en;
	p.y = PDF_MARGIN + 10;
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	pdf_font(&p, 20, 1);
	pdf_text(&p, PDF_MARGIN, T(&p, "Rapport d'activité", "Activity report"));
	pdf_newline(&p, 1.6);
	pdf_font(&p, 12, 0);
	snprintf(line, sizeof line, en ? "From %s to %s" : "Du %s au %s",
	         r->from, r->to);
	pdf_text(&p, PDF_MARGIN, line);
	pdf_newline(&p, 2);
	pdf_figures(&p, r);
	pdf_chart(&p, r);
	pdf_days(&p, r);
	pdf_streams(&p, r);
	pdf_sites(&p, r);
	cairo_show_page(p.cr);
	if (cairo_status(p.cr) != CAIRO_STATUS_SUCCESS)
		rc = BORNE_EIO;
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	if (rc == BORNE_OK && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		rc = BORNE_EIO;
	cairo_surface_destroy(s);
	if (rc == BORNE_OK && fflush(out) != 0)
		rc = BORNE_EIO;
	return rc;
}

void
report_pdf_cleanup(void)
{
	cairo_debug_reset_static_data();
	FcFini();
}
