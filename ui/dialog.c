/* dialog.c -- questions asked over the screen: a dimmed screen, a white
** panel with a title, a sentence or two and one or two big buttons. The
** idle warning ("Vous êtes toujours là ?", WCAG 2.2.1) is one, drawn over
** every screen when the view says the idle reset is near; the post form
** asks with one before erasing what was typed. Nothing under the panel
** can be tapped while it shows. */
#include "ui.h"
#include "widgets.h"

#include "i18n.h"

#define DLG_PAD   24
#define DLG_BTN_H 64

static int dlg_lines_h(Ui *ui, int w, UiFont f, int size, int max_lines,
                       const char *text);

/* The height text wraps to in w (at most max_lines lines). */
static int
dlg_lines_h(Ui *ui, int w, UiFont f, int size, int max_lines, const char *text)
{
	int lh = ui_text_height(ui, f, size) + 4;
	int tw = ui_text_width(ui, f, size, text);
	int n = w > 0 ? (tw + w - 1) / w : 1;

	if (text[0] == '\0')
		return 0;
	if (n < 1)
		n = 1;
	if (tw > w)
		n++;                 /* breaks at spaces lose a little */
	if (n > max_lines)
		n = max_lines;
	return n * lh;
}

void
ui_dialog(Ui *ui, const char *title, const char *line, const char *body,
          const char *yes, AppAction yes_act, int64_t yes_arg,
          const char *no, AppAction no_act, int64_t no_arg)
{
	int w = ui_width(ui), h = ui_height(ui);
	int pw = w - 2 * 16 > 640 ? 640 : w - 2 * 16;
	int iw = pw - 2 * DLG_PAD;
	int two = no != NULL && no[0] != '\0';
	int side = two && pw >= 520;
	int th = dlg_lines_h(ui, iw, FONT_BOLD, 28, 3, title);
	int lh = dlg_lines_h(ui, iw, FONT_SEMIBOLD, 22, 2, line);
	int bh = dlg_lines_h(ui, iw, FONT_REGULAR, 20, 3, body);
	int btns = side || !two ? DLG_BTN_H : 2 * DLG_BTN_H + GAP_M;
	int ph = DLG_PAD + th + (lh ? 12 + lh : 0) + (bh ? 8 + bh : 0) + 24 +
	         btns + DLG_PAD;
	UiRect p, yes_r;
	int y;

	ui_dim(ui, layout_rect(0, 0, w, h));
	ui_hit(ui, layout_rect(0, 0, w, h), ACT_NONE, 0, NULL);
	p = layout_centre(layout_rect(0, 0, w, h), pw, ph);
	ui_rrect(ui, layout_move(p, 0, LIP), RADIUS_PANEL, COL_LINE);
	ui_rrect(ui, p, RADIUS_PANEL, COL_BLANC);
	y = p.y + DLG_PAD;
	ui_text_box(ui, (UiRect){ p.x + DLG_PAD, y, iw, th }, FONT_BOLD, 28,
	            COL_ENCRE, ALIGN_LEFT, 3, title);
	y += th;
	if (lh) {
		y += 12;
		ui_text_box(ui, (UiRect){ p.x + DLG_PAD, y, iw, lh }, FONT_SEMIBOLD,
		            22, COL_TERRA, ALIGN_LEFT, 2, line);
		y += lh;
	}
	if (bh) {
		y += 8;
		ui_text_box(ui, (UiRect){ p.x + DLG_PAD, y, iw, bh }, FONT_REGULAR,
		            20, COL_ENCRE_DOUCE, ALIGN_LEFT, 3, body);
		y += bh;
	}
	y += 24;
	if (side) {
		int half = (iw - GAP_M) / 2;

		ui_button(ui, (UiRect){ p.x + DLG_PAD, y, half, DLG_BTN_H },
		          BTN_SECONDARY, 0, no, no_act, no_arg);
		yes_r = (UiRect){ p.x + DLG_PAD + half + GAP_M, y, iw - half - GAP_M,
		                  DLG_BTN_H };
	} else {
		yes_r = (UiRect){ p.x + DLG_PAD, y, iw, DLG_BTN_H };
		if (two)
			ui_button(ui, (UiRect){ p.x + DLG_PAD, y + DLG_BTN_H + GAP_M, iw,
			          DLG_BTN_H }, BTN_SECONDARY, 0, no, no_act, no_arg);
	}
	ui_button(ui, yes_r, BTN_PRIMARY, 0, yes, yes_act, yes_arg);
}

void
ui_idle_warning(Ui *ui, const AppView *v)
{
	if (!v->idle_warn)
		return;
	ui_dialog(ui, tr(v->lang, "idle.warn.title"), v->idle_text,
	          tr(v->lang, "idle.warn.body"), tr(v->lang, "idle.warn.stay"),
	          ACT_STAY, 0, NULL, ACT_NONE, 0);
}
