/* script_hub.c -- the headless script's `hub-answer accept|refuse`, for
** the UI tests of what people see of the sync (docs/sync.md): one sync
** of this kiosk with a hub, the hub played here. Everything written here
** is pushed (pushed_seq), and each take still waiting for the hub comes
** back as hub.sql's borne.push would log it -- as it is (accept), or
** released and marked refused (refuse: the mission was full in hub
** order) -- applied by outbox_apply with the triggers off, as
** borne-admin's pull does; then the pull is noted as having reached the
** end of the log. Only the hub's decision is made up: the kiosk's side
** is the code that runs after a real sync. Tests only: no kiosk calls
** it, a script does. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "outbox.h"
#include "syncview.h"
#include "ui_internal.h"

#define HUB_TAKES_MAX 64

static int hub_fail(Store *st, char *err, size_t errlen, int rc);

static int
hub_fail(Store *st, char *err, size_t errlen, int rc)
{
	snprintf(err, errlen, "%s", store_errmsg(st));
	return rc;
}

int
script_hub_answer(Store *st, int refuse, int64_t now_utc, char *err,
                  size_t errlen)
{
	/* The takes written here the hub has not answered yet, as the hub
	** hands them back (hub.sql: released at their taken time, refused). */
	static const char sql_takes[] =
		"SELECT o.row_uuid, CASE WHEN ?1 THEN json_set(o.payload,"
		" '$.released_utc', json_extract(o.payload, '$.taken_utc'),"
		" '$.refused', 1) ELSE o.payload END"
		" FROM outbox o, sync_state s WHERE o.tbl = 'mission_takes'"
		" AND o.op = 'insert' AND o.seq > s.confirmed_seq"
		" AND json_extract(o.payload, '$.released_utc') IS NULL"
		" ORDER BY o.seq";
	static char uuid[HUB_TAKES_MAX][40], payload[HUB_TAKES_MAX][2048];
	sqlite3_stmt *stmt = NULL;
	OutboxState s;
	int n = 0, rc, src;

	if ((rc = outbox_state(st, &s)) != BORNE_OK ||
	    (rc = outbox_mark_pushed(st, s.last_seq, 0)) != BORNE_OK)
		return hub_fail(st, err, errlen, rc);
	if ((rc = store_stmt(st, sql_takes, &stmt)) != BORNE_OK)
		return hub_fail(st, err, errlen, rc);
	sqlite3_bind_int(stmt, 1, refuse);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW && n < HUB_TAKES_MAX) {
		snprintf(uuid[n], sizeof uuid[n], "%s",
		         (const char *)sqlite3_column_text(stmt, 0));
		snprintf(payload[n], sizeof payload[n], "%s",
		         (const char *)sqlite3_column_text(stmt, 1));
		n++;
	}
	rc = src == SQLITE_ROW || src == SQLITE_DONE
	     ? BORNE_OK : store_fail(st, src, "reading the outbox");
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK)
		return hub_fail(st, err, errlen, rc);
	if ((rc = store_begin(st)) != BORNE_OK)
		return hub_fail(st, err, errlen, rc);
	if ((rc = outbox_applying(st, 1)) != BORNE_OK)
		goto fail;
	for (int i = 0; i < n; i++)
		if ((rc = outbox_apply(st, "mission_takes", "insert", uuid[i],
		                       payload[i], now_utc, NULL)) != BORNE_OK)
			goto fail;
	if ((rc = outbox_applying(st, 0)) != BORNE_OK ||
	    (rc = store_commit(st)) != BORNE_OK)
		goto fail;
	if ((rc = syncview_note_pull(st, s.last_seq, 0)) != BORNE_OK ||
	    (rc = outbox_note_sync(st, now_utc, NULL)) != BORNE_OK)
		return hub_fail(st, err, errlen, rc);
	return BORNE_OK;
fail:
	hub_fail(st, err, errlen, rc);
	store_rollback(st);
	return rc;
}
