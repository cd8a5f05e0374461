/* scr_member_home.c -- the home of the member badged in: the missions
** they took or posted, and the ways on (board, post, facilitator mode). */
#include "app_impl.h"
#include "app_screen.h"

#include <string.h>

static void member_home_reload(App *a);
static void member_home_clear(App *a);

const AppScreen scr_member_home = {
	.name = "member-home",
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
	rc = mission_of_member(a->st, v->member.id, v->home.my, APP_BOARD_WINDOW,
	                       &v->home.n_my);
	if (rc != BORNE_OK) {
		v->home.n_my = 0;
		return rc;
	}
	for (int i = 0; i < v->home.n_my; i++)
		app_card_text(v->lang, &v->home.my[i], &v->home.my_text[i]);
	return BORNE_OK;
}

static void
member_home_reload(App *a)
{
	int rc = app_my_missions_load(a);

	if (rc != BORNE_OK)
		app_read_failed(a, rc, "mission_of_member");
}

static void
member_home_clear(App *a)
{
	AppView *v = &a->v;

	v->home.n_my = 0;
	memset(v->home.my, 0, sizeof v->home.my);
}
