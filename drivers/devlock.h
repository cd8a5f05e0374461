/* devlock.h -- one badge reader, one borne.
** A serial PN532 answers whoever writes to it: two programs talking at
** once corrupt each other's frames. Before opening a reader, borne takes
** an exclusive flock(2) on a lock file named after the device
** (/run/lock/borne-ttyAMA0.lock, or /tmp when /run/lock cannot be written,
** or $BORNE_LOCK_DIR), and writes its pid into it so the refusal can say
** who holds it. The kernel drops the lock when the holder exits, even on a
** crash, so a stale file never blocks anyone.
**
** This only guards against other bornes (and tools that honour the same
** file). A hand-run nfc-list ignores it: see reader_libnfc.c for the
** TIOCEXCL guard on the serial line itself, and docs/readers.md. */
#ifndef BORNE_DEVLOCK_H
#define BORNE_DEVLOCK_H

#include <stddef.h>

typedef struct DevLock DevLock;

/* Takes the lock for device (a path such as /dev/serial0, or any name
** such as "acr122_usb"). Symlinks are resolved first, so /dev/serial0
** and /dev/ttyAMA0 share one lock. Returns BORNE_OK, BORNE_ELOCKED (err:
** "reader /dev/serial0 is in use by another process (pid N)") or
** BORNE_EIO / BORNE_ENOMEM; *out is NULL on failure. */
int  devlock_acquire(const char *device, DevLock **out, char *err,
                     size_t errlen);
void devlock_release(DevLock *lk);                  /* NULL-safe */

/* The lock file a device maps to, written into out. BORNE_OK or
** BORNE_EINVAL when out is too small. */
int  devlock_path(const char *device, char *out, size_t outlen);

#endif
