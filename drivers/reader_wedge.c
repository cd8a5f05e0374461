/* reader_wedge.c -- USB keyboard-wedge badge readers, through evdev.
** "wedge:/dev/input/by-id/usb-...-event-kbd". The reader types the card
** number then Enter; we read its evdev node, non-blocking with poll(),
** and grab it (EVIOCGRAB) so the digits never reach a text field or the
** console. wedge.c assembles the number; uid_parse() normalises it (the
** 10-digit decimal form uses ReaderOptions.dec_order).
**
** A wedge reports a tap but never a removal. Each number typed is one
** tap: the poll that sees it returns 1, the next poll returns 0, so the
** thread reports ARRIVED then REMOVED right away, and the same card
** typed twice is two taps (check-in, then check-out).
**
** A number not ended by Enter within WEDGE_DEFAULT_GAP_MS is dropped.
** An unplugged device (ENODEV) is lost; the thread reopens it with
** backoff. A FIFO carrying raw struct input_event records is accepted too
** (nothing to grab): tests and recordings replay through it. */
#include "reader_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wedge.h"

#define WEDGE_EVENTS_MAX 64

typedef struct WedgeDrv {
	int fd;
	int grabbed;
	int lift;                    /* report "no badge" once after a tap */
	WedgeParser parser;
	int64_t last_key_mono_ms;    /* our clock when the last key came */
	/* Bytes read and not fed yet: whole events, then maybe the start of
	** one split across reads. */
	unsigned char raw[WEDGE_EVENTS_MAX * sizeof(struct input_event)];
	size_t raw_n;
} WedgeDrv;

static int wedge_open(Reader *r, const char *arg);
static int wedge_poll(Reader *r, BadgeUid *uid, int timeout_ms);
static void wedge_close(Reader *r);
static int wedge_drain(Reader *r, WedgeDrv *d, BadgeUid *uid);

const ReaderOps reader_wedge = {
	.name = "wedge",
	.open = wedge_open,
	.poll = wedge_poll,
	.close = wedge_close,
	.abort = NULL,
	.waits_for_news = 1,
};

static int
wedge_open(Reader *r, const char *arg)
{
	WedgeDrv *d;
	struct stat st;
	int fd, e, rc;

	fd = open(arg, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		if (e == EACCES)
			return reader_fail(r, BORNE_EIO, "wedge reader %s: permission "
			                   "denied (add the user to group \"input\")", arg);
		return reader_fail(r, BORNE_ELOST, "wedge reader %s: %s", arg,
		                   strerror(e));
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		close(fd);
		return reader_fail(r, BORNE_EIO, "wedge reader %s: %s", arg,
		                   strerror(e));
	}
	if (S_ISFIFO(st.st_mode)) {
		/* A recording: reopen read-write so a writer closing is no EOF.
		** The first fd stays open until then, or what a writer already
		** put in the FIFO would be thrown away. */
		int rw = open(arg, O_RDWR | O_NONBLOCK | O_CLOEXEC);
		e = errno;
		close(fd);
		if (rw < 0)
			return reader_fail(r, BORNE_EIO, "wedge reader %s: %s", arg,
			                   strerror(e));
		fd = rw;
	} else if (!S_ISCHR(st.st_mode)) {
		close(fd);
		return reader_fail(r, BORNE_EINVAL, "wedge reader %s is not an "
		                   "input device", arg);
	} else if (ioctl(fd, EVIOCGRAB, (void *)1) != 0) {
		e = errno;
		close(fd);
		if (e == EBUSY)
			return reader_fail(r, BORNE_ELOCKED, "reader %s is in use by "
			                   "another process (grabbed)", arg);
		rc = e == ENODEV ? BORNE_ELOST : BORNE_EINVAL;
		return reader_fail(r, rc, "wedge reader %s is not an evdev input "
		                   "device (%s)", arg, strerror(e));
	}
	if ((d = calloc(1, sizeof *d)) == NULL) {
		close(fd);
		return reader_fail(r, BORNE_ENOMEM, "out of memory");
	}
	d->fd = fd;
	d->grabbed = S_ISCHR(st.st_mode);
	wedge_init(&d->parser, WEDGE_DEFAULT_GAP_MS);
	r->drv = d;
	r->absent_polls_to_remove = 1;
	return BORNE_OK;
}

/* Feeds the events already read. 1 and *uid when a badge number was
** completed (the rest stays for the next poll), 0 when all were fed. */
static int
wedge_drain(Reader *r, WedgeDrv *d, BadgeUid *uid)
{
	char text[READER_ERR_SIZE], why[128];
	struct input_event ev;

	while (d->raw_n >= sizeof ev) {
		int res;

		memcpy(&ev, d->raw, sizeof ev);
		d->raw_n -= sizeof ev;
		memmove(d->raw, d->raw + sizeof ev, d->raw_n);
		res = wedge_feed(&d->parser, &ev, text, sizeof text);
		if (ev.type == EV_KEY && ev.value == 1)
			d->last_key_mono_ms = reader_now_ms();
		if (res == WEDGE_DROPPED) {
			reader_fail(r, 0, "wedge reader: %s", text);
			fprintf(stderr, "borne: %s\n", r->err);
		} else if (res == WEDGE_NUMBER) {
			if (uid_parse(text, r->opt.dec_order, uid, why, sizeof why)
			    == BORNE_OK)
				return 1;
			reader_fail(r, 0, "wedge reader: ignored \"%.40s\": %s", text,
			            why);
			fprintf(stderr, "borne: %s\n", r->err);
		}
	}
	return 0;
}

static int
wedge_poll(Reader *r, BadgeUid *uid, int timeout_ms)
{
	WedgeDrv *d = r->drv;
	int64_t end = reader_now_ms() + timeout_ms;

	if (d->lift) {
		d->lift = 0;
		return 0;
	}
	for (;;) {
		int64_t now, left, wait_ms;
		ssize_t got;
		short rev;
		int w;

		if (wedge_drain(r, d, uid)) {
			d->lift = 1;
			return 1;
		}
		now = reader_now_ms();
		if (wedge_pending(&d->parser) &&
		    now - d->last_key_mono_ms > d->parser.gap_ms) {
			wedge_reset(&d->parser);
			reader_fail(r, 0, "wedge reader: badge number without Enter, "
			            "dropped");
			fprintf(stderr, "borne: %s\n", r->err);
		}
		left = end - now;
		wait_ms = timeout_ms < 0 ? -1 : left > 0 ? left : 0;
		if (wedge_pending(&d->parser)) {  /* wake up to expire it */
			int64_t expire = d->last_key_mono_ms + d->parser.gap_ms + 1 - now;
			if (wait_ms < 0 || expire < wait_ms)
				wait_ms = expire > 0 ? expire : 0;
		}
		w = reader_wait(r, d->fd, (int)wait_ms, &rev);
		if (w < -1)
			return w;
		if (w == -1 || (w == 0 && timeout_ms >= 0 && reader_now_ms() >= end))
			return 0;
		if (w == 0)
			continue;
		got = read(d->fd, d->raw + d->raw_n, sizeof d->raw - d->raw_n);
		if (got < 0 && (errno == EAGAIN || errno == EINTR))
			continue;
		if (got < 0 || (got == 0 && (rev & (POLLHUP | POLLERR)))) {
			int e = got < 0 ? errno : ENODEV;
			return reader_fail(r, BORNE_ELOST, "wedge reader %s %s",
			                   r->arg, e == ENODEV ? "unplugged" :
			                   strerror(e));
		}
		d->raw_n += (size_t)got;
	}
}

static void
wedge_close(Reader *r)
{
	WedgeDrv *d = r->drv;

	if (d == NULL)
		return;
	if (d->grabbed)
		ioctl(d->fd, EVIOCGRAB, (void *)0);
	close(d->fd);
	free(d);
	r->drv = NULL;
}
