/* test_web_sync.c -- borne-web's dashboard tells the facilitators of the
** sync with the hub (issue 14), by facilitator mode's rule
** (syncview_health): nothing on a kiosk alone or freshly synced; "pas
** synchronisée depuis ..." when the last sync is an hour old or failed;
** "mise à jour requise" when a pull stopped on a newer schema; "badges
** pris ailleurs : N". In French and in English, through web_dispatch(). */
#include "check.h"
#include "web_fixture.h"

#include "member.h"
#include "syncview.h"

static Web w;
static int64_t now, fac;
static char tok[WEBAUTH_TOKEN_SIZE];

static void exec(const char *sql);
static void set_synced(int64_t utc);
static int  dash_has(const char *text);

static void
exec(const char *sql)
{
	CHECK_INT(sqlite3_exec(store_db(w.st), sql, NULL, NULL, NULL), SQLITE_OK);
}

static void
set_synced(int64_t utc)
{
	sqlite3_stmt *stmt = NULL;

	CHECK_INT(sqlite3_prepare_v2(store_db(w.st), "UPDATE sync_state SET"
	                             " synced_utc = ?1", -1, &stmt, NULL),
	          SQLITE_OK);
	sqlite3_bind_int64(stmt, 1, utc);
	CHECK_INT(sqlite3_step(stmt), SQLITE_DONE);
	sqlite3_finalize(stmt);
}

/* Whether the dashboard's body holds text. */
static int
dash_has(const char *text)
{
	WebX x;
	int has;

	wx_send(&w, &x, now, "GET", "/", tok, NULL);
	CHECK_INT(x.rs.status, 200);
	has = strstr(wx_body(&x), text) != NULL;
	wx_free(&x);
	return has;
}

int
main(void)
{
	fx_setup();
	now = fx_t("2026-03-02T10:00");
	wx_open(&w);
	CHECK_INT(member_add(w.st, "Awa", ROLE_FACILITATOR, 0, NULL, NULL, 0, now,
	                     &fac), BORNE_OK);
	wx_login(&w, fac, now, tok);

	/* A kiosk alone: no band. */
	CHECK(!dash_has("id=\"sync\""));
	/* Synced ten minutes ago: nothing to say. */
	set_synced(now - 600);
	CHECK(!dash_has("id=\"sync\""));
	/* The last try failed: said at once, with the error. */
	exec("UPDATE sync_state SET last_error = 'could not connect to hub'");
	CHECK(dash_has("id=\"sync-stale\">Pas synchronisée depuis le 2026-03-02 09:50"));
	CHECK(dash_has("dernier essai : could not connect to hub"));
	/* Two hours without a sync, an update required, a badge taken. */
	exec("UPDATE sync_state SET last_error = '', update_required = 1");
	set_synced(now - 7200);
	exec("INSERT INTO audit(uuid, at_utc, actor_id, action, target_kind,"
	     " target_id, detail) VALUES ('a-1', 0, NULL, 'badge.taken_elsewhere',"
	     " 'member', 1, '04C1C2C3')");
	CHECK(dash_has("id=\"sync-stale\">Pas synchronisée depuis le"));
	CHECK(!dash_has("dernier essai"));
	CHECK(dash_has("id=\"sync-update\">Mise à jour requise"));
	CHECK(dash_has("id=\"sync-badges\">Badges pris ailleurs : 1."));
	w.lang_en = 1;
	CHECK(dash_has("id=\"sync-stale\">Not synced since"));
	CHECK(dash_has("id=\"sync-update\">Update required"));
	CHECK(dash_has("id=\"sync-badges\">Badges taken elsewhere: 1."));
	w.lang_en = 0;
	/* A sync that got to the end: only the badges are left to say. */
	set_synced(now - 60);
	CHECK_INT(syncview_note_pull(w.st, 0, 0), BORNE_OK);
	CHECK(!dash_has("id=\"sync-stale\""));
	CHECK(!dash_has("id=\"sync-update\""));
	CHECK(dash_has("id=\"sync-badges\""));
	store_close(w.st);
	return check_done();
}
