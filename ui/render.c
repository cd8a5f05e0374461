/* render.c -- pixels: fonts and cached text textures (the anti-aliased
** shapes are in render_shapes.c). Each face is opened once and sized on
** demand (TTF_SetFontSize): one FreeType and HarfBuzz face per file, not
** per size. Rendered text is cached as textures in an LRU keyed by
** face, size, colour and string: a kiosk redraws the same words all day,
** and a frame then costs a few texture copies. The cache holds what the
** last frame drew and what the screen before it drew (render_frame_end):
** a day of new names and times does not pile up. It is also capped in
** bytes (one window's worth, set by ui_resize), the least recently drawn
** going first. Everything here is in window pixels; ui.c converts from
** the logical canvas.
**
** Text from people may hold what Inter has no glyph for. A string is cut
** into runs, one grapheme cluster at a time, each run in the first face
** that has every glyph of its clusters: Inter, then DejaVu Sans (Hebrew,
** Arabic, many symbols), then Symbola (emoji, monochrome, drawn in the
** text's colour like the rest). A cluster no face can draw becomes one
** U+FFFD, never a box per code point; skin tones (a monochrome face would
** draw a swatch) and joiners a face lacks are dropped, a flag is shown
** as its two letters ("FR"). Invalid UTF-8 and control characters are drawn as U+FFFD.
** Right-to-left runs (Hebrew, Arabic) are shaped by HarfBuzz, through
** SDL_ttf, right to left, with their script, so letters join and read in
** order; a line whose first strong letter is right-to-left puts its runs
** right to left too. This is not the full Unicode bidi algorithm (no
** nested levels, numbers inside RTL runs stay left to right). */
#include "render_state.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borne.h"
#include "textlayout.h"

static const char *const face_files[FACE_COUNT][3] = {
	{ "Inter-Regular.otf", "DejaVuSans.ttf", NULL },
	{ "Inter-Medium.otf", "DejaVuSans.ttf", NULL },
	{ "Inter-SemiBold.otf", "DejaVuSans-Bold.ttf", NULL },
	{ "Inter-Bold.otf", "DejaVuSans-Bold.ttf", NULL },
	{ "MaterialIcons-Regular.ttf", NULL, NULL },
	{ "DejaVuSans.ttf", NULL, NULL },
	{ "DejaVuSans-Bold.ttf", "DejaVuSans.ttf", NULL },
	{ "Symbola_hint.ttf", "Symbola.ttf", NULL },
};

static const char *const font_dirs[] = {
	BORNE_ASSETS_DIR "/fonts",
	"/usr/share/fonts/opentype/inter",
	"/usr/share/fonts/truetype/inter",
	"/usr/share/fonts/truetype/material-design-icons-iconfont",
	"/usr/share/fonts/truetype/dejavu",
	"/usr/share/fonts/truetype/ancient-scripts",   /* fonts-symbola */
	NULL
};

static int  render_find_face(Render *rd, int face);
static TTF_Font *render_font(Render *rd, int face, int size_px);
static int  render_font_metrics(Render *rd, int face, int size_px);
static uint32_t render_hash(int face, int size_px, UiColor c, const char *s);
static void render_text_unlink(Render *rd, TextEntry *e);
static void render_text_evict(Render *rd);
static void render_text_drop(Render *rd, TextEntry *e);
static int  render_cluster_face(Render *rd, int face, int size_px,
                                const char *s, size_t a, size_t b);
static int  render_shape(Render *rd, int face, int size_px, const char *utf8,
                         TextShape *sh);
static void render_shape_free(TextShape *sh);
static int  render_shape_add(TextShape *sh, int face, int rtl, size_t start,
                             size_t len);
static int  render_run_size(Render *rd, TextShape *sh, TextRun *run,
                            int size_px);
static int  render_rtl_script(uint32_t cp);
static void render_font_direction(TTF_Font *font, int rtl);
static SDL_Surface *render_shape_surface(Render *rd, int face, int size_px,
                                         SDL_Color col, const char *utf8);

int
render_new(SDL_Renderer *r, Render **out, char *err, size_t errlen)
{
	Render *rd = calloc(1, sizeof *rd);
	int rc = BORNE_ENOMEM;

	*out = NULL;
	if (rd == NULL)
		goto fail;
	rd->r = r;
	rd->text_cap_bytes = TEXT_CACHE_BYTES_DEFAULT;
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
		if (f == FACE_EMOJI) {
			fprintf(stderr, "borne: emoji font Symbola not found (install"
			        " fonts-symbola): emoji show as \xEF\xBF\xBD\n");
			continue;
		}
		if (f > FACE_ICON)
			continue;           /* other scripts then show as U+FFFD */
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
	for (int f = 0; f < FACE_COUNT; f++)
		TTF_CloseFont(rd->face_font[f]);
	free(rd);
}

void
render_flush(Render *rd)
{
	while (rd->lru_tail != NULL)
		render_text_evict(rd);
	rd->evictions = 0;
	for (int i = 0; i < WIDTH_SLOTS; i++) {
		free(rd->widths[i].s);
		rd->widths[i].s = NULL;
	}
	for (int i = 0; i < rd->n_corners; i++)
		SDL_DestroyTexture(rd->corners[i].tex);
	rd->n_corners = 0;
	for (int i = 0; i < DISCS_MAX; i++) {
		if (rd->discs[i].tex != NULL)
			SDL_DestroyTexture(rd->discs[i].tex);
		rd->discs[i].tex = NULL;
	}
}

void
render_stats(const Render *rd, RenderStats *out)
{
	memset(out, 0, sizeof *out);
	out->text_hits = rd->hits;
	out->text_misses = rd->misses;
	out->text_evictions = rd->evictions;
	out->text_entries = rd->n_text;
	out->fonts_open = 0;
	for (int f = 0; f < FACE_COUNT; f++)
		out->fonts_open += rd->face_font[f] != NULL;
	out->font_size_changes = rd->n_size_changes;
	out->corner_textures = rd->n_corners;
	for (int i = 0; i < DISCS_MAX; i++)
		out->disc_textures += rd->discs[i].tex != NULL;
	out->text_bytes = rd->text_bytes;
	out->text_cap_bytes = rd->text_cap_bytes;
}

void
render_set_text_cap(Render *rd, long cap_bytes)
{
	rd->text_cap_bytes = cap_bytes < TEXT_CACHE_BYTES_MIN ?
	                     TEXT_CACHE_BYTES_MIN : cap_bytes;
	while (rd->n_text > 0 && rd->text_bytes > rd->text_cap_bytes)
		render_text_evict(rd);
}

void
render_frame_begin(Render *rd, int scene)
{
	if (scene != rd->scene) {
		rd->scene = scene;
		rd->scene_seq++;
	}
	rd->frame++;
}

void
render_frame_end(Render *rd)
{
	TextEntry *e = rd->lru_tail, *prev;

	/* The texts this frame drew are at the head of the LRU: walk from
	** the tail to them. What the scene before drew stays (a screen and
	** the one it came from, back and forth, draw from the cache); what
	** this scene drew earlier and no longer draws goes, and so does what
	** older scenes drew. */
	for (; e != NULL && e->frame != rd->frame; e = prev) {
		prev = e->prev;
		if (e->scene_seq == rd->scene_seq || e->scene_seq + 1 < rd->scene_seq)
			render_text_drop(rd, e);
	}
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

/* The face's one TTF_Font, set to size_px. A pointer from here is good
** until the next call for the same face at another size: every text is
** shaped and drawn at one size, so runs may keep theirs. */
static TTF_Font *
render_font(Render *rd, int face, int size_px)
{
	TTF_Font *font = rd->face_font[face];

	if (rd->paths[face][0] == '\0')
		return NULL;
	if (size_px < SIZE_MIN_PX)
		size_px = SIZE_MIN_PX;
	if (size_px > SIZE_MAX_PX)
		size_px = SIZE_MAX_PX;
	if (font == NULL) {
		font = TTF_OpenFont(rd->paths[face], size_px);
		if (font == NULL) {
			fprintf(stderr, "borne: %s: %s\n", rd->paths[face],
			        TTF_GetError());
			rd->paths[face][0] = '\0';
			return NULL;
		}
		TTF_SetFontHinting(font, face == FACE_ICON ? TTF_HINTING_NORMAL
		                                           : TTF_HINTING_LIGHT);
		rd->face_font[face] = font;
		rd->face_size_px[face] = size_px;
	} else if (rd->face_size_px[face] != size_px) {
		/* Flushes SDL_ttf's glyph cache: only texts not cached yet are
		** drawn here, so that costs on a miss only. */
		if (TTF_SetFontSize(font, size_px) != 0) {
			fprintf(stderr, "borne: %s at %d px: %s\n", rd->paths[face],
			        size_px, TTF_GetError());
			return NULL;
		}
		rd->face_size_px[face] = size_px;
		rd->n_size_changes++;
	}
	return font;
}

/* The face's line height at size_px, remembered: layout asks every frame. */
static int
render_font_metrics(Render *rd, int face, int size_px)
{
	TTF_Font *font;
	int h;

	for (int i = 0; i < rd->n_fonts; i++)
		if (rd->fonts[i].face == face && rd->fonts[i].size_px == size_px)
			return rd->fonts[i].height;
	if ((font = render_font(rd, face, size_px)) == NULL)
		return -1;
	h = TTF_FontHeight(font);
	if (rd->n_fonts == FONT_MAX) {
		memmove(&rd->fonts[0], &rd->fonts[1],
		        (FONT_MAX - 1) * sizeof rd->fonts[0]);
		rd->n_fonts--;
	}
	rd->fonts[rd->n_fonts++] = (FontSlot){ face, size_px, h };
	return h;
}

int
render_font_height(Render *rd, UiFont f, int size_px)
{
	int h = render_font_metrics(rd, (int)f, size_px);

	return h >= 0 ? h : size_px;
}

int
render_text_size(Render *rd, UiFont f, int size_px, const char *utf8,
                 int *w, int *h)
{
	int fh = render_font_metrics(rd, (int)f, size_px);
	TextShape sh;
	int rc;

	*w = 0;
	*h = fh >= 0 ? fh : size_px;
	if (fh < 0 || utf8 == NULL || utf8[0] == '\0')
		return BORNE_OK;
	uint32_t hash = render_hash((int)f, size_px, 0, utf8);
	WidthSlot *slot = &rd->widths[hash & (WIDTH_SLOTS - 1)];
	if (slot->s != NULL && slot->hash == hash && slot->face == (int)f &&
	    slot->size_px == size_px && strcmp(slot->s, utf8) == 0) {
		*w = slot->w;
		return BORNE_OK;
	}
	if ((rc = render_shape(rd, (int)f, size_px, utf8, &sh)) != BORNE_OK)
		return rc;
	for (int i = 0; i < sh.n_runs; i++) {
		if (render_run_size(rd, &sh, &sh.runs[i], size_px) != BORNE_OK)
			rc = BORNE_EINVAL;
		*w += sh.runs[i].w;
	}
	render_shape_free(&sh);
	if (rc == BORNE_OK && strlen(utf8) <= WIDTH_MAX_BYTES) {
		char *copy = strdup(utf8);
		if (copy != NULL) {
			free(slot->s);
			*slot = (WidthSlot){ hash, (int)f, size_px, *w, copy };
		}
	}
	return rc;
}

/* The first face, from face on, that has a glyph for every code point of
** s[a, b) but the ones that may go unseen (joiners, selectors, skin
** tones); -1 when none has. */
static int
render_cluster_face(Render *rd, int face, int size_px, const char *s,
                    size_t a, size_t b)
{
	const int chain[4] = {
		face, face >= (int)FONT_SEMIBOLD ? FACE_FALLBACK_BOLD : FACE_FALLBACK,
		FACE_FALLBACK, FACE_EMOJI
	};

	for (int k = 0; k < 4; k++) {
		TTF_Font *font;
		int ok = 1;
		if (k > 0 && chain[k] == chain[k - 1])
			continue;
		if ((font = render_font(rd, chain[k], size_px)) == NULL)
			continue;
		for (size_t i = a; i < b && ok;) {
			uint32_t cp;
			size_t n = textlayout_decode(s, b, i, &cp);
			if (!TTF_GlyphIsProvided32(font, cp) &&
			    !textlayout_is_invisible(cp) &&
			    !(cp >= 0x1F3FB && cp <= 0x1F3FF) && !(i > a && cp == ' '))
				ok = 0;
			i += n;
		}
		if (ok)
			return chain[k];
	}
	return -1;
}

static int
render_shape_add(TextShape *sh, int face, int rtl, size_t start, size_t len)
{
	TextRun *last = sh->n_runs > 0 ? &sh->runs[sh->n_runs - 1] : NULL;

	if (last != NULL && last->face == face && last->rtl == rtl &&
	    last->start + last->len == start) {
		last->len += len;
		return BORNE_OK;
	}
	if (sh->n_runs == sh->cap_runs) {
		int cap = sh->cap_runs * 2;
		TextRun *p = malloc((size_t)cap * sizeof *p);
		if (p == NULL)
			return BORNE_ENOMEM;
		memcpy(p, sh->runs, (size_t)sh->n_runs * sizeof *p);
		if (sh->runs != sh->stack_runs)
			free(sh->runs);
		sh->runs = p;
		sh->cap_runs = cap;
	}
	sh->runs[sh->n_runs++] = (TextRun){ face, rtl, start, len, 0 };
	return BORNE_OK;
}

/* Cuts utf8 into runs (see the top of this file). On success the caller
** frees sh with render_shape_free. */
static int
render_shape(Render *rd, int face, int size_px, const char *utf8,
             TextShape *sh)
{
	size_t in_len = strlen(utf8), cap = 3 * in_len + 1, i = 0, k = 0;
	char *clean = NULL;
	int rc = BORNE_ENOMEM, strong = 0;

	memset(sh, 0, offsetof(TextShape, stack_text));
	sh->runs = sh->stack_runs;
	sh->cap_runs = SHAPE_STACK_RUNS;
	/* The drawable text is never longer than the sanitised one. */
	sh->text = cap <= SHAPE_STACK_TEXT ? sh->stack_text : malloc(cap);
	if (sh->text == NULL || (clean = malloc(cap)) == NULL)
		goto fail;
	size_t n = textlayout_sanitize(utf8, in_len, clean, cap);
	while (i < n) {
		size_t e = textlayout_cluster_end(clean, n, i);
		uint32_t cp;
		int rtl, f;
		textlayout_decode(clean, n, i, &cp);
		rtl = render_rtl_script(cp);
		if (strong == 0 && (rtl || (cp < 0x80 && ((cp | 0x20) >= 'a' &&
		                                          (cp | 0x20) <= 'z'))))
			strong = rtl ? 2 : 1;
		if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
			/* A flag: no monochrome face draws one, and Symbola's boxed
			** letters look like missing glyphs: its two letters, "FR". */
			size_t k0 = k;
			for (size_t j = i; j < e;) {
				j += textlayout_decode(clean, e, j, &cp);
				if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
					sh->text[k++] = (char)('A' + (cp - 0x1F1E6));
			}
			if (render_shape_add(sh, face, 0, k0, k - k0) != BORNE_OK)
				goto fail;
			i = e;
			continue;
		}
		f = render_cluster_face(rd, face, size_px, clean, i, e);
		if (f < 0) {
			/* No face has it: one replacement glyph for the cluster. */
			f = render_cluster_face(rd, face, size_px, "\xEF\xBF\xBD", 0, 3);
			memcpy(sh->text + k, "\xEF\xBF\xBD", 3);
			if (f >= 0 && render_shape_add(sh, f, 0, k, 3) != BORNE_OK)
				goto fail;
			k += f >= 0 ? 3 : 0;
			i = e;
			continue;
		}
		TTF_Font *font = render_font(rd, f, size_px);
		size_t k0 = k;
		for (size_t j = i; j < e;) {
			size_t cn = textlayout_decode(clean, e, j, &cp);
			/* Skin tones: a monochrome face would draw a swatch. */
			if (j == i || (TTF_GlyphIsProvided32(font, cp) &&
			               !(cp >= 0x1F3FB && cp <= 0x1F3FF))) {
				memcpy(sh->text + k, clean + j, cn);
				k += cn;
			}
			j += cn;
		}
		if (cp == ' ' && e == i + 1 && sh->n_runs > 0 &&
		    sh->runs[sh->n_runs - 1].rtl) {
			/* A space between two right-to-left words is theirs. */
			size_t j = e;
			uint32_t nx = 0;
			while (j < n && clean[j] == ' ')
				j++;
			if (j < n)
				textlayout_decode(clean, n, j, &nx);
			if (render_rtl_script(nx) == sh->runs[sh->n_runs - 1].rtl &&
			    TTF_GlyphIsProvided32(render_font(rd,
			        sh->runs[sh->n_runs - 1].face, size_px), ' ')) {
				f = sh->runs[sh->n_runs - 1].face;
				rtl = sh->runs[sh->n_runs - 1].rtl;
			}
		}
		if (render_shape_add(sh, f, rtl, k0, k - k0) != BORNE_OK)
			goto fail;
		i = e;
	}
	sh->text[k] = '\0';
	sh->len = k;
	sh->rtl_line = strong == 2 && sh->n_runs > 1;
	free(clean);
	return BORNE_OK;
fail:
	free(clean);
	render_shape_free(sh);
	return rc;
}

static void
render_shape_free(TextShape *sh)
{
	if (sh->text != sh->stack_text)
		free(sh->text);
	if (sh->runs != sh->stack_runs)
		free(sh->runs);
	sh->text = NULL;
	sh->runs = NULL;
}

/* Sets run->w. The font is set to the run's direction for the call. */
static int
render_run_size(Render *rd, TextShape *sh, TextRun *run, int size_px)
{
	TTF_Font *font = render_font(rd, run->face, size_px);
	char *end = sh->text + run->start + run->len, saved = *end;
	int w = 0, h = 0, rc = BORNE_OK;

	run->w = 0;
	if (font == NULL)
		return BORNE_EIO;
	*end = '\0';
	render_font_direction(font, run->rtl);
	if (TTF_SizeUTF8(font, sh->text + run->start, &w, &h) != 0)
		rc = BORNE_EINVAL;
	render_font_direction(font, RTL_NONE);
	*end = saved;
	run->w = w;
	return rc;
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
	if (rd->lru_tail != NULL)
		render_text_drop(rd, rd->lru_tail);
}

static void
render_text_drop(Render *rd, TextEntry *e)
{
	render_text_unlink(rd, e);
	rd->n_text--;
	rd->text_bytes -= 4L * e->w * e->h;
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
		e->frame = rd->frame;
		e->scene_seq = rd->scene_seq;
		rd->hits++;
		*w = e->w;
		*h = e->h;
		return e->tex;
	}
	rd->misses++;
	if ((font = render_font(rd, face, size_px)) == NULL)
		return NULL;
	if (icon)
		surf = TTF_RenderUTF8_Blended(font, utf8, col);
	else
		surf = render_shape_surface(rd, face, size_px, col, utf8);
	if (surf == NULL)
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
	e->frame = rd->frame;
	e->scene_seq = rd->scene_seq;
	while (rd->n_text >= TEXT_CACHE_MAX ||
	       (rd->n_text > 0 && rd->text_bytes + 4L * e->w * e->h >
	        rd->text_cap_bytes))
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
	rd->text_bytes += 4L * e->w * e->h;
	*w = e->w;
	*h = e->h;
	return e->tex;
}

/* The right-to-left script of cp, RTL_NONE for the others. */
static int
render_rtl_script(uint32_t cp)
{
	if (!textlayout_is_rtl(cp))
		return RTL_NONE;
	if ((cp >= 0x0590 && cp <= 0x05FF) || (cp >= 0xFB1D && cp <= 0xFB4F))
		return RTL_HEBR;
	if (cp >= 0x0700 && cp <= 0x074F)
		return RTL_SYRC;
	if (cp >= 0x0780 && cp <= 0x07BF)
		return RTL_THAA;
	return RTL_ARAB;
}

/* Right to left with the run's script (HarfBuzz joins Arabic letters only
** when told the script), or back to SDL_ttf's defaults. */
static void
render_font_direction(TTF_Font *font, int rtl)
{
	static const char *const names[] = { "Zzzz", "Hebr", "Arab", "Syrc",
	                                     "Thaa" };

	TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	TTF_SetFontScriptName(font, names[rtl >= 0 && rtl <= RTL_THAA ? rtl : 0]);
}

/* utf8 drawn run by run on one surface, baselines on the primary face's.
** One run of the primary face, left to right: SDL_ttf's surface as is. */
static SDL_Surface *
render_shape_surface(Render *rd, int face, int size_px, SDL_Color col,
                     const char *utf8)
{
	TextShape sh;
	TTF_Font *main_font = render_font(rd, face, size_px);
	SDL_Surface *out = NULL;
	int total = 0, x = 0, main_h, main_asc;

	if (main_font == NULL ||
	    render_shape(rd, face, size_px, utf8, &sh) != BORNE_OK)
		return NULL;
	/* Each TTF_Font is fetched again right before use: the face's one
	** font is shared, and shaping may have asked for it. */
	if (sh.n_runs == 1 && sh.runs[0].face == face && !sh.runs[0].rtl) {
		if ((main_font = render_font(rd, face, size_px)) != NULL)
			out = TTF_RenderUTF8_Blended(main_font, sh.text, col);
		goto done;
	}
	for (int i = 0; i < sh.n_runs; i++) {
		render_run_size(rd, &sh, &sh.runs[i], size_px);
		total += sh.runs[i].w;
	}
	if ((main_font = render_font(rd, face, size_px)) == NULL)
		goto done;
	main_h = TTF_FontHeight(main_font);
	main_asc = TTF_FontAscent(main_font);
	out = SDL_CreateRGBSurfaceWithFormat(0, total > 0 ? total : 1, main_h, 32,
	                                     SDL_PIXELFORMAT_ARGB8888);
	if (out == NULL)
		goto done;
	SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, col.r, col.g, col.b, 0));
	for (int j = 0; j < sh.n_runs; j++) {
		TextRun *run = &sh.runs[sh.rtl_line ? sh.n_runs - 1 - j : j];
		TTF_Font *font = render_font(rd, run->face, size_px);
		char *end = sh.text + run->start + run->len, saved = *end;
		SDL_Surface *part;
		if (font == NULL || run->len == 0)
			continue;
		*end = '\0';
		render_font_direction(font, run->rtl);
		part = TTF_RenderUTF8_Blended(font, sh.text + run->start, col);
		render_font_direction(font, RTL_NONE);
		*end = saved;
		if (part != NULL) {
			SDL_Rect dst = { x, main_asc - TTF_FontAscent(font), part->w,
			                 part->h };
			SDL_SetSurfaceBlendMode(part, SDL_BLENDMODE_NONE);
			SDL_BlitSurface(part, NULL, out, &dst);
			SDL_FreeSurface(part);
		}
		x += run->w;
	}
done:
	render_shape_free(&sh);
	return out;
}
