/* reader_sim.c -- a simulated badge reader fed through a FIFO.
** "sim:/tmp/borne.fifo": each line written to the FIFO is a tap. A UID
** line (any form uid_parse() takes) puts that badge on the reader; the
** line "remove" lifts it. A UID written while a badge is on the reader
** lifts the first one, then puts the new one down, so writing the same
** UID twice is two taps (check-in, then check-out). Blank lines are
** skipped; a malformed line is reported on stderr and skipped.
**
** The FIFO is created when missing, and opened O_RDWR|O_NONBLOCK: holding
** a write end ourselves means a writer that closes never gives an EOF
** storm, and opening never waits for a writer. Used by --demo and tests. */
#include "reader_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SIM_LINE_MAX 128

typedef struct SimDrv {
	int fd;
	char buf[SIM_LINE_MAX * 4];
	size_t n;                    /* bytes in buf */
	int discarding;              /* inside an overlong line */
	int present;
	BadgeUid uid;
	int pending;                 /* a badge waits to be put down */
	BadgeUid pending_uid;
} SimDrv;

static int sim_open(Reader *r, const char *arg);
static int sim_poll(Reader *r, BadgeUid *uid, int timeout_ms);
static void sim_close(Reader *r);
static int sim_take_line(SimDrv *d, char *line, size_t size);
static int sim_apply(Reader *r, SimDrv *d, char *line, BadgeUid *uid);
static int sim_state(SimDrv *d, BadgeUid *uid);

const ReaderOps reader_sim = {
	.name = "sim",
	.open = sim_open,
	.poll = sim_poll,
	.close = sim_close,
	.abort = NULL,
	.waits_for_news = 1,
};

static int
sim_open(Reader *r, const char *arg)
{
	SimDrv *d;
	struct stat st;

	if (stat(arg, &st) != 0) {
		if (errno != ENOENT)
			return reader_fail(r, BORNE_EIO, "sim reader %s: %s", arg,
			                   strerror(errno));
		if (mkfifo(arg, 0660) != 0 && errno != EEXIST)
			return reader_fail(r, BORNE_EIO, "sim reader: cannot create "
			                   "FIFO %s: %s", arg, strerror(errno));
	} else if (!S_ISFIFO(st.st_mode)) {
		return reader_fail(r, BORNE_EINVAL, "sim reader: %s exists and is "
		                   "not a FIFO", arg);
	}
	if ((d = calloc(1, sizeof *d)) == NULL)
		return reader_fail(r, BORNE_ENOMEM, "out of memory");
	d->fd = open(arg, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (d->fd < 0) {
		int e = errno;
		free(d);
		return reader_fail(r, BORNE_EIO, "sim reader: cannot open %s: %s",
		                   arg, strerror(e));
	}
	r->drv = d;
	r->absent_polls_to_remove = 1;
	return BORNE_OK;
}

/* Moves the next complete line out of the buffer; 1 when there was one.
** Overlong lines are dropped whole, with a message. */
static int
sim_take_line(SimDrv *d, char *line, size_t size)
{
	for (;;) {
		char *nl = memchr(d->buf, '\n', d->n);
		size_t len;

		if (nl == NULL) {
			if (d->n == sizeof d->buf) {
				if (!d->discarding)
					fprintf(stderr, "borne: sim reader: line too long, "
					        "ignored\n");
				d->discarding = 1;
				d->n = 0;
			}
			return 0;
		}
		len = (size_t)(nl - d->buf);
		if (!d->discarding && len < size) {
			memcpy(line, d->buf, len);
			line[len] = '\0';
		} else {
			if (!d->discarding)
				fprintf(stderr, "borne: sim reader: line too long, ignored\n");
			line[0] = '\0';
		}
		d->discarding = 0;
		memmove(d->buf, nl + 1, d->n - len - 1);
		d->n -= len + 1;
		if (line[0] != '\0' || len == 0)
			return 1;
	}
}

static int
sim_state(SimDrv *d, BadgeUid *uid)
{
	if (!d->present)
		return 0;
	*uid = d->uid;
	return 1;
}

/* Applies one line. Returns the new state (0/1) when it changed, -1 when
** nothing changed (blank, malformed, "remove" with nothing on). */
static int
sim_apply(Reader *r, SimDrv *d, char *line, BadgeUid *uid)
{
	char why[128];
	BadgeUid u;
	char *s = line, *e;

	while (*s == ' ' || *s == '\t' || *s == '\r')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	if (*s == '\0')
		return -1;
	if (strcmp(s, "remove") == 0) {
		if (!d->present)
			return -1;
		d->present = 0;
		return 0;
	}
	if (uid_parse(s, r->opt.dec_order, &u, why, sizeof why) != BORNE_OK) {
		reader_fail(r, 0, "sim reader: ignored \"%.40s\": %s", s, why);
		fprintf(stderr, "borne: %s\n", r->err);
		return -1;
	}
	if (d->present) {            /* lift the badge first, then tap */
		d->present = 0;
		d->pending = 1;
		d->pending_uid = u;
		return 0;
	}
	d->present = 1;
	d->uid = u;
	return sim_state(d, uid);
}

static int
sim_poll(Reader *r, BadgeUid *uid, int timeout_ms)
{
	SimDrv *d = r->drv;
	char line[SIM_LINE_MAX];
	int64_t end = reader_now_ms() + timeout_ms;

	for (;;) {
		ssize_t got;
		int w, rc;

		if (d->pending) {
			d->pending = 0;
			d->present = 1;
			d->uid = d->pending_uid;
			return sim_state(d, uid);
		}
		while (sim_take_line(d, line, sizeof line))
			if ((rc = sim_apply(r, d, line, uid)) >= 0)
				return rc;
		/* Only a timeout of -1 waits without limit: a deadline already
		** passed (the clock ticked since end was set) is 0, not -1. */
		w = reader_wait(r, d->fd, reader_left_ms(timeout_ms, end), NULL);
		if (w < -1)
			return w;
		if (w <= 0)
			return sim_state(d, uid);
		got = read(d->fd, d->buf + d->n, sizeof d->buf - d->n);
		if (got < 0 && errno != EAGAIN && errno != EINTR)
			return reader_fail(r, BORNE_ELOST, "sim reader: %s",
			                   strerror(errno));
		if (got > 0)
			d->n += (size_t)got;
	}
}

static void
sim_close(Reader *r)
{
	SimDrv *d = r->drv;

	if (d == NULL)
		return;
	close(d->fd);
	free(d);
	r->drv = NULL;
}
