/* screens/quote.c -- "Faire un devis", in the post form's style: the
** step's line, one amount typed on the number pad (whose enter key says
** "Suivant"), its hint or why it is refused under it. Beside the hourly
** rate, the neighbourhood's fair range for the category and, when the
** rate is under or over it, a word in Terracotta or Ocre. The last step
** shows the quote's lines as on paper, each with its sum ("2,5 h ×
** 14,00 € = 35,00 €"), then "Envoyer le devis"; then the number and what
** happens next. On wide screens the lines are on the right from the
** start, growing as the amounts are typed. */
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

#define NAV_H   56
#define ROW_H   48      /* a line of the quote */

static void quote_draw(Ui *ui, const AppView *v);
static void quote_input(Ui *ui, const AppView *v, int w, int h);
static int  quote_fair(Ui *ui, const AppView *v, UiRect r);
static int  draw_lines(Ui *ui, const AppView *v, UiRect r, int row_h);
static int  lines_row_h(Ui *ui, int w, int row_h);
static void quote_review(Ui *ui, const AppView *v, int w, int h);
static void quote_sent(Ui *ui, const AppView *v, int w, int h);
static int  quote_head(Ui *ui, const AppView *v, int x, int y, int w);

const ScreenOps quote_screen = { "quote", quote_draw };

static void
quote_draw(Ui *ui, const AppView *v)
{
	int w = ui_width(ui), h = ui_height(ui);

	ui_fill(ui, layout_rect(0, 0, w, h), COL_CREME);
	ui_top_bar(ui, v, tr(v->lang, "mission.back"), ACT_BACK,
	           tr(v->lang, "quote.title"));
	if (v->quote.step == QSTEP_SENT)
		quote_sent(ui, v, w, h);
	else if (v->quote.step == QSTEP_REVIEW)
		quote_review(ui, v, w, h);
	else
		quote_input(ui, v, w, h);
	ui_wait_overlay(ui, v);
}

/* The step's line and, when there is room, the mission's title. Returns
** the height used. */
static int
quote_head(Ui *ui, const AppView *v, int x, int y, int w)
{
	int th = ui_text_height(ui, FONT_SEMIBOLD, TYPE_META);
	char line[sizeof v->quote.mission_title + 64];

	ui_text_fit(ui, x, y, w, FONT_SEMIBOLD, TYPE_META, COL_ENCRE, ALIGN_LEFT,
	            v->quote.step_label);
	if (ui_height(ui) < 600)
		return th + 4;
	ui_fmt(line, sizeof line, tr(v->lang, "quote.for"), v->quote.mission_title);
	ui_text_fit(ui, x, y + th + 6, w, FONT_REGULAR, TYPE_META,
	            COL_ENCRE_DOUCE, ALIGN_LEFT, line);
	return 2 * th + 10;
}

/* Hours, rate or supplies: the field over the number pad, its hint or
** why it is refused under it, its unit beside it. */
static void
quote_input(Ui *ui, const AppView *v, int w, int h)
{
	TextFieldView f = v->quote.field;
	int kh = ui_keyboard_height(ui);
	int wide = w >= 1100;
	int x = MARGIN, cw = wide ? w / 2 - MARGIN - GAP_XL : w - 2 * MARGIN;
	int y = TOP_BAR_H + GAP_S, top = y;
	int bw = 240, uw, lw = cw, beside, th = ui_text_height(ui, FONT_MEDIUM,
	    TYPE_META);
	const char *unit;
	UiRect box;

	y += quote_head(ui, v, x, y, cw);
	/* The step's line says what is typed: no label, no counter; the
	** hint and the refusal are drawn here, as wide as there is room. */
	f.label[0] = f.hint[0] = f.error[0] = '\0';
	f.max_chars = 0;
	box = (UiRect){ x, y + 4, bw, h - kh - y - 4 - th - 12 };
	if (box.h > 64)
		box.h = 64;
	if (box.h < 44)
		box.h = 44;
	ui_text_field(ui, box, &f);
	ui_hit(ui, box, ACT_FOCUS, 1, v->quote.field.label);
	unit = tr(v->lang, v->quote.step == QSTEP_HOURS ? "quote.unit.hours"
	          : v->quote.step == QSTEP_RATE ? "quote.unit.rate"
	          : "quote.unit.euros");
	uw = ui_text(ui, x + bw + GAP_M, box.y + (box.h - ui_text_height(ui,
	             FONT_SEMIBOLD, TYPE_BODY)) / 2, FONT_SEMIBOLD, TYPE_BODY,
	             COL_ENCRE, unit);
	/* Beside the rate: the fair range and a word on the rate typed. */
	/* Beside the rate where there is room across (800x480), else under
	** it (wide and portrait screens have room down). */
	beside = !wide && x + cw - (x + bw + GAP_M + uw + GAP_XL) >= 240;
	if (v->quote.step == QSTEP_RATE && beside) {
		int fx = x + bw + GAP_M + uw + GAP_XL;

		lw = fx - x - GAP_M;
		quote_fair(ui, v, (UiRect){ fx, top, x + cw - fx,
		           h - kh - top - 4 });
	}
	y = box.y + box.h + 6;
	if (v->quote.error[0] != '\0') {
		ui_icon(ui, x + 11, y + th / 2, 22, COL_TERRA, ICON_INFO);
		ui_text_box(ui, (UiRect){ x + 30, y, lw - 30, h - kh - y },
		            FONT_MEDIUM, TYPE_META, COL_TERRA, ALIGN_LEFT, 2,
		            v->quote.error);
	} else {
		/* As the post form's fields say it: a bulb, then the hint. */
		ui_icon(ui, x + 10, y + th / 2, 20, COL_OCRE, ICON_LIGHTBULB);
		ui_text_box(ui, (UiRect){ x + 28, y, lw - 28, h - kh - y },
		            FONT_REGULAR, TYPE_META, COL_ENCRE_DOUCE, ALIGN_LEFT, 2,
		            v->quote.field.hint);
	}
	if (v->quote.step == QSTEP_RATE && !beside)
		quote_fair(ui, v, (UiRect){ x, y + 2 * th + GAP_L, cw,
		           h - kh - (y + 2 * th + GAP_L) - 4 });
	/* Wide: the quote as it grows, on the right. */
	if (wide) {
		int px = w / 2 + GAP_XL, py = TOP_BAR_H + GAP_L;
		UiRect panel = { px, py, w - px - MARGIN, h - kh - GAP_L - py };

		ui_text(ui, px, py, FONT_SEMIBOLD, TYPE_META, COL_ENCRE_DOUCE,
		        tr(v->lang, "app.quote.step.review"));
		panel.y += 32;
		panel.h -= 32;
		ui_rrect_lip(ui, panel, 16, COL_BLANC, COL_LINE, 2);
		if (v->quote.n_lines > 0)
			draw_lines(ui, v, layout_inset(panel, GAP_L, GAP_S), ROW_H + 8);
		else
			ui_text_box(ui, layout_inset(panel, GAP_L, GAP_L), FONT_REGULAR,
			            TYPE_BODY, COL_ENCRE_DOUCE, ALIGN_LEFT, 3,
			            tr(v->lang, "quote.how"));
	}
	ui_keyboard_enter(ui, layout_rect(0, h - kh, w, kh), v,
	                  tr(v->lang, "post.next"), ACT_NEXT, 0);
}

/* The fair range (a note over it) and, under it, the word on the rate.
** Returns the height used. */
static int
quote_fair(Ui *ui, const AppView *v, UiRect r)
{
	int th = ui_text_height(ui, FONT_MEDIUM, TYPE_META), y = r.y, n;
	int lines = r.h >= 4 * (th + 2) ? 2 : 1;

	if (r.w < 160)
		return 0;
	n = ui_text_box(ui, (UiRect){ r.x, y, r.w, lines * (th + 2) },
	                FONT_MEDIUM, TYPE_META, COL_ENCRE_DOUCE, ALIGN_LEFT, lines,
	                v->quote.fair_range);
	y += n + 4;
	if (v->quote.fair_note[0] != '\0') {
		UiColor c = v->quote.fair_side < 0 ? COL_TERRA : COL_OCRE;
		int left = r.y + r.h - y;

		ui_icon(ui, r.x + 11, y + th / 2, 22, c, ICON_INFO);
		n = ui_text_box(ui, (UiRect){ r.x + 30, y, r.w - 30,
		                left >= 2 * (th + 2) ? 2 * (th + 2) : th + 2 },
		                FONT_SEMIBOLD, TYPE_META, c, ALIGN_LEFT,
		                left >= 2 * (th + 2) ? 2 : 1, v->quote.fair_note);
		y += n + 4;
	}
	return y - r.y;
}

/* A narrow sheet (portrait) puts each sum under its label: the row is
** a line higher. */
static int
lines_row_h(Ui *ui, int w, int row_h)
{
	return w < 560 ? row_h + ui_text_height(ui, FONT_REGULAR, TYPE_META) :
	       row_h;
}

/* The quote's lines: the label on the left, the sum and its result on
** the right ("2,5 h × 14,00 € = 35,00 €"), totals bold; on a narrow
** sheet the sum goes under the label. Returns the height used. */
static int
draw_lines(Ui *ui, const AppView *v, UiRect r, int row_h)
{
	int aw = 0, y = r.y, stacked = r.w < 560;
	int mh = ui_text_height(ui, FONT_REGULAR, TYPE_META);

	for (int i = 0; i < v->quote.n_lines; i++) {
		int tw = ui_text_width(ui, FONT_BOLD, TYPE_SECTION,
		                       v->quote.lines[i].amount);
		if (tw > aw)
			aw = tw;
	}
	for (int i = 0; i < v->quote.n_lines; i++) {
		const QuoteLine *l = &v->quote.lines[i];
		UiFont f = l->total ? FONT_BOLD : FONT_REGULAR;
		int size = l->total ? TYPE_SECTION : TYPE_BODY;
		int th = ui_text_height(ui, f, size);
		int cy = y + row_h / 2;
		int lw, cx;
		char calc[sizeof l->calc + 8];

		if (i > 0)
			ui_hline(ui, r.x, y, r.w, l->total ? COL_ENCRE : COL_LINE);
		ui_text_fit(ui, r.x + r.w - aw, cy - th / 2, aw, f, size,
		            l->total ? COL_ENCRE : COL_ENCRE, ALIGN_RIGHT, l->amount);
		lw = ui_text_fit(ui, r.x, cy - th / 2, r.w - aw - GAP_M, f, size,
		                 COL_ENCRE, ALIGN_LEFT, l->label);
		if (l->calc[0] != '\0' && stacked) {
			ui_fmt(calc, sizeof calc, "%s =", l->calc);
			ui_text_fit(ui, r.x, cy + th / 2, r.w - aw - GAP_M,
			            FONT_REGULAR, TYPE_META, COL_ENCRE_DOUCE, ALIGN_LEFT,
			            calc);
		} else if (l->calc[0] != '\0') {
			ui_fmt(calc, sizeof calc, "%s =", l->calc);
			cx = r.x + lw + GAP_L;
			ui_text_fit(ui, cx, cy - ui_text_height(ui, FONT_REGULAR,
			            TYPE_META) / 2, r.x + r.w - aw - GAP_M - cx,
			            FONT_REGULAR, TYPE_META, COL_ENCRE_DOUCE, ALIGN_RIGHT,
			            calc);
		}
		y += stacked ? row_h + mh : row_h;
	}
	return y - r.y;
}

/* The quote as it will be sent, then "Envoyer le devis". */
static void
quote_review(Ui *ui, const AppView *v, int w, int h)
{
	int x = MARGIN, y = TOP_BAR_H + GAP_S, cw = w - 2 * MARGIN;
	int row_h = h < 600 ? 40 : ROW_H + 8, th;
	UiRect bar = layout_rect(0, h - NAV_H - 2 * MARGIN, w, NAV_H + 2 * MARGIN);
	UiRect row = layout_inset(bar, MARGIN, MARGIN);
	int bw = w >= 700 ? 300 : (w - 2 * MARGIN - GAP_M) / 2;
	UiRect paper;

	if (w >= 1100) {                /* a sheet, not a banner */
		cw = 1000;
		x = (w - cw) / 2;
	}
	y += quote_head(ui, v, x, y, cw);
	th = ui_text_height(ui, FONT_MEDIUM, TYPE_META);
	if (v->quote.error[0] != '\0') {
		ui_icon(ui, x + 11, y + th / 2, 22, COL_TERRA, ICON_INFO);
		ui_text_fit(ui, x + 30, y, cw - 30, FONT_MEDIUM, TYPE_META,
		            COL_TERRA, ALIGN_LEFT, v->quote.error);
		y += th + 6;
	}
	paper = (UiRect){ x, y + 4, cw, v->quote.n_lines * lines_row_h(ui,
	                  cw - 2 * GAP_L, row_h) + 2 * GAP_S };
	ui_rrect_lip(ui, paper, 16, COL_BLANC, COL_LINE, 2);
	draw_lines(ui, v, layout_inset(paper, GAP_L, GAP_S), row_h);
	y = paper.y + paper.h + GAP_S;
	if (v->quote.fair_note[0] != '\0' && y + th <= bar.y) {
		UiColor c = v->quote.fair_side < 0 ? COL_TERRA : COL_OCRE;

		ui_icon(ui, x + 11, y + th / 2, 22, c, ICON_INFO);
		ui_text_fit(ui, x + 30, y, cw - 30, FONT_SEMIBOLD, TYPE_META, c,
		            ALIGN_LEFT, v->quote.fair_note);
		y += th + 4;
	}
	if (y + th <= bar.y)
		ui_text_fit(ui, x, y, cw, FONT_REGULAR, TYPE_META, COL_ENCRE_DOUCE,
		            ALIGN_LEFT, tr(v->lang, "quote.vat_rule"));
	ui_fill(ui, bar, COL_CREME);
	ui_hline(ui, 0, bar.y, w, COL_LINE);
	ui_button(ui, layout_cut_left(&row, w >= 700 ? 240 : bw), BTN_SECONDARY,
	          ICON_ARROW_BACK, tr(v->lang, "post.prev"), ACT_PREV, 0);
	ui_button(ui, layout_cut_right(&row, bw), BTN_PRIMARY, ICON_REQUEST_QUOTE,
	          tr(v->lang, "quote.send"), ACT_QUOTE_SEND, 0);
}

/* Sent: the number, what happens next, and the way on. */
static void
quote_sent(Ui *ui, const AppView *v, int w, int h)
{
	int cw = w >= 1100 ? 900 : w - 2 * MARGIN, x = (w - cw) / 2;
	int y = TOP_BAR_H + (h >= 600 ? 3 * GAP_XL : GAP_L);
	int bh = 56, bw = cw >= 600 ? 260 : (cw - GAP_M) / 2;
	int by;

	ui_icon(ui, w / 2, y + 32, 64, COL_VERT, ICON_CHECK_CIRCLE);
	y += 64 + GAP_M;
	y += ui_text_wrap(ui, (UiRect){ x, y, cw, 2 * ui_text_height(ui,
	                  FONT_BOLD, TYPE_TITLE) }, FONT_BOLD, TYPE_TITLE,
	                  TYPE_SECTION, COL_ENCRE, ALIGN_CENTER, 2,
	                  v->quote.sent_title) + GAP_M;
	by = h - bh - 2 * MARGIN;
	ui_text_box(ui, (UiRect){ x, y, cw, by - GAP_M - y }, FONT_REGULAR,
	            TYPE_BODY, COL_ENCRE, ALIGN_CENTER, 4, v->quote.sent_next);
	ui_button(ui, (UiRect){ w / 2 - bw - GAP_M / 2, by, bw, bh },
	          BTN_SECONDARY, 0, tr(v->lang, "quote.to_mission"),
	          ACT_OPEN_MISSION, 0);
	ui_button(ui, (UiRect){ w / 2 + GAP_M / 2, by, bw, bh }, BTN_PRIMARY,
	          ICON_CHECK_CIRCLE, tr(v->lang, "quote.done"), ACT_HOME, 0);
}
