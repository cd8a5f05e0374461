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
** event from it). The UI never blocks on the reader.
**
** Reader trouble never makes a tap. The thread remembers the badges on
** the reader across a loss (unplugged, silent, garbage) and a reopen: a
** badge that was there when the reader was lost is not an arrival when
** the reader sees it again; it counts again only once it has been seen
** absent (removed, then laid again). Two badges at once are never an
** arrival: the thread reports READER_EV_SEVERAL once, and each of the two
** counts only after it has been seen absent. */
#ifndef BORNE_READER_H
#define BORNE_READER_H

#include <stddef.h>
#include <stdint.h>

#include "borne.h"
#include "uid.h"

typedef struct Reader Reader;

#define READER_POLL_MAX 2        /* badges one poll can report */

typedef struct ReaderOps {
	const char *name;                                       /* "libnfc", "wedge", "sim", "none" */
	int  (*open)(Reader *r, const char *arg);
	/* How many badges are on the reader now: 0 none, 1 one (uid[0] set),
	** 2 two or more at once (uid[0] and uid[1] set, two of them), or <0
	** BORNE_E* (BORNE_ELOST: the device is gone; close and reopen). uid
	** has READER_POLL_MAX slots. A driver that cannot see two badges at
	** once (sim, wedge) never returns 2. Waits at most timeout_ms (-1: until
	** news or reader_abort(), where waits_for_news says it can). */
	int  (*poll)(Reader *r, BadgeUid *uid, int timeout_ms);
	void (*close)(Reader *r);                               /* NULL-safe, idempotent */
	void (*abort)(Reader *r);                               /* may be NULL: wake a blocked poll */
	/* 1: poll() given timeout_ms -1 waits for news itself (a line on a
	** FIFO, a key), so the reader thread sleeps until then and an idle
	** kiosk never wakes for it; 0: the device must be asked (libnfc),
	** every reader_poll_ms. */
	int  waits_for_news;
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
/* 0, 1, 2 (two or more badges) or <0, as ReaderOps.poll; *uid is the
** first badge. reader_poll_all() gives both of two (uid[READER_POLL_MAX]). */
int  reader_poll(Reader *r, BadgeUid *uid, int timeout_ms);
int  reader_poll_all(Reader *r, BadgeUid uid[READER_POLL_MAX], int timeout_ms);
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
	READER_EV_SEVERAL        /* two badges at once, no arrival: uid is one */
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
