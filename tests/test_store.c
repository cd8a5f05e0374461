/* test_store.c -- opening, migrating and protecting the database: junk
** files, read-only, locked, disk full, nested transactions, settings. */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "borne.h"
#include "check.h"
#include "store_schema.h"
#include "checkin.h"
#include "core_fixture.h"
#include "maintenance.h"
#include "member.h"
#include "mission.h"
#include "outbox.h"
#include "store.h"
#include "store_schema.h"

static void
write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, n, f) != n) {
		perror(path);
		exit(2);
	}
	fclose(f);
}

static size_t
read_file(const char *path, char *buf, size_t cap)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		return 0;
	n = fread(buf, 1, cap, f);
	fclose(f);
	return n;
}

static int
count_member(const Member *m, void *ctx)
{
	(void)m;
	(*(int *)ctx)++;
	return 0;
}

/* A callback that reads members again while the outer list is running:
** the statement cache must hand out a fresh statement. */
static int
nested_each(const Member *m, void *ctx)
{
	int inner = 0;

	(void)m;
	CHECK_INT(member_each((Store *)((void **)ctx)[0], count_member, &inner),
	          BORNE_OK);
	*(int *)((void **)ctx)[1] += inner;
	return 0;
}

static void
test_open_and_reopen(void)
{
	Store *st = fx_open("a.db");
	char v[256];

	CHECK_INT(store_schema_version(st), store_schema_latest());
	CHECK(store_schema_latest() >= 1);
	CHECK_INT(fx_sql_int(st, "PRAGMA foreign_keys"), 1);
	CHECK_INT(fx_sql_int(st, "PRAGMA synchronous"), 2);       /* FULL */
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM sqlite_master WHERE"
	                         " name IN ('settings','members','badges','days',"
	                         "'visits','unknown_taps','missions','missions_fts',"
	                         "'mission_takes','audit')"), 10);
	{
		sqlite3_stmt *s = NULL;
		sqlite3_prepare_v2(store_db(st), "PRAGMA journal_mode", -1, &s, NULL);
		CHECK_INT(sqlite3_step(s), SQLITE_ROW);
		CHECK_STR((const char *)sqlite3_column_text(s, 0), "wal");
		sqlite3_finalize(s);
	}
	/* SQL metacharacters are data. */
	CHECK_INT(store_setting_set(st, "space_name",
	                            "'); DROP TABLE members;--"), BORNE_OK);
	CHECK_INT(store_setting_set(st, "L'Atelier", "Ali \"Le Chef\" 🍳"), BORNE_OK);
	store_close(st);

	/* Reopen: same version, data kept, migrations not run twice. */
	st = fx_open("a.db");
	CHECK_INT(store_schema_version(st), store_schema_latest());
	CHECK_INT(store_setting_get(st, "space_name", v, sizeof v), BORNE_OK);
	CHECK_STR(v, "'); DROP TABLE members;--");
	CHECK_INT(store_setting_get(st, "L'Atelier", v, sizeof v), BORNE_OK);
	CHECK_STR(v, "Ali \"Le Chef\" 🍳");
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 0);
	CHECK_INT(store_setting_get(st, "nope", v, sizeof v), BORNE_ENOTFOUND);
	CHECK_STR(v, "");
	CHECK_INT(store_setting_set(st, "", "x"), BORNE_EINVAL);
	CHECK_INT(store_setting_set(st, "k", NULL), BORNE_EINVAL);
	store_close(st);
	store_close(NULL);                       /* NULL-safe */
	CHECK_STR(store_errmsg(NULL), "no database");
}

static void
test_not_a_database(void)
{
	static const char junk[] = "This is my shopping list, not SQLite.\n"
	                           "\x00\x01\x02\xFF binary too";
	char back[256], err[256];
	const char *path = fx_path("junk.db");
	Store *st = (Store *)1;
	size_t n;

	write_file(path, junk, sizeof junk);
	CHECK_INT(store_open(path, &st, err, sizeof err), BORNE_ECORRUPT);
	CHECK(st == NULL);
	CHECK_CONTAINS(err, "not a borne database");
	CHECK_CONTAINS(err, "junk.db");
	n = read_file(path, back, sizeof back);
	CHECK_INT(n, sizeof junk);
	CHECK(memcmp(back, junk, sizeof junk) == 0);     /* file untouched */
	CHECK(access(fx_path("junk.db-wal"), F_OK) != 0);

	/* A folder where the file should be. */
	mkdir(fx_path("dir.db"), 0700);
	CHECK_INT(store_open(fx_path("dir.db"), &st, err, sizeof err), BORNE_EIO);
	CHECK_CONTAINS(err, "folder");
	/* No path at all; a path in a missing folder. */
	CHECK_INT(store_open("", &st, err, sizeof err), BORNE_EINVAL);
	CHECK(store_open(fx_path("no/such/dir/x.db"), &st, err, sizeof err) < 0);
	CHECK(st == NULL);
	CHECK(err[0] != '\0');
}

static void
test_newer_schema(void)
{
	sqlite3 *db = NULL;
	char err[256];
	Store *st;

	sqlite3_open(fx_path("future.db"), &db);
	sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(db);
	CHECK_INT(store_open(fx_path("future.db"), &st, err, sizeof err), BORNE_EDB);
	CHECK_CONTAINS(err, "newer");
}

/* A database at user_version 0 that already holds a table of ours is
** migrated in one transaction: the failure leaves it as it was. */
static void
test_failed_migration_rolls_back(void)
{
	sqlite3 *db = NULL;
	char err[256];
	Store *st;

	sqlite3_open(fx_path("half.db"), &db);
	sqlite3_exec(db, "CREATE TABLE audit(x); INSERT INTO audit VALUES (42);",
	             NULL, NULL, NULL);
	sqlite3_close(db);
	CHECK_INT(store_open(fx_path("half.db"), &st, err, sizeof err), BORNE_EDB);
	CHECK_CONTAINS(err, "migrating");
	sqlite3_open(fx_path("half.db"), &db);
	{
		sqlite3_stmt *s = NULL;
		sqlite3_prepare_v2(db, "SELECT (SELECT x FROM audit),"
		                   " (SELECT count(*) FROM sqlite_master WHERE name = 'members'),"
		                   " (SELECT user_version FROM pragma_user_version)",
		                   -1, &s, NULL);
		CHECK_INT(sqlite3_step(s), SQLITE_ROW);
		CHECK_INT(sqlite3_column_int(s, 0), 42);
		CHECK_INT(sqlite3_column_int(s, 1), 0);   /* nothing half-made */
		CHECK_INT(sqlite3_column_int(s, 2), 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
}

/* A database made by the first n migrations, as an older borne left it
** (mode 0600, as store_open wants). */
static void
make_old_db(const char *name, int n)
{
	sqlite3 *db = NULL;
	char sql[64];

	CHECK_INT(sqlite3_open(fx_path(name), &db), SQLITE_OK);
	for (int i = 0; i < n; i++)
		CHECK_INT(sqlite3_exec(db, store_migration_sql(i), NULL, NULL, NULL),
		          SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", n);
	CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	chmod(fx_path(name), 0600);
}

/* Version 12 (issue 14): the streams of a day, which had no uuid, get
** one each (distinct, kept by later writes), and travel from then on;
** visit_fixes stays append-only for its times. */
static void
test_migrate_v11_to_v12(void)
{
	sqlite3 *db = NULL;
	Store *st;

	make_old_db("v11.db", 11);
	sqlite3_open(fx_path("v11.db"), &db);
	CHECK_INT(sqlite3_exec(db,
		"INSERT INTO days(uuid, date, title, open_min, close_min)"
		" VALUES ('d1', '2026-03-04', 'Chantier', 540, 1020);"
		"INSERT INTO day_streams(day_id, pos, name) VALUES"
		" (1, 0, 'Chantier'), (1, 1, 'Communication');"
		"INSERT INTO members(uuid, name, role, created_utc)"
		" VALUES ('u1', 'Awa', 'facilitator', 1000);"
		"INSERT INTO visits(uuid, member_id, badge, in_utc, out_utc, kiosk_id)"
		" VALUES ('v1', 1, '04A1', 100, 200, 'k');"
		"INSERT INTO visit_fixes(uuid, visit_id, at_utc, old_in_utc,"
		" old_auto_closed, old_out_late, new_in_utc, new_out_utc)"
		" VALUES ('f1', 1, 300, 100, 0, 0, 90, 200);",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = fx_open("v11.db");
	CHECK(store_schema_latest() >= 12);
	CHECK_INT(store_schema_version(st), store_schema_latest());
	CHECK_INT(fx_sql_int(st, "SELECT count(DISTINCT uuid) FROM day_streams"
	                         " WHERE length(uuid) = 36"), 2);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM day_streams WHERE"
	                         " day_id = 1 AND name = 'Communication' AND pos = 1"),
	          1);
	/* a new stream gets its uuid by itself, and a change */
	CHECK_INT(sqlite3_exec(store_db(st), "INSERT INTO day_streams(day_id, pos,"
	                       " name) VALUES (1, 2, 'Cuisine')", NULL, NULL, NULL),
	          SQLITE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM outbox o JOIN day_streams s"
	                         " ON s.uuid = o.row_uuid WHERE o.tbl ="
	                         " 'day_streams' AND s.name = 'Cuisine' AND"
	                         " json_extract(o.payload, '$.day_uuid') = 'd1'"), 1);
	/* the uuid may be touched (outbox_seed), the times may not */
	CHECK_INT(sqlite3_exec(store_db(st), "UPDATE visit_fixes SET uuid = uuid",
	                       NULL, NULL, NULL), SQLITE_OK);
	CHECK(sqlite3_exec(store_db(st), "UPDATE visit_fixes SET new_in_utc = 1",
	                   NULL, NULL, NULL) != SQLITE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT pruned_seq FROM sync_state"), 0);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM sync_state WHERE"
	                         " quote_prefix = ''"), 1);
	store_close(st);
}

/* A version 3 database, made by the migrations of that time, gets every
** later one at the next open (the index of "my missions", quotes, web
** sign-in, outdoor missions...), its rows kept. */
static void
test_migrate_v3_to_v4(void)
{
	sqlite3 *db = NULL;
	Store *st;

	fx_rm(fx_path("v3.db"));
	CHECK_INT(sqlite3_open(fx_path("v3.db"), &db), SQLITE_OK);
	for (int i = 0; i < 3; i++)
		CHECK_INT(sqlite3_exec(db, store_migration_sql(i), NULL, NULL, NULL),
		          SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "INSERT INTO members(uuid, name, role,"
	                       " created_utc) VALUES ('u-awa', 'Awa', 'facilitator',"
	                       " 1000); PRAGMA user_version = 3;", NULL, NULL, NULL),
	          SQLITE_OK);
	sqlite3_close(db);
	chmod(fx_path("v3.db"), 0600);
	st = fx_open("v3.db");
	CHECK(store_schema_latest() >= 4);
	CHECK_INT(store_schema_version(st), store_schema_latest());
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM sqlite_master WHERE"
	                         " name = 'missions_mine'"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM sqlite_master WHERE"
	                         " name = 'quotes'"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM pragma_table_info('missions')"
	                         " WHERE name = 'outdoor'"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 1);
	store_close(st);
}

/* A version 8 database (before streams were kept with visits) gets
** visit_streams at the next open, its visits kept with no stream, and the
** board's filter index now covers outdoor; a stream row goes with its
** visit. */
static void
test_migrate_v8_to_v9(void)
{
	sqlite3 *db = NULL;
	Store *st;

	make_old_db("v8s.db", 8);
	sqlite3_open(fx_path("v8s.db"), &db);
	CHECK_INT(sqlite3_exec(db,
		"INSERT INTO members(uuid, name, role, created_utc)"
		" VALUES ('u1', 'Awa', 'cooperator', 1000);"
		"INSERT INTO days(uuid, date, title, open_min, close_min)"
		" VALUES ('d1', '2025-03-12', 'Mercredi', 600, 1080);"
		"INSERT INTO day_streams(day_id, pos, name) VALUES (1, 0, 'Chantier');"
		"INSERT INTO visits(uuid, member_id, badge, in_utc, out_utc, day_id,"
		" kiosk_id) VALUES ('v1', 1, '04AA', 1741770000, 1741780000, 1, 'k');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = fx_open("v8s.db");
	CHECK(store_schema_latest() >= 9);
	CHECK_INT(store_schema_version(st), store_schema_latest());
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits WHERE day_id = 1"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visit_streams"), 0);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM pragma_index_info("
	                         "'missions_filter') WHERE name = 'outdoor'"), 1);
	CHECK_INT(sqlite3_exec(store_db(st), "INSERT INTO visit_streams(uuid,"
	                       " visit_id, name, from_utc) VALUES ('s1', 1,"
	                       " 'Chantier', 1741770000)", NULL, NULL, NULL),
	          SQLITE_OK);
	CHECK_INT(sqlite3_exec(store_db(st), "DELETE FROM visits WHERE id = 1",
	                       NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visit_streams"), 0);
	store_close(st);
}

/* A version 8 database (search joined every match to missions) gets
** version 11 at the next open: the search index rebuilt with each
** mission's hidden words (status, category, minors) and short prefixes,
** its missions all found again, and kept in step afterwards. */
static void
test_migrate_v8_to_v11(void)
{
	MissionQuery q = { -1, "cafe", 0, 0, -1, 0, 10 };
	MissionCard cards[10];
	sqlite3 *db = NULL;
	Store *st;
	int n, total;

	make_old_db("v8.db", 8);
	sqlite3_open(fx_path("v8.db"), &db);
	CHECK_INT(sqlite3_exec(db,
		"INSERT INTO members(uuid, name, role, created_utc)"
		" VALUES ('u1', 'Awa', 'facilitator', 1000);"
		"INSERT INTO missions(uuid, title, category, reward_kind, poster_id,"
		" status, minors_ok, created_utc, updated_utc) VALUES"
		" ('m1', 'Café du matin', 'cuisine', 'tip', 1, 'open', 1, 10, 10),"
		" ('m2', 'Café du soir', 'cuisine', 'tip', 1, 'open', 0, 20, 20),"
		" ('m3', 'Café fini', 'cuisine', 'tip', 1, 'done', 1, 30, 30),"
		" ('m4', 'Jardin', 'jardin', 'tip', 1, 'open', 1, 40, 40);",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = fx_open("v8.db");
	CHECK(store_schema_latest() >= 11);
	CHECK_INT(store_schema_version(st), store_schema_latest());
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM pragma_table_xinfo('missions')"
	                         " WHERE name = 'fts_tags'"), 1);
	CHECK_INT(sqlite3_exec(store_db(st), "INSERT INTO missions_fts(missions_fts)"
	                       " VALUES ('integrity-check')", NULL, NULL, NULL),
	          SQLITE_OK);
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(total, 2);                   /* not the done one */
	CHECK_INT(n, 2);
	CHECK_INT(cards[0].id, 2);             /* flexible, newest first */
	CHECK_INT(cards[1].id, 1);
	q.minors_only = 1;
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(total, 1);
	/* The heat alert's filter (2): outdoor work is not offered. */
	CHECK_INT(sqlite3_exec(store_db(st), "UPDATE missions SET outdoor = 1"
	                       " WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	q.minors_only = 2;
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(total, 0);
	q.minors_only = 1;
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(total, 1);
	q.minors_only = 0;
	q.category = CAT_JARDIN;
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(total, 0);
	/* Changes after the migration reach the index. */
	CHECK_INT(sqlite3_exec(store_db(st), "UPDATE missions SET category ="
	                       " 'jardin', status = 'open' WHERE id = 3", NULL,
	                       NULL, NULL), SQLITE_OK);
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(total, 1);
	CHECK_INT(cards[0].id, 3);
	CHECK_INT(sqlite3_exec(store_db(st), "DELETE FROM missions WHERE id = 3;"
	                       "INSERT INTO missions_fts(missions_fts) VALUES"
	                       " ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(mission_search(st, &q, cards, &n, &total), BORNE_OK);
	CHECK_INT(total, 0);
	store_close(st);
}

/* A version 7 database (before seasons, streams and kept corrections)
** gets them at the next open: its days and visits kept, none corrected,
** and the corrections' table refuses to be rewritten. */
static void
test_migrate_v7_to_v8(void)
{
	sqlite3 *db = NULL;
	Store *st;

	make_old_db("v7.db", 7);
	sqlite3_open(fx_path("v7.db"), &db);
	CHECK_INT(sqlite3_exec(db,
		"INSERT INTO members(uuid, name, role, created_utc)"
		" VALUES ('u1', 'Awa', 'cooperator', 1000);"
		"INSERT INTO days(uuid, date, title, open_min, close_min)"
		" VALUES ('d1', '2025-03-12', 'Mercredi', 600, 1080);"
		"INSERT INTO visits(uuid, member_id, badge, in_utc, out_utc, day_id,"
		" kiosk_id) VALUES ('v1', 1, '04AA', 1741770000, 1741780000, 1, 'k');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = fx_open("v7.db");
	CHECK(store_schema_latest() >= 8);
	CHECK_INT(store_schema_version(st), store_schema_latest());
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM days WHERE series_id IS NULL"
	                         " AND moved_from = ''"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits WHERE corrected = 0"
	                         " AND day_id = 1"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM sqlite_master WHERE name IN"
	                         " ('day_series', 'day_streams', 'visit_fixes')"), 3);
	CHECK_INT(sqlite3_exec(store_db(st), "INSERT INTO visit_fixes(uuid,"
	                       " visit_id, at_utc, old_in_utc, old_auto_closed,"
	                       " old_out_late, new_in_utc, new_out_utc) VALUES"
	                       " ('f1', 1, 5, 1, 0, 0, 2, 3)", NULL, NULL, NULL),
	          SQLITE_OK);
	CHECK(sqlite3_exec(store_db(st), "UPDATE visit_fixes SET new_in_utc = 9",
	                   NULL, NULL, NULL) != SQLITE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT new_in_utc FROM visit_fixes"), 2);
	store_close(st);
}

/* A version 8 database gets the outbox (issue 14): a kiosk uuid made
** once, incarnation 1, no change for the rows it already had (they go to
** the hub by a first full push, docs/sync.md), a change for each write
** from then on, carrying the latest version. */
static void
test_migrate_v8_outbox(void)
{
	sqlite3 *db = NULL;
	Store *st;
	int64_t id;

	fx_rm(fx_path("v8.db"));
	make_old_db("v8.db", 8);
	sqlite3_open(fx_path("v8.db"), &db);
	CHECK_INT(sqlite3_exec(db,
		"INSERT INTO members(uuid, name, role, created_utc)"
		" VALUES ('u1', 'Awa', 'cooperator', 1000);", NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);
	st = fx_open("v8.db");
	CHECK_INT(store_schema_version(st), store_schema_latest());
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM sync_state WHERE"
	                         " length(kiosk_uuid) = 36 AND incarnation = 1"
	                         " AND kiosk_uuid GLOB '*-4*'"), 1);
	CHECK_INT(fx_sql_int(st, "SELECT schema_version FROM sync_state"),
	          store_schema_latest());
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM outbox"), 0);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 1);
	/* Joining a hub: the rows from before go, members first. */
	CHECK_INT(outbox_seed(st, &id), BORNE_OK);
	CHECK_INT(id, 1);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM outbox WHERE row_uuid ="
	                         " 'u1' AND op = 'update' AND json_extract(payload,"
	                         " '$.name') = 'Awa'"), 1);
	CHECK_INT(outbox_seed(st, &id), BORNE_OK);
	CHECK_INT(id, 0);
	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1000,
	                     &id), BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM outbox WHERE tbl ="
	                         " 'members' AND op = 'insert' AND schema_version ="
	                         " (SELECT schema_version FROM sync_state)"), 1);
	store_close(st);
}

/* Version 11 through 13 (issue 14, what people see of the sync): a kiosk
** whose last sync completed has every change it pushed confirmed (no
** take of before shown "en attente de confirmation"); one whose last
** sync failed has none; take_refusals is there, empty. */
static void
test_migrate_v11_confirmed(void)
{
	static const char *const setup[] = {
		"UPDATE sync_state SET pushed_seq = 5, synced_utc = 1000",
		"UPDATE sync_state SET pushed_seq = 5, synced_utc = 1000,"
		" last_error = 'could not connect'",
	};
	static const long long want[] = { 5, 0 };
	sqlite3 *db = NULL;
	Store *st;

	for (int i = 0; i < 2; i++) {
		fx_rm(fx_path("v11.db"));
		make_old_db("v11.db", 11);
		sqlite3_open(fx_path("v11.db"), &db);
		CHECK_INT(sqlite3_exec(db, setup[i], NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
		st = fx_open("v11.db");
		CHECK(store_schema_latest() >= 13);
		CHECK_INT(fx_sql_int(st, "SELECT confirmed_seq FROM sync_state"),
		          want[i]);
		CHECK_INT(fx_sql_int(st, "SELECT update_required FROM sync_state"), 0);
		CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM take_refusals"), 0);
		store_close(st);
	}
}

/* Version 13 to 14: nothing passed over yet. */
static void
test_migrate_v13_skipped(void)
{
	Store *st;

	fx_rm(fx_path("v13.db"));
	make_old_db("v13.db", 13);
	st = fx_open("v13.db");
	CHECK(store_schema_latest() >= 14);
	CHECK_INT(store_schema_version(st), store_schema_latest());
	CHECK_INT(fx_sql_int(st, "SELECT skipped_from FROM sync_state"), 0);
	CHECK_INT(fx_sql_int(st, "SELECT skipped_schema FROM sync_state"), 0);
	store_close(st);
}

static void
test_read_only(void)
{
	char uri[600], err[256], v[64];
	Store *st = fx_open("ro.db");
	int64_t id;

	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1000,
	                     &id), BORNE_OK);
	store_close(st);
	/* ?mode=ro refuses writes even to root (chmod does not). */
	snprintf(uri, sizeof uri, "file:%s?mode=ro", fx_path("ro.db"));
	CHECK_INT(store_open(uri, &st, err, sizeof err), BORNE_OK);
	CHECK_INT(store_setting_set(st, "k", "v"), BORNE_EREADONLY);
	CHECK_CONTAINS(store_errmsg(st), "readonly");
	CHECK_INT(member_add(st, "Zoé", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1000,
	                     NULL), BORNE_EREADONLY);
	CHECK_INT(store_setting_get(st, "k", v, sizeof v), BORNE_ENOTFOUND);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 1);   /* kept */
	store_close(st);
	/* A read-only open of a database that still needs its schema. */
	snprintf(uri, sizeof uri, "file:%s?mode=ro", fx_path("empty-ro.db"));
	{
		sqlite3 *db = NULL;
		sqlite3_open(fx_path("empty-ro.db"), &db);
		sqlite3_exec(db, "CREATE TABLE unrelated(x)", NULL, NULL, NULL);
		sqlite3_close(db);
		chmod(fx_path("empty-ro.db"), 0600);
	}
	CHECK_INT(store_open(uri, &st, err, sizeof err), BORNE_EREADONLY);
	CHECK(err[0] != '\0');
	/* chmod 0444 only binds non-root users. */
	if (geteuid() != 0) {
		chmod(fx_path("ro.db"), 0400);
		st = NULL;
		if (store_open(fx_path("ro.db"), &st, err, sizeof err) == BORNE_OK) {
			CHECK_INT(store_setting_set(st, "k", "v"), BORNE_EREADONLY);
			store_close(st);
		} else {
			CHECK(err[0] != '\0');
		}
		chmod(fx_path("ro.db"), 0600);
	}
}

static unsigned
file_mode(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (unsigned)(sb.st_mode & 0777) : 01000;
}

/* Personal data: the database, its -wal and -shm and a backup are 0600
** whatever the umask; a database others can read is refused, naming
** the chmod that fixes it. (Modes read the same to root.) */
static void
test_file_modes(void)
{
	char err[600], msg[512], path[600], uri[700];
	mode_t old = umask(022);
	Store *st = NULL;
	int64_t id;

	snprintf(path, sizeof path, "%s", fx_path("modes.db"));
	CHECK_INT(store_open(path, &st, err, sizeof err), BORNE_OK);
	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1000,
	                     &id), BORNE_OK);
	CHECK_INT(file_mode(path), 0600);
	CHECK_INT(file_mode(fx_path("modes.db-wal")), 0600);
	CHECK_INT(file_mode(fx_path("modes.db-shm")), 0600);
	CHECK_INT(maintenance_backup(st, fx_path("modes-copy.db"), msg,
	                             sizeof msg), BORNE_OK);
	CHECK_INT(file_mode(fx_path("modes-copy.db")), 0600);
	/* An old backup at 0644 is replaced by a 0600 one. */
	chmod(fx_path("modes-copy.db"), 0644);
	CHECK_INT(maintenance_backup(st, fx_path("modes-copy.db"), msg,
	                             sizeof msg), BORNE_OK);
	CHECK_INT(file_mode(fx_path("modes-copy.db")), 0600);
	store_close(st);

	/* A new database through a file: URI is 0600 too. */
	snprintf(uri, sizeof uri, "file:%s", fx_path("modes-uri.db"));
	st = NULL;
	CHECK_INT(store_open(uri, &st, err, sizeof err), BORNE_OK);
	CHECK_INT(file_mode(fx_path("modes-uri.db")), 0600);
	store_close(st);

	/* Readable by others: refused, plain path, URI and read-only alike. */
	chmod(path, 0644);
	st = NULL;
	CHECK_INT(store_open(path, &st, err, sizeof err), BORNE_EPERM);
	CHECK(st == NULL);
	CHECK_CONTAINS(err, "chmod 600 ");
	CHECK_CONTAINS(err, path);
	snprintf(uri, sizeof uri, "file:%s?mode=ro", path);
	CHECK_INT(store_open(uri, &st, err, sizeof err), BORNE_EPERM);
	chmod(path, 0640);
	CHECK_INT(store_open(path, &st, err, sizeof err), BORNE_EPERM);
	chmod(path, 0600);
	/* A -wal left readable is named too. */
	{
		int fd = open(fx_path("modes.db-wal"), O_WRONLY | O_CREAT, 0600);
		if (fd >= 0)
			close(fd);
	}
	chmod(fx_path("modes.db-wal"), 0644);
	CHECK_INT(store_open(path, &st, err, sizeof err), BORNE_EPERM);
	CHECK_CONTAINS(err, "modes.db-wal");
	chmod(fx_path("modes.db-wal"), 0600);
	CHECK_INT(store_open(path, &st, err, sizeof err), BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM members"), 1);
	store_close(st);
	/* No file, no mode. */
	CHECK_INT(store_open(":memory:", &st, err, sizeof err), BORNE_OK);
	store_close(st);
	umask(old);
}

static void
test_locked(void)
{
	Store *st = fx_open("lock.db");
	sqlite3 *other = NULL;
	BadgeUid uid = { 4, { 1, 2, 3, 4 } };
	CheckinResult r;
	char v[64];
	int64_t id;

	CHECK_INT(member_add(st, "Inès", ROLE_COOPERATOR, 0, &uid, NULL, 0, 1000,
	                     &id), BORNE_OK);
	CHECK_INT(sqlite3_open(fx_path("lock.db"), &other), SQLITE_OK);
	CHECK_INT(sqlite3_exec(other, "BEGIN EXCLUSIVE; INSERT INTO settings"
	                       " VALUES ('held', '1')", NULL, NULL, NULL), SQLITE_OK);
	store_set_busy_timeout(st, 50);
	CHECK_INT(store_setting_set(st, "k", "v"), BORNE_EBUSY);
	CHECK_CONTAINS(store_errmsg(st), "busy");
	memset(&r, 0x55, sizeof r);
	CHECK_INT(checkin_tap(st, &uid, fx_t("2025-03-12T09:00"), &r), BORNE_EBUSY);
	CHECK_INT(r.outcome, 0);                 /* zeroed */
	CHECK_INT(r.visit_id, 0);
	/* Reading still works while another process writes (WAL). */
	CHECK_INT(store_setting_get(st, "held", v, sizeof v), BORNE_ENOTFOUND);
	sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(other);
	CHECK_INT(store_setting_get(st, "held", v, sizeof v), BORNE_OK);
	CHECK_INT(checkin_tap(st, &uid, fx_t("2025-03-12T09:00"), &r), BORNE_OK);
	CHECK_INT(r.outcome, CHECKIN_IN);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM visits"), 1);
	store_close(st);
}

static void
test_disk_full(void)
{
	Store *st = fx_open("full.db");
	char *big = malloc(200000), v[64];
	long long pages;

	CHECK_INT(store_setting_set(st, "before", "kept"), BORNE_OK);
	pages = fx_sql_int(st, "PRAGMA page_count");
	{
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", pages + 2);
		CHECK(fx_sql_int(st, sql) > 0);
	}
	memset(big, 'x', 199999);
	big[199999] = '\0';
	CHECK_INT(store_setting_set(st, "big", big), BORNE_EFULL);
	CHECK(store_errmsg(st)[0] != '\0');
	CHECK_INT(store_setting_get(st, "before", v, sizeof v), BORNE_OK);
	CHECK_STR(v, "kept");
	CHECK_INT(store_setting_get(st, "big", v, sizeof v), BORNE_ENOTFOUND);
	free(big);
	store_close(st);
}

static void
test_transactions(void)
{
	Store *st = fx_open("tx.db");
	char v[64];

	CHECK_INT(store_begin(st), BORNE_OK);
	CHECK_INT(store_setting_set(st, "outer", "1"), BORNE_OK);
	CHECK_INT(store_begin(st), BORNE_OK);
	CHECK_INT(store_setting_set(st, "inner", "1"), BORNE_OK);
	store_rollback(st);                       /* the inner one only */
	CHECK_INT(store_begin(st), BORNE_OK);
	CHECK_INT(store_setting_set(st, "inner2", "1"), BORNE_OK);
	CHECK_INT(store_commit(st), BORNE_OK);
	CHECK_INT(store_commit(st), BORNE_OK);
	CHECK_INT(store_setting_get(st, "outer", v, sizeof v), BORNE_OK);
	CHECK_INT(store_setting_get(st, "inner", v, sizeof v), BORNE_ENOTFOUND);
	CHECK_INT(store_setting_get(st, "inner2", v, sizeof v), BORNE_OK);
	CHECK_INT(store_begin(st), BORNE_OK);
	CHECK_INT(store_setting_set(st, "gone", "1"), BORNE_OK);
	store_rollback(st);
	CHECK_INT(store_setting_get(st, "gone", v, sizeof v), BORNE_ENOTFOUND);
	CHECK_INT(store_commit(st), BORNE_OK);    /* nothing open: no-op */
	store_rollback(st);
	store_rollback(NULL);
	store_close(st);
}

static void
test_rules(void)
{
	Store *st = fx_open("rules.db");
	StoreRules r;
	void *ctx[2];
	int total = 0;

	CHECK_INT(store_rules(st)->checkin_repeat_s, 60);
	CHECK_INT(store_rules(st)->approval_required, 1);
	CHECK_INT(store_rules(st)->max_open_takes, 2);
	CHECK_STR(store_rules(st)->kiosk_id, "borne-1");
	CHECK_INT(store_setting_set(st, "checkin_repeat_s", "30"), BORNE_OK);
	CHECK_INT(store_rules(st)->checkin_repeat_s, 30);   /* applied at once */
	CHECK_INT(store_setting_set(st, "max_open_takes", "many"), BORNE_OK);
	CHECK_INT(store_setting_set(st, "kiosk_id", "entrée-nord"), BORNE_OK);
	CHECK_INT(store_setting_set(st, "approval_required", "0"), BORNE_OK);
	store_close(st);
	st = fx_open("rules.db");
	CHECK_INT(store_rules(st)->checkin_repeat_s, 30);
	CHECK_INT(store_rules(st)->max_open_takes, 2);       /* junk ignored */
	CHECK_STR(store_rules(st)->kiosk_id, "entrée-nord");
	CHECK_INT(store_rules(st)->approval_required, 0);
	r = *store_rules(st);
	r.max_open_takes = 5;
	store_rules_set(st, &r);
	CHECK_INT(store_rules(st)->max_open_takes, 5);
	store_close(st);
	st = fx_open("rules.db");
	CHECK_INT(store_rules(st)->max_open_takes, 2);       /* process only */

	/* Statement cache re-entered from a callback. */
	CHECK_INT(member_add(st, "A", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1, NULL), BORNE_OK);
	CHECK_INT(member_add(st, "B", ROLE_COOPERATOR, 0, NULL, NULL, 0, 1, NULL), BORNE_OK);
	ctx[0] = st;
	ctx[1] = &total;
	CHECK_INT(member_each(st, nested_each, ctx), BORNE_OK);
	CHECK_INT(total, 4);
	store_close(st);
}

/* store_set_cache_kib holds SQLite's page cache to its size however
** much is read (SQLite's default of 2 MiB grew the kiosk's memory with
** its database). */
static void
test_cache_cap(void)
{
	Store *st = fx_open("cache.db");
	sqlite3 *db = store_db(st);
	int used = 0, high = 0;

	CHECK_INT(sqlite3_exec(db, "CREATE TABLE big(b BLOB);"
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
		" WHERE i < 1500) INSERT INTO big SELECT zeroblob(2000) FROM n;",
		NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(store_set_cache_kib(st, 0), BORNE_EINVAL);
	CHECK_INT(store_set_cache_kib(st, 256), BORNE_OK);
	CHECK_INT(fx_sql_int(st, "PRAGMA cache_size"), -256);
	CHECK_INT(fx_sql_int(st, "SELECT sum(length(b)) FROM big"), 3000000);
	CHECK_INT(sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_USED, &used, &high,
	                            0), SQLITE_OK);
	CHECK(used > 0 && used <= 320 * 1024);
	store_close(st);
}

int
main(void)
{
	fx_setup();
	test_cache_cap();
	test_open_and_reopen();
	test_not_a_database();
	test_newer_schema();
	test_failed_migration_rolls_back();
	test_migrate_v3_to_v4();
	test_migrate_v7_to_v8();
	test_migrate_v8_to_v9();
	test_migrate_v8_to_v11();
	test_migrate_v11_to_v12();
	test_migrate_v8_outbox();
	test_migrate_v11_confirmed();
	test_migrate_v13_skipped();
	test_read_only();
	test_file_modes();
	test_locked();
	test_disk_full();
	test_transactions();
	test_rules();
	CHECK_STR(borne_strerror(BORNE_ECORRUPT), "not a database, or a damaged one");
	CHECK_STR(borne_strerror(BORNE_OK), "ok");
	CHECK_STR(borne_strerror(12345), "unknown error");
	return check_done();
}
