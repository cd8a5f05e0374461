/* text.c -- checks on what people type (see text.h).
** One strict UTF-8 decoder: overlong forms, UTF-16 surrogates, code
** points past U+10FFFF and stray continuation bytes are invalid. Control
** characters are C0, DEL and C1; tab and newline pass in multiline text.
**
** Invisible and direction-changing characters are refused too, so a name
** is what it shows: bidi embeddings, overrides, isolates and marks,
** zero-width spaces and joiners, the BOM, the soft hyphen, Hangul
** fillers, line and paragraph separators, tag characters, and variation
** selectors with nothing to vary (at the start, after a space). One
** exception: the zero-width joiner between two emoji, which builds one
** emoji from several ("woman" ZWJ "laptop"). Tag characters are refused
** even after a black flag, so the England/Scotland/Wales flags are not
** taken (a rare loss for a simple rule).
**
** Text that is required (a name, a title, a day's title) needs at least
** one character that draws something: Unicode's spaces (no-break, en, em,
** ideographic U+3000...), the Braille blank U+2800 and combining marks
** with nothing to sit on draw no ink, so a name made only of them is
** refused as "has no visible character", and text_copy trims the spaces
** at the edges as it trims ASCII ones. */
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "borne.h"

typedef struct TextScan {
	uint32_t prev;          /* the last character seen */
	int      in_emoji;      /* inside an emoji (a ZWJ may follow) */
	int      blank;         /* nothing visible so far */
	uint32_t blank_cp;      /* the first blank one past ASCII, 0: none */
	size_t   n_ch;
} TextScan;

static int  scan(const char *s, int multiline, int open_end, TextScan *st,
                 char *why, size_t whylen);
static int  utf8_next(const unsigned char *s, uint32_t *cp);
static int  is_space(unsigned char c);
static int  is_blank(uint32_t cp);
static int  is_mark(uint32_t cp);
static size_t blank_prefix(const char *p, size_t n, int marks);
static size_t blank_suffix(const char *p, size_t n);
static void set_why(char *why, size_t whylen, const char *msg);
static void copy_chars(char *out, size_t outlen, const char *p, size_t n);
static int  is_invisible(uint32_t cp);
static int  is_pictographic(uint32_t cp);
static int  is_selector(uint32_t cp);
static int  next_pictographic(const unsigned char *s);

/* Decodes one code point at s: its length in bytes, or 0 when the bytes
** at s are not valid UTF-8 (s must not point at the NUL). */
static int
utf8_next(const unsigned char *s, uint32_t *cp)
{
	unsigned char c = s[0];
	uint32_t v, min;
	int n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; v = c & 0x1Fu; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; v = c & 0x0Fu; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; v = c & 0x07u; min = 0x10000;
	} else {
		return 0;        /* continuation byte, C0/C1 overlong lead, F5+ */
	}
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;        /* also stops at the NUL */
		v = v << 6 | (s[i] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

/* Format and filler characters that show nothing (ZWJ and variation
** selectors are judged by their neighbours in text_check). */
static int
is_invisible(uint32_t cp)
{
	return cp == 0x00AD || cp == 0x034F || cp == 0x061C ||
	       cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 ||
	       cp == 0x180E || (cp >= 0x200B && cp <= 0x200C) ||
	       (cp >= 0x200E && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 ||
	       cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	       (cp >= 0x13430 && cp <= 0x1343F) ||     /* hieroglyph format */
	       (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||     /* shorthand format */
	       (cp >= 0x1D173 && cp <= 0x1D17A) ||
	       (cp >= 0xE0000 && cp <= 0xE007F);
}

/* Characters that draw no ink: Unicode's White_Space (NBSP, Ogham space,
** U+2000-200A, narrow NBSP, U+205F, U+3000, line separators), the Braille
** blank, and the Hangul fillers (also refused by is_invisible). */
static int
is_blank(uint32_t cp)
{
	return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 ||
	       cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000 || cp == 0x2800 || cp == 0x115F || cp == 0x1160 ||
	       cp == 0x3164 || cp == 0xFFA0;
}

/* Combining marks (the main blocks): they draw on the character before
** and, with none, on nothing. Variation selectors count here too. */
static int
is_mark(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
	       (cp >= 0x0591 && cp <= 0x05BD) || (cp >= 0x0610 && cp <= 0x061A) ||
	       (cp >= 0x064B && cp <= 0x065F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F) || is_selector(cp);
}

/* Emoji and pictographs a ZWJ may join (a broad reading of Unicode's
** Extended_Pictographic, plus skin tones and the keycap mark). */
static int
is_pictographic(uint32_t cp)
{
	return cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 ||
	       cp == 0x2122 || cp == 0x2139 || (cp >= 0x2194 && cp <= 0x21AA) ||
	       (cp >= 0x231A && cp <= 0x23FF) || cp == 0x24C2 ||
	       (cp >= 0x25AA && cp <= 0x27BF) || (cp >= 0x2934 && cp <= 0x2935) ||
	       (cp >= 0x2B05 && cp <= 0x2B55) || cp == 0x3030 || cp == 0x303D ||
	       cp == 0x3297 || cp == 0x3299 || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
	       (cp >= 0x1FC00 && cp <= 0x1FFFD);
}

/* Variation selectors: they change the look of the character before. */
static int
is_selector(uint32_t cp)
{
	return (cp >= 0x180B && cp <= 0x180D) || cp == 0x180F ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* 1 when the character at s (maybe the NUL) is an emoji. */
static int
next_pictographic(const unsigned char *s)
{
	uint32_t cp;

	return *s != '\0' && utf8_next(s, &cp) > 0 && is_pictographic(cp);
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\v' || c == '\f';
}

static void
set_why(char *why, size_t whylen, const char *msg)
{
	if (why != NULL && whylen > 0)
		snprintf(why, whylen, "%s", msg);
}

/* Copies the first n bytes of p into out, keeping only whole characters
** that fit, and ends it with a NUL. */
static void
copy_chars(char *out, size_t outlen, const char *p, size_t n)
{
	size_t keep = 0, i = 0;

	if (out == NULL || outlen == 0)
		return;
	while (i < n) {
		size_t step = 1;
		while (i + step < n && ((unsigned char)p[i + step] & 0xC0) == 0x80)
			step++;
		if (i + step > outlen - 1)
			break;
		i += step;
		keep = i;
	}
	memcpy(out, p, keep);
	out[keep] = '\0';
}

/* Checks every character of p, carrying what came before in *st. With
** open_end, a ZWJ after an emoji may end p (the next emoji is still to
** be typed). */
static int
scan(const char *s, int multiline, int open_end, TextScan *st, char *why,
     size_t whylen)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");

	while (*p != '\0') {
		uint32_t cp;
		int len = utf8_next(p, &cp);

		if (len == 0) {
			set_why(why, whylen, "is not valid UTF-8");
			return BORNE_EINVAL;
		}
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
			if (!(multiline && (cp == '\n' || cp == '\t'))) {
				set_why(why, whylen, "has a control character");
				return BORNE_EINVAL;
			}
		}
		if (is_invisible(cp) ||
		    (st->prev == 0x200D && !is_pictographic(cp)) ||  /* an open
		                                      ** joiner joins an emoji only */
		    (is_selector(cp) && st->prev < 0x80 &&
		     is_space((unsigned char)st->prev)) ||
		    (cp == 0x200D && !(st->in_emoji &&
		     (next_pictographic(p + len) ||
		      (open_end && p[len] == '\0'))))) {
			if (why != NULL && whylen > 0)
				snprintf(why, whylen, "has an invisible or "
				         "direction-changing character (U+%04X)",
				         (unsigned)(st->prev == 0x200D &&
				                    !is_pictographic(cp) ? 0x200D : cp));
			return BORNE_EINVAL;
		}
		if (is_pictographic(cp))
			st->in_emoji = 1;
		else if (!(is_selector(cp) || cp == 0x200D || cp == 0x20E3))
			st->in_emoji = 0;
		if (!is_blank(cp) && !is_mark(cp))
			st->blank = 0;
		else if (st->blank_cp == 0 && !(cp < 0x80 && is_space(*p)))
			st->blank_cp = cp;
		st->prev = cp;
		st->n_ch++;
		p += len;
	}
	return BORNE_OK;
}

int
text_check(const char *s, size_t max_ch, int multiline, int required,
           char *why, size_t whylen)
{
	TextScan st = { ' ', 0, 1, 0, 0 };  /* the start counts as a space */

	set_why(why, whylen, "");
	if (scan(s, multiline, 0, &st, why, whylen) != BORNE_OK)
		return BORNE_EINVAL;
	if (required && st.blank && st.blank_cp == 0) {
		set_why(why, whylen, "is empty");
		return BORNE_EINVAL;
	}
	if (required && st.blank) {
		if (why != NULL && whylen > 0)
			snprintf(why, whylen, "has no visible character (U+%04X "
			         "shows nothing)", (unsigned)st.blank_cp);
		return BORNE_EINVAL;
	}
	if (st.n_ch > max_ch) {
		if (why != NULL && whylen > 0)
			snprintf(why, whylen, "is longer than %zu characters", max_ch);
		return BORNE_EINVAL;
	}
	return BORNE_OK;
}

int
text_check_typed(const char *before, const char *s, int multiline,
                 char *why, size_t whylen)
{
	TextScan st = { ' ', 0, 1, 0, 0 };

	set_why(why, whylen, "");
	(void)scan(before, multiline, 1, &st, NULL, 0);  /* only for context */
	return scan(s, multiline, 1, &st, why, whylen);
}

void
text_settle(char *s)
{
	static const char zwj[] = "\xE2\x80\x8D";
	size_t len = s != NULL ? strlen(s) : 0;

	if (len >= sizeof zwj - 1 &&
	    memcmp(s + len - (sizeof zwj - 1), zwj, sizeof zwj - 1) == 0)
		s[len - (sizeof zwj - 1)] = '\0';
}

int
text_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");

	while (*p != '\0') {
		uint32_t cp;
		int len = utf8_next(p, &cp);

		if (len == 0 || !(is_blank(cp) || is_mark(cp)))
			return 0;
		p += len;
	}
	return 1;
}

size_t
text_chars(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	if (s == NULL)
		return 0;
	while (*p != '\0') {
		uint32_t cp;
		int len = utf8_next(p, &cp);

		if (len == 0)
			return strlen(s);
		p += len;
		n++;
	}
	return n;
}

size_t
text_prefix_bytes(const char *s, size_t n_ch)
{
	size_t i = 0;

	if (s == NULL)
		return 0;
	while (s[i] != '\0') {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (n_ch == 0)
				break;
			n_ch--;
		}
		i++;
	}
	return i;
}

int
text_utf8_put(uint32_t cp, char out[5])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		out[1] = '\0';
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		out[2] = '\0';
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF) {
		out[0] = '\0';
		return 0;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		out[3] = '\0';
		return 3;
	}
	if (cp <= 0x10FFFF) {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		out[4] = '\0';
		return 4;
	}
	out[0] = '\0';
	return 0;
}

void
text_pop_char(char *s)
{
	size_t n;

	if (s == NULL || (n = strlen(s)) == 0)
		return;
	while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;                 /* the lead byte (or an ASCII character) */
	s[n] = '\0';
}

void
text_first_name(const char *name, char *out, size_t outlen)
{
	const char *p = name != NULL ? name : "";
	size_t n = 0;

	size_t len, end;

	while (is_space((unsigned char)*p))
		p++;
	/* "Jean Pierre M.", as the kiosk enrols: all before the initial. */
	len = strlen(p);
	end = len;
	while (end > 0 && is_space((unsigned char)p[end - 1]))
		end--;
	if (end >= 4 && p[end - 1] == '.') {
		size_t k = end - 1;      /* the initial's last byte is k - 1 */
		size_t start = k;

		while (start > 0 && ((unsigned char)p[start - 1] & 0xC0) == 0x80)
			start--;
		if (start > 0 && start < k)
			start--;             /* a multibyte lead byte */
		else if (start == k && start > 0)
			start--;             /* one ASCII byte */
		if (start >= 2 && is_space((unsigned char)p[start - 1])) {
			uint32_t cp;

			if (utf8_next((const unsigned char *)p + start, &cp) ==
			    (int)(k - start) && text_is_letter(cp)) {
				n = start - 1;
				while (n > 0 && is_space((unsigned char)p[n - 1]))
					n--;
				if (n > 0) {
					copy_chars(out, outlen, p, n);
					return;
				}
			}
		}
	}
	while (p[n] != '\0' && !is_space((unsigned char)p[n]))
		n++;
	copy_chars(out, outlen, p, n);
}

uint32_t
text_upper_cp(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 0x20;
	if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)      /* à..þ, not ÷ */
		return cp - 0x20;
	if (cp == 0xFF)                                  /* ÿ */
		return 0x178;
	/* Latin Extended-A: pairs, the capital first, but for the runs
	** U+0139..U+0148 and U+0179..U+017E where it comes second. */
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return cp & ~1u;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return (cp & 1u) ? cp : cp - 1;
	if (cp >= 0x3B1 && cp <= 0x3C9)                  /* Greek */
		return cp == 0x3C2 ? 0x3A3 : cp - 0x20;
	if (cp >= 0x430 && cp <= 0x44F)                  /* Cyrillic */
		return cp - 0x20;
	if (cp >= 0x450 && cp <= 0x45F)
		return cp - 0x50;
	return cp;
}

int
text_same_ascii_fold(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;

		if (x != y)
			return 0;
	}
	return *a == *b;
}

int
text_first_cp(const char *s, uint32_t *cp)
{
	int len;

	*cp = 0;
	if (s == NULL || s[0] == '\0')
		return 0;
	len = utf8_next((const unsigned char *)s, cp);
	if (len <= 0)
		*cp = 0;
	return len > 0 ? len : 0;
}

int
text_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return 0;
	if (cp <= 0x24F)
		return 1;                    /* Latin-1, Latin Extended-A and B */
	if (cp >= 0x370 && cp <= 0x4FF)  /* Greek, Cyrillic */
		return cp != 0x37E && cp != 0x387 && !is_mark(cp) &&
		       !(cp >= 0x482 && cp <= 0x489);
	return !is_blank(cp) && !is_mark(cp) && !is_pictographic(cp) &&
	       !(cp >= 0x2000 && cp <= 0x2BFF) &&      /* punctuation, symbols */
	       !(cp >= 0x3000 && cp <= 0x303F) &&      /* CJK punctuation */
	       !(cp >= 0xFE00 && cp <= 0xFE6F) && !(cp >= 0xFF00 && cp <= 0xFF20) &&
	       !(cp >= 0xE000 && cp <= 0xF8FF) &&      /* private use */
	       cp < 0xF0000;
}

void
text_name_capitalise(char *s)
{
	size_t i = 0;
	int start = 1;

	if (s == NULL)
		return;
	while (s[i] != '\0') {
		uint32_t cp, up;
		char enc[5];
		int len = utf8_next((const unsigned char *)s + i, &cp);

		if (len <= 0)
			return;              /* not UTF-8: left as it is */
		if (start && !is_blank(cp)) {
			up = text_upper_cp(cp);
			if (up != cp && text_utf8_put(up, enc) == len)
				memcpy(s + i, enc, (size_t)len);
		}
		start = is_blank(cp) || cp == '-' || cp == 0x2010;
		i += (size_t)len;
	}
}

/* Bytes of blank characters (is_blank) at the start of p[0..n). */
static size_t
blank_prefix(const char *p, size_t n, int marks)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int len = utf8_next((const unsigned char *)p + i, &cp);

		if (len == 0 || (size_t)len > n - i ||
		    !(is_blank(cp) || (marks && is_mark(cp))))
			break;
		i += (size_t)len;
	}
	return i;
}

/* Bytes of blank characters at the end of p[0..n): characters are walked
** from the start, since UTF-8 is read forward. */
static size_t
blank_suffix(const char *p, size_t n)
{
	size_t i = 0, keep = 0;

	while (i < n) {
		uint32_t cp;
		int len = utf8_next((const unsigned char *)p + i, &cp);

		if (len == 0)
			len = 1;                 /* invalid: a byte, not blank */
		else if (!is_blank(cp))
			keep = i + (size_t)len;
		i += (size_t)len;
	}
	return n - keep;
}

void
text_copy(char *out, size_t outlen, const char *s)
{
	const char *p = s != NULL ? s : "";
	size_t n = strlen(p), skip;

	/* Marks right after leading blanks sit on nothing: trimmed too. */
	skip = blank_prefix(p, n, 0);
	if (skip > 0)
		skip += blank_prefix(p + skip, n - skip, 1);
	p += skip;
	n -= skip;
	n -= blank_suffix(p, n);
	copy_chars(out, outlen, p, n);
}
