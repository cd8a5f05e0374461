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
static void test_cache_scenes(void);
static void scene_frame(int scene, const char *a, const char *b);
static void test_discs(void);
static void discs_pixels(int cached, uint32_t *px);

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

/* One frame of scene drawing the texts a and b (NULL: not drawn). */
static void
scene_frame(int scene, const char *a, const char *b)
{
	int w = 0, h = 0;

	render_frame_begin(rd, scene);
	if (a != NULL)
		CHECK(render_text(rd, FONT_REGULAR, 0, 28, 0, a, &w, &h) != NULL);
	if (b != NULL)
		CHECK(render_text(rd, FONT_REGULAR, 0, 28, 0, b, &w, &h) != NULL);
	render_frame_end(rd);
}

/* Frames keep in the cache what they draw and what the screen before
** drew, and nothing older, however big the cap: a day of taps (a new
** name and time at each) holds two screens of texts, not a cap's worth. */
static void
test_cache_scenes(void)
{
	RenderStats rs;
	long misses;
	char name[64];
	long two_screens;

	printf("text cache by scenes\n");
	render_flush(rd);
	render_set_text_cap(rd, 64L * 1024 * 1024);
	scene_frame(1, "Accueil", "12:47");
	scene_frame(1, "Accueil", "12:48");      /* the minute turned */
	render_stats(rd, &rs);
	CHECK_INT(rs.text_entries, 2);          /* "12:47" went at once */
	scene_frame(2, "Bonjour Ines !", "Mes missions");
	render_stats(rd, &rs);
	CHECK_INT(rs.text_entries, 4);          /* the screen before stays */
	misses = rs.text_misses;
	scene_frame(1, "Accueil", "12:48");      /* back: drawn from the cache */
	render_stats(rd, &rs);
	CHECK_INT(rs.text_misses, misses);
	CHECK_INT(rs.text_entries, 4);
	scene_frame(2, "Bonjour Lea !", "Mes missions");
	render_stats(rd, &rs);
	CHECK_INT(rs.text_misses, misses + 1);  /* "Mes missions" kept */
	CHECK_INT(rs.text_entries, 4);          /* "Bonjour Ines !" went */
	two_screens = rs.text_bytes;
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "Bonjour membre %03d !", i);
		scene_frame(1, "Accueil", "12:48");
		scene_frame(2, name, "Mes missions");
		render_stats(rd, &rs);
		if (rs.text_entries != 4 || rs.text_bytes > 2 * two_screens) {
			CHECK_INT(rs.text_entries, 4);
			CHECK(rs.text_bytes <= 2 * two_screens);
			break;
		}
	}
	/* The same scene, a frame drawing less: what it stopped drawing goes. */
	scene_frame(2, "Mes missions", NULL);
	render_stats(rd, &rs);
	CHECK_INT(rs.text_entries, 3);          /* Accueil's two, and this */
	/* The screen dark: only the last screen's texts are left. */
	scene_frame(-1, NULL, NULL);
	render_stats(rd, &rs);
	CHECK_INT(rs.text_entries, 1);
	scene_frame(-1, NULL, NULL);
	render_stats(rd, &rs);
	CHECK_INT(rs.text_entries, 1);          /* until a screen draws again */
	scene_frame(1, "Accueil", NULL);          /* two scenes back: gone */
	render_stats(rd, &rs);
	CHECK_INT(rs.text_entries, 1);
	render_set_text_cap(rd, 8L * 1024 * 1024);
}

static const RenderDisc rings[] = {
	{ 24, 24, 24, 0xF8D5C5u }, { 24, 24, 18, 0xF5C6B2u },
	{ 24, 27, 12, 0x8A2E1Au }, { 24, 24, 12, 0xB5482Au },
	{ 24, 24, 6, 0xFFFFFFu },
};

/* The rings at (40, 0) over a white target, as one cached texture or as
** blended discs (what the badge panel drew before); pixels into px. */
static void
discs_pixels(int cached, uint32_t *px)
{
	SDL_SetRenderDrawColor(ren, 255, 255, 255, 255);
	SDL_RenderClear(ren);
	if (cached) {
		render_discs(rd, 40, 0, rings, 5, 0xFCE4DAu);
	} else {
		render_fill(rd, (SDL_Rect){ 40, 0, 48, 48 }, 0xFCE4DAu, 255);
		for (int i = 0; i < 5; i++)
			render_rrect(rd, (SDL_Rect){ 40 + rings[i].cx - rings[i].r,
			             rings[i].cy - rings[i].r, 2 * rings[i].r,
			             2 * rings[i].r }, rings[i].r, rings[i].c, 255);
	}
	SDL_RenderPresent(ren);
	for (int y = 0; y < TH; y++)
		memcpy(px + y * TW, (uint8_t *)target->pixels + y * target->pitch,
		       TW * sizeof *px);
}

/* Discs that never change are made once into one opaque texture and
** copied: the same picture as the discs blended one by one (within 4
** levels a channel, at the anti-aliased edges), only inside their square,
** one texture per set of discs whatever the place, a few sets at most. */
static void
test_discs(void)
{
	static uint32_t a[TW * TH], b[TW * TH];
	RenderStats stats;
	RenderDisc other[5];
	int worst = 0;

	discs_pixels(0, a);
	discs_pixels(1, b);
	for (int i = 0; i < TW * TH; i++) {
		for (int k = 0; k < 24; k += 8) {
			int d = (int)(a[i] >> k & 0xFF) - (int)(b[i] >> k & 0xFF);
			if (d < 0)
				d = -d;
			if (d > worst)
				worst = d;
		}
	}
	/* SDL's blend truncates at each layer; five layers: 3 levels here. */
	if (worst > 4)
		fprintf(stderr, "  discs: %d levels apart\n", worst);
	CHECK(worst <= 4);
	CHECK_INT(b[24 * TW + 64] & 0xFFFFFFu, 0xFFFFFFu);   /* the centre */
	CHECK_INT(b[0 * TW + 40] & 0xFFFFFFu, 0xFCE4DAu);    /* square's corner */
	CHECK_INT(b[24 * TW + 39] & 0xFFFFFFu, 0xFFFFFFu);   /* left of it */
	CHECK_INT(b[24 * TW + 88] & 0xFFFFFFu, 0xFFFFFFu);   /* right of it */
	render_stats(rd, &stats);
	CHECK_INT(stats.disc_textures, 1);
	render_discs(rd, 100, 0, rings, 5, 0xFCE4DAu);       /* elsewhere */
	render_stats(rd, &stats);
	CHECK_INT(stats.disc_textures, 1);
	memcpy(other, rings, sizeof other);
	for (int k = 0; k < 10; k++) {
		other[0].c = 0x101010u * (uint32_t)k;
		render_discs(rd, 0, 0, other, 5, 0xFCE4DAu);
	}
	render_stats(rd, &stats);
	CHECK_INT(stats.disc_textures, 4);           /* DISCS_MAX */
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
	test_cache_scenes();
	test_discs();
	render_free(rd);
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(target);
	TTF_Quit();
	return check_done();
}
