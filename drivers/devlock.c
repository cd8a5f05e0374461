/* devlock.c -- exclusive lock files for badge readers (see devlock.h). */
#include "devlock.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "borne.h"

struct DevLock {
	int fd;
};

static const char *devlock_dir(void);
static void devlock_key(const char *device, char *out, size_t outlen);
static long devlock_holder(int fd);

/* $BORNE_LOCK_DIR, else /run/lock when we may write there, else /tmp. */
static const char *
devlock_dir(void)
{
	const char *d = getenv("BORNE_LOCK_DIR");

	if (d != NULL && d[0] != '\0')
		return d;
	if (access("/run/lock", W_OK) == 0)
		return "/run/lock";
	return "/tmp";
}

/* The device's name in the lock file: its resolved path without "/dev/",
** anything but [A-Za-z0-9._-] turned into '_'. */
static void
devlock_key(const char *device, char *out, size_t outlen)
{
	char real[PATH_MAX];
	const char *p = device;
	size_t n = 0;

	if (device[0] == '/' && realpath(device, real) != NULL)
		p = real;
	if (strncmp(p, "/dev/", 5) == 0)
		p += 5;
	while (*p == '/')
		p++;
	for (; *p != '\0' && n + 1 < outlen; p++) {
		char c = *p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		         (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
		out[n++] = ok ? c : '_';
	}
	if (n == 0 && outlen > 1)
		out[n++] = '_';
	out[n] = '\0';
}

int
devlock_path(const char *device, char *out, size_t outlen)
{
	char key[128];
	int n;

	if (device == NULL || out == NULL)
		return BORNE_EINVAL;
	devlock_key(device, key, sizeof key);
	n = snprintf(out, outlen, "%s/borne-%s.lock", devlock_dir(), key);
	return n < 0 || (size_t)n >= outlen ? BORNE_EINVAL : BORNE_OK;
}

/* The pid written in a held lock file, or 0 when unreadable. */
static long
devlock_holder(int fd)
{
	char buf[32];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return strtol(buf, NULL, 10);
}

int
devlock_acquire(const char *device, DevLock **out, char *err, size_t errlen)
{
	char path[PATH_MAX];
	char pid[32];
	DevLock *lk = NULL;
	int fd = -1, rc;

	*out = NULL;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (devlock_path(device, path, sizeof path) != BORNE_OK) {
		rc = BORNE_EINVAL;
		if (err != NULL)
			snprintf(err, errlen, "lock file name too long for %s", device);
		goto fail;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0) {
		rc = BORNE_EIO;
		if (err != NULL)
			snprintf(err, errlen, "cannot open lock file %s: %s", path,
			         strerror(errno));
		goto fail;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno == EWOULDBLOCK) {
			long holder = devlock_holder(fd);
			rc = BORNE_ELOCKED;
			if (err != NULL && holder > 0)
				snprintf(err, errlen, "reader %s is in use by another "
				         "process (pid %ld)", device, holder);
			else if (err != NULL)
				snprintf(err, errlen, "reader %s is in use by another "
				         "process (lock %s)", device, path);
		} else {
			rc = BORNE_EIO;
			if (err != NULL)
				snprintf(err, errlen, "cannot lock %s: %s", path,
				         strerror(errno));
		}
		goto fail;
	}
	snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) != 0 ||
	    pwrite(fd, pid, strlen(pid), 0) != (ssize_t)strlen(pid)) {
		/* The lock holds anyway; only the pid in messages is missing. */
	}
	if ((lk = malloc(sizeof *lk)) == NULL) {
		rc = BORNE_ENOMEM;
		goto fail;
	}
	lk->fd = fd;
	*out = lk;
	return BORNE_OK;
fail:
	if (fd >= 0)
		close(fd);
	return rc;
}

void
devlock_release(DevLock *lk)
{
	if (lk == NULL)
		return;
	/* The file stays: unlinking it would race with the next locker. */
	close(lk->fd);
	free(lk);
}
