/* test_app_errors.c -- a read that fails says so (issue 10, "Errors
** shown"): the calm line on screen, the reason in facilitator mode and
** once in the journal, never an empty board or "0 présents"; and a tap
** whose commit went through is never "Passage non enregistré", whatever
** happens when its details are read back. The failures are injected with
** store_fault_reads_like. */
#include "check.h"
#include "core_fixture.h"
#include "app_fixture.h"

#include <fcntl.h>
#include <unistd.h>

#include "checkin.h"
#include "i18n.h"

#define PROBLEM_FR "La borne a un problème, prévenez l’équipe d’animation."
#define SQL_MISSIONS "FROM missions"
#define SQL_PRESENT  "WHERE out_utc IS NULL AND in_utc"
#define SQL_HOURS    "SUM(MAX(COALESCE(out_utc"

static void pin(T *t, const char *digits);
static int  journal_lines(const char *path, const char *needle);
static void test_board_read_fails(void);
static void test_accueil_present_fails(void);
static void test_facilitator_reason(void);
static void test_journal_once(void);
static void test_tap_saved_read_back_fails(void);
static void test_english(void);
static void test_mission_detail(void);

static void
pin(T *t, const char *digits)
{
	for (const char *p = digits; *p != '\0'; p++)
		t_act(t, ACT_PIN_DIGIT, *p - '0');
}

/* Lines of the file at path holding needle. */
static int
journal_lines(const char *path, const char *needle)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	int n = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strstr(line, needle) != NULL)
			n++;
	fclose(f);
	return n;
}

/* The board cannot be read: the message, not an empty board; back to
** normal once the reads work again. */
static void
test_board_read_fails(void)
{
	T t;

	t_open(&t, "err_board.db", "2024-12-10T10:00", LANG_FR);
	t_act(&t, ACT_BOARD, 0);
	CHECK_INT(t.v->screen, SCREEN_BOARD);
	CHECK(t.v->board.n_cards > 0);
	CHECK_STR(t.v->problem, "");
	store_fault_reads_like(t.st, BORNE_EIO, SQL_MISSIONS);
	t_act(&t, ACT_FILTER, -1);
	CHECK_INT(t.v->board.n_cards, 0);
	CHECK_STR(t.v->problem, PROBLEM_FR);
	/* Nobody in facilitator mode: no reason shown. */
	CHECK_STR(t.v->problem_detail, "");
	/* Searching does not hide it either. */
	t_text(&t, "p");
	CHECK_STR(t.v->board.search.text, "p");
	CHECK_STR(t.v->problem, PROBLEM_FR);
	t_key(&t, APP_KEY_BACKSPACE);
	CHECK_STR(t.v->board.search.text, "");
	CHECK_STR(t.v->problem, PROBLEM_FR);
	store_fault_reads(t.st, 0);
	t_act(&t, ACT_FILTER, -1);
	CHECK(t.v->board.n_cards > 0);
	CHECK_STR(t.v->problem, "");
	/* Accueil's newest missions too. */
	store_fault_reads_like(t.st, BORNE_EIO, SQL_MISSIONS);
	t_act(&t, ACT_HOME, 0);
	CHECK_INT(t.v->screen, SCREEN_ACCUEIL);
	CHECK_INT(t.v->accueil.n_news, 0);
	CHECK_STR(t.v->problem, PROBLEM_FR);
	store_fault_reads(t.st, 0);
	t_close(&t);
}

/* Who is here cannot be counted: never "Personne pour l'instant". */
static void
test_accueil_present_fails(void)
{
	T t;

	t_open(&t, "err_present.db", "2024-12-10T10:00", LANG_FR);
	store_fault_reads_like(t.st, BORNE_EIO, SQL_PRESENT);
	t_act(&t, ACT_LANG, LANG_FR);           /* reloads */
	CHECK_STR(t.v->present_text, "");
	CHECK_INT(t.v->present_count, 0);
	CHECK_STR(t.v->problem, PROBLEM_FR);
	store_fault_reads(t.st, 0);
	t_act(&t, ACT_LANG, LANG_FR);
	CHECK(t.v->present_text[0] != '\0');
	CHECK_STR(t.v->problem, "");
	t_close(&t);
}

/* In facilitator mode the reason shows too. */
static void
test_facilitator_reason(void)
{
	T t;

	t_open(&t, "err_fac.db", "2024-12-10T10:00", LANG_FR);
	t_act(&t, ACT_FACILITATOR, 0);
	t_badge(&t, B_BERNARD);
	pin(&t, "1234");
	t_act(&t, ACT_PIN_OK, 0);
	CHECK_INT(t.v->screen, SCREEN_FACILITATOR);
	CHECK_STR(t.v->problem, "");
	store_fault_reads_like(t.st, BORNE_EIO, SQL_MISSIONS);
	t_act(&t, ACT_FAC_TAB, FAC_PENDING);
	CHECK_INT(t.v->fac.n_pending, 0);
	CHECK_STR(t.v->problem, PROBLEM_FR);
	CHECK_CONTAINS(t.v->problem_detail, "mission_search");
	CHECK_CONTAINS(t.v->problem_detail, "fault hook");
	store_fault_reads(t.st, 0);
	t_act(&t, ACT_FAC_TAB, FAC_PRESENT);
	CHECK_STR(t.v->problem, "");
	CHECK_STR(t.v->problem_detail, "");
	t_close(&t);
}

/* The reason goes to stderr once, not at every reload; again after the
** reads worked in between. */
static void
test_journal_once(void)
{
	T t;
	char path[512];
	int saved, fd;

	t_open(&t, "err_journal.db", "2024-12-10T10:00", LANG_FR);
	snprintf(path, sizeof path, "%s.journal", t.name);
	fflush(stderr);
	saved = dup(2);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	dup2(fd, 2);
	store_fault_reads_like(t.st, BORNE_EIO, SQL_MISSIONS);
	for (int i = 0; i < 5; i++)
		t_act(&t, ACT_LANG, LANG_FR);
	t_wait_ms(&t, 60000);                   /* two minutes of ticks */
	t_wait_ms(&t, 60000);
	store_fault_reads(t.st, 0);
	t_act(&t, ACT_LANG, LANG_FR);
	store_fault_reads_like(t.st, BORNE_EIO, SQL_MISSIONS);
	t_act(&t, ACT_LANG, LANG_FR);
	store_fault_reads(t.st, 0);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fd);
	CHECK_INT(journal_lines(path, "read failed: mission_search"), 2);
	unlink(path);
	t_close(&t);
}

/* The tap is committed, then reading back its hours fails: it is saved,
** so it is greeted, with the problem said, never "non enregistré". */
static void
test_tap_saved_read_back_fails(void)
{
	T t;
	int before = 0, after = 0;

	t_open(&t, "err_tap.db", "2024-12-10T10:00", LANG_FR);
	checkin_present_count(t.st, t.utc, &before);
	store_fault_reads_like(t.st, BORNE_EIO, SQL_HOURS);
	t_badge(&t, B_INES);
	CHECK_INT(t.v->screen, SCREEN_BADGE_RESULT);
	CHECK_INT(t.v->result.result_error, 0);
	CHECK_STR(t.v->result.greeting, "Bonjour Inès !");
	CHECK_STR(t.v->result.greeting_detail, "Arrivée enregistrée à 10 h 00");
	CHECK_INT(t.v->cue, CUE_SUCCESS);
	CHECK_INT(t.v->has_member, 1);
	CHECK_STR(t.v->problem, PROBLEM_FR);
	store_fault_reads(t.st, 0);
	checkin_present_count(t.st, t.utc, &after);
	CHECK_INT(after, before + 1);
	/* The departure: its hours cannot be read, the rest is said. */
	t_act(&t, ACT_HOME, 0);
	t_later(&t, 3600);
	store_fault_reads_like(t.st, BORNE_EIO, SQL_HOURS);
	t_badge(&t, B_INES);
	CHECK_INT(t.v->result.result_error, 0);
	CHECK_STR(t.v->result.greeting, "À bientôt Inès !");
	CHECK_STR(t.v->result.greeting_detail, "");
	CHECK_CONTAINS(t.v->result.greeting_extra, "11 h 00");
	CHECK_STR(t.v->problem, PROBLEM_FR);
	store_fault_reads(t.st, 0);
	checkin_present_count(t.st, t.utc, &after);
	CHECK_INT(after, before);
	/* Over a busy screen, the message says it was saved too. */
	t_close(&t);
}

/* Whether the member holds a take cannot be read: said, not guessed. */
static void
test_mission_detail(void)
{
	T t;

	t_open(&t, "err_detail.db", "2024-12-10T10:00", LANG_FR);
	t_badge(&t, B_INES);
	t_act(&t, ACT_BOARD, 0);
	CHECK(t.v->board.n_cards > 0);
	store_fault_reads_like(t.st, BORNE_EIO, "FROM mission_takes WHERE mission_id");
	t_act(&t, ACT_OPEN_MISSION, t.v->board.cards[0].id);
	CHECK_INT(t.v->screen, SCREEN_MISSION);
	CHECK_STR(t.v->problem, PROBLEM_FR);
	store_fault_reads(t.st, 0);
	t_act(&t, ACT_LANG, LANG_FR);
	CHECK_STR(t.v->problem, "");
	t_close(&t);
}

static void
test_english(void)
{
	T t;

	t_open(&t, "err_en.db", "2024-12-10T10:00", LANG_EN);
	store_fault_reads_like(t.st, BORNE_EIO, SQL_MISSIONS);
	t_act(&t, ACT_BOARD, 0);
	CHECK_STR(t.v->problem, tr(LANG_EN, "app.problem"));
	CHECK(strcmp(t.v->problem, PROBLEM_FR) != 0);
	store_fault_reads(t.st, 0);
	t_close(&t);
}

int
main(void)
{
	fx_setup();
	test_board_read_fails();
	test_accueil_present_fails();
	test_facilitator_reason();
	test_journal_once();
	test_tap_saved_read_back_fails();
	test_english();
	test_mission_detail();
	return check_done();
}
