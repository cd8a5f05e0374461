/* syncview.h -- what people are shown of the sync with a hub
** (docs/sync.md, "What people see"): whether this kiosk has joined a
** hub and how its sync goes (for facilitator mode and borne-web, one
** rule for both), whether a take is still waiting for the hub, and the
** takes the hub refused until their member is told at a tap.
**
** A kiosk alone (no hub) is never shown any of this: it has "joined"
** once a sync was tried (it synced, failed, or sent or got a change). */
#ifndef BORNE_SYNCVIEW_H
#define BORNE_SYNCVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* A sync older than this, or a failed one, is said. */
#define SYNCVIEW_STALE_S 3600

typedef struct SyncHealth {
	int     joined;           /* this kiosk syncs with a hub */
	int     stale;            /* joined, and no complete sync for
	                          ** SYNCVIEW_STALE_S, never one, or the last
	                          ** one failed: "pas synchronisée depuis" */
	int64_t synced_utc;       /* last complete sync, 0: never */
	int     failed;           /* the last sync failed (last_error) */
	char    last_error[256];
	int     update_required;  /* the last pull stopped on a newer schema */
	int64_t badges_taken;     /* badges given way to another kiosk's */
	int64_t pending;          /* changes not yet taken by the hub */
} SyncHealth;

int syncview_health(Store *st, int64_t now_utc, SyncHealth *out);

/* After a pull that reached the end of the hub's log: every change
** pushed up to confirmed_seq is ordered by the hub and its answer is
** here; too_new 1: changes of a newer schema were passed over ("mise à
** jour requise" until an update reads them). */
int syncview_note_pull(Store *st, int64_t confirmed_seq, int too_new);

/* *out = 1 when member_id holds a take of mission_id that the hub has
** not confirmed yet ("en attente de confirmation"); 0 otherwise, and
** always 0 on a kiosk that has not joined a hub. */
int syncview_take_pending(Store *st, int64_t mission_id, int64_t member_id,
                          int *out);

/* In outbox_apply's transaction: the hub refused the take take_uuid
** (the mission was full in hub order); its member is to be told. */
int syncview_take_refused(Store *st, const char *take_uuid, int64_t now_utc);

/* The oldest refusal member_id has not been told of: the mission's
** title into title (and its take's uuid into take_uuid) and *found 1;
** *found 0 when none. A refusal of a mission they hold again is not
** told. */
int syncview_refusal_untold(Store *st, int64_t member_id, char *title,
                            size_t titlelen, char *take_uuid,
                            size_t uuidlen, int *found);
/* That refusal was told (once). */
int syncview_refusal_told(Store *st, const char *take_uuid, int64_t now_utc);

#endif
