/* checkin.c -- arrivals and departures at the door (see checkin.h).
**
** Rules, in the order a tap meets them:
**  0. A time before BORNE_CLOCK_FLOOR_UTC is refused (BORNE_ECLOCK): a
**     clock that says so is wrong, and hours from it would be false.
**  1. Stale visits are closed first (checkin_close_stale), in the tap's
**     own transaction.
**  2. An unknown badge, or one whose member is deactivated, is logged in
**     unknown_taps (time, kiosk, outcome; the UID only when it is tied to
**     nobody) and answered CHECKIN_UNKNOWN / CHECKIN_INACTIVE.
**  3. Only the member's visit that had begun by the tap's time counts
**     (the latest with in_utc <= now): a visit dated later (a clock once
**     wrong, a typo in a correction) never turns a tap into an arrival.
**  4. A tap within checkin_repeat_s of that visit's last tap (its
**     arrival, or its departure if a tap made it) is CHECKIN_IGNORED and
**     writes nothing; so is a tap that falls inside a visit already
**     closed later than it: the member is already counted present then.
**  5. An open visit is closed at the tap (CHECKIN_OUT). A visit closed
**     automatically less than checkout_grace_min before the tap is closed
**     at the tap instead, flagged out_late (CHECKIN_OUT): leaving at 00:20
**     after an evening that ended at midnight is a departure, not a new
**     visit. Otherwise a new visit opens (CHECKIN_IN).
**
** So a visit never ends before it began, and one member's visits never
** overlap: a visit ends at the latest when the member's next one begins.
**
** A visit is linked to the contributive day of its local DATE, whatever
** the hour: people arrive before opening to set up, and the day's
** attendance should count them; day_add links the visits already made
** that date. A visit still open at its end is closed then and flagged
** auto_closed: the end is the closing hour of the contributive day found
** by the arrival's date when it began before that hour, else arrival +
** visit_cap_h, and never later than the member's next arrival.
**
** Taps whose time the kiosk cannot stand behind (its clock is not
** trusted: see clock.h) are held, then replayed through these same rules
** once the clock is known: checkin_held.c.
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
#include "checkin_impl.h"
#include "timeutil.h"
#include "uuid.h"

#define VISIT_COLS \
	"v.id, v.uuid, v.member_id, m.name, v.badge, v.in_utc," \
	" COALESCE(v.out_utc, 0), v.auto_closed, COALESCE(v.day_id, 0), v.kiosk_id," \
	" v.out_late, v.corrected"
#define VISIT_FROM " FROM visits v JOIN members m ON m.id = v.member_id"

typedef struct OpenVisit {
	int64_t id, member_id, in_utc, day_id, end_utc;
} OpenVisit;

static int     visit_auto_end(Store *st, int64_t member_id, int64_t in_utc,
                              int64_t *end_utc, int64_t *day_id);
static int     open_visits(Store *st, int64_t from_utc, int64_t to_utc,
                           OpenVisit **out, size_t *n);
static int     tap_result(Store *st, int64_t now_utc, CheckinResult *r);
static void    visit_row(sqlite3_stmt *stmt, Visit *v);
static int     visit_one(Store *st, const char *sql, const char *key,
                         int64_t id, Visit *out);
static int     close_stale_in_tx(Store *st, int64_t now_utc, int *n_closed);
static int     visit_open(Store *st, const Member *m, const char *badge_hex,
                          const char *tap_uuid, int64_t now_utc, int64_t *id);
static int     visit_close(Store *st, int64_t id, const char *tap_uuid,
                           int64_t out_utc, int late);
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
	case CHECKIN_HELD:     return "held";
	}
	return "unknown";
}

/* Where an open visit of member_id that began at in_utc ends by itself:
** the closing hour of the contributive day of its local date if it began
** before it, else in_utc + visit_cap_h; never after the member's next
** arrival. *day_id (may be NULL) is that day's id, 0 if none. */
static int
visit_auto_end(Store *st, int64_t member_id, int64_t in_utc, int64_t *end_utc,
               int64_t *day_id)
{
	static const char sql_next[] =
		"SELECT MIN(in_utc) FROM visits WHERE member_id = ?1 AND in_utc > ?2";
	char date[TIME_DATE_SIZE];
	ContribDay day;
	sqlite3_stmt *stmt = NULL;
	int64_t end = in_utc + (int64_t)store_rules(st)->visit_cap_h * 3600, close_utc;
	int rc, src;

	if (day_id != NULL)
		*day_id = 0;
	time_local_date(in_utc, date);
	rc = day_on(st, date, &day);
	if (rc != BORNE_OK && rc != BORNE_ENOTFOUND)
		return rc;
	if (rc == BORNE_OK) {
		if (day_id != NULL)
			*day_id = day.id;
		if (time_local_to_utc(date, day.close_min, &close_utc) == BORNE_OK &&
		    close_utc > in_utc)
			end = close_utc;
	}
	if ((rc = store_stmt(st, sql_next, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_int64(stmt, 2, in_utc);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL &&
	    sqlite3_column_int64(stmt, 0) < end)
		end = sqlite3_column_int64(stmt, 0);
	store_stmt_release(st, stmt);
	if (src != SQLITE_ROW)
		return store_fail(st, src, "finding the next visit");
	*end_utc = end;
	return BORNE_OK;
}

/* The open visits that began in [from_utc, to_utc), each with its
** automatic end; *out is malloc'ed (free it), *n its length. */
static int
open_visits(Store *st, int64_t from_utc, int64_t to_utc, OpenVisit **out,
            size_t *n)
{
	static const char sql[] =
		"SELECT id, member_id, in_utc, COALESCE(day_id, 0) FROM visits"
		" WHERE out_utc IS NULL AND in_utc >= ?1 AND in_utc < ?2"
		" ORDER BY in_utc, id";
	OpenVisit *list = NULL, *grown;
	size_t cap = 0, len = 0;
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*out = NULL;
	*n = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, from_utc);
	sqlite3_bind_int64(stmt, 2, to_utc);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap != 0 ? cap * 2 : 16;
			if ((grown = realloc(list, cap * sizeof *list)) == NULL) {
				src = SQLITE_NOMEM;
				break;
			}
			list = grown;
		}
		list[len].id = sqlite3_column_int64(stmt, 0);
		list[len].member_id = sqlite3_column_int64(stmt, 1);
		list[len].in_utc = sqlite3_column_int64(stmt, 2);
		list[len].day_id = sqlite3_column_int64(stmt, 3);
		len++;
	}
	store_stmt_release(st, stmt);
	if (src != SQLITE_DONE) {
		free(list);
		return store_fail(st, src, "finding open visits");
	}
	/* The ends need other statements: computed once the list is read. */
	for (size_t i = 0; i < len; i++)
		if ((rc = visit_auto_end(st, list[i].member_id, list[i].in_utc,
		                         &list[i].end_utc, NULL)) != BORNE_OK) {
			free(list);
			return rc;
		}
	*out = list;
	*n = len;
	return BORNE_OK;
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
	v->out_late = sqlite3_column_int(stmt, 10);
	v->corrected = sqlite3_column_int(stmt, 11);
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
	static const char sql_close[] =
		"UPDATE visits SET out_utc = ?2, auto_closed = 1"
		" WHERE id = ?1 AND out_utc IS NULL";
	OpenVisit *open = NULL;
	size_t n = 0;
	sqlite3_stmt *stmt = NULL;
	int rc, closed = 0;

	if (n_closed != NULL)
		*n_closed = 0;
	if ((rc = open_visits(st, INT64_MIN, now_utc, &open, &n)) != BORNE_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (open[i].end_utc > now_utc)
			continue;
		if ((rc = store_stmt(st, sql_close, &stmt)) != BORNE_OK)
			goto out;
		sqlite3_bind_int64(stmt, 1, open[i].id);
		sqlite3_bind_int64(stmt, 2, open[i].end_utc);
		if ((rc = store_step_done(st, stmt, "closing a visit")) != BORNE_OK)
			goto out;
		closed += sqlite3_changes(store_db(st));
	}
	if (n_closed != NULL)
		*n_closed = closed;
out:
	free(open);
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

int
checkin_log_unknown(Store *st, int64_t now_utc, const char *outcome,
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

/* A departure: of an open visit, or (late) tapped within the grace after
** the visit was closed automatically, which the tap's time then replaces. */
static int
visit_close(Store *st, int64_t id, const char *tap_uuid, int64_t out_utc,
            int late)
{
	static const char sql[] =
		"UPDATE visits SET out_utc = ?2, out_uuid = ?3, auto_closed = 0,"
		" out_late = ?4 WHERE id = ?1"
		" AND (out_utc IS NULL OR auto_closed = 1)";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, out_utc);
	sqlite3_bind_text(stmt, 3, tap_uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 4, late != 0);
	return store_step_done(st, stmt, "recording a departure");
}

int
checkin_tap(Store *st, const BadgeUid *uid, int64_t now_utc, CheckinResult *out)
{
	char tap_uuid[BORNE_UUID_LEN + 1];

	uuid_make(tap_uuid);
	return checkin_tap_id(st, uid, now_utc, tap_uuid, out);
}

/* One tap inside the caller's transaction: the rules of the file's
** head. r->visit_id is the visit opened or closed, if any. */
int
checkin_tap_in_tx(Store *st, const BadgeUid *uid, int64_t now_utc,
                  const char *tap_uuid, CheckinResult *r)
{
	static const char sql_by_uuid[] =
		"SELECT " VISIT_COLS VISIT_FROM " WHERE v.uuid = ?1";
	static const char sql_by_out_uuid[] =
		"SELECT " VISIT_COLS VISIT_FROM " WHERE v.out_uuid = ?1";
	static const char sql_begun[] =
		"SELECT " VISIT_COLS VISIT_FROM " WHERE v.member_id = ?1"
		" AND v.in_utc <= ?2 ORDER BY v.in_utc DESC, v.id DESC LIMIT 1";
	char hex[UID_HEX_SIZE];
	sqlite3_stmt *stmt = NULL;
	Visit v;
	int rc, src, found;

	memset(r, 0, sizeof *r);
	uid_format(uid, hex);
	if ((rc = close_stale_in_tx(st, now_utc, NULL)) != BORNE_OK)
		return rc;
	rc = member_by_badge(st, uid, &r->member);
	if (rc == BORNE_ENOTFOUND) {
		memset(&r->member, 0, sizeof r->member);
		r->outcome = CHECKIN_UNKNOWN;
		return checkin_log_unknown(st, now_utc, "unknown", hex);
	}
	if (rc != BORNE_OK)
		return rc;
	if (!r->member.active) {
		r->outcome = CHECKIN_INACTIVE;
		return checkin_log_unknown(st, now_utc, "inactive", NULL);
	}
	/* A replayed tap answers as it did the first time. */
	if ((rc = visit_one(st, sql_by_uuid, tap_uuid, 0, &v)) != BORNE_ENOTFOUND) {
		r->outcome = CHECKIN_IN;
		r->visit_id = v.id;
		return rc;
	}
	if ((rc = visit_one(st, sql_by_out_uuid, tap_uuid, 0, &v)) != BORNE_ENOTFOUND) {
		r->outcome = CHECKIN_OUT;
		r->visit_id = v.id;
		return rc;
	}
	if ((rc = store_stmt(st, sql_begun, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, r->member.id);
	sqlite3_bind_int64(stmt, 2, now_utc);
	src = sqlite3_step(stmt);
	found = src == SQLITE_ROW;
	if (found)
		visit_row(stmt, &v);
	store_stmt_release(st, stmt);
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		return store_fail(st, src, "reading the last visit");
	if (found) {
		int64_t last_tap = v.out_utc != 0 && !v.auto_closed ? v.out_utc : v.in_utc;
		int64_t window = store_rules(st)->checkin_repeat_s;
		int64_t grace = (int64_t)store_rules(st)->checkout_grace_min * 60;

		if (now_utc - last_tap < window || v.out_utc > now_utc) {
			/* A bounce, or a time the member is already counted in. */
			r->outcome = CHECKIN_IGNORED;
			r->ago_s = now_utc > last_tap ? now_utc - last_tap : 0;
			r->visit_id = v.id;
			return BORNE_OK;
		}
		if (v.out_utc == 0 || (v.auto_closed && now_utc - v.out_utc <= grace)) {
			rc = visit_close(st, v.id, tap_uuid, now_utc, v.out_utc != 0);
			r->outcome = CHECKIN_OUT;
			r->visit_id = v.id;
			return rc;
		}
	}
	r->outcome = CHECKIN_IN;
	return visit_open(st, &r->member, hex, tap_uuid, now_utc, &r->visit_id);
}

/* What the screen shows of a tap, read after its durable commit. */
static int
tap_result(Store *st, int64_t now_utc, CheckinResult *r)
{
	char today[TIME_DATE_SIZE];
	Visit v;
	int rc;

	if (r->visit_id == 0)
		return BORNE_OK;
	if ((rc = checkin_get(st, r->visit_id, &v)) != BORNE_OK)
		return rc;
	r->in_utc = v.in_utc;
	r->out_utc = v.out_utc;
	if (v.day_id != 0 && day_get(st, v.day_id, &r->day) == BORNE_OK)
		r->has_day = 1;
	time_local_date(now_utc, today);
	return checkin_seconds_on(st, r->member.id, today, now_utc, &r->today_s);
}

int
checkin_tap_id(Store *st, const BadgeUid *uid, int64_t now_utc,
               const char *tap_uuid, CheckinResult *out)
{
	CheckinResult r;
	int rc;

	memset(out, 0, sizeof *out);
	if (uid == NULL || (uid->len != 4 && uid->len != 7 && uid->len != 10))
		return store_set_error(st, BORNE_EINVAL, "badge UID must be 4, 7 or 10 bytes");
	if (tap_uuid == NULL || strlen(tap_uuid) != BORNE_UUID_LEN)
		return store_set_error(st, BORNE_EINVAL, "tap id is not a uuid");
	if (now_utc < BORNE_CLOCK_FLOOR_UTC)
		return store_set_error(st, BORNE_ECLOCK,
		                       "the tap's time is before 2024: the clock is wrong");
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = checkin_tap_in_tx(st, uid, now_utc, tap_uuid, &r)) != BORNE_OK) {
		store_rollback(st);
		return rc;
	}
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	/* Saved: a failure from here on is no failure of the tap. */
	if ((rc = tap_result(st, now_utc, &r)) != BORNE_OK) {
		r.detail_rc = rc;
		r.today_s = 0;
		if (r.outcome == CHECKIN_IN)
			r.in_utc = now_utc;
		else if (r.outcome == CHECKIN_OUT)
			r.out_utc = now_utc;
	}
	*out = r;
	return BORNE_OK;
}

/* Visits open now: begun by now_utc and not yet at their automatic end
** (which is at most a day after the arrival). */
static int
each_open(Store *st, int64_t now_utc, int (*fn)(const Visit *v, void *ctx),
          void *ctx, int *n)
{
	OpenVisit *open = NULL;
	size_t len = 0;
	Visit v;
	int rc;

	*n = 0;
	if ((rc = open_visits(st, now_utc - 86400, now_utc + 1, &open, &len)) != BORNE_OK)
		return rc;
	for (size_t i = 0; i < len; i++) {
		if (open[i].end_utc <= now_utc)
			continue;
		if ((rc = checkin_get(st, open[i].id, &v)) != BORNE_OK)
			break;
		(*n)++;
		if (fn(&v, ctx) != 0)
			break;
	}
	free(open);
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
