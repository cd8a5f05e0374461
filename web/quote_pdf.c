/* quote_pdf.c -- a quote as a PDF (see quote_pdf.h). One A4 page, in
** points: the cooperative's name on top, the quote's number and date,
** what it is for, then the lines as the kiosk showed them (quote_lines:
** the same words and sums as the page), the total to pay in bold, and
** the VAT rule. Text through pdf_text.c, as report_pdf.c: a character
** the font lacks (an emoji in a title) is left out. */
#include "quote_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <string.h>

#include "borne.h"
#include "pdf_text.h"
#include "timeutil.h"

#define QP_W      595.0          /* A4, points */
#define QP_H      842.0
#define QP_MARGIN  56.0
#define QP_ROW     26.0

#define T(en, s_fr, s_en) ((en) ? (s_en) : (s_fr))

static void qp_date(int64_t utc, int en, char *out, size_t outlen);

/* "30/11/2026" (fr), "2026-11-30" (en): the local date of utc. */
static void
qp_date(int64_t utc, int en, char *out, size_t outlen)
{
	char d[TIME_DATE_SIZE];

	time_local_date(utc, d);
	if (en || strlen(d) != 10)
		snprintf(out, outlen, "%s", d);
	else
		snprintf(out, outlen, "%.2s/%.2s/%.4s", d + 8, d + 5, d);
}

int
quote_pdf_write(const Quote *q, const Mission *m, const char *coop, int en,
                FILE *out)
{
	QuoteLine lines[QUOTE_LINES];
	cairo_surface_t *s;
	cairo_t *cr;
	char line[BORNE_CH_BYTES(BORNE_TITLE_MAX_CH) + 64], date[32];
	double y, right = QP_W - QP_MARGIN;
	int n, rc = BORNE_OK;

	if (q == NULL || m == NULL || coop == NULL || out == NULL)
		return BORNE_EINVAL;
	s = cairo_pdf_surface_create_for_stream(pdf_text_write, out, QP_W, QP_H);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return BORNE_ENOMEM;
	}
	snprintf(line, sizeof line, "%s %s", T(en, "Devis", "Quote"), q->number);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, line);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "borne-web");
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0, 0, 0);
	y = QP_MARGIN + 14;
	pdf_text_font(cr, 16, 1);
	pdf_text_show(cr, QP_MARGIN, y, coop);
	pdf_text_font(cr, 22, 1);
	y += 48;
	pdf_text_show(cr, QP_MARGIN, y, line);
	pdf_text_font(cr, 11, 0);
	qp_date(q->created_utc, en, date, sizeof date);
	snprintf(line, sizeof line, "%s %s", T(en, "Date :", "Date:"), date);
	pdf_text_right(cr, right, y, line);
	y += 32;
	snprintf(line, sizeof line, "%s %s", T(en, "Mission :", "Mission:"),
	         m->d.title);
	pdf_text_show(cr, QP_MARGIN, y, line);
	y += 18;
	snprintf(line, sizeof line, "%s %s", T(en, "Établi par :", "Made by:"),
	         q->member_name);
	pdf_text_show(cr, QP_MARGIN, y, line);
	if (m->poster_name[0] != '\0') {
		y += 18;
		snprintf(line, sizeof line, "%s %s", T(en, "Pour :", "For:"),
		         m->poster_name);
		pdf_text_show(cr, QP_MARGIN, y, line);
	}
	y += 36;
	n = quote_lines(&q->c, en ? LANG_EN : LANG_FR, lines);
	for (int i = 0; i < n; i++) {
		char calc[140];

		if (lines[i].total) {
			cairo_move_to(cr, QP_MARGIN, y - QP_ROW + 8);
			cairo_line_to(cr, right, y - QP_ROW + 8);
			cairo_set_line_width(cr, 0.8);
			cairo_stroke(cr);
		}
		pdf_text_font(cr, lines[i].total ? 13 : 12, lines[i].total);
		pdf_text_show(cr, QP_MARGIN, y, lines[i].label);
		pdf_text_right(cr, right, y, lines[i].amount);
		if (lines[i].calc[0] != '\0') {
			pdf_text_font(cr, 10, 0);
			snprintf(calc, sizeof calc, "%s =", lines[i].calc);
			pdf_text_right(cr, right - 110, y, calc);
		}
		y += QP_ROW;
	}
	y += 12;
	pdf_text_font(cr, 9, 0);
	pdf_text_show(cr, QP_MARGIN, y, T(en, "Montants en euros. TVA calculée une fois, sur "
	        "le total HT, arrondie au centime le plus proche.", "Amounts in "
	        "euros. VAT is worked out once, on the total before VAT, rounded "
	        "to the nearest cent."));
	if (q->status == QUOTE_ACCEPTED) {
		y += 28;
		pdf_text_font(cr, 11, 1);
		qp_date(q->decided_utc, en, date, sizeof date);
		snprintf(line, sizeof line, T(en, "Accepté le %s.",
		         "Accepted on %s."), date);
		pdf_text_show(cr, QP_MARGIN, y, line);
	}
	cairo_show_page(cr);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		rc = BORNE_EIO;
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (rc == BORNE_OK && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		rc = BORNE_EIO;
	cairo_surface_destroy(s);
	if (rc == BORNE_OK && fflush(out) != 0)
		rc = BORNE_EIO;
	return rc;
}
