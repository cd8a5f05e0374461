/* sysclock.h -- what the system says of its clock, for clock.h's verdict:
** whether systemd-timesyncd has synced it, this boot's id and how long
** since the boot. Reads files under /run and /proc; no SDL. */
#ifndef BORNE_SYSCLOCK_H
#define BORNE_SYSCLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "clock.h"

/* CLOCK_SYNC_YES when systemd-timesyncd has synced the clock since boot
** (/run/systemd/timesync/synchronized), CLOCK_SYNC_NO when it runs and
** has not yet, CLOCK_SYNC_UNKNOWN when nothing says (no timesyncd, a
** container). BORNE_TIMESYNC_DIR overrides the folder, for tests. */
ClockSync sysclock_sync(void);
/* The kernel's boot id into out ("" if unknown) and milliseconds since
** the boot (CLOCK_BOOTTIME). */
void sysclock_boot(char *out, size_t outlen, int64_t *since_boot_ms);

#endif
