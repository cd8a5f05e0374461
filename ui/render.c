/* render.c -- pixels: fonts, cached text textures, anti-aliased shapes.
** SDL2 draws rectangles and textures; everything round is built from a
** quarter-circle texture made once per (radius, ring width), whose alpha
** is the pixel's coverage (4x4 samples), tinted with a colour mod and
** drawn four times with flips. Fonts are opened once per (face, real
** pixel size). Rendered text is cached as textures in an LRU keyed by
** face, size, colour and string: a kiosk redraws the same words all day,
** and a frame then costs a few texture copies. Everything here is in
** window pixels; ui.c converts from the logical canvas. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"

#define FACE_ICON        FONT_COUNT        /* index of the icon font */
#define FACE_COUNT       (FONT_COUNT + 1)
#define TEXT_CACHE_MAX   900               /* textures */
#define TEXT_CACHE_PIXELS (12L * 1024 * 1024)
#define TEXT_BUCKETS     1024               /* power of two */
#define CORNER_MAX       64
#define FONT_MAX         96
#define SIZE_MIN_PX      6
#define SIZE_MAX_PX      600

typedef struct FontSlot {
	int face, size_px;
	TTF_Font *font;
} FontSlot;

typedef struct TextEntry {
	struct TextEntry *hnext;             /* hash chain */
	struct TextEntry *prev, *next;       /* LRU: head is the newest */
	uint32_t hash;
	int face, size_px;
	UiColor color;
	SDL_Texture *tex;
	int w, h;
	char *s;
} TextEntry;

typedef struct Corner {
	int radius_px, width_px;             /* width 0: filled */
	SDL_Texture *tex;
} Corner;

struct Render {
	SDL_Renderer *r;
	char paths[FACE_COUNT][512];
	FontSlot fonts[FONT_MAX];
	int n_fonts;
	TextEntry *buckets[TEXT_BUCKETS];
	TextEntry *lru_head, *lru_tail;
	int n_text;
	long text_pixels;
	long hits, misses, evictions;
	Corner corners[CORNER_MAX];
	int n_corners;
};

static const char *const face_files[FACE_COUNT][3] = {
	{ "Inter-Regular.otf", "DejaVuSans.ttf", NULL },
	{ "Inter-Medium.otf", "DejaVuSans.ttf", NULL },
	{ "Inter-SemiBold.otf", "DejaVuSans-Bold.ttf", NULL },
	{ "Inter-Bold.otf", "DejaVuSans-Bold.ttf", NULL },
	{ "MaterialIcons-Regular.ttf", NULL, NULL },
};

static const char *const font_dirs[] = {
	BORNE_ASSETS_DIR "/fonts",
	"/usr/share/fonts/opentype/inter",
	"/usr/share/fonts/truetype/inter",
	"/usr/share/fonts/truetype/material-design-icons-iconfont",
	"/usr/share/fonts/truetype/dejavu",
	NULL
};

static int  render_find_face(Render *rd, int face);
static TTF_Font *render_font(Render *rd, int face, int size_px);
static uint32_t render_hash(int face, int size_px, UiColor c, const char *s);
static void render_text_unlink(Render *rd, TextEntry *e);
static void render_text_evict(Render *rd);
static SDL_Texture *render_corner(Render *rd, int radius_px, int width_px);
static float render_coverage(float px, float py, float r);
static void render_tint(SDL_Texture *t, UiColor c, uint8_t a);
static void render_corners(Render *rd, SDL_Texture *t, SDL_Rect px, int r);

int
render_new(SDL_Renderer *r, Render **out, char *err, size_t errlen)
{
	Render *rd = calloc(1, sizeof *rd);
	int rc = BORNE_ENOMEM;

	*out = NULL;
	if (rd == NULL)
		goto fail;
	rd->r = r;
	if (!TTF_WasInit() && TTF_Init() != 0) {
		snprintf(err, errlen, "SDL_ttf: %s", TTF_GetError());
		rc = BORNE_EIO;
		goto fail;
	}
	for (int f = 0; f < FACE_COUNT; f++) {
		if (render_find_face(rd, f) == BORNE_OK)
			continue;
		if (f == FACE_ICON) {
			/* Labels still say everything: icons only help. */
			fprintf(stderr, "borne: icon font MaterialIcons-Regular.ttf"
			        " not found (install fonts-material-design-icons-iconfont)\n");
			continue;
		}
		snprintf(err, errlen, "no font for %s (install fonts-inter or"
		         " fonts-dejavu-core)", face_files[f][0]);
		rc = BORNE_EIO;
		goto fail;
	}
	*out = rd;
	return BORNE_OK;
fail:
	render_free(rd);
	return rc;
}

void
render_free(Render *rd)
{
	if (rd == NULL)
		return;
	render_flush(rd);
	for (int i = 0; i < rd->n_fonts; i++)
		TTF_CloseFont(rd->fonts[i].font);
	free(rd);
}

void
render_flush(Render *rd)
{
	while (rd->lru_tail != NULL)
		render_text_evict(rd);
	rd->evictions = 0;
	for (int i = 0; i < rd->n_corners; i++)
		SDL_DestroyTexture(rd->corners[i].tex);
	rd->n_corners = 0;
}

void
render_stats(const Render *rd, RenderStats *out)
{
	memset(out, 0, sizeof *out);
	out->text_hits = rd->hits;
	out->text_misses = rd->misses;
	out->text_evictions = rd->evictions;
	out->text_entries = rd->n_text;
	out->fonts_open = rd->n_fonts;
	out->corner_textures = rd->n_corners;
}

/* Looks for the face's file in the assets, then the Debian font dirs. */
static int
render_find_face(Render *rd, int face)
{
	for (int k = 0; k < 3 && face_files[face][k] != NULL; k++) {
		for (int d = 0; font_dirs[d] != NULL; d++) {
			char path[512];
			snprintf(path, sizeof path, "%s/%s", font_dirs[d],
			         face_files[face][k]);
			FILE *fp = fopen(path, "rb");
			if (fp == NULL)
				continue;
			fclose(fp);
			memcpy(rd->paths[face], path, sizeof path);
			return BORNE_OK;
		}
	}
	rd->paths[face][0] = '\0';
	return BORNE_ENOTFOUND;
}

static TTF_Font *
render_font(Render *rd, int face, int size_px)
{
	TTF_Font *font;

	if (rd->paths[face][0] == '\0')
		return NULL;
	if (size_px < SIZE_MIN_PX)
		size_px = SIZE_MIN_PX;
	if (size_px > SIZE_MAX_PX)
		size_px = SIZE_MAX_PX;
	for (int i = 0; i < rd->n_fonts; i++)
		if (rd->fonts[i].face == face && rd->fonts[i].size_px == size_px)
			return rd->fonts[i].font;
	font = TTF_OpenFont(rd->paths[face], size_px);
	if (font == NULL) {
		fprintf(stderr, "borne: %s: %s\n", rd->paths[face], TTF_GetError());
		rd->paths[face][0] = '\0';
		return NULL;
	}
	TTF_SetFontHinting(font, face == FACE_ICON ? TTF_HINTING_NORMAL
	                                           : TTF_HINTING_LIGHT);
	if (rd->n_fonts == FONT_MAX) {
		/* Sizes come from the screens' code: a full table means a
		** resize; the oldest sizes go. Cached texts hold no font. */
		TTF_CloseFont(rd->fonts[0].font);
		memmove(&rd->fonts[0], &rd->fonts[1],
		        (FONT_MAX - 1) * sizeof rd->fonts[0]);
		rd->n_fonts--;
	}
	rd->fonts[rd->n_fonts].face = face;
	rd->fonts[rd->n_fonts].size_px = size_px;
	rd->fonts[rd->n_fonts].font = font;
	rd->n_fonts++;
	return font;
}

int
render_font_height(Render *rd, UiFont f, int size_px)
{
	TTF_Font *font = render_font(rd, (int)f, size_px);

	return font != NULL ? TTF_FontHeight(font) : size_px;
}

int
render_text_size(Render *rd, UiFont f, int size_px, const char *utf8,
                 int *w, int *h)
{
	TTF_Font *font = render_font(rd, (int)f, size_px);

	*w = 0;
	*h = font != NULL ? TTF_FontHeight(font) : size_px;
	if (font == NULL || utf8 == NULL || utf8[0] == '\0')
		return BORNE_OK;
	if (TTF_SizeUTF8(font, utf8, w, h) != 0)
		return BORNE_EINVAL;
	return BORNE_OK;
}

static uint32_t
render_hash(int face, int size_px, UiColor c, const char *s)
{
	uint32_t h = 2166136261u;

	h = (h ^ (uint32_t)face) * 16777619u;
	h = (h ^ (uint32_t)size_px) * 16777619u;
	h = (h ^ c) * 16777619u;
	for (; *s != '\0'; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

static void
render_text_unlink(Render *rd, TextEntry *e)
{
	TextEntry **pp = &rd->buckets[e->hash & (TEXT_BUCKETS - 1)];

	while (*pp != e)
		pp = &(*pp)->hnext;
	*pp = e->hnext;
	if (e->prev != NULL)
		e->prev->next = e->next;
	else
		rd->lru_head = e->next;
	if (e->next != NULL)
		e->next->prev = e->prev;
	else
		rd->lru_tail = e->prev;
}

static void
render_text_evict(Render *rd)
{
	TextEntry *e = rd->lru_tail;

	if (e == NULL)
		return;
	render_text_unlink(rd, e);
	rd->n_text--;
	rd->text_pixels -= (long)e->w * e->h;
	rd->evictions++;
	SDL_DestroyTexture(e->tex);
	free(e->s);
	free(e);
}

SDL_Texture *
render_text(Render *rd, UiFont f, int icon, int size_px, UiColor c,
            const char *utf8, int *w, int *h)
{
	int face = icon ? FACE_ICON : (int)f;
	uint32_t hash;
	TextEntry *e;
	TTF_Font *font;
	SDL_Surface *surf;
	SDL_Color col = { (uint8_t)(c >> 16), (uint8_t)(c >> 8), (uint8_t)c, 255 };

	*w = *h = 0;
	if (utf8 == NULL || utf8[0] == '\0')
		return NULL;
	hash = render_hash(face, size_px, c, utf8);
	for (e = rd->buckets[hash & (TEXT_BUCKETS - 1)]; e != NULL; e = e->hnext) {
		if (e->hash != hash || e->face != face || e->size_px != size_px ||
		    e->color != c || strcmp(e->s, utf8) != 0)
			continue;
		/* Move to the front of the LRU. */
		if (e != rd->lru_head) {
			e->prev->next = e->next;
			if (e->next != NULL)
				e->next->prev = e->prev;
			else
				rd->lru_tail = e->prev;
			e->prev = NULL;
			e->next = rd->lru_head;
			rd->lru_head->prev = e;
			rd->lru_head = e;
		}
		rd->hits++;
		*w = e->w;
		*h = e->h;
		return e->tex;
	}
	rd->misses++;
	if ((font = render_font(rd, face, size_px)) == NULL)
		return NULL;
	if ((surf = TTF_RenderUTF8_Blended(font, utf8, col)) == NULL)
		return NULL;
	e = calloc(1, sizeof *e);
	if (e != NULL)
		e->s = strdup(utf8);
	if (e != NULL && e->s != NULL)
		e->tex = SDL_CreateTextureFromSurface(rd->r, surf);
	if (e == NULL || e->s == NULL || e->tex == NULL) {
		if (e != NULL)
			free(e->s);
		free(e);
		SDL_FreeSurface(surf);
		return NULL;
	}
	SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
	e->w = surf->w;
	e->h = surf->h;
	SDL_FreeSurface(surf);
	e->hash = hash;
	e->face = face;
	e->size_px = size_px;
	e->color = c;
	while (rd->n_text >= TEXT_CACHE_MAX ||
	       (rd->n_text > 0 && rd->text_pixels + (long)e->w * e->h >
	        TEXT_CACHE_PIXELS))
		render_text_evict(rd);
	e->hnext = rd->buckets[hash & (TEXT_BUCKETS - 1)];
	rd->buckets[hash & (TEXT_BUCKETS - 1)] = e;
	e->next = rd->lru_head;
	if (rd->lru_head != NULL)
		rd->lru_head->prev = e;
	rd->lru_head = e;
	if (rd->lru_tail == NULL)
		rd->lru_tail = e;
	rd->n_text++;
	rd->text_pixels += (long)e->w * e->h;
	*w = e->w;
	*h = e->h;
	return e->tex;
}

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

void
render_set_clip(Render *rd, const SDL_Rect *px)
{
	SDL_RenderSetClipRect(rd->r, px);
}
