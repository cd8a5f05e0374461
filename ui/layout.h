/* layout.h -- rectangles cut, inset, split and centred: how a screen
** says where things go ("a 64 px bar on top, the rest inset by the
** margin, three columns 12 px apart") instead of adding up coordinates.
** No SDL: plain integer rectangles in the canvas's logical pixels, so the
** unit test (tests/test_layout.c) runs without a display.
**
** Rounding is C's integer division, the same as the arithmetic the
** screens did by hand, so a screen rewritten with these draws the same
** pixels. Nothing here grows a rectangle's size below zero: a cut wider
** than the rectangle leaves an empty rest, never a negative one. */
#ifndef BORNE_LAYOUT_H
#define BORNE_LAYOUT_H

typedef struct UiRect { int x, y, w, h; } UiRect;

/* A rectangle from its edges. */
UiRect layout_rect(int x, int y, int w, int h);

/* Takes a strip n px thick off one side of *r and returns it; *r keeps
** the rest (n < 0 counts as 0; the rest is empty when n >= its size). */
UiRect layout_cut_top(UiRect *r, int n);
UiRect layout_cut_bottom(UiRect *r, int n);
UiRect layout_cut_left(UiRect *r, int n);
UiRect layout_cut_right(UiRect *r, int n);

/* r shrunk by dx on the left and right, dy on top and bottom. */
UiRect layout_inset(UiRect r, int dx, int dy);
/* r shrunk by a different amount on each side. */
UiRect layout_inset4(UiRect r, int top, int right, int bottom, int left);
/* r moved by (dx, dy), its size kept. */
UiRect layout_move(UiRect r, int dx, int dy);

/* Column i of n (0-based) side by side in r, gap px apart: each
** (r.w - (n - 1) * gap) / n wide, the whole height of r. */
UiRect layout_column(UiRect r, int n, int gap, int i);
/* Row i of n stacked in r, gap px apart, the whole width of r. */
UiRect layout_row(UiRect r, int n, int gap, int i);
/* Cell i of a grid of cols x rows filled row by row. */
UiRect layout_cell(UiRect r, int cols, int rows, int gap_x, int gap_y, int i);

/* A w x h box centred in r (it may overflow r when bigger). */
UiRect layout_centre(UiRect r, int w, int h);
/* A box w wide, r's height, centred across r. */
UiRect layout_centre_x(UiRect r, int w);
/* A box h high, r's width, centred down r. */
UiRect layout_centre_y(UiRect r, int h);
/* The top of a line h high centred down r (text: h is its line box). */
int    layout_middle_y(UiRect r, int h);

/* The rectangle in another scale: each edge rounded to the nearest
** pixel, so that rectangles sharing an edge still share it. */
UiRect layout_scale(UiRect r, float s);

#endif
