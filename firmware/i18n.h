/* i18n.h -- every string the kiosk shows, one catalogue per language.
** Keys are short dotted names ("accueil.see_missions"); the catalogues
** are i18n_fr.c and i18n_en.c. A key missing from a catalogue shows as
** the key itself (and test_i18n fails), never as NULL. Strings may hold
** printf conversions; their order is the same in every language. */
#ifndef BORNE_I18N_H
#define BORNE_I18N_H

#include "app.h"

const char *tr(AppLang lang, const char *key);
int  i18n_lang_parse(const char *s, AppLang *out);   /* "fr", "en" */

/* For tests: the catalogue of a language, NULL-terminated pairs. */
typedef struct I18nEntry { const char *key, *text; } I18nEntry;
const I18nEntry *i18n_catalogue(AppLang lang);

#endif
