/* safety.h -- keeping the cooperative's minors safe (16-17 year olds
** under a CAPE contract). French labour law for young workers, as the
** defaults: at most 8 h of work a day and 35 h a week, a break of at
** least 30 minutes after 4 h 30 in a row. Time at the space counts as
** work: a visit from check-in to check-out (an open visit up to now).
** Days and weeks are local (Monday to Sunday), cut at local midnight, so
** a visit across midnight counts on both days and a DST day has its 23
** or 25 hours. Two visits apart by less than the break are one stretch.
**
** The heat alert: on a day a facilitator turns it on, outdoor missions
** are not offered to minors between 12:00 and 16:00 (configurable). */
#ifndef BORNE_SAFETY_H
#define BORNE_SAFETY_H

#include <stdint.h>

#include "mission.h"
#include "store.h"

typedef struct SafetyRules {
	int day_max_min;         /* 480: 8 h */
	int week_max_min;        /* 2100: 35 h */
	int break_after_min;     /* 270: 4 h 30 */
	int break_min;           /* 30 */
	int heat_from_min;       /* 720: 12:00 */
	int heat_to_min;         /* 960: 16:00 */
} SafetyRules;

/* Where a member stands at now_utc. */
typedef struct SafetyStatus {
	int day_min;             /* worked today (local) */
	int week_min;            /* worked this week, Monday to now */
	int stretch_min;         /* present without a break (0 if not in) */
	int over_day;            /* day_min >= the day's limit */
	int over_week;
	int needs_break;         /* stretch_min >= break_after_min */
} SafetyStatus;

/* Why a minor's take was refused (or a warning at check-in). */
typedef enum SafetyLimit {
	SAFETY_OK = 0,
	SAFETY_DAY,              /* the day's hours would pass the limit */
	SAFETY_WEEK,             /* the week's hours would */
	SAFETY_HEAT              /* outdoor, heat alert, hot hours */
} SafetyLimit;

/* The defaults above, then the space's settings "safety.day_max_min",
** "safety.week_max_min", "safety.break_after_min", "safety.break_min",
** "safety.heat_hours" ("12:00-16:00") where set and sensible. */
void safety_rules(Store *st, SafetyRules *out);
/* Staff (actor 0: borne-admin) change one, audited; BORNE_EINVAL for an
** unknown key or a value out of bounds; BORNE_EPERM for others. */
int  safety_rule_set(Store *st, const char *key, const char *value,
                     int64_t actor_id, int64_t now_utc);

int  safety_status(Store *st, int64_t member_id, int64_t now_utc,
                   const SafetyRules *r, SafetyStatus *out);

/* Whether member_id (a minor: adults always SAFETY_OK) may take mission
** m now: its duration on its day (today's work counts when it is today,
** or when it is flexible) and in its week, and the heat rule. */
int  safety_check_take(Store *st, int64_t member_id, const Mission *m,
                       int64_t now_utc, SafetyLimit *limit);

/* The heat alert: on for the local day of now_utc, or off. Turned on
** and off by staff, audited. safety_heat_now: the alert is on and now is
** within the hot hours. */
int  safety_heat_set(Store *st, int on, int64_t actor_id, int64_t now_utc);
int  safety_heat_on(Store *st, int64_t now_utc);
int  safety_heat_now(Store *st, int64_t now_utc);

#endif
