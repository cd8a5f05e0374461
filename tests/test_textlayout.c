/* test_textlayout.c -- line breaking and grapheme clusters, with a fake
** font: 10 px a character, 3 px for 'i', 0 for combining marks and
** joiners, 20 px for emoji and other wide characters. The cases are the
** texts that broke the kiosk (a URL after a space), then every kind of
** text a person can type or import, then a few thousand random mixes of
** them, all checked against the invariants of textlayout_check.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "textlayout.h"
#include "textlayout_check.h"

#define MAX_LINES 4096

static int  fake_measure(void *ctx, const char *s, size_t len);
static int  kern_measure(void *ctx, const char *s, size_t len);
static int  lay(const char *s, int width, char out[][256], int max_out);
static void check_sound(const char *s, size_t len, int width, TextMeasure m);
static void test_url_after_space(void);
static void test_words(void);
static void test_clusters(void);
static void test_newlines(void);
static void test_narrow(void);
static void test_long(void);
static void test_prefix(void);
static void test_sanitize(void);
static void test_random(void);

static TextLine lines[MAX_LINES];
static int n_measures;

static int
fake_measure(void *ctx, const char *s, size_t len)
{
	int w = 0;
	uint32_t cp;

	(void)ctx;
	n_measures++;
	for (size_t i = 0; i < len;) {
		size_t n = textlayout_decode(s, len, i, &cp);
		if (cp == 'i')
			w += 3;
		else if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200D ||
		         (cp >= 0xFE00 && cp <= 0xFE0F) ||
		         (cp >= 0x1F3FB && cp <= 0x1F3FF))
			w += 0;
		else if (cp >= 0x1F000)
			w += 20;
		else
			w += 10;
		i += n;
	}
	return w;
}

/* Like a font with kerning: "AV" is 8 px narrower than its letters, so a
** longer text may be narrower than its prefix. */
static int
kern_measure(void *ctx, const char *s, size_t len)
{
	int w = fake_measure(ctx, s, len);

	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == 'A' && s[i + 1] == 'V')
			w -= 8;
	return w;
}

static void
check_sound(const char *s, size_t len, int width, TextMeasure m)
{
	int n = textlayout_break(s, len, width, m, NULL, lines, MAX_LINES);
	const char *why = textlayout_violation(s, len, width, m, NULL, lines, n,
	                                       MAX_LINES);

	if (why != NULL)
		fprintf(stderr, "width %d, \"%.*s\": %s\n", width, (int)len, s, why);
	CHECK(why == NULL);
}

/* Lays s out at width; the lines' texts in out. Returns the count. */
static int
lay(const char *s, int width, char out[][256], int max_out)
{
	size_t len = strlen(s);
	int n = textlayout_break(s, len, width, fake_measure, NULL, lines,
	                         max_out);

	check_sound(s, len, width, fake_measure);
	for (int k = 0; k < n; k++) {
		size_t l = lines[k].len < 255 ? lines[k].len : 255;
		memcpy(out[k], s + lines[k].start, l);
		out[k][l] = '\0';
	}
	return n;
}

static void
test_url_after_space(void)
{
	const char *url = "Infos : https://www.exemple-tiers-lieu.org/ateliers/"
	                  "reparation-velo-samedi-matin";
	char out[16][256];
	int n = lay(url, 200, out, 16);

	/* "Infos :" alone, then the link cut every 20 characters (no 'i' in
	** the first piece, so 20 x 10 px). */
	CHECK_INT(n, 5);
	CHECK_STR(out[0], "Infos :");
	CHECK_STR(out[1], "https://www.exemple-");
	CHECK(strlen(out[1]) == 20);
	/* Whatever the width, the text comes back whole. */
	for (int w = -5; w <= 900; w += 7)
		check_sound(url, strlen(url), w, fake_measure);
}

static void
test_words(void)
{
	char out[16][256];

	CHECK_INT(lay("Bonjour le monde", 100, out, 16), 2);
	CHECK_STR(out[0], "Bonjour le");
	CHECK_STR(out[1], "monde");
	/* A word exactly the width fits; one pixel less and it is cut. */
	CHECK_INT(lay("abcdefghjk", 100, out, 16), 1);
	CHECK_STR(out[0], "abcdefghjk");
	CHECK_INT(lay("abcdefghjk", 99, out, 16), 2);
	CHECK_STR(out[0], "abcdefghj");
	CHECK_STR(out[1], "k");
	/* Spaces at a break are not drawn; many of them too. */
	CHECK_INT(lay("aaaa     bbbb", 60, out, 16), 2);
	CHECK_STR(out[0], "aaaa");
	CHECK_STR(out[1], "bbbb");
	CHECK_INT(lay("aaaa bbbb   ", 200, out, 16), 1);
	CHECK_STR(out[0], "aaaa bbbb");
	/* An e-mail is a word like any other. */
	CHECK_INT(lay("Écrire à benevoles@exemple-tiers-lieu.org merci", 150,
	              out, 16), 4);
	CHECK_STR(out[0], "Écrire à");
	CHECK_STR(out[1], "benevoles@exemp");
	CHECK_STR(out[3], "g merci");
	/* Empty text: no line. */
	CHECK_INT(textlayout_break("", 0, 100, fake_measure, NULL, lines, 4), 0);
}

static void
test_clusters(void)
{
	char out[64][256];
	/* e + combining acute, a + three stacked marks */
	const char *marks = "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"
	                    "a\xCC\x81\xCC\x88\xCC\xA3" "e\xCC\x81";
	int n = lay(marks, 25, out, 64);

	CHECK_INT(n, 3);
	CHECK_STR(out[0], "e\xCC\x81" "e\xCC\x81");
	CHECK_STR(out[1], "e\xCC\x81" "a\xCC\x81\xCC\x88\xCC\xA3");
	/* Flags are pairs of regional indicators: FR DE, never F RD E. */
	CHECK_INT(lay("🇫🇷🇩🇪🇮", 50, out, 64), 3);
	CHECK_STR(out[0], "🇫🇷");
	CHECK_STR(out[1], "🇩🇪");
	CHECK_STR(out[2], "🇮");
	/* ZWJ sequences, skin tones and variation selectors stay whole. */
	CHECK_INT(lay("👩‍💻👨‍👩‍👧👍🏽❤️🚲", 1, out, 64), 5);
	CHECK_STR(out[0], "👩‍💻");
	CHECK_STR(out[1], "👨‍👩‍👧");
	CHECK_STR(out[2], "👍🏽");
	CHECK_STR(out[3], "❤️");
	CHECK_STR(out[4], "🚲");
	/* Right-to-left text breaks at its spaces, in logical order. */
	CHECK_INT(lay("שלום עולם مرحبا بالعالم", 80, out, 64), 4);
	CHECK_STR(out[0], "שלום");
	CHECK_STR(out[3], "بالعالم");
	/* Arabic marks (harakat) stay on their letter. */
	CHECK_INT(lay("\xD9\x85\xD9\x8E\xD8\xB1\xD9\x92", 10, out, 64), 2);
	CHECK_STR(out[0], "\xD9\x85\xD9\x8E");
	/* A mark alone after a space belongs to it: the space is then drawn. */
	check_sound("a \xCC\x81 b", 5, 10, fake_measure);
	/* Invalid UTF-8: each bad byte a cluster of its own. */
	CHECK_INT(lay("\xFF\xFE" "ab\xC3", 10, out, 64), 5);
	CHECK_INT(textlayout_cluster_end("\xE2\x82", 2, 0), 1);
	CHECK_INT(textlayout_cluster_end("\xED\xA0\x80", 3, 0), 1);  /* surrogate */
	CHECK_INT(textlayout_cluster_end("\xC0\xAF", 2, 0), 1);      /* overlong */
	CHECK_INT(textlayout_cluster_end("\xF4\x90\x80\x80", 4, 0), 1);
	CHECK_INT(textlayout_cluster_end("e\xCC\x81\xFF", 4, 0), 3);
	CHECK_INT(textlayout_cluster_end("\r\n", 2, 0), 2);
	CHECK_INT(textlayout_cluster_end("\n\xCC\x81", 3, 0), 1);
}

static void
test_newlines(void)
{
	char out[16][256];

	CHECK_INT(lay("a\n\nb", 100, out, 16), 3);
	CHECK_STR(out[0], "a");
	CHECK_STR(out[1], "");
	CHECK_STR(out[2], "b");
	CHECK_INT(lay("un\r\ndeux\rtrois\n", 100, out, 16), 3);
	CHECK_STR(out[2], "trois");
	CHECK_INT(lay("   indent", 200, out, 16), 1);
	CHECK_STR(out[0], "   indent");
	/* max_lines stops it, and says where the rest begins. */
	CHECK_INT(textlayout_break("aa bb cc dd", 11, 20, fake_measure, NULL,
	                           lines, 2), 2);
	CHECK_INT(lines[1].next, 6);
}

static void
test_narrow(void)
{
	const char *s = "Réparer 🚲 e\xCC\x81t\xC3\xA9 🇫🇷";

	/* 0 or 1 px: one cluster a line, spaces skipped. */
	for (int w = -1; w <= 1; w++)
		check_sound(s, strlen(s), w, fake_measure);
	CHECK_INT(textlayout_break(s, strlen(s), 1, fake_measure, NULL, lines,
	                           MAX_LINES), 12);
	/* Spaces only. */
	check_sound("     ", 5, 1, fake_measure);
	check_sound("  \n  \n", 6, 0, fake_measure);
}

static void
test_long(void)
{
	char word[301], big[8001], out[64][256];
	int n;

	/* A 300-character word: 30 lines of 10. */
	memset(word, 'x', 300);
	word[300] = '\0';
	n = lay(word, 100, out, 64);
	CHECK_INT(n, 30);
	CHECK_INT((int)strlen(out[29]), 10);
	/* 2,000 characters (a description at its maximum) in a few measures
	** a line, not one a character. */
	for (int i = 0; i < 2000; i++)
		big[i] = (char)(i % 97 == 96 ? ' ' : 'a' + i % 26);
	big[2000] = '\0';
	n_measures = 0;
	n = textlayout_break(big, 2000, 400, fake_measure, NULL, lines,
	                     MAX_LINES);
	check_sound(big, 2000, 400, fake_measure);
	CHECK(n >= 55 && n <= 70);
	printf("2000 characters, 400 px: %d lines, %d measures\n", n, n_measures);
	CHECK(n_measures < 30 * n);
	/* The same text in 2000 'é' of two bytes with no space at all. */
	for (int i = 0; i < 4000; i += 2) {
		big[i] = (char)0xC3;
		big[i + 1] = (char)0xA9;
	}
	big[4000] = '\0';
	check_sound(big, 4000, 333, fake_measure);
	/* Kerning: a wider prefix than the whole is no excuse. */
	check_sound("AVAVAVAVAVAV AVAVAVAV AV", 24, 50, kern_measure);
}

static void
test_prefix(void)
{
	const char *dec = "e\xCC\x81" "e\xCC\x81" "e\xCC\x81";

	CHECK_INT(textlayout_prefix("Bonjour", 7, 35, fake_measure, NULL), 3);
	CHECK_INT(textlayout_prefix("Bonjour", 7, 70, fake_measure, NULL), 7);
	CHECK_INT(textlayout_prefix("Bonjour", 7, 9, fake_measure, NULL), 0);
	CHECK_INT(textlayout_prefix(dec, strlen(dec), 15, fake_measure, NULL), 3);
	CHECK_INT(textlayout_prefix(dec, strlen(dec), 20, fake_measure, NULL), 6);
	CHECK_INT(textlayout_prefix("🇫🇷🇩🇪", 16, 50, fake_measure, NULL), 8);
	CHECK_INT(textlayout_prefix("👩‍💻!", 12, 45, fake_measure, NULL), 11);
}

static void
test_sanitize(void)
{
	char out[64];

	CHECK_INT(textlayout_sanitize("a\xFF" "b", 3, out, sizeof out), 5);
	CHECK_STR(out, "a\xEF\xBF\xBD" "b");
	textlayout_sanitize("un\tdeux\ntrois\x01", 14, out, sizeof out);
	CHECK_STR(out, "un deux trois\xEF\xBF\xBD");
	textlayout_sanitize("\xE2\x82", 2, out, sizeof out);
	CHECK_STR(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
	/* Too small a buffer: whole characters only. */
	CHECK_INT(textlayout_sanitize("aé", 3, out, 3), 1);
	CHECK_STR(out, "a");
	CHECK_INT(textlayout_sanitize("é", 2, out, 1), 0);
	CHECK_INT(textlayout_sanitize("x", 1, out, 0), 0);
	CHECK(textlayout_is_rtl(0x05D0) && textlayout_is_rtl(0x0627));
	CHECK(!textlayout_is_rtl('a') && !textlayout_is_rtl(0x1F6B2));
	CHECK(textlayout_is_invisible(0x200D) && textlayout_is_invisible(0xFE0F));
	CHECK(!textlayout_is_invisible('a'));
}

/* Random mixes of the pieces people type, at random widths. */
static void
test_random(void)
{
	static const char *const pieces[] = {
		"a", "i", "mot", " ", "  ", "\n", "\r\n", "\t", "é", "e\xCC\x81",
		"\xCC\x81", "\xCC\x88\xCC\xA3", "🚲", "👍", "🏽", "\xE2\x80\x8D",
		"👩‍💻", "🇫", "🇷", "\xEF\xB8\x8F", "ש", "م", "\xD9\x8E", "\xFF",
		"\xE2\x82", "\xF0\x9F", "\x01", "AV", "https://exemple.org/a-b-c",
		"मि", "ก่",
	};
	const size_t n_pieces = sizeof pieces / sizeof pieces[0];
	uint32_t seed = 12345;
	char s[600];
	int bad = 0;

	for (int iter = 0; iter < 20000; iter++) {
		size_t len = 0;
		int n_p, width, n;
		seed = seed * 1103515245u + 12345u;
		n_p = (int)(seed >> 16) % 40;
		for (int k = 0; k < n_p; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % n_pieces];
			size_t pl = strlen(p);
			if (len + pl >= sizeof s)
				break;
			memcpy(s + len, p, pl);
			len += pl;
		}
		seed = seed * 1103515245u + 12345u;
		width = (int)((seed >> 16) % 120) - 2;
		TextMeasure m = iter % 2 ? kern_measure : fake_measure;
		n = textlayout_break(s, len, width, m, NULL, lines,
		                     1 + iter % 7 == 1 ? 3 : MAX_LINES);
		const char *why = textlayout_violation(s, len, width, m, NULL, lines,
		                                       n, 1 + iter % 7 == 1 ? 3
		                                                        : MAX_LINES);
		if (why != NULL && bad++ < 5)
			fprintf(stderr, "random %d, width %d: %s\n", iter, width, why);
		size_t p = textlayout_prefix(s, len, width, m, NULL);
		if (p > len || (p > 0 && m(NULL, s, p) > width) ||
		    !textlayout_check_boundary(s, len, p, &(size_t){ 0 }))
			if (bad++ < 5)
				fprintf(stderr, "random %d: bad prefix %zu\n", iter, p);
	}
	CHECK_INT(bad, 0);
}

int
main(void)
{
	test_url_after_space();
	test_words();
	test_clusters();
	test_newlines();
	test_narrow();
	test_long();
	test_prefix();
	test_sanitize();
	test_random();
	return check_done();
}
