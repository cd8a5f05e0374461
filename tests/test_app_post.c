/* test_app_post.c -- posting a mission at the kiosk: who may post, the
** six steps with their inline messages, typing limits and refused input,
** badges during the form, preview and publishing (pending or open). */
#include "check.h"
#include "core_fixture.h"
#include "app_fixture.h"

#include "text.h"

static void test_who_posts(void);
static void test_title_step(void);
static void test_full_form_pending(void);
static void test_staff_publishes_open(void);
static void test_badge_during_form(void);

static void
test_who_posts(void)
{
	T t;

	t_open(&t, "who.db", "2024-12-10T09:12", LANG_FR);
	/* A cooperator is told why, and stays where they are. */
	t_badge(&t, B_INES);
	CHECK_INT(t.v->can_post, 0);
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_CONTAINS(t.v->toast, "coworkers et l’équipe d’animation les proposent");
	CHECK_INT(t.v->cue, CUE_REFUSED);
	t_act(&t, ACT_HOME, 0);

	/* Nobody badged in: the badge comes first. */
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->wait, WAIT_POSTER);
	CHECK_STR(t.v->wait_text, "Passez votre badge pour proposer une mission");
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	t_badge(&t, B_MAMADOU);
	/* A cooperator's badge answers, refused: the question is over. */
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_CONTAINS(t.v->toast, "membres de la coopérative prennent les missions");
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	t_act(&t, ACT_POST, 0);
	t_badge(&t, B_SOPHIE);
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_STR(t.v->first_name, "Sophie");
	CHECK_INT(t.v->post.needs_approval, 1);
	/* "Annuler" leaves the form, Sophie stays badged in. */
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	CHECK(t.v->has_member);
	t_close(&t);
}

static void
test_title_step(void)
{
	T t;
	char long_text[200];
	int n;

	t_open(&t, "title.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_INT(t.v->post.post_step, POST_TITLE);
	CHECK_STR(t.v->post.post_step_label, "Étape 1 sur 6 · Titre de la mission");
	CHECK_STR(t.v->post.field.hint, "Court et clair. Par exemple : « Garder un chat ».");
	CHECK_INT(t.v->post.field.max_chars, BORNE_TITLE_MAX_CH);
	/* Sophie posted before: her missions are offered as a start, and
	** the keyboard waits for a tap on the field. */
	CHECK(t.v->post.n_templates > 0);
	CHECK_INT(t.v->post.field.focused, 0);
	t_act(&t, ACT_FOCUS, 1);
	CHECK_INT(t.v->post.field.focused, 1);
	CHECK_INT(t.v->kbd_visible, 1);
	CHECK_INT(t.v->kbd_layer, KBD_UPPER);     /* a title starts capitalised */

	/* Next with nothing typed: the message, not the next step. */
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_TITLE);
	CHECK_STR(t.v->post.post_error, "Donnez un titre à la mission.");
	CHECK_STR(t.v->post.field.error, "Donnez un titre à la mission.");
	/* Blank-looking characters typed on a real keyboard are no title
	** either, and the message says so, not "a character refused". */
	t_text(&t, "\xE3\x80\x80\xC2\xA0\xE2\xA0\x80");   /* U+3000 NBSP U+2800 */
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_TITLE);
	CHECK_STR(t.v->post.post_error, "Donnez un titre à la mission.");
	for (n = 0; n < 3; n++)
		t_key(&t, APP_KEY_BACKSPACE);
	CHECK_STR(t.v->post.field.text, "");

	/* One capital, then lower case, as on phones. */
	t_act(&t, ACT_TYPE, 'A');
	CHECK_INT(t.v->kbd_layer, KBD_LOWER);
	CHECK_STR(t.v->post.post_error, "");
	t_text(&t, "rroser les plantes du bur");
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bur");
	CHECK_INT(t.v->post.field.n_chars, 26);
	CHECK_STR(t.v->post.draft.title, "Arroser les plantes du bur");

	/* Backspace takes one character, even a two-byte one. */
	t_act(&t, ACT_TYPE, 0xE9);           /* é */
	CHECK_INT(t.v->post.field.n_chars, 27);
	t_key(&t, APP_KEY_BACKSPACE);
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bur");
	t_act(&t, ACT_KEY, APP_KEY_BACKSPACE);
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bu");
	t_text(&t, "r");

	/* Invalid UTF-8 and control characters are refused, with a message. */
	t_text(&t, "\xC3(");
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bur");
	CHECK_STR(t.v->post.field.error, "Ce caractère n’est pas accepté.");
	t_text(&t, "a\x01");
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bur");
	t_act(&t, ACT_TYPE, 0xD800);         /* a lone surrogate */
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bur");
	CHECK_STR(t.v->post.field.error, "Ce caractère n’est pas accepté.");
	t_text(&t, "e");
	CHECK_STR(t.v->post.field.error, "");
	/* Invisible and direction-changing characters too (a USB keyboard
	** can type them); a ZWJ waits for the emoji it joins. */
	t_text(&t, "\xE2\x80\xAE");                      /* U+202E */
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bure");
	CHECK_STR(t.v->post.field.error, "Ce caractère est invisible ou change le "
	          "sens du texte : il n’est pas accepté.");
	t_act(&t, ACT_TYPE, 0x200B);
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bure");
	t_act(&t, ACT_TYPE, 0x200D);         /* ZWJ after a letter */
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bure");
	CHECK_CONTAINS(t.v->post.field.error, "invisible");
	t_act(&t, ACT_TYPE, 0x1F469);
	t_act(&t, ACT_TYPE, 0x200D);
	t_act(&t, ACT_TYPE, 0x1F4BB);
	CHECK_STR(t.v->post.field.text,
	          "Arroser les plantes du bure\xF0\x9F\x91\xA9\xE2\x80\x8D"
	          "\xF0\x9F\x92\xBB");
	CHECK_STR(t.v->post.field.error, "");
	t_key(&t, APP_KEY_BACKSPACE);
	t_key(&t, APP_KEY_BACKSPACE);
	t_key(&t, APP_KEY_BACKSPACE);
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bure");
	/* A joiner still open when the step ends goes: it joins nothing. */
	t_act(&t, ACT_TYPE, 0x1F469);
	t_act(&t, ACT_TYPE, 0x200D);
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_DESCRIPTION);
	CHECK_STR(t.v->post.draft.title,
	          "Arroser les plantes du bure\xF0\x9F\x91\xA9");
	t_act(&t, ACT_FIELD, POST_TITLE);
	t_key(&t, APP_KEY_BACKSPACE);
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bure");
	/* A letter after an open joiner ends it: the joiner goes. */
	t_act(&t, ACT_TYPE, 0x1F469);
	t_act(&t, ACT_TYPE, 0x200D);
	t_text(&t, "x");
	CHECK_STR(t.v->post.field.text,
	          "Arroser les plantes du bure\xF0\x9F\x91\xA9x");
	CHECK_STR(t.v->post.field.error, "");
	t_key(&t, APP_KEY_BACKSPACE);
	t_key(&t, APP_KEY_BACKSPACE);
	CHECK_STR(t.v->post.field.text, "Arroser les plantes du bure");

	/* Typing past the limit stops at it and says so. */
	memset(long_text, 'x', 100);
	long_text[100] = '\0';
	t_text(&t, long_text);
	n = t.v->post.field.n_chars;
	CHECK_INT(n, BORNE_TITLE_MAX_CH);
	CHECK_STR(t.v->post.field.error, "120 caractères au plus : la limite est atteinte.");
	t_text(&t, "é");
	CHECK_INT(t.v->post.field.n_chars, BORNE_TITLE_MAX_CH);
	CHECK_INT((int)text_chars(t.v->post.draft.title), BORNE_TITLE_MAX_CH);

	/* The title is long but valid: next step. */
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_DESCRIPTION);
	CHECK_STR(t.v->post.post_step_label, "Étape 2 sur 6 · Description");
	CHECK_INT(t.v->post.field.multiline, 1);
	CHECK_INT(t.v->post.field.max_chars, BORNE_DESC_MAX_CH);
	/* Tabs jump back; the text is still there. */
	t_act(&t, ACT_FIELD, POST_TITLE);
	CHECK_INT(t.v->post.post_step, POST_TITLE);
	CHECK_INT(t.v->post.field.n_chars, BORNE_TITLE_MAX_CH);
	t_close(&t);
}

static void
test_full_form_pending(void)
{
	T t;
	int64_t id;
	Mission m;
	int found = 0;

	t_open(&t, "form.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_POST, 0);
	t_text(&t, "Garder un chat");
	t_key(&t, APP_KEY_ENTER);            /* Enter = Suivant on a line */
	CHECK_INT(t.v->post.post_step, POST_DESCRIPTION);
	t_text(&t, "Nourrir Minou matin et soir.");
	t_key(&t, APP_KEY_ENTER);            /* a new line in the description */
	t_text(&t, "Clés à l'accueil.");
	CHECK_STR(t.v->post.draft.description, "Nourrir Minou matin et soir.\nClés à l'accueil.");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_CATEGORY);
	CHECK_INT(t.v->kbd_visible, 0);
	t_text(&t, "x");                     /* no text field on a chip step */
	CHECK_CONTAINS(t.v->toast, "boutons");
	t_act(&t, ACT_SET_CATEGORY, CAT_ANIMAUX);
	t_act(&t, ACT_TOGGLE_MINORS, 0);
	CHECK_INT(t.v->post.draft.category, CAT_ANIMAUX);
	CHECK_INT(t.v->post.draft.minors_ok, 1);
	CHECK_STR(t.v->post.draft_text.category, "Animaux");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_WHEN);
	t_act(&t, ACT_SET_WHEN, WHEN_NEXT_WEEK);
	CHECK_STR(t.v->post.draft.date_from, "2024-12-16");
	CHECK_STR(t.v->post.draft.date_to, "2024-12-22");
	CHECK_STR(t.v->post.draft_text.when, "Du 16 au 22 déc.");
	t_act(&t, ACT_SET_WHEN, WHEN_TOMORROW);
	CHECK_STR(t.v->post.draft_text.when, "Mer. 11 déc.");
	/* The place is typed when asked. */
	CHECK_INT(t.v->kbd_visible, 0);
	t_act(&t, ACT_FOCUS, 1);
	CHECK_INT(t.v->kbd_visible, 1);
	t_text(&t, "Rue des Lilas");
	CHECK_STR(t.v->post.draft.place, "Rue des Lilas");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_DURATION);
	t_act(&t, ACT_SET_DURATION, app_duration_choices_min[0]);
	t_act(&t, ACT_SET_PLACES, 2);
	CHECK_STR(t.v->post.draft_text.duration, "30 min");
	CHECK_STR(t.v->post.draft_text.places_total, "2 places");
	t_act(&t, ACT_SET_PLACES, 0);        /* out of range: ignored */
	CHECK_INT(t.v->post.draft.places, 2);
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_REWARD);
	/* A fixed price with no amount is refused next to the field. */
	t_act(&t, ACT_SET_REWARD_KIND, REWARD_FIXED);
	CHECK_INT(t.v->kbd_visible, 1);
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_REWARD);
	CHECK_CONTAINS(t.v->post.field.error, "Indiquez un montant");
	t_text(&t, "12,5");
	CHECK_STR(t.v->post.post_error, "");
	CHECK_STR(t.v->post.draft_text.reward, "12,50 €");
	t_act(&t, ACT_SET_REWARD_CENTS, app_reward_presets_cents[5]);
	CHECK_STR(t.v->post.field.text, "45");
	CHECK_STR(t.v->post.draft_text.reward, "45 €");
	t_key(&t, APP_KEY_BACKSPACE);        /* unfocused: the chip's amount stays */
	CHECK_STR(t.v->post.field.text, "45");
	t_act(&t, ACT_FOCUS, 1);
	t_key(&t, APP_KEY_BACKSPACE);
	t_text(&t, "0");
	CHECK_STR(t.v->post.draft_text.reward, "40 €");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->post.post_step, POST_PREVIEW);
	CHECK_STR(t.v->post.post_step_label, "Aperçu avant publication");
	CHECK_INT(t.v->post.draft.reward_cents, 4000);
	CHECK_INT(t.v->kbd_visible, 0);
	/* A coworker's mission waits for a facilitator. */
	CHECK_INT(t.v->post.needs_approval, 1);
	t_act(&t, ACT_PUBLISH, 0);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	CHECK_STR(t.v->toast, "Envoyée à l’équipe d’animation pour validation");
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	id = t_mission(&t, "Garder un chat");
	CHECK(id > 0);
	CHECK_INT(mission_get(t.st, id, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_PENDING);
	CHECK_STR(m.d.place, "Rue des Lilas");
	CHECK_STR(m.d.date_from, "2024-12-11");
	CHECK_INT(m.d.places, 2);
	CHECK_INT(m.d.duration_min, 30);
	CHECK_INT(m.d.reward_kind, REWARD_FIXED);
	CHECK_INT(m.d.reward_cents, 4000);
	CHECK_INT(m.d.minors_ok, 1);
	CHECK_INT(m.d.category, CAT_ANIMAUX);
	for (int i = 0; i < t.v->home.n_my; i++)
		found |= t.v->home.my[i].id == id;
	CHECK(found);
	t_close(&t);
}

static void
test_staff_publishes_open(void)
{
	T t;
	int64_t id;
	Mission m;

	t_open(&t, "staffpost.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_BERNARD);
	CHECK_INT(t.v->can_post, 1);
	CHECK_INT(t.v->is_staff, 1);
	t_act(&t, ACT_POST, 0);
	CHECK_INT(t.v->post.needs_approval, 0);
	t_text(&t, "Porter des chaises");
	/* Preview checks every step and jumps to the first one missing. */
	t_act(&t, ACT_SET_REWARD_KIND, REWARD_FIXED);
	t_act(&t, ACT_PREVIEW, 0);
	CHECK_INT(t.v->post.post_step, POST_REWARD);
	CHECK_CONTAINS(t.v->post.post_error, "Indiquez un montant");
	t_act(&t, ACT_SET_REWARD_KIND, REWARD_QUOTE);
	/* Open to under-18s has no default: asked, then said. */
	t_act(&t, ACT_PREVIEW, 0);
	CHECK_INT(t.v->post.post_step, POST_REWARD);
	CHECK_STR(t.v->post.post_error,
	          "Dites si la mission est ouverte aux moins de 18 ans.");
	t_act(&t, ACT_SET_MINORS, 0);
	t_act(&t, ACT_PREVIEW, 0);
	CHECK_INT(t.v->post.post_step, POST_PREVIEW);
	CHECK_STR(t.v->post.draft_text.reward, "Prix à discuter");
	CHECK_STR(t.v->post.draft_text.when, "Quand vous voulez");
	t_act(&t, ACT_PUBLISH, 0);
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	CHECK_STR(t.v->toast, "Mission publiée");
	id = t_mission(&t, "Porter des chaises");
	CHECK_INT(mission_get(t.st, id, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);
	/* The toast goes after a while. */
	t_wait_ms(&t, 5000);
	CHECK_STR(t.v->toast, "");
	t_close(&t);
}

static void
test_badge_during_form(void)
{
	T t;
	unsigned seq;

	t_open(&t, "formbadge.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_POST, 0);
	t_text(&t, "Arroser");
	/* Her own badge again: a tap like anywhere (within a minute of her
	** arrival: already noted), the form stays. */
	seq = t.v->cue_seq;
	t_badge(&t, B_SOPHIE);
	CHECK_STR(t.v->toast, "C’est déjà noté, Sophie !");
	CHECK_INT(t.v->cue_seq, seq + 1);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_STR(t.v->post.field.text, "Arroser");
	/* Someone else's: checked in and greeted over the form, which stays
	** Sophie's, draft and all. */
	t_badge(&t, B_INES);
	CHECK_STR(t.v->toast, "Bonjour Inès ! Arrivée enregistrée à 9 h 12");
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_STR(t.v->first_name, "Sophie");
	CHECK_STR(t.v->post.field.text, "Arroser");
	CHECK_INT(t.v->present_count, 7);    /* Sophie and Inès */
	t_badge(&t, B_NEW);
	CHECK_INT(t.v->screen, SCREEN_POST_MISSION);
	CHECK_CONTAINS(t.v->toast, "pas enregistré");
	/* Idle ends the form and clears it. */
	t_wait_ms(&t, 60000);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_STR(t.v->post.draft.title, "");
	CHECK_STR(t.v->post.field.text, "");
	CHECK_INT(t.v->has_member, 0);
	t_close(&t);
}

int
main(void)
{
	fx_setup();
	timeutil_init();
	test_who_posts();
	test_title_step();
	test_full_form_pending();
	test_staff_publishes_open();
	test_badge_during_form();
	return check_done();
}
