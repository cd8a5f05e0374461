/* sdnotify.h -- telling systemd the kiosk is up and still alive.
** Under `Type=notify` with `WatchdogSec=`, systemd hands the service a
** datagram socket in NOTIFY_SOCKET and an interval in WATCHDOG_USEC; the
** kiosk sends "READY=1" once and "WATCHDOG=1" at least twice per interval
** from its main loop, so a hung loop gets the kiosk restarted. Outside
** systemd (no NOTIFY_SOCKET) every call is a cheap no-op. */
#ifndef BORNE_SDNOTIFY_H
#define BORNE_SDNOTIFY_H

#include <stdint.h>

/* Sends one state string ("READY=1"). 1 sent, 0 not under systemd,
** BORNE_EIO when the socket refused it. */
int     sdnotify_send(const char *state);
/* Half the watchdog interval in ms (how often to ping), 0 for none. */
int64_t sdnotify_watchdog_ms(void);

#endif
