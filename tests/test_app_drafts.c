/* test_app_drafts.c -- nothing typed is lost and posting is quick (issue
** 11, items 4, 5, 7, 13): the warning before the idle reset and its
** "stay", "Annuler" asking before erasing, the draft kept for a badge
** and offered back (and only to that badge, and only for a while), the
** description's capital, the reward step's number pad and its questions
** with no default, and the poster's earlier missions as a start; for a
** first-time poster, usual jobs. */
#include "check.h"
#include "core_fixture.h"
#include "app_fixture.h"

static void test_idle_warning(void);
static void test_discard_asks(void);
static void test_draft_kept(void);
static void test_reward_step(void);
static void test_template(void);
static void test_usual(void);

static void
test_idle_warning(void)
{
	T t;

	t_open(&t, "idle.db", "2024-12-10T09:12", LANG_FR);
	/* Nobody identified, nothing typed: no question, straight back. */
	t_act(&t, ACT_BOARD, 0);
	t_wait_ms(&t, 50000);
	CHECK_INT(t.v->idle_warn, 0);
	t_wait_ms(&t, 11000);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);

	/* Someone badged in: asked 20 s before, with the seconds left. */
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_MY_MISSIONS, 0);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	t_wait_ms(&t, 39000);
	CHECK_INT(t.v->idle_warn, 0);
	t_wait_ms(&t, 2000);
	CHECK_INT(t.v->idle_warn, 1);
	CHECK_INT(t.v->idle_left_s, 19);
	CHECK_STR(t.v->idle_text, "Retour à l’accueil dans 19 secondes");
	CHECK(app_next_tick_ms(t.app, t.ms) <= 1000);    /* the countdown moves */
	/* "Je suis encore là": the time starts again, the work stays. */
	t_act(&t, ACT_STAY, 0);
	CHECK_INT(t.v->idle_warn, 0);
	CHECK_INT(t.v->idle_left_s, 60);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	CHECK_INT(t.v->has_member, 1);
	/* Unanswered: Accueil once the time is up, not before. */
	t_wait_ms(&t, 59000);
	CHECK_INT(t.v->idle_warn, 1);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	t_wait_ms(&t, 1000);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_INT(t.v->idle_warn, 0);

	/* A passer-by typing a search is asked too. */
	t_act(&t, ACT_SEARCH, 0);
	t_text(&t, "velo");
	t_wait_ms(&t, 41000);
	CHECK_INT(t.v->idle_warn, 1);
	t_close(&t);
}

static void
test_discard_asks(void)
{
	T t;

	t_open(&t, "discard.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_POST, 0);
	/* Nothing typed: "Annuler" leaves at once. */
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	t_act(&t, ACT_POST, 0);
	t_text(&t, "Réparer un vélo");
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_INT(t.v->post.confirm_discard, 1);
	CHECK_INT(t.v->kbd_visible, 0);
	/* "Non, continuer": the text is there. */
	t_act(&t, ACT_DISCARD, 0);
	CHECK_INT(t.v->post.confirm_discard, 0);
	CHECK_STR(t.v->post.draft.title, "Réparer un vélo");
	/* Escape asks too; "Oui, effacer" erases and leaves. */
	t_act(&t, ACT_FOCUS, 1);
	t_key(&t, APP_KEY_ESCAPE);      /* the keyboard closes first */
	t_key(&t, APP_KEY_ESCAPE);
	CHECK_INT(t.v->post.confirm_discard, 1);
	t_act(&t, ACT_DISCARD, 1);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	/* Erased on purpose: not offered back. */
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->post.draft_offer, 0);
	CHECK_STR(t.v->post.draft.title, "");
	t_close(&t);
}

static void
test_draft_kept(void)
{
	T t;

	t_open(&t, "kept.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_POST, 0);
	t_text(&t, "Réparer un vélo");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_DESCRIPTION);
	CHECK_INT(t.v->kbd_layer, KBD_UPPER);   /* a capital first, as the title */
	t_text(&t, "Le");
	CHECK_INT(t.v->kbd_layer, KBD_LOWER);
	t_text(&t, " pneu arrière est crevé.");
	/* Walked away: warned, then Accueil; nothing of it on screen. */
	t_wait_ms(&t, 45000);
	CHECK_INT(t.v->idle_warn, 1);
	t_wait_ms(&t, 16000);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_STR(t.v->post.draft.title, "");
	CHECK_STR(t.v->post.draft.description, "");

	/* Someone else posting is not offered it. */
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->post.draft_offer, 0);
	t_act(&t, ACT_HOME, 0);

	/* Bernard, five minutes later, from Accueil: offered, and taken
	** back on the step he left. */
	t_wait_ms(&t, 5 * 60000);
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->wait, WAIT_POSTER);
	t_badge(&t, B_BERNARD);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_INT(t.v->post.draft_offer, 1);
	CHECK_STR(t.v->post.draft_offer_title, "Réparer un vélo");
	CHECK_INT(t.v->post.field.focused, 0);
	t_act(&t, ACT_DRAFT_RESUME, 1);
	CHECK_INT(t.v->post.draft_offer, 0);
	CHECK_INT(t.v->post.post_step, POST_DESCRIPTION);
	CHECK_STR(t.v->post.draft.title, "Réparer un vélo");
	CHECK_STR(t.v->post.draft.description, "Le pneu arrière est crevé.");
	CHECK_STR(t.v->post.field.text, "Le pneu arrière est crevé.");

	/* Left again, then more than ten minutes: gone. */
	t_act(&t, ACT_HOME, 0);
	t_wait_ms(&t, APP_DRAFT_KEEP_MS + 1000);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->post.draft_offer, 0);
	t_act(&t, ACT_HOME, 0);

	/* Refused ("Nouvelle mission"): forgotten. */
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_POST, 0);
	t_text(&t, "Trier les vis");
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_POST, 0);
	CHECK_STR(t.v->post.draft_offer_title, "Trier les vis");
	t_act(&t, ACT_DRAFT_RESUME, 0);
	CHECK_INT(t.v->post.draft_offer, 0);
	CHECK_STR(t.v->post.draft.title, "");
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->post.draft_offer, 0);
	t_close(&t);
}

/* Walks Bernard's form to the reward step. */
static void
to_reward(T *t, const char *title)
{
	t_badge(t, B_BERNARD);
	t_act(t, ACT_POST, 0);
	t_text(t, title);
	t_act(t, ACT_NEXT, 0);
	t_text(t, "Avec les outils de l’atelier.");
	t_act(t, ACT_NEXT, 0);
	t_act(t, ACT_NEXT, 0);          /* category: Autre */
	t_act(t, ACT_NEXT, 0);          /* when: flexible */
	t_act(t, ACT_NEXT, 0);          /* duration, people */
}

static void
test_reward_step(void)
{
	T t;
	Mission m;
	int64_t id;

	t_open(&t, "reward.db", "2024-12-10T09:12", LANG_FR);
	to_reward(&t, "Réparer un vélo");
	CHECK_INT(t.v->post.post_step, POST_REWARD);
	/* No payment chosen for the person, no answer for minors. */
	CHECK_INT(t.v->post.reward_chosen, 0);
	CHECK_INT(t.v->post.minors_chosen, 0);
	CHECK_INT(t.v->kbd_layer, KBD_NUMPAD);
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_REWARD);
	CHECK_STR(t.v->post.post_error, "Choisissez comment la mission est payée.");
	/* The amount field: digits on the number pad. */
	t_act(&t, ACT_SET_REWARD_KIND, REWARD_FIXED);
	CHECK_INT(t.v->kbd_visible, 1);
	CHECK_INT(t.v->kbd_layer, KBD_NUMPAD);
	t_act(&t, ACT_TYPE, '2');
	t_act(&t, ACT_TYPE, '0');
	CHECK_STR(t.v->post.field.text, "20");
	CHECK_INT(t.v->post.draft.reward_cents, 2000);
	t_act(&t, ACT_FOCUS, 0);
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_REWARD);
	CHECK_STR(t.v->post.post_error,
	          "Dites si la mission est ouverte aux moins de 18 ans.");
	t_act(&t, ACT_SET_MINORS, 1);
	CHECK_INT(t.v->post.draft.minors_ok, 1);
	t_act(&t, ACT_SET_MINORS, 0);
	CHECK_INT(t.v->post.draft.minors_ok, 0);
	/* A € chip is an amount too. */
	t_act(&t, ACT_SET_REWARD_CENTS, 1000);
	CHECK_STR(t.v->post.draft_text.reward, "10 €");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_PREVIEW);
	t_act(&t, ACT_PUBLISH, 0);
	id = t_mission(&t, "Réparer un vélo");
	CHECK(id > 0);
	CHECK_INT(mission_get(t.st, id, &m), BORNE_OK);
	CHECK_INT(m.d.reward_kind, REWARD_FIXED);
	CHECK_INT(m.d.reward_cents, 1000);
	CHECK_INT(m.d.minors_ok, 0);
	t_close(&t);
}

static void
test_template(void)
{
	T t;
	Mission m;
	int64_t id;

	t_open(&t, "tmpl.db", "2024-12-10T09:12", LANG_FR);
	/* Bernard posts once... */
	to_reward(&t, "Réparer un vélo");
	t_act(&t, ACT_SET_REWARD_CENTS, 2000);
	t_act(&t, ACT_SET_MINORS, 1);
	t_act(&t, ACT_NEXT, 0);
	t_act(&t, ACT_PUBLISH, 0);
	t_act(&t, ACT_HOME, 0);
	/* ... and again: his mission is the first start offered; one touch
	** fills the form and shows the preview. */
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_POST, 0);
	CHECK(t.v->post.n_templates >= 1);
	CHECK_STR(t.v->post.template_title[0], "Réparer un vélo");
	t_act(&t, ACT_TEMPLATE, t.v->post.template_id[0]);
	CHECK_INT(t.v->post.post_step, POST_PREVIEW);
	CHECK_STR(t.v->post.draft.title, "Réparer un vélo");
	CHECK_STR(t.v->post.draft_text.reward, "20 €");
	CHECK_INT(t.v->post.draft.minors_ok, 1);
	CHECK_STR(t.v->post.draft_text.when, "Quand vous voulez");
	t_act(&t, ACT_PUBLISH, 0);
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	id = t_mission(&t, "Réparer un vélo");
	CHECK(id > 0);
	CHECK_INT(mission_get(t.st, id, &m), BORNE_OK);
	CHECK_INT(m.d.reward_cents, 2000);
	/* Someone else's mission is no start for Sophie unless offered (its
	** title is the kiosk's own usual job: offered once, as that). */
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_POST, 0);
	t_act(&t, ACT_TEMPLATE, id);
	CHECK_INT(t.v->post.post_step, POST_TITLE);
	CHECK_STR(t.v->post.draft.title, "");
	t_close(&t);
}

/* Issue 11 item 13: a coworker who never posted is offered usual jobs:
** the kiosk's list in her language first, then the space's recent
** missions by others (never pending ones, never hers, each title once).
** One of the kiosk's fills title, category and length and asks the
** payment (no default); one of the space's fills what the board shows
** of it and goes to the preview, without its description or place. */
static void
test_usual(void)
{
	T t;
	BadgeUid uid;
	Mission m, src;
	int64_t lucie, id, caramel;
	int found = 0;

	t_open(&t, "usual.db", "2024-12-10T09:12", LANG_FR);
	uid_parse("04AA00C1", UID_DEC_LSB_FIRST, &uid, NULL, 0);
	CHECK_INT(member_add(t.st, "Lucie M.", ROLE_COWORKER, 0, &uid, NULL, 0,
	                     t.utc, &lucie), BORNE_OK);
	t_badge(&t, "04AA00C1");
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_INT(t.v->post.n_templates, 0);
	CHECK(t.v->post.n_usual > APP_N_USUAL_BUILTIN);
	CHECK(t.v->post.n_usual <= APP_N_USUAL);
	CHECK_STR(t.v->post.usual_title[0], "Réparer un vélo");
	CHECK(t.v->post.usual_id[0] < 0);
	CHECK_STR(t.v->post.usual_title[2], "Garder un chat");
	/* The chips wait for a touch: the keyboard stays closed. */
	CHECK_INT(t.v->kbd_visible, 0);
	for (int i = 0; i < t.v->post.n_usual; i++) {
		for (int k = 0; k < i; k++)
			CHECK(strcmp(t.v->post.usual_title[i],
			             t.v->post.usual_title[k]) != 0);
		if (t.v->post.usual_id[i] > 0) {
			CHECK_INT(mission_get(t.st, t.v->post.usual_id[i], &m), BORNE_OK);
			CHECK(m.poster_id != lucie);
			CHECK(m.status == MISSION_OPEN || m.status == MISSION_TAKEN ||
			      m.status == MISSION_DONE);
		}
	}

	/* "Réparer un vélo" for 20 euros: one touch, then the payment. */
	t_act(&t, ACT_TEMPLATE, t.v->post.usual_id[0]);
	CHECK_INT(t.v->post.post_step, POST_REWARD);
	CHECK_STR(t.v->post.draft.title, "Réparer un vélo");
	CHECK_INT(t.v->post.draft.category, CAT_BRICOLAGE);
	CHECK_INT(t.v->post.draft.duration_min, 60);
	CHECK_INT(t.v->post.reward_chosen, 0);
	CHECK_INT(t.v->post.minors_chosen, 0);
	CHECK_STR(t.v->post.post_error, "");
	t_act(&t, ACT_SET_REWARD_CENTS, 2000);
	t_act(&t, ACT_SET_MINORS, 0);
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_PREVIEW);
	t_act(&t, ACT_PUBLISH, 0);
	id = t_mission(&t, "Réparer un vélo");
	CHECK(id > 0);
	CHECK_INT(mission_get(t.st, id, &m), BORNE_OK);
	CHECK_INT(m.poster_id, lucie);
	CHECK_INT(m.d.reward_cents, 2000);
	CHECK_INT(m.d.minors_ok, 0);
	CHECK_INT(m.d.category, CAT_BRICOLAGE);

	/* In English, the kiosk's list is in English. */
	t_act(&t, ACT_HOME, 0);
	t_act(&t, ACT_LANG, LANG_EN);
	t_badge(&t, "04AA00C1");
	t_act(&t, ACT_POST, 0);
	CHECK_STR(t.v->post.usual_title[0], "Fix a bike");
	/* Her own mission now comes first; the usual jobs stay. */
	CHECK_INT(t.v->post.n_templates, 1);
	CHECK(t.v->post.n_usual > 0);

	/* One of the space's own: what the board shows of it, to the
	** preview; not its description nor its place. */
	caramel = t_mission(&t, "Garder Caramel, mon chat");
	CHECK(caramel > 0);
	CHECK_INT(mission_get(t.st, caramel, &src), BORNE_OK);
	for (int i = 0; i < t.v->post.n_usual; i++)
		found |= t.v->post.usual_id[i] == caramel;
	if (!found) {
		/* Not among the newest three: it is not offered, so ignored. */
		t_act(&t, ACT_TEMPLATE, caramel);
		CHECK_INT(t.v->post.post_step, POST_TITLE);
		CHECK_STR(t.v->post.draft.title, "");
	}
	for (int i = 0; i < t.v->post.n_usual; i++) {
		if (t.v->post.usual_id[i] <= 0)
			continue;
		CHECK_INT(mission_get(t.st, t.v->post.usual_id[i], &src), BORNE_OK);
		t_act(&t, ACT_TEMPLATE, t.v->post.usual_id[i]);
		break;
	}
	CHECK_INT(t.v->post.post_step, POST_PREVIEW);
	CHECK_STR(t.v->post.draft.title, src.d.title);
	CHECK_INT(t.v->post.draft.category, src.d.category);
	CHECK_INT(t.v->post.draft.reward_kind, src.d.reward_kind);
	CHECK_INT(t.v->post.draft.reward_cents, src.d.reward_cents);
	CHECK_INT(t.v->post.draft.minors_ok, src.d.minors_ok);
	CHECK_STR(t.v->post.draft.description, "");
	CHECK_STR(t.v->post.draft.place, "");
	/* A number not offered changes nothing. */
	t_act(&t, ACT_TEMPLATE, -(int64_t)APP_N_USUAL_BUILTIN - 1);
	t_act(&t, ACT_TEMPLATE, 999999);
	t_act(&t, ACT_TEMPLATE, lucie);
	CHECK_INT(t.v->post.post_step, POST_PREVIEW);
	CHECK_STR(t.v->post.draft.title, src.d.title);
	t_close(&t);
}

int
main(void)
{
	fx_setup();
	timeutil_init();
	test_idle_warning();
	test_discard_asks();
	test_draft_kept();
	test_reward_step();
	test_template();
	test_usual();
	return check_done();
}
