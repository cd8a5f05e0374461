/* screens/facilitator.c -- facilitator mode, after badge and PIN.
** The dashboard: who is here today on the left; on the right the
** missions waiting for approval (the primary tile, with their count),
** enrolling a new badge, exporting today's attendance to a USB stick,
** and the reader's state. Admins also get "Codes" in the header: the
** facilitators and admins, whether each has a PIN, and a button to give
** or change it (then the PIN pad). The approval list takes the whole width:
** each pending mission with "Publier" and "Refuser" (then a reason).
** The reader card opens the kiosk panel: reader, today's contributive
** day, and closing the kiosk program. "Quitter" leaves facilitator mode. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"
#include "fac_web.h"

#define TILE_GAP 14      /* between the tiles on the right */
#define READER_H 72      /* the reader card under them */

static void fac_draw(Ui *ui, const AppView *v);
static void fac_header(Ui *ui, const AppView *v, int big);
static void fac_present(Ui *ui, const AppView *v, UiRect r);
static void fac_tiles(Ui *ui, const AppView *v, UiRect r, int tile_h);
static void fac_reader_card(Ui *ui, const AppView *v, UiRect r);
static void fac_pending(Ui *ui, const AppView *v, UiRect r);
static void fac_pins(Ui *ui, const AppView *v, UiRect r);
static void fac_reasons(Ui *ui, const AppView *v, UiRect r);
static int  fac_clock(Ui *ui, const AppView *v, UiRect r);
static void fac_kiosk(Ui *ui, const AppView *v, UiRect r);
static void fac_panel_title(Ui *ui, UiRect r, uint32_t icon, UiColor ink,
                            const char *title, int count, UiColor pill);

const ScreenOps facilitator_screen = { "facilitator", fac_draw };

static void
fac_header(Ui *ui, const AppView *v, int big)
{
	int w = ui_width(ui), bh = TOP_BAR_H;
	int qw = big ? 160 : 124;
	int cw = v->fac.fac_is_admin ? (big ? 150 : 120) : 0;   /* "Codes" */
	int right = w - MARGIN - qw - (ui_portrait(ui) ? GAP_M : 132);
	const char *title = tr(v->lang, "ui.pin.title");
	UiRect bar = layout_rect(0, 0, w, bh);
	/* Buttons 46 high: 8 px above, 10 below. */
	UiRect row = layout_inset4(bar, GAP_S, MARGIN, 10, MARGIN);
	UiRect quit = layout_cut_right(&row, qw);

	ui_fill(ui, bar, COL_BLANC);
	ui_hline(ui, 0, bh, w, COL_LINE);
	ui_rrect(ui, layout_rect(MARGIN, 10, 44, 44), 10, COL_TERRA_PALE);
	ui_icon(ui, MARGIN + 22, bh / 2, 28, COL_TERRA, ICON_ADMIN);
	ui_text_fit(ui, MARGIN + 44 + 14, (bh - ui_text_height(ui, FONT_BOLD, 26)) / 2,
	            w - 74 - qw - (ui_portrait(ui) ? 24 : 140) - (cw ? cw + 12 : 0),
	            FONT_BOLD, 26, COL_ENCRE, ALIGN_LEFT, title);
	if (cw)
		ui_button(ui, layout_rect(right - cw, row.y, cw, row.h), BTN_QUIET,
		          ICON_LOCK, tr(v->lang, "ui.fac.pins"), ACT_FAC_TAB,
		          FAC_PINS);
	if (v->reader_ok && !ui_portrait(ui))
		ui_text_fit(ui, quit.x - 20 - 100,
		            (bh - ui_text_height(ui, FONT_SEMIBOLD, TYPE_BODY)) / 2, 100,
		            FONT_SEMIBOLD, TYPE_BODY, COL_ENCRE_DOUCE, ALIGN_RIGHT, v->clock);
	ui_reader_banner_at(ui, layout_rect(quit.x - GAP_L, 12, 0, 40));
	ui_button(ui, quit, BTN_SECONDARY,
	          ICON_LOGOUT, tr(v->lang, "ui.fac.quit"), ACT_HOME, 0);
}

static void
fac_panel_title(Ui *ui, UiRect r, uint32_t icon, UiColor ink,
                const char *title, int count, UiColor pill)
{
	int th = ui_text_height(ui, FONT_BOLD, TYPE_SECTION);
	int tw;

	ui_icon(ui, r.x + 14, r.y + th / 2, 28, ink, icon);
	tw = ui_text_fit(ui, r.x + 38, r.y, r.w - 38 - 60, FONT_BOLD, TYPE_SECTION,
	                 COL_ENCRE, ALIGN_LEFT, title);
	if (count >= 0) {
		char n[16];
		snprintf(n, sizeof n, "%d", count);
		int nw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, n) + 20;
		UiRect p = { r.x + 38 + tw + 10, r.y + (th - 30) / 2, nw < 32 ? 32 : nw, 30 };
		ui_rrect(ui, p, 15, pill);
		ui_text_fit(ui, p.x, p.y + (30 - ui_text_height(ui, FONT_SEMIBOLD, TYPE_META)) / 2,
		            p.w, FONT_SEMIBOLD, TYPE_META, ink, ALIGN_CENTER, n);
	}
}

/* Who is here: avatar, name, role, since when. When they do not all
** fit, the last row pages through them (ACT_SCROLL). */
static void
fac_present(Ui *ui, const AppView *v, UiRect r)
{
	int row_h = 52, pad = 16;
	int y = r.y + pad + 40;
	int fits = (r.y + r.h - y - 4) / row_h;
	int shown = v->fac.n_present;

	ui_rrect_lip(ui, r, RADIUS_CARD, COL_BLANC, COL_LINE, LIP_CARD);
	fac_panel_title(ui, (UiRect){ r.x + pad, r.y + pad, r.w - 2 * pad, 32 },
	                ICON_GROUPS, COL_VERT, tr(v->lang, "ui.fac.present"),
	                v->fac.n_present, COL_VERT_PALE);
	if (v->fac.n_present == 0) {
		ui_text_box(ui, (UiRect){ r.x + pad, y + 8, r.w - 2 * pad, 60 },
		            FONT_REGULAR, TYPE_BODY, COL_ENCRE_DOUCE, ALIGN_LEFT, 2,
		            tr(v->lang, "ui.fac.nobody"));
		return;
	}
	int first = v->fac.present_offset;
	int paged = v->fac.n_present > fits;
	if (first < 0 || first >= v->fac.n_present)
		first = 0;
	if (paged) {
		shown = fits - 1;               /* the last row pages */
		if (shown > v->fac.n_present - first)
			shown = v->fac.n_present - first;
	}
	/* Nothing cut (issue 11 item 9): the columns are as wide as their
	** widest name, role and time; when names and roles do not both fit,
	** names keep their width (the role at least two fifths of the
	** room), and each shrinks, then wraps on two lines of its row. */
	int name_need = 0, role_need = 0, since_w = 0;
	for (int i = first; i < first + shown; i++) {
		const AppPerson *q = &v->fac.present[i];
		int nw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_BODY, q->name);
		int rw = ui_text_width(ui, q->safety[0] != '\0' ? FONT_SEMIBOLD :
		                       FONT_REGULAR, TYPE_META,
		                       q->safety[0] != '\0' ? q->safety : q->role);
		int sw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, q->since);
		name_need = nw > name_need ? nw : name_need;
		role_need = rw > role_need ? rw : role_need;
		since_w = sw > since_w ? sw : since_w;
	}
	if (since_w < 66)
		since_w = 66;
	int avail = r.w - 2 * pad - 44 - since_w - 24;   /* 8 px, then 16 */
	int role_w = role_need;
	if (role_w > avail - name_need)
		role_w = avail - name_need;
	if (role_w < avail * 2 / 5)
		role_w = avail * 2 / 5;
	if (role_w > role_need)
		role_w = role_need;
	int name_w = avail - role_w;
	for (int i = first; i < first + shown; i++) {
		const AppPerson *p = &v->fac.present[i];
		int cy = y + row_h / 2;
		int rx = r.x + pad + 44 + name_w + 8;
		UiRect row = { 0, y + 1, 0, row_h - 2 };
		if (i > first)
			ui_hline(ui, r.x + pad, y, r.w - 2 * pad, COL_LINE);
		ui_avatar(ui, r.x + pad + 16, cy, 16, p->name, (int)p->member_id);
		row.x = r.x + pad + 44;
		row.w = name_w;
		ui_text_fit_wrap(ui, row, FONT_SEMIBOLD, TYPE_BODY, TYPE_META,
		                 COL_ENCRE, ALIGN_LEFT, 2, p->name);
		/* A minor due a break or past their hours: said in the role's
		** place, in the warning colour. */
		row.x = rx;
		row.w = role_w;
		if (p->safety[0] != '\0')
			ui_text_fit_wrap(ui, row, FONT_SEMIBOLD, TYPE_META, TYPE_META,
			                 COL_TERRA, ALIGN_LEFT, 2, p->safety);
		else
			ui_text_fit_wrap(ui, row, FONT_REGULAR, TYPE_META, TYPE_META,
			                 COL_ENCRE_DOUCE, ALIGN_LEFT, 2, p->role);
		ui_text_fit(ui, r.x + r.w - pad - since_w,
		            cy - ui_text_height(ui, FONT_SEMIBOLD, TYPE_META) / 2, since_w,
		            FONT_SEMIBOLD, TYPE_META, COL_ENCRE, ALIGN_RIGHT, p->since);
		y += row_h;
	}
	if (paged) {
		/* "1–4 sur 9" between the page buttons, on the last row. */
		char range[64];
		int bw = 120, by = r.y + pad + 40 + (fits - 1) * row_h + 2;
		int page = fits - 1;
		ui_hline(ui, r.x + pad, by - 2, r.w - 2 * pad, COL_LINE);
		if (first > 0)
			ui_button(ui, (UiRect){ r.x + pad, by, bw, 48 }, BTN_QUIET,
			          ICON_ARROW_UPWARD, tr(v->lang, "ui.fac.prev"),
			          ACT_SCROLL, -page);
		if (first + shown < v->fac.n_present)
			ui_button(ui, (UiRect){ r.x + r.w - pad - bw, by, bw, 48 },
			          BTN_QUIET, ICON_ARROW_DOWNWARD,
			          tr(v->lang, "ui.fac.next"), ACT_SCROLL, page);
		ui_fmt(range, sizeof range, tr(v->lang, "ui.fac.range"), first + 1,
		       first + shown, v->fac.n_present);
		ui_text_fit(ui, r.x + pad + bw, by + (48 - ui_text_height(ui,
		            FONT_MEDIUM, TYPE_META)) / 2, r.w - 2 * pad - 2 * bw, FONT_MEDIUM,
		            TYPE_META, COL_ENCRE_DOUCE, ALIGN_CENTER, range);
	}
}

/* The kiosk's state at a glance: the reader, or the clock when it is
** not trusted (taps wait for it: a facilitator must see that first). */
static void
fac_reader_card(Ui *ui, const AppView *v, UiRect r)
{
	int ok = v->reader_ok && v->clock_trusted;
	UiColor bg = ok ? COL_VERT_PALE : COL_SOLEIL_PALE;
	UiColor ink = ok ? COL_VERT : COL_OCRE;
	const char *line = v->reader_status[0] ? v->reader_status
	                                       : tr(v->lang, "ui.fac.reader");
	const char *sub = v->reader_last;
	int th = ui_text_height(ui, FONT_SEMIBOLD, TYPE_BODY), sh;
	int y;

	if (!v->clock_trusted) {
		line = tr(v->lang, "ui.fac.clock_doubt");
		sub = v->clock_detail[0] ? v->clock_detail : tr(v->lang, "ui.fac.clock_see");
	}
	sh = sub[0] ? ui_text_height(ui, FONT_REGULAR, TYPE_META) : 0;
	y = r.y + (r.h - th - sh) / 2;
	ui_rrect(ui, r, 16, bg);
	ui_icon(ui, r.x + 16 + 16, r.y + r.h / 2, 30, ink,
	        v->clock_trusted ? ICON_SENSORS : ICON_SCHEDULE);
	ui_text_fit(ui, r.x + 60, y, r.w - 76, FONT_SEMIBOLD, TYPE_BODY, ink, ALIGN_LEFT,
	            line);
	if (sh)
		ui_text_fit(ui, r.x + 60, y + th, r.w - 76, FONT_REGULAR, TYPE_META, COL_ENCRE,
		            ALIGN_LEFT, sub);
	ui_hit(ui, r, ACT_FAC_TAB, FAC_READER, tr(v->lang, "ui.fac.reader"));
}

static void
fac_tiles(Ui *ui, const AppView *v, UiRect r, int tile_h)
{
	UiRect rest = r;

	/* Four tiles and the reader card: on a short screen the tiles
	** share what is left above the card. */
	if (4 * tile_h + 4 * TILE_GAP + READER_H > r.h)
		tile_h = (r.h - READER_H - 4 * TILE_GAP) / 4;

	ui_tile(ui, layout_cut_top(&rest, tile_h), 1, ICON_FACT_CHECK, 0, 0,
	        tr(v->lang, "ui.fac.pending"), tr(v->lang, "ui.fac.pending_sub"),
	        v->fac.n_pending, ACT_FAC_TAB, FAC_PENDING);
	layout_cut_top(&rest, TILE_GAP);
	ui_tile(ui, layout_cut_top(&rest, tile_h), 0, ICON_BADGE, 0xDDE8F5u,
	        COL_BLEU, tr(v->lang, "ui.fac.enrol"), tr(v->lang, "ui.fac.enrol_sub"),
	        0, ACT_ENROL, 0);
	layout_cut_top(&rest, TILE_GAP);
	ui_tile(ui, layout_cut_top(&rest, tile_h), 0, ICON_USB, COL_VERT_PALE,
	        COL_VERT, tr(v->lang, "ui.fac.export"),
	        v->fac.export_msg[0] ? v->fac.export_msg : tr(v->lang, "ui.fac.export_sub"),
	        0, ACT_EXPORT, 0);
	layout_cut_top(&rest, TILE_GAP);
	/* The heat alert, on or off for today: one tap turns it. */
	ui_tile(ui, layout_cut_top(&rest, tile_h), 0, ICON_SUNNY,
	        v->fac.heat_on ? COL_SOLEIL : COL_SOLEIL_PALE, COL_OCRE,
	        tr(v->lang, "ui.fac.heat"), v->fac.heat_sub, 0, ACT_HEAT,
	        !v->fac.heat_on);
	layout_cut_top(&rest, TILE_GAP);
	/* The reader card at the bottom, when there is room for it. */
	if (rest.h >= 64)
		fac_reader_card(ui, v, layout_cut_bottom(&r, READER_H));
}

/* Pending missions over the whole width, with Publier / Refuser (under
** the title on a narrow screen). */
static void
fac_pending(Ui *ui, const AppView *v, UiRect r)
{
	int pad = 16, narrow = r.w < 600;
	int row_h = narrow ? 136 : 80;
	int y = r.y + pad + 44;
	int fits = (r.y + r.h - y) / row_h;
	int bw = r.w >= 900 ? 170 : narrow ? (r.w - 2 * pad - 12) / 2 : 146;

	ui_rrect_lip(ui, r, RADIUS_CARD, COL_BLANC, COL_LINE, LIP_CARD);
	fac_panel_title(ui, (UiRect){ r.x + pad, r.y + pad, r.w - 2 * pad - 140, 32 },
	                ICON_FACT_CHECK, COL_TERRA, tr(v->lang, "ui.fac.pending"),
	                v->fac.n_pending, COL_TERRA_PALE);
	ui_button(ui, (UiRect){ r.x + r.w - pad - 120, r.y + 10, 120, 48 },
	          BTN_QUIET, ICON_ARROW_BACK, tr(v->lang, "ui.back"), ACT_FAC_TAB,
	          FAC_PRESENT);
	if (v->fac.n_pending == 0) {
		ui_text_box(ui, (UiRect){ r.x + pad, y + 8, r.w - 2 * pad, 60 },
		            FONT_REGULAR, TYPE_BODY, COL_ENCRE_DOUCE, ALIGN_LEFT, 2,
		            tr(v->lang, "ui.fac.no_pending"));
		return;
	}
	for (int i = 0; i < v->fac.n_pending && i < fits; i++) {
		const MissionCard *c = &v->fac.pending[i];
		const AppCardText *t = &v->fac.pending_text[i];
		int cy = y + (narrow ? 40 : row_h / 2), tx = r.x + pad + 48 + 14;
		int tw = narrow ? r.w - (tx - r.x) - pad
		                : r.w - (tx - r.x) - pad - 2 * bw - 2 * 10 - 8;
		int by = narrow ? y + 76 : cy - 26;
		int ty = cy - 26, my = cy + 1, mlines = 1;
		char meta[200];
		if (i > 0)
			ui_hline(ui, r.x + pad, y, r.w - 2 * pad, COL_LINE);
		ui_rrect(ui, (UiRect){ r.x + pad, cy - 24, 48, 48 }, 12,
		         ui_category_tint(c->category));
		ui_icon(ui, r.x + pad + 24, cy, 28, ui_category_ink(c->category),
		        ui_category_icon(c->category));
		snprintf(meta, sizeof meta, "%s · %s%s%s", t->when, t->reward,
		         c->minors_ok ? " · " : "",
		         c->minors_ok ? tr(v->lang, "ui.fac.minors_ok") : "");
		/* When, reward and "Moins de 18 ans" whole: on two lines when
		** one is too short, title and lines moved up to make room (the
		** buttons too, under them on a narrow screen). */
		if (ui_text_width(ui, FONT_REGULAR, TYPE_META, meta) > tw) {
			mlines = 2;
			ty = narrow ? y + 4 : cy - 37;
			my = ty + 26;
			if (narrow)
				by = y + 82;
		}
		ui_text_fit(ui, tx, ty, tw, FONT_SEMIBOLD, TYPE_BODY, COL_ENCRE,
		            ALIGN_LEFT, c->title);
		if (mlines == 1) {
			ui_text_fit(ui, tx, my, tw, FONT_REGULAR, TYPE_META,
			            COL_ENCRE_DOUCE, ALIGN_LEFT, meta);
		} else if (c->minors_ok) {
			/* "Moins de 18 ans" on a line of its own, never split. */
			ui_fmt(meta, sizeof meta, "%s · %s", t->when, t->reward);
			ui_text_fit(ui, tx, my, tw, FONT_REGULAR, TYPE_META,
			            COL_ENCRE_DOUCE, ALIGN_LEFT, meta);
			ui_text_fit(ui, tx, my + 25, tw, FONT_REGULAR, TYPE_META,
			            COL_ENCRE_DOUCE, ALIGN_LEFT,
			            tr(v->lang, "ui.fac.minors_ok"));
		} else {
			ui_text_box(ui, (UiRect){ tx, my, tw, 50 }, FONT_REGULAR, TYPE_META,
			            COL_ENCRE_DOUCE, ALIGN_LEFT, 2, meta);
		}
		ui_hit(ui, (UiRect){ r.x + pad, cy - 32, tw + (tx - r.x - pad), 64 },
		       ACT_OPEN_MISSION, c->id, c->title);
		ui_button(ui, (UiRect){ r.x + r.w - pad - 2 * bw - (narrow ? 12 : 10),
		          by, bw, 50 }, BTN_SECONDARY, ICON_CLOSE,
		          tr(v->lang, "ui.fac.reject"), ACT_REJECT, c->id);
		ui_button(ui, (UiRect){ r.x + r.w - pad - bw, by, bw, 50 },
		          BTN_GREEN, ICON_CHECK, tr(v->lang, "ui.fac.approve"),
		          ACT_APPROVE, c->id);
		y += row_h;
	}
}

/* Admins: each facilitator and admin, whether they have a PIN, and the
** button that gives or changes it (the button under the name when the
** screen is narrow). */
static void
fac_pins(Ui *ui, const AppView *v, UiRect r)
{
	int pad = 16, narrow = r.w < 600;
	int row_h = narrow ? 124 : 80;
	int y = r.y + pad + 44;
	int fits = (r.y + r.h - y) / row_h;
	int bw = r.w >= 900 ? 240 : narrow ? r.w - 2 * pad : 220;

	ui_rrect_lip(ui, r, RADIUS_CARD, COL_BLANC, COL_LINE, LIP_CARD);
	fac_panel_title(ui, (UiRect){ r.x + pad, r.y + pad, r.w - 2 * pad - 140, 32 },
	                ICON_LOCK, COL_TERRA, tr(v->lang, "ui.fac.pins_title"),
	                -1, 0);
	ui_button(ui, (UiRect){ r.x + r.w - pad - 120, r.y + 10, 120, 48 },
	          BTN_QUIET, ICON_ARROW_BACK, tr(v->lang, "ui.back"), ACT_FAC_TAB,
	          FAC_PRESENT);
	for (int i = 0; i < v->fac.n_staff && i < fits; i++) {
		const AppPerson *p = &v->fac.staff[i];
		int has = v->fac.staff_has_pin[i];
		int cy = y + (narrow ? 34 : row_h / 2), tx = r.x + pad + 48 + 14;
		int tw = narrow ? r.w - (tx - r.x) - pad
		                : r.w - (tx - r.x) - pad - bw - 16;
		int by = narrow ? y + 64 : cy - 25;
		char meta[160];

		if (i > 0)
			ui_hline(ui, r.x + pad, y, r.w - 2 * pad, COL_LINE);
		ui_circle(ui, r.x + pad + 24, cy, 24, has ? COL_VERT_PALE : COL_SOLEIL_PALE);
		ui_icon(ui, r.x + pad + 24, cy, 28, has ? COL_VERT : COL_OCRE,
		        has ? ICON_LOCK : ICON_PERSON);
		ui_text_fit(ui, tx, cy - 26, tw, FONT_SEMIBOLD, TYPE_BODY, COL_ENCRE,
		            ALIGN_LEFT, p->name);
		snprintf(meta, sizeof meta, "%s · %s", p->role,
		         tr(v->lang, has ? "ui.fac.pin_yes" : "ui.fac.pin_no"));
		ui_text_fit(ui, tx, cy + 1, tw, FONT_REGULAR, TYPE_META,
		            has ? COL_ENCRE_DOUCE : COL_OCRE, ALIGN_LEFT, meta);
		ui_hit(ui, (UiRect){ r.x + pad, cy - 32, tw + (tx - r.x - pad), 64 },
		       ACT_PIN_SET, p->member_id, p->name);
		ui_button(ui, (UiRect){ r.x + r.w - pad - bw, by, bw, 50 },
		          has ? BTN_SECONDARY : BTN_GREEN, ICON_LOCK,
		          tr(v->lang, has ? "ui.fac.pin_change" : "ui.fac.pin_set"),
		          ACT_PIN_SET, p->member_id);
		y += row_h;
	}
}

/* The reasons to reject, over the list. */
static void
fac_reasons(Ui *ui, const AppView *v, UiRect r)
{
	int pad = MARGIN_WIDE, bh = 52, gap = 10;
	int n = APP_N_REJECT_REASONS;
	int ph = pad + 36 + 36 + n * (bh + gap) + bh + pad;
	int pw = r.w - 2 * pad < 620 ? r.w - 2 * pad : 620;
	UiRect p = layout_centre(r, pw, ph);
	const char *title = NULL;
	int y;

	for (int i = 0; i < v->fac.n_pending; i++)
		if (v->fac.pending[i].id == v->fac.rejecting)
			title = v->fac.pending[i].title;
	ui_dim(ui, layout_rect(0, 0, ui_width(ui), ui_height(ui)));
	ui_hit(ui, layout_rect(0, 0, ui_width(ui), ui_height(ui)), ACT_NONE, 0,
	       NULL);
	ui_rrect(ui, layout_move(p, 0, LIP), RADIUS_PANEL, COL_LINE);
	ui_rrect(ui, p, RADIUS_PANEL, COL_BLANC);
	y = p.y + pad;
	ui_text_fit(ui, p.x + pad, y, p.w - 2 * pad, FONT_BOLD, 24, COL_ENCRE,
	            ALIGN_LEFT, tr(v->lang, "ui.fac.reject_why"));
	y += 36;
	if (title != NULL)
		ui_text_fit(ui, p.x + pad, y, p.w - 2 * pad, FONT_REGULAR, TYPE_META,
		            COL_ENCRE_DOUCE, ALIGN_LEFT, title);
	y += 36;
	for (int i = 0; i < n; i++) {
		ui_button(ui, (UiRect){ p.x + pad, y, p.w - 2 * pad, bh }, BTN_SECONDARY,
		          0, v->fac.reject_reasons[i], ACT_REJECT_REASON, i);
		y += bh + gap;
	}
	ui_button(ui, (UiRect){ p.x + pad, y, p.w - 2 * pad, bh }, BTN_QUIET,
	          ICON_ARROW_BACK, tr(v->lang, "ui.cancel"), ACT_REJECT_CANCEL, 0);
}

/* The kiosk panel: reader, day, and closing the program. */
/* The clock: trusted or not, what waits for it, and the facilitator's
** "the time shown is right" when the doubt is one a person can lift.
** Returns the y under it. */
static int
fac_clock(Ui *ui, const AppView *v, UiRect r)
{
	int y = r.y, lh = ui_text_height(ui, FONT_REGULAR, TYPE_META), used;
	UiColor ink = v->clock_trusted ? COL_VERT : COL_OCRE;

	ui_icon(ui, r.x + 13, y + 13, 26, ink, ICON_SCHEDULE);
	used = ui_text_box(ui, (UiRect){ r.x + 36, y, r.w - 36, 3 * lh },
	                   FONT_SEMIBOLD, TYPE_META, ink, ALIGN_LEFT, 3, v->clock_status);
	y += (used > lh ? used : lh) + 4;
	if (v->clock_detail[0]) {
		ui_text_fit(ui, r.x + 36, y, r.w - 36, FONT_REGULAR, TYPE_META, COL_ENCRE,
		            ALIGN_LEFT, v->clock_detail);
		y += lh + 4;
	}
	if (v->sync_status[0]) {         /* the hub, docs/sync.md */
		ui_text_fit(ui, r.x + 36, y, r.w - 36, FONT_SEMIBOLD, TYPE_META, COL_OCRE,
		            ALIGN_LEFT, v->sync_status);
		y += lh + 4;
	}
	if (v->sync_detail[0]) {         /* update required, badges taken */
		ui_text_fit(ui, r.x + 36, y, r.w - 36, FONT_SEMIBOLD, TYPE_META, COL_OCRE,
		            ALIGN_LEFT, v->sync_detail);
		y += lh + 4;
	}
	if (v->clock_confirmable) {
		ui_button(ui, (UiRect){ r.x, y + 4, r.w, 52 }, BTN_GREEN, ICON_CHECK,
		          tr(v->lang, "ui.fac.clock_confirm"), ACT_CLOCK_CONFIRM, 0);
		y += 64;
	}
	return y + 10;
}

static void
fac_kiosk(Ui *ui, const AppView *v, UiRect r)
{
	int pad = 16, y = r.y + pad + 44;
	char day[1024];

	ui_rrect_lip(ui, r, RADIUS_CARD, COL_BLANC, COL_LINE, LIP_CARD);
	fac_panel_title(ui, (UiRect){ r.x + pad, r.y + pad, r.w - 2 * pad - 60, 32 },
	                ICON_SENSORS, COL_VERT, tr(v->lang, "ui.fac.reader"), -1, 0);
	ui_button(ui, (UiRect){ r.x + r.w - pad - 120, r.y + 10, 120, 48 },
	          BTN_QUIET, ICON_ARROW_BACK, tr(v->lang, "ui.back"), ACT_FAC_TAB,
	          FAC_PRESENT);
	ui_text_fit(ui, r.x + pad, y, r.w - 2 * pad, FONT_SEMIBOLD, TYPE_BODY,
	            v->reader_ok ? COL_VERT : COL_OCRE, ALIGN_LEFT, v->reader_status);
	y += 30;
	/* A doubtful clock matters more than the last badge's hour. */
	if (v->clock_trusted) {
		ui_text_fit(ui, r.x + pad, y, r.w - 2 * pad, FONT_REGULAR, TYPE_META,
		            COL_ENCRE, ALIGN_LEFT, v->reader_last);
		y += 38;
	} else {
		y += 8;
	}
	y = fac_clock(ui, v, (UiRect){ r.x + pad, y, r.w - 2 * pad, 0 });
	if (v->config_note[0]) {
		/* A bad line in borne.conf: its default is in use, say which. */
		int lh = ui_text_height(ui, FONT_REGULAR, TYPE_META), w = r.w - 2 * pad - 36;

		ui_icon(ui, r.x + pad + 13, y + 13, 26, COL_OCRE, ICON_INFO);
		ui_text_fit(ui, r.x + pad + 36, y, w, FONT_SEMIBOLD, TYPE_META, COL_OCRE,
		            ALIGN_LEFT, v->config_note);
		y += lh + 4;
		y += ui_text_box(ui, (UiRect){ r.x + pad + 36, y, w, 2 * lh },
		                 FONT_REGULAR, TYPE_META, COL_ENCRE, ALIGN_LEFT, 2,
		                 v->config_detail) + 14;
	}
	ui_icon(ui, r.x + pad + 13, y + 13, 26, COL_OCRE, ICON_ROLLER);
	ui_text(ui, r.x + pad + 36, y, FONT_BOLD, TYPE_BODY, COL_ENCRE,
	        tr(v->lang, "ui.fac.day"));
	y += 30;
	if (v->has_day)
		snprintf(day, sizeof day, "%s · %s", v->day_title, v->day_hours);
	else
		snprintf(day, sizeof day, "%s", tr(v->lang, "ui.fac.no_day"));
	ui_text_fit(ui, r.x + pad, y, r.w - 2 * pad, FONT_REGULAR, TYPE_BODY, COL_ENCRE,
	            ALIGN_LEFT, day);
	y += 36;
	if (!v->has_day) {
		ui_button2(ui, (UiRect){ r.x + pad, y, r.w - 2 * pad, 64 },
		           BTN_GREEN, ICON_EVENT, tr(v->lang, "ui.fac.open_day"),
		           tr(v->lang, "ui.fac.open_day_sub"), ACT_DAY_OPEN, 0);
		y += 64 + 12;
	}
	/* The back office above closing the kiosk: both tall when there is
	** room, else both on one line each. */
	if (r.y + r.h - pad - 72 - 12 - 56 >= y) {
		fac_web_button(ui, v, (UiRect){ r.x + pad, y, r.w - 2 * pad, 56 });
		ui_button2(ui, (UiRect){ r.x + pad, r.y + r.h - pad - 72, r.w - 2 * pad, 72 },
		           BTN_SECONDARY, ICON_CLOSE, tr(v->lang, "ui.fac.close"),
		           tr(v->lang, "ui.fac.close_sub"), ACT_QUIT, 0);
	} else {
		if (r.y + r.h - pad - 52 - 8 - 52 >= y - 12)
			fac_web_button(ui, v, (UiRect){ r.x + pad, r.y + r.h - pad - 52 - 8 - 52,
			               r.w - 2 * pad, 52 });
		ui_button(ui, (UiRect){ r.x + pad, r.y + r.h - pad - 52, r.w - 2 * pad, 52 },
		          BTN_SECONDARY, ICON_CLOSE, tr(v->lang, "ui.fac.close"),
		          ACT_QUIT, 0);
	}
}

static void
fac_draw(Ui *ui, const AppView *v)
{
	int w = ui_width(ui), h = ui_height(ui);
	int big = !ui_portrait(ui) && h >= 640;
	int m = big ? 32 : MARGIN, top = TOP_BAR_H + (big ? GAP_XL : GAP_L);
	UiRect screen = layout_rect(0, 0, w, h);
	UiRect full = layout_inset4(screen, top, m, m, m);
	UiRect left = full, right;
	int tile_h = big ? 96 : 78;

	ui_fill(ui, screen, COL_CREME);
	fac_header(ui, v, big);
	if (ui_portrait(ui)) {
		/* The tiles under who is here. */
		right = layout_cut_bottom(&left, 3 * (tile_h + TILE_GAP) + READER_H);
		layout_cut_bottom(&left, TILE_GAP);
	} else {
		/* The tiles beside who is here, a margin apart. */
		right = layout_cut_right(&left, big ? 500 : 352);
		layout_cut_right(&left, m);
	}
	switch (v->fac.fac_tab) {
	case FAC_WEB:
		fac_web_panel(ui, v, full);
		return;
	case FAC_PINS:
		fac_pins(ui, v, full);
		return;
	case FAC_PENDING:
		fac_pending(ui, v, full);
		if (v->fac.rejecting != 0)
			fac_reasons(ui, v, screen);
		return;
	case FAC_READER:
	case FAC_DAY:
		if (ui_portrait(ui)) {
			/* One column has no room for the tiles too; "Retour"
			** brings them back. */
			fac_kiosk(ui, v, full);
			return;
		}
		fac_kiosk(ui, v, left);
		break;
	case FAC_ENROL:
		if (v->wait == WAIT_NEW_BADGE) {
			ui_wait_panel(ui, layout_rect(left.x, left.y, left.w,
			              left.h < 220 ? left.h : 220), v);
			break;
		}
		fac_present(ui, v, left);
		break;
	default:
		fac_present(ui, v, left);
		break;
	}
	fac_tiles(ui, v, right, tile_h);
}
