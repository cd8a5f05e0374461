/* day_impl.h -- what day.c and day_plan.c share, and no one else. */
#ifndef BORNE_DAY_IMPL_H
#define BORNE_DAY_IMPL_H

#include <stdint.h>

#include "store.h"

#define DAY_WEEKLY_MAX 106      /* two years of weeks */

/* Inside a transaction: one row (refused, naming the date, when the date
** has a day), its visits of that date linked, audited "day.add". */
int day_insert(Store *st, const char *date, const char *title, int open_min,
               int close_min, int64_t series_id, const char *moved_from,
               int64_t actor_id, int64_t now_utc, int64_t *id_out);
/* Links the visits of date not yet linked to a day to day id. */
int day_link_visits(Store *st, int64_t id, const char *date);
/* BORNE_EINVAL naming "title" or "hours", message set. */
int day_check_fields(Store *st, const char *title, int open_min,
                     int close_min);

#endif
