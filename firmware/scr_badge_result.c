/* scr_badge_result.c -- the greeting after a tap: "Bonjour Inès !" and
** the time of arrival, or "À bientôt" and the hours of the day, the next
** mission taken; or why the tap was not saved. It stays greeting_ms (at
** least 15 s), then Accueil. */
#include "app_impl.h"
#include "app_screen.h"

#include <string.h>

#include "i18n.h"
#include "syncview.h"
#include "text.h"

static int64_t result_timeout(const App *a, int64_t idle_ms);
static void    result_reload(App *a);
static void    result_clear(App *a);
static void    result_render(App *a);
static void    result_next_mission(App *a);
static int     result_action(App *a, AppAction act, int64_t arg);
static void    result_take_refused(App *a, const Member *m);

const AppScreen scr_badge_result = {
	.name = "badge-result",
	.timeout = result_timeout,
	.action = result_action,
	.reload = result_reload,
	.clear = result_clear,
};

static int64_t
result_timeout(const App *a, int64_t idle_ms)
{
	int64_t t = a->cfg.greeting_ms > APP_RESULT_MS_MIN ? a->cfg.greeting_ms :
	            APP_RESULT_MS_MIN;

	return t < idle_ms ? t : idle_ms;
}

/* A choice of the stream question (an arrival on a day with streams). */
static int
result_action(App *a, AppAction act, int64_t arg)
{
	if (act != ACT_STREAM)
		return 0;
	app_stream_choose(a, &a->v.result.streams, arg);
	return 1;
}

void
app_result_show(App *a, const CheckinResult *r, int rc)
{
	if (rc != BORNE_OK)
		memset(&a->result.tap, 0, sizeof a->result.tap);
	else
		a->result.tap = *r;
	a->result.rc = rc;
	a->result.quote_told[0] = '\0';
	a->result.quote_accepted = 0;
	a->result.take_refused[0] = '\0';
	if (rc == BORNE_OK && r->outcome != CHECKIN_UNKNOWN &&
	    r->outcome != CHECKIN_INACTIVE) {
		app_quote_told(a, &r->member);  /* read and marked told, once */
		if (a->result.quote_told[0] == '\0')
			result_take_refused(a, &r->member);
	}
	app_goto(a, SCREEN_BADGE_RESULT);
}

/* A take of theirs the hub refused since (another kiosk filled the
** mission first): read and marked told, once; one per tap, the oldest
** first. A quote decided is said first: this waits for the next tap. */
static void
result_take_refused(App *a, const Member *m)
{
	char take[40];
	int found = 0;

	a->result.take_refused[0] = '\0';
	if (syncview_refusal_untold(a->st, m->id, a->result.take_refused,
	                            sizeof a->result.take_refused, take,
	                            sizeof take, &found) != BORNE_OK || !found) {
		a->result.take_refused[0] = '\0';
		return;
	}
	(void)syncview_refusal_told(a->st, take, a->now_utc);
}

int
app_result_was_out(const App *a)
{
	return a->result.rc == BORNE_OK && a->result.tap.outcome == CHECKIN_OUT;
}

static void
result_reload(App *a)
{
	(void)app_my_missions_load(a);  /* only for the next mission's line */
	result_render(a);
}

/* After an arrival: the member's next mission, if they hold one. */
static void
result_next_mission(App *a)
{
	AppView *v = &a->v;
	const CheckinResult *r = &a->result.tap;

	if (r->outcome != CHECKIN_IN && r->outcome != CHECKIN_IGNORED)
		return;
	for (int i = 0; i < v->home.n_my; i++) {
		if (mission_is_taker(a->st, v->home.my[i].id, r->member.id) == 1) {
			app_trf(v->lang, v->result.greeting_note, sizeof v->result.greeting_note,
			        "app.result.next_mission", v->home.my[i].title,
			        v->home.my_text[i].when);
			break;
		}
	}
}

/* Greeting lines from the last check-in (in v->lang). */
static void
result_render(App *a)
{
	AppView *v = &a->v;
	const CheckinResult *r = &a->result.tap;
	char first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)], hm[32], hours[32];

	v->result.greeting[0] = v->result.greeting_detail[0] = '\0';
	v->result.greeting_extra[0] = v->result.greeting_note[0] = '\0';
	memset(&v->result.streams, 0, sizeof v->result.streams);
	v->result.result_error = a->result.rc != BORNE_OK;
	if (v->result.result_error) {
		text_copy(v->result.greeting, sizeof v->result.greeting,
		          tr(v->lang, "app.result.error"));
		text_copy(v->result.greeting_detail, sizeof v->result.greeting_detail,
		          tr(v->lang, app_rc_key(a->result.rc)));
		return;
	}
	v->result.outcome = r->outcome;
	text_first_name(r->member.name, first, sizeof first);
	switch (r->outcome) {
	case CHECKIN_IN:
		app_format_hm(v->lang, r->in_utc, hm, sizeof hm);
		app_trf(v->lang, v->result.greeting, sizeof v->result.greeting, "app.result.in",
		        first);
		app_trf(v->lang, v->result.greeting_detail, sizeof v->result.greeting_detail,
		        "app.result.in_detail", hm);
		break;
	case CHECKIN_OUT:
		app_format_hm(v->lang, r->out_utc, hm, sizeof hm);
		app_format_hours(v->lang, r->today_s, hours, sizeof hours);
		app_trf(v->lang, v->result.greeting, sizeof v->result.greeting, "app.result.out",
		        first);
		if (r->detail_rc == BORNE_OK)
			app_trf(v->lang, v->result.greeting_detail, sizeof v->result.greeting_detail,
			        "app.result.out_detail", hours);
		app_trf(v->lang, v->result.greeting_extra, sizeof v->result.greeting_extra,
		        "app.result.out_extra", hm);
		if (r->has_day)
			app_trf(v->lang, v->result.greeting_note, sizeof v->result.greeting_note,
			        "app.result.thanks_day", r->day.title);
		break;
	case CHECKIN_IGNORED:
		app_trf(v->lang, v->result.greeting, sizeof v->result.greeting,
		        "app.result.ignored", first);
		if (r->out_utc != 0) {
			app_format_hm(v->lang, r->out_utc, hm, sizeof hm);
			app_trf(v->lang, v->result.greeting_detail, sizeof v->result.greeting_detail,
			        "app.result.ignored_out", hm);
		} else {
			app_format_hm(v->lang, r->in_utc, hm, sizeof hm);
			app_trf(v->lang, v->result.greeting_detail, sizeof v->result.greeting_detail,
			        "app.result.ignored_in", hm);
		}
		break;
	case CHECKIN_INACTIVE:
		text_copy(v->result.greeting, sizeof v->result.greeting,
		          tr(v->lang, "app.result.inactive"));
		text_copy(v->result.greeting_detail, sizeof v->result.greeting_detail,
		          tr(v->lang, "app.result.inactive_detail"));
		break;
	case CHECKIN_HELD:
		app_trf(v->lang, v->result.greeting, sizeof v->result.greeting,
		        r->held_out ? "app.result.out" : "app.result.in", first);
		text_copy(v->result.greeting_detail, sizeof v->result.greeting_detail,
		          tr(v->lang, r->held_out ? "app.result.held_out"
		                                  : "app.result.held_in"));
		break;
	case CHECKIN_UNKNOWN:
		break;
	}
	result_next_mission(a);
	/* On a contributive day with streams: which one they join, asked
	** while they are in (an arrival, or a repeat tap of one). */
	if (r->outcome == CHECKIN_IN || r->outcome == CHECKIN_IGNORED) {
		int rc = app_stream_load(a, r->member.id, &v->result.streams);

		if (rc != BORNE_OK)
			app_read_failed(a, rc, "stream_offer");
	}
	/* A quote of theirs accepted or declined since: said once. */
	if (a->result.quote_told[0] != '\0')
		app_trf(v->lang, v->result.greeting_note,
		        sizeof v->result.greeting_note, a->result.quote_accepted ?
		        "app.quote.told_accepted" : "app.quote.told_declined",
		        a->result.quote_told);
	/* A take of theirs refused by the hub (another kiosk was first):
	** said once, kindly, with what to do. */
	if (a->result.take_refused[0] != '\0')
		app_trf(v->lang, v->result.greeting_note,
		        sizeof v->result.greeting_note, "app.sync.take_refused",
		        a->result.take_refused);
	/* A minor due a break or past the day's hours: said before anything
	** else, in the note's place. */
	if (r->outcome != CHECKIN_UNKNOWN && r->outcome != CHECKIN_INACTIVE)
		(void)app_safety_note(a, &r->member, 0, v->result.greeting_note,
		                      sizeof v->result.greeting_note);
	/* The tap is saved; what was read back after it is not all there. */
	if (r->detail_rc != BORNE_OK)
		app_read_failed(a, r->detail_rc, "checkin_tap (read back)");
}

static void
result_clear(App *a)
{
	AppView *v = &a->v;

	memset(&a->result.tap, 0, sizeof a->result.tap);
	a->result.rc = BORNE_OK;
	a->result.quote_told[0] = '\0';
	a->result.quote_accepted = 0;
	a->result.take_refused[0] = '\0';
	v->result.greeting[0] = v->result.greeting_detail[0] = '\0';
	v->result.greeting_extra[0] = v->result.greeting_note[0] = '\0';
	v->result.result_error = 0;
	memset(&v->result.streams, 0, sizeof v->result.streams);
}
