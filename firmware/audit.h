/* audit.h -- every change made by a facilitator or an admin.
** Written in the same transaction as the change it describes. */
#ifndef BORNE_AUDIT_H
#define BORNE_AUDIT_H

#include <stdint.h>

#include "store.h"

/* actor_id 0 means borne-admin on the command line. action is a short
** verb ("member.add", "mission.approve"), detail free text (may be NULL). */
int audit_log(Store *st, int64_t actor_id, const char *action,
              const char *target_kind, int64_t target_id, const char *detail,
              int64_t now_utc);
/* A space's setting (store_setting_set) changed by staff: actor_id must
** be a facilitator or an admin (0: borne-admin), else BORNE_EPERM. The
** value and its "setting.set" line are saved together. */
int audit_setting_set(Store *st, const char *key, const char *value,
                      int64_t actor_id, int64_t now_utc);
int audit_each(Store *st, int (*fn)(int64_t id, int64_t at_utc,
               int64_t actor_id, const char *action, const char *target_kind,
               int64_t target_id, const char *detail, void *ctx), void *ctx);

#endif
