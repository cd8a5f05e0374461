/* fuzz_text_layout.c -- libFuzzer target: line breaking of any bytes.
** Input: byte 0 picks the measure (bit 0: the kiosk's real one, SDL_ttf
** with Inter and its fallback faces through render.c; else a fake font
** whose width varies by code point, zero included, with kerning that makes
** some texts narrower than their prefix), bits 1-3 the number of lines
** allowed; bytes 1-2 the width, -1 to 2000 px; byte 3 the font size of
** the real measure (one of the kiosk's); the rest is the text, as is (invalid UTF-8, NULs,
** controls, marks, emoji...). Checks the invariants of
** tests/textlayout_check.h, the prefix used for ellipses and the
** sanitised text, and aborts on any violation. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textlayout.h"
#include "textlayout_check.h"
#include "ui_internal.h"

#define FUZZ_MAX_LINES 8192
#define REAL_MAX_BYTES 600

/* The kiosk's text sizes in window pixels (18 to 28 logical, x1 to x2),
** and the extremes: a few sizes keep the opened fonts few. */
static const int sizes_px[] = { 6, 12, 18, 20, 27, 30, 42, 56 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fake_measure(void *ctx, const char *s, size_t len);
static int real_measure(void *ctx, const char *s, size_t len);
static void fuzz_fail(const char *why, const char *s, size_t len, int width);

static TextLine lines[FUZZ_MAX_LINES];
static Render *rd;
static int real_size_px = 20;
static char *mbuf;
static size_t mcap;

static int
fake_measure(void *ctx, const char *s, size_t len)
{
	int w = 0;
	uint32_t cp;

	(void)ctx;
	for (size_t i = 0; i < len;) {
		i += textlayout_decode(s, len, i, &cp);
		w += (int)((cp * 2654435761u) >> 28);     /* 0 to 15 px */
	}
	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == 'A' && s[i + 1] == 'V')
			w -= 6;
	return w;
}

/* The kiosk's own measure: sanitising, runs per face, HarfBuzz. */
static int
real_measure(void *ctx, const char *s, size_t len)
{
	int w = 0, h = 0;

	(void)ctx;
	if (len + 1 > mcap) {
		size_t cap = 2 * (len + 1);
		char *p = realloc(mbuf, cap);
		if (p == NULL)
			abort();
		mbuf = p;
		mcap = cap;
	}
	memcpy(mbuf, s, len);
	mbuf[len] = '\0';
	render_text_size(rd, FONT_REGULAR, real_size_px, mbuf, &w, &h);
	if (w < 0)
		fuzz_fail("negative width", s, len, 0);
	return w;
}

static void
fuzz_fail(const char *why, const char *s, size_t len, int width)
{
	fprintf(stderr, "fuzz_text_layout: %s (width %d, %zu bytes)\n", why, width,
	        len);
	(void)s;
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	size_t len, p, k;
	int width, max_lines, n;
	int real;
	TextMeasure m;
	const char *why;
	char *clean;

	if (size < 4)
		return 0;
	real = data[0] & 1;
	max_lines = (data[0] >> 1) & 7;
	max_lines = max_lines == 0 ? FUZZ_MAX_LINES : max_lines;
	width = (int)((data[1] | (data[2] << 8)) % 2002) - 1;
	real_size_px = sizes_px[data[3] % (sizeof sizes_px / sizeof sizes_px[0])];
	s = (const char *)data + 4;
	len = size - 4;
	if (real && len > REAL_MAX_BYTES)
		len = REAL_MAX_BYTES;   /* shaping is slow: more runs, shorter */
	if (real && rd == NULL) {
		char err[256];
		if (render_new(NULL, &rd, err, sizeof err) != 0) {
			fprintf(stderr, "fuzz_text_layout: %s\n", err);
			abort();
		}
	}
	m = real ? real_measure : fake_measure;

	n = textlayout_break(s, len, width, m, NULL, lines, max_lines);
	why = textlayout_violation(s, len, width, m, NULL, lines, n, max_lines);
	if (why != NULL)
		fuzz_fail(why, s, len, width);

	p = textlayout_prefix(s, len, width, m, NULL);
	k = 0;
	if (p > len || !textlayout_check_boundary(s, len, p, &k))
		fuzz_fail("prefix not on a cluster boundary", s, len, width);
	if (p > 0 && m(NULL, s, p) > width)
		fuzz_fail("prefix wider than the width", s, len, width);

	/* The sanitised text is valid UTF-8 with no control character. */
	clean = malloc(3 * len + 1);
	if (clean == NULL)
		return 0;
	k = textlayout_sanitize(s, len, clean, 3 * len + 1);
	if (k > 3 * len || clean[k] != '\0')
		fuzz_fail("sanitised text too long or not terminated", s, len, width);
	for (size_t i = 0; i < k;) {
		uint32_t cp;
		size_t cn = textlayout_decode(clean, k, i, &cp);
		if ((cp == 0xFFFD && cn == 1) || cp < 0x20 || cp == 0x7F)
			fuzz_fail("sanitised text not clean", s, len, width);
		i += cn;
	}
	free(clean);
	return 0;
}
