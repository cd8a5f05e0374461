/* app_badge.c -- what a badge tap means, on every screen (app.h's one
** rule): the answer to the question on screen, asked through app_wait
** (app_session.c), else a check-in; over someone's work (a screen that
** says it is busy) the greeting is a message and the work stays theirs.
** A screen with a question of its own takes the tap first (its badge
** operation, app_screen.h). */
#include "app_impl.h"
#include "app_screen.h"

#include <string.h>

#include "format.h"
#include "i18n.h"
#include "text.h"
#include "uuid.h"

static void        checkin_note(App *a, const CheckinResult *r, int rc);
static int         badge_member(App *a, const BadgeUid *uid, Member *m);
static void        confirm_badge(App *a, const BadgeUid *uid);
static int         badge_answers(App *a, const BadgeUid *uid);

/* Post form, PIN pad, facilitator mode, enrolment form: someone's work
** is on screen, which a check-in must not take from them. */
int
app_screen_busy(const App *a)
{
	const AppScreen *scr = app_screen(a->v.screen);

	return scr->busy != NULL && scr->busy(a);
}

/* A check-in made over a busy screen: the greeting (or why the tap was
** not saved) as a message, the screen and its owner left as they were. */
static void
checkin_note(App *a, const CheckinResult *r, int rc)
{
	char first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)], hm[32];

	if (rc != BORNE_OK) {
		app_toast(a, "app.tap.error", tr(a->v.lang, app_rc_key(rc)));
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
	app_clear_personal(a);
	if (rc != BORNE_OK) {
		app_cue(a, CUE_REFUSED);
		app_result_show(a, NULL, rc);
		return;
	}
	switch (r.outcome) {
	case CHECKIN_UNKNOWN:
		app_cue(a, CUE_UNKNOWN);
		app_unknown_show(a, uid);
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
	app_result_show(a, &r, BORNE_OK);
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
const char *
app_refusal_key(MissionRefusal why, WaitFor w)
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
		[MREFUSE_HEAT] = "app.take.heat",
		[MREFUSE_DAY_LIMIT] = "app.take.day_limit",
		[MREFUSE_WEEK_LIMIT] = "app.take.week_limit",
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
	if (w == WAIT_QUOTE) {
		app_cue(a, CUE_SUCCESS);
		app_quote_start(a, id, &m);    /* scr_quote.c */
		return;
	}
	if (w == WAIT_QUOTE_ACCEPT) {
		app_quote_accept_badge(a, &m);
		return;
	}
	if (w == WAIT_TAKE) {
		app_mission_take(a, id, &m);   /* a screen of its own */
		return;
	}
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
			app_toast(a, app_refusal_key(why, w),
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

	app_wait_expire(a);
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
void
app_badge(App *a, const BadgeUid *uid)
{
	AppView *v = &a->v;
	const AppScreen *scr = app_screen(v->screen);
	char hm[32];
	int answers;

	app_format_hm(v->lang, a->now_utc, hm, sizeof hm);
	app_trf(v->lang, v->reader_last, sizeof v->reader_last, "app.reader.last",
	        hm);
	answers = badge_answers(a, uid);
	if (scr->badge != NULL && scr->badge(a, uid, answers))
		return;                 /* the screen's own question */
	if (answers)
		confirm_badge(a, uid);
	else
		app_checkin(a, uid);
}

