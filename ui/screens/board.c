/* screens/board.c -- the mission board: filter, search, cards, paging.
** The view holds a window of the results (cards[0] is result number
** board_offset), so the board shows thousands of missions a page at a
** time: the pager's buttons jump by a page (ACT_SCROLL_TO), a drag or
** the mouse wheel scrolls by rows (input.c sends ACT_SCROLL).
** Searching opens the keyboard in the lower half; the results, as
** compact rows, stay visible above it and follow each key typed. */
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

#define CHIP_H       TOUCH_MIN   /* a chip is a touch target */
#define PAGER_H      48
#define ROW_GAP      10      /* between cards, and around the chips */
#define LIST_ROW     52      /* a compact result while typing */
#define TITLE_ROW    52      /* portrait: "Missions 8" under the bar */
#define PILL_H       36      /* the count beside the title */
#define SEARCH_MAX_W 520     /* wide screens: a field, not a banner */
#define PAGER_PAD    6       /* between the cards, the pager, the edge */
#define BANNER_H     40      /* the lost reader, in or over the pager */

typedef struct BoardLayout {
	int w, h, portrait, cols;
	int search_in_bar;       /* landscape: the field sits in the top bar */
	UiRect search;           /* the search field */
	int content_y;           /* below the bar (and portrait title/search) */
} BoardLayout;

static void board_draw(Ui *ui, const AppView *v);
static void board_layout(Ui *ui, const AppView *v, BoardLayout *L);
static void board_top(Ui *ui, const AppView *v, BoardLayout *L);
static void board_search_field(Ui *ui, const AppView *v, UiRect r);
static int  board_chips(Ui *ui, const AppView *v, int y, int w);
static void board_cards(Ui *ui, const AppView *v, const BoardLayout *L,
                        int y0, int y1);
static void board_pager(Ui *ui, const AppView *v, UiRect r, int per_page);
static void board_results(Ui *ui, const AppView *v, const BoardLayout *L,
                          int y0, int y1);
static void board_empty(Ui *ui, const AppView *v, UiRect r, int compact);
static int  board_count_pill(Ui *ui, int x, int cy, int n, int more);
static int  board_heat(Ui *ui, const AppView *v, int y, int w);

const ScreenOps board_screen = { "board", board_draw };

static void
board_draw(Ui *ui, const AppView *v)
{
	BoardLayout L;
	UiRect screen;

	board_layout(ui, v, &L);
	screen = layout_rect(0, 0, L.w, L.h);
	ui_fill(ui, screen, COL_CREME);
	if (v->kbd_visible) {
		UiRect above = screen;
		UiRect kbd = layout_cut_bottom(&above, ui_keyboard_height(ui));

		board_top(ui, v, &L);
		board_results(ui, v, &L, L.content_y, kbd.y);
		ui_keyboard(ui, kbd, v, tr(v->lang, "board.search_ok"));
	} else {
		int y;

		board_top(ui, v, &L);
		/* 48 px chips (touch) with 8 px around: the cards keep their rows. */
		y = board_chips(ui, v, L.content_y + GAP_S, L.w);
		y = board_heat(ui, v, y, L.w);
		board_cards(ui, v, &L, y + GAP_S, L.h);
	}
	if (v->wait != WAIT_NONE) {
		int pw = L.w - 2 * MARGIN > 640 ? 640 : L.w - 2 * MARGIN;
		int ph = pw >= 560 ? 112 : 196;

		ui_dim(ui, screen);
		ui_wait_panel(ui, layout_centre(screen, pw, ph), v);
	}
}

static void
board_layout(Ui *ui, const AppView *v, BoardLayout *L)
{
	(void)v;
	memset(L, 0, sizeof *L);
	L->w = ui_width(ui);
	L->h = ui_height(ui);
	L->portrait = ui_portrait(ui) || L->w < 640;
	L->cols = ui_board_columns(ui);
	L->search_in_bar = !L->portrait;
	if (L->portrait) {
		/* Bar, then "Missions 8", then the search field. */
		UiRect body = layout_inset4(layout_rect(0, 0, L->w, L->h),
		                            TOP_BAR_H + GAP_S, MARGIN, 0, MARGIN);

		/* Typing: the title row gives its room to the results. */
		if (!v->kbd_visible)
			layout_cut_top(&body, TITLE_ROW);
		L->search = layout_cut_top(&body, TOUCH_MIN);
		L->content_y = body.y;
	} else {
		L->content_y = TOP_BAR_H;
	}
}

/* The top bar: back, title and count, search, "+ Proposer". */
static void
board_top(Ui *ui, const AppView *v, BoardLayout *L)
{
	const char *back = tr(v->lang, v->has_member ? "board.back"
	                                             : "board.home");
	const char *post = tr(v->lang, "board.post");
	const char *title = tr(v->lang, "board.title");
	int bw = ui_button_width(ui, BTN_QUIET, TOUCH_MIN, ICON_ARROW_BACK,
	                         back) + GAP_S;
	int pw = ui_button_width(ui, BTN_PRIMARY, TOUCH_MIN, ICON_ADD, post);
	int th = ui_text_height(ui, FONT_BOLD, TYPE_TITLE);
	UiRect bar = layout_rect(0, 0, L->w, TOP_BAR_H);
	/* The back button sits 4 px from the edge, its label's own margin. */
	UiRect row = layout_inset4(bar, GAP_S, MARGIN, GAP_S, 4);
	UiRect back_r = layout_cut_left(&row, bw);
	UiRect post_r = layout_cut_right(&row, pw);
	int x;

	ui_fill(ui, bar, COL_BLANC);
	ui_hline(ui, 0, TOP_BAR_H, L->w, COL_LINE);
	ui_button(ui, back_r, BTN_QUIET, ICON_ARROW_BACK, back, ACT_BACK, 0);
	ui_button(ui, post_r, BTN_PRIMARY, ICON_ADD, post, ACT_POST, 0);
	if (L->portrait) {
		if (!v->kbd_visible) {
			/* The title row's middle, under the bar. */
			int cy = TOP_BAR_H + GAP_S + 22;

			x = MARGIN + ui_text(ui, MARGIN, cy - th / 2, FONT_BOLD,
			                     TYPE_TITLE, COL_ENCRE, title);
			board_count_pill(ui, x + GAP_M, cy, v->board.board_total,
			                 v->board.board_more);
		}
		board_search_field(ui, v, L->search);
		return;
	}
	x = row.x + GAP_L;
	x += ui_text(ui, x, TOP_BAR_H / 2 - th / 2, FONT_BOLD, TYPE_TITLE,
	             COL_ENCRE, title);
	x += GAP_M + board_count_pill(ui, x + GAP_M, TOP_BAR_H / 2,
	                              v->board.board_total, v->board.board_more);
	x += GAP_XL;
	/* The field fills what is left up to GAP_L before "Proposer". */
	L->search = layout_inset4(row, 0, GAP_L, 0, x - row.x);
	if (L->search.w > SEARCH_MAX_W) {
		/* Wide screens: the field stays a field, not a banner. */
		L->search = layout_cut_right(&L->search, SEARCH_MAX_W);
	}
	board_search_field(ui, v, L->search);
}

/* A minor in the heat alert's hours: why no outdoor mission is on the
** board, in a sun-pale band under the chips (the missions are left out,
** not greyed). Returns the y under it. */
static int
board_heat(Ui *ui, const AppView *v, int y, int w)
{
	int lh = ui_text_height(ui, FONT_SEMIBOLD, TYPE_META);
	int tw = w - 2 * MARGIN - 16 - 40 - 16;
	int lines = ui_text_width(ui, FONT_SEMIBOLD, TYPE_META,
	                          v->board.heat_note) <= tw ? 1 : 2;
	UiRect r = layout_rect(MARGIN, y + GAP_S, w - 2 * MARGIN,
	                       lines * lh + 2 * GAP_S);

	if (!v->board.heat_note[0])
		return y;
	ui_rrect(ui, r, 12, COL_SOLEIL_PALE);
	ui_icon(ui, r.x + 16 + 14, r.y + r.h / 2, 28, COL_OCRE, ICON_SUNNY);
	ui_text_box(ui, layout_rect(r.x + 16 + 40, r.y + GAP_S, tw, lines * lh),
	            FONT_SEMIBOLD, TYPE_META, COL_OCRE, ALIGN_LEFT, 2,
	            v->board.heat_note);
	return r.y + r.h;
}

static int
board_count_pill(Ui *ui, int x, int cy, int n, int more)
{
	char s[16];
	int tw, w;
	UiRect pill;

	/* more: a search not counted to the end, n is "more than n - 1". */
	if (more)
		ui_fmt(s, sizeof s, "%d+", n - 1);
	else
		ui_fmt(s, sizeof s, "%d", n);
	tw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, s);
	w = tw + 20 < PILL_H ? PILL_H : tw + 20;
	pill = layout_rect(x, cy - PILL_H / 2, w, PILL_H);
	ui_rrect(ui, pill, PILL_H / 2, COL_SABLE);
	ui_text(ui, layout_centre_x(pill, tw).x,
	        cy - ui_text_height(ui, FONT_SEMIBOLD, TYPE_META) / 2,
	        FONT_SEMIBOLD, TYPE_META, COL_ENCRE_DOUCE, s);
	return w;
}

/* The search field: tapping it opens the keyboard (ACT_SEARCH); the
** clear button empties it. Accents are ignored by the search itself. */
static void
board_search_field(Ui *ui, const AppView *v, UiRect r)
{
	const char *text = v->board.search.text;
	int focused = v->kbd_visible;
	int th = ui_text_height(ui, FONT_REGULAR, TYPE_BODY);
	int cy = r.y + r.h / 2, tx = r.x + 48;
	int tw = r.w - 48 - (text[0] != '\0' ? 52 : 16);
	const char *ph = tr(v->lang, r.w >= 360 ? "board.search_long"
	                                        : "board.search");

	ui_rrect(ui, r, r.h / 2, COL_SABLE);
	if (focused)
		ui_rrect_border(ui, r, r.h / 2, 2, COL_TERRA);
	else
		ui_rrect_border(ui, r, r.h / 2, 2, COL_EDGE);
	ui_icon(ui, r.x + 26, cy, 24, COL_ENCRE, ICON_SEARCH);
	ui_hit(ui, r, ACT_SEARCH, 0, ph);
	if (text[0] == '\0') {
		ui_text_fit(ui, tx, cy - th / 2, tw, FONT_REGULAR, TYPE_BODY,
		            COL_ENCRE_DOUCE, ALIGN_LEFT, ph);
		if (focused)
			ui_fill(ui, (UiRect){ tx, cy - th / 2, 2, th }, COL_TERRA);
	} else {
		int w = ui_text_width(ui, FONT_REGULAR, TYPE_BODY, text);

		if (w > tw) {
			/* Show the end of what is being typed. */
			ui_clip(ui, &(UiRect){ tx, r.y, tw, r.h });
			ui_text(ui, tx + tw - w - 4, cy - th / 2, FONT_REGULAR,
			        TYPE_BODY, COL_ENCRE, text);
			ui_clip(ui, NULL);
			w = tw - 4;
		} else {
			ui_text(ui, tx, cy - th / 2, FONT_REGULAR, TYPE_BODY,
			        COL_ENCRE, text);
		}
		if (focused)
			ui_fill(ui, (UiRect){ tx + w + 1, cy - th / 2, 2, th },
			        COL_TERRA);
		ui_circle(ui, r.x + r.w - 26, cy, 16, COL_KEY_FN);
		ui_icon(ui, r.x + r.w - 26, cy, 20, COL_ENCRE, ICON_CLOSE);
		UiRect field = r;

		ui_hit(ui, layout_cut_right(&field, 50), ACT_SEARCH_CLEAR, 0,
		       tr(v->lang, "board.clear"));
	}
}

/* "Tout" and the seven categories; the selected one filled in Encre.
** Wraps onto a second row when the screen is narrow. Returns the
** bottom of the chips. */
static int
board_chips(Ui *ui, const AppView *v, int y, int w)
{
	const char *labels[CAT_COUNT + 1];
	int widths[CAT_COUNT + 1], total = 0, pad = 18, x = MARGIN;

	labels[0] = tr(v->lang, "board.all");
	for (int c = 0; c < CAT_COUNT; c++)
		labels[c + 1] = app_category_label(v->lang, (MissionCategory)c);
	for (int i = 0; i <= CAT_COUNT; i++)
		total += ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, labels[i]) + GAP_S;
	/* Tighten the padding before wrapping. */
	while (pad > 10 && total + (CAT_COUNT + 1) * 2 * pad > w - 2 * MARGIN)
		pad--;
	for (int i = 0; i <= CAT_COUNT; i++)
		widths[i] = ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, labels[i])
		            + 2 * pad;
	for (int i = 0; i <= CAT_COUNT; i++) {
		int filter = i - 1;
		int sel = v->board.filter == filter;

		if (x + widths[i] > w - MARGIN && x > MARGIN) {
			x = MARGIN;
			y += CHIP_H + ROW_GAP;
		}
		ui_chip(ui, layout_rect(x, y, widths[i], CHIP_H), sel, labels[i],
		        ACT_FILTER, filter);
		x += widths[i] + GAP_S;
	}
	return y + CHIP_H;
}

/* The page of cards, the pager and the scroll bar; or the empty state. */
static void
board_cards(Ui *ui, const AppView *v, const BoardLayout *L, int y0, int y1)
{
	/* The cards, then the pager on the bottom, PAGER_PAD around it. */
	UiRect body = layout_rect(MARGIN, y0, L->w - 2 * MARGIN, y1 - y0);
	UiRect cards = layout_inset4(body, 0, 0, PAGER_PAD, 0);
	UiRect pager = layout_cut_bottom(&cards, PAGER_H);
	int rows, cols = L->cols, per_page, n;

	layout_cut_bottom(&cards, PAGER_PAD);
	rows = (cards.h + ROW_GAP) / (UI_CARD_H + ROW_GAP);
	if (rows < 1)
		rows = 1;
	per_page = rows * cols;
	if (v->board.n_cards == 0) {
		board_empty(ui, v, body, 0);
		return;
	}
	n = v->board.n_cards < per_page ? v->board.n_cards : per_page;
	for (int i = 0; i < n; i++) {
		int row = i / cols, col = i % cols;
		UiRect line = layout_rect(cards.x, y0 + row * (UI_CARD_H + ROW_GAP),
		                          cards.w, UI_CARD_H);
		UiRect r = layout_column(line, cols, ROW_GAP, col);

		ui_mission_card(ui, r, &v->board.cards[i], &v->board.cards_text[i], 1);
	}
	/* A thin scroll bar: where this page sits among all results. */
	if (v->board.board_total > per_page) {
		int track = rows * (UI_CARD_H + ROW_GAP) - ROW_GAP;
		int th = track * per_page / v->board.board_total;
		int ty;

		if (th < 32)
			th = 32;
		ty = y0 + (track - th) * v->board.board_offset
		     / (v->board.board_total - per_page > 0
		        ? v->board.board_total - per_page : 1);
		if (ty > y0 + track - th)
			ty = y0 + track - th;
		ui_rrect(ui, (UiRect){ L->w - 6, y0, 4, track }, 2, COL_LINE);
		ui_rrect(ui, (UiRect){ L->w - 6, ty, 4, th }, 2, COL_BORDER);
	}
	board_pager(ui, v, pager, per_page);
}

/* "↑ Précédentes"  1–4 sur 8  "Suivantes ↓": a page at a time. */
static void
board_pager(Ui *ui, const AppView *v, UiRect r, int per_page)
{
	const char *prev = tr(v->lang, "board.prev");
	const char *next = tr(v->lang, "board.next");
	int first = v->board.board_offset + 1;
	int last = v->board.board_offset + (v->board.n_cards < per_page ? v->board.n_cards
	                                                    : per_page);
	int bw = ui_button_width(ui, BTN_SECONDARY, PAGER_H, ICON_ARROW_DOWNWARD,
	                         next);
	int pw = ui_button_width(ui, BTN_SECONDARY, PAGER_H, ICON_ARROW_UPWARD,
	                         prev);
	int mh = ui_text_height(ui, FONT_MEDIUM, TYPE_META);
	char range[64], line[200];
	UiRect mid = r;

	if (bw < pw)
		bw = pw;
	if (bw > (r.w - GAP_L) / 2)
		bw = (r.w - GAP_L) / 2;
	if (v->board.board_offset > 0) {
		int to = v->board.board_offset - per_page;

		ui_button(ui, layout_cut_left(&mid, bw), BTN_SECONDARY,
		          ICON_ARROW_UPWARD, prev, ACT_SCROLL_TO, to < 0 ? 0 : to);
		layout_cut_left(&mid, GAP_S);
	}
	if (last < v->board.board_total) {
		ui_button(ui, layout_cut_right(&mid, bw), BTN_SECONDARY,
		          ICON_ARROW_DOWNWARD, next, ACT_SCROLL_TO,
		          v->board.board_offset + per_page);
		layout_cut_right(&mid, GAP_S);
	}
	if (v->board.board_more)
		ui_fmt(range, sizeof range, tr(v->lang, "board.range_more"), first,
		       last, v->board.board_total - 1);
	else
		ui_fmt(range, sizeof range, tr(v->lang, "board.range"), first, last,
		       v->board.board_total);
	/* The words go between the buttons there are (mid); what does not
	** fit whole is left out rather than cut. */
	{
		int left = mid.x, room = mid.w;

		if (!v->reader_ok) {
			/* A lost reader is said here rather than over the search
			** field and "Proposer"; where the gap is too narrow, just
			** above the pager. */
			if (room >= 320)
				ui_reader_banner_at(ui, layout_centre_y(mid, BANNER_H));
			else
				ui_reader_banner_at(ui, layout_rect(r.x, r.y - PAGER_PAD
				                    - BANNER_H, r.w, BANNER_H));
			if (room >= 320)
				return;
		}
		ui_fmt(line, sizeof line, "%s", range);
		if (v->board.minors_only) {
			ui_fmt(line, sizeof line, "%s · %s", range,
			       tr(v->lang, "board.minors"));
			if (ui_text_width(ui, FONT_MEDIUM, TYPE_META, line) > room)
				ui_fmt(line, sizeof line, "%s",
				       tr(v->lang, "board.minors"));
		}
		if (ui_text_width(ui, FONT_MEDIUM, TYPE_META, line) <= room)
			ui_text(ui, left + (room - ui_text_width(ui, FONT_MEDIUM,
			        TYPE_META, line)) / 2, layout_middle_y(r, mh),
			        FONT_MEDIUM, TYPE_META, COL_ENCRE_DOUCE, line);
	}
}

/* While typing: compact results above the keyboard, as many as fit. */
static void
board_results(Ui *ui, const AppView *v, const BoardLayout *L, int y0, int y1)
{
	int cols = L->cols, rows, n;
	int mh = ui_text_height(ui, FONT_MEDIUM, TYPE_META);
	UiRect body = layout_rect(MARGIN, y0, L->w - 2 * MARGIN, y1 - y0);
	char line[96];

	if (v->board.search.text[0] == '\0') {
		ui_text_fit(ui, body.x, layout_middle_y(body, mh), body.w,
		            FONT_MEDIUM, TYPE_META, COL_ENCRE_DOUCE, ALIGN_CENTER,
		            tr(v->lang, "board.type_hint"));
		return;
	}
	if (v->board.n_cards == 0) {
		board_empty(ui, v, body, 1);
		return;
	}
	if (v->board.board_total == 1)
		ui_fmt(line, sizeof line, "%s", tr(v->lang, "board.found_one"));
	else if (v->board.board_more)
		ui_fmt(line, sizeof line, tr(v->lang, "board.found_more"),
		       v->board.board_total - 1);
	else
		ui_fmt(line, sizeof line, tr(v->lang, "board.found"),
		       v->board.board_total);
	/* The count (when it leaves room for two rows: else the title's
	** pill says it), then rows of results. */
	y0 += GAP_S;
	if (y1 - GAP_S - y0 - mh - 6 + GAP_S >= 2 * (LIST_ROW + GAP_S)
	    || L->portrait) {
		ui_text_fit(ui, body.x, y0, body.w, FONT_MEDIUM, TYPE_META,
		            COL_ENCRE_DOUCE, ALIGN_LEFT, line);
		y0 += mh + 6;
	}
	rows = (y1 - GAP_S - y0 + GAP_S) / (LIST_ROW + GAP_S);
	if (rows < 1)
		rows = 1;
	n = v->board.n_cards < rows * cols ? v->board.n_cards : rows * cols;
	for (int i = 0; i < n; i++) {
		const MissionCard *c = &v->board.cards[i];
		const AppCardText *t = &v->board.cards_text[i];
		UiRect r = layout_column(layout_rect(body.x, y0 + (i / cols)
		                         * (LIST_ROW + GAP_S), body.w, LIST_ROW),
		                         cols, ROW_GAP, i % cols);
		int icy = r.y + r.h / 2;
		int th = ui_text_height(ui, FONT_SEMIBOLD, TYPE_META);
		int rw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, t->reward);
		int ty = icy - th / 2;
		UiColor rc = c->reward_kind == REWARD_FIXED ? COL_VERT
		                                            : COL_ENCRE_DOUCE;

		ui_rrect_lip(ui, r, RADIUS_BUTTON, COL_BLANC, COL_LINE, LIP_CARD);
		ui_rrect(ui, layout_rect(r.x + GAP_S, r.y + GAP_S, 36, 36), 10,
		         ui_category_tint(c->category));
		ui_icon(ui, r.x + 26, icy, 22, ui_category_ink(c->category),
		        ui_category_icon(c->category));
		if (t->minors[0] != '\0') {
			/* Two lines: the title on the whole width (shrunk before it
			** is ever cut), then under-18s in the cards' words and the
			** reward. */
			int sh = ui_text_height(ui, FONT_MEDIUM, 15);
			int sw = ui_text_width(ui, FONT_SEMIBOLD, 15, t->reward);
			int ly = icy - (th + sh - 2) / 2 + th - 2;
			UiColor ink = c->minors_ok ? COL_VERT : COL_ENCRE_DOUCE;

			ty = icy - (th + sh - 2) / 2;
			ui_text_fit_wrap(ui, layout_rect(r.x + 56, ty, r.w - 56 - 14, th),
			                 FONT_SEMIBOLD, TYPE_META, 14, COL_ENCRE,
			                 ALIGN_LEFT, 1, c->title);
			ui_icon(ui, r.x + 56 + 8, ly + sh / 2, 16, ink,
			        c->minors_ok ? ICON_GROUPS : ICON_PERSON);
			ui_text_wrap(ui, layout_rect(r.x + 56 + 20, ly,
			             r.w - 56 - 20 - sw - 28, sh), FONT_MEDIUM, 15, 12,
			             ink, ALIGN_LEFT, 1, t->minors);
			ui_text(ui, r.x + r.w - 14 - sw, ly, FONT_SEMIBOLD, 15, rc,
			        t->reward);
		} else {
			ui_text_fit(ui, r.x + 56, ty, r.w - 56 - rw - 28, FONT_SEMIBOLD,
			            TYPE_META, COL_ENCRE, ALIGN_LEFT, c->title);
			ui_text(ui, r.x + r.w - 14 - rw, ty, FONT_SEMIBOLD, TYPE_META, rc,
			        t->reward);
		}
		ui_hit(ui, r, ACT_OPEN_MISSION, c->id, c->title);
	}
}

/* Nothing to show: say why, kindly, and offer the way back. */
static void
board_empty(Ui *ui, const AppView *v, UiRect r, int compact)
{
	char msg[300], every[96];
	int th = ui_text_height(ui, FONT_SEMIBOLD, TYPE_SECTION);
	int cy = r.y + r.h / 2;
	const char *btn = NULL;
	AppAction act = ACT_NONE;
	int64_t arg = 0;

	if (v->board.search.text[0] != '\0' && v->board.filter >= 0 &&
	    v->board.everywhere_total > 0) {
		/* Say where it looked, offer everywhere. */
		ui_fmt(msg, sizeof msg, tr(v->lang, "board.empty_in"),
		       v->board.search.text,
		       app_category_label(v->lang, (MissionCategory)v->board.filter));
		if (v->board.everywhere_more)
			ui_fmt(every, sizeof every, tr(v->lang, "board.everywhere_more"),
			       v->board.everywhere_total - 1);
		else
			ui_fmt(every, sizeof every, tr(v->lang, "board.everywhere"),
			       v->board.everywhere_total);
		btn = every;
		act = ACT_FILTER;
		arg = -1;
	} else if (v->board.search.text[0] != '\0') {
		ui_fmt(msg, sizeof msg, tr(v->lang, "board.empty_search"),
		       v->board.search.text);
		btn = tr(v->lang, "board.clear");
		act = ACT_SEARCH_CLEAR;
	} else if (v->board.filter >= 0) {
		ui_fmt(msg, sizeof msg, "%s", tr(v->lang, "board.empty_filter"));
		btn = tr(v->lang, "board.see_all");
		act = ACT_FILTER;
		arg = -1;
	} else {
		ui_fmt(msg, sizeof msg, "%s", tr(v->lang, "board.empty"));
	}
	if (compact) {
		int bh = act == ACT_FILTER ? TOUCH_MIN + GAP_S : 0;
		ui_text_wrap(ui, layout_rect(r.x, cy - th - bh / 2, r.w, 2 * th + 4),
		             FONT_SEMIBOLD, TYPE_SECTION, TYPE_META, COL_ENCRE,
		             ALIGN_CENTER, 2, msg);
		if (bh > 0) {
			int bw = ui_button_width(ui, BTN_SECONDARY, TOUCH_MIN, 0, btn);
			UiRect under = layout_rect(r.x, cy + th + 4 - bh / 2 + GAP_S,
			                           r.w, TOUCH_MIN);
			ui_button(ui, layout_centre_x(under, bw), BTN_SECONDARY, 0, btn,
			          act, arg);
		}
		return;
	}
	cy = r.y + r.h / 2 - 60;
	ui_circle(ui, r.x + r.w / 2, cy, 36, COL_SABLE);
	ui_icon(ui, r.x + r.w / 2, cy, 40, COL_ENCRE_DOUCE, ICON_SEARCH);
	ui_text_box(ui, layout_rect(r.x, cy + 48, r.w, 2 * th + 4),
	            FONT_SEMIBOLD, TYPE_SECTION, COL_ENCRE, ALIGN_CENTER, 2, msg);
	if (btn != NULL) {
		int bw = ui_button_width(ui, BTN_SECONDARY, 52, 0, btn);
		UiRect under = layout_rect(r.x, cy + 48 + 2 * th + GAP_L, r.w, 52);

		ui_button(ui, layout_centre_x(under, bw), BTN_SECONDARY, 0, btn,
		          act, arg);
	}
}
