/* test_panel.c -- a screen mounted turned and a touch layer mirrored:
** where the picture's points land on the panel, and touches back. */
#include <math.h>

#include "check.h"
#include "panel.h"

static int
near(float a, float b)
{
	return fabsf(a - b) < 1e-5f;
}

/* The picture's top-left corner and a point right of it, on the panel. */
static void
corners(void)
{
	static const struct {
		int rotate;
		float x, y;         /* where picture (0, 0) lands */
		float rx, ry;       /* where picture (1, 0) lands */
	} cases[] = {
		{ 0,   0, 0, 1, 0 },
		{ 90,  1, 0, 1, 1 },  /* clockwise: the top runs down the right */
		{ 180, 1, 1, 0, 1 },
		{ 270, 0, 1, 0, 0 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		Panel p;
		float x = 0, y = 0, rx = 1, ry = 0;

		panel_init(&p, cases[i].rotate, "none");
		panel_picture_to_touch(&p, &x, &y);
		panel_picture_to_touch(&p, &rx, &ry);
		CHECK(near(x, cases[i].x) && near(y, cases[i].y));
		CHECK(near(rx, cases[i].rx) && near(ry, cases[i].ry));
	}
}

/* Every rotation and mirror: a touch put where a point is shown comes
** back to that point; the picture's size swaps at a quarter turn. */
static void
round_trips(void)
{
	static const char *const flips[] = { "none", "x", "y", "xy" };
	static const float pts[][2] = {
		{ 0.1f, 0.2f }, { 0.9f, 0.05f }, { 0.5f, 0.5f }, { 0.3f, 0.97f },
	};

	for (int r = 0; r < 360; r += 90) {
		for (size_t f = 0; f < 4; f++) {
			Panel p;
			int w, h;

			panel_init(&p, r, flips[f]);
			panel_picture_size(&p, 480, 800, &w, &h);
			CHECK_INT(w, r % 180 == 0 ? 480 : 800);
			CHECK_INT(h, r % 180 == 0 ? 800 : 480);
			for (size_t i = 0; i < 4; i++) {
				float x = pts[i][0], y = pts[i][1];

				panel_picture_to_touch(&p, &x, &y);
				panel_touch_to_picture(&p, &x, &y);
				CHECK(near(x, pts[i][0]) && near(y, pts[i][1]));
			}
		}
	}
}

/* A mirrored touch layer: the finger at the panel's left is reported at
** its right, and lands back on the left of the picture. */
static void
mirrors(void)
{
	Panel p;
	float x = 0.9f, y = 0.25f;

	panel_init(&p, 0, "x");
	panel_touch_to_picture(&p, &x, &y);
	CHECK(near(x, 0.1f) && near(y, 0.25f));
	panel_init(&p, 180, "xy");              /* the two cancel */
	x = 0.3f;
	y = 0.8f;
	panel_touch_to_picture(&p, &x, &y);
	CHECK(near(x, 0.3f) && near(y, 0.8f));
	panel_init(&p, 45, "sideways");         /* refused by the config */
	CHECK_INT(p.rotate, 0);
	CHECK_INT(p.flip_x, 0);
	CHECK_INT(p.flip_y, 0);
}

int
main(void)
{
	corners();
	round_trips();
	mirrors();
	return check_done();
}
