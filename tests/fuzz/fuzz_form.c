/* fuzz_form.c -- form fields of the app state machine (app_field.c,
** scr_post_mission.c, scr_unknown_badge.c): the post-mission form, the enrolment
** name and the board's search, typed with fuzzed UTF-8.
** The first byte picks the form; the rest is a program of events: text
** (raw bytes, valid or not), on-screen keyboard code points, keys, form
** steps, chips and publish/save. One demo store in memory; each run is a
** new App inside a transaction rolled back at the end.
** Invariants after every event: each field is valid UTF-8 with no control
** character (newline only in the description), at most its max chars,
** n_chars right; publishing adds exactly one mission or none and says
** why on screen; saving an enrolment adds one member or says why. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "borne.h"
#include "demo.h"
#include "member.h"
#include "mission.h"
#include "store.h"
#include "text.h"
#include "timeutil.h"
#include "uid.h"

#define FORM_MAX_OPS 200

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static Store *st;
static int64_t now_utc, now_ms;

static long long
count(const char *sql)
{
	sqlite3_stmt *q = NULL;
	long long n = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return n;
}

/* A field may be in the middle of typing: it may end in a joiner that
** waits for its emoji (text_check_typed), nothing else invisible. */
static void
check_text(const char *s, size_t size, int max_ch, int multiline)
{
	if (memchr(s, '\0', size) == NULL ||
	    text_check_typed(NULL, s, multiline, NULL, 0) != BORNE_OK ||
	    text_chars(s) > (size_t)max_ch)
		abort();
}

static void
check_field(const TextFieldView *f, int multiline)
{
	check_text(f->text, sizeof f->text, f->max_chars > 0 ? f->max_chars :
	           BORNE_DESC_MAX_CH, multiline);
	if (f->n_chars != (int)text_chars(f->text) ||
	    (f->max_chars > 0 && f->n_chars > f->max_chars)) {
		fprintf(stderr, "fuzz_form: field \"%s\": n_chars %d, %zu "
		        "characters, max %d\n", f->text, f->n_chars,
		        text_chars(f->text), f->max_chars);
		abort();
	}
	check_text(f->error, sizeof f->error, 1000, 0);
}

static void
check_view(const AppView *v)
{
	check_field(&v->post.field, v->post.post_step == POST_DESCRIPTION);
	check_field(&v->board.search, 0);
	check_field(&v->enrol.enrol_name, 0);
	check_text(v->post.draft.title, sizeof v->post.draft.title, BORNE_TITLE_MAX_CH, 0);
	check_text(v->post.draft.description, sizeof v->post.draft.description,
	           BORNE_DESC_MAX_CH, 1);
	check_text(v->post.draft.place, sizeof v->post.draft.place, BORNE_PLACE_MAX_CH, 0);
	check_text(v->toast, sizeof v->toast, 1000, 0);
	check_text(v->post.post_error, sizeof v->post.post_error, 1000, 0);
	check_text(v->enrol.enrol_error, sizeof v->enrol.enrol_error, 1000, 0);
}

static void
setup(void)
{
	char err[256];

	setenv("TZ", "Europe/Paris", 1);
	setenv("BORNE_PIN_HASH_FAST", "1", 1);
	tzset();
	if (time_parse_local("2024-12-10T09:12", &now_utc) != BORNE_OK ||
	    store_open(":memory:", &st, err, sizeof err) != BORNE_OK ||
	    demo_fill(st, now_utc) != BORNE_OK) {
		fprintf(stderr, "fuzz_form: setup failed: %s\n", err);
		abort();
	}
	now_ms = 1000000;
}

static int
send(App *app, AppEvent *e)
{
	int r = app_handle(app, e, now_ms, now_utc);

	check_view(app_view(app));
	return r;
}

static void
act(App *app, AppAction a, int64_t arg)
{
	AppEvent e;

	memset(&e, 0, sizeof e);
	e.type = APP_EV_ACTION;
	e.action = a;
	e.arg = arg;
	send(app, &e);
}

static void
badge(App *app, const char *hex)
{
	AppEvent e;

	memset(&e, 0, sizeof e);
	e.type = APP_EV_BADGE;
	uid_parse(hex, UID_DEC_LSB_FIRST, &e.uid, NULL, 0);
	send(app, &e);
}

/* Publishing, saving: one row more and away from the form, or none and
** a reason on screen. */
static void
checked_submit(App *app, AppAction a, int64_t arg)
{
	const AppView *v = app_view(app);
	ScreenId before_screen = v->screen;
	int posting = v->screen == SCREEN_POST_MISSION &&
	              (a == ACT_PUBLISH ||
	               (a == ACT_NEXT && v->post.post_step == POST_PREVIEW));
	int enrolling = v->screen == SCREEN_UNKNOWN_BADGE && v->enrol.enrolling &&
	                a == ACT_ENROL_SAVE;
	const char *table = posting ? "SELECT count(*) FROM missions" :
	                    "SELECT count(*) FROM members";
	long long before = count(table), after;

	act(app, a, arg);
	after = count(table);
	if (posting) {
		if (after == before + 1)
			return;
		if (after != before || v->screen != before_screen ||
		    (v->post.post_error[0] == '\0' && v->toast[0] == '\0'))
			abort();
	} else if (enrolling) {
		if (after == before + 1)
			return;
		if (after != before || v->enrol.enrol_error[0] == '\0')
			abort();
	} else if (after != before) {
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	App *app = NULL;
	AppConfig cfg;
	AppEvent e;
	size_t i = 1;
	int form;

	if (size == 0)
		return 0;
	if (st == NULL)
		setup();
	if (store_begin(st) != BORNE_OK)
		abort();
	app_config_defaults(&cfg);
	cfg.lang = data[0] & 0x10 ? LANG_EN : LANG_FR;
	cfg.idle_timeout_ms = 600000;
	if (app_new(st, &cfg, now_ms, now_utc, &app) != BORNE_OK)
		abort();
	form = data[0] % 4;
	switch (form) {
	case 0:                           /* a coworker posts (pending) */
	case 1:                           /* a facilitator posts */
		badge(app, form == 0 ? "0451C0A7" : "04B3E7A1");
		act(app, ACT_POST, 0);
		if (app_view(app)->screen != SCREEN_POST_MISSION)
			abort();
		break;
	case 2:                           /* enrolment of an unknown badge */
		badge(app, DEMO_UNKNOWN_UID);
		act(app, ACT_ENROL, 0);
		badge(app, "04B3E7A1");
		for (const char *p = "1234"; *p != '\0'; p++)
			act(app, ACT_PIN_DIGIT, *p - '0');
		act(app, ACT_PIN_OK, 0);
		if (!app_view(app)->enrol.enrolling)
			abort();
		break;
	default:                          /* the board's search */
		act(app, ACT_BOARD, 0);
		act(app, ACT_SEARCH, 0);
		break;
	}
	/* At most FORM_MAX_OPS events a run: long runs find nothing more and
	** would slow the search down. */
	for (int ops = 0; i < size && ops < FORM_MAX_OPS; ops++) {
		uint8_t op = data[i++];
		uint8_t b = i < size ? data[i] : 0;

		memset(&e, 0, sizeof e);
		switch (op % 16) {
		case 0: case 1: case 2: case 3: {   /* raw text, as SDL gives it */
			size_t n = b % sizeof e.text, avail;

			i++;
			avail = i < size ? size - i : 0;
			if (n > avail)
				n = avail;
			e.type = APP_EV_TEXT;
			memcpy(e.text, data + i, n);
			i += n;
			send(app, &e);
			break;
		}
		case 4: {                           /* on-screen keyboard */
			int64_t cp = 0;

			for (int k = 0; k < 3 && i < size; k++)
				cp = cp << 8 | data[i++];
			act(app, ACT_TYPE, op & 0x80 ? cp - 0x100 : cp);
			break;
		}
		case 5:
			i++;
			e.type = APP_EV_KEY;
			e.key = b % 10;
			send(app, &e);
			break;
		case 6:
			i++;
			act(app, ACT_KEY, b % 10);
			break;
		case 7:
			checked_submit(app, ACT_NEXT, 0);
			break;
		case 8:
			act(app, ACT_PREV, 0);
			break;
		case 9:
			i++;
			act(app, ACT_FIELD, (int)(b % 10) - 1);
			break;
		case 10:
			checked_submit(app, ACT_PUBLISH, 0);
			break;
		case 11:
			act(app, ACT_PREVIEW, 0);
			break;
		case 12: {                          /* a chip, any argument */
			static const AppAction chips[] = {
				ACT_SET_CATEGORY, ACT_SET_WHEN, ACT_SET_DURATION,
				ACT_SET_PLACES, ACT_SET_REWARD_KIND, ACT_SET_REWARD_CENTS,
				ACT_TOGGLE_MINORS, ACT_SET_ROLE, ACT_ENROL_MINOR,
				ACT_KBD_LAYER, ACT_FOCUS, ACT_SEARCH_CLEAR,
			};
			int64_t arg = 0;

			for (int k = 0; k < 2 && i < size; k++)
				arg = arg << 8 | data[i++];
			act(app, chips[(op >> 4) % (sizeof chips / sizeof chips[0])],
			    op & 0x80 ? -arg : arg);
			break;
		}
		case 13:
			checked_submit(app, ACT_ENROL_SAVE, 0);
			break;
		case 14:
			i++;
			act(app, ACT_FIELD, b % 3);
			break;
		default: {                          /* time passes */
			memset(&e, 0, sizeof e);
			e.type = APP_EV_TICK;
			send(app, &e);
			break;
		}
		}
	}
	app_free(app);
	store_rollback(st);
	return 0;
}
