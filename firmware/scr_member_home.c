/* scr_member_home.c -- the home of the member badged in: the missions
** they took or posted, and the ways on (board, post, facilitator mode).
** Every one of "Mes missions" is reachable: the list is paged or dragged
** (my_offset), and full missions are in it, since the board leaves them
** out and their poster must still mark them done or cancel them. */
#include "app_impl.h"
#include "app_screen.h"

#include <string.h>

#include "i18n.h"
#include "syncview.h"
#include "text.h"

static int  member_home_action(App *a, AppAction act, int64_t arg);
static void member_home_reload(App *a);
static void member_home_clear(App *a);
static void member_home_clamp(AppView *v);

const AppScreen scr_member_home = {
	.name = "member-home",
	.action = member_home_action,
	.reload = member_home_reload,
	.clear = member_home_clear,
};

int
app_my_missions_load(App *a)
{
	AppView *v = &a->v;
	int rc;

	v->home.n_my = 0;
	if (!v->has_member)
		return BORNE_OK;
	rc = mission_of_member(a->st, v->member.id, v->home.my, APP_MY_MAX,
	                       &v->home.n_my);
	if (rc != BORNE_OK) {
		v->home.n_my = 0;
		return rc;
	}
	for (int i = 0; i < v->home.n_my; i++) {
		int pending = 0;

		app_card_text(v->lang, &v->home.my[i], &v->home.my_text[i]);
		/* A take the hub has not confirmed yet says so (syncview.h). */
		if ((rc = syncview_take_pending(a->st, v->home.my[i].id,
		                                v->member.id, &pending)) != BORNE_OK)
			return rc;
		if (pending)
			text_copy(v->home.my_text[i].status,
			          sizeof v->home.my_text[i].status,
			          tr(v->lang, "app.sync.pending_chip"));
	}
	return BORNE_OK;
}

/* The first row shown stays on a row there is (the list may have
** shrunk since: a mission done, cancelled). */
static void
member_home_clamp(AppView *v)
{
	if (v->home.my_offset > v->home.n_my - 1)
		v->home.my_offset = v->home.n_my - 1;
	if (v->home.my_offset < 0)
		v->home.my_offset = 0;
}

/* The pager's buttons (ACT_SCROLL_TO a row) and a drag (ACT_SCROLL by
** rows). The UI knows how many rows fit; the core keeps the first. */
static int
member_home_action(App *a, AppAction act, int64_t arg)
{
	AppView *v = &a->v;

	switch (act) {
	case ACT_SCROLL:
		if (arg < -APP_MY_MAX || arg > APP_MY_MAX)
			return 0;               /* out of bounds: nothing moves */
		v->home.my_offset += (int)arg;
		member_home_clamp(v);
		return 1;
	case ACT_STREAM:
		app_stream_choose(a, &v->home.streams, arg);
		return 1;
	case ACT_SCROLL_TO:
		v->home.my_offset = arg < 0 ? 0 : arg > APP_MY_MAX ? APP_MY_MAX
		                    : (int)arg;
		member_home_clamp(v);
		return 1;
	default:
		return 0;
	}
}

static void
member_home_reload(App *a)
{
	int rc = app_my_missions_load(a);

	if (rc != BORNE_OK)
		app_read_failed(a, rc, "mission_of_member");
	member_home_clamp(&a->v);
	/* In on a day with streams: the one they are in, to change. */
	rc = app_stream_load(a, a->v.has_member ? a->v.member.id : 0,
	                     &a->v.home.streams);
	if (rc != BORNE_OK)
		app_read_failed(a, rc, "stream_offer");
}

static void
member_home_clear(App *a)
{
	AppView *v = &a->v;

	v->home.n_my = 0;
	v->home.my_offset = 0;
	memset(v->home.my, 0, sizeof v->home.my);
	memset(v->home.my_text, 0, sizeof v->home.my_text);
	memset(&v->home.streams, 0, sizeof v->home.streams);
}
