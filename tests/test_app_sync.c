/* test_app_sync.c -- what people see of the sync with a hub (issue 14,
** syncview.h): a take made here while the hub has not said is "en
** attente de confirmation" on its outcome, its mission's page and "Mes
** missions"; a take the hub refused is told once, kindly, at the
** member's next tap; facilitators are told a stale sync, an update
** required and badges taken elsewhere. A kiosk alone shows none of it.
** The pull is played as borne-admin's would: the hub's payload applied
** by outbox_apply with the triggers off, then syncview_note_pull. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "core_fixture.h"
#include "app_fixture.h"
#include "outbox.h"
#include "syncview.h"

#define DECAPER "Décaper un mur avant peinture"

static void exec(Store *st, const char *sql);
static void set_synced(Store *st, int64_t utc);
static void hub_pull_take(T *t, int64_t mission_id, const char *badge,
                          int refused);
static int  my_status_has(T *t, int64_t mission_id, const char *text);
static void take(T *t, int64_t mission_id, const char *badge);

static void
exec(Store *st, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(store_db(st), sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, err);
		exit(2);
	}
}

/* The last complete sync was at utc. */
static void
set_synced(Store *st, int64_t utc)
{
	sqlite3_stmt *stmt = NULL;

	CHECK_INT(sqlite3_prepare_v2(store_db(st), "UPDATE sync_state SET"
	                             " synced_utc = ?1", -1, &stmt, NULL),
	          SQLITE_OK);
	sqlite3_bind_int64(stmt, 1, utc);
	CHECK_INT(sqlite3_step(stmt), SQLITE_DONE);
	sqlite3_finalize(stmt);
}

/* One sync: everything here pushed, then the hub's answer for the take
** of mission_id by the member of badge pulled back (refused: released
** and marked so, as hub.sql does it), and the pull at the end. */
static void
hub_pull_take(T *t, int64_t mission_id, const char *badge, int refused)
{
	char sql[512], payload[1024];
	sqlite3_stmt *stmt = NULL;
	int64_t last = fx_sql_int(t->st, "SELECT max(seq) FROM outbox");

	CHECK_INT(outbox_mark_pushed(t->st, last, 0), BORNE_OK);
	snprintf(sql, sizeof sql, "SELECT o.row_uuid, CASE WHEN %d THEN"
	         " json_set(o.payload, '$.released_utc',"
	         " json_extract(o.payload, '$.taken_utc'), '$.refused', 1)"
	         " ELSE o.payload END FROM outbox o JOIN mission_takes k"
	         " ON k.uuid = o.row_uuid JOIN badges b ON b.member_id ="
	         " k.member_id WHERE o.tbl = 'mission_takes' AND o.op = 'insert'"
	         " AND k.mission_id = %lld AND b.uid = '%s'", refused,
	         (long long)mission_id, badge);
	CHECK_INT(sqlite3_prepare_v2(store_db(t->st), sql, -1, &stmt, NULL),
	          SQLITE_OK);
	CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
	snprintf(payload, sizeof payload, "%s",
	         (const char *)sqlite3_column_text(stmt, 1));
	snprintf(sql, sizeof sql, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	CHECK_INT(store_begin(t->st), BORNE_OK);
	CHECK_INT(outbox_applying(t->st, 1), BORNE_OK);
	CHECK_INT(outbox_apply(t->st, "mission_takes", "insert", sql, payload,
	                       t->utc, NULL), BORNE_OK);
	CHECK_INT(outbox_mark_pulled(t->st, 1000 + last), BORNE_OK);
	CHECK_INT(outbox_applying(t->st, 0), BORNE_OK);
	CHECK_INT(store_commit(t->st), BORNE_OK);
	CHECK_INT(syncview_note_pull(t->st, last, 0), BORNE_OK);
	CHECK_INT(outbox_note_sync(t->st, t->utc, NULL), BORNE_OK);
}

/* "Mission, then Je prends, then the badge": as test_app.c does. */
static void
take(T *t, int64_t mission_id, const char *badge)
{
	t_act(t, ACT_HOME, 0);
	t_act(t, ACT_BOARD, 0);
	t_act(t, ACT_OPEN_MISSION, mission_id);
	t_act(t, ACT_TAKE, 0);
	CHECK_INT(t->v->wait, WAIT_TAKE);
	t_badge(t, badge);
	CHECK_INT(t->v->wait, WAIT_NONE);
	CHECK_INT(t->v->detail.outcome, OUTCOME_TAKEN);
}

/* Whether "Mes missions" shows mission_id with text in its status. */
static int
my_status_has(T *t, int64_t mission_id, const char *text)
{
	for (int i = 0; i < t->v->home.n_my; i++)
		if (t->v->home.my[i].id == mission_id)
			return strstr(t->v->home.my_text[i].status, text) != NULL;
	return -1;
}

/* A kiosk alone (no hub): a take is the mission's, plainly; nothing is
** said of a sync. */
static void
test_alone(void)
{
	T t;
	int64_t id;

	t_open(&t, "alone.db", "2024-12-10T09:12", LANG_FR);
	id = t_mission(&t, DECAPER);
	take(&t, id, B_MAMADOU);
	CHECK_STR(t.v->detail.outcome_title,
	          "C’est noté Mamadou : la mission est pour vous !");
	CHECK_STR(t.v->detail.take_pending, "");
	t_act(&t, ACT_MY_MISSIONS, 0);
	CHECK_INT(my_status_has(&t, id, "confirmer"), 0);
	t_wait_ms(&t, 61000);
	CHECK_STR(t.v->sync_status, "");
	CHECK_STR(t.v->sync_detail, "");
	t_close(&t);
}

/* Joined: a take waits for the hub; accepted, it is plainly the
** member's; refused, the member is told at their next tap, once. */
static void
test_pending_then_refused(void)
{
	T t;
	int64_t id, other;

	t_open(&t, "joined.db", "2024-12-10T09:12", LANG_FR);
	/* It synced a minute ago: everything before is confirmed. */
	set_synced(t.st, t.utc - 60);
	exec(t.st, "UPDATE sync_state SET"
	           " pushed_seq = (SELECT max(seq) FROM outbox),"
	           " confirmed_seq = (SELECT max(seq) FROM outbox)");
	id = t_mission(&t, DECAPER);
	other = t_mission(&t, "Monter une étagère");
	CHECK(id > 0 && other > 0);

	take(&t, id, B_MAMADOU);
	CHECK_STR(t.v->detail.outcome_title, "C’est noté Mamadou : place "
	          "réservée ici, en attente de confirmation.");
	CHECK_STR(t.v->detail.take_pending,
	          "Place en attente de confirmation par les autres bornes.");
	t_act(&t, ACT_BACK, 0);                 /* the mission's page */
	CHECK_INT(t.v->detail.outcome, OUTCOME_NONE);
	CHECK_CONTAINS(t.v->detail.take_pending, "en attente de confirmation");
	t_act(&t, ACT_MY_MISSIONS, 0);
	CHECK_INT(my_status_has(&t, id, "Place à confirmer"), 1);
	t_act(&t, ACT_LANG, LANG_EN);
	CHECK_INT(my_status_has(&t, id, "Place not confirmed yet"), 1);
	t_act(&t, ACT_LANG, LANG_FR);

	/* Inès takes another; the hub takes both: hers accepted, his
	** refused (another kiosk filled the wall first). */
	take(&t, other, B_INES);
	CHECK_CONTAINS(t.v->detail.outcome_title, "en attente de confirmation");
	t_act(&t, ACT_HOME, 0);
	hub_pull_take(&t, other, B_INES, 0);
	hub_pull_take(&t, id, B_MAMADOU, 1);
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM take_refusals"), 1);
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM mission_takes t, badges b"
	                           " WHERE b.member_id = t.member_id AND"
	                           " b.uid = '04D4E5F6' AND released_utc IS NULL"
	                           " AND t.mission_id = (SELECT id FROM missions"
	                           " WHERE title = '" DECAPER "')"), 0);

	/* Inès: hers is plainly taken now. */
	t_later(&t, 600);
	t_badge(&t, B_INES);
	CHECK(strstr(t.v->result.greeting_note, "Désolé") == NULL);
	t_act(&t, ACT_OPEN_MISSION, other);
	CHECK_INT(t.v->detail.is_taker, 1);
	CHECK_STR(t.v->detail.take_pending, "");
	t_act(&t, ACT_MY_MISSIONS, 0);
	CHECK_INT(my_status_has(&t, other, "confirmer"), 0);
	t_act(&t, ACT_HOME, 0);

	/* Mamadou's next tap: which mission, full elsewhere, sorry, what
	** to do; in English too; once. */
	t_later(&t, 600);
	t_badge(&t, B_MAMADOU);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_STR(t.v->result.greeting_note, "Désolé : « " DECAPER " » était "
	          "déjà complète sur une autre borne. Choisissez une autre "
	          "mission au tableau.");
	t_act(&t, ACT_LANG, LANG_EN);
	CHECK_CONTAINS(t.v->result.greeting_note, "was already full on another"
	               " kiosk");
	t_act(&t, ACT_LANG, LANG_FR);
	t_act(&t, ACT_HOME, 0);
	t_later(&t, 600);
	t_badge(&t, B_MAMADOU);
	CHECK(strstr(t.v->result.greeting_note, "Désolé") == NULL);
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM take_refusals"
	                           " WHERE told_utc IS NULL"), 0);
	t_close(&t);
}

/* Facilitators: a sync older than an hour or failed, an update
** required, badges taken elsewhere (facilitator mode's lines; borne-web
** uses the same syncview_health). */
static void
test_facilitators_told(void)
{
	T t;
	SyncHealth h;

	t_open(&t, "fac.db", "2024-12-10T09:12", LANG_FR);
	set_synced(t.st, t.utc);
	t_wait_ms(&t, 61000);
	CHECK_STR(t.v->sync_status, "");        /* synced just now */
	CHECK_INT(syncview_health(t.st, t.utc, &h), BORNE_OK);
	CHECK_INT(h.joined, 1);
	/* The last sync failed: said at once, since the last good one. */
	exec(t.st, "UPDATE sync_state SET last_error = 'could not connect'");
	t_wait_ms(&t, 61000);
	CHECK_CONTAINS(t.v->sync_status, "Pas synchronisée depuis");
	exec(t.st, "UPDATE sync_state SET last_error = '', update_required = 1");
	set_synced(t.st, t.utc - 7200);
	exec(t.st, "INSERT INTO audit(uuid, at_utc, actor_id, action,"
	           " target_kind, target_id, detail) VALUES ('a-1', 0, NULL,"
	           " 'badge.taken_elsewhere', 'member', 1, '04C1C2C3')");
	t_wait_ms(&t, 61000);
	CHECK_CONTAINS(t.v->sync_status, "Pas synchronisée depuis");
	CHECK_STR(t.v->sync_detail, "Mise à jour requise : une autre borne a une"
	          " version plus récente · Badges pris ailleurs : 1");
	t_act(&t, ACT_LANG, LANG_EN);
	t_wait_ms(&t, 61000);
	CHECK_CONTAINS(t.v->sync_detail, "Badges taken elsewhere: 1");
	/* A pull that gets to the end lifts "mise à jour requise". */
	CHECK_INT(syncview_note_pull(t.st, 0, 0), BORNE_OK);
	CHECK_INT(syncview_health(t.st, t.utc, &h), BORNE_OK);
	CHECK_INT(h.update_required, 0);
	CHECK_INT(h.badges_taken, 1);
	t_close(&t);
}

int
main(void)
{
	fx_setup();
	timeutil_init();
	(void)t_key;
	(void)t_text;
	test_alone();
	test_pending_then_refused();
	test_facilitators_told();
	return check_done();
}
