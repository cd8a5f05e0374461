/* syncview.c -- what people are shown of the sync with a hub: its
** health for facilitators, takes waiting for the hub, refusals told at
** the next tap (see syncview.h, docs/sync.md). */
#include "syncview.h"

#include <sqlite3.h>
#include <string.h>

#include "borne.h"
#include "outbox.h"
#include "text.h"

static int row_or_done(Store *st, sqlite3_stmt *stmt, int src,
                       const char *what);

static int
row_or_done(Store *st, sqlite3_stmt *stmt, int src, const char *what)
{
	int rc = src == SQLITE_ROW || src == SQLITE_DONE
	         ? BORNE_OK : store_fail(st, src, what);

	store_stmt_release(st, stmt);
	return rc;
}

int
syncview_health(Store *st, int64_t now_utc, SyncHealth *out)
{
	OutboxState s;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = outbox_state(st, &s)) != BORNE_OK)
		return rc;
	out->joined = s.joined;
	out->synced_utc = s.synced_utc;
	text_copy(out->last_error, sizeof out->last_error, s.last_error);
	out->failed = out->last_error[0] != '\0';
	out->update_required = s.update_required;
	out->badges_taken = s.badges_taken;
	out->pending = s.pending;
	out->stale = out->joined &&
	             (out->synced_utc <= 0 || out->failed ||
	              now_utc - out->synced_utc >= SYNCVIEW_STALE_S);
	return BORNE_OK;
}

int
syncview_note_pull(Store *st, int64_t confirmed_seq, int too_new)
{
	static const char sql[] =
		"UPDATE sync_state SET update_required = ?2,"
		" confirmed_seq = MAX(confirmed_seq, ?1)";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, confirmed_seq);
	sqlite3_bind_int(stmt, 2, too_new ? 1 : 0);
	return store_step_done(st, stmt, "noting the pull");
}

int
syncview_take_pending(Store *st, int64_t mission_id, int64_t member_id,
                      int *out)
{
	/* The take's changes after the last one the hub is known to have
	** ordered (a change pruned from the outbox was confirmed first). */
	static const char sql[] =
		"SELECT 1 FROM sync_state s, mission_takes t JOIN outbox o"
		" ON o.row_uuid = t.uuid AND o.tbl = 'mission_takes'"
		" WHERE t.mission_id = ?1 AND t.member_id = ?2"
		" AND t.released_utc IS NULL AND o.op <> 'scrubbed'"
		" AND o.seq > s.confirmed_seq AND " OUTBOX_JOINED " LIMIT 1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*out = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, mission_id);
	sqlite3_bind_int64(stmt, 2, member_id);
	src = sqlite3_step(stmt);
	*out = src == SQLITE_ROW;
	return row_or_done(st, stmt, src, "reading the outbox");
}

int
syncview_take_refused(Store *st, const char *take_uuid, int64_t now_utc)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO take_refusals(take_uuid, member_id,"
		" mission_id, refused_utc) SELECT uuid, member_id, mission_id, ?2"
		" FROM mission_takes WHERE uuid = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, take_uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, now_utc);
	return store_step_done(st, stmt, "noting a refused take");
}

int
syncview_refusal_untold(Store *st, int64_t member_id, char *title,
                        size_t titlelen, char *take_uuid, size_t uuidlen,
                        int *found)
{
	static const char sql[] =
		"SELECT r.take_uuid, x.title FROM take_refusals r"
		" JOIN missions x ON x.id = r.mission_id"
		" WHERE r.member_id = ?1 AND r.told_utc IS NULL"
		" AND NOT EXISTS (SELECT 1 FROM mission_takes t"
		"  WHERE t.mission_id = r.mission_id AND t.member_id = r.member_id"
		"  AND t.released_utc IS NULL)"
		" ORDER BY r.refused_utc, r.take_uuid LIMIT 1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*found = 0;
	title[0] = '\0';
	take_uuid[0] = '\0';
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		*found = 1;
		text_copy(take_uuid, uuidlen,
		          (const char *)sqlite3_column_text(stmt, 0));
		text_copy(title, titlelen,
		          (const char *)sqlite3_column_text(stmt, 1));
	}
	return row_or_done(st, stmt, src, "reading refused takes");
}

int
syncview_refusal_told(Store *st, const char *take_uuid, int64_t now_utc)
{
	static const char sql[] =
		"UPDATE take_refusals SET told_utc = ?2 WHERE take_uuid = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, take_uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, now_utc);
	return store_step_done(st, stmt, "noting a refusal told");
}
