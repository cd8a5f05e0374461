/* textlayout.c -- line breaking and grapheme clusters, without SDL.
** Greedy: a line takes words while they fit; a word wider than the box
** starts a new line and is cut between grapheme clusters, as many as fit.
** Widths are only ever taken of a line's real prefix, so a line is never
** wider than the box unless it is one cluster, whatever the font's kerning.
** Finding the cut gallops then bisects over cluster boundaries: a
** 2,000-character word costs a few dozen measures per line, not one per
** character.
**
** Clusters: UAX #29's extended grapheme clusters, from a table that covers
** the combining marks of Latin, Greek, Cyrillic, Hebrew, Arabic and the
** Indic and South-East Asian scripts (approximate, not exact), zero width
** joiner sequences of emoji, regional indicator pairs (flags), variation
** selectors, skin tones and tags. Getting a rare mark wrong costs a break
** at a slightly wrong place, never a crash. */
#include "textlayout.h"

#define TL_WHOLE_MAX 64     /* bytes: longer words are measured by parts */

typedef struct Range { uint32_t lo, hi; } Range;

static int    tl_in(const Range *t, size_t n, uint32_t cp);
static int    tl_is_extend(uint32_t cp);
static int    tl_is_control(uint32_t cp);
static int    tl_is_ri(uint32_t cp);
static int    tl_is_pictographic(uint32_t cp);
static int    tl_is_space(const char *s, size_t len, size_t i);
static size_t tl_newline_len(const char *s, size_t len, size_t i);
static size_t tl_word_end(const char *s, size_t len, size_t i);
static size_t tl_fit(const char *s, size_t len, size_t start, size_t from,
                     size_t to, int width, TextMeasure m, void *ctx);

/* Marks that join the cluster before them (Extend and SpacingMark). */
static const Range extend_ranges[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x064B, 0x065F },
	{ 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
	{ 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED }, { 0x0711, 0x0711 },
	{ 0x0730, 0x074A }, { 0x07A6, 0x07B0 }, { 0x07EB, 0x07F3 },
	{ 0x0816, 0x082D }, { 0x0859, 0x085B }, { 0x0898, 0x089F },
	{ 0x08CA, 0x08E1 }, { 0x08E3, 0x08FF },
	{ 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E },
	{ 0x0EB1, 0x0EB1 }, { 0x0EB4, 0x0EBC }, { 0x0EC8, 0x0ECE },
	{ 0x0F18, 0x0F19 }, { 0x0F35, 0x0F35 }, { 0x0F37, 0x0F37 },
	{ 0x0F39, 0x0F39 }, { 0x0F71, 0x0F84 }, { 0x0F86, 0x0F87 },
	{ 0x0F8D, 0x0FBC }, { 0x102B, 0x103E }, { 0x1056, 0x1059 },
	{ 0x1160, 0x11FF }, { 0x135D, 0x135F }, { 0x1712, 0x1715 },
	{ 0x17B4, 0x17D3 }, { 0x17DD, 0x17DD }, { 0x180B, 0x180F },
	{ 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200C, 0x200C },
	{ 0x20D0, 0x20FF }, { 0x2CEF, 0x2CF1 }, { 0x2DE0, 0x2DFF },
	{ 0x302A, 0x302F }, { 0x3099, 0x309A }, { 0xA66F, 0xA672 },
	{ 0xA674, 0xA67D }, { 0xA69E, 0xA69F }, { 0xFB1E, 0xFB1E },
	{ 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFF9E, 0xFF9F },
	{ 0x1F3FB, 0x1F3FF }, { 0xE0020, 0xE007F }, { 0xE0100, 0xE01EF },
};

/* Extended_Pictographic, roughly: what may follow a zero width joiner. */
static const Range picto_ranges[] = {
	{ 0x00A9, 0x00A9 }, { 0x00AE, 0x00AE }, { 0x203C, 0x203C },
	{ 0x2049, 0x2049 }, { 0x2122, 0x2122 }, { 0x2139, 0x2139 },
	{ 0x2194, 0x21FF }, { 0x2300, 0x23FF }, { 0x25A0, 0x27BF },
	{ 0x2900, 0x297F }, { 0x2B00, 0x2BFF }, { 0x3030, 0x3030 },
	{ 0x303D, 0x303D }, { 0x3297, 0x3297 }, { 0x3299, 0x3299 },
	{ 0x1F000, 0x1F1E5 }, { 0x1F200, 0x1F3FA }, { 0x1F400, 0x1FAFF },
	{ 0x1FC00, 0x1FFFD },
};

static const Range rtl_ranges[] = {
	{ 0x0590, 0x08FF }, { 0xFB1D, 0xFDFF }, { 0xFE70, 0xFEFF },
	{ 0x10800, 0x10FFF }, { 0x1E800, 0x1EFFF },
};

static const Range invisible_ranges[] = {
	{ 0x00AD, 0x00AD }, { 0x034F, 0x034F }, { 0x180B, 0x180F },
	{ 0x200B, 0x200F }, { 0x202A, 0x202E }, { 0x2060, 0x206F },
	{ 0xFE00, 0xFE0F }, { 0xFEFF, 0xFEFF }, { 0xE0000, 0xE0FFF },
};

static int
tl_in(const Range *t, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

static int
tl_is_extend(uint32_t cp)
{
	uint32_t o;

	if (cp >= 0x0900 && cp <= 0x0DFF) {
		/* The Brahmic blocks share a plan: vowel signs and viramas at
		** these offsets of each 128-code-point block. */
		o = cp & 0x7F;
		return o <= 0x03 || (o >= 0x3A && o <= 0x4F && o != 0x3D) ||
		       (o >= 0x51 && o <= 0x57) || (o >= 0x62 && o <= 0x63);
	}
	return tl_in(extend_ranges, sizeof extend_ranges / sizeof extend_ranges[0],
	             cp);
}

static int
tl_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 ||
	       cp == 0x2029;
}

static int
tl_is_ri(uint32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

static int
tl_is_pictographic(uint32_t cp)
{
	return tl_in(picto_ranges, sizeof picto_ranges / sizeof picto_ranges[0],
	             cp);
}

int
textlayout_is_rtl(uint32_t cp)
{
	return tl_in(rtl_ranges, sizeof rtl_ranges / sizeof rtl_ranges[0], cp);
}

int
textlayout_is_invisible(uint32_t cp)
{
	return tl_in(invisible_ranges,
	             sizeof invisible_ranges / sizeof invisible_ranges[0], cp);
}

size_t
textlayout_decode(const char *s, size_t len, size_t i, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t left = len - i, n;
	uint32_t c;
	unsigned char lo = 0x80, hi = 0xBF;

	*cp = 0xFFFD;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		c = u[0] & 0x1Fu;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		c = u[0] & 0x0Fu;
		if (u[0] == 0xE0)
			lo = 0xA0;          /* overlong */
		else if (u[0] == 0xED)
			hi = 0x9F;          /* surrogates */
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		c = u[0] & 0x07u;
		if (u[0] == 0xF0)
			lo = 0x90;          /* overlong */
		else if (u[0] == 0xF4)
			hi = 0x8F;          /* past U+10FFFF */
	} else {
		return 1;
	}
	if (left < n || u[1] < lo || u[1] > hi)
		return 1;
	for (size_t k = 1; k < n; k++) {
		if (k > 1 && (u[k] & 0xC0) != 0x80)
			return 1;
		c = (c << 6) | (u[k] & 0x3Fu);
	}
	*cp = c;
	return n;
}

size_t
textlayout_cluster_end(const char *s, size_t len, size_t i)
{
	uint32_t cp, prev, next;
	size_t n = textlayout_decode(s, len, i, &cp);
	int ri = tl_is_ri(cp);

	if (cp == '\r' && i + 1 < len && s[i + 1] == '\n')
		return i + 2;
	if (tl_is_control(cp) || (cp == 0xFFFD && n == 1))
		return i + n;   /* controls and bad bytes stand alone */
	prev = cp;
	i += n;
	while (i < len) {
		n = textlayout_decode(s, len, i, &next);
		if (next == 0xFFFD && n == 1)
			break;
		if (tl_is_extend(next) || next == 0x200D) {
			/* marks, joiners, selectors, skin tones */
		} else if (prev == 0x200D && tl_is_pictographic(next)) {
			/* an emoji ZWJ sequence goes on */
		} else if (ri == 1 && tl_is_ri(next)) {
			ri = 2;         /* the second half of a flag */
		} else {
			break;
		}
		prev = next;
		i += n;
	}
	return i;
}

/* A space cluster: one space or tab, nothing joined to it. */
static int
tl_is_space(const char *s, size_t len, size_t i)
{
	return (s[i] == ' ' || s[i] == '\t') &&
	       textlayout_cluster_end(s, len, i) == i + 1;
}

/* Bytes of the newline at s[i] (LF, CR or CR LF), 0 if none. */
static size_t
tl_newline_len(const char *s, size_t len, size_t i)
{
	if (s[i] == '\n')
		return 1;
	if (s[i] == '\r')
		return i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
	return 0;
}

/* The end of the word at i: clusters up to a space, a newline or len. */
static size_t
tl_word_end(const char *s, size_t len, size_t i)
{
	while (i < len && !tl_is_space(s, len, i) && tl_newline_len(s, len, i) == 0)
		i = textlayout_cluster_end(s, len, i);
	return i;
}

/* The largest cluster boundary c in (from, to] such that s[start, c) is at
** most width wide, or from when none is; from and to are boundaries. Only
** widths actually measured are trusted. */
static size_t
tl_fit(const char *s, size_t len, size_t start, size_t from, size_t to,
       int width, TextMeasure m, void *ctx)
{
	size_t good = from, bad = to, c;
	size_t step = 1, n;
	int have_bad = 0;

	if (to <= from)
		return from;
	if (to - from <= TL_WHOLE_MAX && m(ctx, s + start, to - start) <= width)
		return to;
	if (to - from <= TL_WHOLE_MAX)
		have_bad = 1;   /* the whole is too wide: bad = to */
	/* Gallop: 1, 2, 4... clusters past the last good boundary. */
	while (!have_bad) {
		c = good;
		for (size_t k = 0; k < step && c < to; k++)
			c = textlayout_cluster_end(s, len, c);
		if (m(ctx, s + start, c - start) <= width) {
			good = c;
			if (c >= to)
				return to;
			step *= 2;
		} else {
			bad = c;
			have_bad = 1;
		}
	}
	/* Bisect the clusters strictly between good and bad. */
	for (;;) {
		n = 0;
		for (c = good; c < bad; c = textlayout_cluster_end(s, len, c))
			n++;
		if (n <= 1)
			return good;
		c = good;
		for (size_t k = 0; k < n / 2; k++)
			c = textlayout_cluster_end(s, len, c);
		if (m(ctx, s + start, c - start) <= width)
			good = c;
		else
			bad = c;
	}
}

int
textlayout_break(const char *s, size_t len, int width_px, TextMeasure measure,
                 void *ctx, TextLine *lines, int max_lines)
{
	size_t pos = 0;
	int n = 0;

	while (pos < len && n < max_lines) {
		size_t start = pos, i = pos, ws, we, c, nl = 0;
		TextLine line;

		for (;;) {
			ws = i;
			while (ws < len && tl_is_space(s, len, ws))
				ws++;
			if (ws >= len || (nl = tl_newline_len(s, len, ws)) > 0) {
				/* The paragraph ends; its trailing spaces are not drawn. */
				line = (TextLine){ start, i - start,
				                   ws >= len ? len : ws + nl };
				break;
			}
			we = tl_word_end(s, len, ws);
			if (i > start) {
				/* Does the next word fit too? */
				c = tl_fit(s, len, start, ws, we, width_px, measure, ctx);
				if (c == we) {
					i = we;
					continue;
				}
				line = (TextLine){ start, i - start, ws };
				break;
			}
			/* First word of the line (after a paragraph's indent). */
			c = tl_fit(s, len, start, start, we, width_px, measure, ctx);
			if (c == start)
				c = textlayout_cluster_end(s, len, start);
			if (c == we) {
				i = we;     /* fits, or is a single cluster: whole */
				continue;
			}
			line = (TextLine){ start, c - start, c };
			break;
		}
		lines[n++] = line;
		pos = line.next;
	}
	return n;
}

size_t
textlayout_prefix(const char *s, size_t len, int width_px, TextMeasure measure,
                  void *ctx)
{
	return tl_fit(s, len, 0, 0, len, width_px, measure, ctx);
}

size_t
textlayout_sanitize(const char *s, size_t len, char *out, size_t outlen)
{
	size_t i = 0, k = 0, n;
	uint32_t cp;

	if (outlen == 0)
		return 0;
	while (i < len) {
		n = textlayout_decode(s, len, i, &cp);
		if (cp == '\t' || cp == '\n' || cp == '\r') {
			if (k + 1 >= outlen)
				break;
			out[k++] = ' ';
		} else if ((cp == 0xFFFD && n == 1) || tl_is_control(cp)) {
			if (k + 3 >= outlen)
				break;
			out[k++] = (char)0xEF;
			out[k++] = (char)0xBF;
			out[k++] = (char)0xBD;
		} else {
			if (k + n >= outlen)
				break;
			for (size_t j = 0; j < n; j++)
				out[k++] = s[i + j];
		}
		i += n;
	}
	out[k] = '\0';
	return k;
}
