/* checkin.c -- arrivals and departures at the door (see checkin.h).
**
** Rules, in the order a tap meets them:
**  1. Stale visits are closed first (checkin_close_stale), in the tap's
**     own transaction.
**  2. An unknown badge, or one whose member is deactivated, is logged in
**     unknown_taps (time, kiosk, outcome; the UID only when it is tied to
**     nobody) and answered CHECKIN_UNKNOWN / CHECKIN_INACTIVE.
**  3. A tap within checkin_repeat_s of the member's last tap (the arrival
**     or the departure of their latest visit; an automatic close is not a
**     tap) is CHECKIN_IGNORED and writes nothing.
**  4. An open visit is closed (CHECKIN_OUT); otherwise a new one opens
**     (CHECKIN_IN), also after a visit that was closed automatically.
**
** A visit is linked to the contributive day of its local DATE, whatever
** the hour: people arrive before opening to set up, and the day's
** attendance should count them. A visit still open at the end of its day
** is closed then and flagged auto_closed: the end is the day's closing
** hour when the visit has a day and began before that hour, else local
** midnight after the arrival.
**
** Idempotence: each tap has a uuid made before its transaction. A new
** visit takes it as its uuid (INSERT OR IGNORE); a departure stores it
** as out_uuid. A tap replayed with the same uuid finds its own row and
** answers as the first time, without writing. */
#include "checkin.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "timeutil.h"
#include "uuid.h"

#define VISIT_COLS \
	"v.id, v.uuid, v.member_id, m.name, v.badge, v.in_utc," \
	" COALESCE(v.out_utc, 0), v.auto_closed, COALESCE(v.day_id, 0), v.kiosk_id"
#define VISIT_FROM " FROM visits v JOIN members m ON m.id = v.member_id"

typedef struct StaleVisit {
	int64_t id, end_utc;
} StaleVisit;

static int64_t visit_end_utc(int64_t in_utc, const char *day_date,
                             int close_min);
static void    visit_row(sqlite3_stmt *stmt, Visit *v);
static int     visit_one(Store *st, const char *sql, const char *key,
                         int64_t id, Visit *out);
static int     close_stale_in_tx(Store *st, int64_t now_utc, int *n_closed);
static int     log_unknown(Store *st, int64_t now_utc, const char *outcome,
                           const char *uid_hex);
static int     visit_open(Store *st, const Member *m, const char *badge_hex,
                          const char *tap_uuid, int64_t now_utc, int64_t *id);
static int     visit_close(Store *st, int64_t id, const char *tap_uuid,
                           int64_t out_utc);
static int     each_open(Store *st, int64_t now_utc,
                         int (*fn)(const Visit *v, void *ctx), void *ctx,
                         int *n);
static int     count_one(const Visit *v, void *ctx);

const char *
checkin_outcome_name(CheckinOutcome o)
{
	switch (o) {
	case CHECKIN_IN:       return "in";
	case CHECKIN_OUT:      return "out";
	case CHECKIN_IGNORED:  return "ignored";
	case CHECKIN_UNKNOWN:  return "unknown";
	case CHECKIN_INACTIVE: return "inactive";
	}
	return "unknown";
}

/* Where an open visit that began at in_utc ends by itself. day_date is
** the date of its contributive day (NULL: none). */
static int64_t
visit_end_utc(int64_t in_utc, const char *day_date, int close_min)
{
	char date[TIME_DATE_SIZE];
	int64_t midnight = in_utc + 86400, close_utc;

	time_local_date(in_utc, date);
	time_local_to_utc(date, 1440, &midnight);
	if (day_date != NULL && strcmp(day_date, date) == 0 &&
	    time_local_to_utc(date, close_min, &close_utc) == BORNE_OK &&
	    close_utc > in_utc && close_utc < midnight)
		return close_utc;
	return midnight;
}

static void
visit_row(sqlite3_stmt *stmt, Visit *v)
{
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(stmt, 0);
	store_col_text(stmt, 1, v->uuid, sizeof v->uuid);
	v->member_id = sqlite3_column_int64(stmt, 2);
	store_col_text(stmt, 3, v->member_name, sizeof v->member_name);
	store_col_text(stmt, 4, v->badge, sizeof v->badge);
	v->in_utc = sqlite3_column_int64(stmt, 5);
	v->out_utc = sqlite3_column_int64(stmt, 6);
	v->auto_closed = sqlite3_column_int(stmt, 7);
	v->day_id = sqlite3_column_int64(stmt, 8);
	store_col_text(stmt, 9, v->kiosk_id, sizeof v->kiosk_id);
}

/* One visit by the text key (bound as ?1) or else by id. */
static int
visit_one(Store *st, const char *sql, const char *key, int64_t id, Visit *out)
{
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	memset(out, 0, sizeof *out);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	if (key != NULL)
		sqlite3_bind_text(stmt, 1, key, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(stmt, 1, id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		visit_row(stmt, out);
		rc = BORNE_OK;
	} else if (src == SQLITE_DONE) {
		rc = store_set_error(st, BORNE_ENOTFOUND, "no such visit");
	} else {
		rc = store_fail(st, src, "reading a visit");
	}
	store_stmt_release(st, stmt);
	return rc;
}

int
checkin_get(Store *st, int64_t id, Visit *out)
{
	static const char sql[] = "SELECT " VISIT_COLS VISIT_FROM " WHERE v.id = ?1";

	return visit_one(st, sql, NULL, id, out);
}

static int
close_stale_in_tx(Store *st, int64_t now_utc, int *n_closed)
{
	static const char sql_open[] =
		"SELECT v.id, v.in_utc, d.date, COALESCE(d.close_min, 0)"
		" FROM visits v LEFT JOIN days d ON d.id = v.day_id"
		" WHERE v.out_utc IS NULL";
	static const char sql_close[] =
		"UPDATE visits SET out_utc = ?2, auto_closed = 1"
		" WHERE id = ?1 AND out_utc IS NULL";
	StaleVisit *stale = NULL, *grown;
	size_t n = 0, cap = 0;
	sqlite3_stmt *stmt = NULL;
	int rc, src, closed = 0;

	if (n_closed != NULL)
		*n_closed = 0;
	if ((rc = store_stmt(st, sql_open, &stmt)) != BORNE_OK)
		return rc;
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t in_utc = sqlite3_column_int64(stmt, 1);
		const char *date = (const char *)sqlite3_column_text(stmt, 2);
		int64_t end = visit_end_utc(in_utc, date, sqlite3_column_int(stmt, 3));

		if (end > now_utc)
			continue;
		if (n == cap) {
			cap = cap != 0 ? cap * 2 : 16;
			if ((grown = realloc(stale, cap * sizeof *stale)) == NULL) {
				src = SQLITE_NOMEM;
				break;
			}
			stale = grown;
		}
		stale[n].id = sqlite3_column_int64(stmt, 0);
		stale[n].end_utc = end;
		n++;
	}
	store_stmt_release(st, stmt);
	if (src != SQLITE_DONE) {
		rc = store_fail(st, src, "finding visits to close");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if ((rc = store_stmt(st, sql_close, &stmt)) != BORNE_OK)
			goto out;
		sqlite3_bind_int64(stmt, 1, stale[i].id);
		sqlite3_bind_int64(stmt, 2, stale[i].end_utc);
		if ((rc = store_step_done(st, stmt, "closing a visit")) != BORNE_OK)
			goto out;
		closed += sqlite3_changes(store_db(st));
	}
	if (n_closed != NULL)
		*n_closed = closed;
out:
	free(stale);
	return rc;
}

int
checkin_close_stale(Store *st, int64_t now_utc, int *n_closed)
{
	int rc;

	if (n_closed != NULL)
		*n_closed = 0;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = close_stale_in_tx(st, now_utc, n_closed)) != BORNE_OK) {
		store_rollback(st);
		if (n_closed != NULL)
			*n_closed = 0;
		return rc;
	}
	return store_commit(st);
}

static int
log_unknown(Store *st, int64_t now_utc, const char *outcome,
            const char *uid_hex)
{
	static const char sql[] =
		"INSERT INTO unknown_taps(at_utc, kiosk_id, outcome, uid)"
		" VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, now_utc);
	sqlite3_bind_text(stmt, 2, store_rules(st)->kiosk_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, outcome, -1, SQLITE_STATIC);
	if (uid_hex != NULL)
		sqlite3_bind_text(stmt, 4, uid_hex, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(stmt, 4);
	return store_step_done(st, stmt, "logging a tap");
}

static int
visit_open(Store *st, const Member *m, const char *badge_hex,
           const char *tap_uuid, int64_t now_utc, int64_t *id)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO visits(uuid, member_id, badge, in_utc, day_id,"
		" kiosk_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	char date[TIME_DATE_SIZE];
	ContribDay day;
	sqlite3_stmt *stmt = NULL;
	int rc, has_day;

	*id = 0;
	time_local_date(now_utc, date);
	rc = day_on(st, date, &day);
	if (rc != BORNE_OK && rc != BORNE_ENOTFOUND)
		return rc;
	has_day = rc == BORNE_OK;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, tap_uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, m->id);
	sqlite3_bind_text(stmt, 3, badge_hex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 4, now_utc);
	if (has_day)
		sqlite3_bind_int64(stmt, 5, day.id);
	else
		sqlite3_bind_null(stmt, 5);
	sqlite3_bind_text(stmt, 6, store_rules(st)->kiosk_id, -1, SQLITE_TRANSIENT);
	if ((rc = store_step_done(st, stmt, "recording an arrival")) != BORNE_OK)
		return rc;
	if (sqlite3_changes(store_db(st)) == 0)
		return store_set_error(st, BORNE_EDB, "tap %s was already recorded",
		                       tap_uuid);
	*id = sqlite3_last_insert_rowid(store_db(st));
	return BORNE_OK;
}

static int
visit_close(Store *st, int64_t id, const char *tap_uuid, int64_t out_utc)
{
	static const char sql[] =
		"UPDATE visits SET out_utc = ?2, out_uuid = ?3 WHERE id = ?1"
		" AND out_utc IS NULL";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, out_utc);
	sqlite3_bind_text(stmt, 3, tap_uuid, -1, SQLITE_TRANSIENT);
	return store_step_done(st, stmt, "recording a departure");
}

int
checkin_tap(Store *st, const BadgeUid *uid, int64_t now_utc, CheckinResult *out)
{
	char tap_uuid[BORNE_UUID_LEN + 1];

	uuid_make(tap_uuid);
	return checkin_tap_id(st, uid, now_utc, tap_uuid, out);
}

int
checkin_tap_id(Store *st, const BadgeUid *uid, int64_t now_utc,
               const char *tap_uuid, CheckinResult *out)
{
	static const char sql_by_uuid[] =
		"SELECT " VISIT_COLS VISIT_FROM " WHERE v.uuid = ?1";
	static const char sql_by_out_uuid[] =
		"SELECT " VISIT_COLS VISIT_FROM " WHERE v.out_uuid = ?1";
	static const char sql_latest[] =
		"SELECT " VISIT_COLS VISIT_FROM " WHERE v.member_id = ?1"
		" ORDER BY v.in_utc DESC, v.id DESC LIMIT 1";
	char hex[UID_HEX_SIZE], today[TIME_DATE_SIZE];
	CheckinResult r;
	Visit v;
	int rc, found;
	int64_t visit_id = 0;

	memset(&r, 0, sizeof r);
	memset(out, 0, sizeof *out);
	if (uid == NULL || (uid->len != 4 && uid->len != 7 && uid->len != 10))
		return store_set_error(st, BORNE_EINVAL, "badge UID must be 4, 7 or 10 bytes");
	if (tap_uuid == NULL || strlen(tap_uuid) != BORNE_UUID_LEN)
		return store_set_error(st, BORNE_EINVAL, "tap id is not a uuid");
	uid_format(uid, hex);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = close_stale_in_tx(st, now_utc, NULL)) != BORNE_OK)
		goto fail;
	rc = member_by_badge(st, uid, &r.member);
	if (rc == BORNE_ENOTFOUND) {
		memset(&r.member, 0, sizeof r.member);
		r.outcome = CHECKIN_UNKNOWN;
		if ((rc = log_unknown(st, now_utc, "unknown", hex)) != BORNE_OK)
			goto fail;
		goto commit;
	}
	if (rc != BORNE_OK)
		goto fail;
	if (!r.member.active) {
		r.outcome = CHECKIN_INACTIVE;
		if ((rc = log_unknown(st, now_utc, "inactive", NULL)) != BORNE_OK)
			goto fail;
		goto commit;
	}
	/* A replayed tap answers as it did the first time. */
	if ((rc = visit_one(st, sql_by_uuid, tap_uuid, 0, &v)) == BORNE_OK) {
		r.outcome = CHECKIN_IN;
		visit_id = v.id;
		goto commit;
	}
	if (rc != BORNE_ENOTFOUND)
		goto fail;
	if ((rc = visit_one(st, sql_by_out_uuid, tap_uuid, 0, &v)) == BORNE_OK) {
		r.outcome = CHECKIN_OUT;
		visit_id = v.id;
		goto commit;
	}
	if (rc != BORNE_ENOTFOUND)
		goto fail;
	{
		sqlite3_stmt *stmt = NULL;
		int src;

		if ((rc = store_stmt(st, sql_latest, &stmt)) != BORNE_OK)
			goto fail;
		sqlite3_bind_int64(stmt, 1, r.member.id);
		src = sqlite3_step(stmt);
		found = src == SQLITE_ROW;
		if (found)
			visit_row(stmt, &v);
		store_stmt_release(st, stmt);
		if (src != SQLITE_ROW && src != SQLITE_DONE) {
			rc = store_fail(st, src, "reading the last visit");
			goto fail;
		}
	}
	if (found) {
		int64_t last_tap = v.out_utc != 0 && !v.auto_closed ? v.out_utc : v.in_utc;
		int64_t ago = now_utc - last_tap;
		int64_t window = store_rules(st)->checkin_repeat_s;

		if (ago < window && ago > -window) {
			r.outcome = CHECKIN_IGNORED;
			r.ago_s = ago > 0 ? ago : 0;
			visit_id = v.id;
			goto commit;
		}
		if (v.out_utc == 0) {
			int64_t out_utc = now_utc > v.in_utc ? now_utc : v.in_utc;

			if ((rc = visit_close(st, v.id, tap_uuid, out_utc)) != BORNE_OK)
				goto fail;
			r.outcome = CHECKIN_OUT;
			visit_id = v.id;
			goto commit;
		}
	}
	if ((rc = visit_open(st, &r.member, hex, tap_uuid, now_utc, &visit_id)) != BORNE_OK)
		goto fail;
	r.outcome = CHECKIN_IN;
commit:
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	/* What the screen shows, read after the durable commit. */
	if (visit_id != 0) {
		if ((rc = checkin_get(st, visit_id, &v)) != BORNE_OK)
			return rc;
		r.visit_id = v.id;
		r.in_utc = v.in_utc;
		r.out_utc = v.out_utc;
		if (v.day_id != 0 && day_get(st, v.day_id, &r.day) == BORNE_OK)
			r.has_day = 1;
		time_local_date(now_utc, today);
		if ((rc = checkin_seconds_on(st, r.member.id, today, now_utc,
		                             &r.today_s)) != BORNE_OK)
			return rc;
	}
	*out = r;
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

/* Open visits that started today and whose day has not ended yet. */
static int
each_open(Store *st, int64_t now_utc, int (*fn)(const Visit *v, void *ctx),
          void *ctx, int *n)
{
	static const char sql[] =
		"SELECT " VISIT_COLS ", d.date, COALESCE(d.close_min, 0)" VISIT_FROM
		" LEFT JOIN days d ON d.id = v.day_id"
		" WHERE v.out_utc IS NULL AND v.in_utc >= ?1 AND v.in_utc < ?2"
		" ORDER BY v.in_utc, v.id";
	char today[TIME_DATE_SIZE];
	int64_t from, to;
	sqlite3_stmt *stmt = NULL;
	Visit v;
	int rc, src;

	*n = 0;
	time_local_date(now_utc, today);
	if (time_local_to_utc(today, 0, &from) != BORNE_OK ||
	    time_local_to_utc(today, 1440, &to) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "bad local date");
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, from);
	sqlite3_bind_int64(stmt, 2, to);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		visit_row(stmt, &v);
		if (visit_end_utc(v.in_utc, (const char *)sqlite3_column_text(stmt, 10),
		                  sqlite3_column_int(stmt, 11)) <= now_utc)
			continue;
		(*n)++;
		if (fn(&v, ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "listing who is here");
	store_stmt_release(st, stmt);
	return rc;
}

static int
count_one(const Visit *v, void *ctx)
{
	(void)v;
	(void)ctx;
	return 0;
}

int
checkin_present_count(Store *st, int64_t now_utc, int *n)
{
	int rc = each_open(st, now_utc, count_one, NULL, n);

	if (rc != BORNE_OK)
		*n = 0;
	return rc;
}

int
checkin_present_each(Store *st, int64_t now_utc,
                     int (*fn)(const Visit *v, void *ctx), void *ctx)
{
	int n;

	return each_open(st, now_utc, fn, ctx, &n);
}

int
checkin_each(Store *st, const char *date, int (*fn)(const Visit *v, void *ctx),
             void *ctx)
{
	static const char sql[] =
		"SELECT " VISIT_COLS VISIT_FROM
		" WHERE (?1 IS NULL OR (v.in_utc >= ?1 AND v.in_utc < ?2))"
		" ORDER BY v.in_utc, v.id";
	sqlite3_stmt *stmt = NULL;
	int64_t from, to;
	Visit v;
	int rc, src;

	if (date != NULL && (time_local_to_utc(date, 0, &from) != BORNE_OK ||
	                     time_local_to_utc(date, 1440, &to) != BORNE_OK))
		return store_set_error(st, BORNE_EINVAL, "date is not a date (YYYY-MM-DD)");
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	if (date != NULL) {
		sqlite3_bind_int64(stmt, 1, from);
		sqlite3_bind_int64(stmt, 2, to);
	}
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		visit_row(stmt, &v);
		if (fn(&v, ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "listing visits");
	store_stmt_release(st, stmt);
	return rc;
}

int
checkin_fix(Store *st, int64_t id, int64_t in_utc, int64_t out_utc,
            int64_t actor_id, int64_t now_utc)
{
	static const char sql[] =
		"UPDATE visits SET in_utc = ?2, out_utc = ?3, auto_closed = 0"
		" WHERE id = ?1";
	char detail[128];
	Visit old;
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (out_utc <= in_utc)
		return store_set_error(st, BORNE_EINVAL,
		                       "departure must be after arrival");
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = checkin_get(st, id, &old)) != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, in_utc);
	sqlite3_bind_int64(stmt, 3, out_utc);
	if ((rc = store_step_done(st, stmt, "correcting a visit")) != BORNE_OK)
		goto fail;
	snprintf(detail, sizeof detail, "in %lld out %lld (was %lld %lld%s)",
	         (long long)in_utc, (long long)out_utc, (long long)old.in_utc,
	         (long long)old.out_utc, old.auto_closed ? ", auto-closed" : "");
	if ((rc = audit_log(st, actor_id, "visit.fix", "visit", id, detail,
	                    now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
checkin_seconds_on(Store *st, int64_t member_id, const char *date,
                   int64_t now_utc, int64_t *seconds)
{
	static const char sql[] =
		"SELECT COALESCE(SUM(MAX(COALESCE(out_utc, ?4) - in_utc, 0)), 0)"
		" FROM visits WHERE member_id = ?1 AND in_utc >= ?2 AND in_utc < ?3";
	sqlite3_stmt *stmt = NULL;
	int64_t from, to;
	int rc, src;

	*seconds = 0;
	if (time_local_to_utc(date, 0, &from) != BORNE_OK ||
	    time_local_to_utc(date, 1440, &to) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "date is not a date (YYYY-MM-DD)");
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_int64(stmt, 2, from);
	sqlite3_bind_int64(stmt, 3, to);
	sqlite3_bind_int64(stmt, 4, now_utc);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		*seconds = sqlite3_column_int64(stmt, 0);
		rc = BORNE_OK;
	} else {
		rc = store_fail(st, src, "adding up hours");
	}
	store_stmt_release(st, stmt);
	return rc;
}
