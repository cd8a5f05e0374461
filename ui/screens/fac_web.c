/* fac_web.c -- facilitator mode's back office: the button asking for a
** one-time code and the panel showing it with the address to open
** (AppView fac.web_*; the core's scr_fac_web.c makes them). */
#include "fac_web.h"

#include "i18n.h"
#include "theme.h"
#include "widgets.h"

void
fac_web_button(Ui *ui, const AppView *v, UiRect r)
{
	ui_button(ui, r, BTN_BLUE, ICON_COMPUTER, tr(v->lang, "ui.fac.web"),
	          ACT_WEB_CODE, 0);
}

void
fac_web_panel(Ui *ui, const AppView *v, UiRect r)
{
	int pad = 16, y = r.y + pad;
	int lh = ui_text_height(ui, FONT_REGULAR, TYPE_BODY);

	ui_rrect_lip(ui, r, RADIUS_CARD, COL_BLANC, COL_LINE, LIP_CARD);
	ui_icon(ui, r.x + pad + 15, y + 16, 30, COL_BLEU, ICON_COMPUTER);
	ui_text_fit(ui, r.x + pad + 40, y, r.w - 2 * pad - 170, FONT_BOLD,
	            TYPE_SECTION, COL_ENCRE, ALIGN_LEFT, tr(v->lang, "ui.fac.web"));
	ui_button(ui, (UiRect){ r.x + r.w - pad - 120, r.y + 10, 120, 48 },
	          BTN_QUIET, ICON_ARROW_BACK, tr(v->lang, "ui.back"), ACT_FAC_TAB,
	          FAC_PRESENT);
	y += 60;
	y += ui_text_box(ui, (UiRect){ r.x + pad, y, r.w - 2 * pad, 3 * lh },
	                 FONT_REGULAR, TYPE_BODY, COL_ENCRE, ALIGN_LEFT, 3,
	                 tr(v->lang, "ui.fac.web_help")) + 12;
	if (v->fac.web_code[0] != '\0') {
		ui_text_fit(ui, r.x + pad, y, r.w - 2 * pad, FONT_SEMIBOLD, TYPE_TITLE,
		            COL_BLEU, ALIGN_CENTER, v->fac.web_url);
		y += ui_text_height(ui, FONT_SEMIBOLD, TYPE_TITLE) + 8;
		ui_text_fit(ui, r.x + pad, y, r.w - 2 * pad, FONT_BOLD, TYPE_GREETING,
		            COL_ENCRE, ALIGN_CENTER, v->fac.web_code);
		y += ui_text_height(ui, FONT_BOLD, TYPE_GREETING) + 8;
	}
	if (v->fac.web_msg[0] != '\0') {
		ui_text_fit(ui, r.x + pad, y, r.w - 2 * pad, FONT_SEMIBOLD, TYPE_BODY,
		            COL_OCRE, ALIGN_LEFT, v->fac.web_msg);
		y += lh + 8;
	}
	if (r.y + r.h - pad - 56 >= y)
		ui_button(ui, (UiRect){ r.x + pad, r.y + r.h - pad - 56,
		          r.w - 2 * pad, 56 }, BTN_SECONDARY, ICON_CLOSE,
		          tr(v->lang, "ui.fac.web_end"), ACT_WEB_END, 0);
}
