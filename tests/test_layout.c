/* test_layout.c -- the screens' rectangle helpers (ui/layout.c): cuts,
** insets, columns and centring give the rectangles the hand-written
** arithmetic gave, and never a negative size. */
#include "check.h"
#include "layout.h"

#define CHECK_RECT(r, X, Y, W, H) do { \
	CHECK_INT((r).x, X); CHECK_INT((r).y, Y); \
	CHECK_INT((r).w, W); CHECK_INT((r).h, H); } while (0)

/* A screen cut into a top bar, a bottom strip and side margins. */
static void
cuts(void)
{
	UiRect r = layout_rect(0, 0, 800, 480);
	UiRect bar = layout_cut_top(&r, 64);
	UiRect foot = layout_cut_bottom(&r, 56);
	UiRect side = layout_cut_left(&r, 16);
	UiRect right = layout_cut_right(&r, 200);

	CHECK_RECT(bar, 0, 0, 800, 64);
	CHECK_RECT(foot, 0, 424, 800, 56);
	CHECK_RECT(side, 0, 64, 16, 360);
	CHECK_RECT(right, 600, 64, 200, 360);
	CHECK_RECT(r, 16, 64, 584, 360);
}

/* A cut larger than what is left takes its n px and leaves an empty
** rest where it was, never a negative one; a negative cut takes nothing. */
static void
cuts_overflow(void)
{
	UiRect r = layout_rect(10, 20, 100, 30);
	UiRect s = layout_cut_top(&r, 50);

	CHECK_RECT(s, 10, 20, 100, 50);
	CHECK_RECT(r, 10, 50, 100, 0);
	r = layout_rect(10, 20, 100, 30);
	s = layout_cut_right(&r, 150);
	CHECK_RECT(s, -40, 20, 150, 30);
	CHECK_RECT(r, 10, 20, 0, 30);
	r = layout_rect(10, 20, 100, 30);
	s = layout_cut_left(&r, -5);
	CHECK_RECT(s, 10, 20, 0, 30);
	CHECK_RECT(r, 10, 20, 100, 30);
	s = layout_cut_bottom(&r, -5);
	CHECK_RECT(s, 10, 50, 100, 0);
	CHECK_RECT(r, 10, 20, 100, 30);
}

static void
insets(void)
{
	UiRect r = layout_rect(0, 0, 800, 480);

	CHECK_RECT(layout_inset(r, 16, 24), 16, 24, 768, 432);
	CHECK_RECT(layout_inset4(r, 1, 2, 3, 4), 4, 1, 794, 476);
	CHECK_RECT(layout_inset(layout_rect(5, 5, 10, 10), 8, 8), 13, 13, 0, 0);
	CHECK_RECT(layout_move(r, -3, 7), -3, 7, 800, 480);
}

/* Three keys in 400 px 14 px apart: (400 - 28) / 3 = 124 each, the
** remainder left at the right edge, as the PIN pad did by hand. */
static void
columns(void)
{
	UiRect r = layout_rect(100, 50, 400, 300);

	CHECK_RECT(layout_column(r, 3, 14, 0), 100, 50, 124, 300);
	CHECK_RECT(layout_column(r, 3, 14, 2), 376, 50, 124, 300);
	CHECK_RECT(layout_row(r, 4, 11, 3), 100, 281, 400, 66);
	CHECK_RECT(layout_cell(r, 3, 4, 14, 11, 7), 238, 204, 124, 66);
	CHECK_RECT(layout_column(r, 0, 14, 0), 100, 50, 400, 300);
	CHECK_RECT(layout_column(r, 1, 14, 0), 100, 50, 400, 300);
}

static void
centring(void)
{
	UiRect r = layout_rect(10, 20, 101, 51);

	CHECK_RECT(layout_centre(r, 41, 21), 40, 35, 41, 21);
	CHECK_RECT(layout_centre(r, 201, 51), -40, 20, 201, 51);
	CHECK_RECT(layout_centre_x(r, 21), 50, 20, 21, 51);
	CHECK_RECT(layout_centre_y(r, 11), 10, 40, 101, 11);
	CHECK_INT(layout_middle_y(r, 24), 33);
}

/* 1920x1080 draws a 1280x720 canvas at 1.5: neighbours still touch. */
static void
scaling(void)
{
	UiRect a = layout_scale(layout_rect(0, 0, 3, 3), 1.5f);
	UiRect b = layout_scale(layout_rect(3, 3, 3, 3), 1.5f);

	CHECK_RECT(a, 0, 0, 5, 5);
	CHECK_INT(b.x, a.x + a.w);
	CHECK_INT(b.y, a.y + a.h);
	CHECK_RECT(layout_scale(layout_rect(0, 0, 1280, 720), 1.5f),
	           0, 0, 1920, 1080);
}

int
main(void)
{
	cuts();
	cuts_overflow();
	insets();
	columns();
	centring();
	scaling();
	return check_done();
}
