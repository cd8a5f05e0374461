/* test_privacy.c -- member export (JSON), forget and purge; backup and
** integrity check (maintenance.c). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "checkin.h"
#include "uuid.h"
#include "core_fixture.h"
#include "checkin.h"
#include "maintenance.h"
#include "member.h"
#include "mission.h"
#include "privacy.h"
#include "report.h"
#include "store.h"
#include "timeutil.h"


static int64_t at(const char *local);
static void tap(Store *st, const char *uid, const char *local);
static char *export_of(Store *st, int64_t id, int *rc);
static int64_t count(Store *st, const char *sql);

static int64_t
at(const char *local)
{
	int64_t t = 0;

	CHECK_INT(time_parse_local(local, &t), BORNE_OK);
	return t;
}

static void
tap(Store *st, const char *uid, const char *local)
{
	BadgeUid u;
	CheckinResult r;

	CHECK_INT(uid_parse(uid, UID_DEC_LSB_FIRST, &u, NULL, 0), BORNE_OK);
	CHECK_INT(checkin_tap(st, &u, at(local), &r), BORNE_OK);
}

static char *
export_of(Store *st, int64_t id, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	*rc = privacy_export_member(st, id, f);
	fclose(f);
	return buf;
}

/* One number from fixed test SQL. */
static int64_t
count(Store *st, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	int64_t n = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

static void
test_json_string(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	privacy_json_string(f, "Ali \"Le Chef\" \\ L'Atelier\n\t\x01 é 🌱 \xff!");
	fclose(f);
	CHECK_STR(buf, "\"Ali \\\"Le Chef\\\" \\\\ L'Atelier\\n\\t\\u0001 é 🌱 "
	          "\\ufffd!\"");
	free(buf);
}

static void
test_export_forget(Store *st)
{
	BadgeUid u;
	MissionDraft d;
	int64_t ines, ali, mid;
	char tomorrow[TIME_DATE_SIZE], *out;
	int rc;
	int64_t now = at("2025-03-05T18:00");

	uid_parse("04A1B2C3", UID_DEC_LSB_FIRST, &u, NULL, 0);
	CHECK_INT(member_add(st, "Inès Martin", ROLE_COOPERATOR, 1, &u, NULL, 0,
	                     now, &ines), BORNE_OK);
	uid_parse("04112233", UID_DEC_LSB_FIRST, &u, NULL, 0);
	CHECK_INT(member_add(st, "Ali \"Le Chef\"", ROLE_FACILITATOR, 0, &u,
	                     "1234", 0, now, &ali), BORNE_OK);
	tap(st, "04A1B2C3", "2025-03-05T09:00");
	tap(st, "04A1B2C3", "2025-03-05T12:00");
	tap(st, "04112233", "2025-03-05T10:00");
	mission_draft_init(&d);
	snprintf(d.title, sizeof d.title, "Arroser");
	snprintf(d.description, sizeof d.description, "Les plantes");
	time_date_add("2025-03-05", 1, tomorrow);
	snprintf(d.date_from, sizeof d.date_from, "%s", tomorrow);
	d.minors_ok = 1;
	CHECK_INT(mission_add(st, &d, ali, now, &mid), BORNE_OK);
	CHECK_INT(mission_take(st, mid, ines, now, NULL), BORNE_OK);

	out = export_of(st, ines, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK_CONTAINS(out, "\"name\": \"Inès Martin\"");
	CHECK_CONTAINS(out, "\"minor\": true");
	CHECK_CONTAINS(out, "\"uid\": \"04A1B2C3\"");
	CHECK_CONTAINS(out, "\"in\": \"2025-03-05T08:00:00Z\", \"out\": "
	               "\"2025-03-05T11:00:00Z\"");
	CHECK_CONTAINS(out, "\"takes\": [\n    {\"mission_id\": 1, \"title\": "
	               "\"Arroser\"");
	CHECK_CONTAINS(out, "\"released\": null");
	CHECK_CONTAINS(out, "\"missions_posted\": []");
	free(out);
	out = export_of(st, ali, &rc);
	CHECK_INT(rc, BORNE_OK);
	CHECK_CONTAINS(out, "\"name\": \"Ali \\\"Le Chef\\\"\"");
	CHECK_CONTAINS(out, "\"has_pin\": true");
	CHECK_CONTAINS(out, "\"missions_posted\": [\n    {\"id\": 1");
	CHECK_CONTAINS(out, "\"out\": null");
	free(out);
	out = export_of(st, 999, &rc);
	CHECK_INT(rc, BORNE_ENOTFOUND);
	free(out);

	/* A tap of Ali's held for a trusted clock carries his badge. */
	{
		TapClock clk = { now, 0, "boot-1", 5000 };
		CheckinResult r;
		char tap_uuid[BORNE_UUID_LEN + 1];

		uid_parse("04112233", UID_DEC_LSB_FIRST, &u, NULL, 0);
		uuid_make(tap_uuid);
		CHECK_INT(checkin_tap_clock(st, &u, &clk, tap_uuid, &r), BORNE_OK);
		CHECK_INT(r.outcome, CHECKIN_HELD);
		CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM held_taps"), 1);
	}
	/* Forget Ali: name, badge, PIN gone; his visit and mission stay. */
	CHECK_INT(privacy_forget_member(st, ali, 0, now), BORNE_OK);
	CHECK_INT(fx_sql_int(st, "SELECT count(*) FROM held_taps"), 0);
	{
		Member m;
		BadgeUid b;

		CHECK_INT(member_get(st, ali, &m), BORNE_OK);
		CHECK_STR(m.name, "(oublié·e #2)");
		CHECK_INT(m.forgotten, 1);
		CHECK_INT(m.active, 0);
		CHECK_INT(m.has_pin, 0);
		uid_parse("04112233", UID_DEC_LSB_FIRST, &b, NULL, 0);
		CHECK_INT(member_by_badge(st, &b, &m), BORNE_ENOTFOUND);
		CHECK_INT(member_check_pin(st, ali, "1234"), BORNE_EREFUSED);
	}
	CHECK_INT(count(st, "SELECT count(*) FROM badges WHERE uid = '04112233'"),
	          0);
	CHECK_INT(count(st, "SELECT count(*) FROM visits WHERE member_id = 2"
	                    " AND badge = ''"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM audit WHERE detail LIKE "
	                    "'%04112233%' OR detail LIKE '%Le Chef%'"), 0);
	CHECK_INT(count(st, "SELECT count(*) FROM audit WHERE action = "
	                    "'member.forget' AND target_id = 2"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM missions WHERE poster_id = 2"),
	          1);
	CHECK_INT(privacy_forget_member(st, ali, 0, now), BORNE_EREFUSED);
	CHECK_CONTAINS(store_errmsg(st), "already forgotten");
	CHECK_INT(privacy_forget_member(st, 999, 0, now), BORNE_ENOTFOUND);

	/* The hours still count in reports, under the anonymous marker. */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);

		CHECK_INT(report_attendance(st, "2025-03-05", "2025-03-05",
		                            REPORT_BY_MEMBER, REPORT_CSV, f),
		          BORNE_OK);
		fclose(f);
		CHECK_CONTAINS(buf, "2,(oublié·e #2),facilitator,1,1,");
		CHECK(strstr(buf, "Chef") == NULL);
		free(buf);
	}
}

static void
test_purge(Store *st)
{
	PurgeCounts c;
	int64_t now = at("2025-06-01T12:00");
	BadgeUid u;
	CheckinResult r;

	/* An unknown tap long ago and a visit last week. */
	uid_parse("DEADBEEF", UID_DEC_LSB_FIRST, &u, NULL, 0);
	CHECK_INT(checkin_tap(st, &u, at("2025-03-05T11:00"), &r), BORNE_OK);
	tap(st, "04A1B2C3", "2025-05-28T09:00");
	tap(st, "04A1B2C3", "2025-05-28T10:00");
	CHECK_INT(count(st, "SELECT count(*) FROM visits"), 3);
	CHECK_INT(privacy_purge(st, now - 30 * 86400, 0, now, &c), BORNE_OK);
	CHECK_INT(c.visits, 2);
	CHECK_INT(c.unknown_taps, 1);
	CHECK_INT(count(st, "SELECT count(*) FROM visits"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM unknown_taps"), 0);
	CHECK_INT(count(st, "SELECT count(*) FROM members"), 2);
	CHECK_INT(count(st, "SELECT count(*) FROM missions"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM audit WHERE action = "
	                    "'data.purge'"), 1);
	/* The mission's take (not done) stays. */
	CHECK_INT(count(st, "SELECT count(*) FROM mission_takes"), 1);
}

static void
test_maintenance(Store *st)
{
	char msg[600], copy[128], tmp[160];
	struct stat sb;
	Store *st2 = NULL;

	CHECK_INT(maintenance_check(st, msg, sizeof msg), BORNE_OK);
	CHECK_CONTAINS(msg, "ok");
	snprintf(copy, sizeof copy, "%s", fx_path("copy.db"));
	CHECK_INT(maintenance_backup(st, copy, msg, sizeof msg), BORNE_OK);
	CHECK_CONTAINS(msg, "integrity ok");
	snprintf(tmp, sizeof tmp, "%s.tmp", copy);
	CHECK(stat(tmp, &sb) != 0);
	CHECK_INT(store_open(copy, &st2, msg, sizeof msg), BORNE_OK);
	if (st2 != NULL) {
		CHECK_INT(count(st2, "SELECT count(*) FROM members"), 2);
		CHECK_INT(maintenance_check(st2, msg, sizeof msg), BORNE_OK);
		/* Break a link on purpose: check says so. */
		CHECK_INT(sqlite3_exec(store_db(st2), "PRAGMA foreign_keys=OFF;"
		          "INSERT INTO badges(uid, uuid, member_id, added_utc)"
		          " VALUES ('01020304', 'u', 77, 0)", NULL, NULL, NULL),
		          SQLITE_OK);
		CHECK_INT(maintenance_check(st2, msg, sizeof msg), BORNE_ECORRUPT);
		CHECK_CONTAINS(msg, "foreign key");
		store_close(st2);
	}
	CHECK_INT(maintenance_backup(st, fx_dir, msg, sizeof msg), BORNE_EINVAL);
	CHECK_CONTAINS(msg, "folder");
	CHECK_INT(maintenance_backup(st, "", msg, sizeof msg), BORNE_EINVAL);
	snprintf(tmp, sizeof tmp, "%s", fx_path("privacy.db"));
	CHECK_INT(maintenance_backup(st, tmp, msg, sizeof msg), BORNE_EINVAL);
	CHECK_CONTAINS(msg, "live database");
	snprintf(tmp, sizeof tmp, "%s", fx_path("none/copy.db"));
	CHECK(maintenance_backup(st, tmp, msg, sizeof msg) != BORNE_OK);
	CHECK_CONTAINS(msg, "copy.db");
}

int
main(void)
{
	Store *st;

	fx_setup();                     /* temp folder, TZ, fast PIN hash */
	timeutil_init();
	test_json_string();
	st = fx_open("privacy.db");
	test_export_forget(st);
	test_purge(st);
	test_maintenance(st);
	store_close(st);
	return check_done();
}
