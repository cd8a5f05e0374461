/* screens/accueil.c -- Accueil, the idle screen a passer-by sees.
** The space's name, a big clock and the date, today's contributive day,
** how many are here, and one primary action: "Voir les missions". The
** right-hand panel invites to tap a badge and points at the reader below
** the screen. No personal data ever shows here. On a big canvas (1080p)
** the clock grows a step and the newest missions appear; in portrait the
** same blocks stack in one column. A small shield at the foot of the
** badge panel is the facilitators' way in ("Espace animation"): it asks
** for their badge, which is then no check-in. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

#define PANEL_RING1 0xF8D5C5u
#define PANEL_RING2 0xF5C6B2u
#define DAY_LIP     0xEFDDAFu

static void accueil_draw(Ui *ui, const AppView *v);
static void accueil_header(Ui *ui, const AppView *v, int x, int y, int big);
static int  accueil_day(Ui *ui, const AppView *v, UiRect r, int big);
static int  accueil_present(Ui *ui, const AppView *v, int x, int y, int pill);
static void accueil_badge_panel(Ui *ui, const AppView *v, UiRect r, int big,
                                int one_line);
static void accueil_news(Ui *ui, const AppView *v, UiRect r);
static void accueil_lang(Ui *ui, const AppView *v, int right, int y);
static void accueil_staff(Ui *ui, const AppView *v, int x, int y);
static void accueil_see_button(Ui *ui, const AppView *v, UiRect r,
                               int with_count);
static void accueil_missions_button(Ui *ui, const AppView *v, UiRect r,
                                    int with_count);
static int  accueil_need(Ui *ui, int h, uint32_t icon, const char *label);

const ScreenOps accueil_screen = { "accueil", accueil_draw };

static void
accueil_header(Ui *ui, const AppView *v, int x, int y, int big)
{
	int logo = big ? 56 : 48;
	int ns = big ? 32 : 24, ts = big ? 21 : 18;

	ui_logo(ui, x, y, logo);
	ui_text(ui, x + logo + 14, y - (big ? 4 : 4), FONT_BOLD, ns, COL_ENCRE,
	        v->space_name);
	ui_text(ui, x + logo + 14, y + ui_text_height(ui, FONT_BOLD, ns) - 6,
	        FONT_REGULAR, ts, COL_ENCRE_DOUCE, v->space_tagline);
}

/* The contributive day card; without a day, a welcome card. Returns its
** height. */
static int
accueil_day(Ui *ui, const AppView *v, UiRect r, int big)
{
	char line[1024];
	int tile = big ? 64 : 48;
	int x = r.x + 16 + tile + 16;
	int ls = big ? 20 : 18, ts = big ? 26 : 22;
	int y;

	if (v->has_day) {
		ui_rrect_lip(ui, r, 16, COL_SOLEIL_PALE, DAY_LIP, 2);
		ui_rrect(ui, (UiRect){ r.x + 16, r.y + 16, tile, tile }, 12, COL_SOLEIL);
		ui_icon(ui, r.x + 16 + tile / 2, r.y + 16 + tile / 2, tile * 2 / 3,
		        COL_ENCRE, ICON_ROLLER);
		y = r.y + (big ? 16 : 12);
		ui_text_fit(ui, x, y, r.x + r.w - x - 16, FONT_SEMIBOLD, ls, COL_OCRE,
		            ALIGN_LEFT, tr(v->lang, big ? "ui.accueil.day_today"
		                                        : "ui.accueil.day"));
		y += ui_text_height(ui, FONT_SEMIBOLD, ls) + 2;
		if (v->day_hours[0])
			snprintf(line, sizeof line, "%s · %s", v->day_title, v->day_hours);
		else
			snprintf(line, sizeof line, "%s", v->day_title);
		ui_text_fit(ui, x, y, r.x + r.w - x - 16, FONT_BOLD, ts, COL_ENCRE,
		            ALIGN_LEFT, line);
		if (big) {
			y += ui_text_height(ui, FONT_BOLD, ts) + 10;
			ui_text_fit(ui, x, y, r.x + r.w - x - 16, FONT_REGULAR, 20,
			            COL_ENCRE, ALIGN_LEFT, tr(v->lang, "ui.accueil.day_note"));
		}
		return r.h;
	}
	ui_rrect_lip(ui, r, 16, COL_BLANC, COL_LINE, 2);
	ui_rrect(ui, (UiRect){ r.x + 16, r.y + 16, tile, tile }, 12, COL_VERT_PALE);
	ui_icon(ui, r.x + 16 + tile / 2, r.y + 16 + tile / 2, tile * 2 / 3,
	        COL_VERT, ICON_HANDSHAKE);
	y = r.y + (big ? 16 : 12);
	app_trf(v->lang, line, sizeof line, "ui.accueil.welcome", v->space_name);
	ui_text_fit(ui, x, y, r.x + r.w - x - 16, FONT_SEMIBOLD, ls, COL_VERT,
	            ALIGN_LEFT, line);
	y += ui_text_height(ui, FONT_SEMIBOLD, ls) + 2;
	ui_text_fit(ui, x, y, r.x + r.w - x - 16, FONT_BOLD, ts, COL_ENCRE,
	            ALIGN_LEFT, tr(v->lang, "ui.accueil.no_day"));
	if (big) {
		y += ui_text_height(ui, FONT_BOLD, ts) + 10;
		ui_text_fit(ui, x, y, r.x + r.w - x - 16, FONT_REGULAR, 20, COL_ENCRE,
		            ALIGN_LEFT, tr(v->lang, "ui.accueil.no_day_note"));
	}
	return r.h;
}

/* "**12 personnes** présentes": the count and its noun in bold. Returns
** the width drawn. */
static int
accueil_present(Ui *ui, const AppView *v, int x, int y, int pill)
{
	char bold[64];
	const char *rest = "";
	const char *s = v->present_text;
	int size = pill ? 22 : 20;
	UiRun runs[2];
	int w, th = ui_text_height(ui, FONT_BOLD, size);

	if (s[0] >= '0' && s[0] <= '9') {
		const char *sp = strchr(s, ' ');
		if (sp != NULL)
			sp = strchr(sp + 1, ' ');
		size_t n = sp != NULL ? (size_t)(sp - s) : strlen(s);
		if (n >= sizeof bold)
			n = sizeof bold - 1;
		memcpy(bold, s, n);
		bold[n] = '\0';
		rest = s + n;
	} else {
		bold[0] = '\0';
		rest = s;
	}
	runs[0] = (UiRun){ FONT_BOLD, bold };
	runs[1] = (UiRun){ FONT_REGULAR, rest };
	w = ui_text_runs_width(ui, size, runs, 2);
	if (pill) {
		/* x is the pill's right edge. */
		UiRect p = { x - (w + 36 + 32), y, w + 36 + 32, 52 };
		ui_rrect(ui, p, 26, COL_VERT_PALE);
		ui_icon(ui, p.x + 16 + 14, p.y + 26, 28, COL_VERT, ICON_GROUPS);
		ui_text_runs(ui, p.x + 16 + 36, p.y + (52 - th) / 2, size, COL_ENCRE,
		             runs, 2);
		return p.w;
	}
	ui_icon(ui, x + 14, y + th / 2, 26, COL_VERT, ICON_GROUPS);
	return 38 + ui_text_runs(ui, x + 38, y, size, COL_ENCRE, runs, 2);
}

static void
accueil_badge_panel(Ui *ui, const AppView *v, UiRect r, int big,
                    int one_line)
{
	int cx = r.x + r.w / 2;
	int r0 = big ? 140 : 100, r1 = big ? 108 : 78, r2 = big ? 76 : 56;
	int cy = r.y + (one_line ? r0 + 8 : (big ? 211 : 135));
	int ts = big ? 44 : 30;
	int th = ui_text_height(ui, FONT_BOLD, ts);
	int y = cy + r0 + (big ? 24 : 14);
	/* A lost reader is said plainly, with what to do instead; its
	** technical detail is for the facilitator's screen only. */
	const char *title = tr(v->lang, v->reader_ok ? "ui.accueil.badge_title"
	                                             : "ui.lost.title");
	const char *sub = tr(v->lang, v->reader_ok ? "ui.accueil.badge_sub"
	                                           : "ui.lost.sub");

	if (one_line)
		ts = 28;
	ui_rrect(ui, r, big ? 32 : 24, COL_TERRA_PALE);
	/* The rounded top-left corner only: square the others off. */
	ui_fill(ui, (UiRect){ r.x + r.w - 40, r.y, 40, r.h }, COL_TERRA_PALE);
	ui_fill(ui, (UiRect){ r.x, r.y + r.h - 40, r.w, 40 }, COL_TERRA_PALE);
	if (!v->reader_ok) {
		/* The reader's sign greyed, without its waves, under the banner:
		** the room goes to what to do instead. */
		int ss = big ? 22 : 18;
		cy = r.y + (big ? 72 : 56) + GAP_M + r2;
		ui_circle(ui, cx, cy, r2, COL_BORDER);
		ui_circle(ui, cx, cy, r2 / 2, COL_BLANC);
		ui_icon(ui, cx, cy, r2 * 3 / 4, COL_BORDER, ICON_CONTACTLESS);
		y = cy + r2 + GAP_L;
		y += ui_text_wrap(ui, (UiRect){ r.x + 16, y, r.w - 32, 2 * th },
		                  FONT_BOLD, ts, TYPE_SECTION, COL_ENCRE, ALIGN_CENTER,
		                  2, title);
		y += big ? 12 : 6;
		/* Down to the language and staff buttons in the corner. */
		int room = r.y + r.h - y - (one_line ? 8 : 48 + (big ? 16 : 12) + 4);
		int lines = room / (ss * 7 / 5);
		ui_text_wrap(ui, (UiRect){ r.x + 16, y, r.w - 32, room },
		             FONT_REGULAR, ss, TYPE_META, COL_ENCRE, ALIGN_CENTER,
		             lines > 1 ? lines : 1, sub);
		return;
	}
	{
		/* Drawn once, then copied: they never change. */
		const UiDisc rings[] = {
			{ 0, 0, r0, PANEL_RING1 }, { 0, 0, r1, PANEL_RING2 },
			{ 0, 4, r2, COL_TERRA_LIP }, { 0, 0, r2, COL_TERRA },
			{ 0, 0, r2 / 2, COL_BLANC },
		};
		ui_discs(ui, cx, cy, rings, 5, COL_TERRA_PALE);
	}
	ui_icon(ui, cx, cy, r2 * 3 / 4, COL_TERRA, ICON_CONTACTLESS);
	if (one_line) {
		ui_text_fit(ui, r.x + 16, y, r.w - 32, FONT_BOLD, ts, COL_ENCRE,
		            ALIGN_CENTER, title);
		y += ui_text_height(ui, FONT_BOLD, ts) + 4;
	} else {
		/* Narrow enough that the title breaks after its first word. */
		y += ui_text_box(ui, (UiRect){ r.x + 60, y, r.w - 120, 2 * th },
		                 FONT_BOLD, ts, COL_ENCRE, ALIGN_CENTER, 2, title);
		y += big ? 12 : 6;
	}
	ui_text_fit(ui, r.x + 16, y, r.w - 32, FONT_REGULAR, big ? 22 : 18,
	            COL_ENCRE_DOUCE, ALIGN_CENTER, sub);
	if (!one_line) {
		int ar = big ? 36 : 28;
		int ay = r.y + r.h - ar - (big ? 24 : 12);
		ui_circle(ui, cx, ay, ar, COL_TERRA);
		ui_icon(ui, cx, ay, ar, COL_BLANC, ICON_ARROW_DOWNWARD);
	}
}

/* The two newest open missions (big canvas only). */
static void
accueil_news(Ui *ui, const AppView *v, UiRect r)
{
	int n = v->accueil.n_news < 2 ? v->accueil.n_news : 2;
	int gap = 16, cw = (r.w - gap) / 2, ch = r.h - 34;
	int mh = ui_text_height(ui, FONT_REGULAR, 18);

	if (n == 0)
		return;
	ui_icon(ui, r.x + 12, r.y + 12, 24, COL_TERRA, ICON_AUTO_AWESOME);
	ui_text(ui, r.x + 32, r.y, FONT_SEMIBOLD, 20, COL_ENCRE_DOUCE,
	        tr(v->lang, "ui.accueil.news"));
	for (int i = 0; i < n; i++) {
		const MissionCard *c = &v->accueil.news[i];
		const AppCardText *t = &v->accueil.news_text[i];
		UiRect card = { r.x + i * (cw + gap), r.y + 34, cw, ch };
		char meta[160];
		ui_rrect_lip(ui, card, 16, COL_BLANC, COL_LINE, 2);
		ui_rrect(ui, (UiRect){ card.x + 12, card.y + (ch - 48) / 2, 48, 48 }, 12,
		         ui_category_tint(c->category));
		ui_icon(ui, card.x + 36, card.y + ch / 2, 28, ui_category_ink(c->category),
		        ui_category_icon(c->category));
		/* The title shrinks, then takes a second line: never cut short
		** of that (issue 11 item 9); the date stays at the bottom. */
		ui_text_fit_wrap(ui, (UiRect){ card.x + 72, card.y + 8, cw - 84,
		                               ch - 18 - mh },
		                 FONT_SEMIBOLD, 20, 16, COL_ENCRE, ALIGN_LEFT, 2,
		                 c->title);
		if (t->duration[0])
			snprintf(meta, sizeof meta, "%s · %s", t->when, t->duration);
		else
			snprintf(meta, sizeof meta, "%s", t->when);
		ui_text_fit(ui, card.x + 72, card.y + ch - 10 - mh, cw - 84,
		            FONT_REGULAR, 18, COL_ENCRE_DOUCE, ALIGN_LEFT, meta);
		ui_hit(ui, card, ACT_OPEN_MISSION, c->id, c->title);
	}
}

/* The other language, as a chip: "English" on the French screen. */
static void
accueil_lang(Ui *ui, const AppView *v, int right, int y)
{
	AppLang other = v->lang == LANG_FR ? LANG_EN : LANG_FR;
	const char *label = other == LANG_EN ? "English" : "Français";
	int cw = ui_text_width(ui, FONT_SEMIBOLD, 18, label) + 36;

	ui_button(ui, (UiRect){ right - cw, y, cw, 48 }, BTN_CHIP, 0, label,
	          ACT_LANG, other);
}

/* "Espace animation": an icon only, as discreet as a key on a ring. */
static void
accueil_staff(Ui *ui, const AppView *v, int x, int y)
{
	UiRect r = { x, y, 48, 48 };

	ui_button(ui, r, BTN_CHIP, ICON_ADMIN, NULL, ACT_FACILITATOR, 0);
	ui_hit(ui, r, ACT_FACILITATOR, 0, tr(v->lang, "ui.home.fac"));
}

/* "Voir les missions" and, beside it, "Proposer une mission" (then the
** badge: issue 11, item 13); "Voir les missions" loses its count, then
** "Proposer" is said short, then both are lower (56 px), then the two
** stand one over the other where that leaves each 48 px. A bare "+" is
** not read as "Proposer" by a first-time user: it is the last resort,
** after the buttons are measured to the pixel they draw (ui_button's
** own padding, narrower than ui_button_width's). Nothing is cut and no
** button is under 48 px. */
static void
accueil_missions_button(Ui *ui, const AppView *v, UiRect r, int with_count)
{
	const char *post = tr(v->lang, "ui.home.post");
	const char *post_short = tr(v->lang, "ui.home.post_short");
	const char *see = tr(v->lang, "ui.see_missions");
	int bh = r.h > 72 ? 72 : r.h;
	int pw = ui_button_width(ui, BTN_SECONDARY, bh, ICON_ADD, post);
	int sw = ui_button_width(ui, BTN_PRIMARY, bh, ICON_GRID_VIEW, see);
	UiRect post_r;

	if (pw + GAP_M + sw + (with_count ? 60 : 0) <= r.w) {
		post_r = layout_cut_right(&r, pw);
		layout_cut_right(&r, GAP_M);
	} else if (pw + GAP_M + sw <= r.w) {
		post_r = layout_cut_right(&r, pw);
		layout_cut_right(&r, GAP_M);
		with_count = 0;
	} else if ((pw = ui_button_width(ui, BTN_SECONDARY, bh, ICON_ADD,
	            post_short)) + GAP_M + sw <= r.w) {
		post = post_short;
		post_r = layout_cut_right(&r, pw);
		layout_cut_right(&r, GAP_M);
		with_count = 0;
	} else if ((pw = accueil_need(ui, bh, ICON_ADD, post_short)) + GAP_M
	           + accueil_need(ui, bh, ICON_GRID_VIEW, see) <= r.w) {
		/* As tall, measured as drawn: "Proposer" keeps its word. */
		post = post_short;
		post_r = layout_cut_right(&r, pw);
		layout_cut_right(&r, GAP_M);
		with_count = 0;
	} else if ((pw = accueil_need(ui, 56, ICON_ADD, post_short)) + GAP_M
	           + accueil_need(ui, 56, ICON_GRID_VIEW, see) <= r.w) {
		/* Lower buttons, still side by side and above 48 px. */
		r = layout_cut_bottom(&r, 56);
		post = post_short;
		post_r = layout_cut_right(&r, pw);
		layout_cut_right(&r, GAP_M);
		with_count = 0;
	} else if (r.h >= 2 * 48 + GAP_S) {
		int half = (r.h - GAP_S) / 2;

		post_r = layout_cut_bottom(&r, half);
		layout_cut_bottom(&r, GAP_S);
	} else {
		/* No room for two words: "+" alone, named for scripts and
		** screen readers, never under 48 px. */
		post_r = layout_cut_right(&r, r.h);
		layout_cut_right(&r, GAP_M);
		ui_button(ui, post_r, BTN_SECONDARY, ICON_ADD, NULL, ACT_POST, 0);
		ui_hit(ui, post_r, ACT_POST, 0, post);
		accueil_see_button(ui, v, r, 0);
		return;
	}
	ui_button(ui, post_r, BTN_SECONDARY, ICON_ADD, post, ACT_POST, 0);
	accueil_see_button(ui, v, r, with_count);
}

/* The width ui_button needs to draw an icon and label h px tall without
** cutting it: its label size for h, 16 px padding each side, the icon
** and its 10 px gap, and a pixel to spare. */
static int
accueil_need(Ui *ui, int h, uint32_t icon, const char *label)
{
	int size = h >= 90 ? 24 : h >= 54 ? 22 : 20;

	return 2 * 16 + (icon ? size + 6 + 10 : 0)
	       + ui_text_width(ui, FONT_SEMIBOLD, size, label) + 2;
}

static void
accueil_see_button(Ui *ui, const AppView *v, UiRect r, int with_count)
{
	char label[160];

	if (with_count && v->accueil.open_count > 0)
		snprintf(label, sizeof label, "%s · %d",
		         tr(v->lang, "ui.see_missions"), v->accueil.open_count);
	else
		snprintf(label, sizeof label, "%s", tr(v->lang, "ui.see_missions"));
	ui_button(ui, r, BTN_PRIMARY, ICON_GRID_VIEW, label, ACT_BOARD, 0);
}

static void
accueil_draw(Ui *ui, const AppView *v)
{
	UiRect screen = layout_rect(0, 0, ui_width(ui), ui_height(ui));
	UiRect page, panel, left, foot;
	int w = screen.w, h = screen.h;
	int big = !ui_portrait(ui) && h >= 640;

	ui_fill(ui, screen, COL_CREME);
	if (ui_portrait(ui)) {
		/* One column: name, clock, day, the badge panel, missions. */
		int m = MARGIN_WIDE, y = MARGIN_WIDE;
		accueil_header(ui, v, m, y, 0);
		y += 64;
		ui_text(ui, m - 4, y, FONT_BOLD, 96, COL_ENCRE, v->clock);
		y += ui_text_height(ui, FONT_BOLD, 96) - 4;
		ui_text(ui, m, y, FONT_MEDIUM, 26, COL_ENCRE, v->date_long);
		y += 48;
		y += accueil_day(ui, v, (UiRect){ m, y, w - 2 * m, 80 }, 0) + 18;
		accueil_present(ui, v, m, y, 0);
		/* Beside the count: the header is too narrow for it. */
		accueil_lang(ui, v, w - m, y - 12);
		y += 40;
		/* The panel down to a strip at the bottom for the missions. */
		page = screen;
		foot = layout_cut_bottom(&page, 104);
		layout_cut_top(&page, y);
		accueil_badge_panel(ui, v, page, 0, 1);
		ui_fill(ui, foot, COL_CREME);
		accueil_missions_button(ui, v, layout_inset4(foot, GAP_S, m, MARGIN_WIDE,
		                        m), 1);
		accueil_staff(ui, v, 16, y + 16);
		ui_reader_banner_at(ui, (UiRect){ 0, y + 16, w, 40 });
		ui_wait_overlay(ui, v);
		return;
	}
	if (big) {
		/* The badge panel on the right, the left column beside it. */
		int m = 32, lw;
		int y = 32;

		page = layout_inset4(screen, 32, 0, 0, 0);
		panel = layout_cut_right(&page, 424);
		left = layout_inset4(page, 0, 40, 32, m);
		lw = left.w;
		accueil_header(ui, v, m + 8, y + 2, 1);
		accueil_present(ui, v, m + lw, y, 1);
		y = 96;
		int cw = ui_text(ui, m, y, FONT_BOLD, 168, COL_ENCRE, v->clock);
		{
			/* "Mardi" over "10 décembre", beside the clock. */
			char day[64];
			const char *sp = strchr(v->date_long, ' ');
			size_t n = sp != NULL ? (size_t)(sp - v->date_long) : strlen(v->date_long);
			int ch = ui_text_height(ui, FONT_BOLD, 168);
			int dh = ui_text_height(ui, FONT_BOLD, 34);
			if (n >= sizeof day)
				n = sizeof day - 1;
			memcpy(day, v->date_long, n);
			day[n] = '\0';
			ui_text(ui, m + cw + 24, y + ch / 2 - dh + 8, FONT_BOLD, 34,
			        COL_ENCRE, day);
			if (sp != NULL)
				ui_text(ui, m + cw + 24, y + ch / 2 + 8, FONT_REGULAR, 34,
				        COL_ENCRE, sp + 1);
		}
		y = 300;
		accueil_day(ui, v, (UiRect){ m, y, lw, 126 }, 1);
		accueil_news(ui, v, (UiRect){ m, 448, lw, 126 });
		accueil_missions_button(ui, v, layout_cut_bottom(&left, 72), 1);
		accueil_badge_panel(ui, v, panel, 1, 0);
		/* Bottom right of the panel, clear of the name and the arrow. */
		accueil_lang(ui, v, w - 16, h - 16 - 48);
		accueil_staff(ui, v, w - 424 + 16, h - 16 - 48);
		ui_reader_banner_at(ui, (UiRect){ w - 424, 48, 424, 44 });
		ui_wait_overlay(ui, v);
		return;
	}
	{
		/* The badge panel on the right, the left column beside it. */
		int m = MARGIN_WIDE, lw;
		int y = 20;

		page = layout_inset4(screen, 20, 0, 0, 0);
		panel = layout_cut_right(&page, 320);
		left = layout_inset4(page, 0, m, 20, m);
		lw = left.w;
		accueil_header(ui, v, m, y, 0);
		y = 82;
		ui_text(ui, m - 6, y, FONT_BOLD, 112, COL_ENCRE, v->clock);
		y += ui_text_height(ui, FONT_BOLD, 112) - 8;
		ui_text(ui, m, y, FONT_MEDIUM, 28, COL_ENCRE, v->date_long);
		accueil_day(ui, v, (UiRect){ m, 264, lw, 78 }, 0);
		accueil_present(ui, v, m, 356, 0);
		accueil_missions_button(ui, v, layout_cut_bottom(&left, 72), 0);
		accueil_badge_panel(ui, v, panel, 0, 0);
		/* Bottom right of the panel, clear of the arrow to the reader. */
		accueil_lang(ui, v, w - 12, h - 12 - 48);
		accueil_staff(ui, v, w - 320 + 12, h - 12 - 48);
		ui_reader_banner_at(ui, (UiRect){ w - 320, 32, 320, 40 });
		ui_wait_overlay(ui, v);
	}
}
