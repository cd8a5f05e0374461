/* test_devlock.c -- one reader, one borne: the device lock file.
** Another process holding the lock makes acquire fail with BORNE_ELOCKED
** and a message naming its pid; symlinked names share one lock; a lock
** dies with its holder; an unwritable lock dir is a clear error. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "borne.h"
#include "check.h"
#include "devlock.h"

static char dir[64];

static void test_names(void);
static void test_other_process(void);
static void test_same_process_and_symlink(void);
static void test_bad_dir(void);

static void
test_names(void)
{
	char path[512], want[512];

	CHECK_INT(devlock_path("acr122_usb", path, sizeof path), BORNE_OK);
	snprintf(want, sizeof want, "%s/borne-acr122_usb.lock", dir);
	CHECK_STR(path, want);
	CHECK_INT(devlock_path("pn53x_usb:001:004", path, sizeof path), BORNE_OK);
	snprintf(want, sizeof want, "%s/borne-pn53x_usb_001_004.lock", dir);
	CHECK_STR(path, want);
	/* /dev/null exists: resolved, "/dev/" dropped. */
	CHECK_INT(devlock_path("/dev/null", path, sizeof path), BORNE_OK);
	snprintf(want, sizeof want, "%s/borne-null.lock", dir);
	CHECK_STR(path, want);
	CHECK_INT(devlock_path("/dev/null", path, 8), BORNE_EINVAL);
}

/* A child takes the lock and waits; the parent is refused with its pid. */
static void
test_other_process(void)
{
	int up[2], down[2];
	pid_t pid;
	char c = 0, err[256], want[256];
	DevLock *lk = NULL;

	CHECK_INT(pipe(up), 0);
	CHECK_INT(pipe(down), 0);
	pid = fork();
	if (pid == 0) {
		DevLock *mine = NULL;
		char e[256];
		int ok = devlock_acquire("/dev/ttyFAKE0", &mine, e, sizeof e) == BORNE_OK;
		if (write(up[1], ok ? "1" : "0", 1) != 1)
			_exit(2);
		if (read(down[0], &c, 1) < 0)
			_exit(2);
		devlock_release(mine);
		_exit(0);
	}
	CHECK(pid > 0);
	CHECK_INT(read(up[0], &c, 1), 1);
	CHECK_INT(c, '1');
	CHECK_INT(devlock_acquire("/dev/ttyFAKE0", &lk, err, sizeof err),
	          BORNE_ELOCKED);
	CHECK(lk == NULL);
	snprintf(want, sizeof want, "reader /dev/ttyFAKE0 is in use by another "
	         "process (pid %ld)", (long)pid);
	CHECK_STR(err, want);
	/* The holder dies without releasing: the kernel frees the lock. */
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	CHECK_INT(devlock_acquire("/dev/ttyFAKE0", &lk, err, sizeof err), BORNE_OK);
	devlock_release(lk);
	close(up[0]); close(up[1]); close(down[0]); close(down[1]);
}

static void
test_same_process_and_symlink(void)
{
	char dev[256], alias[256], err[256];
	DevLock *a = NULL, *b = NULL;
	int fd;

	snprintf(dev, sizeof dev, "%s/ttyREAL", dir);
	snprintf(alias, sizeof alias, "%s/serial0", dir);
	fd = open(dev, O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0);
	close(fd);
	CHECK_INT(symlink(dev, alias), 0);
	CHECK_INT(devlock_acquire(dev, &a, err, sizeof err), BORNE_OK);
	/* A second open file description conflicts too (flock semantics). */
	CHECK_INT(devlock_acquire(alias, &b, err, sizeof err), BORNE_ELOCKED);
	CHECK_CONTAINS(err, "reader ");
	CHECK_CONTAINS(err, "serial0 is in use by another process (pid ");
	devlock_release(a);
	CHECK_INT(devlock_acquire(alias, &b, err, sizeof err), BORNE_OK);
	devlock_release(b);
	devlock_release(NULL);
}

static void
test_bad_dir(void)
{
	DevLock *lk = NULL;
	char err[256];

	setenv("BORNE_LOCK_DIR", "/nonexistent/borne-locks", 1);
	CHECK_INT(devlock_acquire("/dev/ttyFAKE1", &lk, err, sizeof err), BORNE_EIO);
	CHECK(lk == NULL);
	CHECK_CONTAINS(err, "cannot open lock file /nonexistent/borne-locks/");
	setenv("BORNE_LOCK_DIR", dir, 1);
}

int
main(void)
{
	char cmd[128];

	snprintf(dir, sizeof dir, "/tmp/borne-lock-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 2;
	setenv("BORNE_LOCK_DIR", dir, 1);
	test_names();
	test_other_process();
	test_same_process_and_symlink();
	test_bad_dir();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
