/* test_outbox.c -- the outbox of the hub sync (outbox.c, schema version
** 10): one change per write in the write's own transaction, the hybrid
** logical clock, the scrub at forget, and the rows applied from the hub
** (with the triggers off) on a second kiosk's database. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core_fixture.h"
#include "checkin.h"
#include "member.h"
#include "outbox.h"
#include "privacy.h"
#include "uid.h"

static int64_t add_member(Store *st, const char *name, const char *badge);
static void    tap(Store *st, const char *badge, int64_t at);
static long long changes(Store *st);
static void    copy_changes(Store *from, Store *to, int64_t after);

static int64_t
add_member(Store *st, const char *name, const char *badge)
{
	BadgeUid u;
	int64_t id = 0;

	CHECK_INT(uid_parse(badge, UID_DEC_LSB_FIRST, &u, NULL, 0), BORNE_OK);
	CHECK_INT(member_add(st, name, ROLE_COOPERATOR, 0, &u, NULL, 0,
	                     fx_t("2026-03-04T09:00"), &id), BORNE_OK);
	return id;
}

static void
tap(Store *st, const char *badge, int64_t at)
{
	BadgeUid u;
	CheckinResult r;

	CHECK_INT(uid_parse(badge, UID_DEC_LSB_FIRST, &u, NULL, 0), BORNE_OK);
	CHECK_INT(checkin_tap(st, &u, at, &r), BORNE_OK);
}

static long long
changes(Store *st)
{
	return fx_sql_int(st, "SELECT count(*) FROM outbox");
}

/* What the hub would hand out: from's changes after seq, in order,
** applied to `to` in one transaction with its triggers off. */
static void
copy_changes(Store *from, Store *to, int64_t after)
{
	sqlite3_stmt *stmt = NULL;

	CHECK_INT(sqlite3_prepare_v2(store_db(from), "SELECT tbl, op, row_uuid,"
	                             " payload, hlc FROM outbox WHERE seq > ?1"
	                             " ORDER BY seq", -1, &stmt, NULL), SQLITE_OK);
	sqlite3_bind_int64(stmt, 1, after);
	CHECK_INT(store_begin(to), BORNE_OK);
	CHECK_INT(outbox_applying(to, 1), BORNE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		CHECK_INT(outbox_observe_hlc(to, (const char *)
		                             sqlite3_column_text(stmt, 4)), BORNE_OK);
		CHECK_INT(outbox_apply(to, (const char *)sqlite3_column_text(stmt, 0),
		                       (const char *)sqlite3_column_text(stmt, 1),
		                       (const char *)sqlite3_column_text(stmt, 2),
		                       (const char *)sqlite3_column_text(stmt, 3),
		                       fx_t("2026-03-05T10:00"), NULL), BORNE_OK);
	}
	sqlite3_finalize(stmt);
	CHECK_INT(outbox_applying(to, 0), BORNE_OK);
	CHECK_INT(store_commit(to), BORNE_OK);
}

/* A member with a badge: the member, the badge and the audit line, each
** one change, the badge pointing to its member by uuid; a check-in, one
** change; the clock's hlc grows with seq. */
static void
test_one_change_per_write(Store *st)
{
	OutboxState s;
	long long before;

	CHECK_INT(outbox_state(st, &s), BORNE_OK);
	CHECK_INT((int)strlen(s.kiosk_uuid), 36);
	CHECK_INT(s.incarnation, 1);
	CHECK_INT(s.last_seq, 0);
	add_member(st, "Awa Diallo", "04A1B2C3");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM outbox WHERE tbl ="
	                         " 'members' AND op = 'insert'"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM outbox o, members m"
	                         " WHERE o.tbl = 'badges' AND json_extract(o.payload,"
	                         " '$.member_uuid') = m.uuid AND json_extract("
	                         "o.payload, '$.uid') = '04A1B2C3'"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM outbox WHERE"
	                         " payload LIKE '%pin_hash%'"), 0);
	before = changes(st);
	tap(st, "04A1B2C3", fx_t("2026-03-04T09:30"));
	CHECK_INT(changes(st), before + 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM outbox WHERE tbl = 'visits'"
	                         " AND json_extract(payload, '$.badge') = '04A1B2C3'"
	                         " AND schema_version = (SELECT schema_version"
	                         " FROM sync_state) AND schema_version > 8"), 1);
	/* hlc never goes back along seq */
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM outbox a JOIN outbox b"
	                         " ON b.seq = a.seq + 1 WHERE b.hlc <= a.hlc"), 0);
	CHECK_INT(outbox_state(st, &s), BORNE_OK);
	CHECK_INT(s.pending, changes(st));
}

/* A write rolled back leaves no change; a refused one neither; rows
** applied from the hub make none. */
static void
test_same_transaction(Store *st)
{
	long long before = changes(st);
	BadgeUid u;
	int64_t id;

	CHECK_INT(store_begin(st), BORNE_OK);
	add_member(st, "Basile Roux", "04B1B2C3");
	CHECK(changes(st) > before);
	store_rollback(st);
	CHECK_INT(changes(st), before);
	CHECK_INT(uid_parse("04A1B2C3", UID_DEC_LSB_FIRST, &u, NULL, 0), BORNE_OK);
	CHECK(member_add(st, "Chloé", ROLE_COOPERATOR, 0, &u, NULL, 0, 1, &id)
	      != BORNE_OK);             /* the badge is Awa's */
	CHECK_INT(changes(st), before);
	CHECK_INT(outbox_applying(st, 1), BORNE_OK);
	CHECK_INT(sqlite3_exec(store_db(st), "UPDATE members SET minor = 0",
	                       NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(outbox_applying(st, 0), BORNE_OK);
	CHECK_INT(changes(st), before);
}

/* The clock set back a day, or reopened: the hlc still grows. */
static void
test_clock(Store *st, const char *name)
{
	OutboxState a, b;

	CHECK_INT(sqlite3_exec(store_db(st), "UPDATE sync_state SET hlc_ms ="
	                       " hlc_ms + 86400000", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(outbox_state(st, &a), BORNE_OK);
	tap(st, "04A1B2C3", fx_t("2026-03-04T18:00"));
	CHECK_INT(outbox_state(st, &b), BORNE_OK);
	CHECK_INT(b.hlc_ms, a.hlc_ms);
	CHECK_INT(b.hlc_ctr, a.hlc_ctr + 1);
	store_close(st);
	st = fx_open(name);
	CHECK_INT(outbox_state(st, &a), BORNE_OK);
	CHECK_INT(a.hlc_ms, b.hlc_ms);
	CHECK_INT(outbox_observe_hlc(st, "999999999999999.000007.x"), BORNE_OK);
	CHECK_INT(outbox_state(st, &a), BORNE_OK);
	CHECK_INT(a.hlc_ms, 999999999999999LL);
	CHECK_INT(a.hlc_ctr, 7);
	store_close(st);
}

/* Kiosk B takes A's changes: the member, the badge, the visits; none of
** them go back into B's outbox. B's own badge for the same uid gives way
** and B's facilitators find it in the log. A's forget reaches B. */
static void
test_apply(void)
{
	Store *a = fx_open("a.db"), *b = fx_open("b.db");
	int64_t zoe, awa_b;
	long long b_changes;

	CHECK(fx_sql_int(a, "SELECT count(*) FROM sync_state s1, (SELECT 1)") == 1);
	add_member(a, "Awa Diallo", "04C1C2C3");
	tap(a, "04C1C2C3", fx_t("2026-03-04T09:30"));
	zoe = add_member(b, "Zoé Martin", "04C1C2C3");   /* same badge, offline */
	b_changes = changes(b);
	copy_changes(a, b, 0);
	CHECK_INT(changes(b), b_changes);
	awa_b = fx_sql_int(b, "SELECT id FROM members WHERE name = 'Awa Diallo'");
	CHECK(awa_b > 0);
	CHECK_INT(fx_sql_int(b, "SELECT member_id FROM badges WHERE uid ="
	                        " '04C1C2C3'"), awa_b);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM visits v, members m WHERE"
	                        " v.member_id = m.id AND m.name = 'Awa Diallo'"), 1);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM audit WHERE action ="
	                        " 'badge.taken_elsewhere' AND target_kind = 'member'"
	                        " AND target_id = (SELECT id FROM members WHERE"
	                        " name = 'Zoé Martin')"), 1);
	(void)zoe;
	/* Applying the same changes again changes nothing. */
	copy_changes(a, b, 0);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM visits"), 1);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM members"), 2);
	store_close(a);
	store_close(b);
}

/* Forgetting scrubs every change about the member that names them, and
** writes one forget change; on B the forget forgets too, and an old row
** of A arriving later does not bring the member back. */
static void
test_forget(void)
{
	Store *a = fx_open("fa.db"), *b = fx_open("fb.db");
	int64_t id, mark;

	id = add_member(a, "Dounia Benali", "04D1D2D3");
	tap(a, "04D1D2D3", fx_t("2026-03-04T09:30"));
	copy_changes(a, b, 0);
	mark = fx_sql_int(a, "SELECT max(seq) FROM outbox");
	CHECK_INT(privacy_forget_member(a, id, 0, fx_t("2026-03-05T09:00")),
	          BORNE_OK);
	CHECK_INT(fx_sql_int(a, "SELECT count(*) FROM outbox WHERE payload LIKE"
	                        " '%Dounia%' OR payload LIKE '%04D1D2D3%'"), 0);
	CHECK_INT(fx_sql_int(a, "SELECT count(*) FROM outbox WHERE op = 'forget'"),
	          1);
	/* the visit still travels, blanked, for the hours */
	CHECK(fx_sql_int(a, "SELECT count(*) FROM outbox WHERE tbl = 'visits'"
	                    " AND json_extract(payload, '$.badge') = ''") >= 1);
	copy_changes(a, b, mark);
	CHECK_INT(fx_sql_int(b, "SELECT forgotten FROM members WHERE uuid ="
	                        " (SELECT row_uuid FROM outbox WHERE op = 'forget')"),
	          -1);   /* not in B's outbox: B only applied it */
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM members WHERE name LIKE"
	                        " 'Dounia%'"), 0);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM members WHERE forgotten = 1"),
	          1);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM badges"), 0);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM outbox WHERE op = 'forget'"),
	          0);
	/* A's old changes once more, say from a kiosk that missed the forget */
	copy_changes(a, b, 0);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM members WHERE name LIKE"
	                        " 'Dounia%'"), 0);
	store_close(a);
	store_close(b);
}

int
main(void)
{
	Store *st;

	fx_setup();
	timeutil_init();
	st = fx_open("outbox.db");
	test_one_change_per_write(st);
	test_same_transaction(st);
	test_clock(st, "outbox.db");
	test_apply();
	test_forget();
	return check_done();
}
