/* scr_mission.c -- one mission in detail: what, when, for whom, and what
** the person at the screen may do with it (take it, withdraw, say it is
** done, cancel it), each then answered by a badge (app.h); a member
** badged in takes it at once, since they were asked for their badge
** already. Taking it ends on a screen of its own (view.detail.outcome):
** what, when, where and who to ask, or why not and what to do next. The
** takers' names are shown to the poster and staff only. */
#include "app_impl.h"
#include "app_screen.h"

#include <string.h>

#include "i18n.h"
#include "syncview.h"
#include "text.h"

struct takers_ctx { AppView *v; };

static int  mission_action(App *a, AppAction act, int64_t arg);
static void mission_back(App *a);
static void mission_reload(App *a);
static void mission_clear(App *a);
static void mission_leave(App *a);
static void outcome_clear(AppView *v);
static void outcome_refused(App *a, const char *reason, AppAction next,
                            const char *next_key);
static int  taker_add(int64_t member_id, const char *name, int64_t taken_utc,
                      void *ctx);

const AppScreen scr_mission = {
	.name = "mission",
	.action = mission_action,
	.back = mission_back,
	.leave = mission_leave,
	.reload = mission_reload,
	.clear = mission_clear,
};

void
app_mission_open(App *a, int64_t id)
{
	Mission m;

	if (mission_get(a->st, id, &m) != BORNE_OK) {
		app_toast(a, "app.mission.gone");
		app_reload(a);
		return;
	}
	if (a->v.screen != SCREEN_MISSION)
		a->detail.from = a->v.screen;
	if (a->v.detail.mission.id != id)
		a->v.detail.desc_line = 0;      /* a new text: from its start */
	a->v.detail.mission.id = id;
	app_goto(a, SCREEN_MISSION);
}

static int
mission_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;

	if (app_quote_mission_action(a, act, arg))
		return 1;                       /* quotes: scr_quote.c */
	switch (act) {
	case ACT_TAKE:
		if (v->detail.mission.id == 0)
			return 0;
		if (v->has_member) {
			Member m = v->member;

			app_mission_take(a, v->detail.mission.id, &m);
			return 1;
		}
		app_wait(a, WAIT_TAKE, v->detail.mission.id);
		return 1;
	case ACT_SCROLL:
	case ACT_SCROLL_TO: {
		/* Reading the description: a drag moves a line, the buttons a
		** page. A line holds one character at least: the bound. */
		int64_t to = act == ACT_SCROLL ? v->detail.desc_line + arg : arg;

		if (arg < -BORNE_DESC_MAX_CH || arg > BORNE_DESC_MAX_CH)
			return 0;
		v->detail.desc_line = (int)(to < 0 ? 0 : to > BORNE_DESC_MAX_CH ?
		                            BORNE_DESC_MAX_CH : to);
		return 1;
	}
	case ACT_RELEASE:
	case ACT_MARK_DONE:
	case ACT_CANCEL_MISSION:
		if (v->detail.mission.id == 0)
			return 0;
		app_wait(a, act == ACT_RELEASE ? WAIT_RELEASE :
		         act == ACT_MARK_DONE ? WAIT_DONE : WAIT_CANCEL,
		         v->detail.mission.id);
		return 1;
	default:
		return 0;
	}
}

/* Refused: why, and the one thing that helps next. */
static void
outcome_refused(App *a, const char *reason, AppAction next,
                const char *next_key)
{
	AppView *v = &a->v;

	v->detail.outcome = OUTCOME_REFUSED;
	text_copy(v->detail.outcome_title, sizeof v->detail.outcome_title,
	          tr(v->lang, "app.take.refused"));
	text_copy(v->detail.outcome_reason, sizeof v->detail.outcome_reason,
	          reason);
	v->detail.outcome_next = next;
	text_copy(v->detail.outcome_next_label,
	          sizeof v->detail.outcome_next_label,
	          next_key != NULL ? tr(v->lang, next_key) : "");
}

void
app_mission_take(App *a, int64_t id, const Member *m)
{
	AppView *v = &a->v;
	MissionRefusal why = MREFUSE_NONE;
	Mission mi;
	char first[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)], reason[200];
	int rc;

	text_first_name(m->name, first, sizeof first);
	rc = mission_take(a->st, id, m->id, a->now_utc, &why);
	/* Whatever the answer, the badge said who stands here: the next
	** step (their missions, the board for their age) is theirs. */
	app_set_session(a, m);
	if (v->screen != SCREEN_MISSION || v->detail.mission.id != id)
		app_mission_open(a, id);
	outcome_clear(v);
	v->toast[0] = '\0';            /* the outcome says it all */
	if (rc == BORNE_OK) {
		int pending = 0;

		app_cue(a, CUE_SUCCESS);
		v->detail.outcome = OUTCOME_TAKEN;
		/* Made here while the hub has not said: a place held, not
		** promised (another kiosk may have filled it). */
		(void)syncview_take_pending(a->st, id, m->id, &pending);
		app_trf(v->lang, v->detail.outcome_title,
		        sizeof v->detail.outcome_title, pending ?
		        "app.sync.take_ok_pending" : "app.take.ok", first);
		if (mission_get(a->st, id, &mi) == BORNE_OK &&
		    mi.poster_name[0] != '\0') {
			char poster[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];

			text_first_name(mi.poster_name, poster, sizeof poster);
			app_trf(v->lang, v->detail.outcome_ask,
			        sizeof v->detail.outcome_ask, "app.take.ask", poster);
		} else {
			text_copy(v->detail.outcome_ask, sizeof v->detail.outcome_ask,
			          tr(v->lang, "app.take.ask_team"));
		}
		app_reload(a);
		return;
	}
	app_cue(a, CUE_REFUSED);
	if (why != MREFUSE_NONE) {
		app_trf(v->lang, reason, sizeof reason,
		        app_refusal_key(why, WAIT_TAKE),
		        store_rules(a->st)->max_open_takes);
		if (why == MREFUSE_MINOR)
			outcome_refused(a, reason, ACT_BOARD, "app.take.next_minors");
		else if (why == MREFUSE_TOO_MANY || why == MREFUSE_ALREADY)
			outcome_refused(a, reason, ACT_MY_MISSIONS, "app.take.next_mine");
		else
			outcome_refused(a, reason, ACT_BOARD, "app.take.next_board");
	} else if (rc == BORNE_ENOTFOUND) {
		outcome_refused(a, tr(v->lang, "app.mission.gone"), ACT_BOARD,
		                "app.take.next_board");
	} else if (rc == BORNE_EREFUSED || rc == BORNE_EINVAL) {
		outcome_refused(a, tr(v->lang, "app.mission.refused"), ACT_BOARD,
		                "app.take.next_board");
	} else {
		outcome_refused(a, tr(v->lang, app_rc_key(rc)), ACT_NONE, NULL);
	}
	app_reload(a);
}

static void
outcome_clear(AppView *v)
{
	v->detail.outcome = OUTCOME_NONE;
	v->detail.outcome_title[0] = v->detail.outcome_reason[0] = '\0';
	v->detail.outcome_ask[0] = v->detail.outcome_next_label[0] = '\0';
	v->detail.outcome_next = ACT_NONE;
}

static void
mission_leave(App *a)
{
	outcome_clear(&a->v);
}

static void
mission_back(App *a)
{
	if (a->v.detail.outcome != OUTCOME_NONE) {
		outcome_clear(&a->v);           /* "Retour": the mission again */
		app_reload(a);
		return;
	}
	app_goto(a, a->detail.from == SCREEN_MEMBER_HOME && a->v.has_member ?
	         SCREEN_MEMBER_HOME : SCREEN_BOARD);
}

static int
taker_add(int64_t member_id, const char *name, int64_t taken_utc, void *ctx)
{
	AppView *v = ((struct takers_ctx *)ctx)->v;

	(void)member_id;
	(void)taken_utc;
	if (v->detail.n_takers_shown >= 4)
		return 1;
	text_first_name(name, v->detail.takers[v->detail.n_takers_shown],
	                sizeof v->detail.takers[0]);
	v->detail.n_takers_shown++;
	return 0;
}

static void
mission_reload(App *a)
{
	AppView *v = &a->v;
	Mission *m = &v->detail.mission;
	MissionCard card;
	struct takers_ctx ctx = { v };
	int64_t id = m->id;
	int is_poster, live, places_left, rc, taker;

	rc = mission_get(a->st, id, m);
	if (rc != BORNE_OK) {
		memset(m, 0, sizeof *m);
		m->id = id;
		if (rc != BORNE_ENOTFOUND)
			app_read_failed(a, rc, "mission_get");
	}
	app_card_from_mission(m, &card);
	app_card_text(v->lang, &card, &v->detail.mission_text);
	text_first_name(m->poster_name, v->detail.poster_first, sizeof v->detail.poster_first);
	is_poster = v->has_member && m->poster_id == v->member.id;
	taker = v->has_member ? mission_is_taker(a->st, m->id, v->member.id) : 0;
	if (taker < 0)
		app_read_failed(a, taker, "mission_is_taker");
	v->detail.is_taker = taker == 1;
	v->detail.take_pending[0] = '\0';
	if (v->detail.is_taker) {
		int pending = 0;

		if ((rc = syncview_take_pending(a->st, m->id, v->member.id,
		                                &pending)) != BORNE_OK)
			app_read_failed(a, rc, "syncview_take_pending");
		else if (pending)
			text_copy(v->detail.take_pending,
			          sizeof v->detail.take_pending,
			          tr(v->lang, "app.sync.take_pending"));
	}
	/* Names of takers are personal data: the poster and staff only. */
	memset(v->detail.takers, 0, sizeof v->detail.takers);
	v->detail.n_takers_shown = 0;
	if (is_poster || v->is_staff)
		if ((rc = mission_takers_each(a->st, m->id, taker_add, &ctx)) < 0)
			app_read_failed(a, rc, "mission_takers_each");
	live = m->status == MISSION_OPEN || m->status == MISSION_TAKEN;
	places_left = m->d.places - m->n_takers;
	v->detail.can_take = m->status == MISSION_OPEN && places_left > 0 &&
	              !v->detail.is_taker && !is_poster &&
	              !(v->has_member && v->member.minor && !m->d.minors_ok);
	v->detail.can_release = live && (v->has_member ? v->detail.is_taker : m->n_takers > 0);
	v->detail.can_done = v->has_member && (is_poster || v->is_staff) && live &&
	              m->n_takers > 0;
	v->detail.can_cancel = v->has_member && (is_poster || v->is_staff) &&
	                (live || m->status == MISSION_PENDING);
	app_quote_detail(a, m, is_poster);
}

static void
mission_clear(App *a)
{
	AppView *v = &a->v;

	memset(&v->detail.mission, 0, sizeof v->detail.mission);
	memset(v->detail.takers, 0, sizeof v->detail.takers);
	v->detail.n_takers_shown = 0;
	v->detail.poster_first[0] = '\0';
	v->detail.desc_line = 0;
	outcome_clear(v);
}
