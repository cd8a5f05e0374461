/* test_outbox.c -- the outbox of the hub sync (outbox.c, schema version
** 10): one change per write in the write's own transaction, the hybrid
** logical clock, the scrub at forget, and the rows applied from the hub
** (with the triggers off) on a second kiosk's database. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "core_fixture.h"
#include "checkin.h"
#include "day.h"
#include "member.h"
#include "outbox.h"
#include "syncview.h"
#include "privacy.h"
#include "quote.h"
#include "stream.h"
#include "uid.h"

static int64_t add_member(Store *st, const char *name, const char *badge);
static void    tap(Store *st, const char *badge, int64_t at);
static long long changes(Store *st);
static int64_t quote_mission(Store *st, const char *uuid, int64_t poster);
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

/* A mission whose price is to discuss, open, posted by poster. */
static int64_t
quote_mission(Store *st, const char *uuid, int64_t poster)
{
	char sql[320];

	snprintf(sql, sizeof sql, "INSERT INTO missions(uuid, title, category,"
	         " reward_kind, poster_id, status, created_utc, updated_utc)"
	         " VALUES ('%s', 'Peindre', 'bricolage', 'quote', %lld, 'open',"
	         " 10, 10)", uuid, (long long)poster);
	CHECK_INT(sqlite3_exec(store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	return fx_sql_int(st, "SELECT max(id) FROM missions");
}

/* Schema 12: quotes, day series, a day's streams, a visit's streams and
** its corrections each make a change pointing to their rows by uuid, and
** B gets them all. Quote numbers: a kiosk with its hub code numbers
** under it; two kiosks that numbered apart before having one keep both
** quotes, the other kiosk's shown with the start of its uuid. */
static void
test_travel(void)
{
	Store *a = fx_open("ta.db"), *b = fx_open("tb.db");
	static const char *const streams[] = { "Chantier", "Communication" };
	int64_t awa, poster, m, q1, q2, day, visit, poster_b, m_b, q_b;
	int64_t now = fx_t("2026-03-04T12:00");

	awa = add_member(a, "Awa Diallo", "04E1E2E3");
	poster = add_member(a, "Paul Poste", "04E1E2E4");
	m = quote_mission(a, "mission-a", poster);
	CHECK_INT(quote_add(a, m, awa, 150, 2000, 0, now, &q1, NULL), BORNE_OK);
	CHECK_INT(fx_sql_int(a, "SELECT number = 'D2026-0001' FROM quotes"), 1);
	CHECK_INT(outbox_set_quote_prefix(a, "b"), BORNE_OK);
	{
		int64_t cleo = add_member(a, "Cléo", "04E1E2E5");

		CHECK_INT(quote_add(a, m, cleo, 100, 2500, 0, now, &q2, NULL),
		          BORNE_OK);
	}
	CHECK_INT(fx_sql_int(a, "SELECT count(*) FROM quotes WHERE number ="
	                        " 'D2026-B-0001'"), 1);
	CHECK_INT(fx_sql_int(a, "SELECT count(*) FROM outbox WHERE tbl = 'quotes'"
	                        " AND json_extract(payload, '$.mission_uuid') ="
	                        " 'mission-a'"), 2);
	/* a season, a day of it, its streams; a visit that day, its stream,
	** its correction */
	CHECK_INT(sqlite3_exec(store_db(a),
		"INSERT INTO day_series(uuid, title, first_date, until_date,"
		" created_utc) VALUES ('series-a', 'Mercredis', '2026-03-04',"
		" '2026-06-24', 5);"
		"INSERT INTO days(uuid, date, title, open_min, close_min, series_id)"
		" VALUES ('day-a', '2026-03-04', 'Mercredi', 540, 1080,"
		" (SELECT id FROM day_series WHERE uuid = 'series-a'));",
		NULL, NULL, NULL), SQLITE_OK);
	day = fx_sql_int(a, "SELECT id FROM days WHERE uuid = 'day-a'");
	CHECK_INT(day_set_streams(a, day, streams, 2, 0, now), BORNE_OK);
	tap(a, "04E1E2E3", fx_t("2026-03-04T09:30"));
	visit = fx_sql_int(a, "SELECT max(id) FROM visits");
	CHECK_INT(stream_choose(a, visit, "Chantier", fx_t("2026-03-04T09:31")),
	          BORNE_OK);
	tap(a, "04E1E2E3", fx_t("2026-03-04T12:30"));
	CHECK_INT(checkin_fix(a, visit, fx_t("2026-03-04T09:00"),
	                      fx_t("2026-03-04T12:30"), 0,
	                      fx_t("2026-03-04T13:00")), BORNE_OK);
	CHECK_INT(fx_sql_int(a, "SELECT count(*) FROM outbox WHERE tbl IN"
	                        " ('day_series', 'day_streams', 'visit_streams',"
	                        " 'visit_fixes')"), 5);
	CHECK_INT(fx_sql_int(a, "SELECT count(*) FROM outbox WHERE tbl = 'days'"
	                        " AND json_extract(payload, '$.series_uuid') ="
	                        " 'series-a'"), 1);

	/* B numbered its own quote before it had a code */
	poster_b = add_member(b, "Bea", "04E1E2E6");
	m_b = quote_mission(b, "mission-b", poster_b);
	{
		int64_t yann = add_member(b, "Yann", "04E1E2E7");

		CHECK_INT(quote_add(b, m_b, yann, 100, 2000, 0, now, &q_b, NULL),
		          BORNE_OK);
	}
	copy_changes(a, b, 0);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM quotes"), 3);
	CHECK_INT(fx_sql_int(b, "SELECT count(DISTINCT number) FROM quotes"), 3);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM quotes q, missions x WHERE"
	                        " q.mission_id = x.id AND x.uuid = 'mission-a' AND"
	                        " q.number IN ('D2026-B-0001',"
	                        " 'D2026-0001~' || substr(q.uuid, 1, 4))"), 2);
	CHECK_INT(fx_sql_int(b, "SELECT number = 'D2026-0001' FROM quotes WHERE"
	                        " id = (SELECT min(id) FROM quotes)"), 1);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM days d, day_series s WHERE"
	                        " d.series_id = s.id AND s.uuid = 'series-a'"
	                        " AND d.uuid = 'day-a'"), 1);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM day_streams s JOIN days d"
	                        " ON d.id = s.day_id WHERE d.uuid = 'day-a'"), 2);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM visit_streams s JOIN"
	                        " visits v ON v.id = s.visit_id WHERE s.name ="
	                        " 'Chantier'"), 1);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM visit_fixes f JOIN visits v"
	                        " ON v.id = f.visit_id WHERE v.corrected = 1 AND"
	                        " f.new_in_utc = v.in_utc"), 1);
	/* the streams of the day rewritten on A: B follows */
	CHECK_INT(day_set_streams(a, day, streams + 1, 1, 0, now), BORNE_OK);
	copy_changes(a, b, 0);
	CHECK_INT(fx_sql_int(b, "SELECT count(*) FROM day_streams s JOIN days d"
	                        " ON d.id = s.day_id WHERE d.uuid = 'day-a'"), 1);
	store_close(a);
	store_close(b);
}

/* Pruning deletes only what the hub took and only past the retention;
** a change number is never given twice, even once all were deleted. */
static void
test_prune(void)
{
	Store *st = fx_open("prune.db");
	OutboxState s;
	/* a change's age is by its own wall time, the real clock's */
	int64_t n = -1, last, now = (int64_t)time(NULL);

	add_member(st, "Ines", "04F1F2F3");
	tap(st, "04F1F2F3", fx_t("2026-03-04T09:30"));
	last = fx_sql_int(st, "SELECT max(seq) FROM outbox");
	CHECK(last >= 3);
	/* recent changes stay, taken or not */
	CHECK_INT(outbox_mark_pushed(st, last - 1, 0), BORNE_OK);
	CHECK_INT(outbox_prune(st, now, OUTBOX_KEEP_DAYS, &n), BORNE_OK);
	CHECK_INT(n, 0);
	/* taken but not yet ordered back by a pull that reached the end of
	** the hub's log: a take in it still shows waiting, so it stays */
	CHECK_INT(outbox_prune(st, now + 60, 0, &n), BORNE_OK);
	CHECK_INT(n, 0);
	CHECK_INT(syncview_note_pull(st, last - 1, 0), BORNE_OK);
	/* 0 days: what the hub took goes, what it did not stays */
	CHECK_INT(outbox_prune(st, now + 60, 0, &n), BORNE_OK);
	CHECK_INT(n, last - 1);
	CHECK_INT(changes(st), 1);
	CHECK_INT(fx_sql_int(st, "SELECT seq FROM outbox"), last);
	CHECK_INT(outbox_state(st, &s), BORNE_OK);
	CHECK_INT(s.pruned_seq, last - 1);
	CHECK_INT(s.pending, 1);
	/* all taken, all pruned: the numbers go on after the last one */
	CHECK_INT(outbox_mark_pushed(st, last, 0), BORNE_OK);
	CHECK_INT(syncview_note_pull(st, last, 0), BORNE_OK);
	CHECK_INT(outbox_prune(st, now + 60, 0, &n), BORNE_OK);
	CHECK_INT(changes(st), 0);
	CHECK_INT(outbox_state(st, &s), BORNE_OK);
	CHECK_INT(s.last_seq, last);
	store_close(st);
	st = fx_open("prune.db");
	tap(st, "04F1F2F3", fx_t("2026-03-04T12:30"));
	CHECK_INT(fx_sql_int(st, "SELECT min(seq) FROM outbox"), last + 1);
	/* a hub that lost them: every row goes again */
	CHECK_INT(outbox_reseed(st, &n), BORNE_OK);
	CHECK_INT(n, fx_sql_int(st, "SELECT (SELECT count(*) FROM members) +"
	                            " (SELECT count(*) FROM badges) + (SELECT"
	                            " count(*) FROM visits) + (SELECT count(*)"
	                            " FROM audit)"));
	CHECK(n >= 4);
	/* keep_days < 0: nothing goes */
	CHECK_INT(outbox_mark_pushed(st, last + 1 + n, 0), BORNE_OK);
	CHECK_INT(outbox_prune(st, now + 86400 * 365, -1, &n), BORNE_OK);
	CHECK_INT(n, 0);
	store_close(st);
}

/* What a change of a newer schema may be applied by this build: the
** tables it knows, the ops it knows; not a table a newer borne added. */
static void
test_knows(void)
{
	CHECK_INT(outbox_knows("members", "insert"), 1);
	CHECK_INT(outbox_knows("visit_fixes", "update"), 1);
	CHECK_INT(outbox_knows("mission_takes", "delete"), 1);
	CHECK_INT(outbox_knows("members", "forget"), 1);
	CHECK_INT(outbox_knows("audit", "scrubbed"), 1);
	CHECK_INT(outbox_knows("gadgets", "insert"), 0);
	CHECK_INT(outbox_knows("members", "merge"), 0);
	CHECK_INT(outbox_knows("", "insert"), 0);
}

int
main(void)
{
	Store *st;

	fx_setup();
	test_knows();
	timeutil_init();
	st = fx_open("outbox.db");
	test_one_change_per_write(st);
	test_same_transaction(st);
	test_clock(st, "outbox.db");
	test_apply();
	test_forget();
	test_travel();
	test_prune();
	return check_done();
}
