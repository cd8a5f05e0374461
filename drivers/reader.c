/* reader.c -- picking a badge reader from its spec, and the wrappers.
** "libnfc[:CONNSTRING]", "wedge:DEVICE", "sim:FIFO" or "none" choose the
** ReaderOps; everything else here is shared plumbing: the abort pipe that
** lets another thread wake a blocked poll, the error message, the clock. */
#include "reader_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const ReaderOps *reader_pick(const char *spec, const char **arg);
static char *reader_strdup(const char *s);
static void reader_drain_abort(Reader *r);
static int reader_pipe(int fd[2]);
static int none_open(Reader *r, const char *arg);
static int none_poll(Reader *r, BadgeUid *uid, int timeout_ms);
static void none_close(Reader *r);

static char *
reader_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

/* The ops for a spec, and where its argument starts; NULL if unknown. */
static const ReaderOps *
reader_pick(const char *spec, const char **arg)
{
	if (strcmp(spec, "none") == 0) {
		*arg = spec + 4;
		return &reader_none;
	}
	if (strcmp(spec, "libnfc") == 0) {
		*arg = spec + 6;
		return &reader_libnfc;
	}
	if (strncmp(spec, "libnfc:", 7) == 0) {
		*arg = spec + 7;
		return &reader_libnfc;
	}
	if (strncmp(spec, "wedge:", 6) == 0 && spec[6] != '\0') {
		*arg = spec + 6;
		return &reader_wedge;
	}
	if (strncmp(spec, "sim:", 4) == 0 && spec[4] != '\0') {
		*arg = spec + 4;
		return &reader_sim;
	}
	return NULL;
}

int
reader_new(const char *spec, const ReaderOptions *opt, Reader **out,
           char *err, size_t errlen)
{
	Reader *r = NULL;
	const ReaderOps *ops;
	const char *arg = NULL;
	int rc = BORNE_ENOMEM;

	*out = NULL;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (spec == NULL || (ops = reader_pick(spec, &arg)) == NULL) {
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "unknown reader \"%s\": use "
			         "libnfc[:CONNSTRING], wedge:DEVICE, sim:FIFO or none",
			         spec != NULL ? spec : "");
		return BORNE_EINVAL;
	}
	if ((r = calloc(1, sizeof *r)) == NULL)
		goto fail;
	r->abort_fd[0] = r->abort_fd[1] = -1;
	r->ops = ops;
	r->absent_polls_to_remove = 1;
	if (opt != NULL)
		r->opt = *opt;
	else
		r->opt.dec_order = UID_DEC_LSB_FIRST;
	if (r->opt.poll_ms <= 0)
		r->opt.poll_ms = READER_DEFAULT_POLL_MS;
	if ((r->spec = reader_strdup(spec)) == NULL ||
	    (r->arg = reader_strdup(arg)) == NULL)
		goto fail;
	if (reader_pipe(r->abort_fd) != 0) {
		r->abort_fd[0] = r->abort_fd[1] = -1;
		rc = BORNE_EIO;
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "cannot make a pipe: %s", strerror(errno));
		goto fail;
	}
	*out = r;
	return BORNE_OK;
fail:
	reader_free(r);
	return rc;
}

void
reader_free(Reader *r)
{
	if (r == NULL)
		return;
	reader_close(r);
	if (r->abort_fd[0] >= 0)
		close(r->abort_fd[0]);
	if (r->abort_fd[1] >= 0)
		close(r->abort_fd[1]);
	free(r->spec);
	free(r->arg);
	free(r);
}

/* A non-blocking, close-on-exec pipe. */
static int
reader_pipe(int fd[2])
{
	if (pipe(fd) != 0)
		return -1;
	for (int i = 0; i < 2; i++) {
		if (fcntl(fd[i], F_SETFD, FD_CLOEXEC) != 0 ||
		    fcntl(fd[i], F_SETFL, O_NONBLOCK) != 0) {
			close(fd[0]);
			close(fd[1]);
			return -1;
		}
	}
	return 0;
}

static void
reader_drain_abort(Reader *r)
{
	char buf[64];

	while (read(r->abort_fd[0], buf, sizeof buf) > 0)
		;
}

int
reader_open(Reader *r)
{
	int rc;

	if (r == NULL)
		return BORNE_EINVAL;
	if (r->is_open)
		return BORNE_OK;
	reader_drain_abort(r);
	r->err[0] = '\0';
	rc = r->ops->open(r, r->arg);
	if (rc == BORNE_OK)
		r->is_open = 1;
	else if (r->err[0] == '\0')
		snprintf(r->err, sizeof r->err, "%s reader: cannot open (%d)",
		         r->ops->name, rc);
	return rc;
}

int
reader_poll(Reader *r, BadgeUid *uid, int timeout_ms)
{
	BadgeUid all[READER_POLL_MAX];
	int rc = reader_poll_all(r, all, timeout_ms);

	if (uid != NULL)
		*uid = all[0];
	return rc;
}

int
reader_poll_all(Reader *r, BadgeUid uid[READER_POLL_MAX], int timeout_ms)
{
	int rc;

	memset(uid, 0, READER_POLL_MAX * sizeof uid[0]);
	if (r == NULL)
		return BORNE_EINVAL;
	if (!r->is_open)
		return reader_fail(r, BORNE_ELOST, "%s reader is not open",
		                   r->ops->name);
	if (timeout_ms < 0 && !r->ops->waits_for_news)
		timeout_ms = 0;
	rc = r->ops->poll(r, uid, timeout_ms);
	if (rc > READER_POLL_MAX)
		rc = READER_POLL_MAX;
	for (int i = rc < 0 ? 0 : rc; i < READER_POLL_MAX; i++)
		memset(&uid[i], 0, sizeof uid[i]);
	return rc;
}

void
reader_close(Reader *r)
{
	if (r == NULL || !r->is_open)
		return;
	r->ops->close(r);
	r->is_open = 0;
}

void
reader_abort(Reader *r)
{
	ssize_t n;

	if (r == NULL)
		return;
	n = write(r->abort_fd[1], "x", 1);
	(void)n;                /* a full pipe is already an abort */
	if (r->ops->abort != NULL)
		r->ops->abort(r);
}

const char *
reader_name(const Reader *r)
{
	return r != NULL ? r->ops->name : "";
}

const char *
reader_errmsg(const Reader *r)
{
	return r != NULL ? r->err : "no reader";
}

int
reader_fail(Reader *r, int rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->err, sizeof r->err, fmt, ap);
	va_end(ap);
	return rc;
}

int
reader_wait(Reader *r, int fd, int timeout_ms, short *revents)
{
	struct pollfd pfd[2];
	int64_t end = reader_now_ms() + timeout_ms;
	int n;

	if (revents != NULL)
		*revents = 0;
	for (;;) {
		int64_t left = end - reader_now_ms();

		pfd[0].fd = r->abort_fd[0];
		pfd[0].events = POLLIN;
		pfd[0].revents = 0;
		pfd[1].fd = fd;
		pfd[1].events = POLLIN;
		pfd[1].revents = 0;
		n = poll(pfd, fd >= 0 ? 2 : 1,
		         timeout_ms < 0 ? -1 : left > 0 ? (int)left : 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return reader_fail(r, BORNE_EIO, "poll: %s", strerror(errno));
		if (pfd[0].revents != 0)
			return -1;
		if (n == 0)
			return 0;
		if (revents != NULL)
			*revents = pfd[1].revents;
		return 1;
	}
}

int
reader_left_ms(int timeout_ms, int64_t end_ms)
{
	int64_t left;

	if (timeout_ms < 0)
		return -1;
	left = end_ms - reader_now_ms();
	if (left <= 0)
		return 0;
	return left > timeout_ms ? timeout_ms : (int)left;
}

int
reader_aborted(Reader *r)
{
	struct pollfd pfd = { .fd = r->abort_fd[0], .events = POLLIN };

	return poll(&pfd, 1, 0) > 0;
}

int64_t
reader_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* "none": a reader that never reports anything (a kiosk without badges,
** a screen shown at an event). Its poll only sleeps, abortably. */
static int
none_open(Reader *r, const char *arg)
{
	if (arg != NULL && arg[0] != '\0')
		return reader_fail(r, BORNE_EINVAL, "reader \"none\" takes no argument");
	return BORNE_OK;
}

static int
none_poll(Reader *r, BadgeUid *uid, int timeout_ms)
{
	int rc = reader_wait(r, -1, timeout_ms, NULL);

	(void)uid;
	return rc < -1 ? rc : 0;
}

static void
none_close(Reader *r)
{
	(void)r;
}

const ReaderOps reader_none = {
	.name = "none",
	.open = none_open,
	.poll = none_poll,
	.close = none_close,
	.abort = NULL,
};
