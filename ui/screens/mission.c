/* screens/mission.c -- one mission: what, when, for how much, and the
** one thing to do about it. The left column tells the mission (category,
** title, description, who posted it, where); the right panel gives the
** facts (when, how long, reward, places) and the actions the core allows
** (can_take, can_done, can_release, can_cancel), the first one big.
** Every action is confirmed by a badge: while the core waits for it
** (view.wait), a panel says so above everything, with "Annuler".
** Taking it ends on a screen of its own (view.detail.outcome), drawn
** instead of the mission: taken (what, when, where, who to ask, then
** "Mes missions" / "Terminé") or refused (why, and the next step). */
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

#define M 16

typedef struct MissionAct {
	AppAction action;
	UiButtonStyle style;
	uint32_t icon;
	const char *label;
} MissionAct;

typedef struct OutcomeBtn {
	UiButtonStyle st;
	uint32_t icon;
	const char *label;
	AppAction act;
} OutcomeBtn;

static void mission_draw(Ui *ui, const AppView *v);
static int  mission_pills(Ui *ui, const AppView *v, int x, int y);
static int  mission_story(Ui *ui, const AppView *v, UiRect r);
static int  mission_facts(Ui *ui, const AppView *v, UiRect r);
static int  mission_description(Ui *ui, const AppView *v, UiRect r);
static void mission_actions(Ui *ui, const AppView *v, UiRect r);
static int  mission_collect(const AppView *v, MissionAct acts[5]);
static int  mission_quotes(Ui *ui, const AppView *v, UiRect r);
static void mission_note(Ui *ui, int x, int cy, int w, uint32_t icon,
                         UiColor icon_bg, const char *text);
static void mission_outcome(Ui *ui, const AppView *v);
static void outcome_button2(Ui *ui, UiRect r, const OutcomeBtn *b);
static int  outcome_fact(Ui *ui, UiRect r, uint32_t icon, const char *key,
                         const char *value);

const ScreenOps mission_screen = { "mission", mission_draw };

static void
mission_draw(Ui *ui, const AppView *v)
{
	int w = ui_width(ui), h = ui_height(ui);
	int top = 64;

	ui_fill(ui, (UiRect){ 0, 0, w, h }, COL_CREME);
	ui_top_bar(ui, v, tr(v->lang, "mission.back"), ACT_BACK, NULL);
	if (v->detail.outcome != OUTCOME_NONE) {
		mission_outcome(ui, v);
		return;
	}
	if (ui_portrait(ui) || w < 640) {
		MissionAct acts[5];
		int n = mission_collect(v, acts);
		int y = top + 16, fh, acts_h = n == 0 ? 80 : n == 1 ? 110 : 164;
		int facts_h = 4 * 52 + 8;
		int story_h = h - 16 - acts_h - 12 - facts_h - 12 - y;

		y += mission_story(ui, v, (UiRect){ M, y, w - 2 * M, story_h });
		y += 12;
		if (y < h - 16 - acts_h - 12 - facts_h)
			y = h - 16 - acts_h - 12 - facts_h;
		fh = mission_facts(ui, v, (UiRect){ M, y, w - 2 * M, facts_h });
		mission_actions(ui, v, (UiRect){ M, y + fh + 12, w - 2 * M,
		                h - 16 - (y + fh + 12) });
	} else {
		/* The story on the left; on the right a panel: the facts,
		** then the actions under them. */
		int pw = w >= 1200 ? 440 : 336, row = w >= 1200 ? 60 : 52, fh;
		UiRect panel = layout_inset4(layout_rect(0, 0, w, h), top + GAP_L, M,
		                             GAP_M, 0);

		panel = layout_cut_right(&panel, pw);
		mission_story(ui, v, layout_inset4(layout_rect(0, 0, panel.x, h),
		              top + 20, MARGIN_WIDE, GAP_L, MARGIN_WIDE));
		fh = mission_facts(ui, v, layout_rect(panel.x, panel.y, panel.w,
		                   4 * row + 8));
		layout_cut_top(&panel, fh + GAP_M);
		mission_actions(ui, v, panel);
	}
	ui_wait_overlay(ui, v);
}

/* Category pill, and the status when it is not simply open. Returns the
** height used. */
static int
mission_pills(Ui *ui, const AppView *v, int x, int y)
{
	const Mission *m = &v->detail.mission;
	const char *cat = v->detail.mission_text.category[0] != '\0'
	                  ? v->detail.mission_text.category
	                  : app_category_label(v->lang, m->d.category);
	int th = ui_text_height(ui, FONT_MEDIUM, 18);
	int w = 12 + 22 + 8 + ui_text_width(ui, FONT_MEDIUM, 18, cat) + 14;

	ui_rrect(ui, (UiRect){ x, y, w, 36 }, 18,
	         ui_category_tint(m->d.category));
	ui_icon(ui, x + 12 + 11, y + 18, 22, ui_category_ink(m->d.category),
	        ui_category_icon(m->d.category));
	ui_text(ui, x + 12 + 22 + 8, y + 18 - th / 2, FONT_MEDIUM, 18,
	        ui_category_ink(m->d.category), cat);
	x += w + 8;
	if (m->status != MISSION_OPEN) {
		const char *st = v->detail.mission_text.status[0] != '\0'
		                 ? v->detail.mission_text.status
		                 : app_status_label(v->lang, m->status);
		UiColor bg = ui_category_tint(CAT_AUTRE), ink = COL_ENCRE_DOUCE;
		uint32_t icon = ICON_INFO;

		if (m->status == MISSION_PENDING) {
			bg = COL_SOLEIL_PALE;
			ink = COL_OCRE;
			icon = ICON_SCHEDULE;
		} else if (m->status == MISSION_DONE) {
			bg = COL_VERT_PALE;
			ink = COL_VERT;
			icon = ICON_CHECK_CIRCLE;
		} else if (m->status == MISSION_TAKEN) {
			bg = ui_category_tint(CAT_BRICOLAGE);
			ink = COL_BLEU;
			icon = ICON_GROUP;
		}
		w = 12 + 22 + 8 + ui_text_width(ui, FONT_MEDIUM, 18, st) + 14;
		ui_rrect(ui, (UiRect){ x, y, w, 36 }, 18, bg);
		ui_icon(ui, x + 12 + 11, y + 18, 22, ink, icon);
		ui_text(ui, x + 12 + 22 + 8, y + 18 - th / 2, FONT_MEDIUM, 18, ink,
		        st);
	}
	return 36;
}

/* The left column: pills, title, description, poster, place, takers.
** The description takes the room the rest leaves. Returns the height. */
static int
mission_story(Ui *ui, const AppView *v, UiRect r)
{
	const Mission *m = &v->detail.mission;
	int y = r.y;
	int mh = ui_text_height(ui, FONT_REGULAR, 18);
	int tail = 0, room;
	char takers[300];

	y += mission_pills(ui, v, r.x, y) + 12;
	y += ui_text_box(ui, (UiRect){ r.x, y, r.w,
	                 2 * (ui_text_height(ui, FONT_BOLD, 28) + 2) },
	                 FONT_BOLD, 28, COL_ENCRE, ALIGN_LEFT, 2, m->d.title);
	y += 8;
	takers[0] = '\0';
	if (v->detail.n_takers_shown > 0) {
		size_t n = 0;

		for (int i = 0; i < v->detail.n_takers_shown && i < 4; i++) {
			ui_fmt(takers + n, sizeof takers - n, "%s%s",
			       i > 0 ? ", " : "", v->detail.takers[i]);
			n = strlen(takers);
		}
		tail += 36;
	}
	if (v->detail.poster_first[0] != '\0')
		tail += 36;
	if (m->d.place[0] != '\0')
		tail += 36;
	tail += 36;                     /* under-18s: always said */
	if (v->quote.mine[0] != '\0')
		tail += 2 * mh + 12;
	if (v->detail.take_pending[0] != '\0')
		tail += 2 * mh + 16;
	room = r.y + r.h - tail - 8 - y;
	/* Its poster knows the description: the quotes received instead. */
	if (room > 0 && v->quote.n_received > 0)
		y += mission_quotes(ui, v, (UiRect){ r.x, y, r.w, room }) + 12;
	else if (room > 0 && m->d.description[0] != '\0')
		y += mission_description(ui, v, (UiRect){ r.x, y, r.w, room }) + 12;
	if (v->detail.poster_first[0] != '\0') {
		const char *by = tr(v->lang, "mission.posted_by");
		char initial[8] = { 0 };
		size_t n = 1;
		int x;

		/* The first character of the first name, whole (UTF-8). */
		while (v->detail.poster_first[n] != '\0'
		       && ((unsigned char)v->detail.poster_first[n] & 0xC0) == 0x80)
			n++;
		memcpy(initial, v->detail.poster_first, n < 7 ? n : 7);
		ui_circle(ui, r.x + 14, y + 14, 14, ui_category_tint(CAT_COUTURE));
		{
			int iw = ui_text_width(ui, FONT_SEMIBOLD, 18, initial);
			ui_text(ui, r.x + 14 - iw / 2, y + 14 - mh / 2, FONT_SEMIBOLD,
			        18, ui_category_ink(CAT_COUTURE), initial);
		}
		x = r.x + 40;
		x += ui_text(ui, x, y + 14 - mh / 2, FONT_REGULAR, 18,
		             COL_ENCRE_DOUCE, by) + 6;
		ui_text_fit(ui, x, y + 14 - mh / 2, r.x + r.w - x, FONT_SEMIBOLD,
		            18, COL_ENCRE, ALIGN_LEFT, v->detail.poster_first);
		y += 36;
	}
	if (m->d.place[0] != '\0') {
		ui_icon(ui, r.x + 14, y + 14, 24, COL_TERRA, ICON_LOCATION_ON);
		ui_text_fit(ui, r.x + 40, y + 14 - mh / 2, r.w - 40, FONT_REGULAR,
		            18, COL_ENCRE_DOUCE, ALIGN_LEFT, m->d.place);
		y += 36;
	}
	if (ui_minors_chip(ui, r.x, y + 14, r.w, m->d.minors_ok,
	                   v->detail.mission_text.minors) > 0)
		y += 40;
	if (v->quote.mine[0] != '\0') {
		int used;

		ui_icon(ui, r.x + 14, y + 14, 24, COL_OCRE, ICON_REQUEST_QUOTE);
		used = ui_text_box(ui, (UiRect){ r.x + 40, y + 14 - mh / 2, r.w - 40,
		                   2 * mh + 4 }, FONT_MEDIUM, 18, COL_ENCRE,
		                   ALIGN_LEFT, 2, v->quote.mine);
		y += used > mh + 4 ? used + 12 : 36;
	}
	if (v->detail.take_pending[0] != '\0') {
		/* their take, made here, waits for the hub (docs/sync.md) */
		int used;

		ui_icon(ui, r.x + 14, y + 14, 24, COL_OCRE, ICON_SCHEDULE);
		used = ui_text_box(ui, (UiRect){ r.x + 40, y + 14 - mh / 2, r.w - 40,
		                   2 * mh + 4 }, FONT_MEDIUM, 18, COL_OCRE,
		                   ALIGN_LEFT, 2, v->detail.take_pending);
		y += used > mh + 4 ? used + 12 : 36;
	}
	if (takers[0] != '\0') {
		char line[360];

		ui_fmt(line, sizeof line, tr(v->lang, "mission.taken_by"), takers);
		ui_icon(ui, r.x + 14, y + 14, 24, COL_BLEU, ICON_GROUP);
		ui_text_fit(ui, r.x + 40, y + 14 - mh / 2, r.w - 40, FONT_MEDIUM,
		            18, COL_ENCRE, ALIGN_LEFT, line);
		y += 36;
	}
	return y - r.y;
}

/* The quotes its poster received: "Devis reçus : 2", then one row each
** (number and first name, the sum, the total with VAT) with "Accepter",
** which asks for the poster's badge. Returns the height used. */
static int
mission_quotes(Ui *ui, const AppView *v, UiRect r)
{
	int sh = ui_text_height(ui, FONT_BOLD, TYPE_SECTION);
	int mh = ui_text_height(ui, FONT_REGULAR, TYPE_META);
	int row_h = 2 * mh + 20, y = r.y;
	const char *accept = tr(v->lang, "quote.accept");
	int bw = ui_button_width(ui, BTN_PRIMARY, 48, 0, accept);

	ui_text_fit(ui, r.x, y, r.w, FONT_BOLD, TYPE_SECTION, COL_ENCRE,
	            ALIGN_LEFT, v->quote.received_title);
	y += sh + GAP_S;
	for (int i = 0; i < v->quote.n_received; i++) {
		const QuoteReceivedView *q = &v->quote.received[i];
		UiRect row = { r.x, y, r.w, row_h };
		char who[sizeof q->number + sizeof q->who + 8];
		int tx = r.x + GAP_M, tw = r.w - bw - 3 * GAP_M;

		if (y + row_h > r.y + r.h)
			break;
		ui_fmt(who, sizeof who, "%s · %s", q->number, q->who);
		ui_rrect_lip(ui, row, 12, COL_BLANC, COL_LINE, 2);
		ui_text_fit(ui, tx, y + 8, tw, FONT_SEMIBOLD, TYPE_META, COL_ENCRE,
		            ALIGN_LEFT, who);
		{
			/* The total first: what the poster will pay; then how. */
			int vw = ui_text(ui, tx, y + 10 + mh, FONT_BOLD, TYPE_META,
			                 COL_VERT, q->ttc);

			if (tw - vw - GAP_M > 60)
				ui_text_fit(ui, tx + vw + GAP_M, y + 10 + mh, tw - vw - GAP_M,
				            FONT_REGULAR, TYPE_META, COL_ENCRE_DOUCE,
				            ALIGN_LEFT, q->sum);
		}
		{
			UiRect b = { r.x + r.w - bw - GAP_M, y + (row_h - 48) / 2, bw,
			             48 };
			char name[sizeof q->number + 64];

			ui_button(ui, b, BTN_PRIMARY, 0, accept, ACT_QUOTE_ACCEPT, q->id);
			/* Said whole for a reader of the screen: which one. */
			ui_fmt(name, sizeof name, tr(v->lang, "quote.accept_n"),
			       q->number);
			ui_hit(ui, b, ACT_QUOTE_ACCEPT, q->id, name);
		}
		y += row_h + GAP_S;
	}
	return y - r.y;
}

/* The description, whole: what fits of it from view.detail.desc_line,
** and when it does not all fit, "Remonter" / "Lire la suite" under it
** (a page at a time, ACT_SCROLL_TO; a drag moves a line). Returns the
** height used. */
static int
mission_description(Ui *ui, const AppView *v, UiRect r)
{
	const char *d = v->detail.mission.d.description;
	int n = 0, lh, fit, first, bh = 48;
	UiRect text = r, bar;

	/* All of it, if it fits. */
	lh = ui_text_part(ui, layout_rect(r.x, r.y, r.w, 0), FONT_REGULAR, 20,
	                  COL_ENCRE, 0, d, &n);
	if (n * lh <= r.h) {
		ui_text_part(ui, layout_rect(r.x, r.y, r.w, n * lh), FONT_REGULAR,
		             20, COL_ENCRE, 0, d, &n);
		return n * lh;
	}
	bar = layout_cut_bottom(&text, bh);
	layout_cut_bottom(&text, 8);
	fit = text.h / lh;
	if (fit < 1)
		fit = 1;
	first = v->detail.desc_line;
	if (first > n - fit)
		first = n - fit;
	if (first < 0)
		first = 0;
	ui_text_part(ui, layout_rect(text.x, text.y, text.w, fit * lh),
	             FONT_REGULAR, 20, COL_ENCRE, first, d, &n);
	{
		const char *up = tr(v->lang, "mission.read_up");
		const char *more = tr(v->lang, "mission.read_more");
		int bw = ui_button_width(ui, BTN_SECONDARY, bh, ICON_ARROW_DOWNWARD,
		                         more);
		int uw = ui_button_width(ui, BTN_SECONDARY, bh, ICON_ARROW_UPWARD, up);
		char where[64];
		UiRect mid = bar;

		if (bw < uw)
			bw = uw;
		if (bw > (bar.w - GAP_S) / 2)
			bw = (bar.w - GAP_S) / 2;
		if (first > 0)
			ui_button(ui, layout_cut_left(&mid, bw), BTN_SECONDARY,
			          ICON_ARROW_UPWARD, up, ACT_SCROLL_TO,
			          first - fit > 0 ? first - fit : 0);
		else
			layout_cut_left(&mid, bw);
		if (first + fit < n)
			ui_button(ui, layout_cut_right(&mid, bw), BTN_SECONDARY,
			          ICON_ARROW_DOWNWARD, more, ACT_SCROLL_TO, first + fit);
		else
			layout_cut_right(&mid, bw);
		ui_fmt(where, sizeof where, tr(v->lang, "mission.read_where"),
		       (first + fit) * 100 / n);
		if (ui_text_width(ui, FONT_MEDIUM, TYPE_META, where) <= mid.w - 2 * GAP_S)
			ui_text(ui, mid.x + (mid.w - ui_text_width(ui, FONT_MEDIUM,
			        TYPE_META, where)) / 2, layout_middle_y(bar,
			        ui_text_height(ui, FONT_MEDIUM, TYPE_META)), FONT_MEDIUM,
			        TYPE_META, COL_ENCRE_DOUCE, where);
	}
	return r.h;
}

/* The facts panel: Quand, Durée, Rémunération, Places. */
static int
mission_facts(Ui *ui, const AppView *v, UiRect r)
{
	const Mission *m = &v->detail.mission;
	const AppCardText *t = &v->detail.mission_text;
	char places[64];
	struct { uint32_t icon; const char *key, *value; UiColor c; } rows[4];
	int row_h = (r.h - 8) / 4;
	int lh = ui_text_height(ui, FONT_REGULAR, 18);
	int vh = ui_text_height(ui, FONT_BOLD, 20);

	if (m->status != MISSION_OPEN && m->status != MISSION_TAKEN) {
		ui_fmt(places, sizeof places, "%s", t->places_total);
	} else if (m->n_takers > 0 && m->n_takers < m->d.places) {
		int left = m->d.places - m->n_takers;

		ui_fmt(places, sizeof places, tr(v->lang, left == 1
		       ? "mission.place_free" : "mission.places_free"), left,
		       m->d.places);
	} else if (m->n_takers >= m->d.places && m->d.places > 0) {
		ui_fmt(places, sizeof places, "%s", t->places);
	} else {
		ui_fmt(places, sizeof places, "%s", t->places_total);
	}
	rows[0].icon = ICON_EVENT;
	rows[0].key = tr(v->lang, "mission.when");
	rows[0].value = t->when;
	rows[0].c = COL_ENCRE;
	rows[1].icon = ICON_SCHEDULE;
	rows[1].key = tr(v->lang, "mission.duration");
	rows[1].value = t->duration[0] != '\0' ? t->duration
	                : tr(v->lang, "mission.duration_free");
	rows[1].c = COL_ENCRE;
	rows[2].icon = ICON_PAYMENTS;
	rows[2].key = tr(v->lang, "mission.reward");
	rows[2].value = t->reward;
	rows[2].c = m->d.reward_kind == REWARD_FIXED ? COL_VERT
	            : m->d.reward_kind == REWARD_TIP ? COL_OCRE : COL_ENCRE;
	rows[3].icon = ICON_GROUP;
	rows[3].key = tr(v->lang, "mission.places");
	rows[3].value = places;
	rows[3].c = COL_ENCRE;

	ui_rrect_lip(ui, r, 16, COL_BLANC, COL_LINE, 2);
	for (int i = 0; i < 4; i++) {
		int y = r.y + 4 + i * row_h, cy = y + row_h / 2;
		int kw = ui_text_width(ui, FONT_REGULAR, 18, rows[i].key);

		if (i > 0)
			ui_hline(ui, r.x + 16, y, r.w - 32, COL_LINE);
		ui_icon(ui, r.x + 16 + 12, cy, 24, COL_ENCRE_DOUCE, rows[i].icon);
		ui_text(ui, r.x + 56, cy - lh / 2, FONT_REGULAR, 18, COL_ENCRE_DOUCE,
		        rows[i].key);
		ui_text_fit(ui, r.x + 56 + kw + 12, cy - vh / 2,
		            r.w - 56 - kw - 12 - 16, FONT_BOLD, 20, rows[i].c,
		            ALIGN_RIGHT, rows[i].value);
	}
	return r.h;
}

/* What the session may do, most important first. */
static int
mission_collect(const AppView *v, MissionAct acts[5])
{
	int n = 0;

	/* "Prix à discuter": a quote first, taking it as it is second. */
	if (v->quote.can_quote)
		acts[n++] = (MissionAct){ ACT_QUOTE, BTN_PRIMARY, ICON_REQUEST_QUOTE,
		                          tr(v->lang, "mission.quote") };
	if (v->detail.can_take) {
		UiButtonStyle st = n == 0 ? BTN_PRIMARY : BTN_SECONDARY;

		acts[n++] = (MissionAct){ ACT_TAKE, st, ICON_HANDSHAKE,
		                          tr(v->lang, "mission.take") };
	}
	if (v->detail.can_done) {
		UiButtonStyle st = n == 0 ? BTN_GREEN : BTN_SECONDARY;

		acts[n++] = (MissionAct){ ACT_MARK_DONE, st, ICON_CHECK_CIRCLE,
		                          tr(v->lang, "mission.done") };
	}
	if (v->detail.can_release)
		acts[n++] = (MissionAct){ ACT_RELEASE, BTN_SECONDARY, ICON_LOGOUT,
		                          tr(v->lang, "mission.release") };
	if (v->detail.can_cancel)
		acts[n++] = (MissionAct){ ACT_CANCEL_MISSION, BTN_SECONDARY,
		                          ICON_CLOSE, tr(v->lang, "mission.cancel") };
	return n;
}

static void
mission_actions(Ui *ui, const AppView *v, UiRect r)
{
	MissionAct acts[5];
	int n = mission_collect(v, acts);
	int y = r.y, big = n == 1 ? 64 : 58, mh = ui_text_height(ui,
	    FONT_REGULAR, 18);

	if (n == 0) {
		const Mission *m = &v->detail.mission;
		const char *why = NULL;

		if (m->status == MISSION_OPEN)
			why = tr(v->lang, "mission.note_open");
		else if (m->status == MISSION_TAKEN)
			why = tr(v->lang, "mission.note_taken");
		else if (m->status == MISSION_PENDING)
			why = tr(v->lang, "mission.note_pending");
		else if (m->status == MISSION_DONE)
			why = tr(v->lang, "mission.note_done");
		else
			why = tr(v->lang, "mission.note_closed");
		ui_text_box(ui, (UiRect){ r.x + 8, r.y + 4, r.w - 16, 3 * (mh + 4) },
		            FONT_REGULAR, 18, COL_ENCRE_DOUCE, ALIGN_CENTER, 3, why);
		return;
	}
	if (r.h < big + 32 + (n - 1) * 60)
		big = 56;
	ui_button(ui, (UiRect){ r.x, y, r.w, big }, acts[0].style, acts[0].icon,
	          acts[0].label, acts[0].action, 0);
	y += big + 10;
	if (n > 1) {
		/* The others share one row. */
		int bw = (r.w - (n - 2) * 8) / (n - 1);

		for (int i = 1; i < n; i++)
			ui_button(ui, (UiRect){ r.x + (i - 1) * (bw + 8), y, bw, 52 },
			          acts[i].style, 0, acts[i].label, acts[i].action, 0);
		y += 52 + 10;
	}
	if (y + mh <= r.y + r.h)
		mission_note(ui, r.x, y + mh / 2 + 2, r.w, ICON_CONTACTLESS,
		             COL_TERRA, tr(v->lang, "mission.badge_after"));
}

/* A small icon in a coloured dot, then a line of text, centred. */
static void
mission_note(Ui *ui, int x, int cy, int w, uint32_t icon, UiColor icon_bg,
             const char *text)
{
	int mh = ui_text_height(ui, FONT_REGULAR, 18);
	int tw = ui_text_width(ui, FONT_REGULAR, 18, text);
	int total = 24 + 8 + tw, sx;

	if (total > w)
		total = w;
	sx = x + (w - total) / 2;
	ui_icon(ui, sx + 12, cy, 24, icon_bg, icon);
	ui_text_fit(ui, sx + 32, cy - mh / 2, total - 32, FONT_REGULAR, 18,
	            COL_ENCRE_DOUCE, ALIGN_LEFT, text);
}

/* One fact of the confirmation: an icon, "Quand" in grey, the value in
** bold, wrapped (never cut). Returns the height used. */
static int
outcome_fact(Ui *ui, UiRect r, uint32_t icon, const char *key,
             const char *value)
{
	int lh = ui_text_height(ui, FONT_SEMIBOLD, 20);
	int kw = key != NULL ? ui_text_width(ui, FONT_REGULAR, 20, key) + 10 : 0;
	int hh;

	ui_icon(ui, r.x + 14, r.y + lh / 2, 24, COL_ENCRE_DOUCE, icon);
	if (key != NULL)
		ui_text(ui, r.x + 40, r.y, FONT_REGULAR, 20, COL_ENCRE_DOUCE, key);
	hh = ui_text_box(ui, (UiRect){ r.x + 40 + kw, r.y, r.w - 40 - kw,
	                 4 * (lh + 2) }, FONT_SEMIBOLD, 20, COL_ENCRE, ALIGN_LEFT,
	                 4, value);
	return (hh > lh ? hh : lh) + 12;
}

/* The outcome of taking the mission, in a white panel under the bar. */
static void
mission_outcome(Ui *ui, const AppView *v)
{
	const Mission *m = &v->detail.mission;
	const AppCardText *t = &v->detail.mission_text;
	int w = ui_width(ui), h = ui_height(ui), narrow = ui_portrait(ui) || w < 640;
	int taken = v->detail.outcome == OUTCOME_TAKEN;
	int pw = w - 2 * M > 760 ? 760 : w - 2 * M;
	int bh = h >= 900 ? 72 : 60, th = ui_text_height(ui, FONT_BOLD, 26);
	int n_btn = taken ? 2 : v->detail.outcome_next != ACT_NONE ? 2 : 1;
	int stacked = narrow || !taken;     /* a long next step: its own row */
	int btn_h = stacked ? n_btn * (bh + 10) : bh + 10;
	UiRect panel = { (w - pw) / 2, 64 + (h >= 900 ? 48 : 14), pw, 0 };
	UiRect body, btns;
	char when[120];
	int y;

	panel.h = h - panel.y - (h >= 900 ? 48 : 14);
	ui_rrect_lip(ui, panel, 20, COL_BLANC, COL_LINE, 2);
	body = layout_inset4(panel, 20, 24, 20, 24);
	btns = layout_cut_bottom(&body, btn_h);
	y = body.y;
	ui_circle(ui, body.x + 22, y + th / 2, 22,
	          taken ? COL_VERT_PALE : COL_TERRA_PALE);
	ui_icon(ui, body.x + 22, y + th / 2, 28, taken ? COL_VERT : COL_TERRA,
	        taken ? ICON_CHECK_CIRCLE : ICON_INFO);
	y += ui_text_box(ui, (UiRect){ body.x + 56, y, body.w - 56, 2 * (th + 2) },
	                 FONT_BOLD, 26, COL_ENCRE, ALIGN_LEFT, 2,
	                 v->detail.outcome_title) + 14;
	if (taken) {
		UiRect r = { body.x, y, body.w, body.y + body.h - y };

		if (t->duration[0] != '\0')
			ui_fmt(when, sizeof when, "%s · %s", t->when, t->duration);
		else
			ui_fmt(when, sizeof when, "%s", t->when);
		r.y += outcome_fact(ui, r, ICON_ASSIGNMENT, NULL, m->d.title);
		r.y += outcome_fact(ui, r, ICON_EVENT, tr(v->lang, "mission.when"),
		                    when);
		if (m->d.place[0] != '\0')
			r.y += outcome_fact(ui, r, ICON_LOCATION_ON,
			                    tr(v->lang, "mission.where"), m->d.place);
		r.y += outcome_fact(ui, r, ICON_PERSON, NULL, v->detail.outcome_ask);
		if (v->detail.take_pending[0] != '\0')   /* the hub has not said */
			outcome_fact(ui, r, ICON_SCHEDULE, NULL,
			             tr(v->lang, "app.sync.take_pending_why"));
		else
			outcome_fact(ui, r, ICON_LIGHTBULB, NULL,
			             tr(v->lang, "app.take.find_it"));
	} else {
		y += outcome_fact(ui, (UiRect){ body.x, y, body.w, body.y + body.h - y },
		                  ICON_ASSIGNMENT, NULL, m->d.title);
		ui_text_box(ui, (UiRect){ body.x, y, body.w, body.y + body.h - y },
		            FONT_REGULAR, 22, COL_ENCRE, ALIGN_LEFT, 4,
		            v->detail.outcome_reason);
	}
	/* The buttons: side by side, the primary on the right; stacked in
	** portrait and for a refusal's next step, the primary on top. */
	{
		OutcomeBtn b[2];
		int n = 0;

		if (taken) {
			b[n++] = (OutcomeBtn){ BTN_SECONDARY, ICON_ASSIGNMENT,
			          tr(v->lang, "ui.home.my_missions"), ACT_MY_MISSIONS };
			b[n++] = (OutcomeBtn){ BTN_PRIMARY, ICON_CHECK,
			          tr(v->lang, "ui.done"), ACT_HOME };
		} else {
			b[n++] = (OutcomeBtn){ BTN_SECONDARY, ICON_CHECK,
			          tr(v->lang, "ui.done"), ACT_HOME };
			if (v->detail.outcome_next != ACT_NONE)
				b[n++] = (OutcomeBtn){ BTN_PRIMARY, ICON_ARROW_FORWARD,
				          v->detail.outcome_next_label,
				          v->detail.outcome_next };
		}
		btns = layout_inset4(btns, 10, 0, 0, 0);
		for (int i = 0; i < n; i++) {
			UiRect r;

			if (stacked)
				r = layout_rect(btns.x, btns.y + (n - 1 - i) * (bh + 10),
				                btns.w, bh);
			else if (n == 1)
				r = layout_rect(btns.x + btns.w / 2, btns.y, btns.w / 2, bh);
			else
				r = layout_column(layout_rect(btns.x, btns.y, btns.w, bh),
				                  2, GAP_M, i);
			if (ui_button_width(ui, b[i].st, bh, b[i].icon, b[i].label) <= r.w)
				ui_button(ui, r, b[i].st, b[i].icon, b[i].label, b[i].act, 0);
			else
				outcome_button2(ui, r, &b[i]);
		}
	}
}

/* A label too long for one line (portrait: "Voir les missions ouvertes
** aux moins de 18 ans") goes on two, cut at the space nearest its
** middle: whole words, never an ellipsis. */
static void
outcome_button2(Ui *ui, UiRect r, const OutcomeBtn *b)
{
	char first[200];
	size_t n = strlen(b->label), best = 0, mid = n / 2;

	for (size_t i = 1; i < n && i < sizeof first; i++)
		if (b->label[i] == ' ' && (best == 0 ||
		    (i > mid ? i - mid : mid - i) < (best > mid ? best - mid : mid - best)))
			best = i;
	if (best == 0) {
		ui_button(ui, r, b->st, b->icon, b->label, b->act, 0);
		return;
	}
	memcpy(first, b->label, best);
	first[best] = '\0';
	ui_button2(ui, r, b->st, b->icon, first, b->label + best + 1, b->act, 0);
}
