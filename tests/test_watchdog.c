/* test_watchdog.c -- the kiosk's real loop (not the headless script
** runner) tells systemd it is ready and keeps pinging the watchdog, and
** stops cleanly on SIGTERM, as systemd stops it. Also out of service: with
** a database it cannot use, the loop runs on, says why (STATUS=) and goes
** on pinging, where it used to exit into a restart loop.
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

/* BORNE_TIMEOUT_SCALE (tests/CMakeLists.txt, 6 under qemu-user): the
** waits below were set for programs running natively; under an emulator
** on a busy machine the first frame alone can outlast the ping window. */
static long long
wait_scale(void)
{
	const char *s = getenv("BORNE_TIMEOUT_SCALE");
	long v = s != NULL ? strtol(s, NULL, 10) : 1;

	return v >= 1 && v <= 100 ? v : 1;
}

static long long
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Runs borne (the demo, or on db when not NULL) under a fake systemd. */
static int
watch(const char *borne, const char *db, const char *dir)
{
	char path[64], buf[512];
	struct sockaddr_un sa;
	int fd, status = -1, ready = 0, pings = 0, oos = 0;
	long long until;
	pid_t pid;

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
		if (db == NULL)
			execl(borne, borne, "--demo", "--windowed", "800x480",
			      "--reader", "none", (char *)NULL);
		else
			execl(borne, borne, "--db", db, "--windowed", "800x480",
			      "--reader", "none", (char *)NULL);
		_exit(127);
	}
	/* Up to 20 s for start-up (sanitizers are slow), then 1 s of pings. */
	until = mono_ms() + 20000 * wait_scale();
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
			until = mono_ms() + 1500 * wait_scale();
		} else if (strcmp(buf, "WATCHDOG=1") == 0 && ready) {
			pings++;
		} else if (strncmp(buf, "STATUS=out of service: ", 23) == 0) {
			oos = 1;
		}
	}
	CHECK(ready);
	CHECK(pings >= 5);
	CHECK_INT(oos, db != NULL);
	kill(pid, SIGTERM);
	until = mono_ms() + 10000 * wait_scale();
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
	return 0;
}

int
main(int argc, char **argv)
{
	char dir[] = "/tmp/borne-watchdog-XXXXXX", db[64];
	FILE *f;

	if (argc != 2 || mkdtemp(dir) == NULL)
		return 2;
	watch(argv[1], NULL, dir);
	/* Not a database at all: out of service, still alive. */
	snprintf(db, sizeof db, "%s/damaged.db", dir);
	if ((f = fopen(db, "w")) == NULL)
		return 2;
	for (int i = 0; i < 8192; i++)
		fputc((i * 7919) & 0xFF, f);
	fclose(f);
	watch(argv[1], db, dir);
	unlink(db);
	rmdir(dir);
	return check_done();
}
