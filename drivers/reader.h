/* reader.h -- badge readers behind one interface.
** A Reader is picked by a SPEC string: "libnfc[:CONNSTRING]",
** "wedge:/dev/input/...", "sim:FIFO" or "none". Each driver sits behind a
** ReaderOps; callers use the wrappers below, never r->ops.
**
** reader_poll() is the synchronous primitive (used by the reader thread
** and by tests). ReaderThread runs a reader on its own thread: it polls,
** reports each arrival once per presence, reports removal, reopens the
** device with backoff when it is lost, and hands events to the consumer
** through a small queue plus a wake-up callback (the UI posts an SDL user
** event from it). The UI never blocks on the reader. */
#ifndef BORNE_READER_H
#define BORNE_READER_H

#include <stddef.h>
#include <stdint.h>

#include "borne.h"
#include "uid.h"

typedef struct Reader Reader;

typedef struct ReaderOps {
	const char *name;                                       /* "libnfc", "wedge", "sim", "none" */
	int  (*open)(Reader *r, const char *arg);
	/* 1: a badge is on the reader now (uid set), 0: none, <0 BORNE_E*
	** (BORNE_ELOST: the device is gone; close and reopen). Waits at most
	** timeout_ms. */
	int  (*poll)(Reader *r, BadgeUid *uid, int timeout_ms);
	void (*close)(Reader *r);                               /* NULL-safe, idempotent */
	void (*abort)(Reader *r);                               /* may be NULL: wake a blocked poll */
} ReaderOps;

extern const ReaderOps reader_libnfc, reader_wedge, reader_sim, reader_none;

typedef struct ReaderOptions {
	UidDecOrder dec_order;   /* wedge: 10-digit numbers */
	int poll_ms;             /* libnfc: poll period */
} ReaderOptions;

/* Makes a reader from a spec; does not open the device yet.
** BORNE_EINVAL for an unknown spec (err says why). */
int  reader_new(const char *spec, const ReaderOptions *opt, Reader **out,
                char *err, size_t errlen);
void reader_free(Reader *r);                                /* NULL-safe */
int  reader_open(Reader *r);
int  reader_poll(Reader *r, BadgeUid *uid, int timeout_ms);
void reader_close(Reader *r);
const char *reader_name(const Reader *r);
const char *reader_errmsg(const Reader *r);   /* last error, borrowed */
/* Wakes a poll blocked in another thread: it returns promptly (0), and so
** do later polls until the next reader_open(). Safe from any thread. */
void reader_abort(Reader *r);

typedef enum ReaderEventType {
	READER_EV_ARRIVED = 0,   /* uid */
	READER_EV_REMOVED,
	READER_EV_LOST,          /* detail says why */
	READER_EV_BACK,
	READER_EV_SEVERAL        /* two badges at once: uid is one of them */
} ReaderEventType;

typedef struct ReaderEvent {
	ReaderEventType type;
	BadgeUid uid;
	int64_t  at_ms;          /* monotonic ms when the driver saw it */
	char     detail[160];
} ReaderEvent;

typedef struct ReaderThread ReaderThread;

/* Starts the thread on r (taken over: freed by reader_thread_stop).
** wake(ctx) is called from the reader thread after each event is queued. */
int  reader_thread_start(Reader *r, void (*wake)(void *ctx), void *ctx,
                         ReaderThread **out);
/* Takes the oldest queued event: 1 got one, 0 queue empty. */
int  reader_thread_next(ReaderThread *t, ReaderEvent *ev);
/* Stops the thread within about one poll period, closes and frees. */
void reader_thread_stop(ReaderThread *t);                   /* NULL-safe */

#endif
