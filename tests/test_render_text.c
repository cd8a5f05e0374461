/* test_render_text.c -- what the kiosk draws for text Inter has no glyph
** for: emoji and Hebrew from the fallback faces (not the "missing glyph"
** box), one U+FFFD for a whole cluster no face has, U+FFFD for invalid
** UTF-8, a flag as its two letters, skin tones left out. Draws with
** render.c on SDL's software renderer into a surface: no window. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ui_internal.h"

#define TW 160
#define TH 48

static SDL_Surface *target;
static SDL_Renderer *ren;
static Render *rd;

static int  draw(const char *s, uint32_t *px);
static int  same_pixels(const char *a, const char *b);
static int  width(const char *s);
static void test_cache_cap(void);

/* Draws s at 28 px on a cleared target; copies its pixels to px. Returns
** the text's width. */
static int
draw(const char *s, uint32_t *px)
{
	int w = 0, h = 0;
	SDL_Texture *t;

	SDL_SetRenderDrawColor(ren, 255, 255, 255, 255);
	SDL_RenderClear(ren);
	t = render_text(rd, FONT_REGULAR, 0, 28, 0x000000u, s, &w, &h);
	if (t != NULL) {
		SDL_Rect dst = { 0, 0, w, h };
		SDL_RenderCopy(ren, t, NULL, &dst);
	}
	SDL_RenderPresent(ren);
	for (int y = 0; y < TH; y++)
		memcpy(px + y * TW, (uint8_t *)target->pixels + y * target->pitch,
		       TW * sizeof *px);
	return w;
}

static int
same_pixels(const char *a, const char *b)
{
	static uint32_t pa[TW * TH], pb[TW * TH];
	int wa = draw(a, pa), wb = draw(b, pb);

	return wa == wb && memcmp(pa, pb, sizeof pa) == 0;
}

static int
width(const char *s)
{
	int w = 0, h = 0;

	render_text_size(rd, FONT_REGULAR, 28, s, &w, &h);
	return w;
}

/* The text cache holds at most its cap in texture bytes, whatever is
** drawn: the least recently drawn text goes first, one drawn again stays,
** and a text bigger than the whole cap is still drawn. */
static void
test_cache_cap(void)
{
	RenderStats rs;
	SDL_Texture *t;
	char s[64];
	int w = 0, h = 0;
	long one;

	printf("text cache cap\n");
	render_set_text_cap(rd, 0);             /* raised to the minimum */
	render_stats(rd, &rs);
	CHECK(rs.text_cap_bytes > 0);
	CHECK(rs.text_bytes <= rs.text_cap_bytes);
	/* Measure one entry, then cap at about eight of them. */
	render_flush(rd);
	CHECK(render_text(rd, FONT_REGULAR, 0, 28, 0, "Mission 000", &w, &h) != NULL);
	one = 4L * w * h;
	CHECK(one > 0);
	render_set_text_cap(rd, 8 * one > rs.text_cap_bytes ? 8 * one :
	                    rs.text_cap_bytes);
	render_stats(rd, &rs);
	for (int i = 1; i < 2000; i++) {
		snprintf(s, sizeof s, "Mission %03d", i % 1000);
		CHECK(render_text(rd, FONT_REGULAR, 0, 28, 0, s, &w, &h) != NULL);
		/* The first one is drawn again every time: it must stay. */
		render_text(rd, FONT_REGULAR, 0, 28, 0, "Mission 000", &w, &h);
		render_stats(rd, &rs);
		if (rs.text_bytes > rs.text_cap_bytes) {
			CHECK(rs.text_bytes <= rs.text_cap_bytes);
			break;
		}
	}
	render_stats(rd, &rs);
	CHECK(rs.text_evictions > 1000);
	CHECK(rs.text_entries >= 2);
	{
		long misses = rs.text_misses;
		render_text(rd, FONT_REGULAR, 0, 28, 0, "Mission 000", &w, &h);
		render_stats(rd, &rs);
		CHECK_INT(rs.text_misses, misses);      /* kept: a hit */
		render_text(rd, FONT_REGULAR, 0, 28, 0, "Mission 001", &w, &h);
		render_stats(rd, &rs);
		CHECK_INT(rs.text_misses, misses + 1);  /* long gone */
	}
	/* Lowering the cap evicts at once. */
	render_set_text_cap(rd, 1);
	render_stats(rd, &rs);
	CHECK(rs.text_bytes <= rs.text_cap_bytes);
	/* Bigger than the cap: drawn anyway, alone in the cache. */
	t = render_text(rd, FONT_REGULAR, 0, 300, 0, "Un texte bien trop grand",
	                &w, &h);
	CHECK(t != NULL);
	CHECK(4L * w * h > rs.text_cap_bytes);
	render_stats(rd, &rs);
	CHECK_INT(rs.text_entries, 1);
	render_set_text_cap(rd, 8L * 1024 * 1024);
}

int
main(void)
{
	char err[256] = "";
	/* U+0378 is unassigned: no face has it, whatever the fonts. */
	const char *unassigned = "\xCD\xB8";

	target = SDL_CreateRGBSurfaceWithFormat(0, TW, TH, 32,
	                                        SDL_PIXELFORMAT_ARGB8888);
	ren = target != NULL ? SDL_CreateSoftwareRenderer(target) : NULL;
	CHECK(ren != NULL);
	if (ren == NULL || render_new(ren, &rd, err, sizeof err) != 0) {
		fprintf(stderr, "no renderer or fonts: %s %s\n", SDL_GetError(), err);
		return check_done() + 1;
	}
	/* Drawn by a face, not the box every missing glyph shares. */
	CHECK(!same_pixels("\xF0\x9F\x9A\xB2", unassigned));       /* bicycle */
	CHECK(!same_pixels("\xF0\x9F\x91\x8D", unassigned));       /* thumbs up */
	CHECK(!same_pixels("\xD7\xA9", unassigned));                /* shin */
	CHECK(!same_pixels("\xD9\x85", unassigned));                /* meem */
	CHECK(!same_pixels("\xF0\x9F\x9A\xB2", "\xF0\x9F\x91\x8D"));
	/* A cluster no face has: one U+FFFD, not one per code point. */
	CHECK(same_pixels(unassigned, "\xEF\xBF\xBD"));
	CHECK(same_pixels("\xCD\xB8\xCC\x81\xCC\x88", "\xEF\xBF\xBD"));
	CHECK_INT(width("a\xCD\xB8\xCC\x81" "b"), width("a\xEF\xBF\xBD" "b"));
	/* Invalid UTF-8 and control characters: U+FFFD each. */
	CHECK(same_pixels("a\xFF" "b", "a\xEF\xBF\xBD" "b"));
	CHECK(same_pixels("a\x01", "a\xEF\xBF\xBD"));
	/* A flag is its two letters; a skin tone is left out. */
	CHECK(same_pixels("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", "FR"));
	CHECK(same_pixels("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
	                  "\xF0\x9F\x91\x8D"));
	/* Arabic letters are joined (HarfBuzz told the script): two behs
	** joined are narrower than two alone, also after a Hebrew word. */
	CHECK(width("\xD8\xA8\xD8\xA8") < 2 * width("\xD8\xA8"));
	CHECK(width("\xD7\xA9 \xD8\xA8\xD8\xA8") <
	      width("\xD7\xA9 \xD8\xA8") + width("\xD8\xA8"));
	/* Latin text is as it was: one run of Inter. */
	CHECK(width("Bonjour") > 0);
	CHECK(!same_pixels("e\xCC\x81", "e"));
	test_cache_cap();
	render_free(rd);
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(target);
	TTF_Quit();
	return check_done();
}
