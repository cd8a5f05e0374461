/* screens/post_steps.c -- the posting form's steps that are chosen
** rather than typed (post_steps.h): the category's tiles, when (with the
** place), how long and how many people, and the reward with the
** under-18s question; and the chips they are made of. */
#include <string.h>

#include "i18n.h"
#include "post_steps.h"
#include "widgets.h"

#define STEP_BTN 56     /* the stepper's - and + */

static void post_field_box(Ui *ui, const AppView *v, UiRect box);
static void post_stepper(Ui *ui, int x, int cy, const char *value,
                         AppAction act, int64_t minus, int64_t plus,
                         int can_minus, int can_plus, const char *less,
                         const char *more);
static int  post_yes_no(Ui *ui, const AppView *v, UiRect r, const char *q,
                        int chosen, int yes, AppAction act);

/* How many of the n chips post_chips lays out in w fit in max_rows. */
int
post_chips_fit(Ui *ui, int w, int n, const char *const *labels, int max_rows)
{
	int x = 0, row = 1;

	for (int i = 0; i < n; i++) {
		int cw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_BODY, labels[i]) + 48;

		if (x + cw > w && x > 0) {
			x = 0;
			if (++row > max_rows)
				return i;
		}
		if (cw > w)
			return i;        /* a chip wider than the row: none after */
		x += cw + 12;
	}
	return n;
}

/* "Ouverte aux moins de 18 ans ?" then Oui / Non, neither chosen until
** the person says. Returns the height used. */
static int
post_yes_no(Ui *ui, const AppView *v, UiRect r, const char *q, int chosen,
            int yes, AppAction act)
{
	const char *labels[2] = { tr(v->lang, "post.yes"), tr(v->lang, "post.no") };
	static const int args[2] = { 1, 0 };
	int th = ui_text_height(ui, FONT_SEMIBOLD, TYPE_BODY);
	int qw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_BODY, q);
	int sel = chosen ? (yes ? 0 : 1) : -1;
	int cw = 2 * 120 + 12;

	if (qw + 16 + cw <= r.w) {           /* one row: the question, then chips */
		ui_text(ui, r.x, r.y + (CHIP_H - th) / 2, FONT_SEMIBOLD, TYPE_BODY,
		        COL_ENCRE, q);
		post_chips(ui, (UiRect){ r.x + qw + 16, r.y, cw + 100, 0 }, 2, labels,
		           args, sel, act);
		return CHIP_H;
	}
	ui_text_fit(ui, r.x, r.y, r.w, FONT_SEMIBOLD, TYPE_BODY, COL_ENCRE,
	            ALIGN_LEFT, q);
	return th + 8 + post_chips(ui, (UiRect){ r.x, r.y + th + 8, r.w, 0 }, 2,
	                           labels, args, sel, act) - (r.y + th + 8);
}
/* Chips laid out in rows; returns the bottom. args[i] is sent. */
int
post_chips(Ui *ui, UiRect r, int n, const char *const *labels,
           const int *args, int selected_index, AppAction act)
{
	int x = r.x, y = r.y;

	for (int i = 0; i < n; i++) {
		int cw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_BODY, labels[i]) + 48;

		if (x + cw > r.x + r.w && x > r.x) {
			x = r.x;
			y += CHIP_H + 12;
		}
		ui_button(ui, (UiRect){ x, y, cw, CHIP_H }, i == selected_index
		          ? BTN_CHIP_SELECTED : BTN_CHIP, 0, labels[i], act,
		          args[i]);
		x += cw + 12;
	}
	return y + CHIP_H;
}

/* Seven tiles: the category's icon in its tint, and its name. */
void
post_category(Ui *ui, const AppView *v, UiRect r)
{
	int cols = r.w >= 700 ? 4 : 2, gap = 12;
	int tw = (r.w - (cols - 1) * gap) / cols;
	int rows = (CAT_COUNT + cols - 1) / cols;
	int th = (r.h - (rows - 1) * gap) / rows;
	int lh = ui_text_height(ui, FONT_SEMIBOLD, TYPE_BODY);

	if (th > 96)
		th = 96;
	for (int c = 0; c < CAT_COUNT; c++) {
		UiRect t = { r.x + (c % cols) * (tw + gap),
		             r.y + (c / cols) * (th + gap), tw, th };
		int sel = (int)v->post.draft.category == c;
		const char *name = app_category_label(v->lang, (MissionCategory)c);
		int sq = th - 24 > 44 ? 44 : th - 24;

		ui_rrect_lip(ui, t, 12, sel ? COL_ENCRE : COL_BLANC,
		             sel ? COL_ENCRE : COL_LINE, 2);
		ui_rrect(ui, (UiRect){ t.x + 12, t.y + (th - sq) / 2, sq, sq }, 12,
		         ui_category_tint(c));
		ui_icon(ui, t.x + 12 + sq / 2, t.y + th / 2, sq * 6 / 10,
		        ui_category_ink(c), ui_category_icon(c));
		ui_text_fit(ui, t.x + 12 + sq + 10, t.y + (th - lh) / 2,
		            t.w - sq - 30, FONT_SEMIBOLD, TYPE_BODY,
		            sel ? COL_BLANC : COL_ENCRE, ALIGN_LEFT, name);
		ui_hit(ui, t, ACT_SET_CATEGORY, c, name);
	}
}

void
post_when(Ui *ui, const AppView *v, UiRect r)
{
	const char *labels[WHEN_COUNT];
	int args[WHEN_COUNT], y;
	char key[32];

	for (int i = 0; i < WHEN_COUNT; i++) {
		ui_fmt(key, sizeof key, "post.when.%d", i);
		labels[i] = tr(v->lang, key);
		args[i] = i;
	}
	y = post_chips(ui, r, WHEN_COUNT, labels, args, (int)v->post.when,
	               ACT_SET_WHEN);
	/* The dates the choice means, on the step's line, right. */
	if (v->post.draft_text.when[0] != '\0') {
		int th = ui_text_height(ui, FONT_SEMIBOLD, TYPE_META);
		int tw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, v->post.draft_text.when);
		int ly = TOP_BAR_H + 16;

		ui_icon(ui, r.x + r.w - tw - 14, ly + th / 2, 22, COL_ENCRE_DOUCE,
		        ICON_EVENT);
		ui_text(ui, r.x + r.w - tw, ly, FONT_SEMIBOLD, TYPE_META, COL_VERT,
		        v->post.draft_text.when);
	}
	/* Where: typed when tapped. */
	if (v->post.field.max_chars > 0 && y + 24 + 28 + 56 + 30 <= r.y + r.h + 8)
		post_field_box(ui, v, (UiRect){ r.x, y + 16 + 28,
		               r.w > 560 ? 560 : r.w, 56 });
}

/* A step's small field (place, amount) shown unfocused among chips:
** tapping it opens the keyboard (ACT_FOCUS). */
static void
post_field_box(Ui *ui, const AppView *v, UiRect box)
{
	TextFieldView f = v->post.field;

	f.focused = 0;
	if (v->post.post_step == POST_REWARD &&
	    strcmp(f.error, v->post.post_error) == 0)
		f.error[0] = '\0';           /* said on the step's line */
	if (v->post.post_step == POST_REWARD)
		f.hint[0] = '\0';            /* the step's hint is for the chips */
	ui_text_field(ui, box, &f);
	ui_hit(ui, box, ACT_FOCUS, 1, f.label[0] != '\0' ? f.label : NULL);
}

/* How long, and how many people. */
void
post_duration(Ui *ui, const AppView *v, UiRect r)
{
	char text[APP_N_DURATIONS][32], n[32];
	const char *labels[APP_N_DURATIONS];
	int sel = -1, y, th = ui_text_height(ui, FONT_SEMIBOLD, TYPE_BODY);
	int places = v->post.draft.places;

	for (int i = 0; i < APP_N_DURATIONS; i++) {
		app_format_duration(v->lang, app_duration_choices_min[i], text[i],
		                    sizeof text[i]);
		labels[i] = text[i];
		if (v->post.draft.duration_min == app_duration_choices_min[i])
			sel = i;
	}
	y = post_chips(ui, r, APP_N_DURATIONS, labels,
	               app_duration_choices_min, sel, ACT_SET_DURATION);
	y += 24;
	ui_icon(ui, r.x + 14, y + 28, 28, COL_ENCRE_DOUCE, ICON_GROUP);
	ui_text(ui, r.x + 40, y + 28 - th / 2, FONT_SEMIBOLD, TYPE_BODY, COL_ENCRE,
	        tr(v->lang, "post.people"));
	ui_fmt(n, sizeof n, "%d", places);
	post_stepper(ui, r.x + 40 + ui_text_width(ui, FONT_SEMIBOLD, TYPE_BODY,
	             tr(v->lang, "post.people")) + 24, y + 28, n,
	             ACT_SET_PLACES, places - 1, places + 1, places > 1,
	             places < MISSION_PLACES_MAX, tr(v->lang, "post.people_less"),
	             tr(v->lang, "post.people_more"));
}

/* −  value  +  (each button 56 x 56). */
static void
post_stepper(Ui *ui, int x, int cy, const char *value, AppAction act,
             int64_t minus, int64_t plus, int can_minus, int can_plus,
             const char *less, const char *more)
{
	int vw = ui_text_width(ui, FONT_BOLD, TYPE_TITLE, value);
	int box = vw + 32 < 72 ? 72 : vw + 32;
	/* -, the value, + in a row STEP_BTN high, centred on cy. */
	UiRect row = layout_rect(x, cy - STEP_BTN / 2, 2 * STEP_BTN + box,
	                         STEP_BTN);
	UiRect less_r = layout_cut_left(&row, STEP_BTN);
	UiRect more_r = layout_cut_right(&row, STEP_BTN);

	/* Icon buttons; the hit regions on top say what they do. */
	if (can_minus) {
		ui_button(ui, less_r, BTN_SECONDARY, ICON_REMOVE, "", act, minus);
		ui_hit(ui, less_r, act, minus, less);
	} else
		ui_rrect(ui, less_r, RADIUS_BUTTON, COL_SABLE);
	ui_text(ui, row.x + (box - vw) / 2, cy - ui_text_height(ui, FONT_BOLD,
	        TYPE_TITLE) / 2, FONT_BOLD, TYPE_TITLE, COL_ENCRE, value);
	if (can_plus) {
		ui_button(ui, more_r, BTN_SECONDARY, ICON_ADD, "", act, plus);
		ui_hit(ui, more_r, act, plus, more);
	} else
		ui_rrect(ui, more_r, RADIUS_BUTTON, COL_SABLE);
}

/* Fixed price (with amounts), quote or tip; and "open to minors". */
void
post_reward(Ui *ui, const AppView *v, UiRect r)
{
	static const int kinds[3] = { REWARD_FIXED, REWARD_QUOTE, REWARD_TIP };
	static const uint32_t icons[3] = { ICON_PAYMENTS, ICON_REQUEST_QUOTE,
	                                   ICON_VOLUNTEER };
	int kw = (r.w - 24) / 3, y = r.y;
	char key[32];

	/* No choice made for the person: nothing selected until tapped. */
	for (int i = 0; i < 3; i++) {
		int sel = v->post.reward_chosen &&
		          (int)v->post.draft.reward_kind == kinds[i];
		const char *t;

		ui_fmt(key, sizeof key, "post.kind.%d", kinds[i]);
		t = tr(v->lang, key);
		ui_button(ui, (UiRect){ r.x + i * (kw + 12), y, kw, CHIP_H },
		          sel ? BTN_CHIP_SELECTED : BTN_CHIP, icons[i], t,
		          ACT_SET_REWARD_KIND, kinds[i]);
	}
	y += CHIP_H + 16;
	if (v->post.reward_chosen && v->post.draft.reward_kind == REWARD_FIXED) {
		char text[APP_N_REWARD_PRESETS][32];
		const char *labels[APP_N_REWARD_PRESETS];
		int sel = -1, cents = v->post.draft.reward_cents, x;

		for (int i = 0; i < APP_N_REWARD_PRESETS; i++) {
			app_format_reward(v->lang, REWARD_FIXED,
			                  app_reward_presets_cents[i], text[i],
			                  sizeof text[i]);
			labels[i] = text[i];
			if (cents == app_reward_presets_cents[i])
				sel = i;
		}
		/* The presets, then the amount itself, typed for any other price
		** (below them on a narrow screen). */
		x = r.x;
		if (r.w < 600) {
			int args[APP_N_REWARD_PRESETS];

			for (int i = 0; i < APP_N_REWARD_PRESETS; i++)
				args[i] = app_reward_presets_cents[i];
			y = post_chips(ui, (UiRect){ r.x, y, r.w, 0 },
			               APP_N_REWARD_PRESETS, labels, args, sel,
			               ACT_SET_REWARD_CENTS) + 12 + 28;
			if (v->post.field.max_chars > 0)
				post_field_box(ui, v, (UiRect){ r.x, y, r.w, CHIP_H });
			y += CHIP_H + 34;
			goto minors;
		}
		y += 28;               /* the field's label line */
		for (int i = 0; i < APP_N_REWARD_PRESETS; i++) {
			int cw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_BODY, labels[i]) + 36;

			if (x + cw > r.x + r.w - 300)
				break;
			ui_button(ui, (UiRect){ x, y, cw, CHIP_H }, i == sel
			          ? BTN_CHIP_SELECTED : BTN_CHIP, 0, labels[i],
			          ACT_SET_REWARD_CENTS, app_reward_presets_cents[i]);
			x += cw + 10;
		}
		if (v->post.field.max_chars > 0)
			post_field_box(ui, v, (UiRect){ x + 6, y, r.x + r.w - x - 6 > 320
			               ? 320 : r.x + r.w - x - 6, CHIP_H });
		y += CHIP_H + 34;
	}
minors:
	/* Open to under-18s: Oui or Non, said each time. */
	post_yes_no(ui, v, (UiRect){ r.x, y, r.w, r.y + r.h - y },
	            tr(v->lang, "post.minors_q"), v->post.minors_chosen,
	            v->post.draft.minors_ok, ACT_SET_MINORS);
}

