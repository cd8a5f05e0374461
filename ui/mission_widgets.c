/* mission_widgets.c -- the mission pieces several screens share: the board's
** card, the reward pill and the "pass your badge" panel.
** The words come ready from the core (AppCardText), so the board, the
** mission detail, the post form's preview and member home all say the
** same thing the same way; these functions only lay them out. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"
#include "ui_internal.h"

#define CARD_PAD     14
#define CARD_ICON    48
#define META_SIZE    18
#define PILL_H       32
#define PILL_LOW_H   28      /* the reward pill under the under-18s line */
#define TITLE_LH_18  25      /* ui_text_line_height(18): two-line titles */

static int widgets_pill(Ui *ui, int x, int cy, int h, RewardKind kind,
                        const char *text);
static int widgets_meta(Ui *ui, int x, int cy, int w, uint32_t icon,
                        const char *text);

int
ui_board_columns(const Ui *ui)
{
	if (ui_portrait(ui))
		return 1;
	return ui_width(ui) >= 1200 ? 3 : 2;
}

int
ui_reward_pill(Ui *ui, int x, int cy, RewardKind kind, const char *text)
{
	return widgets_pill(ui, x, cy, PILL_H, kind, text);
}

/* The reward pill h px tall (a narrow card's is lower). */
static int
widgets_pill(Ui *ui, int x, int cy, int h, RewardKind kind, const char *text)
{
	UiColor bg = COL_VERT_PALE, ink = COL_VERT;
	uint32_t icon = ICON_PAYMENTS;
	int tw, w, th;

	if (kind == REWARD_TIP) {
		bg = COL_SOLEIL_PALE;
		ink = COL_OCRE;
		icon = ICON_VOLUNTEER;
	} else if (kind == REWARD_QUOTE) {
		bg = ui_category_tint(CAT_AUTRE);
		ink = COL_ENCRE_DOUCE;
		icon = ICON_REQUEST_QUOTE;
	}
	tw = ui_text_width(ui, FONT_SEMIBOLD, META_SIZE, text);
	w = 12 + 20 + 6 + tw + 14;
	th = ui_text_height(ui, FONT_SEMIBOLD, META_SIZE);
	ui_rrect(ui, (UiRect){ x, cy - h / 2, w, h }, h / 2, bg);
	ui_icon(ui, x + 12 + 10, cy, 20, ink, icon);
	ui_text(ui, x + 12 + 20 + 6, cy - th / 2, FONT_SEMIBOLD, META_SIZE, ink,
	        text);
	return w;
}

int
ui_minors_chip(Ui *ui, int x, int cy, int max_w, int minors_ok,
               const char *text)
{
	UiColor bg = minors_ok ? COL_VERT_PALE : COL_SABLE;
	UiColor ink = minors_ok ? COL_VERT : COL_ENCRE_DOUCE;
	int tw = ui_text_width(ui, FONT_MEDIUM, META_SIZE, text);
	int w = 10 + 20 + 6 + tw + 12;
	int th = ui_text_height(ui, FONT_MEDIUM, META_SIZE);

	if (text[0] == '\0' || w > max_w)
		return 0;
	ui_rrect(ui, (UiRect){ x, cy - PILL_H / 2, w, PILL_H }, PILL_H / 2, bg);
	ui_icon(ui, x + 10 + 10, cy, 20, ink, minors_ok ? ICON_GROUPS : ICON_PERSON);
	ui_text(ui, x + 10 + 20 + 6, cy - th / 2, FONT_MEDIUM, META_SIZE, ink, text);
	return w;
}

/* A card, 140 px tall (UI_CARD_H) at every width. Its facts: the title
** (one line at 20 px, else at 18, else two lines at 18 shrinking to 15),
** when and how long, whether under-18s may take it in the detail page's
** words (issue 11, item 2), then the reward and the places left. The
** under-18s line is a line of its own on every card, so no card on a
** page says it and its neighbour not; the title row gives up 8 px of
** icon for it. Never left out, never cut. */
void
ui_mission_card(Ui *ui, UiRect r, const MissionCard *c, const AppCardText *t,
                int hit)
{
	int right = r.x + r.w - CARD_PAD;
	int has_minors = t->minors[0] != '\0';
	int icon = has_minors ? CARD_ICON - 8 : CARD_ICON;
	int top = has_minors ? 10 : CARD_PAD;
	int tx = r.x + CARD_PAD + icon + 12;
	int tw = right - tx;
	int th = ui_text_height(ui, FONT_SEMIBOLD, 20);
	int icy = r.y + top + icon / 2;
	int meta_cy = r.y + (has_minors ? 66 : 78);
	int pill_h = has_minors ? PILL_LOW_H : PILL_H;
	int bottom_cy = r.y + r.h - (has_minors ? 7 : 10) - pill_h / 2;
	int x, pw;

	ui_rrect_lip(ui, r, 16, COL_BLANC, COL_LINE, 2);
	ui_rrect(ui, (UiRect){ r.x + CARD_PAD, r.y + top, icon, icon }, 12,
	         ui_category_tint(c->category));
	ui_icon(ui, r.x + CARD_PAD + icon / 2, icy, icon * 7 / 12,
	        ui_category_ink(c->category), ui_category_icon(c->category));
	if (ui_text_width(ui, FONT_SEMIBOLD, 20, c->title) <= tw)
		ui_text(ui, tx, icy - th / 2, FONT_SEMIBOLD, 20, COL_ENCRE,
		        c->title);
	else if (has_minors &&
	         ui_text_width(ui, FONT_SEMIBOLD, 18, c->title) <= tw)
		ui_text(ui, tx, icy - ui_text_height(ui, FONT_SEMIBOLD, 18) / 2,
		        FONT_SEMIBOLD, 18, COL_ENCRE, c->title);
	else if (has_minors)
		ui_text_wrap(ui, (UiRect){ tx, r.y + 5, tw,
		             2 * TITLE_LH_18 }, FONT_SEMIBOLD, 18, 15,
		             COL_ENCRE, ALIGN_LEFT, 2, c->title);
	else
		ui_text_wrap(ui, (UiRect){ tx, r.y + 10, tw, 2 * th + 4 },
		             FONT_SEMIBOLD, 20, 16, COL_ENCRE, ALIGN_LEFT, 2,
		             c->title);

	/* When and how long. */
	x = r.x + CARD_PAD;
	if (t->when[0] != '\0')
		x += widgets_meta(ui, x, meta_cy, right - x - (t->duration[0]
		                  ? 110 : 0), ICON_EVENT, t->when) + 16;
	if (t->duration[0] != '\0' && x < right - 60)
		widgets_meta(ui, x, meta_cy, right - x, ICON_SCHEDULE,
		             t->duration);
	if (has_minors) {
		/* Under-18s: the detail's words, in its chip's colours. */
		int mcy = meta_cy + 24;
		int mh = ui_text_height(ui, FONT_MEDIUM, META_SIZE);
		UiColor ink = c->minors_ok ? COL_VERT : COL_ENCRE_DOUCE;

		ui_icon(ui, r.x + CARD_PAD + 10, mcy, 20, ink,
		        c->minors_ok ? ICON_GROUPS : ICON_PERSON);
		ui_text_wrap(ui, (UiRect){ r.x + CARD_PAD + 28, mcy - mh / 2,
		             right - r.x - CARD_PAD - 28, mh }, FONT_MEDIUM,
		             META_SIZE, 14, ink, ALIGN_LEFT, 1, t->minors);
	}

	/* Reward, and places left on the right. */
	pw = t->reward[0] != '\0'
	     ? widgets_pill(ui, r.x + CARD_PAD, bottom_cy, pill_h,
	                    c->reward_kind, t->reward)
	     : 0;
	if (t->places[0] != '\0') {
		int w = ui_text_width(ui, FONT_SEMIBOLD, META_SIZE, t->places);
		int mh = ui_text_height(ui, FONT_SEMIBOLD, META_SIZE);
		int px = right - w;

		if (px - 28 > r.x + CARD_PAD + pw) {
			ui_text(ui, px, bottom_cy - mh / 2, FONT_SEMIBOLD, META_SIZE,
			        COL_ENCRE, t->places);
			ui_icon(ui, px - 14, bottom_cy, 20, COL_ENCRE, ICON_PERSON);
		}
	}
	if (hit)
		ui_hit(ui, r, ACT_OPEN_MISSION, c->id, c->title);
}

/* An icon and a line of secondary text fitted to w; returns the width. */
static int
widgets_meta(Ui *ui, int x, int cy, int w, uint32_t icon, const char *text)
{
	int mh = ui_text_height(ui, FONT_MEDIUM, META_SIZE);
	int tw = ui_text_width(ui, FONT_MEDIUM, META_SIZE, text);

	if (tw > w - 28)
		tw = w - 28;
	if (tw < 0)
		return 0;
	ui_icon(ui, x + 10, cy, 20, COL_ENCRE_DOUCE, icon);
	ui_text_fit(ui, x + 28, cy - mh / 2, tw, FONT_MEDIUM, META_SIZE,
	            COL_ENCRE_DOUCE, ALIGN_LEFT, text);
	return 28 + tw;
}

void
ui_wait_overlay(Ui *ui, const AppView *v)
{
	int w = ui_width(ui), h = ui_height(ui);
	int pw = w - 2 * 16 > 680 ? 680 : w - 2 * 16;
	int ph = pw >= 560 ? 112 : 196;

	if (v->wait == WAIT_NONE)
		return;
	ui_dim(ui, (UiRect){ 0, 0, w, h });
	ui_wait_panel(ui, (UiRect){ (w - pw) / 2, (h - ph) / 2, pw, ph }, v);
}

void
ui_wait_panel(Ui *ui, UiRect r, const AppView *v)
{
	const char *text = v->wait_text[0] != '\0' ? v->wait_text
	                   : tr(v->lang, "mission.wait_badge");
	char left[32];
	int wide = r.w >= 560;
	int bw = 176, bh = 56;
	UiRect tb;

	ui_rrect_lip(ui, r, 16, COL_TERRA_PALE, COL_LINE, 2);
	ui_circle(ui, r.x + 24 + 32, r.y + 24 + 32, 32, COL_TERRA);
	ui_icon(ui, r.x + 24 + 32, r.y + 24 + 32, 40, COL_BLANC,
	        ICON_CONTACTLESS);
	/* The question expires: the seconds left, under the reader's sign. */
	if (v->wait_left_s > 0) {
		app_trf(v->lang, left, sizeof left, "ui.wait.left", v->wait_left_s);
		ui_text_fit(ui, r.x + 8, r.y + 24 + 64 + 2, 96, FONT_SEMIBOLD, 16,
		            COL_TERRA_INK, ALIGN_CENTER, left);
	}
	if (wide) {
		tb = (UiRect){ r.x + 24 + 64 + 16, r.y + 20,
		               r.w - 24 - 64 - 16 - bw - 24 - 16, r.h - 40 };
		ui_button(ui, (UiRect){ r.x + r.w - 24 - bw, r.y + (r.h - bh) / 2,
		          bw, bh }, BTN_SECONDARY, ICON_CLOSE,
		          tr(v->lang, "mission.wait_cancel"), ACT_CANCEL_WAIT, 0);
	} else {
		tb = (UiRect){ r.x + 24 + 64 + 16, r.y + 20,
		               r.w - 24 - 64 - 16 - 16, r.h - 40 - bh - 12 };
		ui_button(ui, (UiRect){ r.x + 24, r.y + r.h - 20 - bh,
		          r.w - 48, bh }, BTN_SECONDARY, ICON_CLOSE,
		          tr(v->lang, "mission.wait_cancel"), ACT_CANCEL_WAIT, 0);
	}
	{
		int lh = ui_text_height(ui, FONT_SEMIBOLD, 22);
		int lines = tb.h / (lh + 2);
		int cy = wide ? r.y + r.h / 2 : r.y + 24 + 32;
		int tw = ui_text_width(ui, FONT_SEMIBOLD, 22, text);
		int n = tw <= tb.w ? 1 : 2;

		if (lines < 2)
			lines = 2;      /* a second line over the margin, not a cut */
		if (n > lines)
			n = lines;
		/* Who must badge is the point: smaller type, never a cut. */
		ui_text_wrap(ui, (UiRect){ tb.x, cy - n * (lh + 2) / 2, tb.w,
		             n * (lh + 2) }, FONT_SEMIBOLD, 22, TYPE_META, COL_ENCRE,
		             ALIGN_LEFT, n, text);
	}
}
