/* test_app_reader.c -- what the kiosk does with the reader thread's news
** about two badges at once (issue 7, defect 6): one plain message in the
** screen's language, a refusal cue, and nothing recorded, whether it comes
** on Accueil or while a member's own screen is open. */
#include "check.h"
#include "core_fixture.h"
#include "app_fixture.h"

static int visits(T *t);
static void several(T *t);
static void test_several(AppLang lang, const char *want);

static int
visits(T *t)
{
	return (int)fx_sql_int(t->st, "SELECT count(*) FROM visits");
}

static void
several(T *t)
{
	AppEvent e;

	memset(&e, 0, sizeof e);
	e.type = APP_EV_BADGE_SEVERAL;
	CHECK_INT(t_ev(t, &e), 1);
}

static void
test_several(AppLang lang, const char *want)
{
	T t;
	ScreenId before;
	unsigned cues;
	int n;

	t_open(&t, lang == LANG_FR ? "several_fr.db" : "several_en.db",
	       "2024-12-10T10:15", lang);
	n = visits(&t);
	before = t.v->screen;
	cues = t.v->cue_seq;
	several(&t);
	CHECK_STR(t.v->toast, want);
	CHECK_INT(t.v->cue, CUE_REFUSED);
	CHECK_INT(t.v->cue_seq, cues + 1);
	CHECK_INT(t.v->screen, before);
	CHECK_INT(visits(&t), n);
	/* A member's screen is open: still nothing recorded, nothing left. */
	t_badge(&t, demo_badges[0].uid);
	n = visits(&t);
	before = t.v->screen;
	several(&t);
	CHECK_STR(t.v->toast, want);
	CHECK_INT(t.v->screen, before);
	CHECK_INT(visits(&t), n);
	/* The message goes away by itself. */
	t_wait_ms(&t, 30000);
	CHECK_STR(t.v->toast, "");
	t_close(&t);
}

int
main(void)
{
	(void)t_act;                 /* the fixture's other inputs: unused here */
	(void)t_text;
	(void)t_key;
	fx_setup();
	timeutil_init();
	test_several(LANG_FR, "Un seul badge à la fois : retirez l’autre.");
	test_several(LANG_EN, "One badge at a time: remove the other one.");
	return check_done();
}
