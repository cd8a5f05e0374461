/* panel.h -- how the kiosk's picture and touches map onto the physical
** panel: a screen mounted turned (display_rotate: the picture turns
** clockwise by 0, 90, 180 or 270 degrees) and a touch layer mounted
** mirrored (touch_flip). Points are in [0, 1] x [0, 1] of the panel
** or of the picture. No SDL: unit-tested alone. */
#ifndef BORNE_PANEL_H
#define BORNE_PANEL_H

typedef struct Panel {
	int rotate;           /* 0, 90, 180, 270 (degrees, clockwise) */
	int flip_x, flip_y;   /* the touch layer's x (or y) runs backwards */
} Panel;

/* Fills p from the config words ("90", "xy"...). Unknown words give 0
** and no flip: the config has already refused them. */
void panel_init(Panel *p, int rotate, const char *touch_flip);

/* The picture's size for a panel of pw x ph pixels: swapped when the
** picture stands at 90 or 270 degrees. */
void panel_picture_size(const Panel *p, int pw, int ph, int *w, int *h);

/* A touch at (x, y) of the panel, as the touch layer reports it, to the
** point of the picture under the finger. */
void panel_touch_to_picture(const Panel *p, float *x, float *y);

/* The inverse: where the touch layer reports a finger put on point
** (x, y) of the picture (a script's "tap on this button"). */
void panel_picture_to_touch(const Panel *p, float *x, float *y);

#endif
