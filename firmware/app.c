/* app.c -- the kiosk's state machine: screens, session, badge taps.
** One App holds what the kiosk shows (the AppView) and what it waits for.
** Every event goes through app_handle(); the view is rebuilt from the
** store after each change, so what a screen draws is what is saved. A
** check-in is committed (checkin_tap returns after the durable commit)
** before the greeting is put in the view. Each screen is a module
** (scr_*.c, listed in screens.def): this file asks the one on show
** (app_screen.h) and keeps what every screen shares: the session, the
** question a badge answers, the clock, the idle time, the messages. The
** formatting every screen shares is in format.c. */
#include "app_impl.h"
#include "app_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "privacy.h"
#include "text.h"
#include "timeutil.h"

static int64_t     screen_timeout_ms(const App *a);
static void        idle_reset(App *a);
static int         idle_render(App *a);
static int         idle_warns(const App *a);
static void        reload_common(App *a);
static int         handle_out_of_service(App *a, const AppEvent *ev);
static void        go_back(App *a);
static int         do_action(App *a, AppAction act, int64_t arg);
static int         handle_text(App *a, const char *utf8);
static int         handle_key(App *a, int key);
static int         handle_tick(App *a);
static void        scrub_poll(App *a);
static void        handle_reader(App *a, int up, const char *detail);
static void        handle_badge_several(App *a);

/* ---- The state machine ------------------------------------------------ */

void
app_config_defaults(AppConfig *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->lang = strcmp(config_default("lang"), "en") == 0 ? LANG_EN : LANG_FR;
	text_copy(cfg->space_name, sizeof cfg->space_name,
	          config_default("space_name"));
	text_copy(cfg->space_tagline, sizeof cfg->space_tagline,
	          config_default("space_tagline"));
	cfg->idle_timeout_ms = (int64_t)atoi(config_default("idle_timeout_s")) * 1000;
	cfg->greeting_ms = (int64_t)atoi(config_default("greeting_s")) * 1000;
	cfg->pin_max_tries = atoi(config_default("pin_max_tries"));
	cfg->pin_lock_ms = (int64_t)atoi(config_default("pin_lock_s")) * 1000;
	cfg->pin_digits = atoi(config_default("pin_digits"));
	cfg->confirm_wait_ms = (int64_t)atoi(config_default("confirm_wait_s")) * 1000;
	cfg->store_retry_ms = (int64_t)atoi(config_default("store_retry_s")) * 1000;
	text_copy(cfg->export_dir, sizeof cfg->export_dir,
	          config_default("export_dir"));
	text_copy(cfg->web_listen, sizeof cfg->web_listen,
	          config_default("web_listen"));
	cfg->build_utc = clock_build_utc();
}

/* How long the screen on show may stay without input before Accueil. */
static int64_t
screen_timeout_ms(const App *a)
{
	int64_t idle = a->cfg.idle_timeout_ms > 0 ? a->cfg.idle_timeout_ms : 60000;
	const AppScreen *scr = app_screen(a->v.screen);

	return scr->timeout != NULL ? scr->timeout(a, idle) : idle;
}

static void
idle_reset(App *a)
{
	int64_t t = screen_timeout_ms(a);

	a->deadline_ms = t > 0 ? a->now_ms + t : 0;
}

/* Someone's session or typing is on screen, which the idle reset would
** take away: it is announced first (view.idle_warn). Not Accueil (no
** timeout) nor the greeting (it says it goes, and nothing is lost). */
static int
idle_warns(const App *a)
{
	const AppView *v = &a->v;
	const AppScreen *scr = app_screen(v->screen);

	if (v->screen == SCREEN_ACCUEIL || v->screen == SCREEN_BADGE_RESULT ||
	    v->screen == SCREEN_OUT_OF_SERVICE)
		return 0;
	return v->has_member || (scr->busy != NULL && scr->busy(a)) ||
	       (v->screen == SCREEN_BOARD && v->board.search.text[0] != '\0');
}

/* Seconds left, rounded up, and the line that says so; the warning in
** the last APP_IDLE_WARN_MS (half the time on a shorter timeout). */
static int
idle_render(App *a)
{
	int left = 0, changed, warn = 0;

	if (a->deadline_ms > 0 && a->deadline_ms > a->now_ms) {
		int64_t window = screen_timeout_ms(a) / 2;

		if (window > APP_IDLE_WARN_MS)
			window = APP_IDLE_WARN_MS;
		left = (int)((a->deadline_ms - a->now_ms + 999) / 1000);
		warn = a->deadline_ms - a->now_ms <= window && idle_warns(a);
	}
	changed = left != a->v.idle_left_s || warn != a->v.idle_warn;
	a->v.idle_left_s = left;
	a->v.idle_warn = warn;
	if (left <= 0)
		a->v.idle_text[0] = '\0';
	else
		app_trf(a->v.lang, a->v.idle_text, sizeof a->v.idle_text,
		        left == 1 ? "app.idle.one" : "app.idle.many", left);
	return changed;
}

/* Clears everything a person left on screen: the session, the question,
** and each screen module's own fields (names, forms, PIN digits). */
void
app_clear_personal(App *a)
{
	app_clear_session(a);
	app_wait(a, WAIT_NONE, 0);
	for (int s = 0; s < SCREEN_COUNT; s++) {
		const AppScreen *scr = app_screen((ScreenId)s);

		if (scr->clear != NULL)
			scr->clear(a);
	}
	a->v.toast[0] = '\0';
	a->toast_until_ms = 0;
}

void
app_goto(App *a, ScreenId s)
{
	const AppScreen *from = app_screen(a->v.screen);

	if (s != a->v.screen && from->leave != NULL)
		from->leave(a);
	a->v.screen = s;
	idle_reset(a);
	app_reload(a);
}

void
app_go_home(App *a)
{
	app_clear_personal(a);
	if (a->v.lang != a->base_lang) {
		a->v.lang = a->base_lang;
		a->v.clock[0] = '\0';
	}
	app_goto(a, SCREEN_ACCUEIL);
}

/* ---- Screens' data ---------------------------------------------------- */

static void
reload_common(App *a)
{
	AppView *v = &a->v;
	ContribDay day;
	int n = 0, rc;

	(void)app_clock_minute(a);
	(void)app_clock_show(a);
	text_copy(v->space_name, sizeof v->space_name, a->cfg.space_name);
	text_copy(v->space_tagline, sizeof v->space_tagline, a->cfg.space_tagline);
	rc = a->st != NULL ? day_on(a->st, a->today, &day) : BORNE_ENOTFOUND;
	v->has_day = rc == BORNE_OK;
	if (rc != BORNE_OK && rc != BORNE_ENOTFOUND)
		app_read_failed(a, rc, "day_on");
	if (v->has_day) {
		text_copy(v->day_title, sizeof v->day_title, day.title);
		app_format_hours_range(v->lang, day.open_min, day.close_min,
		                       v->day_hours, sizeof v->day_hours);
	} else {
		v->day_title[0] = v->day_hours[0] = '\0';
	}
	rc = a->st != NULL ? checkin_present_count(a->st, a->now_utc, &n) :
	     BORNE_OK;
	v->present_count = rc == BORNE_OK ? n : 0;
	if (rc != BORNE_OK) {
		v->present_text[0] = '\0';     /* not "0 présents": nobody knows */
		app_read_failed(a, rc, "checkin_present_count");
	} else if (n == 0)
		text_copy(v->present_text, sizeof v->present_text,
		          tr(v->lang, "app.present.none"));
	else
		app_trf(v->lang, v->present_text, sizeof v->present_text,
		        n == 1 ? "app.present.one" : "app.present.many", n);
	app_wait_render(a);                             /* its text, in v->lang */
	if (v->reader_ok)
		text_copy(v->reader_status, sizeof v->reader_status,
		          tr(v->lang, "app.reader.ok"));
}

void
app_reload(App *a)
{
	AppView *v = &a->v;
	const AppScreen *scr;

	v->problem[0] = v->problem_detail[0] = '\0';
	a->problem_seen = 0;
	reload_common(a);
	v->kbd_visible = 0;
	if (a->st == NULL && v->screen != SCREEN_OUT_OF_SERVICE)
		v->screen = SCREEN_OUT_OF_SERVICE;     /* nothing else without a store */
	scr = app_screen(v->screen);
	if (scr->reload != NULL)
		scr->reload(a);
	if (!a->problem_seen)
		a->problem_logged[0] = '\0';   /* the next failure is news again */
	idle_render(a);
}

/* A read for the screen failed (rc < 0): the calm line on screen, the
** reason for facilitators, and once in the journal (stderr) until a
** reload reads everything again. */
void
app_read_failed(App *a, int rc, const char *what)
{
	AppView *v = &a->v;
	char reason[sizeof v->problem_detail];
	const char *detail = a->st != NULL ? store_errmsg(a->st) : NULL;

	snprintf(reason, sizeof reason, "%s: %s%s%s", what, borne_strerror(rc),
	         detail != NULL && detail[0] != '\0' ? " - " : "",
	         detail != NULL ? detail : "");
	a->problem_seen = 1;
	if (v->problem[0] == '\0') {
		text_copy(v->problem, sizeof v->problem, tr(v->lang, "app.problem"));
		if (a->in_facilitator)
			text_copy(v->problem_detail, sizeof v->problem_detail, reason);
	}
	if (strcmp(reason, a->problem_logged) != 0) {
		fprintf(stderr, "borne: read failed: %s\n", reason);
		text_copy(a->problem_logged, sizeof a->problem_logged, reason);
	}
}

/* ---- Actions ---------------------------------------------------------- */

static void
go_back(App *a)
{
	const AppScreen *scr = app_screen(a->v.screen);

	if (a->v.wait != WAIT_NONE) {
		app_wait(a, WAIT_NONE, 0);
		app_reload(a);
		return;
	}
	if (scr->back != NULL)
		scr->back(a);
	else
		app_go_home(a);
}

/* A tapped widget: the screen's own actions first, then the kiosk's. */
static int
do_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;
	ScreenId s = v->screen;
	const AppScreen *scr = app_screen(s);

	if (act == ACT_KEY)                 /* the on-screen keyboard's keys */
		return handle_key(a, (int)arg);
	if (scr->action != NULL && scr->action(a, act, arg))
		return 1;
	switch (act) {
	case ACT_HOME:
		app_go_home(a);
		return 1;
	case ACT_STAY:                      /* the idle time restarted already */
		return 1;
	case ACT_BACK:
	case ACT_CANCEL_WAIT:
		if (act == ACT_CANCEL_WAIT && v->wait == WAIT_NONE)
			return 0;
		go_back(a);
		return 1;
	case ACT_CONTINUE:
	case ACT_MY_MISSIONS:
		if (!v->has_member) {
			app_toast(a, "app.badge.first");
			return 1;
		}
		app_goto(a, SCREEN_MEMBER_HOME);
		return 1;
	case ACT_BOARD:
		app_board_open(a, s);
		return 1;
	case ACT_FILTER:
	case ACT_SEARCH:
		/* From another screen: the board, then the same action there. */
		app_board_open(a, s);
		return app_screen(SCREEN_BOARD)->action(a, act, arg);
	case ACT_POST:
		app_wait(a, WAIT_NONE, 0);
		if (!v->has_member) {
			app_wait(a, WAIT_POSTER, 0);
			app_reload(a);
			return 1;
		}
		if (!v->can_post) {
			app_toast(a, "app.post.not_allowed");
			app_cue(a, CUE_REFUSED);
			return 1;
		}
		app_post_start(a, &v->member);
		return 1;
	case ACT_OPEN_MISSION:
		app_mission_open(a, arg);
		return 1;
	case ACT_SET_COLUMNS:
		if (arg < 1 || arg > 6)
			return 0;
		v->board_columns = (int)arg;
		return 1;
	case ACT_KBD_LAYER:
		if (arg < KBD_LOWER || arg > KBD_SYMBOLS)
			return 0;
		v->kbd_layer = (KbdLayer)arg;
		return 1;
	case ACT_FACILITATOR:
		if (!v->has_member) {
			app_wait(a, WAIT_STAFF, 0);
			app_reload(a);
			return 1;
		}
		if (!v->is_staff) {
			app_toast(a, "app.staff.only");
			app_cue(a, CUE_REFUSED);
			return 1;
		}
		app_pin_start(a, PIN_FOR_FACILITATOR, &v->member, s);
		return 1;
	case ACT_LANG:
		if (arg < 0 || arg >= LANG_COUNT)
			return 0;
		v->lang = (AppLang)arg;
		v->clock[0] = '\0';
		app_reload(a);
		return 1;
	default:
		return 0;                       /* not for this screen */
	}
}

/* Typed text goes to the screen's field that has the focus. */
static int
handle_text(App *a, const char *utf8)
{
	const AppScreen *scr = app_screen(a->v.screen);

	return scr->text != NULL ? scr->text(a, utf8) : 0;
}

/* A key: the screen's, else Escape goes back. */
static int
handle_key(App *a, int key)
{
	AppView *v = &a->v;
	const AppScreen *scr = app_screen(v->screen);

	if (scr->key != NULL && scr->key(a, key))
		return 1;
	if (key == APP_KEY_ESCAPE) {
		if (v->screen == SCREEN_ACCUEIL && v->wait == WAIT_NONE)
			return 0;
		go_back(a);
		return 1;
	}
	return 0;
}

/* ---- The App ---------------------------------------------------------- */

int
app_new(Store *st, const AppConfig *cfg, int64_t now_ms, int64_t now_utc,
        App **out)
{
	App *a = calloc(1, sizeof *a);

	*out = NULL;
	if (a == NULL)
		return BORNE_ENOMEM;
	a->st = st;
	if (cfg != NULL)
		a->cfg = *cfg;
	else
		app_config_defaults(&a->cfg);
	if ((int)a->cfg.lang < 0 || a->cfg.lang >= LANG_COUNT)
		a->cfg.lang = LANG_FR;
	if (a->cfg.pin_max_tries <= 0)
		a->cfg.pin_max_tries = 3;
	if (a->cfg.pin_lock_ms <= 0)
		a->cfg.pin_lock_ms = 300000;
	if (a->cfg.pin_digits < MEMBER_PIN_MIN_DIGITS ||
	    a->cfg.pin_digits > MEMBER_PIN_MAX_DIGITS)
		a->cfg.pin_digits = MEMBER_PIN_DEFAULT_DIGITS;
	/* A question must stay long enough to find one's badge, and not so
	** long that the next person's tap answers it (config_def.h). */
	if (a->cfg.confirm_wait_ms <= 0)
		a->cfg.confirm_wait_ms = 20000;
	if (a->cfg.confirm_wait_ms < 5000)
		a->cfg.confirm_wait_ms = 5000;
	if (a->cfg.confirm_wait_ms > 120000)
		a->cfg.confirm_wait_ms = 120000;
	if (a->cfg.store_retry_ms <= 0)
		a->cfg.store_retry_ms = 5000;
	if (a->cfg.store_retry_ms > 60000)
		a->cfg.store_retry_ms = 60000;
	a->base_lang = a->cfg.lang;
	a->now_ms = now_ms;
	a->now_utc = now_utc;
	a->clock_min = -1;
	a->v.lang = a->cfg.lang;
	a->v.demo = a->cfg.demo;
	if (a->cfg.config_problems > 0) {
		app_trf(a->v.lang, a->v.config_note, sizeof a->v.config_note,
		        a->cfg.config_problems == 1 ? "app.config.problem"
		                                    : "app.config.problems",
		        a->cfg.config_problems);
		if (a->cfg.config_problem_line > 0)
			app_trf(a->v.lang, a->v.config_detail, sizeof a->v.config_detail,
			        "app.config.line", a->cfg.config_problem_line,
			        a->cfg.config_problem);
		else
			text_copy(a->v.config_detail, sizeof a->v.config_detail,
			          a->cfg.config_problem);
	}
	a->v.board_columns = 2;
	a->v.reader_ok = 1;
	a->v.pin.pin_tries_left = a->cfg.pin_max_tries;
	app_clock_init(a);
	app_pin_load(a);
	app_go_home(a);
	if (st == NULL)
		app_out_of_service(a, BORNE_EIO, NULL, NULL);
	text_copy(a->v.reader_status, sizeof a->v.reader_status,
	          tr(a->v.lang, "app.reader.waiting"));
	*out = a;
	return BORNE_OK;
}

/* Out of service: the clock runs, the reader's news shows, a badge is
** told it was not saved; nothing else can be done. */
static int
handle_out_of_service(App *a, const AppEvent *ev)
{
	int changed;

	switch (ev->type) {
	case APP_EV_TICK:
		changed = app_clock_minute(a);
		changed |= app_clock_show(a);
		if (a->v.toast[0] != '\0' && a->now_ms >= a->toast_until_ms) {
			a->v.toast[0] = '\0';
			changed = 1;
		}
		return changed;
	case APP_EV_BADGE:
		app_toast(a, "app.oos.badge");
		app_cue(a, CUE_REFUSED);
		return 1;
	case APP_EV_ACTION:
		if (ev->action == ACT_SET_COLUMNS && ev->arg >= 1 && ev->arg <= 6)
			a->v.board_columns = (int)ev->arg;
		return 0;
	default:
		return 0;
	}
}

void
app_free(App *app)
{
	free(app);
}

const AppView *
app_view(const App *app)
{
	return &app->v;
}

static int
handle_tick(App *a)
{
	int changed = 0;

	if (a->deadline_ms > 0 && a->now_ms >= a->deadline_ms) {
		app_go_home(a);
		return 1;
	}
	changed |= app_clock_watch(a);
	if (a->v.wait != WAIT_NONE) {
		int before = a->v.wait_left_s;

		changed |= app_wait_expire(a);
		app_wait_render(a);
		changed |= before != a->v.wait_left_s;
	}
	if (a->v.toast[0] != '\0' && a->now_ms >= a->toast_until_ms) {
		a->v.toast[0] = '\0';
		changed = 1;
	}
	if (app_clock_minute(a)) {
		/* New minute: close the visits whose day ended, so hours are
		** never inflated; on a new date, expire the missions whose dates
		** passed, so the board never offers yesterday's jobs. Errors are
		** retried next minute; the tap itself checks again. */
		app_clock_check(a);
		if (a->v.clock_trusted)
			(void)checkin_close_stale(a->st, a->now_utc, NULL);
		if (strcmp(a->swept_on, a->today) != 0 &&
		    mission_expire(a->st, a->now_utc, NULL) == BORNE_OK)
			memcpy(a->swept_on, a->today, sizeof a->swept_on);
		app_reload(a);          /* present count, the day */
		changed = 1;
	}
	changed |= app_clock_show(a);     /* the clock's verdict may have changed */
	if (a->v.screen == SCREEN_PIN) {
		int before = a->v.pin.pin_locked_s;

		app_pin_render(a);
		changed |= before != a->v.pin.pin_locked_s;
	}
	changed |= idle_render(a);
	app_post_tick(a);
	scrub_poll(a);
	return changed;
}

/* borne-admin's forget or purge empties the write-ahead log, unless this
** kiosk was reading just then: the setting it leaves is looked at on
** the ticks, at most every PRIVACY_SCRUB_POLL_MS, and the checkpoint is
** retried that often, never waiting (the screen must not freeze), until
** it goes through. */
static void
scrub_poll(App *a)
{
	if (a->st == NULL || a->now_ms < a->scrub_next_ms)
		return;
	a->scrub_next_ms = a->now_ms + PRIVACY_SCRUB_POLL_MS;
	a->scrub_pending = privacy_scrub(a->st, 0) != BORNE_OK;
}

static void
handle_reader(App *a, int up, const char *detail)
{
	AppView *v = &a->v;
	char state[160];

	/* The back office's dashboard reads the reader's state from the
	** database (APP_READER_SETTING): written when it changes only. A
	** write that fails changes nothing at the door. */
	if (a->st != NULL && (up != 0) != (v->reader_ok != 0)) {
		snprintf(state, sizeof state, "%s %lld %s", up ? "ok" : "lost",
		         (long long)a->now_utc, detail != NULL ? detail : "");
		(void)store_setting_set(a->st, APP_READER_SETTING, state);
	}
	v->reader_ok = up != 0;
	if (up)
		text_copy(v->reader_status, sizeof v->reader_status,
		          tr(v->lang, "app.reader.ok"));
	else if (detail != NULL && detail[0] != '\0')
		app_trf(v->lang, v->reader_status, sizeof v->reader_status,
		        "app.reader.lost_detail", detail);
	else
		text_copy(v->reader_status, sizeof v->reader_status,
		          tr(v->lang, "app.reader.lost"));
}

/* Two badges lie on the reader at once (defect 6 of issue 7): neither
** is a tap, nothing is recorded, whatever the screen; one plain message.
** The reader thread says it once for the whole time both are there, and
** each badge counts again only after it has been lifted. */
static void
handle_badge_several(App *a)
{
	app_toast(a, "app.badge.several");
	app_cue(a, CUE_REFUSED);
}

int
app_handle(App *app, const AppEvent *ev, int64_t now_ms, int64_t now_utc)
{
	App *a = app;
	unsigned seq;
	int rc = 0;
	char text[sizeof ev->text + 1];

	if (a == NULL || ev == NULL)
		return 0;
	a->now_ms = now_ms;
	a->now_utc = now_utc;
	seq = a->v.cue_seq;
	if (ev->type == APP_EV_CLOCK)       /* kept while out of service too */
		a->clock_sync = ev->arg >= CLOCK_SYNC_UNKNOWN &&
		                ev->arg <= CLOCK_SYNC_YES ? (int)ev->arg : CLOCK_SYNC_UNKNOWN;
	if (a->st == NULL && ev->type != APP_EV_READER)
		return handle_out_of_service(a, ev);
	switch (ev->type) {
	case APP_EV_TICK:
		return handle_tick(a);
	case APP_EV_BADGE_REMOVED:
		return 0;
	case APP_EV_READER:
		memcpy(text, ev->text, sizeof ev->text);
		text[sizeof ev->text] = '\0';
		handle_reader(a, ev->arg != 0, text);
		return 1;
	case APP_EV_CLOCK:
		return app_clock_check(a);
	case APP_EV_BADGE_SEVERAL:
		handle_badge_several(a);
		return 1;
	default:
		break;
	}
	rc = app_clock_watch(a);
	/* Past this point a person did something: the idle clock restarts. */
	if (a->deadline_ms > 0 && now_ms >= a->deadline_ms) {
		app_go_home(a);
		rc = 1;
	}
	idle_reset(a);
	switch (ev->type) {
	case APP_EV_ACTIVITY:
		rc |= idle_render(a);
		break;
	case APP_EV_BADGE:
		app_badge(a, &ev->uid);
		rc = 1;
		break;
	case APP_EV_ACTION:
		if (ev->action == ACT_TYPE) {
			char buf[5];

			if (ev->arg < 0 || ev->arg > 0x10FFFF ||
			    text_utf8_put((uint32_t)ev->arg, buf) == 0 ||
			    (ev->arg < 0x20 && ev->arg != '\n') || ev->arg == 0x7F) {
				memcpy(buf, "\x01", 2);         /* refused below */
			}
			rc = handle_text(a, buf);
		} else {
			rc |= do_action(a, ev->action, ev->arg) != 0;
		}
		break;
	case APP_EV_TEXT:
		memcpy(text, ev->text, sizeof ev->text);
		text[sizeof ev->text] = '\0';
		rc = handle_text(a, text);
		break;
	case APP_EV_KEY:
		rc |= handle_key(a, ev->key);
		break;
	default:
		break;
	}
	/* A screen change restarts its own timeout. */
	idle_reset(a);
	idle_render(a);
	return rc || seq != a->v.cue_seq;
}

int
app_next_tick_ms(const App *app, int64_t now_ms)
{
	const App *a = app;
	int64_t since = now_ms - a->now_ms, best, t;
	int64_t sec_ms = (a->now_utc % 60) * 1000 + since;

	/* The next minute boundary (the clock), from the last wall time seen. */
	best = 60000 - (sec_ms % 60000 + 60000) % 60000;
	if (a->deadline_ms > 0) {
		t = a->deadline_ms - now_ms;
		if (t <= 0)
			return 0;
		/* The countdown's next whole second. */
		t = t % 1000 == 0 ? 1000 : t % 1000;
		if (t < best)
			best = t;
	}
	if (a->v.toast[0] != '\0') {
		t = a->toast_until_ms - now_ms;
		if (t < best)
			best = t;
	}
	if (a->v.wait != WAIT_NONE && a->wait_until_ms > 0) {
		/* The question's countdown, and its end. */
		t = a->wait_until_ms - now_ms;
		if (t <= 0)
			return 0;
		t = t % 1000 == 0 ? 1000 : t % 1000;
		if (t < best)
			best = t;
	}
	if (a->scrub_pending) {
		t = a->scrub_next_ms - now_ms;
		if (t < best)
			best = t;
	}
	if (a->v.screen == SCREEN_PIN && a->pin.lock_until_ms > now_ms) {
		t = (a->pin.lock_until_ms - now_ms) % 1000;
		if (t == 0)
			t = 1000;
		if (t < best)
			best = t;
	}
	return best < 0 ? 0 : (int)best;
}
