/* keyboard.c -- the on-screen AZERTY keyboard, French accents first.
** Five rows: the accents a French text needs most (é è ê à ç ù œ €),
** then AZERTY letters, shift / ’ / backspace, and ?123 / space / enter.
** Three layers (view->kbd_layer): lower case, capitals (capital accents
** on the accent row) and symbols (digits, the rarer accents, « » and
** punctuation); and for an amount a number pad (digits, the decimal
** comma, erase, enter), narrower, with no letters at all. Every key is a hit region: a character sends
** ACT_TYPE with its code point, backspace ACT_KEY(APP_KEY_BACKSPACE),
** shift and ?123 ACT_KBD_LAYER, and enter whatever the screen asks.
**
** Character keys register their hit regions last so that they are the
** topmost ones: a script's `tap-text "e"` lands on the "e" key, not on
** "espace" or on a label elsewhere that also contains an "e". */
#include <stdint.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui.h"
#include "widgets.h"

typedef enum KeyKind {
	KEY_CHAR = 0,        /* types cp */
	KEY_SHIFT,           /* lower <-> upper */
	KEY_BACKSPACE,
	KEY_SYMBOLS,         /* "?123": symbols layer */
	KEY_LETTERS,         /* "ABC": back to letters */
	KEY_SPACE,
	KEY_ENTER
} KeyKind;

typedef struct Key {
	KeyKind  kind;
	uint32_t cp;         /* KEY_CHAR: the code point typed */
	int      weight;     /* width in tenths of a letter key */
} Key;

#define KBD_ROWS     5
#define KBD_ROW_MAX 11

typedef struct KbdRow {
	int n;
	Key keys[KBD_ROW_MAX];
} KbdRow;

#define C(cp) { KEY_CHAR, (cp), 10 }
#define ACCENT(cp) { KEY_CHAR, (cp), 10 }

/* The accent row's keys are as wide as the row allows (8 of them). */
static const KbdRow kbd_lower[KBD_ROWS] = {
	{ 8, { ACCENT(0xE9), ACCENT(0xE8), ACCENT(0xEA), ACCENT(0xE0),
	       ACCENT(0xE7), ACCENT(0xF9), ACCENT(0x153), ACCENT(0x20AC) } },
	{ 10, { C('a'), C('z'), C('e'), C('r'), C('t'), C('y'), C('u'),
	        C('i'), C('o'), C('p') } },
	{ 10, { C('q'), C('s'), C('d'), C('f'), C('g'), C('h'), C('j'),
	        C('k'), C('l'), C('m') } },
	{ 9, { { KEY_SHIFT, 0, 15 }, C('w'), C('x'), C('c'), C('v'), C('b'),
	       C('n'), C(0x2019), { KEY_BACKSPACE, 0, 15 } } },
	{ 5, { { KEY_SYMBOLS, 0, 15 }, C(','), { KEY_SPACE, ' ', 45 }, C('.'),
	       { KEY_ENTER, 0, 20 } } }
};

static const KbdRow kbd_upper[KBD_ROWS] = {
	{ 8, { ACCENT(0xC9), ACCENT(0xC8), ACCENT(0xCA), ACCENT(0xC0),
	       ACCENT(0xC7), ACCENT(0xD9), ACCENT(0x152), ACCENT(0x20AC) } },
	{ 10, { C('A'), C('Z'), C('E'), C('R'), C('T'), C('Y'), C('U'),
	        C('I'), C('O'), C('P') } },
	{ 10, { C('Q'), C('S'), C('D'), C('F'), C('G'), C('H'), C('J'),
	        C('K'), C('L'), C('M') } },
	{ 9, { { KEY_SHIFT, 0, 15 }, C('W'), C('X'), C('C'), C('V'), C('B'),
	       C('N'), C(0x2019), { KEY_BACKSPACE, 0, 15 } } },
	{ 5, { { KEY_SYMBOLS, 0, 15 }, C(','), { KEY_SPACE, ' ', 45 }, C('.'),
	       { KEY_ENTER, 0, 20 } } }
};

static const KbdRow kbd_symbols[KBD_ROWS] = {
	{ 8, { ACCENT(0xE2), ACCENT(0xEE), ACCENT(0xEF), ACCENT(0xEB),
	       ACCENT(0xF4), ACCENT(0xFB), ACCENT(0xAB), ACCENT(0xBB) } },
	{ 10, { C('1'), C('2'), C('3'), C('4'), C('5'), C('6'), C('7'),
	        C('8'), C('9'), C('0') } },
	{ 10, { C('-'), C('\''), C('"'), C('('), C(')'), C(':'), C(';'),
	        C('!'), C('?'), C('@') } },
	{ 9, { { KEY_LETTERS, 0, 15 }, C('&'), C('/'), C(0x20AC), C('%'),
	       C('+'), C('='), C('#'), { KEY_BACKSPACE, 0, 15 } } },
	{ 5, { { KEY_LETTERS, 0, 15 }, C(','), { KEY_SPACE, ' ', 45 }, C('.'),
	       { KEY_ENTER, 0, 20 } } }
};

static const KbdRow kbd_numpad[KBD_ROWS] = {
	{ 3, { C('1'), C('2'), C('3') } },
	{ 3, { C('4'), C('5'), C('6') } },
	{ 3, { C('7'), C('8'), C('9') } },
	{ 3, { C(','), C('0'), { KEY_BACKSPACE, 0, 10 } } },
	{ 1, { { KEY_ENTER, 0, 30 } } }
};

#undef C
#undef ACCENT

#define KBD_PAD      8
#define KBD_GAP      6
#define KBD_ROW_H   48       /* README: key rows 48 */
#define KBD_MAX_W  960       /* wider keys are only harder to reach */
#define KBD_NUMPAD_W 420     /* a phone's number pad, not a wall of keys */
#define KBD_LABEL   24       /* README: keys 24 */

static void kbd_draw_key(Ui *ui, UiRect r, const Key *k, const AppView *v,
                         int accent_row, const char *enter_label,
                         AppAction enter_action, int64_t enter_arg,
                         int chars_pass);

int
ui_keyboard_height(const Ui *ui)
{
	(void)ui;
	return KBD_PAD * 2 + KBD_ROWS * KBD_ROW_H + (KBD_ROWS - 1) * KBD_GAP;
}

void
ui_keyboard(Ui *ui, UiRect r, const AppView *v, const char *enter_label)
{
	ui_keyboard_enter(ui, r, v, enter_label, ACT_KEY, APP_KEY_ENTER);
}

void
ui_keyboard_enter(Ui *ui, UiRect r, const AppView *v, const char *enter_label,
                  AppAction enter_action, int64_t enter_arg)
{
	const KbdRow *rows = kbd_lower;
	int row_h, gap = KBD_GAP, w, x0;

	if (v->kbd_layer == KBD_UPPER)
		rows = kbd_upper;
	else if (v->kbd_layer == KBD_SYMBOLS)
		rows = kbd_symbols;
	else if (v->kbd_layer == KBD_NUMPAD)
		rows = kbd_numpad;
	ui_fill(ui, r, COL_KEY);
	ui_hline(ui, r.x, r.y, r.w, COL_LINE);
	row_h = (r.h - 2 * KBD_PAD - (KBD_ROWS - 1) * gap) / KBD_ROWS;
	if (row_h > 64)
		row_h = 64;
	w = r.w - 2 * KBD_PAD;
	if (w > KBD_MAX_W)
		w = KBD_MAX_W;
	if (rows == kbd_numpad && w > KBD_NUMPAD_W)
		w = KBD_NUMPAD_W;
	x0 = r.x + (r.w - w) / 2;
	/* Two passes: function keys first, then the characters on top. */
	for (int pass = 0; pass < 2; pass++) {
		int y = r.y + r.h - KBD_PAD - KBD_ROWS * row_h
		        - (KBD_ROWS - 1) * gap;
		for (int ri = 0; ri < KBD_ROWS; ri++) {
			const KbdRow *row = &rows[ri];
			int total = 0, x = x0, avail;

			for (int i = 0; i < row->n; i++)
				total += row->keys[i].weight;
			avail = w - (row->n - 1) * gap;
			for (int i = 0; i < row->n; i++) {
				const Key *k = &row->keys[i];
				int kw = avail * k->weight / total;
				UiRect kr;

				if (i == row->n - 1)
					kw = x0 + w - x;   /* no rounding gap */
				kr = (UiRect){ x, y, kw, row_h };
				kbd_draw_key(ui, kr, k, v, ri == 0 && rows != kbd_numpad,
				             enter_label,
				             enter_action, enter_arg, pass);
				x += kw + gap;
			}
			y += row_h + gap;
		}
	}
}

/* Draws one key on the pass it belongs to: pass 0 function keys, pass 1
** character keys (registered last, so topmost). */
static void
kbd_draw_key(Ui *ui, UiRect r, const Key *k, const AppView *v, int accent_row,
             const char *enter_label, AppAction enter_action,
             int64_t enter_arg, int chars_pass)
{
	AppLang lang = v->lang;
	int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
	int is_char = k->kind == KEY_CHAR;   /* "espace" holds an "e" */
	char label[8];

	if (is_char != chars_pass)
		return;
	switch (k->kind) {
	case KEY_CHAR:
		text_utf8_put(k->cp, label);
		ui_rrect_lip(ui, r, 8, accent_row ? COL_SOLEIL_PALE : COL_BLANC,
		             COL_KEY_FN, 2);
		ui_text_fit(ui, r.x + 2, cy - ui_text_height(ui, FONT_REGULAR,
		            KBD_LABEL) / 2, r.w - 4, FONT_REGULAR, KBD_LABEL,
		            COL_ENCRE, ALIGN_CENTER, label);
		ui_hit(ui, r, ACT_TYPE, (int64_t)k->cp, label);
		break;
	case KEY_SPACE:
		ui_rrect_lip(ui, r, 8, COL_BLANC, COL_KEY_FN, 2);
		ui_text_fit(ui, r.x + 4, cy - ui_text_height(ui, FONT_REGULAR,
		            20) / 2, r.w - 8, FONT_REGULAR, 20, COL_ENCRE,
		            ALIGN_CENTER, tr(lang, "kbd.space"));
		ui_hit(ui, r, ACT_TYPE, ' ', tr(lang, "kbd.space"));
		break;
	case KEY_SHIFT: {
		int on = v->kbd_layer == KBD_UPPER;
		ui_rrect_lip(ui, r, 8, on ? COL_ENCRE : COL_KEY_FN,
		             on ? COL_ENCRE : COL_BORDER, 2);
		ui_icon(ui, cx, cy, 26, on ? COL_BLANC : COL_ENCRE, ICON_CAPSLOCK);
		ui_hit(ui, r, ACT_KBD_LAYER, on ? KBD_LOWER : KBD_UPPER,
		       tr(lang, "kbd.shift"));
		break;
	}
	case KEY_BACKSPACE:
		ui_rrect_lip(ui, r, 8, COL_KEY_FN, COL_BORDER, 2);
		ui_icon(ui, cx, cy, 26, COL_ENCRE, ICON_BACKSPACE);
		ui_hit(ui, r, ACT_KEY, APP_KEY_BACKSPACE, tr(lang, "kbd.erase"));
		break;
	case KEY_SYMBOLS:
	case KEY_LETTERS: {
		const char *s = tr(lang, k->kind == KEY_SYMBOLS ? "kbd.symbols"
		                                                : "kbd.letters");
		ui_rrect_lip(ui, r, 8, COL_KEY_FN, COL_BORDER, 2);
		ui_text_fit(ui, r.x + 2, cy - ui_text_height(ui, FONT_SEMIBOLD,
		            18) / 2, r.w - 4, FONT_SEMIBOLD, 18, COL_ENCRE,
		            ALIGN_CENTER, s);
		ui_hit(ui, r, ACT_KBD_LAYER,
		       k->kind == KEY_SYMBOLS ? KBD_SYMBOLS : KBD_LOWER, s);
		break;
	}
	case KEY_ENTER: {
		const char *s = enter_label != NULL && enter_label[0] != '\0'
		                ? enter_label : tr(lang, "kbd.ok");
		int tw = ui_text_width(ui, FONT_SEMIBOLD, 20, s);
		int iw = 24, x;

		ui_rrect_lip(ui, r, 8, COL_TERRA, COL_TERRA_LIP, 2);
		if (tw + iw + 8 > r.w - 12)
			iw = 0;             /* narrow key: the label alone */
		x = cx - (tw + (iw > 0 ? iw + 6 : 0)) / 2;
		ui_text_fit(ui, x, cy - ui_text_height(ui, FONT_SEMIBOLD, 20) / 2,
		            r.w - 12, FONT_SEMIBOLD, 20, COL_BLANC, ALIGN_LEFT, s);
		if (iw > 0)
			ui_icon(ui, x + tw + 6 + iw / 2, cy, 22, COL_BLANC,
			        ICON_ARROW_FORWARD);
		ui_hit(ui, r, enter_action, enter_arg, s);
		break;
	}
	}
}

