/* stream.h -- the work stream a member joins on a contributive day
** ("Chantier", "Communication", "Budget"...: the day's streams, day.h).
** A visit on a day with streams may name one: the member picks it at the
** greeting after checking in, and may change it during the visit. Each
** choice holds from its time until the next (the first from the arrival:
** picked at the greeting or an hour later, it is what they came for), so
** the hours of a visit are cut between streams where it changed
** (report.h: report_streams, report attendance --by stream). The
** choice is the member's own, like the check-in: it is not audited (the
** audit log holds what staff change). */
#ifndef BORNE_STREAM_H
#define BORNE_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "checkin.h"
#include "day.h"
#include "store.h"

#define STREAM_NAME_SIZE BORNE_CH_BYTES(DAY_STREAM_MAX_CH)

/* What the kiosk may offer member_id at now_utc: their open visit on a
** contributive day that has streams, the day's streams, the stream they
** are in now ("" none) and the one of their newest earlier visit that had
** one, when today's day has a stream of that name ("" otherwise).
** BORNE_ENOTFOUND when there is nothing to offer (not in, no day, no
** streams); *out is then zeroed. */
typedef struct StreamOffer {
	int64_t    visit_id;
	DayStreams day;
	char       current[STREAM_NAME_SIZE];
	char       last[STREAM_NAME_SIZE];
} StreamOffer;
int stream_offer(Store *st, int64_t member_id, int64_t now_utc,
                 StreamOffer *out);

/* Member's visit visit_id joins stream name from now_utc (the first
** choice of a visit: from its arrival). name must be one of the visit's
** day's streams (case-blind; the day's spelling is kept): BORNE_EINVAL;
** the visit must be open: BORNE_EREFUSED; none: BORNE_ENOTFOUND. The
** stream it is already in: nothing written, BORNE_OK. Durable when it
** returns BORNE_OK. */
int stream_choose(Store *st, int64_t visit_id, const char *name,
                  int64_t now_utc);
/* The stream visit_id is in at its end (or now, when open): "" none. */
int stream_current(Store *st, int64_t visit_id, char *out, size_t outlen);

#endif
