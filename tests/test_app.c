/* test_app.c -- the kiosk's state machine: check-in greetings, idle
** return, board, mission detail with badge confirmation and languages.
** The formatting (test_format.c), the post form and facilitator mode
** have their own files (test_app_post.c, test_app_facilitator.c). */
#include "check.h"
#include "core_fixture.h"
#include "app_fixture.h"

#include "checkin.h"
#include "i18n.h"
#include "text.h"

static void test_screen_names(void);
static void test_accueil(void);
static void test_checkin_in_out(void);
static void test_checkin_refusals(void);
static void test_checkin_db_error(void);
static void test_idle(void);
static void test_greeting_time(void);
static void test_board(void);
static void test_mission_take(void);
static void test_mission_refusals(void);
static void test_mission_done_release(void);
static void test_english(void);
static void test_next_tick(void);
static void test_reader(void);

static void
test_screen_names(void)
{
	CHECK_STR(app_screen_name(SCREEN_UNKNOWN_BADGE), "unknown-badge");
	CHECK_STR(app_screen_name(SCREEN_POST_MISSION), "post-mission");
}

static void
test_accueil(void)
{
	T t;

	t_open(&t, "accueil.db", "2024-12-10T09:12", LANG_FR);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_STR(t.v->clock, "9:12");
	CHECK_STR(t.v->date_long, "Mardi 10 décembre");
	CHECK_STR(t.v->space_name, "Le Patio");
	CHECK(t.v->has_day);
	CHECK_STR(t.v->day_title, "Chantier peinture");
	CHECK_STR(t.v->day_hours, "9 h – 17 h");
	CHECK_INT(t.v->present_count, 5);
	CHECK_STR(t.v->present_text, "5 personnes présentes");
	CHECK(t.v->accueil.open_count > 15);
	CHECK_INT(t.v->accueil.n_news, APP_NEWS_MAX);
	CHECK(t.v->accueil.news_text[0].when[0] != '\0');
	CHECK_INT(t.v->has_member, 0);
	CHECK_INT(t.v->idle_left_s, 0);
	/* The demo fills a fresh database once; a second time changes nothing. */
	CHECK_INT(demo_fill(t.st, t.utc), BORNE_EREFUSED);
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM missions"), 30);
	t_close(&t);
}

/* Each new minute the app closes the visits whose day ended and expires
** past missions, even when nobody taps. */
static void
test_housekeeping(void)
{
	T t;
	long long before;

	t_open(&t, "housekeeping.db", "2024-12-10T16:58", LANG_FR);
	CHECK(t.v->present_count > 0);
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM visits"
	                           " WHERE auto_closed = 1"), 0);
	before = fx_sql_int(t.st, "SELECT count(*) FROM missions"
	                          " WHERE status = 'expired'");
	t_wait_ms(&t, 3 * 60 * 1000);             /* 17:01: the day closed */
	CHECK_INT(t.v->present_count, 0);
	CHECK(fx_sql_int(t.st, "SELECT count(*) FROM visits"
	                       " WHERE auto_closed = 1") > 0);
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM visits"
	                           " WHERE out_utc IS NULL"), 0);
	t_wait_ms(&t, 60 * 1000);
	t_wait_ms(&t, 40LL * 24 * 3600 * 1000);   /* weeks later */
	CHECK(fx_sql_int(t.st, "SELECT count(*) FROM missions"
	                       " WHERE status = 'expired'") > before);
	t_close(&t);
}

struct find_visit { int64_t member_id; int found, open; };

static int
find_visit_cb(const Visit *v, void *ctx)
{
	struct find_visit *f = ctx;

	if (v->member_id == f->member_id) {
		f->found++;
		f->open = v->out_utc == 0;
	}
	return 0;
}

static void
test_checkin_in_out(void)
{
	T t;
	Store *other;
	struct find_visit fv;
	unsigned seq;
	int64_t ines;

	t_open(&t, "inout.db", "2024-12-10T09:12", LANG_FR);
	seq = t.v->cue_seq;
	CHECK_INT(t_badge(&t, B_INES), 1);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(t.v->result.outcome, CHECKIN_IN);
	CHECK_STR(t.v->result.greeting, "Bonjour Inès !");
	CHECK_STR(t.v->result.greeting_detail, "Arrivée enregistrée à 9 h 12");
	CHECK_CONTAINS(t.v->result.greeting_note, "Arroser les plantes du bureau");
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	CHECK_INT(t.v->cue_seq, seq + 1);
	CHECK(t.v->has_member);
	CHECK_STR(t.v->first_name, "Inès");
	CHECK_INT(t.v->can_post, 0);
	CHECK_INT(t.v->is_staff, 0);
	CHECK_INT(t.v->result.result_error, 0);
	CHECK_INT(t.v->idle_left_s, 15);
	CHECK_STR(t.v->idle_text, "Retour à l’accueil dans 15 secondes");
	CHECK_INT(t.v->present_count, 6);
	ines = t.v->member.id;

	/* The greeting is on screen: a second connection sees the visit. */
	other = fx_open("inout.db");
	memset(&fv, 0, sizeof fv);
	fv.member_id = ines;
	CHECK_INT(checkin_each(other, "2024-12-10", find_visit_cb, &fv), BORNE_OK);
	CHECK_INT(fv.found, 1);
	CHECK_INT(fv.open, 1);

	/* Member home, then Terminé: names leave the screen. */
	t_act(&t, ACT_MY_MISSIONS, 0);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	CHECK(t.v->home.n_my >= 1);
	CHECK_STR(t.v->home.my[0].title, "Arroser les plantes du bureau");
	CHECK_STR(t.v->home.my_text[0].reward, "Pourboire");
	t_act(&t, ACT_HOME, 0);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_INT(t.v->has_member, 0);
	CHECK_STR(t.v->first_name, "");
	CHECK_STR(t.v->result.greeting, "");
	CHECK_INT(t.v->home.n_my, 0);

	/* 15 h 52: the departure, with the hours of the day. */
	t.ms += (fx_t("2024-12-10T15:52") - t.utc) * 1000;
	t.utc = fx_t("2024-12-10T15:52");
	seq = t.v->cue_seq;
	t_badge(&t, B_INES);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(t.v->result.outcome, CHECKIN_OUT);
	CHECK_STR(t.v->result.greeting, "À bientôt Inès !");
	CHECK_STR(t.v->result.greeting_detail, "6 h 40 aujourd’hui");
	CHECK_STR(t.v->result.greeting_extra, "Départ à 15 h 52");
	CHECK_STR(t.v->result.greeting_note, "Merci pour votre aide : Chantier peinture");
	CHECK_INT(t.v->cue_seq, seq + 1);
	memset(&fv, 0, sizeof fv);
	fv.member_id = ines;
	checkin_each(other, "2024-12-10", find_visit_cb, &fv);
	CHECK_INT(fv.open, 0);
	store_close(other);
	/* "Terminé" after a departure: back to Accueil. */
	t_act(&t, ACT_HOME, 0);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	t_close(&t);
}

static void
test_checkin_refusals(void)
{
	T t;
	unsigned seq;

	t_open(&t, "refusals.db", "2024-12-10T10:00", LANG_FR);
	/* A bounce within the repeat window: kindly noted, nothing new. */
	t_badge(&t, B_MAMADOU);
	CHECK_INT(t.v->result.outcome, CHECKIN_IN);
	t_later(&t, 5);
	t.ms += 5000;
	t_badge(&t, B_MAMADOU);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(t.v->result.outcome, CHECKIN_IGNORED);
	CHECK_STR(t.v->result.greeting, "C’est déjà noté, Mamadou !");
	CHECK_CONTAINS(t.v->result.greeting_detail, "10 h 00");
	CHECK(t.v->has_member);

	/* Unknown badge: its own screen, the raw UID, the unknown cue. */
	seq = t.v->cue_seq;
	t_badge(&t, B_NEW);
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	CHECK_STR(t.v->enrol.raw_uid, B_NEW);
	CHECK_INT(t.v->cue, CUE_UNKNOWN);
	CHECK_INT(t.v->cue_seq, seq + 1);
	CHECK_INT(t.v->has_member, 0);
	CHECK_STR(t.v->first_name, "");
	CHECK_INT(t.v->enrol.enrolling, 0);
	CHECK_INT(t.v->idle_left_s, 30);
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);

	/* Deactivated: a refusal, no session, no name. */
	seq = t.v->cue_seq;
	t_badge(&t, B_THEO);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(t.v->result.outcome, CHECKIN_INACTIVE);
	CHECK_STR(t.v->result.greeting, "Ce badge n’est plus actif");
	CHECK_CONTAINS(t.v->result.greeting_detail, "l’équipe d’animation");
	CHECK_INT(t.v->cue, CUE_REFUSED);
	CHECK_INT(t.v->cue_seq, seq + 1);
	CHECK_INT(t.v->has_member, 0);

	/* Badges check in from the board and member home too. */
	t_act(&t, ACT_BOARD, 0);
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	t_badge(&t, B_LEA);          /* present since the demo: a departure */
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(t.v->result.outcome, CHECKIN_OUT);
	CHECK_STR(t.v->first_name, "Léa");
	t_close(&t);
}

static void
test_checkin_db_error(void)
{
	T t;
	Store *other;
	unsigned seq;
	int n = -1;

	t_open(&t, "dberror.db", "2024-12-10T10:00", LANG_FR);
	/* Another process holds the write lock: the tap cannot be saved. */
	other = fx_open("dberror.db");
	store_set_busy_timeout(t.st, 1);
	CHECK_INT(store_begin(other), BORNE_OK);
	seq = t.v->cue_seq;
	t_badge(&t, B_INES);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(t.v->result.result_error, 1);
	CHECK_STR(t.v->result.greeting, "Passage non enregistré");
	CHECK_CONTAINS(t.v->result.greeting_detail, "réessayez");
	CHECK(strstr(t.v->result.greeting, "Bonjour") == NULL);
	CHECK_INT(t.v->has_member, 0);
	CHECK_INT(t.v->cue, CUE_REFUSED);
	CHECK_INT(t.v->cue_seq, seq + 1);
	store_rollback(other);
	/* Nothing was half-saved; the next tap works. */
	checkin_present_count(other, t.utc, &n);
	CHECK_INT(n, 5);
	t_badge(&t, B_INES);
	CHECK_INT(t.v->result.result_error, 0);
	CHECK_STR(t.v->result.greeting, "Bonjour Inès !");
	store_close(other);
	t_close(&t);
}

/* greeting_s is how long the badge result stays: the default is what the
** kiosk does, a longer one is kept, a shorter one is raised to 15 s. */
static void
test_greeting_time(void)
{
	T t;
	AppConfig cfg;

	app_config_defaults(&cfg);
	cfg.idle_timeout_ms = 60000;
	t_open_cfg(&t, "greet1.db", "2024-12-10T09:12", &cfg);
	t_badge(&t, B_INES);
	CHECK_INT(t.v->idle_left_s, (int)(cfg.greeting_ms / 1000));
	t_close(&t);

	cfg.greeting_ms = 30000;
	t_open_cfg(&t, "greet2.db", "2024-12-10T09:12", &cfg);
	t_badge(&t, B_INES);
	CHECK_INT(t.v->idle_left_s, 30);
	t_wait_ms(&t, 29000);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	t_wait_ms(&t, 1000);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	t_close(&t);

	cfg.greeting_ms = 6000;
	t_open_cfg(&t, "greet3.db", "2024-12-10T09:12", &cfg);
	t_badge(&t, B_INES);
	CHECK_INT(t.v->idle_left_s, 15);
	t_close(&t);
}

static void
test_idle(void)
{
	T t;

	t_open(&t, "idle.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_INES);
	CHECK_INT(t.v->idle_left_s, 15);
	CHECK_INT(t_wait_ms(&t, 5000), 1);
	CHECK_INT(t.v->idle_left_s, 10);
	CHECK_STR(t.v->idle_text, "Retour à l’accueil dans 10 secondes");
	/* A touch that hit nothing restarts the count. */
	CHECK_INT(t_ev(&t, &(AppEvent){ .type = APP_EV_ACTIVITY }), 1);
	CHECK_INT(t.v->idle_left_s, 15);
	CHECK_INT(t_wait_ms(&t, 15000), 1);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_INT(t.v->has_member, 0);
	CHECK_STR(t.v->result.greeting, "");
	CHECK_STR(t.v->first_name, "");

	/* The board keeps the session for the full idle time, then clears. */
	t_badge(&t, B_MAMADOU);
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_SEARCH, 0);
	t_text(&t, "table");
	CHECK_INT(t.v->idle_left_s, 60);
	t_wait_ms(&t, 59000);
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	CHECK(t.v->has_member);
	t_wait_ms(&t, 1000);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_INT(t.v->has_member, 0);
	CHECK_STR(t.v->member.name, "");
	CHECK_STR(t.v->board.search.text, "");
	CHECK_INT(t.v->kbd_visible, 0);
	/* Accueil has no timeout. */
	CHECK_INT(t_wait_ms(&t, 120000), 1);     /* the clock moved */
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_STR(t.v->clock, "9:15");     /* 9:12 + 200 s */
	t_close(&t);
}

static void
test_board(void)
{
	T t;
	int total_all, ok = 1;

	t_open(&t, "board.db", "2024-12-10T09:12", LANG_FR);
	t_act(&t, ACT_BOARD, 0);
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	CHECK_INT(t.v->board.filter, -1);
	total_all = t.v->board.board_total;
	CHECK(total_all > APP_BOARD_WINDOW / 2);
	CHECK_INT(t.v->board.n_cards, total_all < APP_BOARD_WINDOW ? total_all :
	          APP_BOARD_WINDOW);
	CHECK_INT(t.v->board.board_offset, 0);
	CHECK(t.v->board.cards_text[0].when[0] != '\0');
	for (int i = 0; i < t.v->board.n_cards; i++)
		ok &= t.v->board.cards[i].status == MISSION_OPEN;
	CHECK(ok);                 /* passers-by see open missions only */

	/* Category chips. */
	t_act(&t, ACT_FILTER, CAT_ANIMAUX);
	CHECK_INT(t.v->board.filter, CAT_ANIMAUX);
	CHECK(t.v->board.board_total >= 3);
	ok = 1;
	for (int i = 0; i < t.v->board.n_cards; i++)
		ok &= t.v->board.cards[i].category == CAT_ANIMAUX;
	CHECK(ok);
	t_act(&t, ACT_FILTER, -1);
	CHECK_INT(t.v->board.board_total, total_all);

	/* Search: the keyboard opens, each character re-queries, accents
	** do not matter. */
	t_act(&t, ACT_SEARCH, 0);
	CHECK_INT(t.v->kbd_visible, 1);
	CHECK_INT(t.v->board.search.focused, 1);
	t_text(&t, "d");
	CHECK(t.v->board.board_total < total_all);
	t_text(&t, "ecaper");
	CHECK_STR(t.v->board.search.text, "decaper");
	CHECK_INT(t.v->board.board_total, 1);
	CHECK_STR(t.v->board.cards[0].title, "Décaper un mur avant peinture");
	CHECK_STR(t.v->board.cards_text[0].reward, "45 €");
	CHECK_STR(t.v->board.cards_text[0].when, "Sam. 14 déc.");
	t_key(&t, APP_KEY_BACKSPACE);
	CHECK_STR(t.v->board.search.text, "decape");
	CHECK_INT(t.v->board.board_total, 1);
	t_act(&t, ACT_SEARCH_CLEAR, 0);
	CHECK_STR(t.v->board.search.text, "");
	CHECK_INT(t.v->board.board_total, total_all);
	t_key(&t, APP_KEY_ENTER);
	CHECK_INT(t.v->kbd_visible, 0);

	/* Scrolling moves by rows of board_columns cards, within bounds. */
	t_act(&t, ACT_SCROLL, 1);
	CHECK_INT(t.v->board.board_offset, 2);
	t_act(&t, ACT_SET_COLUMNS, 1);
	t_act(&t, ACT_SCROLL, 3);
	CHECK_INT(t.v->board.board_offset, 5);
	t_act(&t, ACT_SCROLL, -10);
	CHECK_INT(t.v->board.board_offset, 0);
	t_act(&t, ACT_SCROLL, 1000);
	CHECK_INT(t.v->board.board_offset, total_all - 1);
	CHECK_INT(t.v->board.n_cards, 1);
	t_act(&t, ACT_SCROLL_TO, 4);
	CHECK_INT(t.v->board.board_offset, 4);
	t_key(&t, APP_KEY_PAGEUP);
	CHECK_INT(t.v->board.board_offset, 2);

	/* A minor badged in sees only missions open to minors. */
	t_badge(&t, B_INES);
	t_act(&t, ACT_BOARD, 0);
	CHECK_INT(t.v->board.minors_only, 1);
	CHECK(t.v->board.board_total < total_all);
	ok = 1;
	for (int i = 0; i < t.v->board.n_cards; i++)
		ok &= t.v->board.cards[i].minors_ok;
	CHECK(ok);
	/* Back goes to the member's home, Accueil ends the session. */
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	t_act(&t, ACT_HOME, 0);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);

	/* A cleared search is empty in the whole view, wherever it is cleared
	** (fuzz_form found text "" with n_chars 6 after leaving the board). */
	t_act(&t, ACT_SEARCH, 0);
	t_text(&t, "décape");
	CHECK_INT(t.v->board.search.n_chars, 6);
	t_act(&t, ACT_HOME, 0);
	CHECK_STR(t.v->board.search.text, "");
	CHECK_INT(t.v->board.search.n_chars, 0);
	t_act(&t, ACT_SEARCH, 0);
	t_text(&t, "abc");
	t_act(&t, ACT_SEARCH_CLEAR, 0);
	CHECK_STR(t.v->board.search.text, "");
	CHECK_INT(t.v->board.search.n_chars, 0);

	/* An emoji typed in two keystrokes: the joiner waits in the field for
	** the next one, and the search meanwhile is no fault of the kiosk's
	** (fuzz_form: "la borne a un problème" for woman + ZWJ). */
	t_text(&t, "\xF0\x9F\x91\xA9");
	t_text(&t, "\xE2\x80\x8D");
	CHECK_STR(t.v->board.search.text, "\xF0\x9F\x91\xA9\xE2\x80\x8D");
	CHECK_STR(t.v->problem, "");
	CHECK_INT(t.v->board.board_total, 0);
	t_text(&t, "\xF0\x9F\x92\xBB");
	CHECK_STR(t.v->board.search.text,
	          "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB");
	CHECK_STR(t.v->problem, "");
	t_close(&t);
}

/* A search that finds more than the cap is not counted to the end: the
** view says "more than" (board_more), the pager still goes on, and the
** count is exact again once a page reaches past the last match. The cap
** is lowered to 2 (MISSION_SEARCH_CAP is 1,000) so that 60 missions do. */
static void
test_board_more(void)
{
	T t;
	MissionDraft d;
	int64_t poster = 0;

	t_open(&t, "board_more.db", "2024-12-10T09:12", LANG_FR);
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM missions WHERE title"
	                           " LIKE '%zebre%'"), 0);
	CHECK_INT(member_add(t.st, "Zoé", ROLE_FACILITATOR, 0, NULL, NULL, 0,
	                     t.utc, &poster), BORNE_OK);
	for (int i = 0; i < 60; i++) {
		mission_draft_init(&d);
		snprintf(d.title, sizeof d.title, "Nourrir le zèbre n°%d", i);
		CHECK_INT(mission_add(t.st, &d, poster, t.utc - i, NULL), BORNE_OK);
	}
	mission_search_tune(2, 1000000);
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_SEARCH, 0);
	t_text(&t, "zebre");
	CHECK_INT(t.v->board.n_cards, APP_BOARD_WINDOW);
	CHECK_INT(t.v->board.board_more, 1);
	CHECK_INT(t.v->board.board_total, APP_BOARD_WINDOW + 1);
	/* A category chosen: "Chercher partout (plus de 2)". */
	t_act(&t, ACT_FILTER, CAT_ANIMAUX);
	CHECK_INT(t.v->board.board_total, 0);
	CHECK_INT(t.v->board.everywhere_more, 1);
	CHECK_INT(t.v->board.everywhere_total, 3);
	t_act(&t, ACT_FILTER, -1);
	/* The pager goes on past what was counted, to the very end. */
	t_key(&t, APP_KEY_ENTER);
	t_act(&t, ACT_SET_COLUMNS, 1);
	t_act(&t, ACT_SCROLL, 30);
	CHECK_INT(t.v->board.board_offset, 24);
	CHECK_INT(t.v->board.board_more, 1);
	CHECK_INT(t.v->board.board_total, 2 * APP_BOARD_WINDOW + 1);
	t_act(&t, ACT_SCROLL, 30);
	CHECK_INT(t.v->board.board_offset, 48);
	CHECK_INT(t.v->board.board_more, 0);
	CHECK_INT(t.v->board.board_total, 60);
	CHECK_INT(t.v->board.n_cards, 12);
	mission_search_tune(0, 0);
	t_close(&t);
}

static void
test_mission_take(void)
{
	T t;
	int64_t id;
	unsigned seq;

	t_open(&t, "take.db", "2024-12-10T09:12", LANG_FR);
	id = t_mission(&t, "Décaper un mur avant peinture");
	CHECK(id > 0);
	/* A passer-by sees the mission, the poster's first name, no takers. */
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_OPEN_MISSION, id);
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	CHECK_STR(t.v->detail.mission.d.title, "Décaper un mur avant peinture");
	CHECK_STR(t.v->detail.poster_first, "Sophie");
	CHECK_STR(t.v->detail.mission_text.when, "Sam. 14 déc.");
	CHECK_STR(t.v->detail.mission_text.duration, "3 h");
	CHECK_STR(t.v->detail.mission_text.reward, "45 €");
	CHECK_STR(t.v->detail.mission_text.places_total, "2 places");
	CHECK_STR(t.v->detail.mission_text.category, "Bricolage");
	CHECK_INT(t.v->detail.can_take, 1);
	CHECK_INT(t.v->detail.can_done, 0);
	CHECK_INT(t.v->detail.can_cancel, 0);
	CHECK_INT(t.v->detail.n_takers_shown, 0);

	/* "Je prends cette mission", then a badge, with nobody badged in. */
	t_act(&t, ACT_TAKE, 0);
	CHECK_INT(t.v->wait, WAIT_TAKE);
	CHECK_STR(t.v->wait_text, "Passez votre badge pour confirmer");
	/* An unknown badge does not end the wait. */
	t_badge(&t, B_NEW);
	CHECK_INT(t.v->wait, WAIT_TAKE);
	CHECK_CONTAINS(t.v->toast, "pas enregistré");
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	seq = t.v->cue_seq;
	t_badge(&t, B_MAMADOU);
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	CHECK_INT(t.v->cue_seq, seq + 1);
	/* The outcome is a screen of its own, not a toast. */
	CHECK_STR(t.v->toast, "");
	CHECK_INT(t.v->detail.outcome, OUTCOME_TAKEN);
	CHECK_STR(t.v->detail.outcome_title,
	          "C’est noté Mamadou : la mission est pour vous !");
	CHECK_STR(t.v->detail.outcome_ask,
	          "Une question ? Demandez à Sophie, qui l’a proposée.");
	CHECK_INT(t.v->detail.mission.n_takers, 1);
	CHECK_INT(mission_is_taker(t.st, id, t.v->member.id), 1);
	CHECK_STR(t.v->first_name, "Mamadou");
	CHECK_INT(t.v->detail.is_taker, 1);
	CHECK_INT(t.v->detail.can_take, 0);
	CHECK_INT(t.v->detail.can_release, 1);
	CHECK_STR(t.v->detail.mission_text.places, "1 place");
	/* Takers' names: not for another member... */
	CHECK_INT(t.v->detail.n_takers_shown, 0);
	/* ...but for the poster. */
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_OPEN_MISSION, id);
	CHECK_INT(t.v->detail.n_takers_shown, 1);
	CHECK_STR(t.v->detail.takers[0], "Mamadou");
	CHECK_INT(t.v->detail.can_done, 1);
	CHECK_INT(t.v->detail.can_cancel, 1);
	CHECK_INT(t.v->detail.can_take, 0);        /* her own mission */
	/* ACT_CANCEL_WAIT stops waiting (nobody badged in: a question). */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_OPEN_MISSION, id);
	t_act(&t, ACT_TAKE, 0);
	CHECK_INT(t.v->wait, WAIT_TAKE);
	t_act(&t, ACT_CANCEL_WAIT, 0);
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_STR(t.v->wait_text, "");
	/* Back returns to the board. */
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	t_close(&t);
}

static void
test_mission_refusals(void)
{
	T t;
	int64_t wall, plants, shelf, chat, tablework;

	t_open(&t, "takeno.db", "2024-12-10T09:12", LANG_FR);
	wall = t_mission(&t, "Décaper un mur avant peinture");
	plants = t_mission(&t, "Arroser les plantes du bureau");
	shelf = t_mission(&t, "Monter une étagère");
	chat = t_mission(&t, "Garder Caramel, mon chat");
	tablework = t_mission(&t, "Rénover une table en bois");

	/* A minor on a mission not open to minors. */
	t_act(&t, ACT_OPEN_MISSION, wall);
	t_act(&t, ACT_TAKE, 0);
	t_badge(&t, B_INES);
	/* Refused: the reason, and the next step that helps her. */
	CHECK_STR(t.v->toast, "");
	CHECK_INT(t.v->detail.outcome, OUTCOME_REFUSED);
	CHECK_STR(t.v->detail.outcome_title,
	          "Vous ne pouvez pas prendre cette mission");
	CHECK_STR(t.v->detail.outcome_reason,
	          "Cette mission est réservée aux adultes.");
	CHECK_INT(t.v->detail.outcome_next, ACT_BOARD);
	CHECK_STR(t.v->detail.outcome_next_label,
	          "Voir les missions ouvertes aux moins de 18 ans");
	CHECK_INT(t.v->cue, CUE_REFUSED);
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_INT(t.v->detail.mission.n_takers, 0);
	/* She is known now: the next step shows her the missions she may
	** take, without her badge again. */
	CHECK_INT(t.v->has_member, 1);
	t_act(&t, t.v->detail.outcome_next, 0);
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	CHECK_INT(t.v->board.minors_only, 1);
	CHECK_INT(t.v->detail.outcome, OUTCOME_NONE);
	/* Taken by someone else: no place left. */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_OPEN_MISSION, plants);
	CHECK_INT(t.v->detail.can_take, 0);
	t_act(&t, ACT_TAKE, 0);
	t_badge(&t, B_MAMADOU);
	CHECK_STR(t.v->detail.outcome_reason,
	          "Il n’y a plus de place sur cette mission.");
	CHECK_INT(t.v->detail.outcome_next, ACT_BOARD);
	/* Twice the same; Mamadou is badged in now: no badge asked again. */
	t_act(&t, ACT_OPEN_MISSION, shelf);
	t_act(&t, ACT_TAKE, 0);
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_STR(t.v->detail.outcome_reason, "Vous avez déjà pris cette mission.");
	CHECK_INT(t.v->detail.outcome_next, ACT_MY_MISSIONS);
	/* "Retour" from the outcome: the mission again. */
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	CHECK_INT(t.v->detail.outcome, OUTCOME_NONE);
	/* The poster cannot take their own. */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_OPEN_MISSION, chat);
	t_act(&t, ACT_TAKE, 0);
	t_badge(&t, "04AA0003");     /* Karim posted it */
	CHECK_CONTAINS(t.v->detail.outcome_reason, "Vous avez proposé cette mission");
	/* Too many takes at once (2 by default). */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_OPEN_MISSION, chat);
	t_act(&t, ACT_TAKE, 0);
	t_badge(&t, B_MAMADOU);
	CHECK_STR(t.v->detail.outcome_title,
	          "C’est noté Mamadou : la mission est pour vous !");
	t_act(&t, ACT_OPEN_MISSION, tablework);
	t_act(&t, ACT_TAKE, 0);
	CHECK_STR(t.v->detail.outcome_reason, "Vous avez déjà 2 missions en "
	          "cours : terminez-en une d’abord.");
	CHECK_INT(t.v->detail.outcome_next, ACT_MY_MISSIONS);
	/* A deactivated badge confirms nothing (nobody badged in: the
	** question is anyone's). */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_OPEN_MISSION, tablework);
	t_act(&t, ACT_TAKE, 0);
	t_badge(&t, B_THEO);
	CHECK_STR(t.v->toast, "Ce badge n’est plus actif");
	CHECK_INT(t.v->wait, WAIT_TAKE);
	t_close(&t);
}

static void
test_mission_done_release(void)
{
	T t;
	int64_t plants, chat;
	Mission m;

	t_open(&t, "done.db", "2024-12-10T09:12", LANG_FR);
	plants = t_mission(&t, "Arroser les plantes du bureau");
	chat = t_mission(&t, "Garder Caramel, mon chat");
	/* Inès withdraws from the plants (they start in 6 days). */
	t_badge(&t, B_INES);
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_OPEN_MISSION, plants);
	CHECK_INT(t.v->detail.can_release, 1);
	t_act(&t, ACT_RELEASE, 0);
	CHECK_INT(t.v->wait, WAIT_RELEASE);
	/* Inès was asked: Mamadou's badge is his own check-in, and the
	** mission stays hers. */
	t_badge(&t, B_MAMADOU);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_STR(t.v->first_name, "Mamadou");
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_INT(mission_get(t.st, plants, &m), BORNE_OK);
	CHECK_INT(m.n_takers, 1);
	/* Asked to anyone: someone who did not take it cannot release it. */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_OPEN_MISSION, plants);
	t_act(&t, ACT_RELEASE, 0);
	t_badge(&t, B_MAMADOU);
	CHECK_STR(t.v->toast, "Ce badge n’a pas pris cette mission.");
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_OPEN_MISSION, plants);
	t_act(&t, ACT_RELEASE, 0);
	t_badge(&t, B_INES);
	CHECK_CONTAINS(t.v->toast, "vous n’êtes plus sur cette mission");
	CHECK_INT(mission_get(t.st, plants, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);
	CHECK_INT(m.n_takers, 0);

	/* Done: only the poster or staff. Inès is badged in (her badge
	** answered): she takes it at once. */
	t_act(&t, ACT_OPEN_MISSION, chat);
	t_act(&t, ACT_TAKE, 0);
	CHECK_INT(t.v->detail.outcome, OUTCOME_TAKEN);
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(mission_is_taker(t.st, chat, t.v->member.id), 1);
	t_act(&t, ACT_MARK_DONE, 0);
	CHECK_INT(t.v->wait, WAIT_DONE);
	t_badge(&t, B_INES);
	CHECK_STR(t.v->toast, "Seule la personne qui a proposé la mission ou "
	          "l’équipe d’animation peut faire cela.");
	CHECK_INT(t.v->cue, CUE_REFUSED);
	/* A facilitator confirms it in their own session. */
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_OPEN_MISSION, chat);
	CHECK_INT(t.v->detail.can_done, 1);
	t_act(&t, ACT_MARK_DONE, 0);
	t_badge(&t, B_BERNARD);
	CHECK_STR(t.v->toast, "Merci Bernard : la mission est terminée.");
	CHECK_INT(mission_get(t.st, chat, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_DONE);
	/* The poster withdraws a mission. */
	plants = t_mission(&t, "Ranger la réserve");
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_OPEN_MISSION, plants);
	t_act(&t, ACT_CANCEL_MISSION, 0);
	CHECK_INT(t.v->wait, WAIT_CANCEL);
	t_badge(&t, B_YASMINE);
	CHECK_CONTAINS(t.v->toast, "la mission est retirée");
	CHECK_INT(mission_get(t.st, plants, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_CANCELLED);
	t_close(&t);
}

static void
test_english(void)
{
	T t;

	t_open(&t, "english.db", "2024-12-10T09:12", LANG_EN);
	CHECK_STR(t.v->date_long, "Tuesday 10 December");
	CHECK_STR(t.v->present_text, "5 people here");
	CHECK_STR(t.v->day_hours, "9:00 – 17:00");
	t_badge(&t, B_INES);
	CHECK_STR(t.v->result.greeting, "Hello Inès!");
	CHECK_STR(t.v->result.greeting_detail, "Arrival recorded at 9:12");
	CHECK_STR(t.v->idle_text, "Back to the start in 15 seconds");
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_SEARCH, 0);
	t_text(&t, "caramel");
	CHECK_INT(t.v->board.board_total, 1);
	CHECK_STR(t.v->board.cards_text[0].reward, "€40");
	CHECK_STR(t.v->board.cards_text[0].when, "21–28 Dec");
	/* A visitor switches to French; Accueil goes back to the kiosk's. */
	t_act(&t, ACT_LANG, LANG_FR);
	CHECK_INT(t.v->lang, LANG_FR);
	CHECK_STR(t.v->board.cards_text[0].reward, "40 €");
	CHECK_STR(t.v->date_long, "Mardi 10 décembre");
	t_act(&t, ACT_HOME, 0);
	CHECK_INT(t.v->lang, LANG_EN);
	CHECK_STR(t.v->date_long, "Tuesday 10 December");
	t_badge(&t, B_MAMADOU);
	t_badge(&t, B_MAMADOU);
	CHECK_STR(t.v->result.greeting, "Already noted, Mamadou!");
	t_close(&t);
}

static void
test_next_tick(void)
{
	T t;
	int ms;

	t_open(&t, "tick.db", "2024-12-10T09:12:30", LANG_FR);
	/* Accueil: the next minute of the clock. */
	ms = app_next_tick_ms(t.app, t.ms);
	CHECK_INT(ms, 30000);
	/* A countdown on screen: the next second. */
	t_badge(&t, B_INES);
	ms = app_next_tick_ms(t.app, t.ms + 400);
	CHECK_INT(ms, 600);
	t_close(&t);
}

static void
test_reader(void)
{
	T t;
	AppEvent e;

	t_open(&t, "reader.db", "2024-12-10T10:15", LANG_FR);
	memset(&e, 0, sizeof e);
	e.type = APP_EV_READER;
	e.arg = 0;
	snprintf(e.text, sizeof e.text, "PN532 ne répond plus");
	CHECK_INT(t_ev(&t, &e), 1);
	CHECK_INT(t.v->reader_ok, 0);
	CHECK_STR(t.v->reader_status, "Lecteur : déconnecté (PN532 ne répond plus)");
	/* Kept for the back office's dashboard, once per change. */
	{
		char state[160], want[160];

		CHECK_INT(store_setting_get(t.st, APP_READER_SETTING, state,
		                            sizeof state), BORNE_OK);
		snprintf(want, sizeof want, "lost %lld PN532 ne répond plus",
		         (long long)t.utc);
		CHECK_STR(state, want);
		t.utc += 60;
		t_ev(&t, &e);                   /* still lost: not written again */
		CHECK_INT(store_setting_get(t.st, APP_READER_SETTING, state,
		                            sizeof state), BORNE_OK);
		CHECK_STR(state, want);
	}
	e.arg = 1;
	t_ev(&t, &e);
	CHECK_INT(t.v->reader_ok, 1);
	{
		char state[160];

		CHECK_INT(store_setting_get(t.st, APP_READER_SETTING, state,
		                            sizeof state), BORNE_OK);
		CHECK(strncmp(state, "ok ", 3) == 0);
	}
	CHECK_STR(t.v->reader_status, "Lecteur : connecté");
	t_badge(&t, B_INES);
	CHECK_STR(t.v->reader_last, "Dernier badge à 10 h 16");
	t_close(&t);
}

int
main(void)
{
	fx_setup();
	timeutil_init();
	test_screen_names();
	test_accueil();
	test_housekeeping();
	test_checkin_in_out();
	test_checkin_refusals();
	test_checkin_db_error();
	test_idle();
	test_greeting_time();
	test_board();
	test_board_more();
	test_mission_take();
	test_mission_refusals();
	test_mission_done_release();
	test_english();
	test_next_tick();
	test_reader();
	return check_done();
}
