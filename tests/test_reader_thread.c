/* test_reader_thread.c -- the reader thread's presence rules, on a
** scripted driver. Each poll takes the next step of a script ("A": badge
** A alone, "A B": two at once, "-": none, "lost": the device fails,
** "nopen": the reopen fails once), so the events can be compared exactly,
** without timing: a badge lying there through a loss is no new tap, it
** counts again once seen absent; two badges at once give one SEVERAL and
** no arrival, however the second one flickers. Runs under TSan too
** (scripts/test.sh --tsan): the script is handed over under a mutex. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "reader.h"
#include "reader_impl.h"
#include "reader_test_util.h"

#define WAIT_MS   20000
#define MAX_STEPS 64

typedef struct Script {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	const char *step[MAX_STEPS];
	int n, next;
	int waiting;                 /* the driver waits for a step */
} Script;

static Script sc = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                     { NULL }, 0, 0, 0 };

static int scr_open(Reader *r, const char *arg);
static int scr_poll(Reader *r, BadgeUid *uid, int timeout_ms);
static void scr_close(Reader *r);
static const char *scr_take(Reader *r, int only_open);
static void run(const char *name, const char *const *steps, const char *want);

static const ReaderOps scripted = {
	.name = "scripted",
	.open = scr_open,
	.poll = scr_poll,
	.close = scr_close,
	.abort = NULL,
};

/* The next step, waiting for one (abortably). With only_open, takes it
** only if it is "nopen". NULL when aborted. */
static const char *
scr_take(Reader *r, int only_open)
{
	const char *s = NULL;

	for (;;) {
		pthread_mutex_lock(&sc.mu);
		if (sc.next < sc.n) {
			s = sc.step[sc.next];
			if (only_open && strcmp(s, "nopen") != 0)
				s = "";
			else
				sc.next++;
			sc.waiting = 0;
		} else {
			sc.waiting = 1;
			pthread_cond_broadcast(&sc.cv);
		}
		pthread_mutex_unlock(&sc.mu);
		if (s != NULL)
			return s;
		if (only_open)
			return "";
		if (reader_wait(r, -1, 5, NULL) == -1)
			return NULL;
	}
}

static int
scr_open(Reader *r, const char *arg)
{
	(void)arg;
	if (strcmp(scr_take(r, 1), "nopen") == 0)
		return reader_fail(r, BORNE_ELOST, "scripted: cannot open");
	r->absent_polls_to_remove = 2;
	return BORNE_OK;
}

static int
scr_poll(Reader *r, BadgeUid *uid, int timeout_ms)
{
	const char *s = scr_take(r, 0);
	char a[16] = "", b[16] = "";
	int n;

	(void)timeout_ms;
	if (s == NULL || strcmp(s, "-") == 0)
		return 0;
	if (strcmp(s, "lost") == 0)
		return reader_fail(r, BORNE_ELOST, "scripted: gone");
	n = sscanf(s, "%15s %15s", a, b);
	/* Badge "A" is 0A0A0A0A, "B" 0B0B0B0B... */
	for (int i = 0; i < n && i < READER_POLL_MAX; i++) {
		uint8_t v = (uint8_t)((i == 0 ? a[0] : b[0]) - 'A' + 0x0A);
		uint8_t bytes[4] = { v, v, v, v };
		uid_from_bytes(bytes, 4, &uid[i]);
	}
	return n;
}

static void
scr_close(Reader *r)
{
	(void)r;
}

/* Runs steps on a fresh thread; the events, as "ARRIVED:A LOST ...",
** must be want. */
static void
run(const char *name, const char *const *steps, const char *want)
{
	Reader *r = NULL;
	ReaderThread *t = NULL;
	ReaderEvent ev;
	char got[512] = "", err[100];
	int done;

	printf("%s\n", name);
	pthread_mutex_lock(&sc.mu);
	sc.n = sc.next = 0;
	sc.waiting = 0;
	while (steps[sc.n] != NULL && sc.n < MAX_STEPS) {
		sc.step[sc.n] = steps[sc.n];
		sc.n++;
	}
	pthread_mutex_unlock(&sc.mu);
	CHECK_INT(reader_new("none", NULL, &r, err, sizeof err), BORNE_OK);
	r->ops = &scripted;
	CHECK_INT(reader_thread_start(r, rtu_wake, NULL, &t), BORNE_OK);
	/* Until the driver waits after the last step: every event of the
	** script is then queued (an event is queued before the next poll). */
	pthread_mutex_lock(&sc.mu);
	while (!(sc.next == sc.n && sc.waiting)) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += WAIT_MS / 1000;
		if (pthread_cond_timedwait(&sc.cv, &sc.mu, &until) != 0)
			break;
	}
	done = sc.next == sc.n && sc.waiting;
	pthread_mutex_unlock(&sc.mu);
	CHECK(done);
	while (reader_thread_next(t, &ev)) {
		char hex[UID_HEX_SIZE], item[32];
		snprintf(item, sizeof item, "%s", rtu_name(ev.type));
		if (ev.type == READER_EV_ARRIVED || ev.type == READER_EV_REMOVED) {
			uid_format(&ev.uid, hex);
			hex[2] = '\0';      /* "0A" is badge A */
			snprintf(item, sizeof item, "%s:%c", rtu_name(ev.type),
			         (char)('A' + strtol(hex, NULL, 16) - 0x0A));
		}
		if (got[0] != '\0')
			strncat(got, " ", sizeof got - strlen(got) - 1);
		strncat(got, item, sizeof got - strlen(got) - 1);
	}
	reader_thread_stop(t);
	printf("  %s\n", got);
	CHECK_STR(got, want);
}

int
main(void)
{
	static const char *const left_on[] = {
		"A", "A", "A", "A", NULL };
	static const char *const hiccup[] = {
		"A", "A", "lost", "A", "A", "A", "-", "-", "A", NULL };
	static const char *const hiccup_reopen_fails[] = {
		"A", "lost", "nopen", "nopen", "A", "A", "-", "-", NULL };
	static const char *const lifted_while_lost[] = {
		"A", "lost", "-", "-", "A", NULL };
	static const char *const other_after_loss[] = {
		"A", "lost", "B", "B", NULL };
	static const char *const one_miss[] = {
		"A", "-", "A", "lost", "-", "A", NULL };
	static const char *const two_cards[] = {
		"A", "A B", "A B", "A B", "A", "A", "A", "-", "-", "A", NULL };
	static const char *const two_first_lifted[] = {
		"A", "A B", "B", "B", "B", "-", "-", "B", NULL };
	static const char *const two_flicker[] = {
		"A", "A B", "A", "A B", "A", "A B", "A", "A", "A B", NULL };
	static const char *const two_from_the_start[] = {
		"A B", "A B", "A", "A", "-", "-", "A", NULL };
	static const char *const two_then_lost[] = {
		"A", "A B", "lost", "A B", "A B", "-", "-", "B", NULL };

	run("a badge left on is one tap", left_on, "ARRIVED:A");
	run("lost and back with the badge on: no new tap", hiccup,
	    "ARRIVED:A LOST BACK REMOVED:A ARRIVED:A");
	run("reopen fails twice: one LOST, still no new tap", hiccup_reopen_fails,
	    "ARRIVED:A LOST BACK REMOVED:A");
	run("seen absent after the loss: removed, then a tap", lifted_while_lost,
	    "ARRIVED:A LOST BACK REMOVED:A ARRIVED:A");
	run("another badge after the loss replaces it", other_after_loss,
	    "ARRIVED:A LOST BACK REMOVED:A ARRIVED:B");
	run("one missed poll is not absence, even around a loss", one_miss,
	    "ARRIVED:A LOST BACK");
	run("two cards: one SEVERAL, no arrival", two_cards,
	    "ARRIVED:A SEVERAL REMOVED:A ARRIVED:A");
	run("two cards, the first lifted: the second counts once absent",
	    two_first_lifted, "ARRIVED:A SEVERAL REMOVED:A ARRIVED:B");
	run("the second card flickers: one SEVERAL; back after it left: one more",
	    two_flicker,
	    "ARRIVED:A SEVERAL SEVERAL");
	run("two cards from the start: no arrival until one was absent",
	    two_from_the_start, "SEVERAL ARRIVED:A");
	run("two cards through a loss: one SEVERAL", two_then_lost,
	    "ARRIVED:A SEVERAL LOST BACK REMOVED:A ARRIVED:B");
	return check_done();
}
