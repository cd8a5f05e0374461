/* test_i18n.c -- the French and English catalogues agree.
** Every key is in both, once; no text is empty; each text has the same
** printf conversions in the same order in both languages (the strings
** are used as formats by app_trf()); an unknown key shows as itself. */
#include "check.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

static void conversions(const char *s, char *out, size_t outlen);
static int  count_key(const I18nEntry *cat, const char *key);
static void check_against(AppLang a, AppLang b);

/* The conversions of a printf format, one letter-string each: "%d h %02d"
** gives "d|02d|" (flags and width kept, they change the output). "%%" is
** not a conversion. */
static void
conversions(const char *s, char *out, size_t outlen)
{
	size_t n = 0;

	out[0] = '\0';
	for (; *s != '\0'; s++) {
		if (*s != '%')
			continue;
		if (s[1] == '%') {
			s++;
			continue;
		}
		s++;
		while (*s != '\0' && strchr("-+ #0123456789.*hlLzjt", *s) != NULL) {
			if (n + 2 < outlen)
				out[n++] = *s;
			s++;
		}
		if (*s == '\0') {
			if (n + 2 < outlen)
				out[n++] = '!';      /* a lone % at the end */
			break;
		}
		if (n + 3 < outlen) {
			out[n++] = *s;
			out[n++] = '|';
		}
	}
	out[n] = '\0';
}

static int
count_key(const I18nEntry *cat, const char *key)
{
	int n = 0;

	for (const I18nEntry *e = cat; e->key != NULL; e++)
		n += strcmp(e->key, key) == 0;
	return n;
}

static void
check_against(AppLang a, AppLang b)
{
	const I18nEntry *ca = i18n_catalogue(a), *cb = i18n_catalogue(b);
	char fa[64], fb[64];

	for (const I18nEntry *e = ca; e->key != NULL; e++) {
		const char *other;

		if (e->text == NULL || e->text[0] == '\0') {
			fprintf(stderr, "empty text for %s in catalogue %d\n", e->key, a);
			CHECK(0);
			continue;
		}
		if (count_key(ca, e->key) != 1) {
			fprintf(stderr, "key %s appears %d times in catalogue %d\n",
			        e->key, count_key(ca, e->key), a);
			CHECK(0);
		}
		if (count_key(cb, e->key) != 1) {
			fprintf(stderr, "key %s missing from catalogue %d\n", e->key, b);
			CHECK(0);
			continue;
		}
		other = tr(b, e->key);
		conversions(e->text, fa, sizeof fa);
		conversions(other, fb, sizeof fb);
		if (strcmp(fa, fb) != 0) {
			fprintf(stderr, "%s: conversions differ: \"%s\" vs \"%s\"\n",
			        e->key, e->text, other);
			CHECK(0);
		} else {
			CHECK(1);
		}
		CHECK(strchr(fa, '!') == NULL);
	}
}

int
main(void)
{
	char f[64];
	AppLang lang;
	int n_fr = 0, n_en = 0;

	/* The checker itself. */
	conversions("%d h %02d", f, sizeof f);
	CHECK_STR(f, "d|02d|");
	conversions("100 %% sûr, %s !", f, sizeof f);
	CHECK_STR(f, "s|");
	conversions("fin %", f, sizeof f);
	CHECK_STR(f, "!");

	check_against(LANG_FR, LANG_EN);
	check_against(LANG_EN, LANG_FR);
	for (const I18nEntry *e = i18n_catalogue(LANG_FR); e->key != NULL; e++)
		n_fr++;
	for (const I18nEntry *e = i18n_catalogue(LANG_EN); e->key != NULL; e++)
		n_en++;
	CHECK_INT(n_fr, n_en);
	CHECK(n_fr > 100);

	/* Lookups. */
	CHECK_STR(tr(LANG_FR, "app.result.in"), "Bonjour %s !");
	CHECK_STR(tr(LANG_EN, "app.result.in"), "Hello %s!");
	CHECK_STR(tr(LANG_FR, "no.such.key"), "no.such.key");
	CHECK_INT(i18n_lang_parse("en", &lang), 0);
	CHECK_INT(lang, LANG_EN);
	CHECK_INT(i18n_lang_parse("fr", &lang), 0);
	CHECK_INT(lang, LANG_FR);
	CHECK(i18n_lang_parse("de", &lang) != 0);
	CHECK(i18n_lang_parse(NULL, &lang) != 0);
	return check_done();
}
