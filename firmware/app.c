/* app.c -- the kiosk's state machine: screens, session, badge taps.
** One App holds what the kiosk shows (the AppView) and what it waits for.
** Every event goes through app_handle(); the view is rebuilt from the
** store after each change, so what a screen draws is what is saved. A
** check-in is committed (checkin_tap returns after the durable commit)
** before the greeting is put in the view. The post form lives in
** app_post.c, PIN, facilitator mode and enrolment in app_facilitator.c;
** the formatting every screen shares is in format.c. */
#include "app_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "privacy.h"
#include "text.h"
#include "timeutil.h"
#include "uuid.h"

static int64_t     screen_timeout_ms(const App *a, ScreenId s);
static void        idle_reset(App *a);
static int         idle_render(App *a);
static int         clock_tick(App *a);
static int         clock_render(App *a);
static const char *rc_key(int rc);
static void        clear_personal(App *a);
static void        reload_common(App *a);
static void        reload_accueil(App *a);
static void        reload_board(App *a);
static void        reload_my(App *a);
static int         taker_add(int64_t member_id, const char *name,
                             int64_t taken_utc, void *ctx);
static void        reload_mission(App *a);
static void        render_result(App *a);
static int         badge_member(App *a, const BadgeUid *uid, Member *m);
static const char *refusal_key(MissionRefusal why, WaitFor w);
static void        wait_render(App *a);
static int         wait_expire(App *a);
static int         badge_answers(App *a, const BadgeUid *uid);
static void        checkin_note(App *a, const CheckinResult *r, int rc);
static void        confirm_badge(App *a, const BadgeUid *uid);
static void        handle_badge(App *a, const BadgeUid *uid);
static const char *oos_reason_key(int rc);
static int         handle_out_of_service(App *a, const AppEvent *ev);
static void        open_board(App *a, ScreenId from);
static void        open_mission(App *a, int64_t id);
static void        scroll_board(App *a, int64_t cards);
static void        go_back(App *a);
static int         do_action(App *a, AppAction act, int64_t arg);
static int         handle_text(App *a, const char *utf8);
static int         handle_key(App *a, int key);
static int         handle_tick(App *a);
static void        scrub_poll(App *a);
static void        handle_reader(App *a, int up, const char *detail);
static void        handle_badge_several(App *a);

/* ---- Post form choices ------------------------------------------------ */

const int app_duration_choices_min[APP_N_DURATIONS] = {
	30, 60, 120, 180, 240, 480
};
const int app_reward_presets_cents[APP_N_REWARD_PRESETS] = {
	500, 1000, 1500, 2000, 3000, 4500
};

/* ---- The state machine ------------------------------------------------ */

static const char *const screen_names[SCREEN_COUNT] = {
	[SCREEN_ACCUEIL] = "accueil",
	[SCREEN_BADGE_RESULT] = "badge-result",
	[SCREEN_UNKNOWN_BADGE] = "unknown-badge",
	[SCREEN_MEMBER_HOME] = "member-home",
	[SCREEN_BOARD] = "board",
	[SCREEN_MISSION] = "mission",
	[SCREEN_POST_MISSION] = "post-mission",
	[SCREEN_FACILITATOR] = "facilitator",
	[SCREEN_PIN] = "pin",
	[SCREEN_OUT_OF_SERVICE] = "out-of-service",
};

const char *
app_screen_name(ScreenId s)
{
	if ((int)s < 0 || s >= SCREEN_COUNT)
		return "?";
	return screen_names[s];
}

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
	cfg->build_utc = clock_build_utc();
}

/* How long a screen may stay without input before Accueil. */
static int64_t
screen_timeout_ms(const App *a, ScreenId s)
{
	int64_t idle = a->cfg.idle_timeout_ms > 0 ? a->cfg.idle_timeout_ms : 60000;
	int64_t t;

	switch (s) {
	case SCREEN_ACCUEIL:
	case SCREEN_OUT_OF_SERVICE:
		return 0;
	case SCREEN_BADGE_RESULT:
		t = a->cfg.greeting_ms > APP_RESULT_MS_MIN ? a->cfg.greeting_ms :
		    APP_RESULT_MS_MIN;
		return t < idle ? t : idle;
	case SCREEN_UNKNOWN_BADGE:
		/* The enrolment form gets the full idle time. */
		if (a->v.enrolling)
			return idle;
		return APP_UNKNOWN_MS < idle ? APP_UNKNOWN_MS : idle;
	default:
		return idle;
	}
}

static void
idle_reset(App *a)
{
	int64_t t = screen_timeout_ms(a, a->v.screen);

	a->deadline_ms = t > 0 ? a->now_ms + t : 0;
}

/* Seconds left, rounded up, and the line that says so. */
static int
idle_render(App *a)
{
	int left = 0, changed;

	if (a->deadline_ms > 0 && a->deadline_ms > a->now_ms)
		left = (int)((a->deadline_ms - a->now_ms + 999) / 1000);
	changed = left != a->v.idle_left_s;
	a->v.idle_left_s = left;
	if (left <= 0)
		a->v.idle_text[0] = '\0';
	else
		app_trf(a->v.lang, a->v.idle_text, sizeof a->v.idle_text,
		        left == 1 ? "app.idle.one" : "app.idle.many", left);
	return changed;
}

/* Clock and date; returns 1 when the minute changed. */
/* 1 when the wall clock reached a new minute or date since last time:
** the minute's duties (closing visits, expiring missions) follow it. */
static int
clock_tick(App *a)
{
	int min = time_local_minutes(a->now_utc);
	char today[11];
	int changed;

	time_local_date(a->now_utc, today);
	changed = min != a->clock_min || strcmp(today, a->today) != 0;
	a->clock_min = min;
	memcpy(a->today, today, sizeof a->today);
	return changed;
}

/* The time and date on screen: the kiosk's best knowledge of the true
** time (app_clock_shown_utc), or dashes and "Heure à vérifier" when it
** has none.
** 1 when they changed. */
static int
clock_render(App *a)
{
	char hm[sizeof a->v.clock], date[sizeof a->shown_date] = "";
	int64_t t;

	if (app_clock_shown_utc(a, &t)) {
		int min = time_local_minutes(t);

		snprintf(hm, sizeof hm, "%d:%02d", min / 60, min % 60);
		time_local_date(t, date);
	} else
		snprintf(hm, sizeof hm, "--:--");
	if (strcmp(hm, a->v.clock) == 0 && strcmp(date, a->shown_date) == 0)
		return 0;
	memcpy(a->v.clock, hm, sizeof hm);
	memcpy(a->shown_date, date, sizeof date);
	if (date[0] != '\0')
		app_format_date_long(a->v.lang, date, a->v.date_long,
		                     sizeof a->v.date_long);
	else
		text_copy(a->v.date_long, sizeof a->v.date_long,
		          tr(a->v.lang, "app.clock.unknown"));
	return 1;
}

void
app_cue(App *a, AppCue cue)
{
	a->v.cue = cue;
	a->v.cue_seq++;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void
app_toast(App *a, const char *key, ...)
{
	va_list ap;

	va_start(ap, key);
	vsnprintf(a->v.toast, sizeof a->v.toast, tr(a->v.lang, key), ap);
	va_end(ap);
	a->toast_until_ms = a->now_ms + APP_TOAST_MS;
}
#pragma GCC diagnostic pop

/* The key of the message that explains a storage error. */
static const char *
rc_key(int rc)
{
	switch (rc) {
	case BORNE_EBUSY:     return "app.err.busy";
	case BORNE_EFULL:     return "app.err.full";
	case BORNE_EREADONLY: return "app.err.readonly";
	case BORNE_ENOMEM:    return "app.err.nomem";
	default:              return "app.err.db";
	}
}

void
app_toast_rc(App *a, int rc)
{
	app_toast(a, rc_key(rc));
}

void
app_set_session(App *a, const Member *m)
{
	a->v.has_member = 1;
	a->v.member = *m;
	text_first_name(m->name, a->v.first_name, sizeof a->v.first_name);
	a->v.can_post = app_member_may_post(m);
	a->v.is_staff = member_is_staff(m);
	a->v.minors_only = m->minor;
}

void
app_clear_session(App *a)
{
	a->v.has_member = 0;
	memset(&a->v.member, 0, sizeof a->v.member);
	a->v.first_name[0] = '\0';
	a->v.can_post = a->v.is_staff = a->v.minors_only = 0;
	a->in_facilitator = 0;
	memset(&a->staff, 0, sizeof a->staff);
}

/* Asks for a badge (w), or stops asking (WAIT_NONE). The question is put
** to the badged-in member when there is one, else to whoever badges first,
** and expires after confirm_wait_ms. */
void
app_wait(App *a, WaitFor w, int64_t mission_id)
{
	a->v.wait = w;
	a->wait_mission = w == WAIT_NONE ? 0 : mission_id;
	a->wait_member = w != WAIT_NONE && w != WAIT_NEW_BADGE && a->v.has_member ?
	                 a->v.member.id : 0;
	a->wait_until_ms = w == WAIT_NONE ? 0 : a->now_ms + a->cfg.confirm_wait_ms;
	wait_render(a);
}

/* The line that asks for the badge (in v->lang) and the seconds left. */
static void
wait_render(App *a)
{
	static const char *const keys[] = {
		[WAIT_NONE] = NULL,
		[WAIT_TAKE] = "app.wait.take",
		[WAIT_RELEASE] = "app.wait.release",
		[WAIT_DONE] = "app.wait.done",
		[WAIT_CANCEL] = "app.wait.cancel",
		[WAIT_POSTER] = "app.wait.poster",
		[WAIT_STAFF] = "app.wait.staff",
		[WAIT_NEW_BADGE] = "app.wait.new_badge",
	};
	WaitFor w = a->v.wait;

	if (w == WAIT_NONE || keys[w] == NULL)
		a->v.wait_text[0] = '\0';
	else
		text_copy(a->v.wait_text, sizeof a->v.wait_text, tr(a->v.lang, keys[w]));
	a->v.wait_left_s = w == WAIT_NONE || a->wait_until_ms <= a->now_ms ? 0 :
	                   (int)((a->wait_until_ms - a->now_ms + 999) / 1000);
}

/* A question nobody answered in time is no question any more: the next
** badge is a check-in. Returns 1 when it expired now. */
static int
wait_expire(App *a)
{
	if (a->v.wait == WAIT_NONE || a->now_ms < a->wait_until_ms)
		return 0;
	app_wait(a, WAIT_NONE, 0);
	if (a->v.screen == SCREEN_FACILITATOR && a->v.fac_tab == FAC_ENROL)
		a->v.fac_tab = FAC_PRESENT;
	app_reload(a);
	return 1;
}

/* Clears everything a person left on screen: names, forms, PIN digits. */
static void
clear_personal(App *a)
{
	AppView *v = &a->v;

	app_clear_session(a);
	app_wait(a, WAIT_NONE, 0);
	memset(&a->result, 0, sizeof a->result);
	a->result_rc = BORNE_OK;
	v->greeting[0] = v->greeting_detail[0] = '\0';
	v->greeting_extra[0] = v->greeting_note[0] = '\0';
	v->result_error = 0;
	v->n_my = 0;
	memset(v->my, 0, sizeof v->my);
	memset(&v->mission, 0, sizeof v->mission);
	memset(v->takers, 0, sizeof v->takers);
	v->n_takers_shown = 0;
	v->poster_first[0] = '\0';
	memset(&a->poster, 0, sizeof a->poster);
	mission_draft_init(&v->draft);
	memset(&v->field, 0, sizeof v->field);
	a->amount[0] = '\0';
	a->post_focused = 0;
	memset(&v->enrol_name, 0, sizeof v->enrol_name);
	v->enrolling = 0;
	v->enrol_error[0] = '\0';
	v->raw_uid[0] = '\0';
	memset(&a->raw, 0, sizeof a->raw);
	a->enrol_focused = 0;
	a->enrol_from_fac = 0;
	memset(a->pin, 0, sizeof a->pin);
	v->pin_len = 0;
	v->pin_msg[0] = '\0';
	v->n_present = 0;
	memset(v->present, 0, sizeof v->present);
	v->rejecting = 0;
	v->export_msg[0] = '\0';
	app_field_clear(&v->search);
	a->search_focused = 0;
	v->filter = -1;
	v->board_offset = 0;
	v->toast[0] = '\0';
	a->toast_until_ms = 0;
}

void
app_goto(App *a, ScreenId s)
{
	a->v.screen = s;
	if (s != SCREEN_BOARD)
		a->search_focused = 0;
	idle_reset(a);
	app_reload(a);
}

void
app_go_home(App *a)
{
	clear_personal(a);
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
	int n = 0;

	(void)clock_tick(a);
	(void)clock_render(a);
	text_copy(v->space_name, sizeof v->space_name, a->cfg.space_name);
	text_copy(v->space_tagline, sizeof v->space_tagline, a->cfg.space_tagline);
	v->has_day = a->st != NULL && day_on(a->st, a->today, &day) == BORNE_OK;
	if (v->has_day) {
		text_copy(v->day_title, sizeof v->day_title, day.title);
		app_format_hours_range(v->lang, day.open_min, day.close_min,
		                       v->day_hours, sizeof v->day_hours);
	} else {
		v->day_title[0] = v->day_hours[0] = '\0';
	}
	if (a->st == NULL ||
	    checkin_present_count(a->st, a->now_utc, &n) != BORNE_OK)
		n = 0;
	v->present_count = n;
	if (n == 0)
		text_copy(v->present_text, sizeof v->present_text,
		          tr(v->lang, "app.present.none"));
	else
		app_trf(v->lang, v->present_text, sizeof v->present_text,
		        n == 1 ? "app.present.one" : "app.present.many", n);
	wait_render(a);                             /* its text, in v->lang */
	if (v->reader_ok)
		text_copy(v->reader_status, sizeof v->reader_status,
		          tr(v->lang, "app.reader.ok"));
}

static void
reload_accueil(App *a)
{
	AppView *v = &a->v;
	MissionQuery q = { .category = -1, .status = -1, .limit = APP_NEWS_MAX };
	int total = 0;

	v->n_news = 0;
	if (mission_search(a->st, &q, v->news, &v->n_news, &total) != BORNE_OK)
		v->n_news = total = 0;
	v->open_count = total;
	for (int i = 0; i < v->n_news; i++)
		app_card_text(v->lang, &v->news[i], &v->news_text[i]);
}

static void
reload_board(App *a)
{
	AppView *v = &a->v;
	MissionQuery q;
	int total = 0, cols = v->board_columns > 0 ? v->board_columns : 2;

	memset(&q, 0, sizeof q);
	q.category = v->filter;
	q.text = v->search.text;
	q.minors_only = v->has_member && v->member.minor;
	q.status = -1;
	q.offset = v->board_offset;
	q.limit = APP_BOARD_WINDOW;
	v->minors_only = q.minors_only;
	v->n_cards = 0;
	if (mission_search(a->st, &q, v->cards, &v->n_cards, &total) != BORNE_OK) {
		v->n_cards = total = 0;
	} else if (v->board_offset > 0 && v->board_offset >= total) {
		/* Results shrank under the window: show the last row. */
		v->board_offset = total > 0 ? (total - 1) / cols * cols : 0;
		q.offset = v->board_offset;
		if (mission_search(a->st, &q, v->cards, &v->n_cards, &total) !=
		    BORNE_OK)
			v->n_cards = total = 0;
	}
	v->board_total = total;
	for (int i = 0; i < v->n_cards; i++)
		app_card_text(v->lang, &v->cards[i], &v->cards_text[i]);
	app_field_show(&v->search, v->search.text, BORNE_TITLE_MAX_CH);
	text_copy(v->search.label, sizeof v->search.label,
	          tr(v->lang, "app.search.label"));
	v->search.focused = a->search_focused;
}

static void
reload_my(App *a)
{
	AppView *v = &a->v;

	v->n_my = 0;
	if (!v->has_member)
		return;
	if (mission_of_member(a->st, v->member.id, v->my, APP_BOARD_WINDOW,
	                      &v->n_my) != BORNE_OK)
		v->n_my = 0;
	for (int i = 0; i < v->n_my; i++)
		app_card_text(v->lang, &v->my[i], &v->my_text[i]);
}

struct takers_ctx { AppView *v; };

static int
taker_add(int64_t member_id, const char *name, int64_t taken_utc, void *ctx)
{
	AppView *v = ((struct takers_ctx *)ctx)->v;

	(void)member_id;
	(void)taken_utc;
	if (v->n_takers_shown >= 4)
		return 1;
	text_first_name(name, v->takers[v->n_takers_shown],
	                sizeof v->takers[0]);
	v->n_takers_shown++;
	return 0;
}

static void
reload_mission(App *a)
{
	AppView *v = &a->v;
	Mission *m = &v->mission;
	MissionCard card;
	struct takers_ctx ctx = { v };
	int64_t id = m->id;
	int is_poster, live, places_left;

	if (mission_get(a->st, id, m) != BORNE_OK) {
		memset(m, 0, sizeof *m);
		m->id = id;
	}
	app_card_from_mission(m, &card);
	app_card_text(v->lang, &card, &v->mission_text);
	text_first_name(m->poster_name, v->poster_first, sizeof v->poster_first);
	is_poster = v->has_member && m->poster_id == v->member.id;
	v->is_taker = v->has_member && mission_is_taker(a->st, m->id,
	                                                v->member.id) == 1;
	/* Names of takers are personal data: the poster and staff only. */
	memset(v->takers, 0, sizeof v->takers);
	v->n_takers_shown = 0;
	if (is_poster || v->is_staff)
		mission_takers_each(a->st, m->id, taker_add, &ctx);
	live = m->status == MISSION_OPEN || m->status == MISSION_TAKEN;
	places_left = m->d.places - m->n_takers;
	v->can_take = m->status == MISSION_OPEN && places_left > 0 &&
	              !v->is_taker && !is_poster &&
	              !(v->has_member && v->member.minor && !m->d.minors_ok);
	v->can_release = live && (v->has_member ? v->is_taker : m->n_takers > 0);
	v->can_done = v->has_member && (is_poster || v->is_staff) && live &&
	              m->n_takers > 0;
	v->can_cancel = v->has_member && (is_poster || v->is_staff) &&
	                (live || m->status == MISSION_PENDING);
}

/* Greeting lines from the last check-in (in v->lang). */
static void
render_result(App *a)
{
	AppView *v = &a->v;
	const CheckinResult *r = &a->result;
	char first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)], hm[32], hours[32];

	v->greeting[0] = v->greeting_detail[0] = '\0';
	v->greeting_extra[0] = v->greeting_note[0] = '\0';
	v->result_error = a->result_rc != BORNE_OK;
	if (v->result_error) {
		text_copy(v->greeting, sizeof v->greeting,
		          tr(v->lang, "app.result.error"));
		text_copy(v->greeting_detail, sizeof v->greeting_detail,
		          tr(v->lang, rc_key(a->result_rc)));
		return;
	}
	v->outcome = r->outcome;
	text_first_name(r->member.name, first, sizeof first);
	switch (r->outcome) {
	case CHECKIN_IN:
		app_format_hm(v->lang, r->in_utc, hm, sizeof hm);
		app_trf(v->lang, v->greeting, sizeof v->greeting, "app.result.in",
		        first);
		app_trf(v->lang, v->greeting_detail, sizeof v->greeting_detail,
		        "app.result.in_detail", hm);
		break;
	case CHECKIN_OUT:
		app_format_hm(v->lang, r->out_utc, hm, sizeof hm);
		app_format_hours(v->lang, r->today_s, hours, sizeof hours);
		app_trf(v->lang, v->greeting, sizeof v->greeting, "app.result.out",
		        first);
		app_trf(v->lang, v->greeting_detail, sizeof v->greeting_detail,
		        "app.result.out_detail", hours);
		app_trf(v->lang, v->greeting_extra, sizeof v->greeting_extra,
		        "app.result.out_extra", hm);
		if (r->has_day)
			app_trf(v->lang, v->greeting_note, sizeof v->greeting_note,
			        "app.result.thanks_day", r->day.title);
		break;
	case CHECKIN_IGNORED:
		app_trf(v->lang, v->greeting, sizeof v->greeting,
		        "app.result.ignored", first);
		if (r->out_utc != 0) {
			app_format_hm(v->lang, r->out_utc, hm, sizeof hm);
			app_trf(v->lang, v->greeting_detail, sizeof v->greeting_detail,
			        "app.result.ignored_out", hm);
		} else {
			app_format_hm(v->lang, r->in_utc, hm, sizeof hm);
			app_trf(v->lang, v->greeting_detail, sizeof v->greeting_detail,
			        "app.result.ignored_in", hm);
		}
		break;
	case CHECKIN_INACTIVE:
		text_copy(v->greeting, sizeof v->greeting,
		          tr(v->lang, "app.result.inactive"));
		text_copy(v->greeting_detail, sizeof v->greeting_detail,
		          tr(v->lang, "app.result.inactive_detail"));
		break;
	case CHECKIN_HELD:
		app_trf(v->lang, v->greeting, sizeof v->greeting,
		        r->held_out ? "app.result.out" : "app.result.in", first);
		text_copy(v->greeting_detail, sizeof v->greeting_detail,
		          tr(v->lang, r->held_out ? "app.result.held_out"
		                                  : "app.result.held_in"));
		break;
	case CHECKIN_UNKNOWN:
		break;
	}
	/* After an arrival: the member's next mission, if they hold one. */
	if (r->outcome == CHECKIN_IN || r->outcome == CHECKIN_IGNORED) {
		for (int i = 0; i < v->n_my; i++) {
			if (mission_is_taker(a->st, v->my[i].id, r->member.id) == 1) {
				app_trf(v->lang, v->greeting_note, sizeof v->greeting_note,
				        "app.result.next_mission", v->my[i].title,
				        v->my_text[i].when);
				break;
			}
		}
	}
}

void
app_reload(App *a)
{
	AppView *v = &a->v;

	reload_common(a);
	v->kbd_visible = 0;
	if (a->st == NULL && v->screen != SCREEN_OUT_OF_SERVICE)
		v->screen = SCREEN_OUT_OF_SERVICE;     /* nothing else without a store */
	switch (v->screen) {
	case SCREEN_ACCUEIL:
		reload_accueil(a);
		break;
	case SCREEN_BADGE_RESULT:
		reload_my(a);
		render_result(a);
		break;
	case SCREEN_MEMBER_HOME:
		reload_my(a);
		break;
	case SCREEN_BOARD:
		reload_board(a);
		v->kbd_visible = a->search_focused;
		break;
	case SCREEN_MISSION:
		reload_mission(a);
		break;
	case SCREEN_POST_MISSION:
		app_post_render(a);
		break;
	case SCREEN_UNKNOWN_BADGE:
		app_enrol_render(a);
		break;
	case SCREEN_PIN:
		app_pin_render(a);
		break;
	case SCREEN_FACILITATOR:
		app_fac_reload(a);
		break;
	case SCREEN_OUT_OF_SERVICE:
		break;
	case SCREEN_COUNT:
		break;
	}
	idle_render(a);
}

/* ---- Text fields ------------------------------------------------------ */

void
app_field_show(TextFieldView *f, const char *buf, int max_ch)
{
	if (f->text != buf)
		snprintf(f->text, sizeof f->text, "%s", buf);
	f->n_chars = (int)text_chars(f->text);
	f->max_chars = max_ch;
}

int
app_field_type(App *a, TextFieldView *f, char *buf, size_t bufsize, int max_ch,
               int multiline, const char *utf8)
{
	char why[96];
	size_t have, len, room_ch, n_ch, cut;

	if (utf8 == NULL || utf8[0] == '\0')
		return 0;
	if (text_check_typed(buf, utf8, multiline, why, sizeof why) != BORNE_OK) {
		text_copy(f->error, sizeof f->error,
		          tr(a->v.lang, strstr(why, "invisible") != NULL ?
		             "app.field.invisible" : "app.field.bad_char"));
		return 1;
	}
	have = text_chars(buf);
	n_ch = text_chars(utf8);
	room_ch = (size_t)max_ch > have ? (size_t)max_ch - have : 0;
	f->error[0] = '\0';
	if (n_ch > room_ch) {
		app_trf(a->v.lang, f->error, sizeof f->error, "app.field.limit",
		        max_ch);
		n_ch = room_ch;
	}
	if (n_ch == 0) {
		app_field_show(f, buf, max_ch);
		return 1;
	}
	cut = text_prefix_bytes(utf8, n_ch);
	len = strlen(buf);
	if (len + cut + 1 > bufsize) {
		app_trf(a->v.lang, f->error, sizeof f->error, "app.field.limit",
		        max_ch);
		return 1;
	}
	memcpy(buf + len, utf8, cut);
	buf[len + cut] = '\0';
	/* Phones go back to lower case after one capital: so do we. */
	if (a->v.kbd_layer == KBD_UPPER)
		a->v.kbd_layer = KBD_LOWER;
	app_field_show(f, buf, max_ch);
	return 1;
}

void
app_field_clear(TextFieldView *f)
{
	f->text[0] = '\0';
	f->error[0] = '\0';
	f->n_chars = 0;
}

void
app_field_pop(TextFieldView *f, char *buf)
{
	text_pop_char(buf);
	f->error[0] = '\0';
	app_field_show(f, buf, f->max_chars);
}

/* ---- Badge taps ------------------------------------------------------- */

/* Post form, PIN pad, facilitator mode, enrolment form: someone's work
** is on screen, which a check-in must not take from them. */
int
app_screen_busy(const App *a)
{
	switch (a->v.screen) {
	case SCREEN_POST_MISSION:
	case SCREEN_PIN:
	case SCREEN_FACILITATOR:
		return 1;
	case SCREEN_UNKNOWN_BADGE:
		return a->v.enrolling;
	default:
		return 0;
	}
}

/* A check-in made over a busy screen: the greeting (or why the tap was
** not saved) as a message, the screen and its owner left as they were. */
static void
checkin_note(App *a, const CheckinResult *r, int rc)
{
	char first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)], hm[32];

	if (rc != BORNE_OK) {
		app_toast(a, "app.tap.error", tr(a->v.lang, rc_key(rc)));
		app_cue(a, CUE_REFUSED);
		return;
	}
	text_first_name(r->member.name, first, sizeof first);
	switch (r->outcome) {
	case CHECKIN_IN:
		app_format_hm(a->v.lang, r->in_utc, hm, sizeof hm);
		app_toast(a, "app.tap.in", first, hm);
		app_cue(a, CUE_SUCCESS);
		break;
	case CHECKIN_OUT:
		app_format_hm(a->v.lang, r->out_utc, hm, sizeof hm);
		app_toast(a, "app.tap.out", first, hm);
		app_cue(a, CUE_SUCCESS);
		break;
	case CHECKIN_IGNORED:
		app_toast(a, "app.result.ignored", first);
		app_cue(a, CUE_SUCCESS);
		break;
	case CHECKIN_HELD:
		app_toast(a, "app.tap.held", first);
		app_cue(a, CUE_SUCCESS);
		break;
	case CHECKIN_INACTIVE:
		app_toast(a, "app.result.inactive");
		app_cue(a, CUE_REFUSED);
		break;
	case CHECKIN_UNKNOWN:
		app_toast(a, "app.tap.unknown");
		app_cue(a, CUE_UNKNOWN);
		break;
	}
}

void
app_checkin(App *a, const BadgeUid *uid)
{
	CheckinResult r;
	TapClock clk;
	char tap_uuid[BORNE_UUID_LEN + 1];
	int rc;

	/* The tap is timed by a clock the kiosk trusts, or held until it
	** does (app_clock.c). */
	uuid_make(tap_uuid);
	app_clock_tap(a, &clk);
	rc = checkin_tap_clock(a->st, uid, &clk, tap_uuid, &r);
	if (rc == BORNE_OK && r.outcome == CHECKIN_HELD)
		app_clock_check(a);             /* one more tap waits */

	/* checkin_tap has committed durably when it returns BORNE_OK: only
	** now may the greeting be shown. */
	if (app_screen_busy(a)) {
		checkin_note(a, &r, rc);
		app_reload(a);              /* who is here, in facilitator mode */
		return;
	}
	clear_personal(a);
	if (rc != BORNE_OK) {
		a->result_rc = rc;
		app_cue(a, CUE_REFUSED);
		app_goto(a, SCREEN_BADGE_RESULT);
		return;
	}
	a->result = r;
	a->result_rc = BORNE_OK;
	switch (r.outcome) {
	case CHECKIN_UNKNOWN:
		app_cue(a, CUE_UNKNOWN);
		a->raw = *uid;
		uid_format(uid, a->v.raw_uid);
		app_goto(a, SCREEN_UNKNOWN_BADGE);
		return;
	case CHECKIN_INACTIVE:
		app_cue(a, CUE_REFUSED);
		break;
	case CHECKIN_IN:
	case CHECKIN_OUT:
	case CHECKIN_IGNORED:
	case CHECKIN_HELD:
		app_set_session(a, &r.member);
		app_cue(a, CUE_SUCCESS);
		break;
	}
	app_goto(a, SCREEN_BADGE_RESULT);
}

/* The member behind a badge for a confirmation; 0 and a message if none. */
static int
badge_member(App *a, const BadgeUid *uid, Member *m)
{
	int rc = member_by_badge(a->st, uid, m);

	if (rc == BORNE_ENOTFOUND) {
		app_toast(a, "app.badge.unknown");
		app_cue(a, CUE_UNKNOWN);
		return 0;
	}
	if (rc != BORNE_OK) {
		app_toast_rc(a, rc);
		app_cue(a, CUE_REFUSED);
		return 0;
	}
	if (!m->active) {
		app_toast(a, "app.result.inactive");
		app_cue(a, CUE_REFUSED);
		return 0;
	}
	return 1;
}

/* The words for the rule the core says refused (mission.h): the core
** decides, the kiosk only words it. */
static const char *
refusal_key(MissionRefusal why, WaitFor w)
{
	static const char *const keys[MREFUSE_COUNT] = {
		[MREFUSE_ALREADY] = "app.take.already",
		[MREFUSE_FULL] = "app.take.full",
		[MREFUSE_OWN] = "app.take.own",
		[MREFUSE_MINOR] = "app.take.minor",
		[MREFUSE_TOO_MANY] = "app.take.too_many",
		[MREFUSE_NOT_TAKER] = "app.release.not_taker",
		[MREFUSE_STARTED] = "app.release.refused",
		[MREFUSE_NOT_POSTER] = "app.mission.not_poster",
	};

	if (why == MREFUSE_NOT_OPEN)
		return w == WAIT_TAKE ? "app.take.not_open"
		     : w == WAIT_RELEASE ? "app.release.refused"
		     : "app.mission.refused";
	if ((int)why > 0 && why < MREFUSE_COUNT && keys[why] != NULL)
		return keys[why];
	return "app.mission.refused";
}

static void
confirm_badge(App *a, const BadgeUid *uid)
{
	WaitFor w = a->v.wait;
	int64_t id = a->wait_mission;
	MissionRefusal why = MREFUSE_NONE;
	Member m;
	Mission before;
	char first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int rc;

	if (!badge_member(a, uid, &m))
		return;                     /* still waiting: they may try again */
	text_first_name(m.name, first, sizeof first);
	/* A member's badge settles the question: done, or refused with the
	** reason; the next tap is a check-in again. */
	if (w == WAIT_POSTER) {
		if (!app_member_may_post(&m)) {
			app_wait(a, WAIT_NONE, 0);
			app_toast(a, "app.post.not_allowed");
			app_cue(a, CUE_REFUSED);
			app_reload(a);
			return;
		}
		app_wait(a, WAIT_NONE, 0);
		app_cue(a, CUE_SUCCESS);
		app_set_session(a, &m);
		app_post_start(a, &m);
		return;
	}
	if (w == WAIT_STAFF) {
		if (!member_is_staff(&m)) {
			app_wait(a, WAIT_NONE, 0);
			app_toast(a, "app.staff.not_staff");
			app_cue(a, CUE_REFUSED);
			app_reload(a);
			return;
		}
		app_wait(a, WAIT_NONE, 0);
		app_cue(a, CUE_SUCCESS);
		app_staff_badge(a, &m);
		return;
	}
	app_wait(a, WAIT_NONE, 0);
	if (mission_get(a->st, id, &before) != BORNE_OK) {
		app_toast(a, "app.mission.gone");
		app_cue(a, CUE_REFUSED);
		app_reload(a);
		return;
	}
	switch (w) {
	case WAIT_TAKE:
		rc = mission_take(a->st, id, m.id, a->now_utc, &why);
		break;
	case WAIT_RELEASE:
		rc = mission_release(a->st, id, m.id, a->now_utc, &why);
		break;
	case WAIT_DONE:
		rc = mission_done(a->st, id, m.id, a->now_utc, &why);
		break;
	default:
		rc = mission_cancel(a->st, id, m.id, a->now_utc, &why);
		break;
	}
	if (rc == BORNE_OK) {
		static const char *const ok[] = {
			[WAIT_TAKE] = "app.take.ok", [WAIT_RELEASE] = "app.release.ok",
			[WAIT_DONE] = "app.done.ok", [WAIT_CANCEL] = "app.cancel.ok",
		};
		app_toast(a, ok[w], first);
		app_cue(a, CUE_SUCCESS);
		app_set_session(a, &m);
	} else {
		app_cue(a, CUE_REFUSED);
		/* The core says which rule refused; here it is only worded. */
		if (why != MREFUSE_NONE)
			app_toast(a, refusal_key(why, w),
			          store_rules(a->st)->max_open_takes);
		else if (rc == BORNE_EREFUSED || rc == BORNE_EINVAL)
			app_toast(a, "app.mission.refused");
		else if (rc == BORNE_ENOTFOUND)
			app_toast(a, "app.mission.gone");
		else
			app_toast_rc(a, rc);
	}
	app_reload(a);
}

/* Whether this badge answers the question on screen (see app.h): the
** question is still open, and the badge is one it asked for. */
static int
badge_answers(App *a, const BadgeUid *uid)
{
	Member m;
	int rc;

	wait_expire(a);
	if (a->v.wait == WAIT_NONE)
		return 0;
	rc = member_by_badge(a->st, uid, &m);
	if (a->v.wait == WAIT_NEW_BADGE)
		return rc == BORNE_ENOTFOUND;   /* a known badge is its owner's */
	if (a->wait_member == 0)
		return 1;                       /* asked to whoever badges first */
	return rc == BORNE_OK && m.id == a->wait_member;
}

/* The one rule (app.h): the answer to the question on screen, else a
** check-in, whatever the screen. */
static void
handle_badge(App *a, const BadgeUid *uid)
{
	AppView *v = &a->v;
	char hm[32];

	app_format_hm(v->lang, a->now_utc, hm, sizeof hm);
	app_trf(v->lang, v->reader_last, sizeof v->reader_last, "app.reader.last",
	        hm);
	if (badge_answers(a, uid)) {
		if (v->wait == WAIT_NEW_BADGE)
			app_fac_badge(a, uid);
		else
			confirm_badge(a, uid);
		return;
	}
	if (v->screen == SCREEN_UNKNOWN_BADGE && v->enrolling &&
	    uid_equal(uid, &a->raw)) {
		/* The card being enrolled belongs to nobody yet. */
		app_toast(a, "app.enrol.same_badge");
		app_cue(a, CUE_REFUSED);
		return;
	}
	app_checkin(a, uid);
}

/* ---- Actions ---------------------------------------------------------- */

static void
open_board(App *a, ScreenId from)
{
	a->board_return = from == SCREEN_BOARD ? a->board_return : from;
	a->v.board_offset = 0;
	app_goto(a, SCREEN_BOARD);
}

static void
open_mission(App *a, int64_t id)
{
	Mission m;

	if (mission_get(a->st, id, &m) != BORNE_OK) {
		app_toast(a, "app.mission.gone");
		app_reload(a);
		return;
	}
	if (a->v.screen != SCREEN_MISSION)
		a->mission_return = a->v.screen;
	a->v.mission.id = id;
	app_goto(a, SCREEN_MISSION);
}

static void
scroll_board(App *a, int64_t cards)
{
	AppView *v = &a->v;
	int64_t off = v->board_offset + cards;
	int cols = v->board_columns > 0 ? v->board_columns : 2;
	int last = v->board_total > 0 ? (v->board_total - 1) / cols * cols : 0;

	if (off > last)
		off = last;
	if (off < 0)
		off = 0;
	v->board_offset = (int)off;
	app_reload(a);
}

static void
go_back(App *a)
{
	AppView *v = &a->v;

	if (v->wait != WAIT_NONE) {
		app_wait(a, WAIT_NONE, 0);
		app_reload(a);
		return;
	}
	switch (v->screen) {
	case SCREEN_MISSION:
		app_goto(a, a->mission_return == SCREEN_MEMBER_HOME && v->has_member ?
		         SCREEN_MEMBER_HOME : SCREEN_BOARD);
		return;
	case SCREEN_BOARD:
		if (a->search_focused) {
			a->search_focused = 0;
			app_reload(a);
			return;
		}
		if (v->has_member &&
		    (a->board_return == SCREEN_MEMBER_HOME ||
		     a->board_return == SCREEN_BADGE_RESULT))
			app_goto(a, a->board_return == SCREEN_BADGE_RESULT &&
			         a->result.outcome == CHECKIN_OUT ? SCREEN_BADGE_RESULT :
			         SCREEN_MEMBER_HOME);
		else
			app_go_home(a);
		return;
	case SCREEN_BADGE_RESULT:
		app_go_home(a);
		return;
	case SCREEN_MEMBER_HOME:
		app_go_home(a);
		return;
	default:
		app_go_home(a);
		return;
	}
}

static int
do_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;
	ScreenId s = v->screen;

	/* Screens with their own actions first. */
	if (s == SCREEN_POST_MISSION && app_post_action(a, act, arg))
		return 1;
	if (s == SCREEN_PIN && app_pin_action(a, act, arg))
		return 1;
	if (s == SCREEN_FACILITATOR && app_fac_action(a, act, arg))
		return 1;
	if (s == SCREEN_UNKNOWN_BADGE && app_enrol_action(a, act, arg))
		return 1;

	switch (act) {
	case ACT_NONE:
		return 0;
	case ACT_HOME:
		app_go_home(a);
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
		open_board(a, s);
		return 1;
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
		open_mission(a, arg);
		return 1;
	case ACT_TAKE:
	case ACT_RELEASE:
	case ACT_MARK_DONE:
	case ACT_CANCEL_MISSION:
		if (s != SCREEN_MISSION || v->mission.id == 0)
			return 0;
		app_wait(a, act == ACT_TAKE ? WAIT_TAKE : act == ACT_RELEASE ?
		         WAIT_RELEASE : act == ACT_MARK_DONE ? WAIT_DONE : WAIT_CANCEL,
		         v->mission.id);
		return 1;
	case ACT_FILTER:
		v->filter = arg >= 0 && arg < CAT_COUNT ? (int)arg : -1;
		v->board_offset = 0;
		if (s != SCREEN_BOARD)
			open_board(a, s);
		else
			app_reload(a);
		return 1;
	case ACT_SEARCH:
		if (s != SCREEN_BOARD)
			open_board(a, s);
		a->search_focused = 1;
		v->kbd_layer = KBD_LOWER;
		app_reload(a);
		return 1;
	case ACT_SEARCH_CLEAR:
		app_field_clear(&v->search);
		v->board_offset = 0;
		app_reload(a);
		return 1;
	case ACT_SCROLL:
		scroll_board(a, arg * (v->board_columns > 0 ? v->board_columns : 2));
		return 1;
	case ACT_SCROLL_TO:
		scroll_board(a, arg - v->board_offset);
		return 1;
	case ACT_SET_COLUMNS:
		if (arg < 1 || arg > 6)
			return 0;
		v->board_columns = (int)arg;
		return 1;
	case ACT_FOCUS:
		if (s == SCREEN_BOARD) {
			a->search_focused = arg != 0;
			app_reload(a);
			return 1;
		}
		return 0;
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
	case ACT_ENROL:
		if (s != SCREEN_UNKNOWN_BADGE)
			return 0;
		app_wait(a, WAIT_STAFF, 0);
		app_reload(a);
		return 1;
	case ACT_LANG:
		if (arg < 0 || arg >= LANG_COUNT)
			return 0;
		v->lang = (AppLang)arg;
		v->clock[0] = '\0';
		app_reload(a);
		return 1;
	case ACT_KEY:
		return -2;                      /* handled as a key by the caller */
	default:
		return 0;
	}
}

/* Typed text goes to the field that has the focus. */
static int
handle_text(App *a, const char *utf8)
{
	AppView *v = &a->v;

	switch (v->screen) {
	case SCREEN_BOARD:
		if (!a->search_focused) {
			a->search_focused = 1;
		}
		app_field_type(a, &v->search, v->search.text, sizeof v->search.text,
		               BORNE_TITLE_MAX_CH, TEXT_SINGLE_LINE, utf8);
		v->board_offset = 0;
		app_reload(a);
		return 1;
	case SCREEN_POST_MISSION:
		return app_post_text(a, utf8);
	case SCREEN_UNKNOWN_BADGE:
		return app_enrol_text(a, utf8);
	case SCREEN_PIN:
		for (const char *p = utf8; *p != '\0'; p++)
			if (*p >= '0' && *p <= '9')
				app_pin_action(a, ACT_PIN_DIGIT, *p - '0');
		return 1;
	default:
		return 0;
	}
}

static int
handle_key(App *a, int key)
{
	AppView *v = &a->v;

	switch (v->screen) {
	case SCREEN_POST_MISSION:
		return app_post_key(a, key);
	case SCREEN_UNKNOWN_BADGE:
		if (app_enrol_key(a, key))
			return 1;
		break;
	case SCREEN_PIN:
		if (key == APP_KEY_BACKSPACE)
			return app_pin_action(a, ACT_PIN_ERASE, 0);
		if (key == APP_KEY_ENTER)
			return app_pin_action(a, ACT_PIN_OK, 0);
		break;
	case SCREEN_BOARD:
		if (a->search_focused && key == APP_KEY_BACKSPACE) {
			app_field_pop(&v->search, v->search.text);
			v->board_offset = 0;
			app_reload(a);
			return 1;
		}
		if (a->search_focused && key == APP_KEY_ENTER) {
			a->search_focused = 0;
			app_reload(a);
			return 1;
		}
		if (key == APP_KEY_DOWN || key == APP_KEY_UP)
			return do_action(a, ACT_SCROLL, key == APP_KEY_DOWN ? 1 : -1);
		if (key == APP_KEY_PAGEDOWN || key == APP_KEY_PAGEUP)
			return do_action(a, ACT_SCROLL, key == APP_KEY_PAGEDOWN ? 2 : -2);
		break;
	default:
		break;
	}
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
	a->v.pin_tries_left = a->cfg.pin_max_tries;
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

/* The reason a database cannot be used, for facilitators. */
static const char *
oos_reason_key(int rc)
{
	switch (rc) {
	case BORNE_EFULL:     return "app.oos.full";
	case BORNE_EREADONLY: return "app.oos.readonly";
	case BORNE_ECORRUPT:  return "app.oos.corrupt";
	case BORNE_EBUSY:     return "app.oos.busy";
	case BORNE_ENOMEM:    return "app.oos.nomem";
	case BORNE_EPERM:     return "app.oos.mode";
	default:              return "app.oos.io";
	}
}

void
app_out_of_service(App *app, int rc, const char *path, const char *detail)
{
	App *a = app;
	AppView *v;

	if (a == NULL)
		return;
	v = &a->v;
	a->st = NULL;
	clear_personal(a);
	text_copy(v->oos_reason, sizeof v->oos_reason,
	          tr(v->lang, oos_reason_key(rc)));
	text_copy(v->oos_path, sizeof v->oos_path, path != NULL ? path : "");
	text_copy(v->oos_detail, sizeof v->oos_detail,
	          detail != NULL ? detail : "");
	app_trf(v->lang, v->oos_retry, sizeof v->oos_retry, "app.oos.retry",
	        (a->cfg.store_retry_ms + 999) / 1000);
	app_goto(a, SCREEN_OUT_OF_SERVICE);
}

void
app_store_ready(App *app, Store *st, int64_t now_ms, int64_t now_utc)
{
	App *a = app;

	if (a == NULL || st == NULL)
		return;
	a->st = st;
	a->now_ms = now_ms;
	a->now_utc = now_utc;
	a->v.oos_reason[0] = a->v.oos_path[0] = '\0';
	a->v.oos_detail[0] = a->v.oos_retry[0] = '\0';
	a->v.clock[0] = '\0';
	app_clock_reload(a);
	app_pin_load(a);
	app_go_home(a);
}

/* Out of service: the clock runs, the reader's news shows, a badge is
** told it was not saved; nothing else can be done. */
static int
handle_out_of_service(App *a, const AppEvent *ev)
{
	int changed;

	switch (ev->type) {
	case APP_EV_TICK:
		changed = clock_tick(a);
		changed |= clock_render(a);
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

		changed |= wait_expire(a);
		wait_render(a);
		changed |= before != a->v.wait_left_s;
	}
	if (a->v.toast[0] != '\0' && a->now_ms >= a->toast_until_ms) {
		a->v.toast[0] = '\0';
		changed = 1;
	}
	if (clock_tick(a)) {
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
	changed |= clock_render(a);     /* the clock's verdict may have changed */
	if (a->v.screen == SCREEN_PIN) {
		int before = a->v.pin_locked_s;

		app_pin_render(a);
		changed |= before != a->v.pin_locked_s;
	}
	changed |= idle_render(a);
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
		handle_badge(a, &ev->uid);
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
			int r = do_action(a, ev->action, ev->arg);

			if (r == -2)
				r = handle_key(a, (int)ev->arg);
			rc |= r != 0;
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
	if (a->v.screen == SCREEN_PIN && a->pin_lock_until_ms > now_ms) {
		t = (a->pin_lock_until_ms - now_ms) % 1000;
		if (t == 0)
			t = 1000;
		if (t < best)
			best = t;
	}
	return best < 0 ? 0 : (int)best;
}
