/* i18n.c -- looking strings up in the per-language catalogues.
** The catalogues are small (a few hundred entries) and looked up a few
** dozen times a frame, only when something changed: a linear scan is
** plenty and keeps the tables plain. */
#include "i18n.h"

#include <string.h>

extern const I18nEntry i18n_fr[];
extern const I18nEntry i18n_en[];

const I18nEntry *
i18n_catalogue(AppLang lang)
{
	return lang == LANG_EN ? i18n_en : i18n_fr;
}

const char *
tr(AppLang lang, const char *key)
{
	for (const I18nEntry *e = i18n_catalogue(lang); e->key != NULL; e++)
		if (strcmp(e->key, key) == 0)
			return e->text;
	return key;
}

int
i18n_lang_parse(const char *s, AppLang *out)
{
	if (s != NULL && strcmp(s, "fr") == 0) {
		*out = LANG_FR;
		return 0;
	}
	if (s != NULL && strcmp(s, "en") == 0) {
		*out = LANG_EN;
		return 0;
	}
	return -1;
}
