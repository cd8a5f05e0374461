/* safety.c -- the minors' limits (a day, a week, a break) read from
** their visits, and the heat alert (see safety.h). */
#include "safety.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "member.h"
#include "timeutil.h"

#define HEAT_SETTING "safety.heat_alert"   /* the local date it is on */

static int  minutes_between(Store *st, int64_t member_id, int64_t from,
                            int64_t to, int64_t now_utc, int *out);
static int  stretch(Store *st, int64_t member_id, int64_t now_utc,
                    int break_min, int *out);
static int  week_start(const char *date, int64_t *out);
static int  heat_now(Store *st, int64_t now_utc, const SafetyRules *r);
static int  taken_minutes(Store *st, int64_t member_id, const char *from,
                          const char *to, int *out);

/* ---- Rules ---------------------------------------------------------- */

static const struct {
	const char *key;
	size_t      off;
	int         lo, hi;
} num_rules[] = {
	{ "safety.day_max_min", offsetof(SafetyRules, day_max_min), 60, 24 * 60 },
	{ "safety.week_max_min", offsetof(SafetyRules, week_max_min), 60, 7 * 24 * 60 },
	{ "safety.break_after_min", offsetof(SafetyRules, break_after_min), 30, 24 * 60 },
	{ "safety.break_min", offsetof(SafetyRules, break_min), 5, 240 },
};

void
safety_rules(Store *st, SafetyRules *out)
{
	char value[32];
	int from, to;

	out->day_max_min = 8 * 60;
	out->week_max_min = 35 * 60;
	out->break_after_min = 4 * 60 + 30;
	out->break_min = 30;
	out->heat_from_min = 12 * 60;
	out->heat_to_min = 16 * 60;
	if (st == NULL)
		return;
	for (size_t i = 0; i < sizeof num_rules / sizeof num_rules[0]; i++) {
		char *end;
		long v;

		if (store_setting_get(st, num_rules[i].key, value, sizeof value) !=
		    BORNE_OK)
			continue;
		v = strtol(value, &end, 10);
		if (end != value && *end == '\0' && v >= num_rules[i].lo &&
		    v <= num_rules[i].hi)
			*(int *)(void *)((char *)out + num_rules[i].off) = (int)v;
	}
	if (store_setting_get(st, "safety.heat_hours", value, sizeof value) ==
	    BORNE_OK && config_hours(value, &from, &to) == BORNE_OK && from < to) {
		out->heat_from_min = from;
		out->heat_to_min = to;
	}
}

int
safety_rule_set(Store *st, const char *key, const char *value,
                int64_t actor_id, int64_t now_utc)
{
	int from, to;

	for (size_t i = 0; i < sizeof num_rules / sizeof num_rules[0]; i++) {
		char *end;
		long v;

		if (strcmp(key, num_rules[i].key) != 0)
			continue;
		v = strtol(value, &end, 10);
		if (end == value || *end != '\0' || v < num_rules[i].lo ||
		    v > num_rules[i].hi)
			return store_set_error(st, BORNE_EINVAL, "%s is %d to %d "
			                       "minutes", key, num_rules[i].lo,
			                       num_rules[i].hi);
		return audit_setting_set(st, key, value, actor_id, now_utc);
	}
	if (strcmp(key, "safety.heat_hours") == 0) {
		if (config_hours(value, &from, &to) != BORNE_OK || from >= to)
			return store_set_error(st, BORNE_EINVAL, "hot hours are "
			                       "HH:MM-HH:MM within one day");
		return audit_setting_set(st, key, value, actor_id, now_utc);
	}
	return store_set_error(st, BORNE_EINVAL, "no safety rule \"%.40s\"", key);
}

/* ---- Time worked ---------------------------------------------------- */

/* Minutes of member_id's visits within [from, to), counted up to now_utc
** (an open visit runs until now; nothing counts ahead of now). */
static int
minutes_between(Store *st, int64_t member_id, int64_t from, int64_t to,
                int64_t now_utc, int *out)
{
	static const char sql[] =
		"SELECT COALESCE(SUM(MIN(COALESCE(out_utc, ?4), ?4, ?3)"
		" - MAX(in_utc, ?2)), 0) FROM visits WHERE member_id = ?1"
		" AND in_utc < MIN(?3, ?4) AND MIN(COALESCE(out_utc, ?4), ?4) > ?2"
		" AND MIN(COALESCE(out_utc, ?4), ?4) > in_utc";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*out = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_int64(stmt, 2, from);
	sqlite3_bind_int64(stmt, 3, to);
	sqlite3_bind_int64(stmt, 4, now_utc);
	if ((src = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = (int)(sqlite3_column_int64(stmt, 0) / 60);
	rc = src == SQLITE_ROW ? BORNE_OK : store_fail(st, src, "reading visits");
	store_stmt_release(st, stmt);
	return rc;
}

/* Minutes present since the last break of break_min or more, when
** member_id is in now (0 otherwise): visits walked back from the open one
** while the gap before each is shorter than a break. */
static int
stretch(Store *st, int64_t member_id, int64_t now_utc, int break_min, int *out)
{
	static const char sql[] =
		"SELECT in_utc, COALESCE(out_utc, ?2), out_utc IS NULL OR out_utc > ?2"
		" FROM visits"
		" WHERE member_id = ?1 AND in_utc <= ?2"
		" ORDER BY in_utc DESC, id DESC LIMIT 48";
	sqlite3_stmt *stmt = NULL;
	int64_t start = 0, in, end;
	int rc, src, first = 1, open = 0;

	*out = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_int64(stmt, 2, now_utc);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		in = sqlite3_column_int64(stmt, 0);
		end = sqlite3_column_int64(stmt, 1);
		if (first) {
			first = 0;
			/* Not in (the newest visit is closed, even this very
			** second): no stretch running. */
			if (!sqlite3_column_int(stmt, 2))
				break;
			open = 1;
			start = in;
			continue;
		}
		if (start - end >= (int64_t)break_min * 60)
			break;
		if (in < start)
			start = in;
	}
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		rc = store_fail(st, src, "reading visits");
	store_stmt_release(st, stmt);
	if (rc == BORNE_OK && open)
		*out = (int)((now_utc - start) / 60);
	return rc;
}

/* The UTC instant of local midnight on the Monday of date's week. */
static int
week_start(const char *date, int64_t *out)
{
	char monday[TIME_DATE_SIZE];

	if (time_date_add(date, -time_weekday(date), monday) != BORNE_OK)
		return BORNE_EINVAL;
	return time_local_to_utc(monday, 0, out);
}

int
safety_status(Store *st, int64_t member_id, int64_t now_utc,
              const SafetyRules *r, SafetyStatus *out)
{
	char today[TIME_DATE_SIZE];
	int64_t midnight, monday;
	int rc;

	memset(out, 0, sizeof *out);
	time_local_date(now_utc, today);
	if (time_local_to_utc(today, 0, &midnight) != BORNE_OK ||
	    week_start(today, &monday) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "no local day for now");
	if ((rc = minutes_between(st, member_id, midnight, now_utc + 1, now_utc,
	                          &out->day_min)) != BORNE_OK ||
	    (rc = minutes_between(st, member_id, monday, now_utc + 1, now_utc,
	                          &out->week_min)) != BORNE_OK ||
	    (rc = stretch(st, member_id, now_utc, r->break_min,
	                  &out->stretch_min)) != BORNE_OK)
		return rc;
	out->over_day = out->day_min >= r->day_max_min;
	out->over_week = out->week_min >= r->week_max_min;
	out->needs_break = out->stretch_min >= r->break_after_min;
	return BORNE_OK;
}

/* Minutes of the missions member_id holds whose first day is within
** [from, to] (local dates). */
static int
taken_minutes(Store *st, int64_t member_id, const char *from, const char *to,
              int *out)
{
	static const char sql[] =
		"SELECT COALESCE(SUM(m.duration_min), 0) FROM mission_takes t"
		" JOIN missions m ON m.id = t.mission_id WHERE t.member_id = ?1"
		" AND t.released_utc IS NULL AND m.status IN ('open', 'taken')"
		" AND m.date_from BETWEEN ?2 AND ?3";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*out = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_text(stmt, 2, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, to, -1, SQLITE_TRANSIENT);
	if ((src = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = (int)sqlite3_column_int64(stmt, 0);
	rc = src == SQLITE_ROW ? BORNE_OK : store_fail(st, src, "reading takes");
	store_stmt_release(st, stmt);
	return rc;
}

int
safety_check_take(Store *st, int64_t member_id, const Mission *m,
                  int64_t now_utc, SafetyLimit *limit)
{
	char today[TIME_DATE_SIZE], day[TIME_DATE_SIZE], monday[TIME_DATE_SIZE],
	     sunday[TIME_DATE_SIZE];
	int64_t from, to;
	SafetyRules r;
	Member who;
	int rc, worked = 0, held = 0, dur = m->d.duration_min;

	*limit = SAFETY_OK;
	if ((rc = member_get(st, member_id, &who)) != BORNE_OK || !who.minor)
		return rc;
	safety_rules(st, &r);
	if (m->d.outdoor && heat_now(st, now_utc, &r)) {
		*limit = SAFETY_HEAT;
		return BORNE_OK;
	}
	if (dur <= 0)
		return BORNE_OK;             /* no length said: nothing to add */
	time_local_date(now_utc, today);
	snprintf(day, sizeof day, "%s", m->d.date_from[0] != '\0' &&
	         strcmp(m->d.date_from, today) > 0 ? m->d.date_from : today);
	if (dur > r.day_max_min) {
		*limit = SAFETY_DAY;
		return BORNE_OK;
	}
	/* The day: what was worked on it (today only) and what is held. */
	if (time_local_to_utc(day, 0, &from) != BORNE_OK ||
	    time_local_to_utc(day, 24 * 60, &to) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "bad mission date");
	if ((rc = minutes_between(st, member_id, from, to, now_utc, &worked)) !=
	    BORNE_OK ||
	    (rc = taken_minutes(st, member_id, day, day, &held)) != BORNE_OK)
		return rc;
	if (worked + held + dur > r.day_max_min) {
		*limit = SAFETY_DAY;
		return BORNE_OK;
	}
	/* Its week, Monday to Sunday. */
	if (time_date_add(day, -time_weekday(day), monday) != BORNE_OK ||
	    time_date_add(monday, 6, sunday) != BORNE_OK ||
	    time_local_to_utc(monday, 0, &from) != BORNE_OK ||
	    time_local_to_utc(sunday, 24 * 60, &to) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "bad mission date");
	if ((rc = minutes_between(st, member_id, from, to, now_utc, &worked)) !=
	    BORNE_OK ||
	    (rc = taken_minutes(st, member_id, monday, sunday, &held)) != BORNE_OK)
		return rc;
	if (worked + held + dur > r.week_max_min)
		*limit = SAFETY_WEEK;
	return BORNE_OK;
}

/* ---- Heat alert ----------------------------------------------------- */

int
safety_heat_set(Store *st, int on, int64_t actor_id, int64_t now_utc)
{
	char today[TIME_DATE_SIZE];

	time_local_date(now_utc, today);
	return audit_setting_set(st, HEAT_SETTING, on ? today : "off", actor_id,
	                         now_utc);
}

int
safety_heat_on(Store *st, int64_t now_utc)
{
	char today[TIME_DATE_SIZE], value[32];

	time_local_date(now_utc, today);
	return store_setting_get(st, HEAT_SETTING, value, sizeof value) ==
	       BORNE_OK && strcmp(value, today) == 0;
}

/* The alert is on and now is within r's hot hours. */
static int
heat_now(Store *st, int64_t now_utc, const SafetyRules *r)
{
	int min = time_local_minutes(now_utc);

	return min >= r->heat_from_min && min < r->heat_to_min &&
	       safety_heat_on(st, now_utc);
}

int
safety_heat_now(Store *st, int64_t now_utc)
{
	SafetyRules r;

	safety_rules(st, &r);
	return heat_now(st, now_utc, &r);
}
