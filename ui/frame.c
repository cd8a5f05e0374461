/* frame.c -- one whole frame: the screen of the view, then what lies
** over every screen (a failed read's line, the idle warning, the toast,
** the reader banner,
** the flash of a cue).
** It sits above ui.c (the drawing context), the widgets and the screen
** table, so that none of those needs another: ui.c draws shapes and text
** and knows no widget. */
#include "ui_internal.h"

#include <math.h>

#include "widgets.h"

#define FLASH_RING 12     /* the cue's ring round the screen, px */

void
ui_draw_frame(Ui *ui, const AppView *v, AppCue flash_cue, float flash)
{
	const ScreenOps *ops = ui_screen_ops(v->screen);
	UiColor tint = COL_VERT;

	ui_frame_begin(ui, (int)v->screen, COL_CREME);
	if (ops != NULL && ops->draw != NULL)
		ops->draw(ui, v);
	ui_clip(ui, NULL);
	ui_problem(ui, v);
	ui_idle_warning(ui, v);             /* over the screen, before its reset */
	ui_toast(ui, v);
	ui_reader_banner(ui, v);
	if (flash > 0.0f && flash_cue != CUE_NONE) {
		/* The visual half of a cue: a ring of colour round the screen,
		** seen from the side of the eye while the tone plays. */
		if (flash_cue == CUE_UNKNOWN)
			tint = COL_SOLEIL;
		else if (flash_cue == CUE_REFUSED)
			tint = COL_TERRA;
		uint8_t a = (uint8_t)lroundf(fminf(flash, 1.0f) * 255.0f);
		UiRect r = layout_rect(0, 0, ui_width(ui), ui_height(ui));

		ui_fill_alpha(ui, layout_cut_top(&r, FLASH_RING), tint, a);
		ui_fill_alpha(ui, layout_cut_bottom(&r, FLASH_RING), tint, a);
		ui_fill_alpha(ui, layout_cut_left(&r, FLASH_RING), tint, a);
		ui_fill_alpha(ui, layout_cut_right(&r, FLASH_RING), tint, a);
	}
	ui_frame_end(ui);
}

void
ui_draw_dark(Ui *ui)
{
	ui_frame_begin(ui, -1, 0x000000u);      /* a scene of its own */
	ui_frame_end(ui);
}
