/* checkin_held.c -- taps held while the clock cannot be trusted (see
** checkin.h and checkin.c).
**
** Taps whose time the kiosk cannot stand behind (its clock is not
** trusted: see clock.h) are held in held_taps with the monotonic time of
** their boot, then replayed through checkin.c's rules once the clock is
** known (checkin_release_held); those of a boot that ended first stay
** held as untimed, for a facilitator to see, and count no hours.
** A held tap keeps its uuid, so its replay is the tap itself, made once. */
#include "checkin.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "checkin_impl.h"

int
checkin_tap_clock(Store *st, const BadgeUid *uid, const TapClock *clk,
                  const char *tap_uuid, CheckinResult *out)
{
	static const char sql_last[] =
		"SELECT mono_ms FROM held_taps WHERE member_id = ?1 AND boot_id = ?2"
		" AND untimed = 0 ORDER BY mono_ms DESC LIMIT 1";
	static const char sql_parity[] =
		"SELECT (SELECT COUNT(*) FROM held_taps WHERE member_id = ?1"
		"        AND untimed = 0),"
		"       EXISTS (SELECT 1 FROM visits WHERE member_id = ?1"
		"               AND out_utc IS NULL)";
	static const char sql_hold[] =
		"INSERT OR IGNORE INTO held_taps(uuid, badge, member_id, boot_id,"
		" mono_ms, seen_utc, kiosk_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	char hex[UID_HEX_SIZE];
	CheckinResult r;
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if (clk->trusted)
		return checkin_tap_id(st, uid, clk->utc, tap_uuid, out);
	memset(&r, 0, sizeof r);
	memset(out, 0, sizeof *out);
	if (uid == NULL || (uid->len != 4 && uid->len != 7 && uid->len != 10))
		return store_set_error(st, BORNE_EINVAL, "badge UID must be 4, 7 or 10 bytes");
	if (tap_uuid == NULL || strlen(tap_uuid) != BORNE_UUID_LEN ||
	    clk->boot_id == NULL || clk->boot_id[0] == '\0')
		return store_set_error(st, BORNE_EINVAL, "tap id or boot id missing");
	uid_format(uid, hex);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	rc = member_by_badge(st, uid, &r.member);
	if (rc == BORNE_ENOTFOUND || (rc == BORNE_OK && !r.member.active)) {
		int unknown = rc == BORNE_ENOTFOUND;

		if (unknown)
			memset(&r.member, 0, sizeof r.member);
		r.outcome = unknown ? CHECKIN_UNKNOWN : CHECKIN_INACTIVE;
		rc = checkin_log_unknown(st, clk->utc, unknown ? "unknown" : "inactive",
		                 unknown ? hex : NULL);
		goto done;
	}
	if (rc != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, sql_last, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, r.member.id);
	sqlite3_bind_text(stmt, 2, clk->boot_id, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW &&
	    clk->mono_ms - sqlite3_column_int64(stmt, 0) <
	    (int64_t)store_rules(st)->checkin_repeat_s * 1000) {
		r.ago_s = (clk->mono_ms - sqlite3_column_int64(stmt, 0)) / 1000;
		if (r.ago_s < 0)
			r.ago_s = 0;
		r.outcome = CHECKIN_IGNORED;
	}
	store_stmt_release(st, stmt);
	if (src != SQLITE_ROW && src != SQLITE_DONE) {
		rc = store_fail(st, src, "reading held taps");
		goto fail;
	}
	if (r.outcome == CHECKIN_IGNORED)
		goto done;
	if ((rc = store_stmt(st, sql_parity, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, r.member.id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		r.held_out = (sqlite3_column_int64(stmt, 0) % 2 == 1) !=
		             (sqlite3_column_int(stmt, 1) != 0);
	store_stmt_release(st, stmt);
	if (src != SQLITE_ROW) {
		rc = store_fail(st, src, "reading held taps");
		goto fail;
	}
	if ((rc = store_stmt(st, sql_hold, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, tap_uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, hex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 3, r.member.id);
	sqlite3_bind_text(stmt, 4, clk->boot_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 5, clk->mono_ms);
	sqlite3_bind_int64(stmt, 6, clk->utc);
	sqlite3_bind_text(stmt, 7, store_rules(st)->kiosk_id, -1, SQLITE_TRANSIENT);
	if ((rc = store_step_done(st, stmt, "holding a tap")) != BORNE_OK)
		goto fail;
	r.outcome = CHECKIN_HELD;
done:
	if (rc != BORNE_OK)
		goto fail;
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	*out = r;
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

typedef struct HeldTap {
	char    uuid[BORNE_UUID_LEN + 1];
	char    badge[UID_HEX_SIZE];
	int64_t id, mono_ms;
} HeldTap;

int
checkin_release_held(Store *st, const char *boot_id, int64_t mono_now_ms,
                     int64_t now_utc, int *n_timed, int *n_untimed)
{
	static const char sql_other[] =
		"UPDATE held_taps SET untimed = 1 WHERE untimed = 0"
		" AND (boot_id <> ?1 OR mono_ms > ?2)";
	static const char sql_mine[] =
		"SELECT id, uuid, badge, mono_ms FROM held_taps"
		" WHERE untimed = 0 AND boot_id = ?1 ORDER BY mono_ms, id";
	static const char sql_untime[] =
		"UPDATE held_taps SET untimed = 1 WHERE id = ?1";
	static const char sql_done[] = "DELETE FROM held_taps WHERE id = ?1";
	HeldTap *list = NULL, *grown;
	size_t n = 0, cap = 0;
	sqlite3_stmt *stmt = NULL;
	int rc, src, timed = 0, untimed;

	if (n_timed != NULL)
		*n_timed = 0;
	if (n_untimed != NULL)
		*n_untimed = 0;
	if (now_utc < BORNE_CLOCK_FLOOR_UTC)
		return store_set_error(st, BORNE_ECLOCK, "the clock is before 2024");
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, sql_other, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, boot_id != NULL ? boot_id : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, mono_now_ms);
	if ((rc = store_step_done(st, stmt, "setting old held taps aside")) != BORNE_OK)
		goto fail;
	untimed = sqlite3_changes(store_db(st));
	if ((rc = store_stmt(st, sql_mine, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, boot_id != NULL ? boot_id : "", -1, SQLITE_TRANSIENT);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap != 0 ? cap * 2 : 16;
			if ((grown = realloc(list, cap * sizeof *list)) == NULL) {
				src = SQLITE_NOMEM;
				break;
			}
			list = grown;
		}
		list[n].id = sqlite3_column_int64(stmt, 0);
		store_col_text(stmt, 1, list[n].uuid, sizeof list[n].uuid);
		store_col_text(stmt, 2, list[n].badge, sizeof list[n].badge);
		list[n].mono_ms = sqlite3_column_int64(stmt, 3);
		n++;
	}
	store_stmt_release(st, stmt);
	if (src != SQLITE_DONE) {
		rc = store_fail(st, src, "reading held taps");
		goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		int64_t at = now_utc - (mono_now_ms - list[i].mono_ms) / 1000;
		BadgeUid uid;
		CheckinResult r;
		int ok = uid_parse(list[i].badge, UID_DEC_LSB_FIRST, &uid, NULL, 0) ==
		         BORNE_OK &&
		         at >= BORNE_CLOCK_FLOOR_UTC;

		if (ok && (rc = checkin_tap_in_tx(st, &uid, at, list[i].uuid, &r)) != BORNE_OK)
			goto fail;
		if ((rc = store_stmt(st, ok ? sql_done : sql_untime, &stmt)) != BORNE_OK)
			goto fail;
		sqlite3_bind_int64(stmt, 1, list[i].id);
		if ((rc = store_step_done(st, stmt, "releasing a held tap")) != BORNE_OK)
			goto fail;
		if (ok)
			timed++;
		else
			untimed++;
	}
	if ((rc = store_commit(st)) != BORNE_OK)
		goto out;
	if (n_timed != NULL)
		*n_timed = timed;
	if (n_untimed != NULL)
		*n_untimed = untimed;
	goto out;
fail:
	store_rollback(st);
out:
	free(list);
	return rc;
}

int
checkin_clock_facts(Store *st, int64_t *newest_tap_utc, int *n_held,
                    int *n_untimed)
{
	static const char sql[] =
		"SELECT MAX(COALESCE((SELECT MAX(in_utc) FROM visits), 0),"
		"           COALESCE((SELECT out_utc FROM visits WHERE auto_closed = 0"
		"                     AND out_utc IS NOT NULL"
		"                     ORDER BY out_utc DESC LIMIT 1), 0)),"
		"       (SELECT COUNT(*) FROM held_taps WHERE untimed = 0),"
		"       (SELECT COUNT(*) FROM held_taps WHERE untimed = 1)";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*newest_tap_utc = 0;
	*n_held = *n_untimed = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		*newest_tap_utc = sqlite3_column_int64(stmt, 0);
		*n_held = sqlite3_column_int(stmt, 1);
		*n_untimed = sqlite3_column_int(stmt, 2);
		rc = BORNE_OK;
	} else {
		rc = store_fail(st, src, "reading the clock's facts");
	}
	store_stmt_release(st, stmt);
	return rc;
}
