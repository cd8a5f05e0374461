/* stream.c -- the work stream of each visit on a contributive day (see
** stream.h): offered at the greeting, changed during the day, and the
** hours cut between streams for the reports. */
#include "stream.h"

#include <sqlite3.h>
#include <string.h>

#include "text.h"
#include "uuid.h"

static int  visit_facts(Store *st, int64_t visit_id, int64_t *in_utc,
                        int *open, int64_t *day_id);

/* A visit's arrival, whether it is open, and its day (0: none). */
static int
visit_facts(Store *st, int64_t visit_id, int64_t *in_utc, int *open,
            int64_t *day_id)
{
	static const char sql[] =
		"SELECT in_utc, out_utc IS NULL, COALESCE(day_id, 0) FROM visits"
		" WHERE id = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*in_utc = *day_id = 0;
	*open = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, visit_id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		*in_utc = sqlite3_column_int64(stmt, 0);
		*open = sqlite3_column_int(stmt, 1);
		*day_id = sqlite3_column_int64(stmt, 2);
		rc = BORNE_OK;
	} else if (src == SQLITE_DONE) {
		rc = store_set_error(st, BORNE_ENOTFOUND, "no visit %lld",
		                     (long long)visit_id);
	} else {
		rc = store_fail(st, src, "reading a visit");
	}
	store_stmt_release(st, stmt);
	return rc;
}

int
stream_current(Store *st, int64_t visit_id, char *out, size_t outlen)
{
	static const char sql[] =
		"SELECT name FROM visit_streams WHERE visit_id = ?1"
		" ORDER BY from_utc DESC, id DESC LIMIT 1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	out[0] = '\0';
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, visit_id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		store_col_text(stmt, 0, out, outlen);
	rc = src == SQLITE_ROW || src == SQLITE_DONE ? BORNE_OK :
	     store_fail(st, src, "reading a visit's stream");
	store_stmt_release(st, stmt);
	return rc;
}

int
stream_offer(Store *st, int64_t member_id, int64_t now_utc, StreamOffer *out)
{
	static const char sql_open[] =
		"SELECT id, COALESCE(day_id, 0) FROM visits WHERE member_id = ?1"
		" AND out_utc IS NULL AND in_utc <= ?2"
		" ORDER BY in_utc DESC, id DESC LIMIT 1";
	/* The newest stream of an earlier visit: that visit's last one. */
	static const char sql_last[] =
		"SELECT s.name FROM visit_streams s JOIN visits v ON v.id = s.visit_id"
		" WHERE v.member_id = ?1 AND v.id <> ?2"
		" ORDER BY v.in_utc DESC, s.from_utc DESC, s.id DESC LIMIT 1";
	sqlite3_stmt *stmt = NULL;
	char last[STREAM_NAME_SIZE] = "";
	int64_t day_id = 0;
	int rc, src;

	memset(out, 0, sizeof *out);
	if ((rc = store_stmt(st, sql_open, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_int64(stmt, 2, now_utc);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		out->visit_id = sqlite3_column_int64(stmt, 0);
		day_id = sqlite3_column_int64(stmt, 1);
	}
	rc = src == SQLITE_ROW || src == SQLITE_DONE ? BORNE_OK :
	     store_fail(st, src, "reading the open visit");
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK)
		goto fail;
	if (out->visit_id == 0 || day_id == 0) {
		rc = BORNE_ENOTFOUND;
		goto fail;
	}
	if ((rc = day_streams_get(st, day_id, &out->day)) != BORNE_OK)
		goto fail;
	if (out->day.n == 0) {
		rc = BORNE_ENOTFOUND;
		goto fail;
	}
	if ((rc = stream_current(st, out->visit_id, out->current,
	                         sizeof out->current)) != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, sql_last, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_int64(stmt, 2, out->visit_id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		store_col_text(stmt, 0, last, sizeof last);
	rc = src == SQLITE_ROW || src == SQLITE_DONE ? BORNE_OK :
	     store_fail(st, src, "reading the last stream");
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK)
		goto fail;
	/* Offered only when today has it, in today's spelling. */
	for (int i = 0; last[0] != '\0' && i < out->day.n; i++)
		if (text_same_ascii_fold(out->day.name[i], last))
			text_copy(out->last, sizeof out->last, out->day.name[i]);
	return BORNE_OK;
fail:
	memset(out, 0, sizeof *out);
	return rc;
}

int
stream_choose(Store *st, int64_t visit_id, const char *name, int64_t now_utc)
{
	static const char sql_add[] =
		"INSERT INTO visit_streams(uuid, visit_id, name, from_utc)"
		" VALUES (?1, ?2, ?3, ?4)";
	char uuid[BORNE_UUID_LEN + 1], current[STREAM_NAME_SIZE];
	const char *spelling = NULL;
	sqlite3_stmt *stmt = NULL;
	DayStreams ds;
	int64_t in_utc, day_id, from;
	int rc, open;

	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = visit_facts(st, visit_id, &in_utc, &open, &day_id)) != BORNE_OK)
		goto fail;
	if (!open) {
		rc = store_set_error(st, BORNE_EREFUSED, "visit %lld is over",
		                     (long long)visit_id);
		goto fail;
	}
	if (day_id == 0 || (rc = day_streams_get(st, day_id, &ds)) != BORNE_OK) {
		if (day_id == 0)
			rc = store_set_error(st, BORNE_EINVAL, "visit %lld is on no "
			                     "contributive day", (long long)visit_id);
		goto fail;
	}
	for (int i = 0; i < ds.n && spelling == NULL; i++)
		if (name != NULL && text_same_ascii_fold(ds.name[i], name))
			spelling = ds.name[i];
	if (spelling == NULL) {
		rc = store_set_error(st, BORNE_EINVAL, "\"%.40s\" is not a stream "
		                     "of the day", name != NULL ? name : "");
		goto fail;
	}
	if ((rc = stream_current(st, visit_id, current, sizeof current)) !=
	    BORNE_OK)
		goto fail;
	if (strcmp(current, spelling) == 0) {
		store_rollback(st);
		return BORNE_OK;
	}
	/* The first choice holds from the arrival; a change from now (never
	** before the arrival, whatever the clock did). */
	from = current[0] == '\0' || now_utc < in_utc ? in_utc : now_utc;
	uuid_make(uuid);
	if ((rc = store_stmt(st, sql_add, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, visit_id);
	sqlite3_bind_text(stmt, 3, spelling, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 4, from);
	if ((rc = store_step_done(st, stmt, "choosing a stream")) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}
