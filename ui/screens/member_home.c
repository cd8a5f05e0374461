/* screens/member_home.c -- a badged-in member's own corner.
** Their missions (taken or posted) on the left, each opening its detail;
** on the right what they can do next: the board, posting a mission
** (coworkers and staff), facilitator mode (staff), and "Terminé", the
** one primary action, which closes the session and clears the name from
** the screen. The missions show from view.home.my_offset, as many as
** fit; when they do not all fit, a pager under them ("Précédentes",
** "4–6 sur 8", "Suivantes") moves a page (ACT_SCROLL_TO), a drag a row. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

#define HOME_PAGER_H 52      /* a finger's size, like the board's */

static void home_draw(Ui *ui, const AppView *v);
static void home_missions(Ui *ui, const AppView *v, UiRect r);
static void home_pager(Ui *ui, const AppView *v, UiRect r, int first,
                       int shown, int per_page);
static int  home_actions(Ui *ui, const AppView *v, UiRect r, int tile_h);
static void home_streams(Ui *ui, const AppView *v, UiRect *col, int chip_h);

const ScreenOps member_home_screen = { "member-home", home_draw };

/* "Mes missions" and one row per mission, as many as fit. */
static void
home_missions(Ui *ui, const AppView *v, UiRect r)
{
	int hs = 22, th = ui_text_height(ui, FONT_BOLD, hs);
	int y = r.y, row_h = 76, gap = 10;
	int fits, first;
	char n[16];

	ui_icon(ui, r.x + 13, y + th / 2, 26, COL_ENCRE, ICON_ASSIGNMENT);
	int tw = ui_text(ui, r.x + 34, y, FONT_BOLD, hs, COL_ENCRE,
	                 tr(v->lang, "ui.home.my_missions"));
	if (v->home.n_my > 0) {
		snprintf(n, sizeof n, "%d", v->home.n_my);
		int nw = ui_text_width(ui, FONT_SEMIBOLD, 18, n) + 20;
		UiRect p = { r.x + 34 + tw + 10, y + (th - 30) / 2, nw < 30 ? 30 : nw, 30 };
		ui_rrect(ui, p, 15, COL_SABLE);
		ui_text_fit(ui, p.x, p.y + (30 - ui_text_height(ui, FONT_SEMIBOLD, 18)) / 2,
		            p.w, FONT_SEMIBOLD, 18, COL_ENCRE_DOUCE, ALIGN_CENTER, n);
	}
	y += th + 14;
	if (v->home.n_my == 0) {
		UiRect e = { r.x, y, r.w, 96 };
		ui_rrect(ui, e, 16, COL_SABLE);
		ui_icon(ui, e.x + 24 + 14, e.y + 48, 30, COL_OCRE, ICON_LIGHTBULB);
		ui_text_box(ui, (UiRect){ e.x + 24 + 40, e.y + 20, e.w - 24 - 40 - 20, 56 },
		            FONT_REGULAR, 20, COL_ENCRE, ALIGN_LEFT, 2,
		            tr(v->lang, "ui.home.none"));
		return;
	}
	fits = (r.y + r.h - y + gap) / (row_h + gap);
	if (fits < 1)
		fits = 1;
	if (fits < v->home.n_my) {
		/* Not all fit: the pager takes the bottom of the column, and
		** the rows close up (66: a title and a meta line, padded). */
		row_h = 66;
		gap = 8;
		fits = (r.y + r.h - HOME_PAGER_H - gap - y + gap) / (row_h + gap);
		if (fits < 1)
			fits = 1;
	}
	first = v->home.my_offset;
	if (first > v->home.n_my - fits)
		first = v->home.n_my - fits;        /* the last page is full */
	if (first < 0)
		first = 0;
	for (int i = first; i < v->home.n_my && i < first + fits; i++) {
		const MissionCard *c = &v->home.my[i];
		const AppCardText *t = &v->home.my_text[i];
		UiRect row = { r.x, y, r.w, row_h };
		char meta[200];
		int mx = row.x + 16 + 48 + 14;
		ui_rrect_lip(ui, row, 16, COL_BLANC, COL_LINE, 2);
		int ty = row.y + (row_h - ui_text_height(ui, FONT_SEMIBOLD, 20)
		         - ui_text_height(ui, FONT_REGULAR, 18)) / 2;
		ui_rrect(ui, (UiRect){ row.x + 14, row.y + (row_h - 48) / 2, 48, 48 },
		         12, ui_category_tint(c->category));
		ui_icon(ui, row.x + 14 + 24, row.y + row_h / 2, 28,
		        ui_category_ink(c->category), ui_category_icon(c->category));
		ui_text_fit(ui, mx, ty, row.w - (mx - row.x) - 14, FONT_SEMIBOLD,
		            20, COL_ENCRE, ALIGN_LEFT, c->title);
		if (t->when[0] && t->status[0])
			snprintf(meta, sizeof meta, "%s · %s", t->when, t->status);
		else
			snprintf(meta, sizeof meta, "%s%s", t->when, t->status);
		ui_text_fit(ui, mx, ty + ui_text_height(ui, FONT_SEMIBOLD, 20),
		            row.w - (mx - row.x) - 14, FONT_REGULAR, 18,
		            COL_ENCRE_DOUCE, ALIGN_LEFT, meta);
		ui_hit(ui, (UiRect){ row.x, row.y, row.w, row.h + 2 }, ACT_OPEN_MISSION,
		       c->id, c->title);
		y += row_h + gap;
	}
	if (fits < v->home.n_my)
		home_pager(ui, v, (UiRect){ r.x, r.y + r.h - HOME_PAGER_H, r.w,
		           HOME_PAGER_H }, first, v->home.n_my - first < fits ?
		           v->home.n_my - first : fits, fits);
}

/* "↑ Précédentes"  4–6 sur 8  "Suivantes ↓": a page at a time. Where the
** words do not fit between the buttons, the buttons say them alone. */
static void
home_pager(Ui *ui, const AppView *v, UiRect r, int first, int shown,
           int per_page)
{
	const char *prev = tr(v->lang, "board.prev");
	const char *next = tr(v->lang, "board.next");
	int mh = ui_text_height(ui, FONT_MEDIUM, TYPE_META);
	int bw = ui_button_width(ui, BTN_SECONDARY, r.h, ICON_ARROW_DOWNWARD, next);
	int pw = ui_button_width(ui, BTN_SECONDARY, r.h, ICON_ARROW_UPWARD, prev);
	char range[64];
	UiRect mid = r;

	if (bw < pw)
		bw = pw;
	if (bw > (r.w - GAP_S) / 2)
		bw = (r.w - GAP_S) / 2;
	if (first > 0) {
		int to = first - per_page;

		ui_button(ui, layout_cut_left(&mid, bw), BTN_SECONDARY,
		          ICON_ARROW_UPWARD, prev, ACT_SCROLL_TO, to < 0 ? 0 : to);
		layout_cut_left(&mid, GAP_S);
	}
	if (first + shown < v->home.n_my) {
		ui_button(ui, layout_cut_right(&mid, bw), BTN_SECONDARY,
		          ICON_ARROW_DOWNWARD, next, ACT_SCROLL_TO, first + per_page);
		layout_cut_right(&mid, GAP_S);
	}
	ui_fmt(range, sizeof range, tr(v->lang, "board.range"), first + 1,
	       first + shown, v->home.n_my);
	if (ui_text_width(ui, FONT_MEDIUM, TYPE_META, range) <= mid.w)
		ui_text(ui, mid.x + (mid.w - ui_text_width(ui, FONT_MEDIUM, TYPE_META,
		        range)) / 2, layout_middle_y(r, mh), FONT_MEDIUM, TYPE_META,
		        COL_ENCRE_DOUCE, range);
}

/* In on a day with streams: "Aujourd’hui, je participe à :" and the
** day's streams at the bottom of the missions' column, the one they are
** in filled; a tap changes it (from now on). Two rows of chips at most. */
static void
home_streams(Ui *ui, const AppView *v, UiRect *col, int chip_h)
{
	int qh = ui_text_height(ui, FONT_SEMIBOLD, TYPE_BODY) + GAP_S;
	int rows = col->h >= 2 * (chip_h + GAP_S) + qh + 120 ? 2 : 1;
	UiRect r;

	if (v->home.streams.n == 0)
		return;
	r = layout_cut_bottom(col, qh + rows * (chip_h + GAP_S));
	layout_cut_bottom(col, GAP_M);
	ui_hline(ui, r.x, r.y - GAP_S, r.w, COL_LINE);
	ui_stream_choice(ui, r, &v->home.streams, chip_h, COL_ENCRE);
}

/* The tiles; returns the height used. */
static int
home_actions(Ui *ui, const AppView *v, UiRect r, int tile_h)
{
	int y = r.y, gap = 14;

	ui_tile(ui, (UiRect){ r.x, y, r.w, tile_h }, 0, ICON_GRID_VIEW, COL_SABLE,
	        COL_ENCRE, tr(v->lang, "ui.see_missions"),
	        tr(v->lang, "ui.home.board_sub"), 0, ACT_BOARD, 0);
	y += tile_h + gap;
	if (v->can_post) {
		ui_tile(ui, (UiRect){ r.x, y, r.w, tile_h }, 0, ICON_ADD,
		        COL_TERRA_PALE, COL_TERRA, tr(v->lang, "ui.home.post"),
		        tr(v->lang, v->post_needs_approval ? "ui.home.post_sub_check"
		                                           : "ui.home.post_sub"),
		        0, ACT_POST, 0);
		y += tile_h + gap;
	}
	if (v->is_staff) {
		ui_tile(ui, (UiRect){ r.x, y, r.w, tile_h }, 0, ICON_ADMIN,
		        0xDDE8F5u, COL_BLEU, tr(v->lang, "ui.home.fac"),
		        tr(v->lang, "ui.home.fac_sub"), 0, ACT_FACILITATOR, 0);
		y += tile_h + gap;
	}
	return y - r.y;
}

static void
home_draw(Ui *ui, const AppView *v)
{
	UiRect screen = layout_rect(0, 0, ui_width(ui), ui_height(ui));
	int w = screen.w, h = screen.h;
	int big = !ui_portrait(ui) && h >= 640;
	int m = big ? 32 : MARGIN;
	UiRect col, right, foot;
	char hello[200];

	ui_fill(ui, screen, COL_CREME);
	app_trf(v->lang, hello, sizeof hello, "ui.home.hello", v->first_name);
	ui_top_bar(ui, v, tr(v->lang, "ui.back"), ACT_HOME, hello);
	if (ui_portrait(ui)) {
		/* One column, from the bottom up: the idle line, Terminé, the
		** tiles; the missions take what is left on top. */
		int bh = 64, tile_h = 76;
		int n_tiles = 1 + (v->can_post != 0) + (v->is_staff != 0);

		col = layout_inset4(screen, TOP_BAR_H + 20, m, 0, m);
		layout_cut_bottom(&col, MARGIN + LIP + 36);
		foot = layout_cut_bottom(&col, bh);
		layout_cut_bottom(&col, GAP_L);
		right = layout_cut_bottom(&col, n_tiles * (tile_h + 14));
		layout_cut_bottom(&col, GAP_L);
		home_streams(ui, v, &col, 52);
		home_missions(ui, v, col);
		home_actions(ui, v, right, tile_h);
		ui_button(ui, foot, BTN_PRIMARY, ICON_CHECK, tr(v->lang, "ui.done"),
		          ACT_HOME, 0);
		ui_idle_line(ui, v, w / 2, h - 34);
		return;
	}
	{
		/* The missions on the left; on the right the tiles, and
		** Terminé at the bottom above the idle line. */
		int rw = big ? 460 : 320;
		int bh = big ? 84 : 64;
		int tile_h = big ? 96 : 68;

		col = layout_inset4(screen, TOP_BAR_H + (big ? 32 : 20), m, 0, m);
		right = layout_cut_right(&col, rw);
		layout_cut_right(&col, m);
		layout_cut_bottom(&col, 56);
		home_streams(ui, v, &col, big ? 60 : 52);
		home_missions(ui, v, col);
		home_actions(ui, v, right, tile_h);
		foot = layout_inset4(right, 0, 0, 20 + 36, 0);
		ui_button(ui, layout_cut_bottom(&foot, bh), BTN_PRIMARY, ICON_CHECK,
		          tr(v->lang, "ui.done"), ACT_HOME, 0);
		ui_idle_line(ui, v, w / 2, h - 40);
	}
}
