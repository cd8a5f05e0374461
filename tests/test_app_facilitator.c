/* test_app_facilitator.c -- PIN, its lock per kiosk (stored: it survives
** a restart and a clock set forward; every failure audited), facilitator mode
** (present list, approvals, rejections with a preset reason, USB export,
** quitting) and enrolment of an unknown badge, each change audited with
** the facilitator's id. */
#include "check.h"
#include "core_fixture.h"
#include "app_fixture.h"
#include "webauth.h"

#include <sys/stat.h>

#include "audit.h"
#include "checkin.h"
#include "pinkey.h"

static void test_enrol_unknown(void);
static void test_pin_lock(void);
static void test_facilitator_mode(void);
static void test_enrol_from_facilitator(void);
static void test_enrol_then_approve(void);
static void test_open_day(void);
static void test_pin_lock_stored(void);
static void test_pin_lock_same_boot(void);
static void test_pin_none(void);
static void test_pin_set(void);
static void test_web_code(void);
static void t_restart(T *t, const char *boot_id);

struct audit_find { const char *action; int64_t actor; int n; };

static int
audit_cb(int64_t id, int64_t at_utc, int64_t actor_id, const char *action,
         const char *target_kind, int64_t target_id, const char *detail,
         void *ctx)
{
	struct audit_find *f = ctx;

	(void)id; (void)at_utc; (void)target_kind; (void)target_id; (void)detail;
	if (strcmp(action, f->action) == 0 && actor_id == f->actor)
		f->n++;
	return 0;
}

static int
audited(Store *st, const char *action, int64_t actor)
{
	struct audit_find f = { action, actor, 0 };

	audit_each(st, audit_cb, &f);
	return f.n;
}

static void
pin(T *t, const char *digits)
{
	for (const char *p = digits; *p != '\0'; p++)
		t_act(t, ACT_PIN_DIGIT, *p - '0');
}

static void
test_enrol_unknown(void)
{
	T t;
	Member bernard, zoe;
	BadgeUid uid;

	t_open(&t, "enrol.db", "2024-12-10T09:12", LANG_FR);
	uid_parse(B_BERNARD, UID_DEC_LSB_FIRST, &uid, NULL, 0);
	member_by_badge(t.st, &uid, &bernard);
	t_badge(&t, B_NEW);
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	t_act(&t, ACT_ENROL, 0);
	CHECK_INT(t.v->wait, WAIT_STAFF);
	CHECK_STR(t.v->wait_text, "Quelqu’un de l’équipe d’animation passe son badge");
	/* Not a facilitator's badge: said so, the question is over. */
	t_badge(&t, B_SOPHIE);
	CHECK_STR(t.v->toast, "Ce badge n’est pas celui de quelqu’un de l’équipe d’animation.");
	CHECK_INT(t.v->wait, WAIT_NONE);
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	t_act(&t, ACT_ENROL, 0);
	t_badge(&t, B_BERNARD);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->wait, WAIT_NONE);
	/* A badge on the PIN pad is a check-in, greeted over the pad. */
	t_badge(&t, B_INES);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_STR(t.v->toast, "Bonjour Inès ! Arrivée enregistrée à 9 h 12");
	pin(&t, "1234");
	CHECK_INT(t.v->pin.pin_len, 4);
	t_act(&t, ACT_PIN_ERASE, 0);
	CHECK_INT(t.v->pin.pin_len, 3);
	t_act(&t, ACT_PIN_DIGIT, 4);
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	CHECK_INT(t.v->enrol.enrolling, 1);
	CHECK_STR(t.v->enrol.raw_uid, B_NEW);
	CHECK_INT(t.v->kbd_visible, 1);
	CHECK_INT(t.v->enrol.enrol_name.focused, 1);
	CHECK_INT(t.v->enrol.enrol_role, ROLE_COOPERATOR);
	CHECK_INT(t.v->pin.pin_len, 0);
	/* Under 18 or not: no answer until one is given. */
	CHECK_INT(t.v->enrol.enrol_minor, -1);
	CHECK_STR(t.v->enrol.enrol_name.label, "Prénom");
	CHECK_STR(t.v->enrol.enrol_initial.label, "Initiale du nom");

	/* No name: refused with a message. */
	t_act(&t, ACT_ENROL_SAVE, 0);
	CHECK_STR(t.v->enrol.enrol_error, "Écrivez le prénom de la personne.");
	CHECK_INT(t.v->enrol.enrol_error_at, ENROL_FIELD_FIRST);
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	/* The card being enrolled belongs to nobody yet: said so. Anyone
	** else's badge is their check-in, over the form. */
	t_badge(&t, B_NEW);
	CHECK_STR(t.v->toast, "Ce badge est en cours d’enregistrement.");
	t_badge(&t, B_INES);
	CHECK_STR(t.v->toast, "C’est déjà noté, Inès !");
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	CHECK_INT(t.v->enrol.enrolling, 1);
	/* The first name gets its capital as it is typed; typing clears
	** the refusal about it. */
	t_text(&t, "zoé");
	CHECK_STR(t.v->enrol.enrol_name.text, "Zoé");
	CHECK_STR(t.v->enrol.enrol_error, "");
	CHECK_STR(t.v->enrol.enrol_name.hint, "Par exemple : Inès B.");
	/* Enter goes on to the initial; saving without it says so. */
	t_key(&t, APP_KEY_ENTER);
	CHECK_INT(t.v->enrol.enrol_initial.focused, 1);
	CHECK_INT(t.v->enrol.enrol_name.focused, 0);
	CHECK_INT(t.v->kbd_visible, 1);
	t_act(&t, ACT_ENROL_SAVE, 0);
	CHECK_STR(t.v->enrol.enrol_error, "Écrivez la première lettre du nom de famille.");
	CHECK_INT(t.v->enrol.enrol_initial.focused, 1);
	/* One letter: a digit is refused, a whole last name keeps its
	** first letter, as a capital, and the keyboard closes. */
	t_text(&t, "3");
	CHECK_STR(t.v->enrol.enrol_initial.text, "");
	CHECK_STR(t.v->enrol.enrol_initial.error,
	          "Une lettre : la première du nom de famille.");
	t_text(&t, "m");
	CHECK_STR(t.v->enrol.enrol_initial.text, "M");
	CHECK_STR(t.v->enrol.enrol_initial.error, "");
	CHECK_INT(t.v->kbd_visible, 0);
	t_text(&t, "artin");                 /* typed on: goes nowhere */
	CHECK_STR(t.v->enrol.enrol_name.text, "Zoé");
	CHECK_STR(t.v->enrol.enrol_initial.text, "M");
	CHECK_INT(t.v->kbd_visible, 0);
	CHECK_STR(t.v->enrol.enrol_shown, "Zoé M.");
	CHECK_STR(t.v->enrol.enrol_name.hint, "Nom affiché : Zoé M.");
	/* Staff roles are for an admin to give. */
	t_act(&t, ACT_SET_ROLE, ROLE_FACILITATOR);
	CHECK_CONTAINS(t.v->toast, "l’administration");
	CHECK_INT(t.v->enrol.enrol_role, ROLE_COOPERATOR);
	t_act(&t, ACT_SET_ROLE, ROLE_COWORKER);
	CHECK_INT(t.v->enrol.enrol_role, ROLE_COWORKER);
	CHECK_INT(t.v->kbd_visible, 0);
	/* Not saved while "Moins de 18 ans ?" has no answer. */
	t_act(&t, ACT_ENROL_SAVE, 0);
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	CHECK_STR(t.v->enrol.enrol_error,
	          "Dites si la personne a moins de 18 ans : Oui ou Non.");
	CHECK_INT(t.v->enrol.enrol_error_at, ENROL_ERR_MINOR);
	CHECK_INT(t.v->cue, CUE_REFUSED);
	uid_parse(B_NEW, UID_DEC_LSB_FIRST, &uid, NULL, 0);
	CHECK_INT(member_by_badge(t.st, &uid, &zoe), BORNE_ENOTFOUND);
	t_act(&t, ACT_ENROL_MINOR, 1);
	CHECK_INT(t.v->enrol.enrol_minor, 1);
	CHECK_STR(t.v->enrol.enrol_error, "");
	t_act(&t, ACT_ENROL_MINOR, 0);
	CHECK_INT(t.v->enrol.enrol_minor, 0);
	/* Saved: the PIN typed for it opens facilitator mode, as it does
	** everywhere else. */
	t_act(&t, ACT_ENROL_SAVE, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_STR(t.v->toast, "Badge enregistré pour Zoé");
	CHECK_INT(t.v->has_member, 1);
	CHECK_INT(t.v->member.id, bernard.id);
	CHECK_STR(t.v->enrol.raw_uid, "");
	CHECK_INT(member_by_badge(t.st, &uid, &zoe), BORNE_OK);
	CHECK_STR(zoe.name, "Zoé M.");
	CHECK_INT(zoe.role, ROLE_COWORKER);
	CHECK_INT(zoe.minor, 0);
	CHECK_INT(audited(t.st, "member.add", bernard.id), 1);
	/* The new member checks in at once, over facilitator mode. */
	t_badge(&t, B_NEW);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_STR(t.v->toast, "Bonjour Zoé ! Arrivée enregistrée à 9 h 12");
	t_act(&t, ACT_HOME, 0);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_INT(t.v->has_member, 0);
	t_badge(&t, B_NEW);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_STR(t.v->result.greeting, "C’est déjà noté, Zoé !");

	/* A facilitator's badge on unknown-badge, unasked, is her own
	** check-in: "Enregistrer ce badge" asks for it first. */
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, "04BEEF00112233");
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	t_badge(&t, B_YASMINE);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_STR(t.v->first_name, "Yasmine");
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, "04BEEF00112233");
	t_act(&t, ACT_ENROL, 0);
	t_badge(&t, B_YASMINE);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	t_act(&t, ACT_BACK, 0);              /* changed her mind */
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	CHECK_INT(t.v->enrol.enrolling, 0);
	t_close(&t);
}

static void
test_pin_lock(void)
{
	T t;

	t_open(&t, "pinlock.db", "2024-12-10T09:12", LANG_FR);
	/* Not staff: no facilitator mode. */
	t_badge(&t, B_SOPHIE);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_STR(t.v->toast, "Réservé à l’équipe d’animation.");
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);

	t_badge(&t, B_BERNARD);
	CHECK_INT(t.v->is_staff, 1);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_tries_left, 3);
	pin(&t, "0000");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_STR(t.v->pin.pin_msg, "Code incorrect, 2 essais restants");
	CHECK_INT(t.v->pin.pin_len, 0);
	CHECK_INT(t.v->cue, CUE_REFUSED);
	pin(&t, "1111");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_STR(t.v->pin.pin_msg, "Code incorrect, 1 essai restant");
	pin(&t, "4321");                     /* Yasmine's, not Bernard's */
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_locked_s, 300);
	CHECK_STR(t.v->pin.pin_msg, "Trop d’essais : espace animation verrouillé "
	          "pendant 5 min.");
	/* Locked: even the right PIN does nothing. */
	pin(&t, "1234");
	CHECK_INT(t.v->pin.pin_len, 0);
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	t_wait_ms(&t, 10000);
	CHECK_INT(t.v->pin.pin_locked_s, 290);

	/* The lock survives leaving, idle, and another facilitator. */
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_MEMBER_HOME);
	t_wait_ms(&t, 60000);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	t_badge(&t, B_YASMINE);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_locked_s, 230);
	pin(&t, "4321");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);

	/* Five minutes after the lock, it opens again. */
	t_wait_ms(&t, 59000);
	t_act(&t, ACT_BACK, 0);
	t.ms += 200000;                      /* time passes, nobody here */
	t_later(&t, 200);
	t_badge(&t, B_YASMINE);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_locked_s, 0);
	CHECK_INT(t.v->pin.pin_tries_left, 3);
	CHECK_STR(t.v->pin.pin_msg, "");
	pin(&t, "4321");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_STR(t.v->first_name, "Yasmine");
	t_close(&t);
}

/* A PIN shorter than any PIN can be is no try: one digit and OK says how
** many digits to type and leaves the three tries (issue 11 item 11). */
static void
test_pin_short(void)
{
	T t;

	t_open(&t, "pinshort.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_min_digits, MEMBER_PIN_MIN_DIGITS);
	for (int k = 0; k < 5; k++) {
		pin(&t, "1");
		t_act(&t, ACT_PIN_OK, 0);
		CHECK_INT(t.v->screen, SCREEN_PIN);
		CHECK_INT(t.v->pin.pin_tries_left, 3);
		CHECK_INT(t.v->pin.pin_locked_s, 0);
		CHECK_INT(t.v->pin.pin_len, 1);      /* kept: a digit more to go */
		CHECK_STR(t.v->pin.pin_msg, "Tapez au moins 4 chiffres.");
		t_act(&t, ACT_PIN_ERASE, 0);
	}
	pin(&t, "123");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->pin.pin_tries_left, 3);
	pin(&t, "4");                        /* "1234": Bernard's */
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	t_close(&t);
}

static void
test_facilitator_mode(void)
{
	T t;
	AppConfig cfg;
	Mission m;
	int64_t bernard, id, id2;
	struct stat sb;
	int n_pending, n_approved, n;

	app_config_defaults(&cfg);
	snprintf(cfg.export_dir, sizeof cfg.export_dir, "%s", fx_path(""));
	t_open_cfg(&t, "fac.db", "2024-12-10T09:12", &cfg);
	t_badge(&t, B_BERNARD);
	bernard = t.v->member.id;
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_INT(t.v->fac.fac_tab, FAC_PRESENT);
	/* Who is here: the five of the demo and Bernard. */
	CHECK_INT(t.v->fac.n_present, 6);
	CHECK_STR(t.v->fac.present[0].name, "Léa M.");
	CHECK_STR(t.v->fac.present[0].role, "Membre de la coopérative");
	CHECK(strstr(t.v->fac.present[0].since, " h ") != NULL);
	CHECK_STR(t.v->fac.present[5].name, "Bernard R.");
	/* The list pages: a scroll moves the first one shown, within it. */
	CHECK_INT(t.v->fac.present_offset, 0);
	CHECK_INT(t_act(&t, ACT_SCROLL, 3), 1);
	CHECK_INT(t.v->fac.present_offset, 3);
	t_act(&t, ACT_SCROLL, 100);
	CHECK_INT(t.v->fac.present_offset, 5);
	t_act(&t, ACT_SCROLL, -100);
	CHECK_INT(t.v->fac.present_offset, 0);
	t_act(&t, ACT_SCROLL, 4);
	CHECK_STR(t.v->fac.present[5].since, "9 h 12");
	CHECK_STR(t.v->fac.present[5].role, "Équipe d’animation");
	/* Missions waiting. */
	n_pending = t.v->fac.n_pending;
	CHECK_INT(n_pending, 3);
	CHECK(t.v->fac.pending_text[0].when[0] != '\0');
	CHECK_STR(t.v->fac.reject_reasons[0], "Il manque des informations");
	id = t.v->fac.pending[0].id;
	id2 = t.v->fac.pending[1].id;
	n_approved = audited(t.st, "mission.approve", bernard);
	t_act(&t, ACT_FAC_TAB, FAC_PENDING);
	CHECK_INT(t.v->fac.fac_tab, FAC_PENDING);
	t_act(&t, ACT_APPROVE, id);
	CHECK_STR(t.v->toast, "Mission publiée");
	CHECK_INT(t.v->fac.n_pending, n_pending - 1);
	CHECK_INT(mission_get(t.st, id, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_OPEN);
	CHECK_INT(audited(t.st, "mission.approve", bernard), n_approved + 1);
	/* Approving it twice is explained. */
	t_act(&t, ACT_APPROVE, id);
	CHECK_STR(t.v->toast, "Cette mission n’attend plus de validation.");
	/* Reject: the mission, then a preset reason. */
	t_act(&t, ACT_REJECT, id2);
	CHECK_INT(t.v->fac.rejecting, id2);
	t_act(&t, ACT_REJECT_CANCEL, 0);
	CHECK_INT(t.v->fac.rejecting, 0);
	t_act(&t, ACT_REJECT, id2);
	t_act(&t, ACT_REJECT_REASON, 2);
	CHECK_INT(t.v->fac.rejecting, 0);
	CHECK_STR(t.v->toast, "Mission refusée");
	CHECK_INT(mission_get(t.st, id2, &m), BORNE_OK);
	CHECK_INT(m.status, MISSION_REJECTED);
	CHECK_STR(m.reason, "Pas adaptée aux moins de 18 ans");
	CHECK_INT(audited(t.st, "mission.reject", bernard), 1);
	CHECK_INT(t.v->fac.n_pending, n_pending - 2);

	/* The day and the reader are on the view. */
	CHECK(t.v->has_day);
	CHECK_STR(t.v->day_title, "Chantier peinture");
	/* Export today's attendance. */
	t_act(&t, ACT_EXPORT, 0);
	CHECK_CONTAINS(t.v->fac.export_msg, "Présences enregistrées : ");
	CHECK_CONTAINS(t.v->fac.export_msg, "borne-presences-2024-12-10.csv");
	CHECK(stat(fx_path("borne-presences-2024-12-10.csv"), &sb) == 0 &&
	      sb.st_size > 0);
	CHECK_INT(audited(t.st, "report.export", bernard), 1);
	/* A badge now is a check-in, greeted over facilitator mode, which
	** stays open and lists the newcomer. */
	n = t.v->fac.n_present;
	t_badge(&t, B_INES);
	CHECK_STR(t.v->toast, "Bonjour Inès ! Arrivée enregistrée à 9 h 12");
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_INT(t.v->fac.n_present, n + 1);
	CHECK_STR(t.v->first_name, "Bernard");
	/* Idle leaves facilitator mode: the PIN is asked again. */
	t_wait_ms(&t, 60000);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_INT(t.v->fac.n_present, 0);
	CHECK_INT(t.v->has_member, 0);
	t_act(&t, ACT_FACILITATOR, 0);       /* nobody: a staff badge first */
	CHECK_INT(t.v->wait, WAIT_STAFF);
	t_badge(&t, B_BERNARD);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	t_act(&t, ACT_QUIT, 0);
	CHECK_INT(t.v->quit, 1);
	CHECK_INT(audited(t.st, "kiosk.quit", bernard), 1);
	t_close(&t);

	/* No stick: said plainly. */
	app_config_defaults(&cfg);
	snprintf(cfg.export_dir, sizeof cfg.export_dir, "%s",
	         fx_path("no-such-stick"));
	t_open_cfg(&t, "fac2.db", "2024-12-10T09:12", &cfg);
	t_badge(&t, B_YASMINE);
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "4321");
	t_act(&t, ACT_PIN_OK, 0);
	t_act(&t, ACT_EXPORT, 0);
	CHECK_STR(t.v->fac.export_msg, "Aucune clé USB trouvée. Branchez-en une et "
	          "réessayez.");
	CHECK_INT(t.v->cue, CUE_REFUSED);
	t_close(&t);
}

static void
test_enrol_from_facilitator(void)
{
	T t;
	Member m;
	BadgeUid uid;

	t_open(&t, "facenrol.db", "2024-12-10T09:12", LANG_EN);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	t_act(&t, ACT_ENROL, 0);
	CHECK_INT(t.v->wait, WAIT_NEW_BADGE);
	CHECK_STR(t.v->wait_text, "Tap the new badge on the reader");
	/* Only a new badge answers; a known one is its owner's check-in. */
	t_badge(&t, B_INES);
	CHECK_STR(t.v->toast, "Hello Inès! Arrival recorded at 9:12");
	CHECK_INT(t.v->wait, WAIT_NEW_BADGE);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	t_badge(&t, "04C0FFEE112233");
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	CHECK_INT(t.v->enrol.enrolling, 1);
	CHECK_STR(t.v->enrol.raw_uid, "04C0FFEE112233");
	t_text(&t, "noé");
	t_key(&t, APP_KEY_ENTER);            /* on to the initial */
	CHECK_INT(t.v->kbd_visible, 1);
	t_text(&t, "b");                     /* one letter closes the keyboard */
	CHECK_INT(t.v->kbd_visible, 0);
	t_key(&t, APP_KEY_ENTER);            /* no answer to "Under 18?" */
	CHECK_STR(t.v->enrol.enrol_error,
	          "Say whether the person is under 18: Yes or No.");
	CHECK_INT(t.v->screen, SCREEN_UNKNOWN_BADGE);
	t_act(&t, ACT_ENROL_MINOR, 1);
	t_key(&t, APP_KEY_ENTER);            /* then saves */
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_STR(t.v->toast, "Badge registered for Noé");
	uid_parse("04C0FFEE112233", UID_DEC_LSB_FIRST, &uid, NULL, 0);
	CHECK_INT(member_by_badge(t.st, &uid, &m), BORNE_OK);
	CHECK_STR(m.name, "Noé B.");
	CHECK_INT(m.minor, 1);
	CHECK_INT(m.role, ROLE_COOPERATOR);
	t_close(&t);
}

/* A facilitator enrols Zoé (a new badge, at the door) and approves a
** mission: one PIN for both (issue 11 item 13). Prints the touches: each
** action and badge one, each letter typed one. */
static void
test_enrol_then_approve(void)
{
	T t;
	Member zoe;
	BadgeUid uid;
	int touches = 0, pins = 0;
	int64_t id;

	t_open(&t, "enrolapprove.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_NEW);                       touches++;
	t_act(&t, ACT_ENROL, 0);                  touches++;
	t_badge(&t, B_BERNARD);                   touches++;
	CHECK_INT(t.v->screen, SCREEN_PIN);
	pins++;
	pin(&t, "1234");                          touches += 4;
	t_act(&t, ACT_PIN_OK, 0);                 touches++;
	t_text(&t, "zoé");                        touches += 3;
	t_key(&t, APP_KEY_ENTER);                 touches++;
	t_text(&t, "m");                          touches++;
	t_act(&t, ACT_ENROL_MINOR, 1);            touches++;
	t_act(&t, ACT_ENROL_SAVE, 0);             touches++;
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	uid_parse(B_NEW, UID_DEC_LSB_FIRST, &uid, NULL, 0);
	CHECK_INT(member_by_badge(t.st, &uid, &zoe), BORNE_OK);
	CHECK_STR(zoe.name, "Zoé M.");
	CHECK_INT(zoe.minor, 1);
	CHECK_INT(zoe.role, ROLE_COOPERATOR);
	/* Facilitator mode already: the pending missions, no PIN. */
	t_act(&t, ACT_FAC_TAB, FAC_PENDING);      touches++;
	CHECK(t.v->screen != SCREEN_PIN);
	CHECK(t.v->fac.n_pending > 0);
	id = t.v->fac.pending[0].id;
	t_act(&t, ACT_APPROVE, id);               touches++;
	CHECK_STR(t.v->toast, "Mission publiée");
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_INT(pins, 1);
	printf("enrol Zoé and approve a mission: %d touches, %d PIN\n", touches,
	       pins);
	t_close(&t);
}

/* A facilitator makes today a contributive day at the kiosk; arrivals
** from then on count for it. */
static void
test_open_day(void)
{
	T t;
	Visit vis;
	int64_t before;
	int n_audit;

	t_open(&t, "openday.db", "2024-12-10T09:12", LANG_FR);
	t_wait_ms(&t, 24LL * 3600 * 1000);          /* the 11th: no day */
	CHECK_INT(t.v->has_day, 0);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	before = fx_sql_int(t.st, "SELECT count(*) FROM days");
	n_audit = audited(t.st, "day.add", t.v->member.id);
	t_act(&t, ACT_DAY_OPEN, 0);
	CHECK_INT(t.v->has_day, 1);
	CHECK_STR(t.v->day_title, "Projet commun");
	CHECK_STR(t.v->day_hours, "9 h – 18 h");
	CHECK_STR(t.v->toast, "Journée contributive ouverte : 9 h – 18 h");
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM days"), before + 1);
	CHECK_INT(audited(t.st, "day.add", t.v->member.id), n_audit + 1);
	/* Once is enough: a second one for the same date is refused. */
	t_act(&t, ACT_DAY_OPEN, 0);
	CHECK_INT(t.v->cue, CUE_REFUSED);
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM days"), before + 1);
	t_act(&t, ACT_HOME, 0);
	t_wait_ms(&t, 61000);
	t_badge(&t, B_INES);
	CHECK_INT(t.v->result.outcome, CHECKIN_IN);
	CHECK_INT(checkin_get(t.st, fx_sql_int(t.st, "SELECT max(id) FROM visits"),
	                      &vis), BORNE_OK);
	CHECK(vis.day_id != 0);
	t_close(&t);

	/* Late at night it says it is too late. */
	t_open(&t, "openday2.db", "2024-12-10T09:12", LANG_FR);
	t_wait_ms(&t, (24LL * 3600 - 9 * 3600 - 12 * 60 + 23 * 3600 + 30 * 60) * 1000);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	before = fx_sql_int(t.st, "SELECT count(*) FROM days");
	t_act(&t, ACT_DAY_OPEN, 0);
	CHECK_STR(t.v->toast, "Trop tard pour ouvrir une journée aujourd’hui.");
	CHECK_INT(fx_sql_int(t.st, "SELECT count(*) FROM days"), before);
	t_close(&t);
}

/* The kiosk process ends and starts again on the same database: a new
** App, its own monotonic clock going on from t->ms. boot_id "" : another
** boot (the kiosk cannot know how long it was off). */
static void
t_restart(T *t, const char *boot_id)
{
	AppConfig cfg;

	app_free(t->app);
	app_config_defaults(&cfg);
	cfg.idle_timeout_ms = 60000;
	cfg.build_utc = BORNE_CLOCK_FLOOR_UTC;
	snprintf(cfg.boot_id, sizeof cfg.boot_id, "%s", boot_id);
	if (app_new(t->st, &cfg, t->ms, t->utc, &t->app) != BORNE_OK) {
		fprintf(stderr, "app_new failed\n");
		exit(2);
	}
	t->v = app_view(t->app);
}

/* A restart, the watchdog or a crash gives no fresh tries, a wall clock
** set forward frees nothing, and each failure and the lock are audited
** with the badge holder as actor. */
static void
test_pin_lock_stored(void)
{
	T t;
	Member bernard;
	BadgeUid uid;

	t_open(&t, "pinstored.db", "2024-12-10T09:12", LANG_FR);
	uid_parse(B_BERNARD, UID_DEC_LSB_FIRST, &uid, NULL, 0);
	member_by_badge(t.st, &uid, &bernard);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "0000");
	t_act(&t, ACT_PIN_OK, 0);
	pin(&t, "1111");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_STR(t.v->pin.pin_msg, "Code incorrect, 1 essai restant");
	CHECK_INT(audited(t.st, "pin.fail", bernard.id), 2);

	/* Killed and started again: one try left, not three. */
	t_restart(&t, "");
	t_later(&t, 5);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_tries_left, 1);
	pin(&t, "2222");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->pin.pin_locked_s, 300);
	CHECK_INT(audited(t.st, "pin.fail", bernard.id), 3);
	CHECK_INT(audited(t.st, "pin.lock", bernard.id), 1);

	/* The wall clock set a day forward: still locked (the lock counts
	** monotonic time). */
	t.utc += 86400;
	t_wait_ms(&t, 1000);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_locked_s, 299);
	/* Restarted, even with the wall clock a day later: still locked, for
	** the time it had left when last saved (every 10 s). */
	t_wait_ms(&t, 20000);
	CHECK_INT(t.v->pin.pin_locked_s, 279);
	t_restart(&t, "");
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK(t.v->pin.pin_locked_s > 270);
	CHECK(t.v->pin.pin_locked_s <= 280);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(audited(t.st, "pin.fail", bernard.id), 3);   /* locked: no try */

	/* Once the time has run on the monotonic clock, it opens. */
	t_act(&t, ACT_BACK, 0);
	t.ms += 300000;
	t_restart(&t, "");
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK(t.v->pin.pin_locked_s > 270);      /* a new boot: the time it had left */
	t_act(&t, ACT_BACK, 0);
	t.ms += 300000;
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->pin.pin_locked_s, 0);
	CHECK_INT(t.v->pin.pin_tries_left, 3);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	/* A right PIN after wrong ones starts the count again, stored. */
	t_restart(&t, "");
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->pin.pin_tries_left, 3);
	t_close(&t);
}

/* Restarted within the same boot, the monotonic clock ran on while the
** kiosk was down: the lock ends when it was going to. */
static void
test_pin_lock_same_boot(void)
{
	T t;

	t_open(&t, "pinboot.db", "2024-12-10T09:12", LANG_FR);
	t_restart(&t, "boot-1");
	t_badge(&t, B_YASMINE);
	t_act(&t, ACT_FACILITATOR, 0);
	for (int i = 0; i < 3; i++) {
		pin(&t, "9999");
		t_act(&t, ACT_PIN_OK, 0);
	}
	CHECK_INT(t.v->pin.pin_locked_s, 300);
	t_later(&t, 100);                    /* down for 100 s */
	t_restart(&t, "boot-1");
	t_badge(&t, B_YASMINE);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->pin.pin_locked_s, 200);
	t_later(&t, 250);
	t_restart(&t, "boot-1");             /* down past the end: open */
	t_badge(&t, B_YASMINE);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->pin.pin_locked_s, 0);
	CHECK_INT(t.v->pin.pin_tries_left, 3);
	t_close(&t);
}

/* A facilitator with no PIN is told so, and it is no failure; a kiosk
** that lost its key says that, not "wrong code". */
static void
test_pin_none(void)
{
	T t;
	BadgeUid uid;
	int64_t chloe;

	t_open(&t, "pinnone.db", "2024-12-10T09:12", LANG_FR);
	uid_parse("04C10E00", UID_DEC_LSB_FIRST, &uid, NULL, 0);
	CHECK_INT(member_add(t.st, "Chloé V.", ROLE_FACILITATOR, 0, &uid, NULL, 0,
	                     t.utc, &chloe), BORNE_OK);
	t_badge(&t, "04C10E00");
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_CONTAINS(t.v->pin.pin_msg, "Pas de code défini");
	for (int i = 0; i < 4; i++) {
		pin(&t, "1234");
		t_act(&t, ACT_PIN_OK, 0);
	}
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_CONTAINS(t.v->pin.pin_msg, "Pas de code défini");
	CHECK_INT(t.v->pin.pin_locked_s, 0);
	CHECK_INT(t.v->pin.pin_tries_left, 3);
	CHECK_INT(audited(t.st, "pin.fail", chloe), 0);

	/* The key is gone (key file lost): the PIN pad says so. */
	t_act(&t, ACT_BACK, 0);
	pinkey_clear();
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_CONTAINS(t.v->pin.pin_msg, "la clé de la borne manque");
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_CONTAINS(t.v->pin.pin_msg, "la clé de la borne manque");
	CHECK_INT(t.v->pin.pin_tries_left, 3);
	pinkey_set_random();
	t_close(&t);
}

/* An admin gives or changes a PIN at the kiosk: the member chosen in
** facilitator mode, the new PIN typed twice (6 digits proposed, 4 to 8
** taken); a facilitator who is no admin cannot. */
static void
test_pin_set(void)
{
	T t;
	BadgeUid uid;
	Member ines;
	int64_t chloe;
	int found = -1;

	t_open(&t, "pinset.db", "2024-12-10T09:12", LANG_FR);
	uid_parse("04C10E00", UID_DEC_LSB_FIRST, &uid, NULL, 0);
	CHECK_INT(member_add(t.st, "Chloé V.", ROLE_FACILITATOR, 0, &uid, NULL, 0,
	                     t.utc, &chloe), BORNE_OK);
	uid_parse(B_INES, UID_DEC_LSB_FIRST, &uid, NULL, 0);
	member_by_badge(t.st, &uid, &ines);

	/* A facilitator, not an admin: no PIN list, no PIN set. */
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_INT(t.v->fac.fac_is_admin, 0);
	CHECK_INT(t.v->fac.n_staff, 0);
	t_act(&t, ACT_FAC_TAB, FAC_PINS);
	CHECK(t.v->fac.fac_tab != FAC_PINS);
	CHECK_STR(t.v->toast, "Seule l’administration peut donner un code.");
	t_act(&t, ACT_PIN_SET, chloe);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	t_act(&t, ACT_HOME, 0);

	/* An admin: the staff and who has a PIN. */
	t_badge(&t, B_YASMINE);
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "4321");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_INT(t.v->fac.fac_is_admin, 1);
	t_act(&t, ACT_FAC_TAB, FAC_PINS);
	CHECK_INT(t.v->fac.fac_tab, FAC_PINS);
	CHECK(t.v->fac.n_staff >= 3);            /* Bernard, Chloé, Yasmine... */
	for (int i = 0; i < t.v->fac.n_staff; i++)
		if (t.v->fac.staff[i].member_id == chloe)
			found = i;
	CHECK(found >= 0);
	if (found >= 0)
		CHECK_INT(t.v->fac.staff_has_pin[found], 0);
	t_act(&t, ACT_PIN_SET, ines.id);     /* a cooperator has no PIN */
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_CONTAINS(t.v->toast, "Seules l’équipe d’animation");

	t_act(&t, ACT_PIN_SET, chloe);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_setting, 1);
	CHECK_INT(t.v->pin.pin_digits, 6);
	CHECK_STR(t.v->pin.pin_title, "Code de Chloé V.");
	CHECK_STR(t.v->pin.pin_prompt, "Tapez 6 chiffres (de 4 à 8).");
	pin(&t, "12");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_STR(t.v->pin.pin_msg, "Le code doit avoir de 4 à 8 chiffres.");
	CHECK_INT(t.v->pin.pin_setting, 1);
	t_act(&t, ACT_PIN_ERASE, 0);
	t_act(&t, ACT_PIN_ERASE, 0);
	pin(&t, "135790");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->pin.pin_setting, 2);
	CHECK_INT(t.v->pin.pin_len, 0);
	CHECK_STR(t.v->pin.pin_prompt, "Tapez le même code encore une fois.");
	pin(&t, "135791");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->pin.pin_setting, 1);
	CHECK_STR(t.v->pin.pin_msg, "Les deux codes sont différents. Recommencez.");
	CHECK_INT(audited(t.st, "member.pin", 0) + audited(t.st, "pin.fail", 0), 0);
	pin(&t, "135790");
	t_act(&t, ACT_PIN_OK, 0);
	pin(&t, "135790");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_INT(t.v->fac.fac_tab, FAC_PINS);
	CHECK_STR(t.v->toast, "Code enregistré pour Chloé V.");
	if (found >= 0)
		CHECK_INT(t.v->fac.staff_has_pin[found], 1);
	{
		Member y;

		uid_parse(B_YASMINE, UID_DEC_LSB_FIRST, &uid, NULL, 0);
		member_by_badge(t.st, &uid, &y);
		CHECK_INT(audited(t.st, "member.pin", y.id), 1);
	}
	/* "Retour" from the PIN pad goes back to the list, nothing saved. */
	t_act(&t, ACT_PIN_SET, chloe);
	pin(&t, "2468");
	t_act(&t, ACT_BACK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_INT(t.v->fac.fac_tab, FAC_PINS);
	t_act(&t, ACT_HOME, 0);

	/* A facilitator the admin enrols now gets their PIN at once. */
	t_badge(&t, B_YASMINE);
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "4321");
	t_act(&t, ACT_PIN_OK, 0);
	t_act(&t, ACT_ENROL, 0);
	t_badge(&t, "04C0FFEE112233");
	CHECK_INT(t.v->enrol.enrolling, 1);
	t_text(&t, "Zoé");
	t_act(&t, ACT_FIELD, ENROL_FIELD_INITIAL);
	t_text(&t, "K");
	t_act(&t, ACT_ENROL_MINOR, 0);
	t_act(&t, ACT_SET_ROLE, ROLE_FACILITATOR);
	t_act(&t, ACT_ENROL_SAVE, 0);
	CHECK_INT(t.v->screen, SCREEN_PIN);
	CHECK_INT(t.v->pin.pin_setting, 1);
	CHECK_STR(t.v->pin.pin_title, "Code de Zoé K.");
	pin(&t, "112233");
	t_act(&t, ACT_PIN_OK, 0);
	pin(&t, "112233");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_STR(t.v->toast, "Code enregistré pour Zoé K.");
	t_act(&t, ACT_HOME, 0);
	t_badge(&t, "04C0FFEE112233");
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "112233");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_STR(t.v->first_name, "Zoé");
	t_act(&t, ACT_HOME, 0);

	/* Chloé's new PIN opens facilitator mode. */
	t_badge(&t, "04C10E00");
	t_act(&t, ACT_FACILITATOR, 0);
	CHECK_STR(t.v->pin.pin_msg, "");
	pin(&t, "135790");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_STR(t.v->first_name, "Chloé");
	t_close(&t);
}

/* "Ouvrir l'administration sur un ordinateur": a code for this
** facilitator and the address, a secret wiped when the kiosk goes idle;
** "Fermer toutes les sessions web" ends them. */
static void
test_web_code(void)
{
	char code[WEBAUTH_CODE_SIZE], token[WEBAUTH_TOKEN_SIZE];
	int64_t actor = 0, fac_id;
	T t;

	t_open(&t, "webcode.db", "2024-12-10T09:12", LANG_FR);
	t_badge(&t, B_BERNARD);
	t_act(&t, ACT_FACILITATOR, 0);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	fac_id = t.v->member.id;
	t_act(&t, ACT_WEB_CODE, 0);
	CHECK_INT(t.v->fac.fac_tab, FAC_WEB);
	CHECK_INT((int)strlen(t.v->fac.web_code), 9);
	CHECK(strncmp(t.v->fac.web_url, "http://", 7) == 0);
	CHECK_CONTAINS(t.v->fac.web_url, ":8080");
	CHECK_INT(audited(t.st, "web.code", fac_id), 1);
	snprintf(code, sizeof code, "%s", t.v->fac.web_code);
	CHECK_INT(webauth_login(t.st, code, "test", t.utc, token, &actor),
	          BORNE_OK);
	CHECK_INT(actor, fac_id);
	t_act(&t, ACT_WEB_END, 0);
	CHECK_STR(t.v->fac.web_msg, "Sessions web fermées : 1");
	CHECK_INT(webauth_session(t.st, token, t.utc, &actor), BORNE_ENOTFOUND);
	/* A code left on the screen goes with the facilitator. */
	t_act(&t, ACT_WEB_CODE, 0);
	CHECK(t.v->fac.web_code[0] != '\0');
	t_wait_ms(&t, 120000);
	CHECK(t.v->screen != SCREEN_FACILITATOR);
	CHECK_INT(t.v->fac.web_code[0], '\0');
	t_close(&t);

	/* borne-web with a certificate: the address people type says https. */
	{
		AppConfig cfg;

		app_config_defaults(&cfg);
		cfg.lang = LANG_FR;
		cfg.idle_timeout_ms = 60000;
		cfg.web_tls = 1;
		snprintf(cfg.web_listen, sizeof cfg.web_listen, "192.168.1.20:8443");
		t_open_cfg(&t, "webtls.db", "2024-12-10T09:12", &cfg);
		t_badge(&t, B_BERNARD);
		t_act(&t, ACT_FACILITATOR, 0);
		pin(&t, "1234");
		t_act(&t, ACT_PIN_OK, 0);
		t_act(&t, ACT_WEB_CODE, 0);
		CHECK_STR(t.v->fac.web_url, "https://192.168.1.20:8443");
		t_close(&t);
	}
}

/* A kiosk alone says nothing of a hub; one that syncs with a hub and
** has not for hours says since when, for facilitators (docs/sync.md). */
static void
test_sync_stale(void)
{
	T t;
	char sql[128];

	t_open(&t, "sync.db", "2026-03-04T10:00", LANG_FR);
	CHECK_STR(t.v->sync_status, "");
	/* borne-admin sync, two days ago; the kiosk sees it at its minute */
	snprintf(sql, sizeof sql, "UPDATE sync_state SET synced_utc = %lld",
	         (long long)fx_t("2026-03-02T18:30"));
	CHECK_INT(sqlite3_exec(store_db(t.st), sql, NULL, NULL, NULL), SQLITE_OK);
	t_wait_ms(&t, 60000);
	CHECK_STR(t.v->sync_status, "Pas synchronisée depuis 2026-03-02");
	/* the same day: the hour (short, for the narrow panel) */
	snprintf(sql, sizeof sql, "UPDATE sync_state SET synced_utc = %lld",
	         (long long)fx_t("2026-03-04T08:30"));
	CHECK_INT(sqlite3_exec(store_db(t.st), sql, NULL, NULL, NULL), SQLITE_OK);
	t_wait_ms(&t, 60000);
	CHECK_STR(t.v->sync_status, "Pas synchronisée depuis 8 h 30");
	/* synced a minute ago: nothing to say */
	snprintf(sql, sizeof sql, "UPDATE sync_state SET synced_utc = %lld",
	         (long long)t.utc);
	CHECK_INT(sqlite3_exec(store_db(t.st), sql, NULL, NULL, NULL), SQLITE_OK);
	t_wait_ms(&t, 60000);
	CHECK_STR(t.v->sync_status, "");
	t_close(&t);
}

int
main(void)
{
	fx_setup();
	timeutil_init();
	test_enrol_unknown();
	test_pin_lock();
	test_pin_short();
	test_facilitator_mode();
	test_enrol_from_facilitator();
	test_enrol_then_approve();
	test_open_day();
	test_pin_lock_stored();
	test_pin_lock_same_boot();
	test_pin_none();
	test_pin_set();
	test_web_code();
	test_sync_stale();
	return check_done();
}
