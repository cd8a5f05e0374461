/* reader_test_util.h -- waiting for reader events in tests, bounded.
** A wake callback signals a condition variable; reader_test_wait() takes
** the next event or gives up after timeout_ms, so a broken driver fails a
** check instead of hanging the suite. */
#ifndef BORNE_READER_TEST_UTIL_H
#define BORNE_READER_TEST_UTIL_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "reader.h"

static pthread_mutex_t rtu_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t rtu_cv = PTHREAD_COND_INITIALIZER;
static long rtu_wakes;

static inline void
rtu_wake(void *ctx)
{
	(void)ctx;
	pthread_mutex_lock(&rtu_mu);
	rtu_wakes++;
	pthread_cond_broadcast(&rtu_cv);
	pthread_mutex_unlock(&rtu_mu);
}

static inline const char *
rtu_name(ReaderEventType t)
{
	switch (t) {
	case READER_EV_ARRIVED: return "ARRIVED";
	case READER_EV_REMOVED: return "REMOVED";
	case READER_EV_LOST:    return "LOST";
	case READER_EV_BACK:    return "BACK";
	case READER_EV_SEVERAL: return "SEVERAL";
	}
	return "?";
}

/* 1 and *ev when an event came within timeout_ms, 0 otherwise. */
static inline int
reader_test_wait(ReaderThread *t, ReaderEvent *ev, int timeout_ms)
{
	struct timespec until;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	for (;;) {
		long seen;
		int timed_out = 0;

		pthread_mutex_lock(&rtu_mu);
		seen = rtu_wakes;
		pthread_mutex_unlock(&rtu_mu);
		if (reader_thread_next(t, ev)) {
			char hex[UID_HEX_SIZE] = "";
			if (ev->type == READER_EV_ARRIVED || ev->type == READER_EV_REMOVED)
				uid_format(&ev->uid, hex);
			printf("  event %s %s %s\n", rtu_name(ev->type), hex, ev->detail);
			return 1;
		}
		pthread_mutex_lock(&rtu_mu);
		while (rtu_wakes == seen && !timed_out)
			timed_out = pthread_cond_timedwait(&rtu_cv, &rtu_mu, &until) != 0;
		pthread_mutex_unlock(&rtu_mu);
		if (timed_out && !reader_thread_next(t, ev))
			return 0;
		if (timed_out) {
			printf("  event %s (late)\n", rtu_name(ev->type));
			return 1;
		}
	}
}

/* Waits for an event of type want, skipping nothing: returns 1 when the
** next event is of that type. */
static inline int
reader_test_expect(ReaderThread *t, ReaderEventType want, ReaderEvent *ev,
                   int timeout_ms)
{
	ReaderEvent tmp;

	if (ev == NULL)
		ev = &tmp;
	if (!reader_test_wait(t, ev, timeout_ms)) {
		printf("  no event (wanted %s)\n", rtu_name(want));
		return 0;
	}
	return ev->type == want;
}

#endif
