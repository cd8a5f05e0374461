/* checkin_fix.c -- a facilitator corrects a visit (see checkin.h): the
** forgotten check-out, the arrival tapped late. The check-in log keeps
** what the door recorded: the visit row gets the corrected times (every
** report reads them) and the flag corrected, and visit_fixes, appended
** to and never changed (a trigger refuses updates), keeps the times
** before and after, who changed them and when. */
#include "checkin.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "member.h"
#include "uuid.h"

static int fix_record(Store *st, const Visit *old, int64_t in_utc,
                      int64_t out_utc, int64_t actor_id, int64_t now_utc);

/* Inside the transaction: the row of visit_fixes. */
static int
fix_record(Store *st, const Visit *old, int64_t in_utc, int64_t out_utc,
           int64_t actor_id, int64_t now_utc)
{
	static const char sql[] =
		"INSERT INTO visit_fixes(uuid, visit_id, at_utc, actor_id, old_in_utc,"
		" old_out_utc, old_auto_closed, old_out_late, new_in_utc, new_out_utc)"
		" VALUES (?1, ?2, ?3, NULLIF(?4, 0), ?5, NULLIF(?6, 0), ?7, ?8, ?9,"
		" ?10)";
	char uuid[BORNE_UUID_LEN + 1];
	sqlite3_stmt *stmt = NULL;
	int rc;

	uuid_make(uuid);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, old->id);
	sqlite3_bind_int64(stmt, 3, now_utc);
	sqlite3_bind_int64(stmt, 4, actor_id);
	sqlite3_bind_int64(stmt, 5, old->in_utc);
	sqlite3_bind_int64(stmt, 6, old->out_utc);
	sqlite3_bind_int(stmt, 7, old->auto_closed != 0);
	sqlite3_bind_int(stmt, 8, old->out_late != 0);
	sqlite3_bind_int64(stmt, 9, in_utc);
	sqlite3_bind_int64(stmt, 10, out_utc);
	return store_step_done(st, stmt, "keeping the recorded times");
}

int
checkin_fix(Store *st, int64_t id, int64_t in_utc, int64_t out_utc,
            int64_t actor_id, int64_t now_utc)
{
	static const char sql[] =
		"UPDATE visits SET in_utc = ?2, out_utc = ?3, auto_closed = 0,"
		" out_late = 0, corrected = 1 WHERE id = ?1";
	static const char sql_overlap[] =
		"SELECT 1 FROM visits WHERE id <> ?1 AND member_id = ?2"
		" AND in_utc < ?4 AND COALESCE(out_utc, in_utc + 1) > ?3 LIMIT 1";
	char detail[128];
	Visit old;
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if (out_utc <= in_utc)
		return store_set_error(st, BORNE_EINVAL,
		                       "out: departure must be after arrival");
	if (in_utc < BORNE_CLOCK_FLOOR_UTC)
		return store_set_error(st, BORNE_EINVAL, "in: arrival is before 2024");
	if (out_utc > now_utc + 300)
		return store_set_error(st, BORNE_EINVAL,
		                       "out: departure is in the future");
	if (out_utc - in_utc > CHECKIN_FIX_MAX_S)
		return store_set_error(st, BORNE_EINVAL,
		                       "out: a visit lasts at most 24 hours");
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = checkin_get(st, id, &old)) != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, sql_overlap, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, old.member_id);
	sqlite3_bind_int64(stmt, 3, in_utc);
	sqlite3_bind_int64(stmt, 4, out_utc);
	src = sqlite3_step(stmt);
	store_stmt_release(st, stmt);
	if (src == SQLITE_ROW) {
		rc = store_set_error(st, BORNE_EINVAL,
		                     "in: it would overlap another visit of the member");
		goto fail;
	}
	if (src != SQLITE_DONE) {
		rc = store_fail(st, src, "checking for overlaps");
		goto fail;
	}
	if ((rc = fix_record(st, &old, in_utc, out_utc, actor_id, now_utc))
	    != BORNE_OK)
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
checkin_fix_each(Store *st, int64_t visit_id,
                 int (*fn)(const VisitFix *f, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT id, visit_id, at_utc, COALESCE(actor_id, 0), old_in_utc,"
		" COALESCE(old_out_utc, 0), new_in_utc, new_out_utc, old_auto_closed,"
		" old_out_late FROM visit_fixes WHERE visit_id = ?1 ORDER BY id";
	sqlite3_stmt *stmt = NULL;
	VisitFix f;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, visit_id);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&f, 0, sizeof f);
		f.id = sqlite3_column_int64(stmt, 0);
		f.visit_id = sqlite3_column_int64(stmt, 1);
		f.at_utc = sqlite3_column_int64(stmt, 2);
		f.actor_id = sqlite3_column_int64(stmt, 3);
		f.old_in_utc = sqlite3_column_int64(stmt, 4);
		f.old_out_utc = sqlite3_column_int64(stmt, 5);
		f.new_in_utc = sqlite3_column_int64(stmt, 6);
		f.new_out_utc = sqlite3_column_int64(stmt, 7);
		f.old_auto_closed = sqlite3_column_int(stmt, 8);
		f.old_out_late = sqlite3_column_int(stmt, 9);
		if (fn(&f, ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK :
	     store_fail(st, src, "listing a visit's corrections");
	store_stmt_release(st, stmt);
	return rc;
}
