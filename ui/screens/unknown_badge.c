/* screens/unknown_badge.c -- a badge nobody holds yet, and its enrolment.
** First the kind message: the badge is not registered, no worry, a
** facilitator can do it here ("Enregistrer ce badge": their badge, then
** their PIN). Once the facilitator has proved who they are
** (view.enrolling), the same screen becomes the enrolment form: the first
** name and the last name's initial on the on-screen keyboard, the name
** as it will be shown, the role chips, "Moins de 18 ans ?" Oui / Non
** (neither chosen at first) and "Enregistrer". The UID the card reads as stays on screen, so the
** facilitator can tell which card they are enrolling. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

#define SOLEIL_LIP 0xD9A02Au

static void unknown_draw(Ui *ui, const AppView *v);
static void unknown_message(Ui *ui, const AppView *v, UiRect band, int big);
static void unknown_actions(Ui *ui, const AppView *v, int y, int bh);
static void enrol_draw(Ui *ui, const AppView *v);
static void enrol_uid_pill(Ui *ui, const AppView *v, int right, int cy);
static int  enrol_roles(Ui *ui, const AppView *v, UiRect r);
static int  enrol_minor(Ui *ui, const AppView *v, UiRect r);
static int  enrol_fields(Ui *ui, const AppView *v, int x, int y, int w, int fh);

const ScreenOps unknown_badge_screen = { "unknown-badge", unknown_draw };

static void
unknown_message(Ui *ui, const AppView *v, UiRect band, int big)
{
	int w = band.w, cx = w / 2;
	int top = ui_text_height(ui, FONT_SEMIBOLD, 20);
	int cr = big ? 56 : 44, y;
	int ts = big ? 40 : 30, bs = big ? 26 : 22;
	char uid[96];
	UiRun body[3];

	ui_fill(ui, band, COL_SOLEIL_PALE);
	ui_icon(ui, 16 + 13, 12 + top / 2, 24, COL_ENCRE, ICON_DECK);
	ui_text_fit(ui, 16 + 34, 12, w - 150, FONT_SEMIBOLD, 20, COL_ENCRE,
	            ALIGN_LEFT, v->space_name);
	ui_text_fit(ui, w - 116, 12, 100, FONT_SEMIBOLD, 20, COL_ENCRE,
	            ALIGN_RIGHT, v->clock);
	ui_reader_banner_at(ui, (UiRect){ w - 16, 8, 0, 40 });

	/* The badge medallion with its question mark. */
	y = band.y + (big ? 56 : 60) + cr;
	ui_circle(ui, cx, y + 4, cr, SOLEIL_LIP);
	ui_circle(ui, cx, y, cr, COL_SOLEIL);
	ui_icon(ui, cx, y, cr, COL_ENCRE, ICON_BADGE);
	ui_circle(ui, cx + cr * 3 / 4, y - cr * 3 / 4, cr * 4 / 11, COL_BLANC);
	ui_icon(ui, cx + cr * 3 / 4, y - cr * 3 / 4, cr / 2, COL_OCRE,
	        ICON_QUESTION_MARK);
	y += cr + (big ? 20 : 12);

	/* Two lines on a narrow screen rather than a cut title. */
	y += ui_text_box(ui, (UiRect){ 16, y, w - 32, 0 }, FONT_BOLD, ts, COL_ENCRE,
	                 ALIGN_CENTER, 2, tr(v->lang, "ui.unknown.title")) + 4;
	body[0] = (UiRun){ FONT_REGULAR, tr(v->lang, "ui.unknown.body1") };
	body[1] = (UiRun){ FONT_BOLD, tr(v->lang, "ui.unknown.body2") };
	body[2] = (UiRun){ FONT_REGULAR, tr(v->lang, "ui.unknown.body3") };
	{
		int bw = ui_text_runs_width(ui, bs, body, 3);
		if (bw <= w - 32) {
			ui_text_runs(ui, cx - bw / 2, y, bs, COL_ENCRE, body, 3);
			y += ui_text_height(ui, FONT_REGULAR, bs);
		} else {
			/* Narrow: the first words, then the rest. */
			int w0 = ui_text_width(ui, FONT_REGULAR, bs, body[0].text);
			ui_text(ui, cx - w0 / 2, y, FONT_REGULAR, bs, COL_ENCRE, body[0].text);
			y += ui_text_height(ui, FONT_REGULAR, bs);
			int w1 = ui_text_runs_width(ui, bs, body + 1, 2);
			ui_text_runs(ui, cx - w1 / 2, y, bs, COL_ENCRE, body + 1, 2);
			y += ui_text_height(ui, FONT_REGULAR, bs);
		}
	}
	if (v->enrol.raw_uid[0] && band.y + band.h - y > 30) {
		app_trf(v->lang, uid, sizeof uid, "ui.unknown.uid", v->enrol.raw_uid);
		ui_text_fit(ui, 16, band.y + band.h - 32, w - 32, FONT_MEDIUM, 18,
		            COL_ENCRE_DOUCE, ALIGN_CENTER, uid);
	}
}

/* "Retour" and "Enregistrer ce badge", or the wait for the staff badge. */
static void
unknown_actions(Ui *ui, const AppView *v, int y, int bh)
{
	int w = ui_width(ui), m = w >= 1000 ? 32 : 16, gap = w >= 1000 ? 24 : 12;

	if (v->wait != WAIT_NONE) {
		ui_wait_panel(ui, (UiRect){ m, y, w - 2 * m, ui_portrait(ui) ? 180 : bh + 16 },
		              v);
		return;
	}
	if (ui_portrait(ui)) {
		ui_button2(ui, (UiRect){ m, y, w - 2 * m, bh + 8 }, BTN_PRIMARY,
		           ICON_LOCK, tr(v->lang, "ui.unknown.enrol"),
		           tr(v->lang, "ui.unknown.enrol_sub"), ACT_ENROL, 0);
		ui_button(ui, (UiRect){ m, y + bh + 8 + 16, w - 2 * m, bh },
		          BTN_SECONDARY, ICON_ARROW_BACK, tr(v->lang, "ui.back"),
		          ACT_HOME, 0);
		return;
	}
	{
		int bw = (w - 2 * m - gap) * 2 / 5;
		ui_button(ui, (UiRect){ m, y, bw, bh }, BTN_SECONDARY, ICON_ARROW_BACK,
		          tr(v->lang, "ui.back"), ACT_HOME, 0);
		ui_button2(ui, (UiRect){ m + bw + gap, y, w - 2 * m - bw - gap, bh },
		           BTN_PRIMARY, ICON_LOCK, tr(v->lang, "ui.unknown.enrol"),
		           tr(v->lang, "ui.unknown.enrol_sub"), ACT_ENROL, 0);
	}
}

/* "Badge lu : 04C0FFEE", right-aligned at right. */
static void
enrol_uid_pill(Ui *ui, const AppView *v, int right, int cy)
{
	char uid[96];
	int tw, h = 40;

	app_trf(v->lang, uid, sizeof uid, "ui.unknown.uid", v->enrol.raw_uid);
	tw = ui_text_width(ui, FONT_MEDIUM, 18, uid);
	UiRect p = { right - tw - 24 - 30, cy - h / 2, tw + 24 + 30, h };
	ui_rrect(ui, p, h / 2, COL_SABLE);
	ui_icon(ui, p.x + 12 + 11, cy, 22, COL_ENCRE_DOUCE, ICON_CONTACTLESS);
	ui_text(ui, p.x + 12 + 28, cy - ui_text_height(ui, FONT_MEDIUM, 18) / 2,
	        FONT_MEDIUM, 18, COL_ENCRE_DOUCE, uid);
}

/* The role chips, wrapping as needed; returns the height used. */
static int
enrol_roles(Ui *ui, const AppView *v, UiRect r)
{
	int x = r.x, y = r.y, ch = 48, gap = 10;

	for (int i = 0; i < ROLE_COUNT; i++) {
		const char *label = app_role_label(v->lang, (MemberRole)i);
		int cw = ui_text_width(ui, FONT_SEMIBOLD, 18, label) + 40;
		if (x + cw > r.x + r.w && x > r.x) {
			x = r.x;
			y += ch + gap;
		}
		ui_button(ui, (UiRect){ x, y, cw, ch },
		          v->enrol.enrol_role == (MemberRole)i ? BTN_CHIP_SELECTED : BTN_CHIP,
		          0, label, ACT_SET_ROLE, i);
		x += cw + gap;
	}
	return y + ch - r.y;
}

/* "Moins de 18 ans ?" then Oui and Non, neither chosen until tapped
** (no default); the question in the error colour when saving found it
** unanswered. One row when it fits r.w, else the chips under it.
** Returns the height used. */
static int
enrol_minor(Ui *ui, const AppView *v, UiRect r)
{
	static const int args[2] = { 1, 0 };
	const char *q = tr(v->lang, "ui.enrol.minor");
	const char *labels[2] = { tr(v->lang, "post.yes"), tr(v->lang, "post.no") };
	int missing = v->enrol.enrol_error_at == ENROL_ERR_MINOR;
	int th = ui_text_height(ui, FONT_SEMIBOLD, TYPE_BODY);
	int qw = ui_text_width(ui, FONT_SEMIBOLD, TYPE_BODY, q);
	int cw = 110, gap = 10, x = r.x, y = r.y, ch = 48;

	if (qw + 16 + 2 * cw + gap <= r.w) {
		ui_text(ui, r.x, r.y + (ch - th) / 2, FONT_SEMIBOLD, TYPE_BODY,
		        missing ? COL_TERRA : COL_ENCRE, q);
		x = r.x + qw + 16;
	} else {
		ui_text_wrap(ui, (UiRect){ r.x, r.y, r.w, 2 * th }, FONT_SEMIBOLD,
		             TYPE_BODY, TYPE_META, missing ? COL_TERRA : COL_ENCRE,
		             ALIGN_LEFT, 2, q);
		y = r.y + th + 8;
	}
	for (int i = 0; i < 2; i++) {
		int sel = v->enrol.enrol_minor == args[i];
		UiRect c = { x + i * (cw + gap), y, cw, ch };

		if (missing)          /* unanswered: the chips' edges say where */
			ui_rrect(ui, (UiRect){ c.x - 2, c.y - 2, c.w + 4, c.h + 4 },
			         (c.h + 4) / 2, COL_TERRA);
		ui_button(ui, c, sel ? BTN_CHIP_SELECTED : BTN_CHIP, 0, labels[i],
		          ACT_ENROL_MINOR, args[i]);
	}
	return y + ch - r.y;
}

/* The first name and the initial side by side, and one line under them:
** what is wrong, else the name as it will be shown, else an example.
** Returns the height used from the fields' top (y). */
static int
enrol_fields(Ui *ui, const AppView *v, int x, int y, int w, int fh)
{
	int meta = ui_text_height(ui, FONT_MEDIUM, 18);
	int iw = w >= 900 ? 240 : 170, gap = 16;
	TextFieldView name = v->enrol.enrol_name, ini = v->enrol.enrol_initial;
	UiRect nb = { x, y, w - iw - gap, fh }, ib = { x + w - iw, y, iw, fh };
	const char *line = NULL;
	int error = 1;

	/* The line under both: the initial's refusal, the name's, the
	** form's (for a field), or the hint. */
	if (ini.error[0])
		line = v->enrol.enrol_initial.error;
	else if (name.error[0])
		line = v->enrol.enrol_name.error;
	else if (v->enrol.enrol_error[0] &&
	         (v->enrol.enrol_error_at == ENROL_FIELD_FIRST ||
	          v->enrol.enrol_error_at == ENROL_FIELD_INITIAL))
		line = v->enrol.enrol_error;
	else {
		line = v->enrol.enrol_name.hint;
		error = 0;
	}
	name.hint[0] = name.error[0] = ini.hint[0] = ini.error[0] = '\0';
	ini.label[0] = '\0';
	ui_text_field(ui, nb, &name);
	ui_hit(ui, nb, ACT_FIELD, ENROL_FIELD_FIRST, v->enrol.enrol_name.label);
	/* The initial's label drawn here: the field is too narrow for
	** ui_text_field's label beside a counter. */
	ui_text_fit(ui, ib.x, ib.y - meta - 6, ib.w, FONT_SEMIBOLD, 18, COL_ENCRE,
	            ALIGN_LEFT, v->enrol.enrol_initial.label);
	ui_text_field(ui, ib, &ini);
	ui_hit(ui, ib, ACT_FIELD, ENROL_FIELD_INITIAL, v->enrol.enrol_initial.label);
	if (line != NULL && line[0]) {
		ui_icon(ui, x + 10, y + fh + 8 + meta / 2, 20,
		        error ? COL_TERRA : COL_OCRE, error ? ICON_INFO : ICON_LIGHTBULB);
		ui_text_fit(ui, x + 28, y + fh + 8, w - 28, error ? FONT_MEDIUM
		            : FONT_REGULAR, 18, error ? COL_TERRA : COL_ENCRE_DOUCE,
		            ALIGN_LEFT, line);
	}
	return fh + 8 + meta;
}

static void
enrol_draw(Ui *ui, const AppView *v)
{
	UiRect screen = layout_rect(0, 0, ui_width(ui), ui_height(ui));
	int w = screen.w, h = screen.h;
	int m = w >= 1000 ? 32 : MARGIN;
	int portrait = ui_portrait(ui);
	int meta = ui_text_height(ui, FONT_MEDIUM, 18);
	int y;

	ui_top_bar(ui, v, tr(v->lang, "ui.cancel"), ACT_BACK,
	           tr(v->lang, "ui.enrol.title"));
	if (!portrait && v->enrol.raw_uid[0])
		enrol_uid_pill(ui, v, w - 16 - (v->reader_ok ? 80 : 260), 32);
	y = 64 + 10 + meta + 6;
	if (portrait && v->enrol.raw_uid[0]) {
		enrol_uid_pill(ui, v, w - m, 64 + 32);
		y += 48;
	}
	if (v->kbd_visible) {
		int kh = ui_keyboard_height(ui);
		/* Enter goes from the first name to an empty initial. */
		int next = v->enrol.enrol_name.focused &&
		           v->enrol.enrol_name.text[0] != '\0' &&
		           v->enrol.enrol_initial.text[0] == '\0';

		enrol_fields(ui, v, m, y, w - 2 * m, 52);
		ui_keyboard(ui, layout_cut_bottom(&screen, kh), v,
		            tr(v->lang, next ? "ui.enrol.next" : "ui.enrol.ok"));
		return;
	}
	{
		int row_h = 48, save_h = 64;
		y += enrol_fields(ui, v, m, y, w - 2 * m, 56) + 20;
		ui_text(ui, m, y, FONT_SEMIBOLD, 18, COL_ENCRE,
		        tr(v->lang, "ui.enrol.role"));
		y += meta + 8;
		y += enrol_roles(ui, v, (UiRect){ m, y, w - 2 * m, 0 }) + 16;
		if (portrait) {
			y += enrol_minor(ui, v, (UiRect){ m, y, w - 2 * m, row_h }) + 16;
			if (v->enrol.enrol_error[0] &&
			    (v->enrol.enrol_error_at == ENROL_ERR_MINOR ||
			     v->enrol.enrol_error_at == ENROL_FIELD_NONE))
				ui_text_wrap(ui, (UiRect){ m, y, w - 2 * m, 3 * 26 },
				             FONT_MEDIUM, 18, 18, COL_TERRA, ALIGN_LEFT, 3,
				             v->enrol.enrol_error);
			ui_button(ui, (UiRect){ m, h - 16 - save_h - 3, w - 2 * m, save_h },
			          BTN_PRIMARY, ICON_CHECK, tr(v->lang, "ui.enrol.save"),
			          ACT_ENROL_SAVE, 0);
			return;
		}
		{
			int bw = w >= 1000 ? 360 : 280;
			int by = y > h - 16 - save_h - 3 ? y : h - 16 - save_h - 3;
			enrol_minor(ui, v, (UiRect){ m, by + (save_h - row_h) / 2,
			            w - 2 * m - bw - 16, row_h });
			/* A refusal not about a field (the question, a known
			** badge, the database) over the row. */
			if (v->enrol.enrol_error[0] &&
			    (v->enrol.enrol_error_at == ENROL_ERR_MINOR ||
			     v->enrol.enrol_error_at == ENROL_FIELD_NONE)) {
				ui_icon(ui, m + 10, by - 20, 20, COL_TERRA, ICON_INFO);
				ui_text_fit(ui, m + 28, by - 20 - meta / 2, w - 2 * m - 28,
				            FONT_MEDIUM, 18, COL_TERRA, ALIGN_LEFT,
				            v->enrol.enrol_error);
			}
			ui_button(ui, (UiRect){ w - m - bw, by, bw, save_h }, BTN_PRIMARY,
			          ICON_CHECK, tr(v->lang, "ui.enrol.save"), ACT_ENROL_SAVE, 0);
		}
	}
}

static void
unknown_draw(Ui *ui, const AppView *v)
{
	UiRect screen = layout_rect(0, 0, ui_width(ui), ui_height(ui));
	UiRect rest = screen, buttons;
	int w = screen.w, h = screen.h;
	int big = !ui_portrait(ui) && h >= 640;

	ui_fill(ui, screen, COL_CREME);
	if (v->enrol.enrolling) {
		enrol_draw(ui, v);
		return;
	}
	/* The message on top, the buttons under it, the idle line. */
	if (ui_portrait(ui)) {
		unknown_message(ui, v, layout_cut_top(&rest, 440), 0);
		layout_cut_top(&rest, 28);
		unknown_actions(ui, v, rest.y, 64);
		ui_idle_line(ui, v, w / 2, h - 48);
		return;
	}
	if (big) {
		unknown_message(ui, v, layout_cut_top(&rest, 448), 1);
		layout_cut_top(&rest, 60);
		unknown_actions(ui, v, rest.y, 96);
		ui_idle_line(ui, v, w / 2, 640);
		return;
	}
	unknown_message(ui, v, layout_cut_top(&rest, h * 5 / 8), 0);
	layout_cut_top(&rest, 28);
	buttons = layout_cut_top(&rest, 80);
	unknown_actions(ui, v, buttons.y, buttons.h);
	layout_cut_top(&rest, GAP_L);
	ui_idle_line(ui, v, w / 2, rest.y);
}
