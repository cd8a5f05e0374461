/* screens/out_of_service.c -- "Hors service": the database cannot be used.
** Plain on purpose: the space's name and the clock, one big line that the
** kiosk is out of service, one for whoever badges (tell the team), and a
** card for facilitators with the reason in plain words, the file, what
** SQLite said and that the kiosk tries again by itself. No button: there
** is nothing a passer-by can do, and it comes back to Accueil alone. */
#include <stdio.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

static void oos_draw(Ui *ui, const AppView *v);
static int  oos_staff_card(Ui *ui, const AppView *v, UiRect r, int big,
                           int draw);
static int  oos_box(Ui *ui, UiRect r, UiFont f, int size, UiColor c,
                    const char *text, int draw);

const ScreenOps out_of_service_screen = { "out-of-service", oos_draw };

/* Up to two wrapped lines; returns their height (drawn when draw). */
static int
oos_box(Ui *ui, UiRect r, UiFont f, int size, UiColor c, const char *text,
        int draw)
{
	int lh = ui_text_height(ui, f, size);
	int n = ui_text_width(ui, f, size, text) > r.w ? 2 : 1;

	if (draw)
		ui_text_box(ui, (UiRect){ r.x, r.y, r.w, n * lh }, f, size, c,
		            ALIGN_LEFT, n, text);
	return n * lh;
}

/* The facilitators' card, measured (draw 0) or drawn; returns its
** height. */
static int
oos_staff_card(Ui *ui, const AppView *v, UiRect r, int big, int draw)
{
	char file[640];
	int pad = big ? 24 : 16, x = r.x + pad, w = r.w - 2 * pad;
	int ls = big ? 20 : 17, rs = big ? 30 : 24, ds = big ? 19 : 16;
	int y = r.y + pad;

	if (draw) {
		ui_rrect_lip(ui, r, 16, COL_BLANC, COL_LINE, 2);
		ui_text_fit(ui, x, y, w, FONT_SEMIBOLD, ls, COL_OCRE, ALIGN_LEFT,
		            tr(v->lang, "ui.oos.staff"));
	}
	y += ui_text_height(ui, FONT_SEMIBOLD, ls) + 2;
	if (draw)
		ui_text_fit(ui, x, y, w, FONT_BOLD, rs, COL_ENCRE, ALIGN_LEFT,
		            v->oos.oos_reason);
	y += ui_text_height(ui, FONT_BOLD, rs) + 6;
	if (v->oos.oos_path[0] != '\0') {
		app_trf(v->lang, file, sizeof file, "ui.oos.file", v->oos.oos_path);
		y += oos_box(ui, (UiRect){ x, y, w, 0 }, FONT_REGULAR, ds,
		             COL_ENCRE, file, draw);
	}
	if (v->oos.oos_detail[0] != '\0')
		y += oos_box(ui, (UiRect){ x, y, w, 0 }, FONT_REGULAR, ds,
		             COL_ENCRE_DOUCE, v->oos.oos_detail, draw);
	y += 8;
	y += oos_box(ui, (UiRect){ x, y, w, 0 }, FONT_MEDIUM, ds, COL_VERT,
	             v->oos.oos_retry, draw);
	return y + pad - r.y;
}

static void
oos_draw(Ui *ui, const AppView *v)
{
	UiRect screen = layout_rect(0, 0, ui_width(ui), ui_height(ui));
	int big = screen.h >= 640 && screen.w >= 640;
	int m = big ? 48 : 20;
	int logo = big ? 56 : 40, ns = big ? 28 : TYPE_BODY;
	int cs = big ? 28 : TYPE_BODY;
	int ts = big ? 64 : 40, bs = big ? 26 : TYPE_BODY;
	int r = big ? 40 : 26;            /* the info icon's circle */
	/* The page below the margin, flowing down: each piece cut off its top. */
	UiRect page = layout_inset4(screen, m, m, 0, m);
	UiRect head = layout_cut_top(&page, logo), col, title, card;

	ui_fill(ui, screen, COL_CREME);
	ui_logo(ui, head.x, head.y, logo);
	ui_text(ui, head.x + logo + GAP_M,
	        layout_middle_y(head, ui_text_height(ui, FONT_BOLD, ns)),
	        FONT_BOLD, ns, COL_ENCRE, v->space_name);
	head = layout_cut_right(&head, 200);
	ui_text_fit(ui, head.x, layout_middle_y(head, ui_text_height(ui, FONT_BOLD,
	            cs)), head.w, FONT_BOLD, cs, COL_ENCRE_DOUCE, ALIGN_RIGHT,
	            v->clock);
	layout_cut_top(&page, big ? 40 : 14);
	/* The text in one column, at most 1100 px, centred. */
	col = layout_centre_x(page, page.w > 1100 ? 1100 : page.w);
	title = layout_cut_top(&col, 2 * r);
	ui_circle(ui, title.x + r, title.y + r, r, COL_TERRA_PALE);
	ui_icon(ui, title.x + r, title.y + r, r + r / 3, COL_TERRA, ICON_INFO);
	layout_cut_left(&title, 2 * r + 18);
	ui_text_fit(ui, title.x, title.y + r - ui_text_height(ui, FONT_BOLD, ts) / 2,
	            title.w, FONT_BOLD, ts, COL_ENCRE, ALIGN_LEFT,
	            tr(v->lang, "ui.oos.title"));
	layout_cut_top(&col, big ? 20 : GAP_S);
	layout_cut_top(&col, oos_box(ui, col, FONT_REGULAR, bs, COL_ENCRE,
	               tr(v->lang, "ui.oos.body"), 1));
	layout_cut_top(&col, big ? 32 : GAP_L);
	/* The facilitators' card: as tall as it needs, up to the bottom. */
	card = layout_rect(col.x, col.y, col.w, 0);
	card.h = oos_staff_card(ui, v, card, big, 0);
	if (card.h > col.h - GAP_S)
		card.h = col.h - GAP_S;
	oos_staff_card(ui, v, card, big, 1);
}
