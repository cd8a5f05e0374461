/* layout.c -- rectangle cutting, insets, columns and centring for the
** screens (see layout.h). */
#include "layout.h"

#include <math.h>

static int layout_clamp(int n, int max);

static int
layout_clamp(int n, int max)
{
	if (n < 0)
		return 0;
	return n > max ? max : n;
}

UiRect
layout_rect(int x, int y, int w, int h)
{
	UiRect r = { x, y, w, h };

	return r;
}

UiRect
layout_cut_top(UiRect *r, int n)
{
	UiRect s = { r->x, r->y, r->w, n < 0 ? 0 : n };
	int k = layout_clamp(n, r->h);

	r->y += k;
	r->h -= k;
	return s;
}

UiRect
layout_cut_bottom(UiRect *r, int n)
{
	int k = layout_clamp(n, r->h);
	UiRect s = { r->x, r->y + r->h - (n < 0 ? 0 : n), r->w, n < 0 ? 0 : n };

	r->h -= k;
	return s;
}

UiRect
layout_cut_left(UiRect *r, int n)
{
	UiRect s = { r->x, r->y, n < 0 ? 0 : n, r->h };
	int k = layout_clamp(n, r->w);

	r->x += k;
	r->w -= k;
	return s;
}

UiRect
layout_cut_right(UiRect *r, int n)
{
	int k = layout_clamp(n, r->w);
	UiRect s = { r->x + r->w - (n < 0 ? 0 : n), r->y, n < 0 ? 0 : n, r->h };

	r->w -= k;
	return s;
}

UiRect
layout_inset(UiRect r, int dx, int dy)
{
	return layout_inset4(r, dy, dx, dy, dx);
}

UiRect
layout_inset4(UiRect r, int top, int right, int bottom, int left)
{
	UiRect s = { r.x + left, r.y + top, r.w - left - right,
	             r.h - top - bottom };

	if (s.w < 0)
		s.w = 0;
	if (s.h < 0)
		s.h = 0;
	return s;
}

UiRect
layout_move(UiRect r, int dx, int dy)
{
	r.x += dx;
	r.y += dy;
	return r;
}

UiRect
layout_column(UiRect r, int n, int gap, int i)
{
	UiRect s = r;

	if (n < 1)
		n = 1;
	s.w = (r.w - (n - 1) * gap) / n;
	s.x = r.x + i * (s.w + gap);
	return s;
}

UiRect
layout_row(UiRect r, int n, int gap, int i)
{
	UiRect s = r;

	if (n < 1)
		n = 1;
	s.h = (r.h - (n - 1) * gap) / n;
	s.y = r.y + i * (s.h + gap);
	return s;
}

UiRect
layout_cell(UiRect r, int cols, int rows, int gap_x, int gap_y, int i)
{
	if (cols < 1)
		cols = 1;
	return layout_column(layout_row(r, rows, gap_y, i / cols), cols, gap_x,
	                     i % cols);
}

UiRect
layout_centre(UiRect r, int w, int h)
{
	UiRect s = { r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h };

	return s;
}

UiRect
layout_centre_x(UiRect r, int w)
{
	UiRect s = { r.x + (r.w - w) / 2, r.y, w, r.h };

	return s;
}

UiRect
layout_centre_y(UiRect r, int h)
{
	UiRect s = { r.x, r.y + (r.h - h) / 2, r.w, h };

	return s;
}

int
layout_middle_y(UiRect r, int h)
{
	return r.y + (r.h - h) / 2;
}

UiRect
layout_scale(UiRect r, float s)
{
	UiRect p;
	int x1 = (int)lroundf((float)(r.x + r.w) * s);
	int y1 = (int)lroundf((float)(r.y + r.h) * s);

	p.x = (int)lroundf((float)r.x * s);
	p.y = (int)lroundf((float)r.y * s);
	p.w = x1 - p.x;
	p.h = y1 - p.y;
	return p;
}
