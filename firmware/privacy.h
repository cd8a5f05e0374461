/* privacy.h -- the data-protection duties: show one member everything the
** kiosk holds on them, forget a member, purge old records.
**
** Forgetting keeps the attendance figures funders need but cuts them from
** the person: the name becomes "(oublié·e #ID)", badges and PIN are
** deleted, the badge UID is blanked on the member's visits, names and
** badge UIDs are scrubbed from the audit lines about the member, the UID
** of a badge of theirs is blanked on earlier unknown taps, and the
** member is marked forgotten and inactive. The visits keep their member_id, so a
** report still counts those hours, under the anonymous marker. The
** changes waiting for the hub that name the member are scrubbed and one
** "forget" change is queued, so the other kiosks forget too (outbox.h).
**
** Purging deletes, older than a cut-off: visits (by arrival time), unknown
** and deactivated badge taps, takes released before the cut-off, and the
** takes of missions done before it. It never deletes members, missions
** or the audit log (the record of who changed what, the purge included). */
#ifndef BORNE_PRIVACY_H
#define BORNE_PRIVACY_H

#include <stdint.h>
#include <stdio.h>

#include "store.h"

/* The anonymous marker that replaces a forgotten member's name. */
#define PRIVACY_FORGOTTEN_FMT "(oublié·e #%lld)"

/* Writes one JSON document with every row about member id: the member's
** fields, badges, visits, missions posted, takes and the audit lines
** about or by them. Times are UTC, ISO 8601 ("2025-03-05T08:12:00Z").
** BORNE_ENOTFOUND, BORNE_EDB, BORNE_EIO/BORNE_EFULL (writing out). */
int privacy_export_member(Store *st, int64_t id, FILE *out);

/* Forgets member id in one transaction, audited as actor_id, then
** empties the log (privacy_scrub, waiting PRIVACY_SCRUB_WAIT_MS): when
** another connection holds it back, it returns BORNE_OK all the same
** (the member is forgotten) and the checkpoint stays pending for the
** kiosk; privacy_scrub_pending() tells. BORNE_ENOTFOUND, BORNE_EREFUSED (already forgotten), BORNE_EDB... */
int privacy_forget_member(Store *st, int64_t id, int64_t actor_id,
                          int64_t now_utc);

/* Restores forget again: adds every uuid of from's forgotten list (from
** may be NULL: st's own list only) to st's, then forgets, as
** privacy_forget_member does, every member of st on the list not yet
** forgotten. *n_forgotten (may be NULL) counts them. BORNE_OK or the
** first error (what was forgotten before it stays forgotten). */
int privacy_forget_listed(Store *st, Store *from, int64_t now_utc,
                          int *n_forgotten);

typedef struct PurgeCounts {
	int visits;
	int unknown_taps;
	int takes;
} PurgeCounts;

/* Deletes what is older than before_utc (see above), in one transaction,
** audited as actor_id, then empties the log as forget does. *counts (may be NULL) says how many rows went. */
int privacy_purge(Store *st, int64_t before_utc, int64_t actor_id,
                  int64_t now_utc, PurgeCounts *counts);

/* The setting that says the log still holds what forget or purge
** removed (a count; absent when nothing is pending). */
#define PRIVACY_SCRUB_KEY "privacy.scrub_pending"
/* How long forget and purge wait for other connections to let the
** checkpoint through before leaving it to the kiosk. */
#define PRIVACY_SCRUB_WAIT_MS 2000
/* How often the kiosk looks for a pending checkpoint and retries it. */
#define PRIVACY_SCRUB_POLL_MS 5000

/* When forget or purge left the log to empty (PRIVACY_SCRUB_KEY): a
** checkpoint TRUNCATE waiting at most wait_ms for the other connections
** (the kiosk calls it with 0: it never blocks the screen), and the
** pending mark cleared. BORNE_OK (done, or nothing to do), BORNE_EBUSY
** (another connection reads: still pending, try again later), or an
** error from the store. */
int privacy_scrub(Store *st, int wait_ms);

/* 1 when a checkpoint is pending, 0 when not, or a BORNE_E* error. */
int privacy_scrub_pending(Store *st);

/* Writes s as a JSON string, quotes included. Invalid UTF-8 bytes become
** U+FFFD so the document always parses. */
void privacy_json_string(FILE *out, const char *s);

#endif
