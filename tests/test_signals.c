/* test_signals.c -- nothing to a shell, by signals: the kiosk's real loop
** (fullscreen, as at the door) stays up through SIGINT, SIGQUIT and SIGTSTP
** (Ctrl-C, Ctrl-\ and Ctrl-Z on a keyboard plugged into its console), and
** SIGTERM (systemctl stop) still ends it cleanly with status 0. In
** windowed mode, the developer's, SIGINT quits as in any program.
** "Still up" is read, not timed: after each signal the kiosk says on
** stderr that it ignored it, and its loop then goes on pinging the
** (fake) systemd watchdog. usage: test_signals BORNE */
#include <errno.h>
#include <fcntl.h>
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

#define WAIT_MS 30000           /* generous: sanitizers, a busy machine */

typedef struct Kid {
	pid_t pid;
	int   notify_fd, err_fd;
	char  err[16384];
	size_t err_used;
	int   pings;                 /* WATCHDOG=1 seen since the last reset */
	int   ready;
	int   gone;                  /* it exited (not reaped yet) */
} Kid;

static long long mono_ms(void);
static int  kid_start(Kid *k, const char *borne, const char *dir,
                      int windowed);
static void kid_pump(Kid *k, int timeout_ms);
static int  kid_wait_err(Kid *k, const char *needle);
static int  kid_wait_pings(Kid *k, int n);
static int  kid_exit(Kid *k, int timeout_ms);

static long long
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
kid_start(Kid *k, const char *borne, const char *dir, int windowed)
{
	char path[96];
	struct sockaddr_un sa;
	int pipefd[2];

	memset(k, 0, sizeof *k);
	snprintf(path, sizeof path, "%s/notify-%d", dir, windowed);
	unlink(path);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	k->notify_fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (k->notify_fd < 0 ||
	    bind(k->notify_fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
	    pipe(pipefd) != 0)
		return -1;
	k->pid = fork();
	if (k->pid == 0) {
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		close(pipefd[1]);
		setenv("NOTIFY_SOCKET", path, 1);
		setenv("WATCHDOG_USEC", "200000", 1);     /* a ping every 100 ms */
		/* dummy: no EGL (it leaks under LeakSanitizer); the loop and
		** the signals are what is tested. */
		setenv("SDL_VIDEODRIVER", "dummy", 1);
		setenv("SDL_AUDIODRIVER", "dummy", 1);
		if (windowed)
			execl(borne, borne, "--demo", "--windowed", "800x480",
			      "--reader", "none", (char *)NULL);
		else
			execl(borne, borne, "--demo", "--reader", "none",
			      (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	k->err_fd = pipefd[0];
	fcntl(k->err_fd, F_SETFL, O_NONBLOCK);
	return k->pid > 0 ? 0 : -1;
}

/* Reads what came (notify datagrams, stderr) for up to timeout_ms. */
static void
kid_pump(Kid *k, int timeout_ms)
{
	struct pollfd p[2] = { { k->notify_fd, POLLIN, 0 },
	                       { k->err_fd, POLLIN, 0 } };
	char buf[512];
	siginfo_t si;
	ssize_t n;

	memset(&si, 0, sizeof si);
	if (waitid(P_PID, (id_t)k->pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 &&
	    si.si_pid == k->pid)
		k->gone = 1;
	if (poll(p, k->err_fd >= 0 ? 2 : 1, timeout_ms) <= 0)
		return;
	if (p[0].revents & POLLIN) {
		n = recv(k->notify_fd, buf, sizeof buf - 1, 0);
		if (n > 0) {
			buf[n] = '\0';
			if (strcmp(buf, "READY=1") == 0)
				k->ready = 1;
			else if (strcmp(buf, "WATCHDOG=1") == 0)
				k->pings++;
		}
	}
	if (k->err_fd >= 0 && (p[1].revents & (POLLIN | POLLHUP))) {
		n = read(k->err_fd, k->err + k->err_used,
		         sizeof k->err - 1 - k->err_used);
		if (n > 0) {
			k->err_used += (size_t)n;
			k->err[k->err_used] = '\0';
			fwrite(k->err + k->err_used - (size_t)n, 1, (size_t)n,
			       stderr);
		} else if (n == 0) {
			close(k->err_fd);
			k->err_fd = -1;
		}
	}
}

/* 1 once needle is on the kiosk's stderr (0 after WAIT_MS). */
static int
kid_wait_err(Kid *k, const char *needle)
{
	long long until = mono_ms() + WAIT_MS;

	while (strstr(k->err, needle) == NULL && !k->gone && mono_ms() < until)
		kid_pump(k, 100);
	return strstr(k->err, needle) != NULL;
}

/* 1 once n more watchdog pings came: the loop runs. */
static int
kid_wait_pings(Kid *k, int n)
{
	long long until = mono_ms() + WAIT_MS;

	k->pings = 0;
	while (k->pings < n && !k->gone && mono_ms() < until)
		kid_pump(k, 100);
	return k->pings >= n;
}

/* The exit status (-1: still running after timeout_ms, then killed). */
static int
kid_exit(Kid *k, int timeout_ms)
{
	long long until = mono_ms() + timeout_ms;
	int status = 0;
	pid_t got;

	while ((got = waitpid(k->pid, &status, WNOHANG)) == 0 &&
	       mono_ms() < until)
		kid_pump(k, 20);
	if (got == 0) {
		kill(k->pid, SIGKILL);
		waitpid(k->pid, &status, 0);
		status = -1;
	}
	/* The rest of its stderr: the pipe ends when it exited. */
	until = mono_ms() + 5000;
	while (k->err_fd >= 0 && mono_ms() < until)
		kid_pump(k, 100);
	if (k->err_fd >= 0)
		close(k->err_fd);
	close(k->notify_fd);
	return status;
}

int
main(int argc, char **argv)
{
	static const struct { int sig; const char *said; } swallowed[] = {
		{ SIGINT,  "borne: SIGINT ignored" },
		{ SIGQUIT, "borne: SIGQUIT ignored" },
		{ SIGTSTP, "borne: SIGTSTP ignored" },
		{ SIGINT,  "borne: SIGINT ignored" },    /* again: not once only */
	};
	char dir[] = "/tmp/borne-signals-XXXXXX", path[96];
	Kid k;
	int status;

	if (argc != 2 || mkdtemp(dir) == NULL)
		return 2;

	/* Kiosk mode: fullscreen, as borne.service runs it. */
	if (kid_start(&k, argv[1], dir, 0) != 0)
		return 2;
	CHECK(kid_wait_pings(&k, 3));
	CHECK(k.ready);
	for (size_t i = 0; i < sizeof swallowed / sizeof swallowed[0]; i++) {
		char *at;

		kill(k.pid, swallowed[i].sig);
		CHECK(kid_wait_err(&k, swallowed[i].said));
		/* Forget the line, so that the next one is a new one. */
		if ((at = strstr(k.err, swallowed[i].said)) != NULL)
			memset(at, '#', strlen(swallowed[i].said));
		CHECK(kid_wait_pings(&k, 3));
		CHECK_INT(waitpid(k.pid, &status, WNOHANG), 0);
	}
	kill(k.pid, SIGTERM);
	status = kid_exit(&k, WAIT_MS);
	CHECK(status != -1 && WIFEXITED(status));
	CHECK_INT(status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1,
	          0);
	CHECK_CONTAINS(k.err, "borne: SIGTERM: stopping");

	/* Windowed (a developer at a desk): Ctrl-C quits, cleanly. */
	if (kid_start(&k, argv[1], dir, 1) != 0)
		return 2;
	CHECK(kid_wait_pings(&k, 3));
	kill(k.pid, SIGINT);
	status = kid_exit(&k, WAIT_MS);
	CHECK(status != -1 && WIFEXITED(status));
	CHECK_INT(status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1,
	          0);

	for (int w = 0; w < 2; w++) {
		snprintf(path, sizeof path, "%s/notify-%d", dir, w);
		unlink(path);
	}
	rmdir(dir);
	return check_done();
}
