/* privacy.h -- the data-protection duties: show one member everything the
** kiosk holds on them, forget a member, purge old records.
**
** Forgetting keeps the attendance figures funders need but cuts them from
** the person: the name becomes "(oublié·e #ID)", badges and PIN are
** deleted, the badge UID is blanked on the member's visits, names and
** badge UIDs are scrubbed from the audit lines about the member, the UID
** of a badge of theirs is blanked on earlier unknown taps, and the
** member is marked forgotten and inactive. The visits keep their member_id, so a
** report still counts those hours, under the anonymous marker.
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

/* Forgets member id in one transaction, audited as actor_id.
** BORNE_ENOTFOUND, BORNE_EREFUSED (already forgotten), BORNE_EDB... */
int privacy_forget_member(Store *st, int64_t id, int64_t actor_id,
                          int64_t now_utc);

typedef struct PurgeCounts {
	int visits;
	int unknown_taps;
	int takes;
} PurgeCounts;

/* Deletes what is older than before_utc (see above), in one transaction,
** audited as actor_id. *counts (may be NULL) says how many rows went. */
int privacy_purge(Store *st, int64_t before_utc, int64_t actor_id,
                  int64_t now_utc, PurgeCounts *counts);

/* Writes s as a JSON string, quotes included. Invalid UTF-8 bytes become
** U+FFFD so the document always parses. */
void privacy_json_string(FILE *out, const char *s);

#endif
