/* reader_thread.c -- a badge reader on its own thread.
** The thread opens the reader, polls it, and turns "a badge is on it now"
** into events: ARRIVED once per presence, REMOVED when the badge leaves
** (or another one replaces it), LOST when the device fails and BACK when a
** reopen works again. Reopens back off from 250 ms to 4 s. Events go into
** a small ring under a mutex, then wake(ctx) tells the consumer; the UI
** never blocks on the reader. Stopping aborts the blocked poll, so it
** takes about one poll period.
**
** What is on the reader is one list, kept for every driver here rather
** than in each: a badge enters it when a poll first sees it and leaves it
** only when polls have seen it absent (absent_polls_to_remove in a row)
** or another badge alone has replaced it. A lost reader does not empty
** the list, so a badge lying there through an unplug, garbage or silence
** is still on it when the reader is back: no second ARRIVED. A badge
** first seen together with another one (a poll of 2) enters the list
** without an ARRIVED, and the thread says READER_EV_SEVERAL once for the
** whole time two are there; each of them counts only after it has left.
** Reader trouble can thus delay a tap, never make one. */
#include "reader_impl.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define READER_QUEUE_LEN     64
#define READER_BACKOFF_MIN_MS 250
#define READER_BACKOFF_MAX_MS 4000
#define READER_ON_MAX        8      /* badges remembered on the reader */

/* A badge on the reader, as far as the thread knows. */
typedef struct OnReader {
	BadgeUid uid;
	int reported;               /* ARRIVED was sent: REMOVED will be */
	int n_absent;               /* polls in a row that did not see it */
} OnReader;

/* The thread's view of the reader (thread only). */
typedef struct Presence {
	OnReader on[READER_ON_MAX];
	int n_on;
	int several;                /* two badges seen, not yet alone again */
	int n_alone;                /* polls in a row with fewer than two */
} Presence;

struct ReaderThread {
	Reader *r;
	void (*wake)(void *ctx);
	void *ctx;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;          /* signalled on stop, for backoff sleeps */
	int stop;
	ReaderEvent queue[READER_QUEUE_LEN];
	int head, count;
	unsigned long n_dropped;
};

static void *thread_main(void *arg);
static int thread_stopping(ReaderThread *t);
static void thread_sleep(ReaderThread *t, int ms);
static void thread_push(ReaderThread *t, ReaderEventType type,
                        const BadgeUid *uid, const char *detail);
static int thread_next_backoff(int ms);
static void presence_update(ReaderThread *t, Presence *p, int n,
                            const BadgeUid *uid, int absent_to_remove);
static int presence_find(const Presence *p, const BadgeUid *uid);
static void presence_drop(ReaderThread *t, Presence *p, int i,
                          const char *why);
static int presence_add(ReaderThread *t, Presence *p, const BadgeUid *uid);

int
reader_thread_start(Reader *r, void (*wake)(void *ctx), void *ctx,
                    ReaderThread **out)
{
	ReaderThread *t;
	pthread_condattr_t ca;
	int rc;

	*out = NULL;
	if (r == NULL)
		return BORNE_EINVAL;
	if ((t = calloc(1, sizeof *t)) == NULL) {
		reader_free(r);
		return BORNE_ENOMEM;
	}
	t->r = r;
	t->wake = wake;
	t->ctx = ctx;
	pthread_mutex_init(&t->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&t->cv, &ca);
	pthread_condattr_destroy(&ca);
	if ((rc = pthread_create(&t->thread, NULL, thread_main, t)) != 0) {
		reader_fail(r, BORNE_ENOMEM, "cannot start the reader thread: %s",
		            strerror(rc));
		pthread_cond_destroy(&t->cv);
		pthread_mutex_destroy(&t->mu);
		reader_free(r);
		free(t);
		return BORNE_ENOMEM;
	}
	*out = t;
	return BORNE_OK;
}

int
reader_thread_next(ReaderThread *t, ReaderEvent *ev)
{
	int got = 0;

	if (t == NULL)
		return 0;
	pthread_mutex_lock(&t->mu);
	if (t->count > 0) {
		*ev = t->queue[t->head];
		t->head = (t->head + 1) % READER_QUEUE_LEN;
		t->count--;
		got = 1;
	}
	pthread_mutex_unlock(&t->mu);
	return got;
}

void
reader_thread_stop(ReaderThread *t)
{
	if (t == NULL)
		return;
	pthread_mutex_lock(&t->mu);
	t->stop = 1;
	pthread_cond_broadcast(&t->cv);
	pthread_mutex_unlock(&t->mu);
	reader_abort(t->r);
	pthread_join(t->thread, NULL);
	reader_free(t->r);        /* closes it if open */
	pthread_cond_destroy(&t->cv);
	pthread_mutex_destroy(&t->mu);
	free(t);
}

static int
thread_stopping(ReaderThread *t)
{
	int stop;

	pthread_mutex_lock(&t->mu);
	stop = t->stop;
	pthread_mutex_unlock(&t->mu);
	return stop;
}

/* Sleeps ms, or less if the thread is asked to stop. */
static void
thread_sleep(ReaderThread *t, int ms)
{
	struct timespec until;

	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&t->mu);
	while (!t->stop) {
		if (pthread_cond_timedwait(&t->cv, &t->mu, &until) == ETIMEDOUT)
			break;
	}
	pthread_mutex_unlock(&t->mu);
}

/* Queues one event (dropping the oldest when the consumer is far behind)
** and wakes the consumer outside the lock. */
static void
thread_push(ReaderThread *t, ReaderEventType type, const BadgeUid *uid,
            const char *detail)
{
	ReaderEvent ev;

	memset(&ev, 0, sizeof ev);
	ev.type = type;
	if (uid != NULL)
		ev.uid = *uid;
	ev.at_ms = reader_now_ms();
	if (detail != NULL)
		snprintf(ev.detail, sizeof ev.detail, "%s", detail);
	pthread_mutex_lock(&t->mu);
	if (t->count == READER_QUEUE_LEN) {
		t->head = (t->head + 1) % READER_QUEUE_LEN;
		t->count--;
		t->n_dropped++;
	}
	t->queue[(t->head + t->count) % READER_QUEUE_LEN] = ev;
	t->count++;
	pthread_mutex_unlock(&t->mu);
	if (type == READER_EV_LOST)
		fprintf(stderr, "borne: badge reader lost: %s\n", ev.detail);
	else if (type == READER_EV_BACK)
		fprintf(stderr, "borne: badge reader back (%s)\n", t->r->spec);
	if (t->wake != NULL)
		t->wake(t->ctx);
}

static int
thread_next_backoff(int ms)
{
	ms *= 2;
	return ms > READER_BACKOFF_MAX_MS ? READER_BACKOFF_MAX_MS : ms;
}

/* The index of uid in the list, or -1. */
static int
presence_find(const Presence *p, const BadgeUid *uid)
{
	for (int i = 0; i < p->n_on; i++)
		if (uid_equal(&p->on[i].uid, uid))
			return i;
	return -1;
}

/* Takes entry i off the list; REMOVED if its ARRIVED was sent. */
static void
presence_drop(ReaderThread *t, Presence *p, int i, const char *why)
{
	OnReader gone = p->on[i];

	p->on[i] = p->on[--p->n_on];
	if (gone.reported)
		thread_push(t, READER_EV_REMOVED, &gone.uid, why);
}

/* Puts uid on the list, not reported yet; makes room by forgetting the
** badge absent the longest. Returns its index. */
static int
presence_add(ReaderThread *t, Presence *p, const BadgeUid *uid)
{
	if (p->n_on == READER_ON_MAX) {
		int worst = 0;
		for (int i = 1; i < p->n_on; i++)
			if (p->on[i].n_absent > p->on[worst].n_absent)
				worst = i;
		presence_drop(t, p, worst, "");
	}
	memset(&p->on[p->n_on], 0, sizeof p->on[p->n_on]);
	p->on[p->n_on].uid = *uid;
	return p->n_on++;
}

/* One poll's answer: n badges (0, 1, or 2 for two or more), uid[0..n-1]. */
static void
presence_update(ReaderThread *t, Presence *p, int n, const BadgeUid *uid,
                int absent_to_remove)
{
	int fresh = 0;

	/* Absence first: a badge not seen long enough has left. */
	for (int i = p->n_on - 1; i >= 0; i--) {
		int seen = 0;
		for (int k = 0; k < n; k++)
			seen |= uid_equal(&p->on[i].uid, &uid[k]);
		if (seen)
			p->on[i].n_absent = 0;
		else if (++p->on[i].n_absent >= absent_to_remove)
			presence_drop(t, p, i, "");
	}
	/* Badges never seen before join the list, unreported. */
	for (int k = 0; k < n; k++)
		if (presence_find(p, &uid[k]) < 0)
			fresh |= presence_add(t, p, &uid[k]) >= 0;
	if (n >= 2) {
		p->n_alone = 0;
		if (!p->several) {
			p->several = 1;
			thread_push(t, READER_EV_SEVERAL, &uid[0], "");
		}
		return;
	}
	if (p->several && ++p->n_alone >= absent_to_remove)
		p->several = 0;
	if (n != 1 || !fresh)
		return;
	/* A new badge, alone on the reader: it replaces whatever was there
	** (those were not seen this time), then it is a tap. */
	for (int i = p->n_on - 1; i >= 0; i--)
		if (!uid_equal(&p->on[i].uid, &uid[0]))
			presence_drop(t, p, i, "replaced");
	p->on[presence_find(p, &uid[0])].reported = 1;
	thread_push(t, READER_EV_ARRIVED, &uid[0], "");
}

static void *
thread_main(void *arg)
{
	ReaderThread *t = arg;
	Reader *r = t->r;
	Presence pres;
	BadgeUid uid[READER_POLL_MAX];
	int lost = 0;
	int backoff_ms = READER_BACKOFF_MIN_MS;
	int rc;

	memset(&pres, 0, sizeof pres);
	while (!thread_stopping(t)) {
		if (!r->is_open) {
			if (reader_open(r) != BORNE_OK) {
				if (thread_stopping(t))
					break;
				if (!lost) {
					thread_push(t, READER_EV_LOST, NULL, reader_errmsg(r));
					lost = 1;
				}
				thread_sleep(t, backoff_ms);
				backoff_ms = thread_next_backoff(backoff_ms);
				continue;
			}
			/* reader_open() drained the abort pipe: an abort that
			** reader_thread_stop() wrote after the check at the top of
			** the loop is gone, and a reader that waits for news would
			** then wait forever. stop was set before that abort was
			** written, so looking again now cannot miss it. */
			if (thread_stopping(t))
				break;
			if (lost)
				thread_push(t, READER_EV_BACK, NULL, reader_name(r));
			lost = 0;
			backoff_ms = READER_BACKOFF_MIN_MS;
		}
		/* A reader that can wait for news is waited on: no wake-up
		** while nothing happens (reader_thread_stop aborts the wait). */
		rc = reader_poll_all(r, uid, r->ops->waits_for_news ? -1 :
		                     r->opt.poll_ms);
		if (thread_stopping(t))
			break;
		if (rc < 0) {
			/* The badges on it stay on the list: lost is not lifted. */
			thread_push(t, READER_EV_LOST, NULL, reader_errmsg(r));
			lost = 1;
			reader_close(r);
			thread_sleep(t, backoff_ms);
			backoff_ms = thread_next_backoff(backoff_ms);
			continue;
		}
		presence_update(t, &pres, rc, uid, r->absent_polls_to_remove);
	}
	return NULL;
}
