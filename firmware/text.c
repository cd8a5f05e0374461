/* text.c -- checks on what people type (see text.h).
** One strict UTF-8 decoder: overlong forms, UTF-16 surrogates, code
** points past U+10FFFF and stray continuation bytes are invalid. Control
** characters are C0, DEL and C1; tab and newline pass in multiline text. */
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "borne.h"

static int  utf8_next(const unsigned char *s, uint32_t *cp);
static int  is_space(unsigned char c);
static void set_why(char *why, size_t whylen, const char *msg);
static void copy_chars(char *out, size_t outlen, const char *p, size_t n);

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

int
text_check(const char *s, size_t max_ch, int multiline, int required,
           char *why, size_t whylen)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
	size_t n_ch = 0;
	int blank = 1;

	set_why(why, whylen, "");
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
		if (!is_space(*p))
			blank = 0;
		n_ch++;
		p += len;
	}
	if (required && blank) {
		set_why(why, whylen, "is empty");
		return BORNE_EINVAL;
	}
	if (n_ch > max_ch) {
		if (why != NULL && whylen > 0)
			snprintf(why, whylen, "is longer than %zu characters", max_ch);
		return BORNE_EINVAL;
	}
	return BORNE_OK;
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

	while (is_space((unsigned char)*p))
		p++;
	while (p[n] != '\0' && !is_space((unsigned char)p[n]))
		n++;
	copy_chars(out, outlen, p, n);
}

void
text_copy(char *out, size_t outlen, const char *s)
{
	const char *p = s != NULL ? s : "";
	size_t n;

	while (is_space((unsigned char)*p))
		p++;
	n = strlen(p);
	while (n > 0 && is_space((unsigned char)p[n - 1]))
		n--;
	copy_chars(out, outlen, p, n);
}
