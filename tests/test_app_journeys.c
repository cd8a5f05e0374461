/* test_app_journeys.c -- journeys at the door (issue 11, items 1-3): all
** of "Mes missions" reachable, full missions included, so their poster
** can mark them done or cancel them; a mission read whole; outcomes as
** real screens. */
#include "check.h"
#include "core_fixture.h"
/* The fixture is header-only: what this file does not use is no fault. */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "app_fixture.h"

#include "timeutil.h"

static void test_my_missions_all(void);

/* Sophie posted eight missions (two pending, one full: "Arroser les
** plantes du bureau", taken by Inès). Every one is in her list, and the
** list moves a row (a drag) or to a row (the pager), never off its
** ends. */
static void
test_my_missions_all(void)
{
	T t;
	int full = -1;

	t_open(&t, "my.db", "2024-12-10T10:00", LANG_FR);
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_MY_MISSIONS, 0);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	CHECK_INT(t.v->home.n_my, 8);
	CHECK_INT(t.v->home.my_offset, 0);
	for (int i = 0; i < t.v->home.n_my; i++)
		if (strcmp(t.v->home.my[i].title, "Arroser les plantes du bureau") == 0)
			full = i;
	CHECK_INT(full, 7);
	CHECK_INT(t.v->home.my[full].n_takers, t.v->home.my[full].places);
	/* The pager jumps to a row; past the end it stops on the last. */
	t_act(&t, ACT_SCROLL_TO, 3);
	CHECK_INT(t.v->home.my_offset, 3);
	t_act(&t, ACT_SCROLL_TO, 99);
	CHECK_INT(t.v->home.my_offset, 7);
	t_act(&t, ACT_SCROLL, 1);
	CHECK_INT(t.v->home.my_offset, 7);
	t_act(&t, ACT_SCROLL, -2);
	CHECK_INT(t.v->home.my_offset, 5);
	t_act(&t, ACT_SCROLL, -1000000);
	CHECK_INT(t.v->home.my_offset, 5);        /* out of bounds: ignored */
	t_act(&t, ACT_SCROLL, -20);
	CHECK_INT(t.v->home.my_offset, 0);
	/* The full one opens, and its poster may end it either way. */
	t_act(&t, ACT_SCROLL_TO, 7);
	t_act(&t, ACT_OPEN_MISSION, t.v->home.my[full].id);
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	CHECK_INT(t.v->detail.can_done, 1);
	CHECK_INT(t.v->detail.can_cancel, 1);
	CHECK_INT(t.v->detail.can_take, 0);
	/* Back: the same page of her list. */
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	CHECK_INT(t.v->home.my_offset, 7);
	/* Done: the list shrinks, the page stays on a row there is. */
	t_act(&t, ACT_OPEN_MISSION, t.v->home.my[full].id);
	t_act(&t, ACT_MARK_DONE, 0);
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->home.n_my, 7);
	CHECK_INT(t.v->home.my_offset, 6);
	/* A new person starts at the top. */
	t_act(&t, ACT_HOME, 0);
	CHECK_INT(t.v->home.my_offset, 0);
	t_close(&t);
}

int
main(void)
{
	fx_setup();
	timeutil_init();
	test_my_missions_all();
	return check_done();
}
