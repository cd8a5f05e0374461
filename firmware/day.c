/* day.c -- contributive days (see day.h).
** One row per date (the date is UNIQUE: a day on a date that already has
** one is refused, naming the date). A weekly series is written in one
** transaction, all rows or none, and is capped at DAY_WEEKLY_MAX rows so
** a typo in the end date cannot fill the table. */
#include "day.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "day_impl.h"
#include "member.h"
#include "text.h"
#include "uuid.h"

#define DAY_COLS "id, uuid, date, title, open_min, close_min," \
	" COALESCE(series_id, 0), moved_from"

static void day_row(sqlite3_stmt *stmt, ContribDay *d);
static int  day_one(Store *st, const char *sql, const char *date, int64_t id,
                    ContribDay *out);

static void
day_row(sqlite3_stmt *stmt, ContribDay *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(stmt, 0);
	store_col_text(stmt, 1, d->uuid, sizeof d->uuid);
	store_col_text(stmt, 2, d->date, sizeof d->date);
	store_col_text(stmt, 3, d->title, sizeof d->title);
	d->open_min = sqlite3_column_int(stmt, 4);
	d->close_min = sqlite3_column_int(stmt, 5);
	d->series_id = sqlite3_column_int64(stmt, 6);
	store_col_text(stmt, 7, d->moved_from, sizeof d->moved_from);
}

int
day_insert(Store *st, const char *date, const char *title, int open_min,
           int close_min, int64_t series_id, const char *moved_from,
           int64_t actor_id, int64_t now_utc, int64_t *id_out)
{
	static const char sql_dup[] = "SELECT 1 FROM days WHERE date = ?1";
	static const char sql[] =
		"INSERT INTO days(uuid, date, title, open_min, close_min, series_id,"
		" moved_from) VALUES (?1, ?2, ?3, ?4, ?5, NULLIF(?6, 0), ?7)";
	char uuid[BORNE_UUID_LEN + 1];
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*id_out = 0;
	if ((rc = store_stmt(st, sql_dup, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, date, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	store_stmt_release(st, stmt);
	if (src == SQLITE_ROW)
		return store_set_error(st, BORNE_EREFUSED, "there is already a "
		                       "contributive day on %s", date);
	if (src != SQLITE_DONE)
		return store_fail(st, src, "looking up a day");
	uuid_make(uuid);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 4, open_min);
	sqlite3_bind_int(stmt, 5, close_min);
	sqlite3_bind_int64(stmt, 6, series_id);
	sqlite3_bind_text(stmt, 7, moved_from != NULL ? moved_from : "", -1,
	                  SQLITE_TRANSIENT);
	if ((rc = store_step_done(st, stmt, "adding a day")) != BORNE_OK)
		return rc;
	*id_out = sqlite3_last_insert_rowid(store_db(st));
	if ((rc = day_link_visits(st, *id_out, date)) != BORNE_OK)
		return rc;
	return audit_log(st, actor_id, "day.add", "day", *id_out, date, now_utc);
}

int
day_link_visits(Store *st, int64_t id, const char *date)
{
	static const char sql_link[] =
		"UPDATE visits SET day_id = ?1 WHERE day_id IS NULL"
		" AND in_utc >= ?2 AND in_utc < ?3";
	sqlite3_stmt *stmt = NULL;
	int64_t from, to;
	int rc;

	/* Visits already made that date (the day opened late) belong to it. */
	if (time_local_to_utc(date, 0, &from) != BORNE_OK ||
	    time_local_to_utc(date, 1440, &to) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "bad local date");
	if ((rc = store_stmt(st, sql_link, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, from);
	sqlite3_bind_int64(stmt, 3, to);
	return store_step_done(st, stmt, "linking the day's visits");
}

int
day_check_fields(Store *st, const char *title, int open_min, int close_min)
{
	char why[64];

	if (text_check(title, BORNE_DAYTITLE_MAX_CH, TEXT_SINGLE_LINE, 1, why,
	               sizeof why) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "title %s", why);
	if (open_min < 0 || open_min > 1439 || close_min > 1440)
		return store_set_error(st, BORNE_EINVAL,
		                       "hours must be between 00:00 and 24:00");
	if (close_min <= open_min)
		return store_set_error(st, BORNE_EINVAL,
		                       "closing hour must be after opening hour");
	return BORNE_OK;
}

int
day_add(Store *st, const char *date, const char *title, int open_min,
        int close_min, const char *weekly_until, int64_t actor_id,
        int64_t now_utc, int64_t *first_id, int *n_added)
{
	char clean[BORNE_CH_BYTES(BORNE_DAYTITLE_MAX_CH)];
	char d[TIME_DATE_SIZE];
	int rc, n = 0;
	int64_t id, first = 0;

	if (first_id != NULL)
		*first_id = 0;
	if (n_added != NULL)
		*n_added = 0;
	if (time_parse_date(date) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL,
		                       "date is not a date (YYYY-MM-DD)");
	if ((rc = day_check_fields(st, title, open_min, close_min)) != BORNE_OK)
		return rc;
	if (weekly_until != NULL && *weekly_until != '\0') {
		if (time_parse_date(weekly_until) != BORNE_OK)
			return store_set_error(st, BORNE_EINVAL,
			                       "weekly end is not a date (YYYY-MM-DD)");
		if (strcmp(weekly_until, date) < 0)
			return store_set_error(st, BORNE_EINVAL,
			                       "weekly end is before the first day");
	} else {
		weekly_until = date;
	}
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	text_copy(clean, sizeof clean, title);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	snprintf(d, sizeof d, "%s", date);
	while (strcmp(d, weekly_until) <= 0) {
		if (n == DAY_WEEKLY_MAX) {
			rc = store_set_error(st, BORNE_EINVAL, "a weekly day may "
			                     "repeat at most %d times", DAY_WEEKLY_MAX);
			goto fail;
		}
		if ((rc = day_insert(st, d, clean, open_min, close_min, 0, NULL,
		                     actor_id, now_utc, &id)) != BORNE_OK)
			goto fail;
		if (n++ == 0)
			first = id;
		if (time_date_add(d, 7, d) != BORNE_OK)
			break;
	}
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	if (first_id != NULL)
		*first_id = first;
	if (n_added != NULL)
		*n_added = n;
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

static int
day_one(Store *st, const char *sql, const char *date, int64_t id,
        ContribDay *out)
{
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	memset(out, 0, sizeof *out);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	if (date != NULL)
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(stmt, 1, id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		day_row(stmt, out);
		rc = BORNE_OK;
	} else if (src == SQLITE_DONE) {
		rc = date != NULL
		   ? store_set_error(st, BORNE_ENOTFOUND, "no contributive day on %s", date)
		   : store_set_error(st, BORNE_ENOTFOUND, "no contributive day %lld",
		                     (long long)id);
	} else {
		rc = store_fail(st, src, "reading a day");
	}
	store_stmt_release(st, stmt);
	return rc;
}

int
day_on(Store *st, const char *date, ContribDay *out)
{
	static const char sql[] = "SELECT " DAY_COLS " FROM days WHERE date = ?1";

	if (date == NULL) {
		memset(out, 0, sizeof *out);
		return store_set_error(st, BORNE_EINVAL, "no date given");
	}
	return day_one(st, sql, date, 0, out);
}

int
day_get(Store *st, int64_t id, ContribDay *out)
{
	static const char sql[] = "SELECT " DAY_COLS " FROM days WHERE id = ?1";

	return day_one(st, sql, NULL, id, out);
}

int
day_each(Store *st, const char *from, const char *to,
         int (*fn)(const ContribDay *d, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT " DAY_COLS " FROM days WHERE (?1 IS NULL OR date >= ?1)"
		" AND (?2 IS NULL OR date <= ?2) ORDER BY date";
	sqlite3_stmt *stmt = NULL;
	ContribDay d;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	if (from != NULL)
		sqlite3_bind_text(stmt, 1, from, -1, SQLITE_TRANSIENT);
	if (to != NULL)
		sqlite3_bind_text(stmt, 2, to, -1, SQLITE_TRANSIENT);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		day_row(stmt, &d);
		if (fn(&d, ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "listing days");
	store_stmt_release(st, stmt);
	return rc;
}
