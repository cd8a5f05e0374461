/* test_sdnotify.c -- the systemd notify messages reach a socket set up
** the way systemd does it, and nothing happens outside systemd. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "borne.h"
#include "check.h"
#include "sdnotify.h"

static int
listen_at(const char *path, int abstract)
{
	struct sockaddr_un sa;
	socklen_t len;
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path + (abstract ? 1 : 0), path);
	len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(path)
	                  + (abstract ? 1 : 0));
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, len) != 0) {
		perror("bind");
		exit(2);
	}
	return fd;
}

static void
expect_message(int fd, const char *want)
{
	char buf[64];
	ssize_t n = recv(fd, buf, sizeof buf - 1, MSG_DONTWAIT);

	CHECK(n > 0);
	buf[n > 0 ? n : 0] = '\0';
	CHECK_STR(buf, want);
}

int
main(void)
{
	char dir[] = "/tmp/borne-sdnotify-XXXXXX", path[128], abs_name[64];
	char pid[32];
	int fd;

	if (mkdtemp(dir) == NULL)
		return 2;
	unsetenv("NOTIFY_SOCKET");
	unsetenv("WATCHDOG_USEC");
	unsetenv("WATCHDOG_PID");
	CHECK_INT(sdnotify_send("READY=1"), 0);       /* not under systemd */
	CHECK_INT(sdnotify_watchdog_ms(), 0);

	snprintf(path, sizeof path, "%s/notify", dir);
	fd = listen_at(path, 0);
	setenv("NOTIFY_SOCKET", path, 1);
	CHECK_INT(sdnotify_send("READY=1"), 1);
	expect_message(fd, "READY=1");
	CHECK_INT(sdnotify_send("WATCHDOG=1"), 1);
	expect_message(fd, "WATCHDOG=1");
	close(fd);
	unlink(path);
	CHECK_INT(sdnotify_send("WATCHDOG=1"), BORNE_EIO);   /* nobody there */

	snprintf(abs_name, sizeof abs_name, "borne-test-%d", (int)getpid());
	fd = listen_at(abs_name, 1);
	snprintf(path, sizeof path, "@%s", abs_name);
	setenv("NOTIFY_SOCKET", path, 1);
	CHECK_INT(sdnotify_send("READY=1"), 1);
	expect_message(fd, "READY=1");
	close(fd);
	setenv("NOTIFY_SOCKET", "relative/path", 1);
	CHECK_INT(sdnotify_send("READY=1"), BORNE_EIO);

	setenv("WATCHDOG_USEC", "30000000", 1);
	CHECK_INT(sdnotify_watchdog_ms(), 15000);
	snprintf(pid, sizeof pid, "%d", (int)getpid());
	setenv("WATCHDOG_PID", pid, 1);
	CHECK_INT(sdnotify_watchdog_ms(), 15000);
	setenv("WATCHDOG_PID", "1", 1);
	CHECK_INT(sdnotify_watchdog_ms(), 0);          /* another process's */
	unsetenv("WATCHDOG_PID");
	setenv("WATCHDOG_USEC", "junk", 1);
	CHECK_INT(sdnotify_watchdog_ms(), 0);
	rmdir(dir);
	return check_done();
}
