/* format.h -- the words and numbers the screens show, made from data.
** Pure functions in the kiosk's language: dates, durations, rewards,
** places, hours, labels and the text of a mission card. The core builds
** the view with them; screens may call them too (app.h includes this). */
#ifndef BORNE_FORMAT_H
#define BORNE_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "member.h"
#include "mission.h"

typedef enum AppLang { LANG_FR = 0, LANG_EN, LANG_COUNT } AppLang;

/* The text of a mission card, formatted once by the core so that every
** screen shows the same words. Empty strings mean "nothing to show". */
typedef struct AppCardText {
	char when[64];           /* "Sam. 14 déc.", "Du 21 au 28 déc.", "Quand vous voulez" */
	char duration[32];       /* "30 min", "3 h", "1 h 30"; "" when not said */
	char reward[32];         /* "45 €", "12,50 €", "Sur devis", "Pourboire" */
	char places[32];         /* places LEFT: "1 place", "2 places", "Complet" */
	char places_total[32];   /* places asked: "2 places" (mission detail) */
	char category[32];       /* "Bricolage" */
	char status[48];         /* "Ouverte", "En attente de validation", ... */
	char minors[48];         /* "Ouverte aux moins de 18 ans" / "Réservée
	                         ** aux adultes": the one wording, everywhere */
} AppCardText;

/* tr(lang, key) used as a printf format, into out (NUL-terminated). */
void app_trf(AppLang lang, char *out, size_t outlen, const char *key, ...);

/* Formatting helpers (the view's strings are made with these; screens may
** call them too). out is always NUL-terminated, truncated if too small. */
void app_card_text(AppLang lang, const MissionCard *c, AppCardText *out);
/* A card made from a full mission or from a draft (preview). */
void app_card_from_mission(const Mission *m, MissionCard *out);
void app_card_from_draft(const MissionDraft *d, MissionCard *out);
/* Local dates "YYYY-MM-DD"; both empty: flexible; to empty: one day. */
void app_format_when(AppLang lang, const char *date_from, const char *date_to,
                     char *out, size_t outlen);
void app_format_duration(AppLang lang, int minutes, char *out, size_t outlen);
void app_format_reward(AppLang lang, RewardKind kind, int cents, char *out,
                       size_t outlen);
void app_format_places(AppLang lang, int n, char *out, size_t outlen);
/* Local time of day: "9 h 12" (fr), "9:12" (en). */
void app_format_hm(AppLang lang, int64_t utc, char *out, size_t outlen);
/* Hours present: "6 h 40" (fr), "6 h 40 min" (en). */
void app_format_hours(AppLang lang, int64_t seconds, char *out, size_t outlen);
/* "Mardi 10 décembre" for a local date "YYYY-MM-DD". */
void app_format_date_long(AppLang lang, const char *date, char *out,
                          size_t outlen);
/* A time of day from minutes after midnight: "12 h", "9 h 30" (fr). */
void app_format_hour(AppLang lang, int minutes, char *out, size_t outlen);
/* Opening hours from minutes after midnight: "9 h – 17 h". */
void app_format_hours_range(AppLang lang, int open_min, int close_min,
                            char *out, size_t outlen);
const char *app_category_label(AppLang lang, MissionCategory c);
const char *app_role_label(AppLang lang, MemberRole r);
const char *app_status_label(AppLang lang, MissionStatus s);

#endif
