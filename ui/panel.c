/* panel.c -- the picture and the touches on a panel mounted turned or
** mirrored (see panel.h). The picture turned clockwise by r puts its
** point (x, y) on the panel at: r = 90: (1 - y, x); 180: (1 - x,
** 1 - y); 270: (y, 1 - x). */
#include "panel.h"

#include <string.h>

static void turn(int degrees, float *x, float *y);

void
panel_init(Panel *p, int rotate, const char *touch_flip)
{
	memset(p, 0, sizeof *p);
	if (rotate == 90 || rotate == 180 || rotate == 270)
		p->rotate = rotate;
	if (touch_flip != NULL) {
		p->flip_x = strcmp(touch_flip, "x") == 0 || strcmp(touch_flip, "xy") == 0;
		p->flip_y = strcmp(touch_flip, "y") == 0 || strcmp(touch_flip, "xy") == 0;
	}
}

void
panel_picture_size(const Panel *p, int pw, int ph, int *w, int *h)
{
	int turned = p->rotate == 90 || p->rotate == 270;

	*w = turned ? ph : pw;
	*h = turned ? pw : ph;
}

/* Point (x, y) of a picture turned clockwise by degrees, on the panel. */
static void
turn(int degrees, float *x, float *y)
{
	float px = *x, py = *y;

	switch (degrees) {
	case 90:
		*x = 1.0f - py;
		*y = px;
		break;
	case 180:
		*x = 1.0f - px;
		*y = 1.0f - py;
		break;
	case 270:
		*x = py;
		*y = 1.0f - px;
		break;
	default:
		break;
	}
}

void
panel_touch_to_picture(const Panel *p, float *x, float *y)
{
	if (p->flip_x)
		*x = 1.0f - *x;
	if (p->flip_y)
		*y = 1.0f - *y;
	turn((360 - p->rotate) % 360, x, y);   /* the panel back to the picture */
}

void
panel_picture_to_touch(const Panel *p, float *x, float *y)
{
	turn(p->rotate, x, y);
	if (p->flip_x)
		*x = 1.0f - *x;
	if (p->flip_y)
		*y = 1.0f - *y;
}
