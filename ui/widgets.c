/* widgets.c -- the shared pieces every screen is made of.
** Buttons with their lip (the same shape, darker, a few px lower), the
** top bar, text fields with the focus ring, the toast, the discreet
** "reader lost" banner and the category colours. Each widget draws
** itself and registers its own hit region, so a screen is a list of
** calls and nothing else. Sizes follow the mockups' README at 800x480
** (logical px): buttons 20-24 SemiBold, meta 18 Medium, radii 12. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"
#include "ui_internal.h"
#include "ui_state.h"

/* A tile's sub-line: smallest type before it wraps. */
#define TILE_SUB_MIN 15

typedef struct ButtonLook {
	UiColor fill, lip, text, sub, border;
	int     lip_px, has_fill, border_px;
} ButtonLook;

static ButtonLook widget_look(UiButtonStyle style);
static int  widget_label_size(UiRect r, UiButtonStyle style);
static void widget_shape(Ui *ui, UiRect r, UiButtonStyle style,
                         const ButtonLook *lk);

static const struct {
	uint32_t icon;
	UiColor ink, tint;
} categories[CAT_COUNT] = {
	[CAT_JARDIN]    = { ICON_FLORIST,    0x2F6D4Au, 0xDDEFE2u },
	[CAT_ANIMAUX]   = { ICON_PETS,       0x9A4A12u, 0xFCE6D2u },
	[CAT_BRICOLAGE] = { ICON_HANDYMAN,   0x28557Au, 0xDDE8F5u },
	[CAT_COUTURE]   = { ICON_CUT,        0x8A3B72u, 0xF5DFEEu },
	[CAT_CUISINE]   = { ICON_RESTAURANT, 0x8A5A00u, 0xFFF0C9u },
	[CAT_NUMERIQUE] = { ICON_COMPUTER,   0x1F6470u, 0xD8EEF0u },
	[CAT_AUTRE]     = { ICON_MORE_HORIZ, 0x5F5147u, 0xEDE5DAu },
};

uint32_t
ui_category_icon(int category)
{
	if (category < 0 || category >= CAT_COUNT)
		category = CAT_AUTRE;
	return categories[category].icon;
}

UiColor
ui_category_ink(int category)
{
	if (category < 0 || category >= CAT_COUNT)
		category = CAT_AUTRE;
	return categories[category].ink;
}

UiColor
ui_category_tint(int category)
{
	if (category < 0 || category >= CAT_COUNT)
		category = CAT_AUTRE;
	return categories[category].tint;
}

static ButtonLook
widget_look(UiButtonStyle style)
{
	ButtonLook lk = { COL_BLANC, 0xE2D1B9u, COL_ENCRE, COL_ENCRE_DOUCE,
	                  COL_EDGE, 3, 1, 0 };

	switch (style) {
	case BTN_PRIMARY:
		lk.fill = COL_TERRA;
		lk.lip = COL_TERRA_LIP;
		lk.text = COL_BLANC;
		lk.sub = COL_ON_FILL_SUB;
		break;
	case BTN_SECONDARY:
		lk.border_px = 2;
		break;
	case BTN_QUIET:
		lk.has_fill = 0;
		lk.lip_px = 0;
		break;
	case BTN_CHIP:
		lk.lip_px = 0;
		lk.border_px = 2;
		break;
	case BTN_CHIP_SELECTED:
		lk.fill = COL_ENCRE;
		lk.text = COL_BLANC;
		lk.sub = COL_BLANC;
		lk.lip_px = 0;
		break;
	case BTN_GREEN:
		lk.fill = COL_VERT;
		lk.lip = 0x1F4E34u;
		lk.text = COL_BLANC;
		lk.sub = COL_ON_FILL_SUB;
		break;
	case BTN_BLUE:
		lk.fill = COL_BLEU;
		lk.lip = 0x1A3D5Cu;
		lk.text = COL_BLANC;
		lk.sub = COL_ON_FILL_SUB;
		break;
	}
	return lk;
}

static int
widget_label_size(UiRect r, UiButtonStyle style)
{
	if (style == BTN_CHIP || style == BTN_CHIP_SELECTED)
		return 18;
	if (r.h >= 90)
		return 24;
	if (r.h >= 54)
		return 22;
	return 20;
}

static void
widget_shape(Ui *ui, UiRect r, UiButtonStyle style, const ButtonLook *lk)
{
	int radius = (style == BTN_CHIP || style == BTN_CHIP_SELECTED)
	             ? r.h / 2 : 12;

	if (!lk->has_fill)
		return;
	if (lk->lip_px > 0) {
		UiRect under = r;
		under.y += lk->lip_px;
		ui_rrect(ui, under, radius, lk->lip);
	}
	if (lk->border_px > 0) {
		UiRect in = { r.x + lk->border_px, r.y + lk->border_px,
		              r.w - 2 * lk->border_px, r.h - 2 * lk->border_px };
		ui_rrect(ui, r, radius, lk->border);
		ui_rrect(ui, in, radius - lk->border_px, lk->fill);
	} else {
		ui_rrect(ui, r, radius, lk->fill);
	}
}

void
ui_button(Ui *ui, UiRect r, UiButtonStyle style, uint32_t icon,
          const char *label, AppAction action, int64_t arg)
{
	ButtonLook lk = widget_look(style);
	int size = widget_label_size(r, style);
	int icon_size = icon ? size + 6 : 0;
	int gap = icon && label != NULL && label[0] ? 10 : 0;
	int pad = style == BTN_QUIET ? 4 : r.w < 180 ? 10 : 16;
	int room = r.w - 2 * pad - icon_size - gap;
	int tw, x, th;
	UiRect hit = r;

	widget_shape(ui, r, style, &lk);
	tw = label != NULL ? ui_text_width(ui, FONT_SEMIBOLD, size, label) : 0;
	if (tw > room)
		tw = room;
	x = style == BTN_QUIET ? r.x + pad
	                       : r.x + (r.w - icon_size - gap - tw) / 2;
	if (icon)
		ui_icon(ui, x + icon_size / 2, r.y + r.h / 2, icon_size, lk.text, icon);
	th = ui_text_height(ui, FONT_SEMIBOLD, size);
	if (label != NULL && label[0])
		ui_text_fit(ui, x + icon_size + gap, r.y + (r.h - th) / 2, tw + 1,
		            FONT_SEMIBOLD, size, lk.text, ALIGN_LEFT, label);
	hit.h += lk.lip_px;
	ui_hit(ui, hit, action, arg, label);
}

void
ui_button2(Ui *ui, UiRect r, UiButtonStyle style, uint32_t icon,
           const char *title, const char *subtitle, AppAction action,
           int64_t arg)
{
	ButtonLook lk = widget_look(style);
	int ts = r.h >= 68 ? 22 : 20, ss = 18;
	int th = ui_text_height(ui, FONT_SEMIBOLD, ts);
	int sh = ui_text_height(ui, FONT_MEDIUM, ss);
	int icon_size = icon ? 28 : 0, gap = icon ? 14 : 0;
	int room = r.w - 40 - icon_size - gap;
	int tw = ui_text_width(ui, FONT_SEMIBOLD, ts, title);
	int sw = subtitle != NULL ? ui_text_width(ui, FONT_MEDIUM, ss, subtitle) : 0;
	int bw = tw > sw ? tw : sw;
	int x, y;
	char label[400];
	UiRect hit = r;

	if (bw > room)
		bw = room;
	widget_shape(ui, r, style, &lk);
	x = r.x + (r.w - icon_size - gap - bw) / 2;
	y = r.y + (r.h - th - sh + 2) / 2;
	if (icon)
		ui_icon(ui, x + icon_size / 2, r.y + r.h / 2, icon_size, lk.text, icon);
	ui_text_fit(ui, x + icon_size + gap, y, bw + 1, FONT_SEMIBOLD, ts, lk.text,
	            ALIGN_LEFT, title);
	if (subtitle != NULL)
		ui_text_fit(ui, x + icon_size + gap, y + th - 2, bw + 1, FONT_MEDIUM,
		            ss, lk.sub, ALIGN_LEFT, subtitle);
	snprintf(label, sizeof label, "%s %s", title,
	         subtitle != NULL ? subtitle : "");
	hit.h += lk.lip_px;
	ui_hit(ui, hit, action, arg, label);
}

void
ui_top_bar(Ui *ui, const AppView *v, const char *back_label,
           AppAction back_action, const char *title)
{
	int w = ui_width(ui), x = 16;
	int bh = 64;

	ui_fill(ui, (UiRect){ 0, 0, w, bh }, COL_BLANC);
	ui_hline(ui, 0, bh, w, COL_LINE);
	if (back_label != NULL) {
		int lw = ui_text_width(ui, FONT_SEMIBOLD, 20, back_label);
		UiRect b = { 4, 8, 12 + 24 + 10 + lw + 12, 48 };
		ui_icon(ui, 16 + 12, bh / 2, 26, COL_ENCRE, ICON_ARROW_BACK);
		ui_text(ui, 16 + 24 + 12, (bh - ui_text_height(ui, FONT_SEMIBOLD, 20)) / 2,
		        FONT_SEMIBOLD, 20, COL_ENCRE, back_label);
		ui_hit(ui, b, back_action, 0, back_label);
		x = b.x + b.w + 16;
	}
	if (title != NULL && title[0]) {
		int th = ui_text_height(ui, FONT_BOLD, 28);
		int cw = v->reader_ok ? ui_text_width(ui, FONT_SEMIBOLD, 20, v->clock)
		                      : 0;
		ui_text_fit(ui, x, (bh - th) / 2, w - x - cw - 32, FONT_BOLD, 28,
		            COL_ENCRE, ALIGN_LEFT, title);
	}
	if (v->reader_ok) {
		int cw = ui_text_width(ui, FONT_SEMIBOLD, 20, v->clock);
		ui_text(ui, w - 16 - cw, (bh - ui_text_height(ui, FONT_SEMIBOLD, 20)) / 2,
		        FONT_SEMIBOLD, 20, COL_ENCRE_DOUCE, v->clock);
	}
	/* The banner takes the clock's place. */
	ui_reader_banner_at(ui, (UiRect){ w - 16, 12, 0, 40 });
}

void
ui_text_field(Ui *ui, UiRect r, const TextFieldView *f)
{
	int pad = 16, size = f->multiline && r.h < 120 ? 20 : 22;
	int th = ui_text_height(ui, FONT_REGULAR, size);
	int meta_h = ui_text_height(ui, FONT_MEDIUM, 18);
	int error = f->error[0] != '\0';
	UiRect in;

	/* Label and counter above the box. */
	if (f->label[0])
		ui_text_fit(ui, r.x, r.y - meta_h - 6, r.w - 110, FONT_SEMIBOLD, 18,
		            COL_ENCRE, ALIGN_LEFT, f->label);
	if (f->max_chars > 0) {
		char count[32];
		snprintf(count, sizeof count, "%d / %d", f->n_chars, f->max_chars);
		ui_text_fit(ui, r.x + r.w - 108, r.y - meta_h - 6, 108, FONT_MEDIUM, 18,
		            f->n_chars > f->max_chars ? COL_TERRA : COL_ENCRE_DOUCE,
		            ALIGN_RIGHT, count);
	}
	/* The box: focus is a 3 px Terracotta border in a 4 px pale halo. */
	if (f->focused) {
		UiRect halo = { r.x - 4, r.y - 4, r.w + 8, r.h + 8 };
		ui_rrect(ui, halo, 16, COL_TERRA_PALE);
		ui_rrect(ui, r, 12, COL_TERRA);
		in = (UiRect){ r.x + 3, r.y + 3, r.w - 6, r.h - 6 };
		ui_rrect(ui, in, 9, COL_BLANC);
	} else {
		ui_rrect(ui, r, 12, error ? COL_TERRA : COL_EDGE);
		in = (UiRect){ r.x + 2, r.y + 2, r.w - 4, r.h - 4 };
		ui_rrect(ui, in, 10, error ? COL_BLANC : COL_SABLE);
	}
	/* The text; a single line shows its end, where the cursor is. */
	in = (UiRect){ r.x + pad, r.y + 4, r.w - 2 * pad, r.h - 8 };
	ui_clip(ui, &in);
	if (f->multiline) {
		/* Several lines that follow the caret: the end of the text, as
		** many lines as fit, and the cursor where typing goes on. */
		int lines = (in.h - 8) / ((size * 7 + 2) / 5);
		UiRect box = { in.x, in.y + 6, in.w, in.h - 6 };
		ui_text_box_end(ui, box, FONT_REGULAR, size, COL_ENCRE,
		                lines > 0 ? lines : 1, f->text, f->focused,
		                COL_TERRA);
	} else {
		int tw = ui_text_width(ui, FONT_REGULAR, size, f->text);
		int x = in.x, y = r.y + (r.h - th) / 2;
		if (f->focused && tw + 6 > in.w)
			x = in.x + in.w - 6 - tw;
		if (f->text[0])
			ui_text(ui, x, y, FONT_REGULAR, size, COL_ENCRE, f->text);
		if (f->focused)
			ui_fill(ui, (UiRect){ x + tw + 1, r.y + (r.h - 28) / 2, 2, 28 },
			        COL_TERRA);
	}
	ui_clip(ui, NULL);
	/* Under the box: what is wrong, else the hint. */
	if (error) {
		ui_icon(ui, r.x + 10, r.y + r.h + 8 + meta_h / 2, 20, COL_TERRA,
		        ICON_INFO);
		ui_text_fit(ui, r.x + 28, r.y + r.h + 8, r.w - 28, FONT_MEDIUM, 18,
		            COL_TERRA, ALIGN_LEFT, f->error);
	} else if (f->hint[0]) {
		ui_icon(ui, r.x + 10, r.y + r.h + 8 + meta_h / 2, 20, COL_OCRE,
		        ICON_LIGHTBULB);
		ui_text_fit(ui, r.x + 28, r.y + r.h + 8, r.w - 28, FONT_REGULAR, 18,
		            COL_ENCRE_DOUCE, ALIGN_LEFT, f->hint);
	}
}

void
ui_toast(Ui *ui, const AppView *v)
{
	int w = ui_width(ui), h = ui_height(ui);
	int maxw = w - 48 > 680 ? 680 : w - 48;
	int size = 20, lh = (size * 7 + 2) / 5;
	int tw, lines, bw, bh;
	UiRect box;

	if (v->toast[0] == '\0')
		return;
	tw = ui_text_width(ui, FONT_MEDIUM, size, v->toast);
	lines = tw > maxw - 80 ? 2 : 1;
	bw = (lines == 1 ? tw : maxw - 80) + 80;
	bh = lines * lh + 28;
	/* Under the top bar: the primary actions sit at the bottom. */
	box = (UiRect){ (w - bw) / 2, 76, bw, bh };
	(void)h;
	ui_rrect(ui, (UiRect){ box.x, box.y + 3, box.w, box.h }, 16, 0x1A1412u);
	ui_rrect(ui, box, 16, COL_ENCRE);
	ui_icon(ui, box.x + 32, box.y + bh / 2, 26, COL_SOLEIL, ICON_INFO);
	ui_text_box(ui, (UiRect){ box.x + 56, box.y + 14, bw - 80, lines * lh },
	            FONT_MEDIUM, size, COL_BLANC, ALIGN_LEFT, 2, v->toast);
	/* No hit region: a tap goes to what is beneath, the toast is brief. */
}

void
ui_reader_banner(Ui *ui, const AppView *v)
{
	const char *msg;
	UiRect slot;
	int tw, bw, size = 18;

	if (v->reader_ok)
		return;
	msg = tr(v->lang, "ui.reader_lost");
	tw = ui_text_width(ui, FONT_SEMIBOLD, size, msg);
	bw = tw + 24 + 28 + 12;
	if (!ui_banner_slot(ui, &slot))
		slot = (UiRect){ ui_width(ui) - 16, 12, 0, 40 };
	/* The slot's x is the banner's right edge when w is 0. */
	UiRect b = { slot.w > 0 ? slot.x + (slot.w - bw) / 2 : slot.x - bw,
	             slot.y, bw, slot.h > 0 ? slot.h : 40 };
	int sw = ui_width(ui);

	/* Never off the screen: narrowed to it, then moved inside it. */
	if (b.w > sw - 16)
		b.w = sw - 16;
	if (b.x + b.w > sw - 8)
		b.x = sw - 8 - b.w;
	if (b.x < 8)
		b.x = 8;
	ui_rrect(ui, b, b.h / 2, COL_SOLEIL_PALE);
	ui_rrect_border(ui, b, b.h / 2, 2, COL_SOLEIL);
	ui_icon(ui, b.x + 12 + 12, b.y + b.h / 2, 22, COL_OCRE, ICON_SENSORS);
	ui_text_fit(ui, b.x + 12 + 28, b.y + (b.h - ui_text_height(ui, FONT_SEMIBOLD, size)) / 2,
	            b.w - 12 - 28 - 12, FONT_SEMIBOLD, size, COL_OCRE, ALIGN_LEFT,
	            msg);
}

/* ---- pieces shared by the screens of ui_internal.h ---- */

void
ui_idle_line(Ui *ui, const AppView *v, int cx, int y)
{
	int size = 18, tw, th;

	if (v->idle_text[0] == '\0')
		return;
	tw = ui_text_width(ui, FONT_MEDIUM, size, v->idle_text);
	th = ui_text_height(ui, FONT_MEDIUM, size);
	ui_icon(ui, cx - (tw + 30) / 2 + 10, y + th / 2, 22, COL_ENCRE_DOUCE,
	        ICON_TIMER);
	ui_text(ui, cx - (tw + 30) / 2 + 30, y, FONT_MEDIUM, size,
	        COL_ENCRE_DOUCE, v->idle_text);
}

void
ui_logo(Ui *ui, int x, int y, int size)
{
	ui_rrect_lip(ui, (UiRect){ x, y, size, size }, size / 4, COL_TERRA,
	             COL_TERRA_LIP, 3);
	ui_icon(ui, x + size / 2, y + size / 2, size * 2 / 3, COL_BLANC, ICON_DECK);
}

int
ui_text_runs(Ui *ui, int x, int y, int size, UiColor c, const UiRun *runs,
             int n)
{
	int w = 0;

	for (int i = 0; i < n; i++)
		if (runs[i].text != NULL && runs[i].text[0])
			w += ui_text(ui, x + w, y, runs[i].font, size, c, runs[i].text);
	return w;
}

int
ui_text_runs_width(Ui *ui, int size, const UiRun *runs, int n)
{
	int w = 0;

	for (int i = 0; i < n; i++)
		if (runs[i].text != NULL && runs[i].text[0])
			w += ui_text_width(ui, runs[i].font, size, runs[i].text);
	return w;
}

void
ui_avatar(Ui *ui, int cx, int cy, int radius, const char *name, int hue)
{
	static const UiColor tints[] = { 0xF5DFEEu, 0xDDE8F5u, 0xDDEFE2u,
	                                 0xFFF0C9u, 0xFCE6D2u, 0xD8EEF0u };
	static const UiColor inks[] = { 0x8A3B72u, 0x28557Au, 0x2F6D4Au,
	                                0x8A5A00u, 0x9A4A12u, 0x1F6470u };
	char initial[8] = "?";
	size_t n = 1;
	int k = (hue < 0 ? -hue : hue) % 6;

	if (name != NULL && name[0]) {
		while (n < 4 && (name[n] & 0xC0) == 0x80)
			n++;
		memcpy(initial, name, n);
		initial[n] = '\0';
	}
	ui_circle(ui, cx, cy, radius, tints[k]);
	int tw = ui_text_width(ui, FONT_SEMIBOLD, 18, initial);
	ui_text(ui, cx - tw / 2, cy - ui_text_height(ui, FONT_SEMIBOLD, 18) / 2,
	        FONT_SEMIBOLD, 18, inks[k], initial);
}

void
ui_tile(Ui *ui, UiRect r, int primary, uint32_t icon, UiColor tint,
        UiColor ink, const char *title, const char *sub, int count,
        AppAction action, int64_t arg)
{
	int it = r.h - 24 > 56 ? 56 : r.h - 24;
	int x = r.x + 14 + it + 16;
	int ts = r.h >= 90 ? 22 : 20, ss = 18;
	int th = ui_text_height(ui, FONT_SEMIBOLD, ts);
	int room = r.x + r.w - x - 14 - (count > 0 ? 52 : 0);
	int sh = 0, y;
	char label[400];

	/* The sub-line shrinks to TILE_SUB_MIN, then takes two lines: a
	** status ("Désactivée : touchez pour l'activer") is never cut. */
	if (sub != NULL && sub[0]) {
		if (ui_text_width(ui, FONT_REGULAR, TILE_SUB_MIN, sub) <= room)
			sh = ui_text_height(ui, FONT_REGULAR, ss);
		else
			sh = 2 * ui_text_line_height(TILE_SUB_MIN);
	}
	y = r.y + (r.h - th - sh + (sh ? 2 : 0)) / 2;

	if (primary) {
		ui_rrect(ui, (UiRect){ r.x, r.y + 3, r.w, r.h }, 12, COL_TERRA_LIP);
		ui_rrect(ui, r, 12, COL_TERRA);
		tint = COL_BLANC;
		ink = COL_TERRA;
	} else {
		ui_rrect(ui, (UiRect){ r.x, r.y + 3, r.w, r.h }, 12, 0xE2D1B9u);
		ui_rrect(ui, r, 12, COL_EDGE);
		ui_rrect(ui, (UiRect){ r.x + 2, r.y + 2, r.w - 4, r.h - 4 }, 10,
		         COL_BLANC);
	}
	ui_rrect(ui, (UiRect){ r.x + 14, r.y + (r.h - it) / 2, it, it }, 10, tint);
	ui_icon(ui, r.x + 14 + it / 2, r.y + r.h / 2, it * 4 / 7, ink, icon);
	ui_text_fit(ui, x, y, room, FONT_SEMIBOLD, ts,
	            primary ? COL_BLANC : COL_ENCRE, ALIGN_LEFT, title);
	if (sh)
		ui_text_fit_wrap(ui, (UiRect){ x, y + th - 2, room, sh }, FONT_REGULAR,
		                 ss, TILE_SUB_MIN,
		                 primary ? COL_ON_FILL_SUB : COL_ENCRE_DOUCE, ALIGN_LEFT,
		                 2, sub);
	if (count > 0) {
		char n[16];
		snprintf(n, sizeof n, "%d", count);
		int cx = r.x + r.w - 14 - 20;
		ui_circle(ui, cx, r.y + r.h / 2, 20, COL_SOLEIL);
		int tw = ui_text_width(ui, FONT_BOLD, 20, n);
		ui_text(ui, cx - tw / 2, r.y + r.h / 2 - ui_text_height(ui, FONT_BOLD, 20) / 2,
		        FONT_BOLD, 20, COL_ENCRE, n);
	}
	snprintf(label, sizeof label, "%s %s", title, sub != NULL ? sub : "");
	ui_hit(ui, (UiRect){ r.x, r.y, r.w, r.h + 3 }, action, arg, label);
}

/* ---- small pieces: formatting, dimming, chips ---- */

void
ui_fmt(char *out, size_t outlen, const char *fmt, ...)
{
	va_list ap;

	if (outlen == 0)
		return;
	va_start(ap, fmt);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(out, outlen, fmt, ap);
#pragma GCC diagnostic pop
	va_end(ap);
}

void
ui_dim(Ui *ui, UiRect r)
{
	ui_fill_alpha(ui, r, COL_ENCRE, 120);
}

int
ui_button_width(Ui *ui, UiButtonStyle style, int h, uint32_t icon,
                const char *label)
{
	int chip = style == BTN_CHIP || style == BTN_CHIP_SELECTED;
	int size = chip ? 18 : h >= 68 ? 24 : h >= 54 ? 22 : 20;
	int pad = style == BTN_QUIET ? 4 : (h / 2 < 20 ? h / 2 : 20);
	int tw = label != NULL ? ui_text_width(ui, FONT_SEMIBOLD, size, label) : 0;

	return 2 * pad + (icon ? size + 6 : 0) + (icon && tw > 0 ? 10 : 0) + tw
	       + 2;
}

void
ui_chip(Ui *ui, UiRect r, int selected, const char *label, AppAction action,
        int64_t arg)
{
	int th = ui_text_height(ui, FONT_SEMIBOLD, 18);

	if (selected) {
		ui_rrect(ui, r, r.h / 2, COL_ENCRE);
	} else {
		ui_rrect(ui, r, r.h / 2, COL_EDGE);
		ui_rrect(ui, (UiRect){ r.x + 2, r.y + 2, r.w - 4, r.h - 4 },
		         r.h / 2 - 2, COL_BLANC);
	}
	ui_text_fit(ui, r.x + 6, r.y + (r.h - th) / 2, r.w - 12, FONT_SEMIBOLD,
	            18, selected ? COL_BLANC : COL_ENCRE, ALIGN_CENTER, label);
	ui_hit(ui, r, action, arg, label);
}

int
ui_stream_choice(Ui *ui, UiRect r, const StreamChoiceView *s, int chip_h,
                 UiColor ink)
{
	int qh = ui_text_height(ui, FONT_SEMIBOLD, TYPE_BODY);
	int x = r.x, y = r.y, gap = GAP_S;

	if (s->n == 0)
		return 0;
	ui_text_fit(ui, r.x, y, r.w, FONT_SEMIBOLD, TYPE_BODY, ink, ALIGN_LEFT,
	            s->question);
	y += qh + gap;
	for (int i = 0; i < s->n; i++) {
		int cw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_META, s->label[i]) + 36;

		if (cw < 96)
			cw = 96;
		if (cw > r.w)
			cw = r.w;
		if (x > r.x && x + cw > r.x + r.w) {
			x = r.x;
			y += chip_h + gap;
		}
		if (y + chip_h > r.y + r.h)
			break;                  /* no room left: the rest is left out */
		ui_chip(ui, layout_rect(x, y, cw, chip_h), i == s->chosen,
		        s->label[i], ACT_STREAM, i);
		x += cw + gap;
	}
	return y + chip_h - r.y;
}
