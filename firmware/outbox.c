/* outbox.c -- the sync state, the scrub of a forgotten member's changes
** and the rows pulled from the hub (see outbox.h, docs/sync.md). */
#include "outbox.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "borne.h"
#include "privacy.h"
#include "syncview.h"
#include "text.h"

static int  seed(Store *st, int all, int64_t *n);
static int  run(Store *st, const char *sql, const char *t1, const char *t2,
                const char *what);
static int  apply_sql(Store *st, const char *sql, const char *payload,
                      const char *what);
static int  pending_here(Store *st, const char *row_uuid, int *out);
static int  badge_give_way(Store *st, const char *payload, int64_t now_utc);
static int  apply_forget(Store *st, const char *member_uuid, int64_t now_utc);
static int  take_refused(Store *st, const char *payload, int64_t now_utc);

/* The tick of the hybrid logical clock, as the triggers do it. */
#define OUTBOX_NOW "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

/* The rows of the hub, one statement per table; ?1 is the payload.
** Rows pointed to travel by uuid and are found here by it; a row whose
** member is unknown or forgotten here is not written. */
#define J(f) "json_extract(?1, '$." f "')"
static const char sql_members[] =
	"INSERT INTO members(uuid, name, role, minor, active, forgotten,"
	" created_utc) SELECT " J("uuid") ", " J("name") ", " J("role") ", "
	J("minor") ", " J("active") ", " J("forgotten") ", " J("created_utc")
	" WHERE " J("uuid") " IS NOT NULL AND NOT EXISTS"
	" (SELECT 1 FROM forgotten WHERE uuid = " J("uuid") ")"
	" ON CONFLICT(uuid) DO UPDATE SET name = excluded.name,"
	" role = excluded.role, minor = excluded.minor, active = excluded.active"
	" WHERE members.forgotten = 0";
static const char sql_badges[] =
	"INSERT INTO badges(uid, uuid, member_id, added_utc, active)"
	" SELECT " J("uid") ", " J("uuid") ", m.id, " J("added_utc") ", "
	J("active") " FROM members m WHERE m.uuid = " J("member_uuid")
	" AND m.forgotten = 0"
	" ON CONFLICT(uuid) DO UPDATE SET uid = excluded.uid,"
	" member_id = excluded.member_id, active = excluded.active";
static const char sql_days[] =
	"INSERT INTO days(uuid, date, title, open_min, close_min, moved_from,"
	" series_id) SELECT " J("uuid") ", " J("date") ", " J("title") ", "
	J("open_min") ", " J("close_min") ", " J("moved_from") ", (SELECT id"
	" FROM day_series WHERE uuid = " J("series_uuid") ") WHERE NOT EXISTS"
	" (SELECT 1 FROM days WHERE date = " J("date") " AND uuid <> " J("uuid")
	") ON CONFLICT(uuid) DO UPDATE SET date = excluded.date,"
	" title = excluded.title, open_min = excluded.open_min,"
	" close_min = excluded.close_min, moved_from = excluded.moved_from,"
	" series_id = excluded.series_id";
static const char sql_visits[] =
	"INSERT OR IGNORE INTO visits(uuid, member_id, badge, in_utc, out_utc,"
	" out_uuid, auto_closed, out_late, corrected, day_id, kiosk_id)"
	" SELECT " J("uuid") ", m.id, " J("badge") ", " J("in_utc") ", "
	J("out_utc") ", " J("out_uuid") ", " J("auto_closed") ", " J("out_late")
	", " J("corrected") ", (SELECT id FROM days WHERE uuid = " J("day_uuid")
	"), " J("kiosk_id") " FROM members m WHERE m.uuid = " J("member_uuid")
	" ON CONFLICT(uuid) DO UPDATE SET badge = excluded.badge,"
	" in_utc = excluded.in_utc, out_utc = excluded.out_utc,"
	" out_uuid = excluded.out_uuid, auto_closed = excluded.auto_closed,"
	" out_late = excluded.out_late, corrected = excluded.corrected,"
	" day_id = excluded.day_id";
static const char sql_missions[] =
	"INSERT INTO missions(uuid, title, description, category, place,"
	" date_from, date_to, duration_min, places, reward_kind, reward_cents,"
	" minors_ok, outdoor, poster_id, status, reason, created_utc,"
	" updated_utc) SELECT " J("uuid") ", " J("title") ", " J("description")
	", " J("category") ", " J("place") ", " J("date_from") ", " J("date_to")
	", " J("duration_min") ", " J("places") ", " J("reward_kind") ", "
	J("reward_cents") ", " J("minors_ok") ", " J("outdoor") ", m.id, "
	J("status") ", " J("reason") ", " J("created_utc") ", " J("updated_utc")
	" FROM members m WHERE m.uuid = " J("poster_uuid")
	" ON CONFLICT(uuid) DO UPDATE SET title = excluded.title,"
	" description = excluded.description, category = excluded.category,"
	" place = excluded.place, date_from = excluded.date_from,"
	" date_to = excluded.date_to, duration_min = excluded.duration_min,"
	" places = excluded.places, reward_kind = excluded.reward_kind,"
	" reward_cents = excluded.reward_cents, minors_ok = excluded.minors_ok,"
	" outdoor = excluded.outdoor, status = excluded.status,"
	" reason = excluded.reason, updated_utc = excluded.updated_utc";
static const char sql_takes[] =
	"INSERT OR IGNORE INTO mission_takes(uuid, mission_id, member_id,"
	" taken_utc, released_utc) SELECT " J("uuid") ", x.id, m.id, "
	J("taken_utc") ", " J("released_utc") " FROM missions x, members m"
	" WHERE x.uuid = " J("mission_uuid") " AND m.uuid = " J("member_uuid")
	" ON CONFLICT(uuid) DO UPDATE SET released_utc = excluded.released_utc";
static const char sql_audit[] =
	"INSERT OR IGNORE INTO audit(uuid, at_utc, actor_id, action, target_kind,"
	" target_id, detail) SELECT " J("uuid") ", " J("at_utc") ","
	" (SELECT id FROM members WHERE uuid = " J("actor_uuid") "), "
	J("action") ", " J("target_kind") ", COALESCE(CASE " J("target_kind")
	" WHEN 'member' THEN (SELECT id FROM members WHERE uuid = "
	J("target_uuid") ") WHEN 'mission' THEN (SELECT id FROM missions"
	" WHERE uuid = " J("target_uuid") ") END, 0), " J("detail")
	" WHERE " J("uuid") " IS NOT NULL";

/* Schema 12: the quotes, the seasons of days, the streams of a day and
** of a visit, the corrections of visits. A quote's number held here by
** another quote (two kiosks numbered apart before either had its hub
** code) is shown with the start of its uuid after it; a member's second
** waiting quote for one mission, made apart, is the hub's to keep: the
** one here is withdrawn first (sql_quote_way). */
static const char sql_series[] =
	"INSERT INTO day_series(uuid, title, first_date, until_date, created_utc)"
	" SELECT " J("uuid") ", " J("title") ", " J("first_date") ", "
	J("until_date") ", " J("created_utc") " WHERE " J("uuid") " IS NOT NULL"
	" ON CONFLICT(uuid) DO UPDATE SET title = excluded.title,"
	" first_date = excluded.first_date, until_date = excluded.until_date";
static const char sql_quotes[] =
	"INSERT OR IGNORE INTO quotes(uuid, number, mission_id, member_id,"
	" hours_centi, rate_cents, supplies_cents, vat_bp, labour_cents,"
	" ht_cents, vat_cents, ttc_cents, status, told, created_utc,"
	" decided_utc) SELECT " J("uuid") ", CASE WHEN EXISTS (SELECT 1 FROM"
	" quotes WHERE number = " J("number") " AND uuid <> " J("uuid") ") THEN "
	J("number") " || '~' || substr(" J("uuid") ", 1, 4) ELSE " J("number")
	" END, x.id, m.id, " J("hours_centi") ", " J("rate_cents") ", "
	J("supplies_cents") ", " J("vat_bp") ", " J("labour_cents") ", "
	J("ht_cents") ", " J("vat_cents") ", " J("ttc_cents") ", " J("status")
	", " J("told") ", " J("created_utc") ", " J("decided_utc")
	" FROM missions x, members m WHERE x.uuid = " J("mission_uuid")
	" AND m.uuid = " J("member_uuid")
	" ON CONFLICT(uuid) DO UPDATE SET status = excluded.status,"
	" told = excluded.told, decided_utc = excluded.decided_utc";
static const char sql_quote_way[] =
	"UPDATE quotes SET status = 'withdrawn', decided_utc = " J("created_utc")
	" WHERE status = 'proposed' AND " J("status") " = 'proposed'"
	" AND uuid <> " J("uuid") " AND mission_id = (SELECT id FROM missions"
	" WHERE uuid = " J("mission_uuid") ") AND member_id = (SELECT id FROM"
	" members WHERE uuid = " J("member_uuid") ")";
/* Two kiosks naming the same stream of a day apart: the last in hub
** order is the one kept (the name is the same, only its uuid differs). */
static const char sql_stream_way[] =
	"DELETE FROM day_streams WHERE name = " J("name") " AND uuid <> "
	J("uuid") " AND day_id = (SELECT id FROM days WHERE uuid = "
	J("day_uuid") ")";
static const char sql_streams[] =
	"INSERT INTO day_streams(uuid, day_id, pos, name) SELECT " J("uuid")
	", d.id, " J("pos") ", " J("name") " FROM days d WHERE d.uuid = "
	J("day_uuid") " ON CONFLICT(uuid) DO UPDATE SET pos = excluded.pos,"
	" name = excluded.name";
static const char sql_vstreams[] =
	"INSERT OR IGNORE INTO visit_streams(uuid, visit_id, name, from_utc)"
	" SELECT " J("uuid") ", v.id, " J("name") ", " J("from_utc")
	" FROM visits v WHERE v.uuid = " J("visit_uuid")
	" ON CONFLICT(uuid) DO UPDATE SET name = excluded.name,"
	" from_utc = excluded.from_utc";
static const char sql_vfixes[] =
	"INSERT OR IGNORE INTO visit_fixes(uuid, visit_id, at_utc, actor_id,"
	" old_in_utc, old_out_utc, old_auto_closed, old_out_late, new_in_utc,"
	" new_out_utc) SELECT " J("uuid") ", v.id, " J("at_utc") ","
	" (SELECT id FROM members WHERE uuid = " J("actor_uuid") "), "
	J("old_in_utc") ", " J("old_out_utc") ", " J("old_auto_closed") ", "
	J("old_out_late") ", " J("new_in_utc") ", " J("new_out_utc")
	" FROM visits v WHERE v.uuid = " J("visit_uuid");

static const struct {
	const char *tbl;
	const char *upsert;
	const char *del;
	const char *give_way;   /* run first: what here stands in its way */
} tables[] = {
	{ "members",       sql_members,  NULL, NULL },
	{ "badges",        sql_badges,   "DELETE FROM badges WHERE uuid = ?1", NULL },
	{ "day_series",    sql_series,   "DELETE FROM day_series WHERE uuid = ?1",
	  NULL },
	{ "days",          sql_days,     "DELETE FROM days WHERE uuid = ?1", NULL },
	{ "day_streams",   sql_streams,  "DELETE FROM day_streams WHERE uuid = ?1",
	  sql_stream_way },
	{ "visits",        sql_visits,   "DELETE FROM visits WHERE uuid = ?1", NULL },
	{ "visit_streams", sql_vstreams,
	  "DELETE FROM visit_streams WHERE uuid = ?1", NULL },
	{ "visit_fixes",   sql_vfixes,   NULL, NULL },
	{ "missions",      sql_missions, "DELETE FROM missions WHERE uuid = ?1", NULL },
	{ "mission_takes", sql_takes,    "DELETE FROM mission_takes WHERE uuid = ?1",
	  NULL },
	{ "quotes",        sql_quotes,   "DELETE FROM quotes WHERE uuid = ?1",
	  sql_quote_way },
	{ "audit",         sql_audit,    NULL, NULL },
};

static int
run(Store *st, const char *sql, const char *t1, const char *t2,
    const char *what)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	if (t1 != NULL)
		sqlite3_bind_text(stmt, 1, t1, -1, SQLITE_TRANSIENT);
	if (t2 != NULL)
		sqlite3_bind_text(stmt, 2, t2, -1, SQLITE_TRANSIENT);
	return store_step_done(st, stmt, what);
}

int
outbox_state(Store *st, OutboxState *out)
{
	static const char sql[] =
		"SELECT kiosk_uuid, incarnation, pushed_seq, pulled_seq, synced_utc,"
		" hlc_ms, hlc_ctr, last_error, pruned_seq, quote_prefix,"
		" (SELECT COALESCE(max(seq), (SELECT seq FROM sqlite_sequence"
		"  WHERE name = 'outbox'), 0) FROM outbox),"
		" (SELECT count(*) FROM outbox o WHERE o.seq > s.pushed_seq),"
		" (SELECT count(*) FROM audit WHERE action = 'badge.taken_elsewhere'),"
		" " OUTBOX_JOINED ", s.update_required, s.skipped_from,"
		" s.skipped_schema"
		" FROM sync_state s";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	memset(out, 0, sizeof *out);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		text_copy(out->kiosk_uuid, sizeof out->kiosk_uuid,
		          (const char *)sqlite3_column_text(stmt, 0));
		out->incarnation = sqlite3_column_int(stmt, 1);
		out->pushed_seq = sqlite3_column_int64(stmt, 2);
		out->pulled_seq = sqlite3_column_int64(stmt, 3);
		out->synced_utc = sqlite3_column_int64(stmt, 4);
		out->hlc_ms = sqlite3_column_int64(stmt, 5);
		out->hlc_ctr = sqlite3_column_int64(stmt, 6);
		text_copy(out->last_error, sizeof out->last_error,
		          (const char *)sqlite3_column_text(stmt, 7));
		out->pruned_seq = sqlite3_column_int64(stmt, 8);
		text_copy(out->quote_prefix, sizeof out->quote_prefix,
		          (const char *)sqlite3_column_text(stmt, 9));
		out->last_seq = sqlite3_column_int64(stmt, 10);
		out->pending = sqlite3_column_int64(stmt, 11);
		out->badges_taken = sqlite3_column_int64(stmt, 12);
		out->joined = sqlite3_column_int(stmt, 13);
		out->update_required = sqlite3_column_int(stmt, 14);
		out->skipped_from = sqlite3_column_int64(stmt, 15);
		out->skipped_schema = sqlite3_column_int(stmt, 16);
		rc = BORNE_OK;
	} else {
		rc = src == SQLITE_DONE
		     ? store_set_error(st, BORNE_EDB, "no sync state")
		     : store_fail(st, src, "reading the sync state");
	}
	store_stmt_release(st, stmt);
	return rc;
}

int
outbox_hlc_of(Store *st, int64_t seq, char *out, size_t outlen)
{
	static const char sql[] = "SELECT hlc FROM outbox WHERE seq = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	out[0] = '\0';
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, seq);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		text_copy(out, outlen, (const char *)sqlite3_column_text(stmt, 0));
	rc = src == SQLITE_ROW || src == SQLITE_DONE
	     ? BORNE_OK : store_fail(st, src, "reading the outbox");
	store_stmt_release(st, stmt);
	return rc;
}

int
outbox_mark_pushed(Store *st, int64_t seq, int back)
{
	static const char sql_up[] =
		"UPDATE sync_state SET pushed_seq = MAX(pushed_seq, ?1)";
	static const char sql_back[] = "UPDATE sync_state SET pushed_seq = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, back ? sql_back : sql_up, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, seq);
	return store_step_done(st, stmt, "marking the outbox sent");
}

/* Every travelling table, in the order that lets a kiosk applying the
** changes find what each row points to. An update that changes nothing
** still fires the outbox's trigger (visit_fixes: only its uuid may be
** touched, its times are append-only). Whole strings: store_stmt keeps
** its statements by their text's address. */
#define SEED(t) "UPDATE " t " SET uuid = uuid"
#define SEED_NEW(t) SEED(t) " WHERE uuid NOT IN (SELECT row_uuid FROM outbox)"
#define SEED_TABLES(f) { f("members"), f("day_series"), f("days"), \
	f("day_streams"), f("badges"), f("missions"), f("mission_takes"), \
	f("quotes"), f("visits"), f("visit_streams"), f("visit_fixes"), \
	f("audit") }
static const char *const seed_all[] = SEED_TABLES(SEED);
static const char *const seed_new[] = SEED_TABLES(SEED_NEW);

static int
seed(Store *st, int all, int64_t *n)
{
	const char *const *sql = all ? seed_all : seed_new;
	int64_t total = 0;
	int rc;

	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	for (size_t i = 0; i < sizeof seed_all / sizeof seed_all[0]; i++) {
		if ((rc = run(st, sql[i], NULL, NULL, "seeding the outbox"))
		    != BORNE_OK)
			goto fail;
		total += sqlite3_changes(store_db(st));
	}
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	if (n != NULL)
		*n = total;
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

int
outbox_seed(Store *st, int64_t *n)
{
	return seed(st, 0, n);
}

int
outbox_reseed(Store *st, int64_t *n)
{
	return seed(st, 1, n);
}

int
outbox_prune(Store *st, int64_t now_utc, int keep_days, int64_t *n)
{
	/* Only what the hub took and ordered (confirmed_seq: a take up to
	** it is no longer shown waiting, syncview.c), and only past the
	** retention by the wall clock of the change (0 days: all of it).
	** pruned_seq remembers the newest change deleted: a hub restored to
	** before it gets the rows again. */
	static const char sql_mark[] =
		"UPDATE sync_state SET pruned_seq = MAX(pruned_seq, COALESCE((SELECT"
		" max(seq) FROM outbox WHERE seq <= (SELECT MIN(pushed_seq,"
		" confirmed_seq) FROM sync_state) AND (?2 = 0 OR wall_ms < ?1)), 0))";
	static const char sql_del[] =
		"DELETE FROM outbox WHERE seq <= (SELECT pruned_seq FROM sync_state)";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (n != NULL)
		*n = 0;
	if (keep_days < 0)
		return BORNE_OK;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, sql_mark, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, (now_utc - (int64_t)keep_days * 86400) * 1000);
	sqlite3_bind_int(stmt, 2, keep_days);
	if ((rc = store_step_done(st, stmt, "pruning the outbox")) != BORNE_OK ||
	    (rc = run(st, sql_del, NULL, NULL, "pruning the outbox")) != BORNE_OK)
		goto fail;
	if (n != NULL)
		*n = sqlite3_changes(store_db(st));
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
outbox_set_quote_prefix(Store *st, const char *code)
{
	return run(st, "UPDATE sync_state SET quote_prefix = upper(?1)", code,
	           NULL, "noting the kiosk's code");
}

int
outbox_set_pulled(Store *st, int64_t seq)
{
	static const char sql[] = "UPDATE sync_state SET pulled_seq = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, seq);
	return store_step_done(st, stmt, "moving the pull cursor");
}

int
outbox_synced_utc(Store *st, int64_t *out)
{
	static const char sql[] = "SELECT synced_utc FROM sync_state";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*out = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	rc = src == SQLITE_ROW || src == SQLITE_DONE
	     ? BORNE_OK : store_fail(st, src, "reading the sync state");
	store_stmt_release(st, stmt);
	return rc;
}

int
outbox_mark_pulled(Store *st, int64_t seq)
{
	static const char sql[] =
		"UPDATE sync_state SET pulled_seq = MAX(pulled_seq, ?1)";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, seq);
	return store_step_done(st, stmt, "marking the hub's changes applied");
}

int
outbox_set_incarnation(Store *st, int incarnation)
{
	static const char sql[] = "UPDATE sync_state SET incarnation = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int(stmt, 1, incarnation);
	return store_step_done(st, stmt, "taking a new incarnation");
}

int
outbox_note_sync(Store *st, int64_t now_utc, const char *error)
{
	static const char sql_ok[] =
		"UPDATE sync_state SET synced_utc = ?1, last_error = ''";
	static const char sql_err[] = "UPDATE sync_state SET last_error = ?2";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, error == NULL ? sql_ok : sql_err, &stmt))
	    != BORNE_OK)
		return rc;
	if (error == NULL)
		sqlite3_bind_int64(stmt, 1, now_utc);
	else
		sqlite3_bind_text(stmt, 2, error, -1, SQLITE_TRANSIENT);
	return store_step_done(st, stmt, "noting the sync");
}

int
outbox_set_clock(Store *st, const char *boot_id, int trusted)
{
	static const char sql[] =
		"UPDATE sync_state SET boot_id = ?1, wall_trusted = ?2";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, boot_id != NULL ? boot_id : "", -1,
	                  SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 2, trusted ? 1 : 0);
	return store_step_done(st, stmt, "noting the clock");
}

int
outbox_applying(Store *st, int on)
{
	return run(st, on ? "UPDATE sync_state SET applying = 1"
	                  : "UPDATE sync_state SET applying = 0",
	           NULL, NULL, "switching the outbox");
}

int
outbox_forget_member(Store *st, const char *member_uuid)
{
	/* The member's own rows, their badges and visits (the visits go
	** again, blanked, by the forget's own writes), the log about them. */
	static const char sql_scrub[] =
		"UPDATE outbox SET op = 'scrubbed', payload = '{}'"
		" WHERE op NOT IN ('forget', 'scrubbed') AND ("
		"  (tbl = 'members' AND row_uuid = ?1)"
		"  OR (tbl IN ('badges', 'visits')"
		"      AND json_extract(payload, '$.member_uuid') = ?1)"
		"  OR (tbl = 'audit' AND json_extract(payload, '$.target_uuid') = ?1))";
	static const char sql_tick[] =
		"UPDATE sync_state SET hlc_ctr = CASE WHEN " OUTBOX_NOW " > hlc_ms"
		"  THEN 0 ELSE hlc_ctr + 1 END, hlc_ms = MAX(hlc_ms, " OUTBOX_NOW "),"
		"  wall_ms = " OUTBOX_NOW " WHERE applying = 0";
	static const char sql_forget[] =
		"INSERT INTO outbox(tbl, row_uuid, op, payload, hlc, wall_ms,"
		" wall_trusted, boot_id, schema_version)"
		" SELECT 'members', ?1, 'forget', json_object('uuid', ?1),"
		" printf('%015d.%06d.%s', hlc_ms, hlc_ctr, kiosk_uuid), wall_ms,"
		" wall_trusted, boot_id, schema_version FROM sync_state"
		" WHERE applying = 0";
	int rc;

	if ((rc = run(st, sql_scrub, member_uuid, NULL,
	              "scrubbing the outbox")) != BORNE_OK ||
	    (rc = run(st, sql_tick, NULL, NULL, "ticking the clock")) != BORNE_OK)
		return rc;
	return run(st, sql_forget, member_uuid, NULL, "writing the forget");
}

int
outbox_observe_hlc(Store *st, const char *hlc)
{
	static const char sql[] =
		"UPDATE sync_state SET"
		" hlc_ctr = CASE WHEN ?1 > hlc_ms THEN ?2"
		"  WHEN ?1 = hlc_ms THEN MAX(hlc_ctr, ?2) ELSE hlc_ctr END,"
		" hlc_ms = MAX(hlc_ms, ?1)";
	sqlite3_stmt *stmt = NULL;
	long long ms, ctr;
	int rc;

	if (hlc == NULL || sscanf(hlc, "%lld.%lld.", &ms, &ctr) != 2)
		return BORNE_OK;        /* not a clock: nothing to learn */
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, ms);
	sqlite3_bind_int64(stmt, 2, ctr);
	return store_step_done(st, stmt, "moving the clock");
}

static int
apply_sql(Store *st, const char *sql, const char *payload, const char *what)
{
	return run(st, sql, payload, NULL, what);
}

static int
pending_here(Store *st, const char *row_uuid, int *out)
{
	static const char sql[] =
		"SELECT 1 FROM outbox WHERE row_uuid = ?1 AND op <> 'scrubbed'"
		" AND seq > (SELECT pushed_seq FROM sync_state) LIMIT 1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, row_uuid, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	*out = src == SQLITE_ROW;
	rc = src == SQLITE_ROW || src == SQLITE_DONE
	     ? BORNE_OK : store_fail(st, src, "reading the outbox");
	store_stmt_release(st, stmt);
	return rc;
}

/* The hub gave this badge's uid to someone first: a badge of this kiosk
** holding the same uid under another uuid goes, and the facilitators
** find why in the audit log. */
static int
badge_give_way(Store *st, const char *payload, int64_t now_utc)
{
	static const char sql_find[] =
		"SELECT b.member_id, b.uid FROM badges b"
		" WHERE b.uid = json_extract(?1, '$.uid')"
		" AND b.uuid <> json_extract(?1, '$.uuid')";
	static const char sql_del[] =
		"DELETE FROM badges WHERE uid = json_extract(?1, '$.uid')"
		" AND uuid <> json_extract(?1, '$.uuid')";
	sqlite3_stmt *stmt = NULL;
	char detail[128];
	int64_t member = 0;
	int rc, src;

	if ((rc = store_stmt(st, sql_find, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, payload, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		member = sqlite3_column_int64(stmt, 0);
		snprintf(detail, sizeof detail, "%s",
		         (const char *)sqlite3_column_text(stmt, 1));
	}
	rc = src == SQLITE_ROW || src == SQLITE_DONE
	     ? BORNE_OK : store_fail(st, src, "reading badges");
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK || member == 0)
		return rc;
	if ((rc = apply_sql(st, sql_del, payload, "giving a badge way"))
	    != BORNE_OK)
		return rc;
	return audit_log(st, 0, "badge.taken_elsewhere", "member", member, detail,
	                 now_utc);
}

/* The hub refused a take made here while apart (the mission was full
** in hub order): the take is released like the others, and the log says
** so, for the member's next tap and the facilitators. */
static int
take_refused(Store *st, const char *payload, int64_t now_utc)
{
	static const char sql[] =
		"SELECT t.mission_id, t.member_id, t.uuid FROM mission_takes t"
		" WHERE t.uuid = json_extract(?1, '$.uuid')"
		" AND t.released_utc IS NULL"
		" AND json_extract(?1, '$.refused') = 1";
	sqlite3_stmt *stmt = NULL;
	char detail[32], take[40] = "";
	int64_t mission = 0;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, payload, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		mission = sqlite3_column_int64(stmt, 0);
		snprintf(detail, sizeof detail, "member #%lld",
		         (long long)sqlite3_column_int64(stmt, 1));
		text_copy(take, sizeof take,
		          (const char *)sqlite3_column_text(stmt, 2));
	}
	rc = src == SQLITE_ROW || src == SQLITE_DONE
	     ? BORNE_OK : store_fail(st, src, "reading takes");
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK || mission == 0)
		return rc;
	/* told at the member's next tap (syncview.h) */
	if ((rc = syncview_take_refused(st, take, now_utc)) != BORNE_OK)
		return rc;
	return audit_log(st, 0, "mission.take_refused", "mission", mission,
	                 detail, now_utc);
}

static int
apply_forget(Store *st, const char *member_uuid, int64_t now_utc)
{
	static const char sql_find[] =
		"SELECT id, forgotten FROM members WHERE uuid = ?1";
	static const char sql_list[] =
		"INSERT OR IGNORE INTO forgotten(uuid, forgotten_utc)"
		" VALUES (?1, CAST(?2 AS INTEGER))";
	sqlite3_stmt *stmt = NULL;
	char now[24];
	int64_t id = 0;
	int forgotten = 0, rc, src;

	if ((rc = store_stmt(st, sql_find, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, member_uuid, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		id = sqlite3_column_int64(stmt, 0);
		forgotten = sqlite3_column_int(stmt, 1);
	}
	rc = src == SQLITE_ROW || src == SQLITE_DONE
	     ? BORNE_OK : store_fail(st, src, "reading members");
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK)
		return rc;
	if (id != 0 && !forgotten)
		return privacy_forget_member(st, id, 0, now_utc);
	if ((rc = outbox_forget_member(st, member_uuid)) != BORNE_OK)
		return rc;
	snprintf(now, sizeof now, "%lld", (long long)now_utc);
	return run(st, sql_list, member_uuid, now, "listing a forgotten member");
}

int
outbox_knows(const char *tbl, const char *op)
{
	if (strcmp(op, "scrubbed") == 0 || strcmp(op, "forget") == 0)
		return 1;
	if (strcmp(op, "insert") != 0 && strcmp(op, "update") != 0 &&
	    strcmp(op, "delete") != 0)
		return 0;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i].tbl, tbl) == 0)
			return 1;
	return 0;
}

int
outbox_note_skipped(Store *st, int64_t hub_seq, int version)
{
	static const char sql[] =
		"UPDATE sync_state SET skipped_from = CASE WHEN skipped_from = 0"
		" THEN ?1 ELSE MIN(skipped_from, ?1) END,"
		" skipped_schema = MAX(skipped_schema, ?2)";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, hub_seq);
	sqlite3_bind_int(stmt, 2, version);
	return store_step_done(st, stmt, "noting a change passed over");
}

int
outbox_skip_reset(Store *st)
{
	static const char sql[] =
		"UPDATE sync_state SET pulled_seq = MIN(pulled_seq, skipped_from - 1),"
		" skipped_from = 0, skipped_schema = 0"
		" WHERE skipped_from > 0 AND skipped_schema <= ?1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int(stmt, 1, store_schema_latest());
	return store_step_done(st, stmt, "pulling again what was passed over");
}

int
outbox_apply(Store *st, const char *tbl, const char *op,
             const char *row_uuid, const char *payload, int64_t now_utc,
             int *applied)
{
	int pending = 0, rc;
	size_t i;

	if (applied != NULL)
		*applied = 0;
	if (strcmp(op, "scrubbed") == 0)
		return BORNE_OK;
	if (strcmp(op, "forget") == 0) {
		if ((rc = apply_forget(st, row_uuid, now_utc)) == BORNE_OK &&
		    applied != NULL)
			*applied = 1;
		return rc;
	}
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i].tbl, tbl) == 0)
			break;
	if (i == sizeof tables / sizeof tables[0])
		return BORNE_OK;        /* a table this version does not know */
	if ((rc = pending_here(st, row_uuid, &pending)) != BORNE_OK)
		return rc;
	if (pending)
		return BORNE_OK;
	if (strcmp(op, "delete") == 0) {
		if (tables[i].del == NULL)
			return BORNE_OK;
		rc = run(st, tables[i].del, row_uuid, NULL, "deleting a hub row");
	} else {
		if (strcmp(tbl, "badges") == 0 &&
		    (rc = badge_give_way(st, payload, now_utc)) != BORNE_OK)
			return rc;
		if (strcmp(tbl, "mission_takes") == 0 &&
		    (rc = take_refused(st, payload, now_utc)) != BORNE_OK)
			return rc;
		if (tables[i].give_way != NULL &&
		    (rc = apply_sql(st, tables[i].give_way, payload,
		                    "giving way to a hub row")) != BORNE_OK)
			return rc;
		rc = apply_sql(st, tables[i].upsert, payload, "writing a hub row");
	}
	if (rc == BORNE_OK && applied != NULL)
		*applied = sqlite3_changes(store_db(st)) > 0;
	return rc;
}
