/* ui_state.h -- the Ui's insides, for the files that make the drawing
** context: ui.c draws and records, ui_text.c draws blocks of text,
** ui_record.c answers what the last frame drew. Screens and widgets never include it: they see the
** Ui only through ui.h. */
#ifndef BORNE_UI_STATE_H
#define BORNE_UI_STATE_H

#include "ui_internal.h"

typedef struct UiTextRec {
	UiRect r;                /* visible part, logical */
	int    y_top;            /* unclipped top, to join pieces of a line */
	int    x_end;            /* unclipped right edge */
	int    off;              /* text in the arena */
	int    whole;            /* a wrapped paragraph's full text, not drawn */
	int    hits_before;      /* hit regions registered when it was drawn */
} UiTextRec;

struct Ui {
	SDL_Renderer *r;
	Render *rd;
	int    win_w, win_h;     /* window pixels */
	int    w, h;             /* logical canvas */
	float  scale;
	int    has_clip;
	UiRect clip;
	UiTextRec *texts;
	int    n_texts, cap_texts;
	UiHitRec *hits;
	int    n_hits, cap_hits;
	char  *arena;
	size_t arena_len, arena_cap;
	int    has_slot;         /* where the reader banner goes this frame */
	UiRect slot;
};

/* A string of the frame's arena ("" for -1). */
const char *ui_arena_str(const Ui *ui, int off);

/* What textlayout needs to measure with the kiosk's fonts. */
typedef struct UiMeasure {
	Ui    *ui;
	UiFont f;
	int    size_px;
	char  *buf;              /* the last range measured, terminated */
	size_t cap;
} UiMeasure;

/* Shared by ui.c and ui_text.c: the text recorded for scripts (whole: a
** wrapped paragraph's full text, not drawn), a line's height at size_px,
** and the width measure textlayout.c calls back (ctx: a UiMeasure). */
void ui_record_text(Ui *ui, UiRect r, const char *s, int whole);
int  ui_text_line_height(int size_px);
int  ui_measure(void *ctx, const char *s, size_t len);

#endif
