/* textlayout.h -- where lines of text break, without SDL.
** Text comes from people: any bytes may arrive (a URL wider than the box,
** a 300-character word, combining marks, emoji sequences, invalid UTF-8).
** These functions never read past len and never split a grapheme cluster
** (a base letter and its combining marks, an emoji ZWJ sequence, a flag's
** two regional indicators, a character and its variation selector): a
** line starts and ends on cluster boundaries. Invalid UTF-8 counts one
** cluster per bad byte; drawing shows it as U+FFFD (textlayout_sanitize).
** Widths come from a callback, so tests and fuzzers measure without fonts.
** Clusters follow Unicode's extended grapheme clusters (UAX #29) for the
** cases a kiosk meets, from a small table: see textlayout.c. */
#ifndef BORNE_TEXTLAYOUT_H
#define BORNE_TEXTLAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* Width in pixels of s[0..len) drawn as one line (s is not terminated). */
typedef int (*TextMeasure)(void *ctx, const char *s, size_t len);

/* One line: s[start, start + len) is drawn; s[start + len, next) holds
** only the spaces (or the one newline) where it broke, not drawn. The
** next line starts at next. */
typedef struct TextLine {
	size_t start, len, next;
} TextLine;

/* Breaks s[0..len) into lines no wider than width_px: at spaces, at
** newlines (always), and inside a word wider than the box between grapheme
** clusters. A line holds at least one cluster, so a single cluster wider
** than the box (or width_px <= 0) stands on a line of its own. Fills at
** most max_lines entries of lines and returns how many; when it stops
** early, lines[max_lines - 1].next < len. Empty text has no line. */
int    textlayout_break(const char *s, size_t len, int width_px,
                        TextMeasure measure, void *ctx, TextLine *lines,
                        int max_lines);
/* Bytes of the longest prefix of s[0..len), whole clusters only, whose
** width is at most width_px (0 when even the first cluster is wider). */
size_t textlayout_prefix(const char *s, size_t len, int width_px,
                         TextMeasure measure, void *ctx);
/* The code point at s[i] (i < len) in *cp and its length in bytes (1 to
** 4). Invalid or truncated UTF-8: *cp = 0xFFFD, length 1. */
size_t textlayout_decode(const char *s, size_t len, size_t i, uint32_t *cp);
/* The end of the grapheme cluster that starts at s[i] (i < len). */
size_t textlayout_cluster_end(const char *s, size_t len, size_t i);
/* Drawable text: s[0..len) into out (always terminated), invalid bytes and
** control characters as U+FFFD, tab and newlines as a space. Whole
** characters only: stops before one that would not fit. Returns the
** bytes written. out needs 3 * len + 1 bytes to hold everything. */
size_t textlayout_sanitize(const char *s, size_t len, char *out,
                           size_t outlen);
/* 1 for letters of right-to-left scripts (Hebrew, Arabic, Syriac, ...). */
int    textlayout_is_rtl(uint32_t cp);
/* 1 for code points that are drawn as nothing and need no glyph (zero
** width joiner, variation selectors, tags): a font lacking them is fine. */
int    textlayout_is_invisible(uint32_t cp);

#endif
