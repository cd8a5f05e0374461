/* sysclock.c -- what the system says of its clock (see sysclock.h). */
#include "sysclock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

ClockSync
sysclock_sync(void)
{
	const char *dir = getenv("BORNE_TIMESYNC_DIR");
	char path[512];
	struct stat sb;

	if (dir == NULL || dir[0] == '\0')
		dir = "/run/systemd/timesync";
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return CLOCK_SYNC_UNKNOWN;
	snprintf(path, sizeof path, "%s/synchronized", dir);
	return access(path, F_OK) == 0 ? CLOCK_SYNC_YES : CLOCK_SYNC_NO;
}

void
sysclock_boot(char *out, size_t outlen, int64_t *since_boot_ms)
{
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
	struct timespec ts;

	if (outlen > 0)
		out[0] = '\0';
	if (f != NULL) {
		if (fgets(out, (int)outlen, f) == NULL && outlen > 0)
			out[0] = '\0';
		out[strcspn(out, "\n")] = '\0';
		fclose(f);
	}
	*since_boot_ms = 0;
	if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
		*since_boot_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
