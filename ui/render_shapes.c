/* render_shapes.c -- rectangles, rounded rectangles and rings, anti-
** aliased, in window pixels. Everything round is built from a quarter-
** circle texture made once per (radius, ring width), whose alpha is the
** pixel's coverage (4x4 samples), tinted with a colour mod and drawn four
** times with flips; render.c frees the textures with the rest. Discs
** that never change (a badge target's rings) are drawn once, over their
** background, into one opaque square, which each frame only copies. */
#include "render_state.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static SDL_Texture *render_corner(Render *rd, int radius_px, int width_px);
static float render_coverage(float px, float py, float r);
static void render_tint(SDL_Texture *t, UiColor c, uint8_t a);
static void render_corners(Render *rd, SDL_Texture *t, SDL_Rect px, int r);
static SDL_Texture *render_discs_make(Render *rd, const RenderDisc *d, int n,
                                      int w, int h, UiColor bg);
static float render_disc_coverage(int x, int y, const RenderDisc *d);

/* Share of the pixel square at (px, py) inside the circle of radius r
** centred at (r, r): 4x4 samples. */
static float
render_coverage(float px, float py, float r)
{
	int in = 0;

	for (int j = 0; j < 4; j++) {
		for (int i = 0; i < 4; i++) {
			float dx = px + ((float)i + 0.5f) / 4.0f - r;
			float dy = py + ((float)j + 0.5f) / 4.0f - r;
			if (dx * dx + dy * dy <= r * r)
				in++;
		}
	}
	return (float)in / 16.0f;
}

/* The top-left quarter of a disc (width 0) or a ring, white, alpha =
** coverage; made once per size. */
static SDL_Texture *
render_corner(Render *rd, int radius_px, int width_px)
{
	SDL_Surface *s;
	SDL_Texture *t;
	Corner *slot;

	for (int i = 0; i < rd->n_corners; i++)
		if (rd->corners[i].radius_px == radius_px &&
		    rd->corners[i].width_px == width_px)
			return rd->corners[i].tex;
	s = SDL_CreateRGBSurfaceWithFormat(0, radius_px, radius_px, 32,
	                                   SDL_PIXELFORMAT_ARGB8888);
	if (s == NULL)
		return NULL;
	SDL_LockSurface(s);
	for (int y = 0; y < radius_px; y++) {
		uint32_t *row = (uint32_t *)((uint8_t *)s->pixels + y * s->pitch);
		for (int x = 0; x < radius_px; x++) {
			float r = (float)radius_px;
			float cov = render_coverage((float)x, (float)y, r);
			if (width_px > 0 && width_px < radius_px) {
				float ri = r - (float)width_px;
				float off = (float)width_px;
				cov -= render_coverage((float)x - off, (float)y - off, ri);
				if (cov < 0)
					cov = 0;
			}
			row[x] = ((uint32_t)lroundf(cov * 255.0f) << 24) | 0xFFFFFFu;
		}
	}
	SDL_UnlockSurface(s);
	t = SDL_CreateTextureFromSurface(rd->r, s);
	SDL_FreeSurface(s);
	if (t == NULL)
		return NULL;
	SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
	if (rd->n_corners == CORNER_MAX) {
		SDL_DestroyTexture(rd->corners[0].tex);
		memmove(&rd->corners[0], &rd->corners[1],
		        (CORNER_MAX - 1) * sizeof rd->corners[0]);
		rd->n_corners--;
	}
	slot = &rd->corners[rd->n_corners++];
	slot->radius_px = radius_px;
	slot->width_px = width_px;
	slot->tex = t;
	return t;
}

static void
render_tint(SDL_Texture *t, UiColor c, uint8_t a)
{
	SDL_SetTextureColorMod(t, (uint8_t)(c >> 16), (uint8_t)(c >> 8),
	                       (uint8_t)c);
	SDL_SetTextureAlphaMod(t, a);
}

void
render_fill(Render *rd, SDL_Rect px, UiColor c, uint8_t a)
{
	if (px.w <= 0 || px.h <= 0)
		return;
	SDL_SetRenderDrawBlendMode(rd->r, a == 255 ? SDL_BLENDMODE_NONE
	                                           : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(rd->r, (uint8_t)(c >> 16), (uint8_t)(c >> 8),
	                       (uint8_t)c, a);
	SDL_RenderFillRect(rd->r, &px);
}

/* Four corners and the crossing rectangles. */
void
render_rrect(Render *rd, SDL_Rect px, int radius_px, UiColor c, uint8_t a)
{
	int r = radius_px;
	SDL_Texture *t;

	if (px.w <= 0 || px.h <= 0)
		return;
	if (r > px.w / 2)
		r = px.w / 2;
	if (r > px.h / 2)
		r = px.h / 2;
	if (r <= 0 || (t = render_corner(rd, r, 0)) == NULL) {
		render_fill(rd, px, c, a);
		return;
	}
	render_tint(t, c, a);
	render_corners(rd, t, px, r);
	render_fill(rd, (SDL_Rect){ px.x + r, px.y, px.w - 2 * r, px.h }, c, a);
	render_fill(rd, (SDL_Rect){ px.x, px.y + r, r, px.h - 2 * r }, c, a);
	render_fill(rd, (SDL_Rect){ px.x + px.w - r, px.y + r, r, px.h - 2 * r },
	            c, a);
}

/* The corner texture t (r px) in px's four corners, mirrored to fit. */
static void
render_corners(Render *rd, SDL_Texture *t, SDL_Rect px, int r)
{
	SDL_Rect q = { px.x, px.y, r, r };

	SDL_RenderCopyEx(rd->r, t, NULL, &q, 0, NULL, SDL_FLIP_NONE);
	q.x = px.x + px.w - r;
	SDL_RenderCopyEx(rd->r, t, NULL, &q, 0, NULL, SDL_FLIP_HORIZONTAL);
	q.y = px.y + px.h - r;
	SDL_RenderCopyEx(rd->r, t, NULL, &q, 0, NULL,
	                 (SDL_RendererFlip)(SDL_FLIP_HORIZONTAL | SDL_FLIP_VERTICAL));
	q.x = px.x;
	SDL_RenderCopyEx(rd->r, t, NULL, &q, 0, NULL, SDL_FLIP_VERTICAL);
}

void
render_rrect_ring(Render *rd, SDL_Rect px, int radius_px, int width_px,
                  UiColor c, uint8_t a)
{
	int r = radius_px, w = width_px;
	SDL_Texture *t = NULL;

	if (px.w <= 0 || px.h <= 0 || w <= 0)
		return;
	if (r > px.w / 2)
		r = px.w / 2;
	if (r > px.h / 2)
		r = px.h / 2;
	if (w > r && r > 0)
		w = r;
	if (r > 0 && (t = render_corner(rd, r, w < r ? w : 0)) != NULL) {
		render_tint(t, c, a);
		render_corners(rd, t, px, r);
	} else {
		r = 0;
		w = width_px;
	}
	render_fill(rd, (SDL_Rect){ px.x + r, px.y, px.w - 2 * r, w }, c, a);
	render_fill(rd, (SDL_Rect){ px.x + r, px.y + px.h - w, px.w - 2 * r, w },
	            c, a);
	render_fill(rd, (SDL_Rect){ px.x, px.y + r, w, px.h - 2 * r }, c, a);
	render_fill(rd, (SDL_Rect){ px.x + px.w - w, px.y + r, w, px.h - 2 * r },
	            c, a);
}

/* Coverage of pixel (x, y) by disc d: 1 or 0 away from its edge, else
** render_coverage's 4x4 samples (the corners' anti-aliasing). */
static float
render_disc_coverage(int x, int y, const RenderDisc *d)
{
	float r = (float)d->r;
	float dx = (float)x + 0.5f - (float)d->cx, dy = (float)y + 0.5f - (float)d->cy;
	float dist = sqrtf(dx * dx + dy * dy);

	if (dist <= r - 1.0f)
		return 1.0f;
	if (dist >= r + 1.0f)
		return 0.0f;
	return render_coverage((float)(x - (d->cx - d->r)),
	                       (float)(y - (d->cy - d->r)), r);
}

/* The discs over bg in a w x h opaque texture. */
static SDL_Texture *
render_discs_make(Render *rd, const RenderDisc *d, int n, int w, int h,
                  UiColor bg)
{
	SDL_Surface *s;
	SDL_Texture *t;

	s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (s == NULL)
		return NULL;
	SDL_LockSurface(s);
	for (int y = 0; y < h; y++) {
		uint32_t *row = (uint32_t *)((uint8_t *)s->pixels + y * s->pitch);
		for (int x = 0; x < w; x++) {
			float c[3] = { (float)(bg >> 16 & 0xFF), (float)(bg >> 8 & 0xFF),
			               (float)(bg & 0xFF) };

			for (int i = 0; i < n; i++) {
				float a = render_disc_coverage(x, y, &d[i]);

				if (a <= 0.0f)
					continue;
				for (int k = 0; k < 3; k++) {
					float src = (float)(d[i].c >> (16 - 8 * k) & 0xFF);
					c[k] = src * a + c[k] * (1.0f - a);
				}
			}
			row[x] = 0xFF000000u | (uint32_t)lroundf(c[0]) << 16 |
			         (uint32_t)lroundf(c[1]) << 8 | (uint32_t)lroundf(c[2]);
		}
	}
	SDL_UnlockSurface(s);
	t = SDL_CreateTextureFromSurface(rd->r, s);
	SDL_FreeSurface(s);
	if (t != NULL)
		SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
	return t;
}

void
render_discs(Render *rd, int x, int y, const RenderDisc *d, int n, UiColor bg)
{
	DiscsSlot *slot = NULL;
	int w = 0, h = 0;

	if (n <= 0 || n > DISCS_N)
		return;
	for (int i = 0; i < n; i++) {
		if (d[i].cx + d[i].r > w)
			w = d[i].cx + d[i].r;
		if (d[i].cy + d[i].r > h)
			h = d[i].cy + d[i].r;
	}
	if (w <= 0 || h <= 0)
		return;
	for (int i = 0; i < DISCS_MAX && slot == NULL; i++) {
		DiscsSlot *s = &rd->discs[i];

		if (s->tex != NULL && s->n == n && s->bg == bg && s->w == w &&
		    s->h == h && memcmp(s->d, d, (size_t)n * sizeof *d) == 0)
			slot = s;
	}
	if (slot == NULL) {
		SDL_Texture *t = render_discs_make(rd, d, n, w, h, bg);

		if (t == NULL) {
			/* Drawn as plain discs, blended, as before. */
			render_fill(rd, (SDL_Rect){ x, y, w, h }, bg, 255);
			for (int i = 0; i < n; i++)
				render_rrect(rd, (SDL_Rect){ x + d[i].cx - d[i].r,
				             y + d[i].cy - d[i].r, 2 * d[i].r, 2 * d[i].r },
				             d[i].r, d[i].c, 255);
			return;
		}
		slot = &rd->discs[DISCS_MAX - 1];
		if (slot->tex != NULL)
			SDL_DestroyTexture(slot->tex);
		memmove(&rd->discs[1], &rd->discs[0],
		        (DISCS_MAX - 1) * sizeof rd->discs[0]);
		slot = &rd->discs[0];
		memset(slot, 0, sizeof *slot);
		slot->n = n;
		slot->w = w;
		slot->h = h;
		slot->bg = bg;
		memcpy(slot->d, d, (size_t)n * sizeof *d);
		slot->tex = t;
	}
	SDL_RenderCopy(rd->r, slot->tex, NULL, &(SDL_Rect){ x, y, w, h });
}

void
render_set_clip(Render *rd, const SDL_Rect *px)
{
	SDL_RenderSetClipRect(rd->r, px);
}
