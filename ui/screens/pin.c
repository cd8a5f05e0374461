/* screens/pin.c -- the facilitator's PIN, after their badge; and a new
** PIN an admin gives (view.pin_setting: its own title and prompt, typed
** twice, as many dots as digits proposed).
** A phone-like keypad (1-9, erase, 0, OK) with big keys, the digits shown
** as dots, what went wrong in Terracotta. After too many wrong codes the
** keypad locks for everyone and the screen counts down to when it opens
** again; the keys then do nothing and look it. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

#define KEY_LIP   0xE2D1B9u
#define KEY_OFF   0xEFE6D9u
#define KEY_LOCKED  1   /* pin_key: greyed, no hit (the lock) */
#define KEY_WAITING 2   /* greyed, tappable: OK before enough digits */

#define KEY_LABEL        22   /* "OK" and the erase key's word */
#define KEY_ICON         28
#define KEY_ICON_ERASE   34
#define KEY_ICON_GAP     6
#define KEYPAD_GAP       14   /* between keys, a wide keypad */
#define KEYPAD_GAP_NARROW 11
#define KEYPAD_WIDE      420  /* from this width on */
#define KEYPAD_ROW_PORTRAIT 76

static void pin_draw(Ui *ui, const AppView *v);
static void pin_info(Ui *ui, const AppView *v, UiRect r, int center);
static void pin_keypad(Ui *ui, const AppView *v, UiRect r);
static void pin_key(Ui *ui, UiRect r, int style, const char *label,
                    uint32_t icon, AppAction act, int64_t arg, int locked,
                    const char *hit_label);

const ScreenOps pin_screen = { "pin", pin_draw };

/* style 0: a digit, 1: erase, 2: OK. */
static void
pin_key(Ui *ui, UiRect r, int style, const char *label, uint32_t icon,
        AppAction act, int64_t arg, int locked, const char *hit_label)
{
	UiColor fill = style == 2 ? COL_TERRA : style == 1 ? COL_SABLE : COL_BLANC;
	UiColor lip = style == 2 ? COL_TERRA_LIP : KEY_LIP;
	UiColor ink = style == 2 ? COL_BLANC : COL_ENCRE;
	int size = style == 0 ? TYPE_PIN : KEY_LABEL;
	int th = ui_text_height(ui, style == 0 ? FONT_SEMIBOLD : FONT_BOLD, size);
	int tw = label != NULL ? ui_text_width(ui, FONT_BOLD, size, label) : 0;
	int iw = icon ? (style == 1 ? KEY_ICON_ERASE : KEY_ICON) : 0;
	int gap = icon && label != NULL ? KEY_ICON_GAP : 0;
	int x = layout_centre_x(r, iw + gap + tw).x;
	UiRect hit = r;

	if (locked) {
		fill = KEY_OFF;
		lip = COL_LINE;
		ink = COL_BORDER;
	}
	ui_rrect(ui, layout_move(r, 0, LIP), RADIUS_BUTTON, lip);
	ui_rrect(ui, r, RADIUS_BUTTON, fill);
	if (style == 0 && !locked)
		ui_rrect_border(ui, r, RADIUS_BUTTON, 2, COL_EDGE);
	if (icon)
		ui_icon(ui, x + iw / 2, r.y + r.h / 2, iw, ink, icon);
	if (label != NULL)
		ui_text(ui, x + iw + gap, layout_middle_y(r, th),
		        style == 0 ? FONT_SEMIBOLD : FONT_BOLD, size, ink, label);
	hit.h += LIP;   /* the lip is part of the key */
	if (locked != KEY_LOCKED)   /* a waiting key still says why */
		ui_hit(ui, hit, act, arg, hit_label);
}

static void
pin_keypad(Ui *ui, const AppView *v, UiRect r)
{
	/* A phone's keypad: 3 columns, 4 rows; 1-9, then erase, 0, OK. */
	int gap = r.w >= KEYPAD_WIDE ? KEYPAD_GAP : KEYPAD_GAP_NARROW;
	int locked = v->pin.pin_locked_s > 0;
	char d[4];

	for (int i = 0; i < 9; i++) {
		snprintf(d, sizeof d, "%d", i + 1);
		pin_key(ui, layout_cell(r, 3, 4, gap, gap, i), 0, d, 0,
		        ACT_PIN_DIGIT, i + 1, locked, d);
	}
	pin_key(ui, layout_cell(r, 3, 4, gap, gap, 9), 1, NULL, ICON_BACKSPACE,
	        ACT_PIN_ERASE, 0, locked, tr(v->lang, "ui.pin.erase"));
	pin_key(ui, layout_cell(r, 3, 4, gap, gap, 10), 0, "0", 0,
	        ACT_PIN_DIGIT, 0, locked, "0");
	/* OK waits for the digits a PIN has at least: greyed until then. */
	pin_key(ui, layout_cell(r, 3, 4, gap, gap, 11), 2,
	        tr(v->lang, "ui.pin.ok"), ICON_CHECK, ACT_PIN_OK, 0,
	        locked ? KEY_LOCKED : v->pin.pin_len < v->pin.pin_min_digits
	                              ? KEY_WAITING : 0,
	        tr(v->lang, "ui.pin.ok"));
}

/* The lock, the title, the dots and the message; centred or not. */
static void
pin_info(Ui *ui, const AppView *v, UiRect r, int center)
{
	int big = r.w >= 500;
	int lr = big ? 48 : 40, ts = big ? 40 : 30, ps = big ? 24 : 20;
	int x = r.x, y = r.y, cx;
	int want = v->pin.pin_digits > 4 ? v->pin.pin_digits : 4;
	int dots = v->pin.pin_len > want ? v->pin.pin_len : want;
	int dr = big ? 16 : 13, dgap = big ? 52 : 48;
	int locked = v->pin.pin_locked_s > 0;
	UiAlign al = center ? ALIGN_CENTER : ALIGN_LEFT;

	cx = center ? r.x + r.w / 2 : r.x + lr;
	ui_circle(ui, cx, y + lr, lr, COL_TERRA_PALE);
	ui_icon(ui, cx, y + lr, lr, COL_TERRA, ICON_LOCK);
	y += 2 * lr + 16;
	ui_text_fit(ui, x, y, r.w, FONT_BOLD, ts, COL_ENCRE, al,
	            v->pin.pin_title[0] ? v->pin.pin_title :
	            tr(v->lang, locked ? "ui.pin.locked" : "ui.pin.title"));
	y += ui_text_height(ui, FONT_BOLD, ts) + 6;
	if (locked) {
		char left[64];
		app_trf(v->lang, left, sizeof left, "ui.pin.unlock_in",
		        v->pin.pin_locked_s / 60, v->pin.pin_locked_s % 60);
		y += ui_text_box(ui, (UiRect){ x, y, r.w, 3 * 28 }, FONT_REGULAR, ps,
		                 COL_TERRA, al, 3, v->pin.pin_msg) + 12;
		ui_text_fit(ui, x, y, r.w, FONT_BOLD, big ? 32 : 28, COL_ENCRE, al, left);
		y += ui_text_height(ui, FONT_BOLD, big ? 32 : 28) + 12;
		/* Locked is when one needs it most. */
		ui_text_wrap(ui, (UiRect){ x, y, r.w, 2 * 26 }, FONT_MEDIUM, 18, 18,
		             COL_ENCRE_DOUCE, al, 2, tr(v->lang, "ui.pin.forgot"));
		return;
	}
	ui_text_fit(ui, x, y, r.w, FONT_REGULAR, ps, COL_ENCRE, al,
	            v->pin.pin_prompt[0] ? v->pin.pin_prompt : tr(v->lang, "ui.pin.prompt"));
	y += ui_text_height(ui, FONT_REGULAR, ps) + 24;
	{
		int total = (dots - 1) * dgap + 2 * dr;
		int dx = center ? r.x + (r.w - total) / 2 + dr : x + dr;
		for (int i = 0; i < dots; i++) {
			int px = dx + i * dgap;
			if (i < v->pin.pin_len) {
				ui_circle(ui, px, y + dr, dr, COL_ENCRE);
			} else {
				ui_circle(ui, px, y + dr, dr, COL_ENCRE_DOUCE);
				ui_circle(ui, px, y + dr, dr - 3, COL_CREME);
			}
		}
	}
	y += 2 * dr + 28;
	if (v->pin.pin_msg[0]) {
		/* "No PIN set... ask an admin" is long: up to three lines. */
		int mh = ui_text_height(ui, FONT_MEDIUM, 18);
		int tw = ui_text_width(ui, FONT_SEMIBOLD, 18, v->pin.pin_msg);
		int ix;

		if (tw > r.w - 28)
			tw = r.w - 28;
		ix = center ? r.x + (r.w - tw - 28) / 2 : x;
		ui_icon(ui, ix + 10, y + mh / 2, 22, COL_TERRA, ICON_INFO);
		ui_text_box(ui, (UiRect){ ix + 28, y, tw, 3 * mh }, FONT_SEMIBOLD, 18,
		            COL_TERRA, ALIGN_LEFT, 3, v->pin.pin_msg);
	} else if (!v->pin.pin_setting) {
		const char *f = tr(v->lang, "ui.pin.forgot");
		int mh = ui_text_height(ui, FONT_MEDIUM, 18);
		int tw = ui_text_width(ui, FONT_MEDIUM, 18, f);
		int ix = center ? r.x + (r.w - tw - 28) / 2 : x;
		ui_icon(ui, ix + 10, y + mh / 2, 22, COL_ENCRE_DOUCE, ICON_INFO);
		ui_text_fit(ui, ix + 28, y, r.w - 28, FONT_MEDIUM, 18,
		            COL_ENCRE_DOUCE, ALIGN_LEFT, f);
	}
}

static void
pin_draw(Ui *ui, const AppView *v)
{
	UiRect screen = layout_rect(0, 0, ui_width(ui), ui_height(ui));
	UiRect body = screen, info, pad;

	ui_fill(ui, screen, COL_CREME);
	ui_top_bar(ui, v, tr(v->lang, "ui.cancel"), ACT_BACK, NULL);
	layout_cut_top(&body, TOP_BAR_H);
	if (ui_portrait(ui)) {
		/* The info centred on top, the keypad at the bottom. */
		info = layout_inset4(body, 28, MARGIN_WIDE, 0, MARGIN_WIDE);
		pin_info(ui, v, layout_cut_top(&info, 300), 1);
		pad = layout_inset4(body, 0, MARGIN, MARGIN_WIDE, MARGIN);
		pin_keypad(ui, v, layout_cut_bottom(&pad,
		           4 * KEYPAD_ROW_PORTRAIT + 3 * GAP_M));
		return;
	}
	if (screen.h >= 640) {
		/* 1080p: a big keypad on the right, the info left of it. */
		int kw = 520;

		info = layout_inset4(body, 80, kw + 96, 0, 64);
		pin_info(ui, v, layout_cut_top(&info, 480), 0);
		pad = layout_inset4(body, 40, 40, 40, 0);
		pin_keypad(ui, v, layout_cut_right(&pad, kw));
		return;
	}
	info = layout_inset4(body, 68, 0, 0, 40);
	info = layout_cut_top(&info, 300);
	pin_info(ui, v, layout_cut_left(&info, 380), 0);
	pad = layout_inset4(body, 44, MARGIN_WIDE, 44, 0);
	pin_keypad(ui, v, layout_cut_right(&pad, 316));
}
