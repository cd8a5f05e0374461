/* problem.c -- the calm line a screen shows when a read for it failed
** (view.problem: "La borne a un problème, prévenez l'équipe
** d'animation."), and in facilitator mode the reason under it. Drawn
** over every screen, under the top bar, like the toast; nothing is
** drawn when all was read, so such frames are as before. */
#include "ui.h"
#include "widgets.h"

void
ui_problem(Ui *ui, const AppView *v)
{
	int w = ui_width(ui);
	int maxw = w - 48 > 720 ? 720 : w - 48;
	int size = 20, lh = (size * 7 + 2) / 5;
	int detail = v->problem_detail[0] != '\0';
	int bh = lh + 28 + (detail ? lh : 0);
	UiRect box = { (w - maxw) / 2, 76, maxw, bh };

	if (v->problem[0] == '\0')
		return;
	ui_rrect(ui, box, 16, COL_TERRA_PALE);
	ui_rrect_border(ui, box, 16, 2, COL_TERRA);
	ui_icon(ui, box.x + 32, box.y + 14 + lh / 2, 26, COL_TERRA, ICON_INFO);
	ui_text_box(ui, (UiRect){ box.x + 56, box.y + 14, maxw - 72, lh },
	            FONT_SEMIBOLD, size, COL_ENCRE, ALIGN_LEFT, 1, v->problem);
	if (detail)
		ui_text_box(ui, (UiRect){ box.x + 56, box.y + 14 + lh, maxw - 72, lh },
		            FONT_REGULAR, 16, COL_ENCRE, ALIGN_LEFT, 1,
		            v->problem_detail);
	/* No hit region: taps go to the screen beneath. */
}
