/* ui_state.h -- the Ui's insides, for the two files that make the
** drawing context: ui.c draws and records, ui_record.c answers what the
** last frame drew. Screens and widgets never include it: they see the
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

#endif
