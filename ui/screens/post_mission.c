/* screens/post_mission.c -- posting a mission in under a minute.
** Six steps, one question each (title, description, category, when,
** duration and people, reward), then a preview and "Publier". The tabs
** on top jump to any step (ACT_FIELD). Text steps type on the on-screen
** keyboard, whose enter key says "Suivant →"; the other steps are big
** chips. What the core refuses is said next to the field, in Terracotta,
** and the text typed so far stays. When the space requires it, the
** preview says a facilitator will approve the mission first. */
#include <string.h>

#include "i18n.h"
#include "post_steps.h"
#include "ui.h"
#include "widgets.h"

#define NAV_H   56

static void post_draw(Ui *ui, const AppView *v);
static void post_top(Ui *ui, const AppView *v, int w);
static void post_step_label(const AppView *v, char *label, size_t labellen);
static void post_header(Ui *ui, const AppView *v, int x, int y, int w,
                        char *label, size_t labellen);
static void post_text_step(Ui *ui, const AppView *v, int w, int h);
static void post_nav(Ui *ui, const AppView *v, int w, int h);
static int  post_error_line(Ui *ui, const AppView *v, int x, int y, int w);
static void post_preview(Ui *ui, const AppView *v, int w, int h);
static void post_draft_card(Ui *ui, const AppView *v, UiRect r);
static int  post_starts(Ui *ui, const AppView *v, UiRect r);

const ScreenOps post_mission_screen = { "post-mission", post_draw };

static void
post_draw(Ui *ui, const AppView *v)
{
	int w = ui_width(ui), h = ui_height(ui);

	ui_fill(ui, layout_rect(0, 0, w, h), COL_CREME);
	post_top(ui, v, w);
	/* Unless a step says better: a lost reader is said over the step's
	** line, left of its counter, where the tabs and the field are not. */
	ui_reader_banner_at(ui, (UiRect){ w - MARGIN - 96, TOP_BAR_H + 4, 0, 32 });
	if (v->post.post_step == POST_PREVIEW) {
		post_preview(ui, v, w, h);
	} else if (v->post.post_step <= POST_DESCRIPTION
	           || (v->kbd_visible && v->post.field.max_chars > 0)) {
		post_text_step(ui, v, w, h);
	} else {
		char label[160];
		int y = TOP_BAR_H + GAP_L;
		UiRect body;

		post_header(ui, v, MARGIN, y, w - 2 * MARGIN, label, sizeof label);
		y += 30;
		/* The step's refusal; by the field where there is one, but the
		** reward step's questions are more than its small amount box. */
		if (v->post.field.max_chars == 0 || v->post.post_step == POST_REWARD)
			y += post_error_line(ui, v, MARGIN, y, w - 2 * MARGIN);
		/* Under the step's line, over the nav bar and its margins. */
		body = layout_inset4(layout_rect(0, 0, w, h), y + GAP_S, MARGIN,
		                     NAV_H + 2 * MARGIN, MARGIN);
		if (v->post.post_step == POST_CATEGORY)
			post_category(ui, v, body);
		else if (v->post.post_step == POST_WHEN)
			post_when(ui, v, body);
		else if (v->post.post_step == POST_DURATION)
			post_duration(ui, v, body);
		else
			post_reward(ui, v, body);
		post_nav(ui, v, w, h);
	}
	ui_wait_overlay(ui, v);
	if (v->post.confirm_discard)
		ui_dialog(ui, tr(v->lang, "post.discard.title"), "",
		          tr(v->lang, "post.discard.body"),
		          tr(v->lang, "post.discard.yes"), ACT_DISCARD, 1,
		          tr(v->lang, "post.discard.no"), ACT_DISCARD, 0);
}

/* The title step before typing: the draft kept from last time ("Vous
** aviez commencé : ...", Reprendre / Nouvelle mission), or the poster's
** earlier missions (a row) and the usual jobs (the rows left) as chips,
** each a start; a chip that does not fit whole is not shown. Returns
** the height used. */
static int
post_starts(Ui *ui, const AppView *v, UiRect r)
{
	int y = r.y, mh = ui_text_height(ui, FONT_SEMIBOLD, TYPE_META);

	if (v->post.draft_offer) {
		char line[sizeof v->post.draft_offer_title + 64];
		int nw = ui_button_width(ui, BTN_SECONDARY, 56, 0,
		                         tr(v->lang, "post.draft.new"));
		int rw = ui_button_width(ui, BTN_PRIMARY, 56, 0,
		                         tr(v->lang, "post.draft.resume"));
		int side = r.w >= 700, bw = nw > rw ? nw : rw;

		if (!side || bw < 200)
			bw = side ? 200 : r.w - 24;   /* narrow: one under the other */
		int ph = side ? 80 : 2 * 56 + GAP_M + 2 * mh + 24 + 12;
		UiRect p = { r.x, y, r.w, ph };

		ui_fmt(line, sizeof line, tr(v->lang, "post.draft.offer"),
		       v->post.draft_offer_title);
		ui_rrect_lip(ui, p, 12, COL_SOLEIL_PALE, COL_LINE, 2);
		if (side) {
			ui_text_box(ui, (UiRect){ p.x + 16, p.y + 10, p.w - 2 * bw - 56,
			            p.h - 20 }, FONT_SEMIBOLD, TYPE_META, COL_ENCRE,
			            ALIGN_LEFT, 2, line);
			ui_button(ui, (UiRect){ p.x + p.w - 2 * bw - 24, p.y + 12, bw, 56 },
			          BTN_SECONDARY, 0, tr(v->lang, "post.draft.new"),
			          ACT_DRAFT_RESUME, 0);
			ui_button(ui, (UiRect){ p.x + p.w - bw - 12, p.y + 12, bw, 56 },
			          BTN_PRIMARY, 0, tr(v->lang, "post.draft.resume"),
			          ACT_DRAFT_RESUME, 1);
		} else {
			ui_text_box(ui, (UiRect){ p.x + 12, p.y + 8, p.w - 24, 2 * mh + 8 },
			            FONT_SEMIBOLD, TYPE_META, COL_ENCRE, ALIGN_LEFT, 2, line);
			ui_button(ui, (UiRect){ p.x + 12, p.y + p.h - 56 - 10, bw, 56 },
			          BTN_SECONDARY, 0, tr(v->lang, "post.draft.new"),
			          ACT_DRAFT_RESUME, 0);
			ui_button(ui, (UiRect){ p.x + 12, p.y + p.h - 2 * 56 - GAP_M - 10,
			          bw, 56 }, BTN_PRIMARY, 0,
			          tr(v->lang, "post.draft.resume"), ACT_DRAFT_RESUME, 1);
		}
		y += ph + GAP_M;
	} else {
		const char *labels[APP_N_USUAL];
		int args[APP_N_USUAL];
		int n, rows;

		if (v->post.n_templates > 0) {
			ui_text_fit(ui, r.x, y, r.w, FONT_SEMIBOLD, TYPE_META, COL_ENCRE,
			            ALIGN_LEFT, tr(v->lang, "post.templates"));
			y += mh + 8;
			for (int i = 0; i < v->post.n_templates; i++) {
				labels[i] = v->post.template_title[i];
				args[i] = (int)v->post.template_id[i];
			}
			n = post_chips_fit(ui, r.w, v->post.n_templates, labels, 1);
			y = post_chips(ui, (UiRect){ r.x, y, r.w, 0 }, n, labels, args,
			               -1, ACT_TEMPLATE) + GAP_M;
		}
		/* The usual jobs, in as many whole rows as are left. */
		rows = (r.y + r.h - y - mh - 8 + 12) / (CHIP_H + 12);
		if (v->post.n_usual > 0 && rows > 0) {
			ui_text_fit(ui, r.x, y, r.w, FONT_SEMIBOLD, TYPE_META, COL_ENCRE,
			            ALIGN_LEFT, tr(v->lang, v->post.n_templates > 0
			                           ? "post.usual" : "post.usual.first"));
			y += mh + 8;
			for (int i = 0; i < v->post.n_usual; i++) {
				labels[i] = v->post.usual_title[i];
				args[i] = (int)v->post.usual_id[i];
			}
			n = post_chips_fit(ui, r.w, v->post.n_usual, labels, rows);
			y = post_chips(ui, (UiRect){ r.x, y, r.w, 0 }, n, labels, args,
			               -1, ACT_TEMPLATE) + GAP_M;
		}
	}
	return y - r.y;
}


/* "× Annuler" | Titre Description Catégorie Quand Durée Rémunération.
** A narrow screen has no room for the tabs: it names the form instead. */
static void
post_top(Ui *ui, const AppView *v, int w)
{
	const char *cancel = tr(v->lang, "post.cancel");
	int bw = 16 + 24 + 10 + ui_text_width(ui, FONT_SEMIBOLD, TYPE_BODY, cancel) + 12;
	int x = 4 + bw + 12, tabs_w = 0, pad = 14;
	int th = ui_text_height(ui, FONT_SEMIBOLD, TYPE_META);
	char key[32];

	ui_fill(ui, (UiRect){ 0, 0, w, TOP_BAR_H }, COL_BLANC);
	ui_hline(ui, 0, TOP_BAR_H, w, COL_LINE);
	ui_button(ui, (UiRect){ 4, 8, bw, 48 }, BTN_QUIET, ICON_CLOSE, cancel,
	          ACT_BACK, 0);
	ui_fill(ui, (UiRect){ x - 6, 16, 2, 32 }, COL_LINE);
	for (int s = 0; s < POST_PREVIEW; s++) {
		ui_fmt(key, sizeof key, "post.tab.%d", s);
		tabs_w += ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, tr(v->lang, key))
		          + 2 * pad;
	}
	while (pad > 6 && x + tabs_w > w - 8) {
		tabs_w -= 2 * POST_PREVIEW;
		pad--;
	}
	if (x + tabs_w > w - 8) {
		ui_text_fit(ui, x + 8, TOP_BAR_H / 2 - ui_text_height(ui, FONT_BOLD,
		            TYPE_SECTION) / 2, w - x - 16, FONT_BOLD, TYPE_SECTION, COL_ENCRE,
		            ALIGN_LEFT, tr(v->lang, "post.title"));
		return;
	}
	for (int s = 0; s < POST_PREVIEW; s++) {
		const char *t;
		int tw, sel = (int)v->post.post_step == s;
		UiRect r;

		ui_fmt(key, sizeof key, "post.tab.%d", s);
		t = tr(v->lang, key);
		tw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, t);
		r = (UiRect){ x, 10, tw + 2 * pad, 44 };
		if (sel)
			ui_rrect(ui, r, 22, COL_ENCRE);
		ui_text(ui, x + pad, 32 - th / 2, FONT_SEMIBOLD, TYPE_META,
		        sel ? COL_BLANC : COL_ENCRE_DOUCE, t);
		ui_hit(ui, (UiRect){ r.x, 8, r.w, 48 }, ACT_FIELD, s, t);
		x += r.w + 2;
	}
}

/* "Étape 1 sur 6 · Titre de la mission": the core's, or made here. */
static void
post_step_label(const AppView *v, char *label, size_t labellen)
{
	if (v->post.post_step_label[0] != '\0') {
		ui_fmt(label, labellen, "%s", v->post.post_step_label);
	} else {
		char key[32];

		ui_fmt(key, sizeof key, "post.step_title.%d", (int)v->post.post_step);
		ui_fmt(label, labellen, tr(v->lang, "post.step"),
		       (int)v->post.post_step + 1, (int)POST_PREVIEW, tr(v->lang, key));
	}
}

/* Draws the step's label (label is filled for reuse). */
static void
post_header(Ui *ui, const AppView *v, int x, int y, int w, char *label,
            size_t labellen)
{
	post_step_label(v, label, labellen);
	ui_text_fit(ui, x, y, w, FONT_SEMIBOLD, TYPE_META, COL_ENCRE, ALIGN_LEFT, label);
}

/* The step's refusal, in Terracotta with an icon; returns the height. */
static int
post_error_line(Ui *ui, const AppView *v, int x, int y, int w)
{
	int th = ui_text_height(ui, FONT_MEDIUM, TYPE_META);

	if (v->post.post_error[0] == '\0')
		return 0;
	ui_icon(ui, x + 11, y + th / 2, 22, COL_TERRA, ICON_INFO);
	/* Two lines on a narrow screen rather than a cut sentence. */
	if (ui_text_width(ui, FONT_MEDIUM, TYPE_META, v->post.post_error) > w - 30)
		return ui_text_box(ui, (UiRect){ x + 30, y, w - 30, 2 * (th + 2) },
		                   FONT_MEDIUM, TYPE_META, COL_TERRA, ALIGN_LEFT, 2,
		                   v->post.post_error) + 6;
	ui_text_fit(ui, x + 30, y, w - 30, FONT_MEDIUM, TYPE_META, COL_TERRA,
	            ALIGN_LEFT, v->post.post_error);
	return th + 6;
}

/* Title or description: the field, its hint or error, the keyboard. */
static void
post_text_step(Ui *ui, const AppView *v, int w, int h)
{
	TextFieldView f = v->post.field;
	char label[160];
	int kh = v->kbd_visible ? ui_keyboard_height(ui) : 0;
	int bottom = v->kbd_visible ? h - kh : h - NAV_H - 2 * MARGIN;
	int fx = MARGIN, fw = w - 2 * MARGIN, fy = TOP_BAR_H + 8 + 30;
	UiRect box;

	post_step_label(v, label, sizeof label);
	if (v->post.post_step <= POST_DESCRIPTION || f.label[0] == '\0')
		ui_fmt(f.label, sizeof f.label, "%s", label);
	/* else the field's own label: "Lieu (facultatif)", "Montant" */
	if (f.error[0] == '\0' && v->post.post_error[0] != '\0')
		ui_fmt(f.error, sizeof f.error, "%s", v->post.post_error);
	if (f.hint[0] == '\0') {
		char key[32];

		ui_fmt(key, sizeof key, "post.hint.%d", (int)v->post.post_step);
		ui_fmt(f.hint, sizeof f.hint, "%s", tr(v->lang, key));
	}
	f.focused = v->kbd_visible;
	/* Wide screens: the card as it will look, next to the field. */
	if (w >= 1100) {
		int cw = 420;

		fw = w - 2 * MARGIN - cw - 24;
		ui_text(ui, fx + fw + 24, TOP_BAR_H + 16, FONT_SEMIBOLD, TYPE_META,
		        COL_ENCRE_DOUCE, tr(v->lang, "post.preview_live"));
		post_draft_card(ui, v, (UiRect){ fx + fw + 24, fy, cw, UI_CARD_H });
	}
	/* A description being typed over the keyboard takes the hint's
	** line too (a refusal keeps it): more lines of it in sight. */
	if (f.multiline && v->kbd_visible && f.error[0] == '\0') {
		f.hint[0] = '\0';
		box = (UiRect){ fx, fy - 6, fw, bottom - 10 - (fy - 6) };
	} else
		box = (UiRect){ fx, fy, fw, bottom - 36 - fy };
	if (!f.multiline && box.h > 64)
		box.h = 64;
	if (!v->kbd_visible && v->post.post_step == POST_TITLE &&
	    (v->post.draft_offer || v->post.n_templates > 0 ||
	     v->post.n_usual > 0))
		post_starts(ui, v, (UiRect){ fx, fy + box.h + 36 + 8, fw,
		            bottom - (fy + box.h + 36 + 8) });
	if (v->post.post_step == POST_REWARD && box.w > 320)
		box.w = 320;           /* an amount */
	if (box.h < 48)
		box.h = 48;
	ui_text_field(ui, box, &f);
	ui_hit(ui, box, ACT_FOCUS, 1, f.label);
	/* Title and description go on to the next step; a place or an
	** amount typed in a chip step goes back to its chips ("OK"). */
	if (v->kbd_visible && v->post.post_step <= POST_DESCRIPTION)
		ui_keyboard_enter(ui, layout_rect(0, h - kh, w, kh), v,
		                  tr(v->lang, "post.next"), ACT_NEXT, 0);
	else if (v->kbd_visible)
		ui_keyboard_enter(ui, layout_rect(0, h - kh, w, kh), v,
		                  tr(v->lang, "kbd.ok"), ACT_FOCUS, 0);
	else
		post_nav(ui, v, w, h);
}

/* "← Précédent" and "Suivant →" at the bottom. */
static void
post_nav(Ui *ui, const AppView *v, int w, int h)
{
	int bw = w >= 700 ? 240 : (w - 2 * MARGIN - GAP_M) / 2;
	/* The nav bar: the buttons' row with a margin all round. */
	UiRect bar = layout_rect(0, h - NAV_H - 2 * MARGIN, w, NAV_H + 2 * MARGIN);
	UiRect row = layout_inset(bar, MARGIN, MARGIN);
	UiRect prev_r = layout_cut_left(&row, bw);
	UiRect next_r = layout_cut_right(&row, bw);
	const char *next = tr(v->lang, v->post.post_step == POST_REWARD
	                      ? "post.to_preview" : "post.next");

	ui_fill(ui, bar, COL_CREME);
	ui_hline(ui, 0, bar.y, w, COL_LINE);
	if (v->post.post_step > POST_TITLE)
		ui_button(ui, prev_r, BTN_SECONDARY, ICON_ARROW_BACK,
		          tr(v->lang, "post.prev"), ACT_PREV, 0);
	ui_button(ui, next_r, BTN_PRIMARY, ICON_ARROW_FORWARD, next, ACT_NEXT, 0);
	/* A lost reader is said between the two buttons, clear of the tabs. */
	ui_reader_banner_at(ui, layout_centre_y(row, 40));
}

/* The draft as the board will show it. The payment and the under-18s
** question have no default: until the poster answers, the card says
** neither (not the draft's placeholder "Pourboire" / adults only). */
static void
post_draft_card(Ui *ui, const AppView *v, UiRect r)
{
	MissionCard c;
	AppCardText t = v->post.draft_text;

	app_card_from_draft(&v->post.draft, &c);
	if (!v->post.reward_chosen)
		t.reward[0] = '\0';
	if (!v->post.minors_chosen)
		t.minors[0] = '\0';
	ui_mission_card(ui, r, &c, &t, 0);
}

/* The card as it will appear, the description, who may see it, and
** "Publier". */
static void
post_preview(Ui *ui, const AppView *v, int w, int h)
{
	const char *note = tr(v->lang, v->post.needs_approval ? "post.approval"
	                                                 : "post.direct");
	int portrait = ui_portrait(ui) || w < 640;
	int cw = portrait ? w - 2 * MARGIN : (w - 2 * MARGIN - 24) / 2;
	int y = TOP_BAR_H + 16, by = h - MARGIN - NAV_H;
	int lh = ui_text_height(ui, FONT_REGULAR, TYPE_BODY) + 4;
	int mh = ui_text_height(ui, FONT_MEDIUM, TYPE_META);
	int bw = w >= 700 ? 240 : (w - 2 * MARGIN - 12) / 2;
	int ny;

	if (cw > 520)
		cw = 520;
	ui_text_fit(ui, MARGIN, y, w - 2 * MARGIN, FONT_SEMIBOLD, TYPE_META, COL_ENCRE, ALIGN_LEFT,
	            tr(v->lang, "post.preview_title"));
	y += 30;
	y += post_error_line(ui, v, MARGIN, y, w - 2 * MARGIN);
	post_draft_card(ui, v, (UiRect){ MARGIN, y, cw, UI_CARD_H });
	if (portrait) {
		int dy = y + UI_CARD_H + 16;
		int lines = (by - 96 - 36 - 34 - dy) / lh, used = 0;

		if (lines > 0)
			used = ui_text_box(ui, (UiRect){ MARGIN, dy, w - 2 * MARGIN, lines * lh },
			                   FONT_REGULAR, TYPE_BODY, COL_ENCRE_DOUCE, ALIGN_LEFT,
			                   lines, v->post.draft.description);
		if (v->post.draft.place[0] != '\0') {
			int py = dy + used + 10;

			ui_icon(ui, MARGIN + 12, py + 14, 24, COL_TERRA, ICON_LOCATION_ON);
			ui_text_fit(ui, MARGIN + 32, py + 14 - mh / 2, w - 2 * MARGIN - 32,
			            FONT_MEDIUM, TYPE_META, COL_ENCRE, ALIGN_LEFT,
			            v->post.draft.place);
		}
	} else {
		int dx = MARGIN + cw + 24, dw = w - MARGIN - dx;
		int lines = (by - 16 - 52 - 16 - y - (v->post.draft.place[0] ? 36 : 0))
		            / lh;
		int used = 0;

		if (lines > 0)
			used = ui_text_box(ui, (UiRect){ dx, y, dw, lines * lh },
			                   FONT_REGULAR, TYPE_BODY, COL_ENCRE_DOUCE, ALIGN_LEFT,
			                   lines, v->post.draft.description);
		if (v->post.draft.place[0] != '\0') {
			int py = y + used + 10;

			ui_icon(ui, dx + 12, py + 14, 24, COL_TERRA, ICON_LOCATION_ON);
			ui_text_fit(ui, dx + 32, py + 14 - mh / 2, dw - 32, FONT_MEDIUM,
			            TYPE_META, COL_ENCRE, ALIGN_LEFT, v->post.draft.place);
		}
	}
	/* Who will see it, and when. */
	ny = by - 16 - (portrait ? 60 : 52);
	{
		UiRect nr = { MARGIN, ny, w - 2 * MARGIN, portrait ? 60 : 52 };

		ui_rrect(ui, nr, 12, v->post.needs_approval ? COL_SOLEIL_PALE
		                                       : COL_VERT_PALE);
		ui_icon(ui, nr.x + 26, nr.y + 26, 26,
		        v->post.needs_approval ? COL_OCRE : COL_VERT,
		        v->post.needs_approval ? ICON_SCHEDULE : ICON_CHECK_CIRCLE);
		/* Open to under-18s or not: the card says it, in the words of
		** the board and the detail (issue 11, item 2). */
		if (ui_text_width(ui, FONT_MEDIUM, TYPE_META, note) <= nr.w - 66)
			ui_text(ui, nr.x + 50, nr.y + 26 - mh / 2, FONT_MEDIUM, TYPE_META,
			        COL_ENCRE, note);
		else                   /* narrow: two lines */
			ui_text_box(ui, (UiRect){ nr.x + 50, nr.y + 2, nr.w - 60,
			            nr.h - 4 }, FONT_MEDIUM, TYPE_META, COL_ENCRE, ALIGN_LEFT,
			            2, note);
	}
	ui_fill(ui, (UiRect){ 0, by - MARGIN, w, NAV_H + 2 * MARGIN }, COL_CREME);
	ui_button(ui, (UiRect){ MARGIN, by, bw, NAV_H }, BTN_SECONDARY,
	          ICON_ARROW_BACK, tr(v->lang, "post.edit"), ACT_PREV, 0);
	ui_button(ui, (UiRect){ w - MARGIN - bw, by, bw, NAV_H }, BTN_PRIMARY,
	          ICON_CHECK, tr(v->lang, "post.publish"), ACT_PUBLISH, 0);
}
