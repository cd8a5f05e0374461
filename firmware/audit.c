/* audit.c -- the log of changes made by facilitators and admins (see
** audit.h). Callers write it inside the transaction of the change, so the
** change and its line in the log are saved together or not at all. */
#include "audit.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "borne.h"
#include "member.h"
#include "uuid.h"

int
audit_log(Store *st, int64_t actor_id, const char *action,
          const char *target_kind, int64_t target_id, const char *detail,
          int64_t now_utc)
{
	static const char sql[] =
		"INSERT INTO audit(uuid, at_utc, actor_id, action, target_kind,"
		" target_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	char uuid[BORNE_UUID_LEN + 1];
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if (action == NULL || *action == '\0' || target_kind == NULL)
		return store_set_error(st, BORNE_EINVAL, "audit line needs an action");
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	uuid_make(uuid);
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, now_utc);
	if (actor_id > 0)
		sqlite3_bind_int64(stmt, 3, actor_id);
	else
		sqlite3_bind_null(stmt, 3);
	sqlite3_bind_text(stmt, 4, action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 5, target_kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 6, target_id);
	if (detail != NULL)
		sqlite3_bind_text(stmt, 7, detail, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(stmt, 7);
	src = sqlite3_step(stmt);
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "writing the audit log");
	store_stmt_release(st, stmt);
	return rc;
}

int
audit_each(Store *st, int (*fn)(int64_t id, int64_t at_utc, int64_t actor_id,
           const char *action, const char *target_kind, int64_t target_id,
           const char *detail, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT id, at_utc, COALESCE(actor_id, 0), action, target_kind,"
		" target_id, detail FROM audit ORDER BY id";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (fn(sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1),
		       sqlite3_column_int64(stmt, 2),
		       (const char *)sqlite3_column_text(stmt, 3),
		       (const char *)sqlite3_column_text(stmt, 4),
		       sqlite3_column_int64(stmt, 5),
		       (const char *)sqlite3_column_text(stmt, 6), ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "reading the audit log");
	store_stmt_release(st, stmt);
	return rc;
}

int
audit_setting_set(Store *st, const char *key, const char *value,
                  int64_t actor_id, int64_t now_utc)
{
	char detail[160];
	int rc;

	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	snprintf(detail, sizeof detail, "%s = %s", key, value);
	if ((rc = store_setting_set(st, key, value)) != BORNE_OK ||
	    (rc = audit_log(st, actor_id, "setting.set", "setting", 0, detail,
	                    now_utc)) != BORNE_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}
