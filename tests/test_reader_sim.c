/* test_reader_sim.c -- the FIFO reader used by --demo, spec parsing, the
** "none" reader, and the reader thread's presence rules on top of them. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "reader.h"
#include "reader_impl.h"
#include "reader_test_util.h"

#define WAIT_MS 5000

static char dir[64], fifo[128];

static void say(const char *text);
static void test_specs(void);
static void test_none(void);
static void test_sim_sync(void);
static void test_sim_thread(void);
static void test_sim_wait(void);
static void *later_say(void *arg);
static void *later_abort(void *arg);
static void test_sim_stop_race(void);
static void test_sim_deadline(void);
static void on_alarm(int sig);

/* Writes text to the FIFO as a separate writer would (open, write, close).
** A blocking open waits until the reader has the FIFO open. */
static void
say(const char *text)
{
	int fd = open(fifo, O_WRONLY);   /* waits for the reader, as echo does */

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK_INT(write(fd, text, strlen(text)), strlen(text));
	close(fd);
}

static void
test_specs(void)
{
	Reader *r = (Reader *)1;
	char err[200];

	CHECK_INT(reader_new("bogus", NULL, &r, err, sizeof err), BORNE_EINVAL);
	CHECK(r == NULL);
	CHECK_CONTAINS(err, "unknown reader \"bogus\"");
	CHECK_CONTAINS(err, "libnfc[:CONNSTRING], wedge:DEVICE, sim:FIFO or none");
	CHECK_INT(reader_new("sim:", NULL, &r, err, sizeof err), BORNE_EINVAL);
	CHECK_INT(reader_new("wedge:", NULL, &r, err, sizeof err), BORNE_EINVAL);
	CHECK_INT(reader_new(NULL, NULL, &r, err, sizeof err), BORNE_EINVAL);
	CHECK_INT(reader_new("libnfc", NULL, &r, err, sizeof err), BORNE_OK);
	CHECK_STR(reader_name(r), "libnfc");
	reader_free(r);
	CHECK_INT(reader_new("wedge:/dev/input/event0", NULL, &r, err, sizeof err),
	          BORNE_OK);
	CHECK_STR(reader_name(r), "wedge");
	reader_free(r);
	reader_free(NULL);
	reader_close(NULL);
	CHECK_INT(reader_poll(NULL, NULL, 0), BORNE_EINVAL);
}

static void
test_none(void)
{
	Reader *r = NULL;
	BadgeUid uid;
	char err[200];

	CHECK_INT(reader_new("none", NULL, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_poll(r, &uid, 0), BORNE_ELOST);   /* not open */
	CHECK_INT(reader_open(r), BORNE_OK);
	CHECK_INT(reader_poll(r, &uid, 20), 0);
	reader_abort(r);             /* an aborted poll returns at once */
	CHECK_INT(reader_poll(r, &uid, 60000), 0);
	reader_free(r);
	CHECK_INT(reader_new("none:x", NULL, &r, err, sizeof err), BORNE_EINVAL);
}

static void
test_sim_sync(void)
{
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = 150 };
	Reader *r = NULL;
	BadgeUid uid;
	struct stat st;
	char err[200], hex[UID_HEX_SIZE], spec[200], plain[160];
	int fd;

	printf("sim, synchronous\n");
	/* A regular file in the way is refused. */
	snprintf(plain, sizeof plain, "%s/plain", dir);
	fd = open(plain, O_CREAT | O_WRONLY, 0600);
	close(fd);
	snprintf(spec, sizeof spec, "sim:%s", plain);
	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_open(r), BORNE_EINVAL);
	CHECK_CONTAINS(reader_errmsg(r), "is not a FIFO");
	reader_free(r);

	snprintf(spec, sizeof spec, "sim:%s", fifo);
	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_open(r), BORNE_OK);
	CHECK_INT(stat(fifo, &st), 0);
	CHECK(S_ISFIFO(st.st_mode));          /* created when missing */
	CHECK_INT(reader_poll(r, &uid, 0), 0);

	say("04a1b2c3\n");
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 1);
	uid_format(&uid, hex);
	CHECK_STR(hex, "04A1B2C3");
	CHECK_INT(reader_poll(r, &uid, 0), 1);      /* still on the reader */
	say("remove\n");
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 0);
	CHECK_INT(uid.len, 0);

	/* Malformed lines are skipped with a message; the next one works. */
	say("not a badge\n\n  \n04:11:22:33:44:55:66\n");
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 1);
	uid_format(&uid, hex);
	CHECK_STR(hex, "04112233445566");
	CHECK_CONTAINS(reader_errmsg(r), "ignored \"not a badge\"");

	/* The same UID again is a new tap: lifted, then put down. */
	say("04112233445566\n");
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 0);
	CHECK_INT(reader_poll(r, &uid, 0), 1);

	/* Lines split across writes, several lines in one write, the 10-digit
	** decimal form of a wedge. */
	say("27128");
	say("47316\nremove\n");
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 0);   /* lift the old one */
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 1);
	uid_format(&uid, hex);
	CHECK_STR(hex, "D4C3B2A1");                     /* 0xA1B2C3D4 LSB first */
	CHECK_INT(reader_poll(r, &uid, WAIT_MS), 0);   /* remove */

	/* An overlong line is dropped whole. */
	{
		char longline[700];
		memset(longline, '1', sizeof longline - 2);
		longline[sizeof longline - 2] = '\n';
		longline[sizeof longline - 1] = '\0';
		say(longline);
		say("CAFEBABE\n");
		CHECK_INT(reader_poll(r, &uid, WAIT_MS), 1);
		uid_format(&uid, hex);
		CHECK_STR(hex, "CAFEBABE");
	}
	reader_close(r);
	/* Reopen keeps working on the existing FIFO. */
	CHECK_INT(reader_open(r), BORNE_OK);
	CHECK_INT(reader_poll(r, &uid, 0), 0);
	reader_free(r);
}

static void
test_sim_thread(void)
{
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = 50 };
	Reader *r = NULL;
	ReaderThread *t = NULL;
	ReaderEvent ev;
	char err[200], spec[200], hex[UID_HEX_SIZE];

	printf("sim, on the reader thread\n");
	snprintf(spec, sizeof spec, "sim:%s", fifo);
	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_thread_start(r, rtu_wake, NULL, &t), BORNE_OK);
	say("04A1B2C3\n");
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	uid_format(&ev.uid, hex);
	CHECK_STR(hex, "04A1B2C3");
	CHECK(ev.at_ms > 0);
	say("04A1B2C3\n");           /* tapped again: out, then in */
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	say("DEADBEEF\n");           /* another badge replaces it */
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	uid_format(&ev.uid, hex);
	CHECK_STR(hex, "04A1B2C3");
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	uid_format(&ev.uid, hex);
	CHECK_STR(hex, "DEADBEEF");
	/* Writers coming and going (the FIFO's hiccup: a script that closes
	** and reopens it) are no tap: the next event is the removal. */
	for (int i = 0; i < 3; i++) {
		int fd = open(fifo, O_WRONLY);
		CHECK(fd >= 0);
		if (fd >= 0)
			close(fd);
	}
	say("remove\n");
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	CHECK_INT(reader_thread_next(t, &ev), 0);
	reader_thread_stop(t);
	reader_thread_stop(NULL);

	/* A reader that cannot open is reported lost once, with the reason. */
	CHECK_INT(reader_new("sim:/nonexistent-dir/fifo", &opt, &r, err,
	                     sizeof err), BORNE_OK);
	CHECK_INT(reader_thread_start(r, rtu_wake, NULL, &t), BORNE_OK);
	CHECK(reader_test_expect(t, READER_EV_LOST, &ev, WAIT_MS));
	CHECK_CONTAINS(ev.detail, "cannot create FIFO /nonexistent-dir/fifo");
	reader_thread_stop(t);
}

/* From another thread, a moment later: a badge line / an abort. No
** CHECK here (the counters are the main thread's): the line is written
** whole or later_said stays 0, checked after the join. */
static int later_said;

static void *
later_say(void *arg)
{
	const char *text = arg;
	int fd;

	usleep(150 * 1000);
	later_said = 0;
	if ((fd = open(fifo, O_WRONLY)) < 0)
		return NULL;
	later_said = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
	close(fd);
	return NULL;
}

static void *
later_abort(void *arg)
{
	usleep(150 * 1000);
	reader_abort(arg);
	return NULL;
}

/* Given -1, the sim reader waits for its news with no limit (so the
** reader thread of an idle kiosk sleeps): a line written later is seen
** by that one call, and reader_abort() ends it. */
static void
test_sim_wait(void)
{
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = 150 };
	Reader *r = NULL;
	BadgeUid uid;
	pthread_t th;
	char err[200], hex[UID_HEX_SIZE], spec[200];

	printf("sim, waiting for news\n");
	snprintf(spec, sizeof spec, "sim:%s", fifo);
	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_open(r), BORNE_OK);
	CHECK_INT(pthread_create(&th, NULL, later_say, "04A1B2C3\n"), 0);
	CHECK_INT(reader_poll(r, &uid, -1), 1);
	pthread_join(th, NULL);
	CHECK(later_said);
	uid_format(&uid, hex);
	CHECK_STR(hex, "04A1B2C3");
	CHECK_INT(pthread_create(&th, NULL, later_say, "remove\n"), 0);
	CHECK_INT(reader_poll(r, &uid, -1), 0);
	pthread_join(th, NULL);
	CHECK(later_said);
	CHECK_INT(pthread_create(&th, NULL, later_abort, r), 0);
	CHECK_INT(reader_poll(r, &uid, -1), 0);     /* aborted: nothing on it */
	pthread_join(th, NULL);
	reader_free(r);
}

static void
on_alarm(int sig)
{
	static const char msg[] = "FAIL: a reader poll or stop hung (watchdog)\n";
	ssize_t n = write(2, msg, sizeof msg - 1);

	(void)sig;
	(void)n;
	_exit(1);
}

/* Stopping a thread that waits for news must never hang, wherever the
** thread is. The window that used to lose the stop: the thread has seen
** no stop yet, then reader_open() drained the abort that
** reader_thread_stop() had just written, and the poll waited forever.
** Starting and stopping at once lands there now and then; done many
** times, with a watchdog that fails the test instead of hanging it. */
static void
test_sim_stop_race(void)
{
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = 150 };
	const char *env = getenv("BORNE_LONG");
	int rounds = env != NULL && env[0] == '1' ? 5000 : 400;
	char err[200], spec[200];

	printf("sim, stopped at once, %d times\n", rounds);
	snprintf(spec, sizeof spec, "sim:%s", fifo);
	signal(SIGALRM, on_alarm);
	for (int i = 0; i < rounds; i++) {
		Reader *r = NULL;
		ReaderThread *t = NULL;
		CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
		CHECK_INT(reader_thread_start(r, NULL, NULL, &t), BORNE_OK);
		if (i % 2 == 1)
			sched_yield();   /* let it reach its open now and then */
		alarm(20);
		reader_thread_stop(t);
		alarm(0);
	}
	signal(SIGALRM, SIG_DFL);
}

/* A poll whose deadline has passed returns: the sim reader once took a
** deadline missed by a millisecond (the clock ticked between setting it
** and waiting) for "no limit", and a poll of 0 ms then never came back
** on a loaded machine. Polls of 0 and 1 ms across a few hundred clock
** ticks, under the watchdog. */
static void
test_sim_deadline(void)
{
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = 150 };
	Reader *r = NULL;
	BadgeUid uid;
	char err[200], spec[200];
	struct timespec t0, t1;
	long n = 0;

	printf("sim, deadlines passed while polling\n");
	/* The rule itself, at fixed times: only -1 is "no limit". */
	CHECK_INT(reader_left_ms(-1, reader_now_ms() + 1000), -1);
	CHECK_INT(reader_left_ms(0, reader_now_ms() - 1), 0);
	CHECK_INT(reader_left_ms(5, reader_now_ms() - 3), 0);
	CHECK(reader_left_ms(60000, reader_now_ms() + 60000) > 50000);
	CHECK(reader_left_ms(60000, reader_now_ms() + 60000) <= 60000);
	snprintf(spec, sizeof spec, "sim:%s", fifo);
	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_open(r), BORNE_OK);
	signal(SIGALRM, on_alarm);
	alarm(20);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		CHECK_INT(reader_poll(r, &uid, (int)(n++ & 1)), 0);
		clock_gettime(CLOCK_MONOTONIC, &t1);
	} while ((t1.tv_sec - t0.tv_sec) * 1000 +
	         (t1.tv_nsec - t0.tv_nsec) / 1000000 < 300);
	alarm(0);
	signal(SIGALRM, SIG_DFL);
	reader_free(r);
}

int
main(void)
{
	char cmd[128];

	snprintf(dir, sizeof dir, "/tmp/borne-sim-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(fifo, sizeof fifo, "%s/badges.fifo", dir);
	test_specs();
	test_none();
	test_sim_sync();
	test_sim_deadline();
	test_sim_thread();
	test_sim_wait();
	test_sim_stop_race();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
