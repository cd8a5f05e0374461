/* screens/badge_result.c -- what a badge tap did, in one glance.
** A coloured band says it before any word is read: green for an arrival,
** evening blue for a departure (with the hours of the day in a sun pill),
** sun for a repeat tap that was already counted, Terracotta for a badge
** that is off or a tap that could not be saved. Under it the member's
** next steps: their missions, the board, and "Terminé" as the one primary
** action; the screen goes back to Accueil by itself (the line says when).
** On a big canvas the band also tells the next mission, or thanks for the
** contributive day. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

typedef struct ResultLook {
	UiColor band, ink, inset, icon_ink;
	uint32_t icon;
} ResultLook;

static void result_draw(Ui *ui, const AppView *v);
static ResultLook result_look(const AppView *v);
static void result_band(Ui *ui, const AppView *v, const ResultLook *lk,
                        UiRect band, int big, int note);
static void result_buttons(Ui *ui, const AppView *v, int y, int bh);

const ScreenOps badge_result_screen = { "badge-result", result_draw };

static ResultLook
result_look(const AppView *v)
{
	ResultLook lk = { COL_VERT, COL_BLANC, 0x245A3Cu, COL_VERT,
	                  ICON_CHECK_CIRCLE };

	if (v->result.result_error) {
		lk = (ResultLook){ COL_TERRA, COL_BLANC, COL_TERRA_LIP, COL_TERRA,
		                   ICON_INFO };
		return lk;
	}
	switch (v->result.outcome) {
	case CHECKIN_IN:
	case CHECKIN_HELD:               /* recorded; its time comes later */
		break;
	case CHECKIN_OUT:
		lk = (ResultLook){ COL_BLEU, COL_BLANC, 0x1E4566u, COL_BLEU,
		                   ICON_WAVING_HAND };
		break;
	case CHECKIN_IGNORED:
		lk = (ResultLook){ COL_SOLEIL_PALE, COL_ENCRE, 0xF6E2AAu, COL_OCRE,
		                   ICON_CHECK_CIRCLE };
		break;
	case CHECKIN_INACTIVE:
	case CHECKIN_UNKNOWN:
		lk = (ResultLook){ COL_TERRA, COL_BLANC, COL_TERRA_LIP, COL_TERRA,
		                   ICON_LOCK };
		break;
	}
	return lk;
}

static void
result_band(Ui *ui, const AppView *v, const ResultLook *lk, UiRect band,
            int big, int note)
{
	int w = band.w, cx = band.x + w / 2;
	int top = ui_text_height(ui, FONT_SEMIBOLD, 20);
	/* A small landscape screen has no room for the inset: a note (a
	** quote decided, the next mission, a break due) is said in two
	** lines under the greeting, the medallion smaller to make room. */
	int small_note = !note && !big && !ui_portrait(ui) &&
	                 v->result.greeting_note[0] != '\0';
	int cr = big ? 56 : small_note ? 30 : 44;
	int gs = big ? 60 : 48;
	int y;
	char line[1024];

	ui_fill(ui, band, lk->band);
	/* The top line: the day (or the space) and the clock. */
	if (v->has_day && v->result.outcome == CHECKIN_IN && !v->result.result_error) {
		snprintf(line, sizeof line, "%s · %s", tr(v->lang, "ui.accueil.day"),
		         v->day_title);
		ui_icon(ui, 16 + 13, 12 + top / 2, 24, lk->ink, ICON_ROLLER);
	} else {
		snprintf(line, sizeof line, "%s", v->space_name);
		ui_icon(ui, 16 + 13, 12 + top / 2, 24, lk->ink, ICON_DECK);
	}
	ui_text_fit(ui, 16 + 34, 12, w - 150, FONT_SEMIBOLD, 20, lk->ink,
	            ALIGN_LEFT, line);
	ui_text_fit(ui, w - 116, 12, 100, FONT_SEMIBOLD, 20, lk->ink,
	            ALIGN_RIGHT, v->clock);
	ui_reader_banner_at(ui, (UiRect){ w - 16, 8, 0, 40 });

	/* The medallion, where the band has room for it (a short band
	** leaves room under it for the stream question). */
	y = band.y + (big ? 56 : small_note ? 48 : 60) + (ui_portrait(ui) ? 24 : 0);
	if (band.h >= 240) {
		int ccy = y + cr;

		ui_circle(ui, cx, ccy + 4, cr, lk->inset);
		ui_circle(ui, cx, ccy, cr, COL_BLANC);
		ui_icon(ui, cx, ccy, cr * 3 / 2, lk->icon_ink, lk->icon);
		y = ccy + cr + (big ? 12 : 8);
	}

	ui_text_fit(ui, 16, y, w - 32, FONT_BOLD, gs, lk->ink, ALIGN_CENTER,
	            v->result.greeting);
	y += ui_text_height(ui, FONT_BOLD, gs) + (big ? 0 : 2);

	if (v->result.outcome == CHECKIN_OUT && !v->result.result_error) {
		/* "(6 h 40 aujourd'hui)  Départ à 15 h 52" */
		int ps = big ? 24 : 20, es = big ? 26 : 22;
		int pw = ui_text_width(ui, FONT_BOLD, ps, v->result.greeting_detail) + 32 + 30;
		int ew = v->result.greeting_extra[0]
		         ? ui_text_width(ui, FONT_REGULAR, es, v->result.greeting_extra) + 14 : 0;
		int ph = big ? 48 : 38;
		int x = cx - (pw + ew) / 2;
		ui_rrect(ui, (UiRect){ x, y, pw, ph }, ph / 2, COL_SOLEIL);
		ui_icon(ui, x + 14 + 12, y + ph / 2, big ? 28 : 24, COL_ENCRE,
		        ICON_SCHEDULE);
		ui_text(ui, x + 16 + 30, y + (ph - ui_text_height(ui, FONT_BOLD, ps)) / 2,
		        FONT_BOLD, ps, COL_ENCRE, v->result.greeting_detail);
		if (ew)
			ui_text(ui, x + pw + 14,
			        y + (ph - ui_text_height(ui, FONT_REGULAR, es)) / 2,
			        FONT_REGULAR, es, lk->ink, v->result.greeting_extra);
		y += ph;
	} else {
		int ds = big ? 26 : 22;
		ui_text_box(ui, (UiRect){ 24, y, w - 48, 2 * ds * 7 / 5 }, FONT_REGULAR,
		            ds, lk->ink, ALIGN_CENTER, 2, v->result.greeting_detail);
		y += ui_text_height(ui, FONT_REGULAR, ds);
	}
	if (small_note) {
		int ms = TYPE_META, mh = ui_text_height(ui, FONT_SEMIBOLD, ms);

		ui_text_box(ui, (UiRect){ 24, y + 6, w - 48, 2 * mh + 4 },
		            FONT_SEMIBOLD, ms, lk->ink, ALIGN_CENTER, 2,
		            v->result.greeting_note);
	}
	if (note && v->result.greeting_note[0]) {
		/* The next mission, or thanks for the day, in an inset. */
		int ns = big ? 22 : 20;
		int nw = ui_text_width(ui, FONT_REGULAR, ns, v->result.greeting_note) + 32 + 40;
		int nh = big ? 56 : 64;
		if (nw > w - (big ? 96 : 32))
			nw = w - (big ? 96 : 32);
		UiRect in = { cx - nw / 2, y + 24, nw, nh };
		ui_rrect(ui, in, 12, lk->inset);
		ui_icon(ui, in.x + 16 + 14, in.y + nh / 2, 28, COL_SOLEIL,
		        v->result.outcome == CHECKIN_OUT ? ICON_FAVORITE : ICON_EVENT);
		if (ui_text_width(ui, FONT_REGULAR, ns, v->result.greeting_note) <= nw - 72)
			ui_text(ui, in.x + 16 + 40,
			        in.y + (nh - ui_text_height(ui, FONT_REGULAR, ns)) / 2,
			        FONT_REGULAR, ns, lk->ink, v->result.greeting_note);
		else
			ui_text_box(ui, (UiRect){ in.x + 16 + 40, in.y + 4, nw - 72, nh - 8 },
			            FONT_REGULAR, ns, lk->ink, ALIGN_LEFT, 2,
			            v->result.greeting_note);
	}
}

/* Mes missions, Voir les missions, Terminé -- or Terminé alone; and
** for whoever may post, "Proposer une mission" first, straight to the
** form (issue 11, item 13). */
static void
result_buttons(Ui *ui, const AppView *v, int y, int bh)
{
	int w = ui_width(ui), m = ui_portrait(ui) ? 16 : (w >= 1000 ? 32 : 16);
	int gap = ui_portrait(ui) ? 14 : (w >= 1000 ? 24 : 12);
	int usable = v->has_member && !v->result.result_error &&
	             v->result.outcome != CHECKIN_INACTIVE;
	UiRect row = layout_inset4(layout_rect(0, y, w, bh), 0, m, 0, m);
	UiRect b[4];
	static const uint32_t icons[4] = { ICON_ADD, ICON_ASSIGNMENT,
	                                   ICON_GRID_VIEW, ICON_CHECK };
	static const AppAction acts[4] = { ACT_POST, ACT_MY_MISSIONS, ACT_BOARD,
	                                   ACT_HOME };
	const char *labels[4];
	int need[4], total = 0, with_icons = 1;

	if (!usable) {
		ui_button(ui, layout_centre_x(row, row.w < 420 ? row.w : 420),
		          BTN_PRIMARY, ICON_CHECK, tr(v->lang, "ui.done"), ACT_HOME, 0);
		return;
	}
	if (usable && v->can_post && v->result.outcome != CHECKIN_OUT) {
		labels[0] = tr(v->lang, "ui.home.post");
		labels[1] = tr(v->lang, "ui.result.my_missions");
		labels[2] = tr(v->lang, "ui.see_missions");
		labels[3] = tr(v->lang, "ui.done");
		if (ui_portrait(ui)) {
			int h4 = bh > 60 ? 60 : bh;

			row.h = 4 * h4 + 3 * gap;
			for (int i = 0; i < 4; i++)
				b[i] = layout_row(row, 4, gap, i);
		} else {
			/* Side by side, each as wide as its words, the rest shared;
			** without icons when that is what it takes. */
			for (int i = 0; i < 4; i++)
				total += need[i] = ui_button_width(ui, BTN_SECONDARY, bh,
				                                   icons[i], labels[i]);
			if (total + 3 * gap > row.w) {
				with_icons = 0;
				total = 0;
				for (int i = 0; i < 4; i++)
					total += need[i] = ui_button_width(ui, BTN_SECONDARY, bh,
					                                   0, labels[i]);
			}
			if (total + 3 * gap > row.w) {      /* "Proposer", then */
				total -= need[0];
				labels[0] = tr(v->lang, "ui.home.post_short");
				total += need[0] = ui_button_width(ui, BTN_SECONDARY, bh, 0,
				                                   labels[0]);
			}
			for (int i = 0, x = row.x; i < 4; i++) {
				int extra = row.w - 3 * gap - total;

				b[i] = (UiRect){ x, row.y, need[i] + (extra > 0 ? extra / 4 : 0),
				                 bh };
				if (i == 3)
					b[i].w = row.x + row.w - x;
				x += b[i].w + gap;
			}
		}
		for (int i = 0; i < 4; i++)
			ui_button(ui, b[i], i == 3 ? BTN_PRIMARY : BTN_SECONDARY,
			          with_icons ? icons[i] : 0, labels[i], acts[i], 0);
		return;
	}
	if (ui_portrait(ui)) {
		/* One under the other, the whole width. */
		row.h = 3 * bh + 2 * gap;
		for (int i = 0; i < 3; i++)
			b[i] = layout_row(row, 3, gap, i);
	} else {
		/* Side by side; "Voir les missions" is the longest label: it
		** takes 14 px from its left neighbour, Terminé the rest. */
		for (int i = 0; i < 3; i++)
			b[i] = layout_column(row, 3, gap, i);
		b[0].w -= 14;
		b[1].x -= 14;
		b[1].w += 14;
		b[2].w = row.x + row.w - b[2].x;
	}
	ui_button(ui, b[0], BTN_SECONDARY, ICON_ASSIGNMENT,
	          tr(v->lang, "ui.result.my_missions"), ACT_MY_MISSIONS, 0);
	ui_button(ui, b[1], BTN_SECONDARY, ICON_GRID_VIEW,
	          tr(v->lang, "ui.see_missions"), ACT_BOARD, 0);
	ui_button(ui, b[2], BTN_PRIMARY, ICON_CHECK, tr(v->lang, "ui.done"),
	          ACT_HOME, 0);
}

static void
result_draw(Ui *ui, const AppView *v)
{
	UiRect screen = layout_rect(0, 0, ui_width(ui), ui_height(ui));
	UiRect rest = screen, buttons;
	int w = screen.w, h = screen.h;
	int big = !ui_portrait(ui) && h >= 640;
	ResultLook lk = result_look(v);

	/* The coloured band on top, the buttons under it, the idle line.
	** After an arrival on a day with streams, the question "Aujourd’hui,
	** je participe à :" and its chips go between the band and the
	** buttons (one tap; skipping it is not answering). */
	int ask = v->result.streams.n > 0;

	ui_fill(ui, screen, COL_CREME);
	if (ui_portrait(ui)) {
		result_band(ui, v, &lk, layout_cut_top(&rest, ask ? 300 : 420), 0,
		            !ask);
		layout_cut_top(&rest, ask ? 16 : 28);
		if (ask) {
			UiRect q = layout_inset4(layout_cut_top(&rest, 24 + GAP_S + 52),
			                         0, 16, 0, 16);

			ui_stream_choice(ui, q, &v->result.streams, 52, COL_ENCRE);
			layout_cut_top(&rest, 16);
		}
		result_buttons(ui, v, rest.y, 64);
		ui_idle_line(ui, v, w / 2, h - 48);
		return;
	}
	if (big) {
		if (ask) {
			/* A shorter band (the note still clears it), and buttons
			** that give up height before the idle line leaves the
			** screen when the chips take two rows. */
			UiRect q;
			int by, bh = 96;

			result_band(ui, v, &lk, layout_cut_top(&rest, 392), 1, 1);
			layout_cut_top(&rest, 28);
			q = layout_inset4(layout_cut_top(&rest, 28 + GAP_S + 2 * 60 +
			                  GAP_S), 0, 32, 0, 32);
			q.h = ui_stream_choice(ui, q, &v->result.streams, 60, COL_ENCRE);
			by = q.y + q.h + 28;
			if (by + bh + 64 > h)
				bh = h - 64 - by > 64 ? h - 64 - by : 64;
			result_buttons(ui, v, by, bh);
			ui_idle_line(ui, v, w / 2, by + bh + 28);
			return;
		}
		result_band(ui, v, &lk, layout_cut_top(&rest, 448), 1, 1);
		layout_cut_top(&rest, 60);
		result_buttons(ui, v, rest.y, 96);
		ui_idle_line(ui, v, w / 2, 640);
		return;
	}
	if (ask) {
		/* 800x480: a short band (no medallion), the question, then
		** buttons a little lower than usual. */
		UiRect q;

		result_band(ui, v, &lk, layout_cut_top(&rest,
		            v->result.greeting_note[0] ? 200 : 176), 0, 0);
		layout_cut_top(&rest, 12);
		buttons = layout_cut_bottom(&rest, 36 + GAP_L);
		buttons = layout_cut_bottom(&rest, 72);
		layout_cut_bottom(&rest, 12);
		q = layout_inset4(rest, 0, 16, 0, 16);
		ui_stream_choice(ui, q, &v->result.streams, 52, COL_ENCRE);
		result_buttons(ui, v, buttons.y, buttons.h);
		ui_idle_line(ui, v, w / 2, buttons.y + buttons.h + GAP_L);
		return;
	}
	result_band(ui, v, &lk, layout_cut_top(&rest, h * 5 / 8), 0, 0);
	layout_cut_top(&rest, 28);
	buttons = layout_cut_top(&rest, 80);
	result_buttons(ui, v, buttons.y, buttons.h);
	layout_cut_top(&rest, GAP_L);
	ui_idle_line(ui, v, w / 2, rest.y);
}
