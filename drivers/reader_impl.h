/* reader_impl.h -- what the reader drivers share, never seen by callers.
** The Reader object itself, the abort pipe every blocking wait listens to,
** and small helpers for messages and the monotonic clock. Callers use
** reader.h only. */
#ifndef BORNE_READER_IMPL_H
#define BORNE_READER_IMPL_H

#include <stdarg.h>
#include <stdint.h>

#include "reader.h"

#define READER_DEFAULT_POLL_MS 150
#define READER_ERR_SIZE        256

struct Reader {
	const ReaderOps *ops;
	ReaderOptions opt;
	char *spec;               /* as given, for messages */
	char *arg;                /* what follows "driver:" (may be "") */
	void *drv;                /* driver state, owned by the driver */
	int is_open;
	/* Polls in a row that must see no badge before the thread calls it
	** removed: 1 for drivers that know (sim, wedge), more for RF readers
	** where a badge at the edge of the field can miss one poll. */
	int absent_polls_to_remove;
	/* Self-pipe: reader_abort() writes a byte, every wait in a driver
	** also polls abort_fd[0]. Lives from reader_new to reader_free so an
	** abort from another thread never races a close. */
	int abort_fd[2];
	char err[READER_ERR_SIZE];
};

/* Sets r->err (printf-style) and returns rc, so "return reader_fail(...)". */
int reader_fail(Reader *r, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Waits until fd is readable (fd < 0: only the abort pipe), at most
** timeout_ms (-1: no limit). Returns 1 readable, 0 timed out, -1
** aborted, or a negative BORNE_E* below -1 on a poll() failure. revents gets fd's events. */
int reader_wait(Reader *r, int fd, int timeout_ms, short *revents);

/* What is left of a poll's timeout_ms that ends at end_ms (monotonic),
** for reader_wait(): -1 (no limit) only when timeout_ms is -1; a deadline
** already passed is 0, never -1. */
int reader_left_ms(int timeout_ms, int64_t end_ms);

/* 1 when reader_abort() was called since the last reader_open(). */
int reader_aborted(Reader *r);

/* Monotonic clock in milliseconds. */
int64_t reader_now_ms(void);

#endif
