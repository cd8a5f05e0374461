/* sdnotify.c -- the systemd notify protocol: one datagram per state on
** the unix socket named by NOTIFY_SOCKET ('@' means the abstract
** namespace). A few lines of our own rather than libsystemd: the kiosk
** needs two messages, and the protocol is a stable, documented one. */
#include "sdnotify.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "borne.h"

int
sdnotify_send(const char *state)
{
	const char *path = getenv("NOTIFY_SOCKET");
	struct sockaddr_un sa;
	socklen_t len;
	size_t n;
	ssize_t sent;
	int fd;

	if (path == NULL || path[0] == '\0')
		return 0;
	n = strlen(path);
	if ((path[0] != '/' && path[0] != '@') || n >= sizeof sa.sun_path)
		return BORNE_EIO;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, n);
	if (path[0] == '@')
		sa.sun_path[0] = '\0';
	len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
	if ((fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0)
		return BORNE_EIO;
	sent = sendto(fd, state, strlen(state), MSG_NOSIGNAL,
	              (const struct sockaddr *)&sa, len);
	close(fd);
	return sent == (ssize_t)strlen(state) ? 1 : BORNE_EIO;
}

int64_t
sdnotify_watchdog_ms(void)
{
	const char *usec = getenv("WATCHDOG_USEC");
	const char *pid = getenv("WATCHDOG_PID");
	char *end;
	long long v;

	if (usec == NULL || usec[0] == '\0')
		return 0;
	if (pid != NULL && pid[0] != '\0' && atoll(pid) != (long long)getpid())
		return 0;               /* meant for another process */
	v = strtoll(usec, &end, 10);
	if (*end != '\0' || v <= 0)
		return 0;
	return v / 2000 > 0 ? v / 2000 : 1;
}
