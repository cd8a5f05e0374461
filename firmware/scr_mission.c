/* scr_mission.c -- one mission in detail: what, when, for whom, and what
** the person at the screen may do with it (take it, withdraw, say it is
** done, cancel it), each then answered by a badge (app.h). The takers'
** names are shown to the poster and staff only. */
#include "app_impl.h"
#include "app_screen.h"

#include <string.h>

#include "text.h"

struct takers_ctx { AppView *v; };

static int  mission_action(App *a, AppAction act, int64_t arg);
static void mission_back(App *a);
static void mission_reload(App *a);
static void mission_clear(App *a);
static int  taker_add(int64_t member_id, const char *name, int64_t taken_utc,
                      void *ctx);

const AppScreen scr_mission = {
	.name = "mission",
	.action = mission_action,
	.back = mission_back,
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
	a->v.detail.mission.id = id;
	app_goto(a, SCREEN_MISSION);
}

static int
mission_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;

	(void)arg;
	switch (act) {
	case ACT_TAKE:
	case ACT_RELEASE:
	case ACT_MARK_DONE:
	case ACT_CANCEL_MISSION:
		if (v->detail.mission.id == 0)
			return 0;
		app_wait(a, act == ACT_TAKE ? WAIT_TAKE : act == ACT_RELEASE ?
		         WAIT_RELEASE : act == ACT_MARK_DONE ? WAIT_DONE : WAIT_CANCEL,
		         v->detail.mission.id);
		return 1;
	default:
		return 0;
	}
}

static void
mission_back(App *a)
{
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
}

static void
mission_clear(App *a)
{
	AppView *v = &a->v;

	memset(&v->detail.mission, 0, sizeof v->detail.mission);
	memset(v->detail.takers, 0, sizeof v->detail.takers);
	v->detail.n_takers_shown = 0;
	v->detail.poster_first[0] = '\0';
}
