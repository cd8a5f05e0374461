/* test_app_quote.c -- quotes at the kiosk (issue 15): "Faire un devis"
** on a mission with "Prix à discuter", the three steps on the number
** pad, the lines with each step of the sum, the fair range beside the
** rate, sending it; the poster accepting one with their badge; the
** authors told at their next tap, once. Counts the touches a young
** member needs to make a quote. */
#include "check.h"
#include "core_fixture.h"
#include "app_fixture.h"

#include "quote.h"
#include "text.h"
#include "timeutil.h"

#define B_MANON "04AA0005"
#define SACS    "Coudre des sacs en tissu"     /* Manon's, open to minors */
#define TABLE   "Rénover une table en bois"    /* Karim's, adults only */

static int  touches;
static void tap(T *t, AppAction a, int64_t arg);
static void type_digits(T *t, const char *s);
static int64_t only_quote(T *t, int64_t mission_id, int64_t member_id);
static void test_young_member_quotes(void);
static void test_steps_refuse(void);
static void test_badge_first_and_busy(void);
static void test_who_may_quote(void);
static void test_vat_exempt(void);
static void test_poster_accepts(void);

/* A touch on the screen, counted. */
static void
tap(T *t, AppAction a, int64_t arg)
{
	touches++;
	t_act(t, a, arg);
}

/* Keys of the number pad, one touch each. */
static void
type_digits(T *t, const char *s)
{
	for (const char *p = s; *p != '\0'; p++)
		tap(t, ACT_TYPE, (unsigned char)*p);
}

struct one { int64_t member_id, id; };

static int
one_cb(const Quote *q, void *ctx)
{
	struct one *o = ctx;

	if (q->member_id == o->member_id)
		o->id = q->id;
	return 0;
}

static int64_t
only_quote(T *t, int64_t mission_id, int64_t member_id)
{
	struct one o = { member_id, 0 };

	quote_each(t->st, mission_id, one_cb, &o);
	return o.id;
}

/* Inès (16) badges in, opens the bags mission and makes a quote: the
** lines of a real quote, the fair range, the number; 10 touches. */
static void
test_young_member_quotes(void)
{
	T t;
	int64_t id;
	Quote q;

	t_open(&t, "young.db", "2026-03-10T14:00", LANG_FR);
	id = t_mission(&t, SACS);
	CHECK(id > 0);
	t_badge(&t, B_INES);
	t_act(&t, ACT_OPEN_MISSION, id);
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	CHECK_INT(t.v->quote.can_quote, 1);
	touches = 0;
	tap(&t, ACT_QUOTE, 0);
	CHECK_INT(t.v->screen, SCREEN_QUOTE);
	CHECK_STR(app_screen_name(t.v->screen), "quote");
	CHECK_INT(t.v->quote.step, QSTEP_HOURS);
	CHECK_INT(t.v->kbd_visible, 1);
	CHECK_INT(t.v->kbd_layer, KBD_NUMPAD);
	CHECK_CONTAINS(t.v->quote.step_label, "Étape 1 sur 4");
	CHECK_STR(t.v->quote.mission_title, SACS);
	type_digits(&t, "2,5");
	CHECK_STR(t.v->quote.field.text, "2,5");
	tap(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->quote.step, QSTEP_RATE);
	/* Beside the rate: the sewing range (12 to 20 euros by default). */
	CHECK_CONTAINS(t.v->quote.fair_range, "12,00 €");
	CHECK_CONTAINS(t.v->quote.fair_range, "20,00 €");
	CHECK_STR(t.v->quote.fair_note, "");
	t_text(&t, "9");
	CHECK_INT(t.v->quote.fair_side, -1);
	CHECK_CONTAINS(t.v->quote.fair_note,
	               "c’est moins que le prix juste du quartier");
	t_text(&t, "0");
	CHECK_INT(t.v->quote.fair_side, 1);
	CHECK_CONTAINS(t.v->quote.fair_note, "plus que le prix juste");
	t_key(&t, APP_KEY_BACKSPACE);
	t_key(&t, APP_KEY_BACKSPACE);
	CHECK_STR(t.v->quote.field.text, "");
	type_digits(&t, "14");
	CHECK_INT(t.v->quote.fair_side, 0);
	CHECK_STR(t.v->quote.fair_note, "");
	/* Hours and rate known: the first lines already show. */
	CHECK_INT(t.v->quote.n_lines, 5);
	CHECK_STR(t.v->quote.lines[0].calc, "2,5 h × 14,00 €");
	CHECK_STR(t.v->quote.lines[0].amount, "35,00 €");
	tap(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->quote.step, QSTEP_SUPPLIES);
	type_digits(&t, "5");
	tap(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->quote.step, QSTEP_REVIEW);
	CHECK_INT(t.v->kbd_visible, 0);
	/* Every step of the sum, VAT on the total before tax. */
	CHECK_INT(t.v->quote.n_lines, 5);
	CHECK_STR(t.v->quote.lines[0].label, "Travail");
	CHECK_STR(t.v->quote.lines[1].amount, "5,00 €");
	CHECK_STR(t.v->quote.lines[2].calc, "35,00 € + 5,00 €");
	CHECK_STR(t.v->quote.lines[2].amount, "40,00 €");
	CHECK_STR(t.v->quote.lines[3].label, "TVA à 20 %");
	CHECK_STR(t.v->quote.lines[3].calc, "40,00 € × 20 %");
	CHECK_STR(t.v->quote.lines[3].amount, "8,00 €");
	CHECK_STR(t.v->quote.lines[4].calc, "40,00 € + 8,00 €");
	CHECK_STR(t.v->quote.lines[4].amount, "48,00 €");
	CHECK_INT(t.v->quote.lines[4].total, 1);
	tap(&t, ACT_QUOTE_SEND, 0);
	CHECK_INT(t.v->quote.step, QSTEP_SENT);
	CHECK_STR(t.v->quote.number, "D2026-0001");
	CHECK_CONTAINS(t.v->quote.sent_title, "D2026-0001");
	CHECK_CONTAINS(t.v->quote.sent_next, "Manon");
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	/* 1 (Faire un devis) + 3 + 1 (hours) + 2 + 1 (rate) + 1 + 1
	** (supplies) + 1 (Envoyer). */
	printf("touches for a quote (badged in, 2,5 h at 14 euros, 5 euros "
	       "of supplies): %d\n", touches);
	CHECK_INT(touches, 11);
	CHECK(quote_get(t.st, only_quote(&t, id, t.v->member.id), &q) ==
	      BORNE_OK);
	CHECK_INT(q.c.hours_centi, 250);
	CHECK_INT(q.c.rate_cents, 1400);
	CHECK_INT(q.c.supplies_cents, 500);
	CHECK_INT(q.c.ttc_cents, 4800);
	CHECK_INT(q.status, QUOTE_PROPOSED);
	/* Back on the mission: her quote waits, no second one offered. */
	t_act(&t, ACT_OPEN_MISSION, 0);
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	CHECK_CONTAINS(t.v->quote.mine, "D2026-0001");
	CHECK_INT(t.v->quote.can_quote, 0);
	CHECK_INT(t.v->quote.n_received, 0);   /* others' quotes: not hers */
	t_close(&t);
}

/* What a step refuses, said under the field; the typing stays. */
static void
test_steps_refuse(void)
{
	T t;

	t_open(&t, "refuse.db", "2026-03-10T14:00", LANG_FR);
	t_badge(&t, B_MAMADOU);
	t_act(&t, ACT_OPEN_MISSION, t_mission(&t, TABLE));
	t_act(&t, ACT_QUOTE, 0);
	CHECK_INT(t.v->screen, SCREEN_QUOTE);
	/* Nothing typed; then a quarter hour can't be typed: one decimal. */
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->quote.step, QSTEP_HOURS);
	CHECK_CONTAINS(t.v->quote.field.error, "demi-heures");
	t_text(&t, "1,25");
	CHECK_STR(t.v->quote.field.text, "1,2");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->quote.step, QSTEP_HOURS);
	CHECK_CONTAINS(t.v->quote.field.error, "demi-heures");
	t_key(&t, APP_KEY_BACKSPACE);
	t_text(&t, "a");
	CHECK_CONTAINS(t.v->quote.field.error, "Des chiffres");
	CHECK_STR(t.v->quote.field.text, "1,");
	t_text(&t, "5");
	t_key(&t, APP_KEY_ENTER);           /* the pad's enter: "Suivant" */
	CHECK_INT(t.v->quote.step, QSTEP_RATE);
	t_text(&t, "0");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->quote.step, QSTEP_RATE);
	CHECK_CONTAINS(t.v->quote.field.error, "prix d’une heure");
	t_key(&t, APP_KEY_BACKSPACE);
	t_text(&t, "18.5");                 /* a dot types a comma */
	CHECK_STR(t.v->quote.field.text, "18,5");
	t_act(&t, ACT_NEXT, 0);
	t_act(&t, ACT_NEXT, 0);             /* no supplies */
	CHECK_INT(t.v->quote.step, QSTEP_REVIEW);
	CHECK_STR(t.v->quote.lines[0].calc, "1,5 h × 18,50 €");
	CHECK_STR(t.v->quote.lines[0].amount, "27,75 €");
	CHECK_STR(t.v->quote.lines[1].amount, "0,00 €");
	/* 27,75 x 20 % = 5,55. */
	CHECK_STR(t.v->quote.lines[3].amount, "5,55 €");
	CHECK_STR(t.v->quote.lines[4].amount, "33,30 €");
	/* "Précédent" and "Retour" go back a step, keeping what was typed. */
	t_act(&t, ACT_PREV, 0);
	CHECK_INT(t.v->quote.step, QSTEP_SUPPLIES);
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->quote.step, QSTEP_RATE);
	CHECK_STR(t.v->quote.field.text, "18,5");
	t_act(&t, ACT_BACK, 0);
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	t_close(&t);
}

/* Nobody badged in: "Faire un devis" asks for a badge first; typing is
** someone's work, which another person's tap does not take. */
static void
test_badge_first_and_busy(void)
{
	T t;
	int64_t id;

	t_open(&t, "badge.db", "2026-03-10T14:00", LANG_FR);
	id = t_mission(&t, SACS);
	t_act(&t, ACT_BOARD, 0);
	t_act(&t, ACT_OPEN_MISSION, id);
	CHECK_INT(t.v->has_member, 0);
	CHECK_INT(t.v->quote.can_quote, 1);
	t_act(&t, ACT_QUOTE, 0);
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	CHECK_INT(t.v->wait, WAIT_QUOTE);
	CHECK_CONTAINS(t.v->wait_text, "faire un devis");
	t_badge(&t, B_MAMADOU);
	CHECK_INT(t.v->screen, SCREEN_QUOTE);
	CHECK_INT(t.v->has_member, 1);
	CHECK_CONTAINS(t.v->quote.author_first, "Mamadou");
	t_text(&t, "3");
	t_badge(&t, B_SOPHIE);              /* a check-in over the pad */
	CHECK_INT(t.v->screen, SCREEN_QUOTE);
	CHECK_STR(t.v->quote.field.text, "3");
	CHECK_CONTAINS(t.v->toast, "Sophie");
	CHECK_CONTAINS(t.v->quote.author_first, "Mamadou");
	t_close(&t);
}

/* Not offered where quote_add would refuse: adults only for a minor,
** one's own mission, a fixed price, a quote already waiting. */
static void
test_who_may_quote(void)
{
	T t;
	int64_t table;

	t_open(&t, "who.db", "2026-03-10T14:00", LANG_FR);
	table = t_mission(&t, TABLE);
	t_badge(&t, B_INES);
	t_act(&t, ACT_OPEN_MISSION, table);
	CHECK_INT(t.v->quote.can_quote, 0);
	t_act(&t, ACT_QUOTE, 0);            /* a stale tap: refused, said */
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	CHECK_CONTAINS(t.v->toast, "réservée aux adultes");
	t_act(&t, ACT_OPEN_MISSION, t_mission(&t, "Arroser les plantes du bureau"));
	CHECK_INT(t.v->quote.can_quote, 0);  /* a tip, not a price to discuss */
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, B_MANON);
	t_act(&t, ACT_OPEN_MISSION, t_mission(&t, SACS));
	CHECK_INT(t.v->quote.can_quote, 0);  /* hers */
	t_close(&t);
}

/* A cooperative under the franchise threshold: the mention, no VAT. */
static void
test_vat_exempt(void)
{
	T t;

	t_open(&t, "exempt.db", "2026-03-10T14:00", LANG_FR);
	CHECK_INT(quote_vat_set(t.st, QUOTE_VAT_EXEMPT, 0, t.utc), BORNE_OK);
	t_badge(&t, B_MAMADOU);
	t_act(&t, ACT_OPEN_MISSION, t_mission(&t, TABLE));
	t_act(&t, ACT_QUOTE, 0);
	t_text(&t, "3");
	t_act(&t, ACT_NEXT, 0);
	t_text(&t, "20");
	t_act(&t, ACT_NEXT, 0);
	t_text(&t, "12,5");
	t_act(&t, ACT_NEXT, 0);
	CHECK_INT(t.v->quote.step, QSTEP_REVIEW);
	CHECK_STR(t.v->quote.lines[1].amount, "12,50 €");
	CHECK_STR(t.v->quote.lines[2].amount, "72,50 €");
	CHECK_STR(t.v->quote.lines[3].label,
	          "TVA non applicable, art. 293 B du CGI");
	CHECK_STR(t.v->quote.lines[3].calc, "");
	CHECK_STR(t.v->quote.lines[3].amount, "0,00 €");
	CHECK_STR(t.v->quote.lines[4].amount, "72,50 €");
	/* The same in English, amounts with a point. */
	t_act(&t, ACT_LANG, LANG_EN);
	CHECK_STR(t.v->quote.lines[0].calc, "3 h × €20.00");
	CHECK_STR(t.v->quote.lines[4].label, "Total with VAT (to pay)");
	t_close(&t);
}

/* Inès and Mamadou quote; Manon, the poster, sees both and accepts
** Inès's with her badge; Mamadou is told kindly at his next tap, Inès
** that hers is accepted; each once. */
static void
test_poster_accepts(void)
{
	T t;
	int64_t id, ines_q, mamadou_q, ines, mamadou;
	Quote q;

	t_open(&t, "accept.db", "2026-03-10T14:00", LANG_FR);
	id = t_mission(&t, SACS);
	t_badge(&t, B_INES);
	ines = t.v->member.id;
	t_act(&t, ACT_OPEN_MISSION, id);
	t_act(&t, ACT_QUOTE, 0);
	t_text(&t, "2");
	t_act(&t, ACT_NEXT, 0);
	t_text(&t, "13");
	t_act(&t, ACT_NEXT, 0);
	t_act(&t, ACT_NEXT, 0);
	t_act(&t, ACT_QUOTE_SEND, 0);
	CHECK_STR(t.v->quote.number, "D2026-0001");
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, B_MAMADOU);
	mamadou = t.v->member.id;
	t_act(&t, ACT_OPEN_MISSION, id);
	t_act(&t, ACT_QUOTE, 0);
	t_text(&t, "3");
	t_act(&t, ACT_NEXT, 0);
	t_text(&t, "15");
	t_act(&t, ACT_NEXT, 0);
	t_act(&t, ACT_NEXT, 0);
	t_act(&t, ACT_QUOTE_SEND, 0);
	CHECK_STR(t.v->quote.number, "D2026-0002");
	t_act(&t, ACT_HOME, 0);
	ines_q = only_quote(&t, id, ines);
	mamadou_q = only_quote(&t, id, mamadou);
	CHECK(ines_q > 0 && mamadou_q > 0);

	/* Manon, the poster, badged in on her mission: the two quotes. */
	t_badge(&t, B_MANON);
	t_act(&t, ACT_OPEN_MISSION, id);
	CHECK_INT(t.v->quote.n_received, 2);
	CHECK_CONTAINS(t.v->quote.received_title, "2");
	CHECK_STR(t.v->quote.received[0].number, "D2026-0001");
	CHECK_CONTAINS(t.v->quote.received[0].who, "Inès");
	CHECK_STR(t.v->quote.received[0].sum, "2 h × 13,00 €");
	CHECK_STR(t.v->quote.received[0].ttc, "31,20 € TTC");
	/* Accepting asks her badge, saying which quote and how much. */
	t_act(&t, ACT_QUOTE_ACCEPT, ines_q);
	CHECK_INT(t.v->wait, WAIT_QUOTE_ACCEPT);
	CHECK_CONTAINS(t.v->wait_text, "Accepter le devis de Inès");
	CHECK_CONTAINS(t.v->wait_text, "31,20 €");
	CHECK_INT(quote_get(t.st, ines_q, &q), BORNE_OK);
	CHECK_INT(q.status, QUOTE_PROPOSED);   /* not before the badge */
	/* Another's badge is a check-in, not the answer. */
	t_badge(&t, B_SOPHIE);
	CHECK_INT(quote_get(t.st, ines_q, &q), BORNE_OK);
	CHECK_INT(q.status, QUOTE_PROPOSED);
	t_badge(&t, B_MANON);
	t_act(&t, ACT_OPEN_MISSION, id);
	t_act(&t, ACT_QUOTE_ACCEPT, ines_q);
	t_badge(&t, B_MANON);
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_CONTAINS(t.v->toast, "D2026-0001 accepté");
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	CHECK_INT(quote_get(t.st, ines_q, &q), BORNE_OK);
	CHECK_INT(q.status, QUOTE_ACCEPTED);
	CHECK_INT(quote_get(t.st, mamadou_q, &q), BORNE_OK);
	CHECK_INT(q.status, QUOTE_DECLINED);
	CHECK_INT(mission_is_taker(t.st, id, ines), 1);
	CHECK_INT(t.v->quote.n_received, 0);
	t_act(&t, ACT_HOME, 0);

	/* Mamadou's next tap: told kindly, once. */
	t_later(&t, 600);
	t_badge(&t, B_MAMADOU);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_CONTAINS(t.v->result.greeting_note, "D2026-0002");
	CHECK_CONTAINS(t.v->result.greeting_note, "pas été choisi");
	t_act(&t, ACT_LANG, LANG_EN);           /* the note survives a redraw */
	CHECK_CONTAINS(t.v->result.greeting_note, "was not chosen");
	t_act(&t, ACT_HOME, 0);
	t_later(&t, 600);
	t_badge(&t, B_MAMADOU);
	CHECK(strstr(t.v->result.greeting_note, "D2026-0002") == NULL);
	t_act(&t, ACT_HOME, 0);
	/* Inès: hers is accepted. */
	t_wait_ms(&t, 600000);
	t_badge(&t, B_INES);
	CHECK_CONTAINS(t.v->result.greeting_note,
	               "Votre devis D2026-0001 est accepté");
	t_close(&t);
}

int
main(void)
{
	fx_setup();
	timeutil_init();
	test_young_member_quotes();
	test_steps_refuse();
	test_badge_first_and_busy();
	test_who_may_quote();
	test_vat_exempt();
	test_poster_accepts();
	return check_done();
}
