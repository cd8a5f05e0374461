/* demo.h -- a fresh database filled for `borne --demo`.
** Members of every role with badges, today's contributive day, a few
** people already present, and about thirty missions across every
** category (some pending, some taken, some open to minors), all dated
** from today on so none has expired. demo_badges[] lists the badges the
** UI taps with F1..F6 in demo mode. */
#ifndef BORNE_DEMO_H
#define BORNE_DEMO_H

#include <stdint.h>

#include "member.h"
#include "store.h"

typedef struct DemoBadge {
	const char *uid;         /* canonical hex, for uid_parse */
	const char *name;
	MemberRole  role;
	int         minor;
	int         active;      /* 0: deactivated (the refusal case) */
	const char *pin;         /* staff: their facilitator PIN, else NULL */
	const char *note;        /* what tapping it shows, for the help line */
} DemoBadge;

#define DEMO_N_BADGES 6
extern const DemoBadge demo_badges[DEMO_N_BADGES];

/* A badge no member holds: tapping it shows the unknown-badge screen. */
#define DEMO_UNKNOWN_UID "04C0FFEE"

/* Fills a fresh database. BORNE_OK; BORNE_EREFUSED when the demo members
** are already there (nothing is changed); other errors from the store
** (store_errmsg says why), with nothing half-written. */
int demo_fill(Store *st, int64_t now_utc);

#endif
