/* format.c -- the words and numbers the screens show, made from data:
** dates, durations, rewards, places, hours, labels, mission cards, in the
** kiosk's language. Pure: no store, no clock (the local time zone aside,
** through timeutil), no state; test_format checks every output. */
#include "format.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "timeutil.h"

static int         fmt_ymd(const char *date, int *y, int *m, int *d);
static const char *fmt_key(AppLang lang, const char *prefix, int n);
static void        fmt_date_short(AppLang lang, const char *date, char *out,
                                  size_t outlen);
static void        fmt_minutes_of_day(AppLang lang, int minutes, char *out,
                                      size_t outlen);
static void        fmt_hour(AppLang lang, int minutes, char *out, size_t outlen);

/* The one place where a catalogue string is a printf format: test_i18n
** checks that every language has the same conversions in the same order. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void
app_trf(AppLang lang, char *out, size_t outlen, const char *key, ...)
{
	va_list ap;

	if (out == NULL || outlen == 0)
		return;
	va_start(ap, key);
	vsnprintf(out, outlen, tr(lang, key), ap);
	va_end(ap);
}
#pragma GCC diagnostic pop

/* Parses "YYYY-MM-DD" (already checked by the store) into its parts. */
static int
fmt_ymd(const char *date, int *y, int *m, int *d)
{
	if (date == NULL || time_parse_date(date) != BORNE_OK)
		return 0;
	*y = atoi(date);
	*m = atoi(date + 5);
	*d = atoi(date + 8);
	return 1;
}

static const char *
fmt_key(AppLang lang, const char *prefix, int n)
{
	char key[48];

	snprintf(key, sizeof key, "%s%d", prefix, n);
	return tr(lang, key);
}

/* "Sam. 14 déc." */
static void
fmt_date_short(AppLang lang, const char *date, char *out, size_t outlen)
{
	int y, m, d, wd = time_weekday(date);

	if (!fmt_ymd(date, &y, &m, &d) || wd < 0) {
		text_copy(out, outlen, date != NULL ? date : "");
		return;
	}
	app_trf(lang, out, outlen, "app.fmt.date_short",
	         fmt_key(lang, "app.wday_short.", wd), d,
	         fmt_key(lang, "app.month_short.", m));
}

void
app_format_when(AppLang lang, const char *date_from, const char *date_to,
                char *out, size_t outlen)
{
	int y1, m1, d1, y2, m2, d2;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (date_from == NULL || date_from[0] == '\0') {
		text_copy(out, outlen, tr(lang, "app.fmt.flexible"));
		return;
	}
	if (date_to == NULL || date_to[0] == '\0' ||
	    strcmp(date_to, date_from) == 0 ||
	    !fmt_ymd(date_from, &y1, &m1, &d1) ||
	    !fmt_ymd(date_to, &y2, &m2, &d2)) {
		fmt_date_short(lang, date_from, out, outlen);
		return;
	}
	if (y1 == y2 && m1 == m2)
		app_trf(lang, out, outlen, "app.fmt.range_month", d1, d2,
		         fmt_key(lang, "app.month_short.", m2));
	else
		app_trf(lang, out, outlen, "app.fmt.range", d1,
		         fmt_key(lang, "app.month_short.", m1), d2,
		         fmt_key(lang, "app.month_short.", m2));
}

void
app_format_duration(AppLang lang, int minutes, char *out, size_t outlen)
{
	if (outlen == 0)
		return;
	if (minutes <= 0)
		out[0] = '\0';
	else if (minutes < 60)
		app_trf(lang, out, outlen, "app.fmt.minutes", minutes);
	else if (minutes % 60 == 0)
		app_trf(lang, out, outlen, "app.fmt.hours", minutes / 60);
	else
		app_trf(lang, out, outlen, "app.fmt.hours_minutes",
		         minutes / 60, minutes % 60);
}

void
app_format_reward(AppLang lang, RewardKind kind, int cents, char *out,
                  size_t outlen)
{
	if (outlen == 0)
		return;
	if (kind == REWARD_QUOTE)
		text_copy(out, outlen, tr(lang, "app.reward.quote"));
	else if (kind == REWARD_TIP)
		text_copy(out, outlen, tr(lang, "app.reward.tip"));
	else if (cents < 0)
		out[0] = '\0';
	else if (cents % 100 == 0)
		app_trf(lang, out, outlen, "app.fmt.euros", cents / 100);
	else
		app_trf(lang, out, outlen, "app.fmt.euros_cents", cents / 100,
		         cents % 100);
}

void
app_format_places(AppLang lang, int n, char *out, size_t outlen)
{
	if (outlen == 0)
		return;
	if (n <= 0)
		text_copy(out, outlen, tr(lang, "app.fmt.full"));
	else
		app_trf(lang, out, outlen, n == 1 ? "app.fmt.place_one" :
		        "app.fmt.places", n);
}

static void
fmt_minutes_of_day(AppLang lang, int minutes, char *out, size_t outlen)
{
	app_trf(lang, out, outlen, "app.fmt.hm", minutes / 60, minutes % 60);
}

void
app_format_hm(AppLang lang, int64_t utc, char *out, size_t outlen)
{
	if (outlen == 0)
		return;
	fmt_minutes_of_day(lang, time_local_minutes(utc), out, outlen);
}

void
app_format_hours(AppLang lang, int64_t seconds, char *out, size_t outlen)
{
	int64_t min = seconds > 0 ? seconds / 60 : 0;

	if (outlen == 0)
		return;
	if (min < 60)
		app_trf(lang, out, outlen, "app.fmt.minutes", (int)min);
	else
		app_trf(lang, out, outlen, "app.fmt.hours_minutes",
		         (int)(min / 60), (int)(min % 60));
}

void
app_format_date_long(AppLang lang, const char *date, char *out, size_t outlen)
{
	int y, m, d, wd = time_weekday(date);

	if (outlen == 0)
		return;
	if (!fmt_ymd(date, &y, &m, &d) || wd < 0) {
		text_copy(out, outlen, date != NULL ? date : "");
		return;
	}
	app_trf(lang, out, outlen, "app.fmt.date_long",
	         fmt_key(lang, "app.wday.", wd), d, fmt_key(lang, "app.month.", m));
}

/* An hour alone ("9 h") when on the hour, else "9 h 30". */
static void
fmt_hour(AppLang lang, int minutes, char *out, size_t outlen)
{
	if (minutes % 60 == 0)
		app_trf(lang, out, outlen, "app.fmt.hour", minutes / 60);
	else
		fmt_minutes_of_day(lang, minutes, out, outlen);
}

void
app_format_hour(AppLang lang, int minutes, char *out, size_t outlen)
{
	if (outlen > 0)
		fmt_hour(lang, minutes, out, outlen);
}

void
app_format_hours_range(AppLang lang, int open_min, int close_min, char *out,
                       size_t outlen)
{
	char a[24], b[24];

	if (outlen == 0)
		return;
	fmt_hour(lang, open_min, a, sizeof a);
	fmt_hour(lang, close_min, b, sizeof b);
	snprintf(out, outlen, "%s – %s", a, b);
}

const char *
app_category_label(AppLang lang, MissionCategory c)
{
	if ((int)c < 0 || c >= CAT_COUNT)
		c = CAT_AUTRE;
	return fmt_key(lang, "app.cat.", (int)c);
}

const char *
app_role_label(AppLang lang, MemberRole r)
{
	if ((int)r < 0 || r >= ROLE_COUNT)
		r = ROLE_COOPERATOR;
	return fmt_key(lang, "app.role.", (int)r);
}

const char *
app_status_label(AppLang lang, MissionStatus s)
{
	if ((int)s < 0 || s >= MISSION_STATUS_COUNT)
		s = MISSION_OPEN;
	return fmt_key(lang, "app.status.", (int)s);
}

void
app_card_from_mission(const Mission *m, MissionCard *out)
{
	memset(out, 0, sizeof *out);
	out->id = m->id;
	text_copy(out->title, sizeof out->title, m->d.title);
	out->category = m->d.category;
	memcpy(out->date_from, m->d.date_from, sizeof out->date_from);
	memcpy(out->date_to, m->d.date_to, sizeof out->date_to);
	out->duration_min = m->d.duration_min;
	out->places = m->d.places;
	out->n_takers = m->n_takers;
	out->reward_kind = m->d.reward_kind;
	out->reward_cents = m->d.reward_cents;
	out->status = m->status;
	out->minors_ok = m->d.minors_ok;
}

void
app_card_from_draft(const MissionDraft *d, MissionCard *out)
{
	Mission m;

	memset(&m, 0, sizeof m);
	m.d = *d;
	m.status = MISSION_OPEN;
	app_card_from_mission(&m, out);
}

void
app_card_text(AppLang lang, const MissionCard *c, AppCardText *out)
{
	memset(out, 0, sizeof *out);
	app_format_when(lang, c->date_from, c->date_to, out->when, sizeof out->when);
	app_format_duration(lang, c->duration_min, out->duration,
	                    sizeof out->duration);
	app_format_reward(lang, c->reward_kind, c->reward_cents, out->reward,
	                  sizeof out->reward);
	app_format_places(lang, c->places - c->n_takers, out->places,
	                  sizeof out->places);
	app_format_places(lang, c->places, out->places_total,
	                  sizeof out->places_total);
	text_copy(out->category, sizeof out->category,
	          app_category_label(lang, c->category));
	text_copy(out->status, sizeof out->status,
	          app_status_label(lang, c->status));
	text_copy(out->minors, sizeof out->minors,
	          tr(lang, c->minors_ok ? "mission.minors_ok" : "mission.adults_only"));
}
