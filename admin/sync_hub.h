/* sync_hub.h -- borne-admin's side of the PostgreSQL hub (libpq): the
** hub's schema, its kiosks, and one sync of a kiosk's database (push its
** outbox, then pull the hub's log). Only borne-admin links libpq: the
** kiosk never waits for the network (docs/sync.md). */
#ifndef BORNE_SYNC_HUB_H
#define BORNE_SYNC_HUB_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* The SQL of hub/hub.sql, built in. */
extern const char hub_sql[];

typedef struct HubSyncStats {
	int64_t pushed;          /* changes the hub took */
	int64_t pulled;          /* changes read from the hub */
	int64_t applied;         /* of them, written here */
	int64_t too_new;         /* 1: changes of a newer version passed over */
	int     incarnation;     /* after the sync */
	int     restored;        /* 1: a restored backup, new incarnation */
	int64_t reseeded;        /* rows sent again: the hub lost pruned ones */
	int64_t pruned;          /* changes taken by the hub, deleted here */
} HubSyncStats;

/* Each returns BORNE_OK or an error with err (errlen bytes) set to one
** line. url is a libpq connection string or postgresql:// URI. */
int hub_init(const char *url, char *err, size_t errlen);
/* code (codelen bytes): the short code the hub gave the kiosk ("B"). */
int hub_add_kiosk(const char *url, const char *kiosk_uuid, const char *role,
                  const char *password, char *code, size_t codelen,
                  char *err, size_t errlen);
int hub_revoke(const char *url, const char *role, char *err, size_t errlen);
/* A coordinator's login role that may read the hub's report views only
** (borne.add_reader); password NULL: none set (peer or cert sign-in). */
int hub_add_reader(const char *url, const char *role, const char *password,
                   char *err, size_t errlen);
/* Push then pull; the push cursor moves only once the hub's commit is
** known, so a sync cut anywhere sends again what the hub may lack, and
** the hub skips what it has. BORNE_EIO: the hub is out of reach or
** refused; the reason is also kept in sync_state.last_error. After a
** complete sync, the changes the hub took more than keep_days ago are
** pruned (outbox_prune; < 0: none). */
int hub_sync(Store *st, const char *url, int64_t now_utc, int keep_days,
             HubSyncStats *out, char *err, size_t errlen);

#endif
