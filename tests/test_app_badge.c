/* test_app_badge.c -- what a badge tap means, on every screen (app.h's
** one rule): the answer to the question the screen asked that person,
** within confirm_wait_s, or a check-in. Entering facilitator mode from
** Accueil touches no visit. And the kiosk without a usable database:
** "Hors service", then back by itself; a tap that cannot be saved is
** never greeted. */
#include "check.h"
#include "core_fixture.h"
#include "app_fixture.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include "checkin.h"

static int  visits(T *t);
static int  open_visit(T *t, const char *hex);
static void pin(T *t, const char *digits);
static void test_facilitator_entry(void);
static void test_checkin_on_facilitator(void);
static void test_checkin_on_pin(void);
static void test_checkin_on_post_form(void);
static void test_wait_expires(void);
static void test_wait_asked_member(void);
static void test_wait_anyone(void);
static void test_wait_bounds(void);
static void test_out_of_service(void);
static void test_store_writable(void);
static void test_tap_disk_full(void);

/* Rows in visits: every check-in made or closed shows here. */
static int
visits(T *t)
{
	sqlite3_stmt *s = NULL;
	int n = -1;

	if (sqlite3_prepare_v2(store_db(t->st), "SELECT COUNT(*) || '/' || "
	                       "COUNT(out_utc) FROM visits", -1, &s, NULL) ==
	    SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		int a = 0, b = 0;

		if (v != NULL && sscanf(v, "%d/%d", &a, &b) == 2)
			n = a * 1000 + b;
	}
	sqlite3_finalize(s);
	return n;
}

/* 1 when the member behind this badge has a visit open now. */
static int
open_visit(T *t, const char *hex)
{
	BadgeUid uid;
	Member m;
	sqlite3_stmt *s = NULL;
	int n = -1;

	uid_parse(hex, UID_DEC_LSB_FIRST, &uid, NULL, 0);
	if (member_by_badge(t->st, &uid, &m) != BORNE_OK)
		return -1;
	if (sqlite3_prepare_v2(store_db(t->st), "SELECT COUNT(*) FROM visits "
	                       "WHERE member_id = ? AND out_utc IS NULL", -1, &s,
	                       NULL) == SQLITE_OK) {
		sqlite3_bind_int64(s, 1, m.id);
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int(s, 0);
	}
	sqlite3_finalize(s);
	return n;
}

static void
pin(T *t, const char *digits)
{
	for (const char *p = digits; *p != '\0'; p++)
		t_act(t, ACT_PIN_DIGIT, *p - '0');
}

static void
test_facilitator_entry(void)
{
	T t;
	int before, open;

	t_open(&t, "entry.db", "2024-12-10T10:00", LANG_FR);
	before = visits(&t);
	open = open_visit(&t, B_BERNARD);
	/* "Espace animation" on Accueil asks for a facilitator's badge... */
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->wait, WAIT_STAFF);
	CHECK_STR(t.v->wait_text, "Quelqu’un de l’équipe d’animation passe son badge");
	CHECK_INT(t.v->wait_left_s, 20);
	/* ...which answers it: the PIN, no visit made or closed. */
	t_badge(&t, B_BERNARD);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(visits(&t), before);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_INT(visits(&t), before);
	CHECK_INT(open_visit(&t, B_BERNARD), open);
	/* A badge on Accueil stays a check-in, staff included. */
	t_badge(&t, B_BERNARD);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK(visits(&t) != before);
	CHECK_INT(open_visit(&t, B_BERNARD), !open);
	t_close(&t);
}

static void
test_checkin_on_facilitator(void)
{
	T t;
	int n;

	t_open(&t, "onfac.db", "2024-12-10T10:00", LANG_FR);
	t_act(&t, ACT_FACILITATOR, 0);
	t_badge(&t, B_BERNARD);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	n = t.v->fac.n_present;
	CHECK_INT(open_visit(&t, B_INES), 0);
	t_badge(&t, B_INES);
	CHECK_INT(open_visit(&t, B_INES), 1);
	CHECK_STR(t.v->toast, "Bonjour Inès ! Arrivée enregistrée à 10 h 00");
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_INT(t.v->fac.n_present, n + 1);
	CHECK_STR(t.v->first_name, "Bernard");
	/* Leaving is recorded too (after the repeat guard; the wall clock
	** alone moves, by less than a jump, so the screen stays). */
	t.utc += 100;
	t_badge(&t, B_INES);
	CHECK_INT(open_visit(&t, B_INES), 0);
	CHECK_STR(t.v->toast, "À bientôt Inès ! Départ enregistré à 10 h 01");
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	/* An unknown badge is said so; facilitator mode stays. */
	t_badge(&t, B_NEW);
	CHECK_CONTAINS(t.v->toast, "pas enregistré");
	CHECK_INT(t.v->cue, CUE_UNKNOWN);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	t_close(&t);
}

static void
test_checkin_on_pin(void)
{
	T t;

	t_open(&t, "onpin.db", "2024-12-10T10:00", LANG_EN);
	t_act(&t, ACT_FACILITATOR, 0);
	t_badge(&t, B_BERNARD);
	pin(&t, "12");
	t_badge(&t, B_INES);
	CHECK_INT(open_visit(&t, B_INES), 1);
	CHECK_STR(t.v->toast, "Hello Inès! Arrival recorded at 10:00");
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_len, 2);          /* the digits stay */
	pin(&t, "34");
	t_key(&t, APP_KEY_ENTER);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_STR(t.v->first_name, "Bernard");
	t_close(&t);
}

static void
test_checkin_on_post_form(void)
{
	T t;
	int64_t sophie;

	t_open(&t, "onpost.db", "2024-12-10T10:00", LANG_FR);
	/* Sophie asks to post from the board: her badge answers, no check-in. */
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->wait, WAIT_POSTER);
	CHECK_INT(open_visit(&t, B_SOPHIE), 0);
	t_badge(&t, B_SOPHIE);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_INT(open_visit(&t, B_SOPHIE), 0);
	sophie = t.v->member.id;
	t_text(&t, "Réparer le vélo");
	/* Mamadou arrives mid-draft: checked in, greeted over the form. */
	t_badge(&t, B_MAMADOU);
	CHECK_INT(open_visit(&t, B_MAMADOU), 1);
	CHECK_STR(t.v->toast, "Bonjour Mamadou ! Arrivée enregistrée à 10 h 00");
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	/* The draft survives, and stays Sophie's. */
	CHECK_STR(t.v->post.field.text, "Réparer le vélo");
	CHECK_INT(t.v->member.id, sophie);
	CHECK_STR(t.v->first_name, "Sophie");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_DESCRIPTION);
	CHECK_STR(t.v->post.draft.title, "Réparer le vélo");
	/* A form is asked nothing: Sophie's own badge is her arrival. */
	t_badge(&t, B_SOPHIE);
	CHECK_INT(open_visit(&t, B_SOPHIE), 1);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_STR(t.v->post.draft.title, "Réparer le vélo");
	t_close(&t);
}

static void
test_wait_expires(void)
{
	T t;
	int64_t id;
	Mission m;
	int ms;

	t_open(&t, "expire.db", "2024-12-10T10:00", LANG_FR);
	id = t_mission(&t, "Décaper un mur avant peinture");
	t_act(&t, ACT_OPEN_MISSION, id);
	t_act(&t, ACT_TAKE, 0);
	CHECK_INT(t.v->wait, WAIT_TAKE);
	CHECK_INT(t.v->wait_left_s, 20);
	/* The UI wakes for the countdown and for the end. */
	ms = app_next_tick_ms(t.app, t.ms + 300);
	CHECK_INT(ms, 700);
	t_wait_ms(&t, 5000);
	CHECK_INT(t.v->wait_left_s, 15);
	CHECK_INT(t.v->wait, WAIT_TAKE);
	/* Touching the screen does not make the question last. */
	t_act(&t, ACT_NONE, 0);
	t_wait_ms(&t, 15000);
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_STR(t.v->wait_text, "");
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	/* The next person is checked in and takes nothing. */
	t_badge(&t, B_MAMADOU);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_STR(t.v->result.greeting, "Bonjour Mamadou !");
	CHECK_INT(open_visit(&t, B_MAMADOU), 1);
	CHECK_INT(mission_get(t.st, id, &m), BORNE_OK);
	CHECK_INT(m.n_takers, 0);
	/* Expired even with no tick in between (the badge came first). */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_OPEN_MISSION, id);
	t_act(&t, ACT_TAKE, 0);
	t.ms += 20000;
	t.utc += 20;
	t_badge(&t, B_SOPHIE);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(mission_get(t.st, id, &m), BORNE_OK);
	CHECK_INT(m.n_takers, 0);
	t_close(&t);
}

static void
test_wait_asked_member(void)
{
	T t;
	int64_t id;
	Mission m;

	t_open(&t, "asked.db", "2024-12-10T10:00", LANG_FR);
	id = t_mission(&t, "Décaper un mur avant peinture");
	t_badge(&t, B_MAMADOU);                 /* his session */
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_OPEN_MISSION, id);
	/* Badged in, he takes it at once: his badge is not asked again. */
	t_act(&t, ACT_TAKE, 0);
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_INT(t.v->detail.outcome, OUTCOME_TAKEN);
	CHECK_INT(mission_is_taker(t.st, id, t.v->member.id), 1);
	t_act(&t, ACT_BACK, 0);
	t_act(&t, ACT_RELEASE, 0);
	CHECK_INT(t.v->wait, WAIT_RELEASE);
	/* Sophie arrives: her check-in, not Mamadou's answer. */
	t_badge(&t, B_SOPHIE);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_STR(t.v->result.greeting, "Bonjour Sophie !");
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_INT(mission_get(t.st, id, &m), BORNE_OK);
	CHECK_INT(m.n_takers, 1);
	/* Asked in Mamadou's session, Mamadou's badge answers. */
	t_act(&t, ACT_HOME, 0);
	t_later(&t, 120);
	t_badge(&t, B_MAMADOU);
	CHECK_STR(t.v->result.greeting, "À bientôt Mamadou !");
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_OPEN_MISSION, id);
	t_act(&t, ACT_RELEASE, 0);
	t_badge(&t, B_MAMADOU);
	CHECK_STR(t.v->toast, "C’est noté Mamadou : vous n’êtes plus sur cette mission.");
	CHECK_INT(mission_is_taker(t.st, id, t.v->member.id), 0);
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	t_close(&t);
}

static void
test_wait_anyone(void)
{
	T t;
	int64_t id;
	int before;

	t_open(&t, "anyone.db", "2024-12-10T10:00", LANG_FR);
	id = t_mission(&t, "Décaper un mur avant peinture");
	before = visits(&t);
	/* Nobody badged in: the first badge within the wait answers, and
	** the screen says whose it was. No check-in. */
	t_act(&t, ACT_OPEN_MISSION, id);
	t_act(&t, ACT_TAKE, 0);
	t_wait_ms(&t, 19000);
	t_badge(&t, B_MAMADOU);
	CHECK_STR(t.v->detail.outcome_title,
	          "C’est noté Mamadou : la mission est pour vous !");
	CHECK_STR(t.v->first_name, "Mamadou");
	CHECK_INT(visits(&t), before);
	/* Whoever's badge it is, it settles the question: done or refused. */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_POST, 0);
	t_badge(&t, B_MAMADOU);             /* a cooperator does not post */
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_CONTAINS(t.v->toast, "membres de la coopérative prennent les missions");
	t_badge(&t, B_MAMADOU);             /* so the next tap is his arrival */
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(open_visit(&t, B_MAMADOU), 1);
	t_close(&t);
}

static void
test_wait_bounds(void)
{
	T t;
	AppConfig cfg;

	app_config_defaults(&cfg);
	CHECK_INT(cfg.confirm_wait_ms, 20000);
	CHECK_INT(cfg.store_retry_ms, 5000);
	/* Too short to find one's badge: 5 s at least. */
	cfg.confirm_wait_ms = 1000;
	t_open_cfg(&t, "bounds.db", "2024-12-10T10:00", &cfg);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->wait_left_s, 5);
	t_close(&t);
	/* So long the next arrival would answer: 2 min at most. */
	cfg.confirm_wait_ms = 3600 * 1000;
	t_open_cfg(&t, "bounds2.db", "2024-12-10T10:00", &cfg);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->wait_left_s, 120);
	t_close(&t);
}

static void
test_out_of_service(void)
{
	App *app = NULL;
	const AppView *v;
	AppConfig cfg;
	AppEvent e;
	Store *st;
	int64_t ms = 1000, utc = fx_t("2024-12-10T10:00");

	app_config_defaults(&cfg);
	CHECK_INT(app_new(NULL, &cfg, ms, utc, &app), BORNE_OK);
	v = app_view(app);
	CHECK_INT(v->screen, SCREEN_OUT_OF_SERVICE);
	CHECK_STR(app_screen_name(v->screen), "out-of-service");
	app_out_of_service(app, BORNE_EFULL, "/var/lib/borne/borne.db",
	                   "database or disk is full");
	CHECK_STR(v->oos.oos_reason, "Disque plein");
	CHECK_STR(v->oos.oos_path, "/var/lib/borne/borne.db");
	CHECK_STR(v->oos.oos_detail, "database or disk is full");
	CHECK_CONTAINS(v->oos.oos_retry, "toutes les 5 secondes");
	CHECK_STR(v->clock, "10:00");
	app_out_of_service(app, BORNE_EREADONLY, "/x.db", NULL);
	CHECK_STR(v->oos.oos_reason, "Base de données en lecture seule");
	CHECK_STR(v->oos.oos_detail, "");
	app_out_of_service(app, BORNE_ECORRUPT, "/x.db", NULL);
	CHECK_STR(v->oos.oos_reason, "Base de données illisible ou abîmée");
	app_out_of_service(app, BORNE_EBUSY, "/x.db", NULL);
	CHECK_STR(v->oos.oos_reason, "Base de données bloquée par un autre programme");
	app_out_of_service(app, BORNE_EIO, "/x.db", NULL);
	CHECK_STR(v->oos.oos_reason, "Base de données inaccessible (erreur de disque)");
	/* A badge is told it was not saved; buttons do nothing; time runs. */
	memset(&e, 0, sizeof e);
	e.type = APP_EV_BADGE;
	uid_parse(B_INES, UID_DEC_LSB_FIRST, &e.uid, NULL, 0);
	CHECK_INT(app_handle(app, &e, ms, utc), 1);
	CHECK_STR(v->toast, "Borne hors service : passage non enregistré.");
	CHECK_INT(v->cue, CUE_REFUSED);
	CHECK_INT(v->screen, SCREEN_OUT_OF_SERVICE);
	memset(&e, 0, sizeof e);
	e.type = APP_EV_ACTION;
	for (int act = ACT_HOME; act <= ACT_DAY_OPEN; act++) {
		e.action = (AppAction)act;
		app_handle(app, &e, ms, utc);
		CHECK_INT(v->screen, SCREEN_OUT_OF_SERVICE);
	}
	memset(&e, 0, sizeof e);
	e.type = APP_EV_TICK;
	ms += 61000;
	utc += 61;
	CHECK_INT(app_handle(app, &e, ms, utc), 1);
	CHECK_STR(v->clock, "10:01");
	CHECK_STR(v->toast, "");
	CHECK(app_next_tick_ms(app, ms) > 0);
	/* The database comes back: Accueil, and taps are check-ins again. */
	st = fx_open("oos.db");
	demo_fill(st, utc);
	app_store_ready(app, st, ms, utc);
	CHECK_INT(v->screen, SCREEN_ACCUEIL);
	CHECK_STR(v->oos.oos_reason, "");
	CHECK_INT(v->present_count, 5);
	memset(&e, 0, sizeof e);
	e.type = APP_EV_BADGE;
	uid_parse(B_INES, UID_DEC_LSB_FIRST, &e.uid, NULL, 0);
	app_handle(app, &e, ms, utc);
	CHECK_STR(v->result.greeting, "Bonjour Inès !");
	app_free(app);
	store_close(st);
}

static void
test_store_writable(void)
{
	Store *st = NULL, *ro = NULL;
	char uri[600], err[256];

	st = fx_open("probe.db");
	CHECK_INT(store_check_writable(st), BORNE_OK);
	snprintf(uri, sizeof uri, "file:%s?mode=ro", fx_path("probe.db"));
	/* Opens (a read-only database reads fine)... */
	CHECK_INT(store_open(uri, &ro, err, sizeof err), BORNE_OK);
	/* ...but takes no tap: found before the first badge. */
	CHECK_INT(store_check_writable(ro), BORNE_EREADONLY);
	store_close(ro);
	/* Another program holds the write lock: busy, said so. */
	CHECK_INT(store_open(fx_path("probe.db"), &ro, err, sizeof err), BORNE_OK);
	store_set_busy_timeout(ro, 1);
	CHECK_INT(store_begin(st), BORNE_OK);
	CHECK_INT(store_check_writable(ro), BORNE_EBUSY);
	store_rollback(st);
	CHECK_INT(store_check_writable(ro), BORNE_OK);
	store_close(ro);
	store_close(st);
}

static void
test_tap_disk_full(void)
{
	T t;
	struct rlimit old, tiny;
	int before = 0, after = -1;

	t_open(&t, "full.db", "2024-12-10T10:00", LANG_FR);
	t_act(&t, ACT_FACILITATOR, 0);
	t_badge(&t, B_BERNARD);
	/* The disk fills up: no file may grow (root too; SIGXFSZ ignored
	** makes the write fail instead of killing us). */
	sqlite3_exec(store_db(t.st), "PRAGMA wal_checkpoint(TRUNCATE)", NULL,
	             NULL, NULL);
	checkin_present_count(t.st, t.utc, &before);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	tiny = old;
	tiny.rlim_cur = 4096;
	CHECK_INT(setrlimit(RLIMIT_FSIZE, &tiny), 0);
	/* Over the PIN pad: said plainly, no greeting. */

	t_badge(&t, B_INES);
	CHECK_STR(t.v->toast, "Passage non enregistré : La mémoire de la borne "
	          "est pleine : prévenez l’équipe.");
	CHECK_INT(t.v->cue, CUE_REFUSED);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	/* On Accueil: the error screen, never "Bonjour". */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_HOME, 0);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	t_badge(&t, B_INES);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(t.v->result.result_error, 1);
	CHECK_STR(t.v->result.greeting, "Passage non enregistré");
	CHECK_CONTAINS(t.v->result.greeting_detail, "pleine");
	CHECK(strstr(t.v->result.greeting, "Bonjour") == NULL);
	CHECK_INT(t.v->has_member, 0);
	CHECK_INT(setrlimit(RLIMIT_FSIZE, &old), 0);
	checkin_present_count(t.st, t.utc, &after);
	CHECK_INT(after, before);
	/* Room again: the same tap goes through. */
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, B_INES);
	CHECK_STR(t.v->result.greeting, "Bonjour Inès !");
	CHECK_INT(open_visit(&t, B_INES), 1);
	t_close(&t);
}

/* A minor back after ten minutes outside is still in one stretch of
** over 4 h 30: the greeting asks for a real break, and facilitators see
** it beside her name. Past 8 h in the day, leaving says the day is done.
** An adult's greeting says none of it. */
static void
test_minor_safety(void)
{
	T t;
	int found = 0;

	t_open(&t, "safety.db", "2024-12-10T09:00", LANG_FR);
	CHECK_INT(open_visit(&t, B_INES), 0);
	t_badge(&t, B_INES);                            /* in at 9:00 */
	CHECK_INT(open_visit(&t, B_INES), 1);
	CHECK(strstr(t.v->result.greeting_note, "pause") == NULL);
	t_later(&t, 4 * 3600 + 50 * 60);
	t_badge(&t, B_INES);                            /* out at 13:50 */
	CHECK_INT(open_visit(&t, B_INES), 0);
	t_later(&t, 10 * 60);
	t_badge(&t, B_INES);                            /* back at 14:00 */
	CHECK_STR(t.v->result.greeting_note, "Vous travaillez depuis longtemps "
	          "sans pause. Faites une pause maintenant.");
	t_badge(&t, B_MAMADOU);                         /* an adult */
	CHECK(strstr(t.v->result.greeting_note, "pause") == NULL);

	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_FACILITATOR, 0);
	t_badge(&t, B_BERNARD);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	for (int i = 0; i < t.v->fac.n_present; i++) {
		if (strncmp(t.v->fac.present[i].name, "Inès", 5) == 0) {
			CHECK_STR(t.v->fac.present[i].safety, "Pause à faire");
			found++;
		} else if (strncmp(t.v->fac.present[i].name, "Mamadou", 7) == 0) {
			CHECK_STR(t.v->fac.present[i].safety, "");   /* an adult */
			found++;
		}
	}
	CHECK_INT(found, 2);
	t_act(&t, ACT_HOME, 0);

	t_later(&t, 4 * 3600);
	t_badge(&t, B_INES);                            /* out at 18:00: 8 h 50 */
	CHECK_INT(open_visit(&t, B_INES), 0);
	CHECK_CONTAINS(t.v->result.greeting_note, "heures du jour");
	t_close(&t);
}

int
main(void)
{
	fx_setup();
	test_facilitator_entry();
	test_checkin_on_facilitator();
	test_minor_safety();
	test_checkin_on_pin();
	test_checkin_on_post_form();
	test_wait_expires();
	test_wait_asked_member();
	test_wait_anyone();
	test_wait_bounds();
	test_out_of_service();
	test_store_writable();
	test_tap_disk_full();
	return check_done();
}
