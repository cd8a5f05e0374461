/* checkin_impl.h -- what checkin.c and checkin_held.c share, and no one
** else. Both run inside the caller's transaction. */
#ifndef BORNE_CHECKIN_IMPL_H
#define BORNE_CHECKIN_IMPL_H

#include <stdint.h>

#include "checkin.h"

/* One tap, by checkin.c's rules; r->visit_id is the visit opened or
** closed, if any. */
int checkin_tap_in_tx(Store *st, const BadgeUid *uid, int64_t now_utc,
                      const char *tap_uuid, CheckinResult *r);
/* Logs a tap in unknown_taps (outcome "unknown", "inactive"...; uid_hex
** NULL for a badge that points to a person). */
int checkin_log_unknown(Store *st, int64_t now_utc, const char *outcome,
                        const char *uid_hex);

#endif
