/* mission.h -- small paid jobs for the youth cooperative.
** Status flow: pending -> open -> taken -> done, or rejected / cancelled /
** expired. A mission needs `places` people; it is "taken" once every
** place is held and goes back to "open" when a taker releases it. When
** the space requires approval (StoreRules.approval_required) a
** coworker's mission starts pending; a facilitator's starts open.
** Minors see and take only missions marked minors_ok. A member holds at
** most StoreRules.max_open_takes takes at once. A taker may release a
** mission before it starts. "Done" is confirmed by the poster or staff. */
#ifndef BORNE_MISSION_H
#define BORNE_MISSION_H

#include <stdint.h>

#include "borne.h"
#include "store.h"
#include "timeutil.h"

typedef enum MissionStatus {
	MISSION_PENDING = 0,
	MISSION_OPEN,
	MISSION_TAKEN,
	MISSION_DONE,
	MISSION_REJECTED,
	MISSION_CANCELLED,
	MISSION_EXPIRED,
	MISSION_STATUS_COUNT
} MissionStatus;

typedef enum MissionCategory {
	CAT_JARDIN = 0,
	CAT_ANIMAUX,
	CAT_BRICOLAGE,
	CAT_COUTURE,
	CAT_CUISINE,
	CAT_NUMERIQUE,
	CAT_AUTRE,
	CAT_COUNT
} MissionCategory;

typedef enum RewardKind {
	REWARD_FIXED = 0,        /* reward_cents euros */
	REWARD_QUOTE,            /* "sur devis": price to agree */
	REWARD_TIP               /* "pourboire": free tip */
} RewardKind;

#define MISSION_PLACES_MAX   20
#define MISSION_DURATION_MAX (7 * 24 * 60)   /* minutes */
#define MISSION_REWARD_MAX   100000          /* cents: 1,000 euros */

/* What a poster fills in. date_from/date_to are local dates, both empty
** for "flexible"; date_to empty means the one day date_from. */
typedef struct MissionDraft {
	char title[BORNE_CH_BYTES(BORNE_TITLE_MAX_CH)];
	char description[BORNE_CH_BYTES(BORNE_DESC_MAX_CH)];
	MissionCategory category;
	char place[BORNE_CH_BYTES(BORNE_PLACE_MAX_CH)];
	char date_from[TIME_DATE_SIZE];
	char date_to[TIME_DATE_SIZE];
	int  duration_min;       /* 0: not said */
	int  places;             /* 1..MISSION_PLACES_MAX */
	RewardKind reward_kind;
	int  reward_cents;       /* REWARD_FIXED only, 1..MISSION_REWARD_MAX */
	int  minors_ok;
	int  outdoor;            /* "en extérieur": the heat alert keeps minors off it */
} MissionDraft;

/* Which draft field a validation message is about. */
typedef enum MissionField {
	MFIELD_NONE = 0, MFIELD_TITLE, MFIELD_DESCRIPTION, MFIELD_CATEGORY,
	MFIELD_PLACE, MFIELD_WHEN, MFIELD_DURATION, MFIELD_PLACES, MFIELD_REWARD
} MissionField;

typedef struct Mission {
	int64_t id;
	char    uuid[BORNE_UUID_LEN + 1];
	MissionDraft d;
	MissionStatus status;
	int64_t poster_id;
	char    poster_name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	int     n_takers;        /* current takes (not released) */
	int64_t created_utc;
	char    reason[BORNE_CH_BYTES(BORNE_REASON_MAX_CH)];  /* rejection */
} Mission;

/* A mission as the board lists it: enough for a card. */
typedef struct MissionCard {
	int64_t id;
	char    title[BORNE_CH_BYTES(BORNE_TITLE_MAX_CH)];
	MissionCategory category;
	char    date_from[TIME_DATE_SIZE], date_to[TIME_DATE_SIZE];
	int     duration_min;
	int     places, n_takers;
	RewardKind reward_kind;
	int     reward_cents;
	MissionStatus status;
	int     minors_ok;
} MissionCard;

typedef struct MissionQuery {
	int  category;           /* -1: all */
	const char *text;        /* NULL/"": all; else FTS5 match, accent-blind */
	int  minors_only;        /* 1: only minors_ok missions; 2: and no
	                         ** outdoor one (a minor in the heat alert's
	                         ** hours, safety.h) */
	int  include_taken;      /* open, and taken ones too */
	int  status;             /* -1: the board's (open [+ taken]); else one */
	int  offset, limit;
} MissionQuery;

const char *mission_status_name(MissionStatus s);      /* "pending"... */
int  mission_status_parse(const char *s, MissionStatus *out);
const char *mission_category_name(MissionCategory c);  /* "jardin"... */
int  mission_category_parse(const char *s, MissionCategory *out);

/* Fills a draft with defaults (category autre, 1 place, tip). */
void mission_draft_init(MissionDraft *d);
/* Checks a draft as the store would. BORNE_OK, or BORNE_EINVAL with
** *field set and why (English) filled in. */
int  mission_validate(const MissionDraft *d, MissionField *field, char *why,
                      size_t whylen);

/* Adds a mission posted by poster_id: pending or open per the rules. */
int  mission_add(Store *st, const MissionDraft *d, int64_t poster_id,
                 int64_t now_utc, int64_t *id_out);
int  mission_get(Store *st, int64_t id, Mission *out);
/* Board query: up to q->limit cards into out; *total is the number that
** match without offset/limit. A search (q->text) that matches more than
** cap missions (MISSION_SEARCH_CAP, or offset + limit when that is more)
** may stop counting: *total is then cap + 1, "more than cap". */
#define MISSION_SEARCH_CAP 1000
int  mission_search(Store *st, const MissionQuery *q, MissionCard *out,
                    int *n_out, int *total);
/* 1 when total, read by mission_search for q, says "more than
** total - 1" rather than a count. */
int  mission_search_more(const MissionQuery *q, int total);
/* Tests: the cap above, and the most board rows a page may walk testing
** words instead of counting every match (0: the defaults). */
void mission_search_tune(int cap, int walk_max);
/* Moderation: actor_id must be staff (member_actor_may, facilitator):
** BORNE_EPERM otherwise; BORNE_EREFUSED when the mission is not pending. */
int  mission_approve(Store *st, int64_t id, int64_t actor_id, int64_t now_utc);
int  mission_reject(Store *st, int64_t id, const char *reason,
                    int64_t actor_id, int64_t now_utc);
/* Why mission_take and its siblings said no, so that a front end only
** words it (the order below is the order the rules are checked in). */
typedef enum MissionRefusal {
	MREFUSE_NONE = 0,        /* not refused (or failed for another cause) */
	MREFUSE_INACTIVE,        /* the member is deactivated */
	MREFUSE_ALREADY,         /* take: this member already holds it */
	MREFUSE_FULL,            /* take: every place is held */
	MREFUSE_NOT_OPEN,        /* not in a status that allows it */
	MREFUSE_OWN,             /* take: the member posted it */
	MREFUSE_MINOR,           /* take: a minor, and not minors_ok */
	MREFUSE_TOO_MANY,        /* take: StoreRules.max_open_takes reached */
	MREFUSE_NOT_TAKER,       /* release: the member holds no take on it */
	MREFUSE_STARTED,         /* release: its first day has come */
	MREFUSE_NOT_POSTER,      /* done/cancel: neither the poster nor staff */
	MREFUSE_HEAT,            /* take: a minor, outdoors, in the heat alert's
	                         ** hot hours (safety.h) */
	MREFUSE_DAY_LIMIT,       /* take: a minor's day would pass its hours */
	MREFUSE_WEEK_LIMIT,      /* take: a minor's week would */
	MREFUSE_COUNT
} MissionRefusal;

const char *mission_refusal_name(MissionRefusal r);    /* "full"... */

/* Each of these sets *why (when not NULL) to MREFUSE_NONE on success or
** on a failure that is no rule's (BORNE_EDB, BORNE_ENOTFOUND for the
** mission...), else to the rule that said no, with store_errmsg saying
** it in English.
** mission_take: BORNE_EREFUSED (inactive, already, full, not open, own,
** minor, heat, day limit, week limit, too many). mission_release: BORNE_ENOTFOUND (not taker),
** BORNE_EREFUSED (not open, started). mission_done / mission_cancel:
** by_id must be the poster or staff, BORNE_EPERM (not poster) otherwise;
** BORNE_EREFUSED (not open). */
int  mission_take(Store *st, int64_t id, int64_t member_id, int64_t now_utc,
                  MissionRefusal *why);
int  mission_release(Store *st, int64_t id, int64_t member_id, int64_t now_utc,
                     MissionRefusal *why);
int  mission_done(Store *st, int64_t id, int64_t by_id, int64_t now_utc,
                  MissionRefusal *why);
int  mission_cancel(Store *st, int64_t id, int64_t by_id, int64_t now_utc,
                    MissionRefusal *why);
/* Open/pending/taken missions whose last date is before today: expired. */
int  mission_expire(Store *st, int64_t now_utc, int *n_expired);
/* 1 when member_id holds a take on mission id. */
int  mission_is_taker(Store *st, int64_t id, int64_t member_id);
int  mission_takers_each(Store *st, int64_t id,
                         int (*fn)(int64_t member_id, const char *name,
                                   int64_t taken_utc, void *ctx), void *ctx);
/* Missions a member took (not released) or posted, not done, newest first. */
int  mission_of_member(Store *st, int64_t member_id, MissionCard *out,
                       int max, int *n_out);
/* Missions others than member_id posted that the space took on (open,
** taken or done: never pending, rejected, cancelled), newest first: the
** post form's usual jobs (only their card's fields are read). */
int  mission_recent_by_others(Store *st, int64_t member_id, MissionCard *out,
                              int max, int *n_out);
/* Every mission with status s (-1: all), newest first. */
int  mission_each(Store *st, int status,
                  int (*fn)(const Mission *m, void *ctx), void *ctx);

#endif
