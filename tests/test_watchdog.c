/* test_watchdog.c -- the kiosk's real loop (not the headless script
** runner) tells systemd it is ready and keeps pinging the watchdog, and
** stops cleanly on SIGTERM, as systemd stops it.
** usage: test_watchdog BORNE */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static long long
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
main(int argc, char **argv)
{
	char dir[] = "/tmp/borne-watchdog-XXXXXX", path[64], buf[128];
	struct sockaddr_un sa;
	int fd, status = -1, ready = 0, pings = 0;
	long long until;
	pid_t pid;

	if (argc != 2 || mkdtemp(dir) == NULL)
		return 2;
	snprintf(path, sizeof path, "%s/notify", dir);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0)
		return 2;

	pid = fork();
	if (pid == 0) {
		setenv("NOTIFY_SOCKET", path, 1);
		setenv("WATCHDOG_USEC", "200000", 1);     /* ping every 100 ms */
		/* dummy, not offscreen: offscreen windows load EGL, whose library
		** leaks at exit under LeakSanitizer. The loop is what is tested. */
		setenv("SDL_VIDEODRIVER", "dummy", 1);
		setenv("SDL_AUDIODRIVER", "dummy", 1);
		execl(argv[1], argv[1], "--demo", "--windowed", "800x480",
		      "--reader", "none", (char *)NULL);
		_exit(127);
	}
	/* Up to 20 s for start-up (sanitizers are slow), then 1 s of pings. */
	until = mono_ms() + 20000;
	while (mono_ms() < until && pings < 5) {
		struct pollfd p = { fd, POLLIN, 0 };
		ssize_t n;

		if (poll(&p, 1, 200) <= 0)
			continue;
		n = recv(fd, buf, sizeof buf - 1, 0);
		if (n <= 0)
			continue;
		buf[n] = '\0';
		if (strcmp(buf, "READY=1") == 0) {
			ready = 1;
			until = mono_ms() + 1500;
		} else if (strcmp(buf, "WATCHDOG=1") == 0 && ready) {
			pings++;
		}
	}
	CHECK(ready);
	CHECK(pings >= 5);
	kill(pid, SIGTERM);
	until = mono_ms() + 10000;
	while (waitpid(pid, &status, WNOHANG) == 0 && mono_ms() < until)
		usleep(20000);
	if (mono_ms() >= until) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	CHECK(WIFEXITED(status));
	CHECK_INT(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0);
	close(fd);
	unlink(path);
	rmdir(dir);
	return check_done();
}
