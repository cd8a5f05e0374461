/* test_reader_libnfc.c -- the libnfc driver against an emulated PN532.
** The real libnfc pn532_uart driver talks to tests/pn532_emu.c over a
** pty: badges of 4, 7 and 10 bytes placed and removed, a badge left on
** (one arrival), the reader unplugged and replugged with a badge on it
** (still one arrival; test_reader_hiccup.c has the long version),
** going silent, answering garbage, and the device lock held by another
** opener. Every wait is bounded; none of the bounds is an assertion. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "devlock.h"
#include "pn532_emu.h"
#include "reader.h"
#include "reader_test_util.h"

#define WAIT_MS 10000            /* bound on any single wait */

static char dir[64], link_path[128], spec[256];

static void setup_env(void);
static ReaderThread *start_thread(void);
static void test_sync_poll(Pn532Emu *e);
static void test_lock_held(void);
static void test_place_remove(Pn532Emu *e, const char *hex);
static void test_left_on(Pn532Emu *e);
static void test_unplug_replug(Pn532Emu *e);
static void test_silent(Pn532Emu *e);
static void test_garbage(Pn532Emu *e);
static int tty_exclusive(const char *pts);
static int64_t now_ms(void);

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* libnfc must not read the machine's libnfc.conf nor scan for devices. */
static void
setup_env(void)
{
	setenv("LIBNFC_AUTO_SCAN", "false", 1);
	setenv("LIBNFC_INTRUSIVE_SCAN", "false", 1);
	setenv("LIBNFC_LOG_LEVEL", "0", 1);
	setenv("LIBNFC_DEFAULT_DEVICE", "", 1);
	snprintf(dir, sizeof dir, "/tmp/borne-nfc-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	setenv("BORNE_LOCK_DIR", dir, 1);
	snprintf(link_path, sizeof link_path, "%s/ttyEMU", dir);
	snprintf(spec, sizeof spec, "libnfc:pn532_uart:%s:115200", link_path);
}

static ReaderThread *
start_thread(void)
{
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = 150 };
	Reader *r = NULL;
	ReaderThread *t = NULL;
	char err[200];

	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_thread_start(r, rtu_wake, NULL, &t), BORNE_OK);
	return t;
}

/* TIOCGEXCL on the pty: 1 exclusive, 0 not, -1 unknown. Root may open an
** exclusive tty, so the test can look. */
static int
tty_exclusive(const char *pts)
{
	int fd = open(pts, O_RDWR | O_NOCTTY | O_NONBLOCK), on = -1;

	if (fd < 0)
		return -1;
#ifdef TIOCGEXCL
	if (ioctl(fd, TIOCGEXCL, &on) != 0)
		on = -1;
#endif
	close(fd);
	return on;
}

static void
test_sync_poll(Pn532Emu *e)
{
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = 20 };
	Reader *r = NULL;
	BadgeUid uid;
	char err[200], hex[UID_HEX_SIZE], pts[128];

	printf("sync poll\n");
	CHECK_INT(reader_new(spec, &opt, &r, err, sizeof err), BORNE_OK);
	CHECK_STR(reader_name(r), "libnfc");
	CHECK_INT(reader_open(r), BORNE_OK);
	CHECK_STR(reader_errmsg(r), "");
	CHECK_INT(reader_poll(r, &uid, 500), 0);
	CHECK_INT(pn532_emu_place_hex(e, "04A1B2C3"), 0);
	CHECK_INT(reader_poll(r, &uid, 500), 1);
	uid_format(&uid, hex);
	CHECK_STR(hex, "04A1B2C3");
	pn532_emu_pts(e, pts, sizeof pts);
	if (tty_exclusive(pts) < 0)
		printf("  TIOCGEXCL not available: exclusivity not checked\n");
	else
		CHECK_INT(tty_exclusive(pts), 1);
	pn532_emu_remove(e);
	CHECK_INT(reader_poll(r, &uid, 500), 0);
	reader_close(r);
	if (tty_exclusive(pts) >= 0)
		CHECK_INT(tty_exclusive(pts), 0);
	reader_close(r);              /* idempotent */
	reader_free(r);
}

/* Another opener holds the device lock: open refuses, and says who. */
static void
test_lock_held(void)
{
	Reader *r = NULL;
	DevLock *lk = NULL;
	char err[200], want[300];

	printf("lock held\n");
	CHECK_INT(devlock_acquire(link_path, &lk, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_new(spec, NULL, &r, err, sizeof err), BORNE_OK);
	CHECK_INT(reader_open(r), BORNE_ELOCKED);
	snprintf(want, sizeof want, "reader %s is in use by another process "
	         "(pid %ld)", link_path, (long)getpid());
	CHECK_STR(reader_errmsg(r), want);
	devlock_release(lk);
	CHECK_INT(reader_open(r), BORNE_OK);
	reader_free(r);
}

static void
test_place_remove(Pn532Emu *e, const char *hex)
{
	ReaderThread *t;
	ReaderEvent ev;
	char got[UID_HEX_SIZE] = "";

	printf("place and remove %s\n", hex);
	t = start_thread();
	CHECK_INT(pn532_emu_wait_lists(e, pn532_emu_lists(e) + 1, WAIT_MS), 1);
	CHECK_INT(pn532_emu_place_hex(e, hex), 0);
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	uid_format(&ev.uid, got);
	CHECK_STR(got, hex);
	CHECK_INT(ev.uid.len, strlen(hex) / 2);
	pn532_emu_remove(e);
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	uid_format(&ev.uid, got);
	CHECK_STR(got, hex);
	reader_thread_stop(t);
}

/* A badge left on the reader is one tap, however many polls see it. */
static void
test_left_on(Pn532Emu *e)
{
	ReaderThread *t;
	ReaderEvent ev;
	long n;

	printf("badge left on\n");
	t = start_thread();
	CHECK_INT(pn532_emu_place_hex(e, "04112233445566"), 0);
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	n = pn532_emu_lists(e);
	CHECK_INT(pn532_emu_wait_lists(e, n + 8, WAIT_MS), 1);
	CHECK_INT(reader_thread_next(t, &ev), 0);
	/* Another badge replacing it: REMOVED then ARRIVED. Lifted, one list
	** answered, then the other laid: the emulator's instant swap in the
	** middle of a poll's two lists would be two cards at once, which no
	** hand can do. */
	pn532_emu_remove(e);
	CHECK_INT(pn532_emu_wait_lists(e, pn532_emu_lists(e), WAIT_MS), 1);
	CHECK_INT(pn532_emu_place_hex(e, "DEADBEEF"), 0);
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	pn532_emu_remove(e);
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	reader_thread_stop(t);
}

static void
test_unplug_replug(Pn532Emu *e)
{
	ReaderThread *t;
	ReaderEvent ev;
	char got[UID_HEX_SIZE] = "";

	printf("unplug and replug with a badge on\n");
	t = start_thread();
	CHECK_INT(pn532_emu_place_hex(e, "04A1B2C3"), 0);
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	pn532_emu_unplug(e);
	CHECK(reader_test_expect(t, READER_EV_LOST, &ev, WAIT_MS));
	CHECK(ev.detail[0] != '\0');
	CHECK_CONTAINS(ev.detail, link_path);
	CHECK_INT(pn532_emu_replug(e), 0);
	CHECK(reader_test_expect(t, READER_EV_BACK, &ev, WAIT_MS));
	/* The badge lay there all along: no new tap (defect 6). */
	CHECK_INT(pn532_emu_wait_lists(e, pn532_emu_lists(e) + 8, WAIT_MS), 1);
	CHECK_INT(reader_thread_next(t, &ev), 0);
	/* Lifted, it leaves; laid again, it is a tap. */
	pn532_emu_remove(e);
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	uid_format(&ev.uid, got);
	CHECK_STR(got, "04A1B2C3");
	CHECK_INT(pn532_emu_place_hex(e, "04A1B2C3"), 0);
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	pn532_emu_remove(e);
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	reader_thread_stop(t);
}

/* A reader that stops answering is lost within a few seconds, not a
** hang, and back when it answers again. */
static void
test_silent(Pn532Emu *e)
{
	ReaderThread *t;
	ReaderEvent ev;
	int64_t t0, t1;

	printf("silent reader\n");
	t = start_thread();
	CHECK_INT(pn532_emu_wait_lists(e, pn532_emu_lists(e) + 1, WAIT_MS), 1);
	t0 = now_ms();
	pn532_emu_silent(e, 1);
	CHECK(reader_test_expect(t, READER_EV_LOST, &ev, WAIT_MS));
	CHECK_CONTAINS(ev.detail, "stopped answering");
	printf("  lost after %lld ms of silence\n", (long long)(now_ms() - t0));
	pn532_emu_silent(e, 0);
	CHECK(reader_test_expect(t, READER_EV_BACK, &ev, WAIT_MS));
	CHECK_INT(pn532_emu_place_hex(e, "0102030405060708090A"), 0);
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	CHECK_INT(ev.uid.len, 10);
	pn532_emu_remove(e);
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	/* Stopping while the reader is silent still returns. */
	pn532_emu_silent(e, 1);
	t1 = now_ms();
	reader_thread_stop(t);
	printf("  stopped in %lld ms while silent\n", (long long)(now_ms() - t1));
	pn532_emu_silent(e, 0);
}

/* Damaged frames: no crash; one is absorbed by the retry, a run of them
** loses the reader, which comes back when the frames are good again. */
static void
test_garbage(Pn532Emu *e)
{
	ReaderThread *t;
	ReaderEvent ev;
	long n;

	printf("garbage frames\n");
	t = start_thread();
	CHECK_INT(pn532_emu_wait_lists(e, pn532_emu_lists(e) + 1, WAIT_MS), 1);
	pn532_emu_garbage(e, 1);
	n = pn532_emu_lists(e);
	CHECK_INT(pn532_emu_wait_lists(e, n + 3, WAIT_MS), 1);
	CHECK_INT(reader_thread_next(t, &ev), 0);
	pn532_emu_garbage(e, 4);
	CHECK(reader_test_expect(t, READER_EV_LOST, &ev, WAIT_MS));
	CHECK(reader_test_expect(t, READER_EV_BACK, &ev, WAIT_MS));
	CHECK_INT(pn532_emu_place_hex(e, "04A1B2C3"), 0);
	CHECK(reader_test_expect(t, READER_EV_ARRIVED, &ev, WAIT_MS));
	pn532_emu_remove(e);
	CHECK(reader_test_expect(t, READER_EV_REMOVED, &ev, WAIT_MS));
	reader_thread_stop(t);
}

int
main(void)
{
	Pn532Emu *e = NULL;
	char cmd[200];

	setup_env();
	if (pn532_emu_start(link_path, &e) != 0) {
		fprintf(stderr, "cannot start the PN532 emulator: %s\n",
		        strerror(errno));
		return 1;
	}
	test_sync_poll(e);
	test_lock_held();
	test_place_remove(e, "04A1B2C3");
	test_place_remove(e, "04112233445566");
	test_place_remove(e, "0102030405060708090A");
	test_left_on(e);
	test_unplug_replug(e);
	test_silent(e);
	test_garbage(e);
	pn532_emu_stop(e);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
