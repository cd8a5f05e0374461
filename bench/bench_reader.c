/* bench_reader.c -- how long a badge takes to reach the kiosk.
** The real libnfc pn532_uart driver polls an emulated PN532 on a pty
** (tests/pn532_emu.c) every poll_ms; we place a tag, take the time, and
** wait for the ARRIVED event on this (consumer) thread. Prints the median
** and maximum over N taps. A figure, not a test: nothing is asserted.
** Usage: bench_reader [TAPS [POLL_MS]]   (defaults 100, 150) */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pn532_emu.h"
#include "reader.h"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long wakes;

static void bench_wake(void *ctx);
static int64_t now_us(void);
static int wait_type(ReaderThread *t, ReaderEventType type, ReaderEvent *ev,
                     int timeout_ms);
static int cmp_i64(const void *a, const void *b);

static void
bench_wake(void *ctx)
{
	(void)ctx;
	pthread_mutex_lock(&mu);
	wakes++;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
}

static int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Waits for the next event of type (others are skipped); 1 got it. */
static int
wait_type(ReaderThread *t, ReaderEventType type, ReaderEvent *ev, int timeout_ms)
{
	int64_t end = now_us() + (int64_t)timeout_ms * 1000;

	for (;;) {
		long seen;
		while (reader_thread_next(t, ev))
			if (ev->type == type)
				return 1;
		if (now_us() >= end)
			return 0;
		pthread_mutex_lock(&mu);
		seen = wakes;
		pthread_mutex_unlock(&mu);
		if (reader_thread_next(t, ev)) {
			if (ev->type == type)
				return 1;
			continue;
		}
		pthread_mutex_lock(&mu);
		if (wakes == seen) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_nsec += 20 * 1000000L;
			if (ts.tv_nsec >= 1000000000L) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&cv, &mu, &ts);
		}
		pthread_mutex_unlock(&mu);
	}
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	int taps = argc > 1 ? atoi(argv[1]) : 100;
	int poll_ms = argc > 2 ? atoi(argv[2]) : 150;
	char dir[64], link[128], spec[256], err[200];
	ReaderOptions opt = { .dec_order = UID_DEC_LSB_FIRST, .poll_ms = poll_ms };
	Pn532Emu *e = NULL;
	Reader *r = NULL;
	ReaderThread *t = NULL;
	ReaderEvent ev;
	int64_t *lat;
	int n = 0;

	if (taps <= 0 || poll_ms <= 0)
		return 2;
	setenv("LIBNFC_AUTO_SCAN", "false", 1);
	setenv("LIBNFC_INTRUSIVE_SCAN", "false", 1);
	setenv("LIBNFC_LOG_LEVEL", "0", 1);
	snprintf(dir, sizeof dir, "/tmp/borne-bench-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 2;
	setenv("BORNE_LOCK_DIR", dir, 1);
	snprintf(link, sizeof link, "%s/ttyEMU", dir);
	snprintf(spec, sizeof spec, "libnfc:pn532_uart:%s:115200", link);
	if ((lat = calloc((size_t)taps, sizeof *lat)) == NULL)
		return 2;
	if (pn532_emu_start(link, &e) != 0 ||
	    reader_new(spec, &opt, &r, err, sizeof err) != BORNE_OK ||
	    reader_thread_start(r, bench_wake, NULL, &t) != BORNE_OK) {
		fprintf(stderr, "bench_reader: setup failed %s\n", err);
		return 1;
	}
	pn532_emu_wait_lists(e, 0, 5000);      /* the reader is up */
	srand(42);
	for (int i = 0; i < taps; i++) {
		uint8_t uid[4] = { 0x04, (uint8_t)i, (uint8_t)(i >> 8), 0xC3 };
		int64_t t0;

		/* Tags land at any moment of the poll period, not in step. */
		usleep((useconds_t)(rand() % (poll_ms * 1000)));
		t0 = now_us();
		pn532_emu_place(e, uid, sizeof uid);
		if (!wait_type(t, READER_EV_ARRIVED, &ev, 5000)) {
			fprintf(stderr, "bench_reader: tap %d never arrived\n", i);
			break;
		}
		lat[n++] = now_us() - t0;
		pn532_emu_remove(e);
		if (!wait_type(t, READER_EV_REMOVED, &ev, 5000)) {
			fprintf(stderr, "bench_reader: tap %d never removed\n", i);
			break;
		}
	}
	reader_thread_stop(t);
	pn532_emu_stop(e);
	if (n > 0) {
		int64_t sum = 0;
		qsort(lat, (size_t)n, sizeof *lat, cmp_i64);
		for (int i = 0; i < n; i++)
			sum += lat[i];
		printf("bench_reader: libnfc pn532_uart (emulated), poll %d ms, %d taps\n",
		       poll_ms, n);
		printf("  tag placed -> ARRIVED on the consumer thread: median %.1f ms, "
		       "mean %.1f ms, p90 %.1f ms, max %.1f ms, min %.1f ms\n",
		       (double)lat[n / 2] / 1000.0, (double)sum / n / 1000.0,
		       (double)lat[(n * 9) / 10] / 1000.0,
		       (double)lat[n - 1] / 1000.0, (double)lat[0] / 1000.0);
	}
	free(lat);
	snprintf(spec, sizeof spec, "rm -rf '%s'", dir);
	if (system(spec) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return n == taps ? 0 : 1;
}
