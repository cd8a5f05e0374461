/* member.h -- the people the kiosk knows, and their badges.
** A member has a display name, a role, a minor flag, an active flag and
** zero or more badges. Facilitators and admins may have a PIN of 4 to 8
** digits (stored as a libsodium password hash over a keyed hash of the
** PIN, never in clear; the key is outside the database: pinkey.h). Only
** what the kiosk needs is kept: minors' data is personal data. */
#ifndef BORNE_MEMBER_H
#define BORNE_MEMBER_H

#include <stdint.h>
#include <stdio.h>

#include "borne.h"
#include "store.h"
#include "uid.h"

typedef enum MemberRole {
	ROLE_COOPERATOR = 0,
	ROLE_COWORKER,
	ROLE_FACILITATOR,
	ROLE_ADMIN,
	ROLE_COUNT
} MemberRole;

typedef struct Member {
	int64_t id;
	char    uuid[BORNE_UUID_LEN + 1];
	char    name[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	MemberRole role;
	int     minor;
	int     active;
	int     has_pin;
	int     forgotten;           /* personal data erased */
	int64_t created_utc;
} Member;

/* actor_id: the facilitator/admin who makes the change (for the audit
** log), 0 for borne-admin on the command line (the machine's
** administrator). The rules of who may change what are checked here, for
** every front end, and a refusal is BORNE_EPERM with store_errmsg saying
** who may:
**   member_add         a facilitator; a facilitator or admin: an admin
**   member_deactivate  a facilitator; a facilitator or admin: an admin
**   member_set_pin     the member themself, or an admin
**   badge_add/remove   a facilitator
** ("a facilitator" means an active facilitator or admin.) */

const char *member_role_name(MemberRole role);     /* "cooperator"... */
int  member_role_parse(const char *s, MemberRole *out);
int  member_is_staff(const Member *m);             /* facilitator/admin */
/* BORNE_OK when actor_id may act with at least the role `least`: 0 (the
** machine's administrator), or an active, not forgotten member whose role
** is `least` or above (roles are ordered cooperator < coworker <
** facilitator < admin). BORNE_EPERM (message set) otherwise, also for an
** actor who does not exist; a negative BORNE_E* when reading fails. */
int  member_actor_may(Store *st, int64_t actor_id, MemberRole least);

/* Adds a member (badge and pin may be NULL). BORNE_EINVAL names the
** field in store_errmsg ("name is longer than 80 characters"). */
int  member_add(Store *st, const char *name, MemberRole role, int minor,
                const BadgeUid *badge, const char *pin, int64_t actor_id,
                int64_t now_utc, int64_t *id_out);
int  member_get(Store *st, int64_t id, Member *out);
/* The member owning an active badge: BORNE_ENOTFOUND when nobody does. */
int  member_by_badge(Store *st, const BadgeUid *uid, Member *out);
/* Calls fn for every member ordered by name; fn returns non-zero to stop. */
int  member_each(Store *st, int (*fn)(const Member *m, void *ctx), void *ctx);
int  member_deactivate(Store *st, int64_t id, int64_t actor_id, int64_t now_utc);
/* Sets role and minor status (member_edit.c): a facilitator for
** cooperators and coworkers, an admin when the member is or becomes a
** facilitator or admin (BORNE_EPERM). BORNE_EREFUSED for a forgotten
** member. Audited as member.update, unless nothing changes. */
int  member_update(Store *st, int64_t id, MemberRole role, int minor,
                   int64_t actor_id, int64_t now_utc);
#define MEMBER_PIN_MIN_DIGITS     4
#define MEMBER_PIN_MAX_DIGITS     8
#define MEMBER_PIN_DEFAULT_DIGITS 6   /* proposed to new facilitators */

/* BORNE_OK when pin matches; BORNE_EREFUSED when it does not or no PIN
** is set (Member.has_pin tells these apart); BORNE_ENOTFOUND: no such
** member; BORNE_EIO when the PIN key it was hashed with is not loaded
** (missing key file, another key: store_errmsg says what to do). A
** correct PIN with an old keyless hash is hashed again with the key. */
int  member_check_pin(Store *st, int64_t id, const char *pin);
/* Sets or changes a PIN (4 to 8 digits: BORNE_EINVAL otherwise); needs
** the PIN key (BORNE_EIO without). Audited as member.pin. */
int  member_set_pin(Store *st, int64_t id, const char *pin, int64_t actor_id,
                    int64_t now_utc);
/* How many PIN hashes are of the old keyless scheme, and how many were
** made with a key. */
int  member_pin_counts(Store *st, int *n_legacy, int *n_keyed);

int  badge_add(Store *st, int64_t member_id, const BadgeUid *uid,
               int64_t actor_id, int64_t now_utc);
int  badge_remove(Store *st, const BadgeUid *uid, int64_t actor_id,
                  int64_t now_utc);
/* Calls fn with each badge of a member (canonical hex). */
int  badge_each(Store *st, int64_t member_id,
                int (*fn)(const char *uid_hex, int64_t added_utc, void *ctx),
                void *ctx);

#endif
