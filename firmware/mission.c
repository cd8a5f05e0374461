/* mission.c -- small paid jobs for the youth cooperative (see mission.h):
** names, drafts, posting, and every status change (approval, takes,
** release, done, cancel, expiry) with the rules that may refuse it. The
** reads (one mission, the board, takers, lists) are in mission_list.c.
** Takes count only while not released; a member's open takes are those
** on missions still open or taken. */
#include "mission.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "member.h"
#include "mission_impl.h"
#include "safety.h"
#include "text.h"
#include "uuid.h"

static const char *const status_names[MISSION_STATUS_COUNT] = {
	"pending", "open", "taken", "done", "rejected", "cancelled", "expired"
};
static const char *const category_names[CAT_COUNT] = {
	"jardin", "animaux", "bricolage", "couture", "cuisine", "numerique",
	"autre"
};
const char *const mission_reward_names[3] = { "fixed", "quote", "tip" };

static int  mission_review(Store *st, int64_t id, MissionStatus to,
                            const char *reason, int64_t actor_id,
                            int64_t now_utc);
static int  why_set(MissionField *field, MissionField f, char *why,
                    size_t whylen, const char *label, const char *reason);
static int  status_set(Store *st, int64_t id, MissionStatus s,
                       const char *reason, int64_t now_utc);
static int  open_takes(Store *st, int64_t member_id, int *n);
static int  staff_or_poster(Store *st, const Mission *m, int64_t by_id,
                            Member *by);
static int  mission_end(Store *st, int64_t id, int64_t by_id,
                        MissionStatus to, int64_t now_utc,
                        MissionRefusal *why);

/* ---- Names ---------------------------------------------------------- */

int
mission_name_index(const char *const *names, int n, const char *s)
{
	for (int i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *
mission_refusal_name(MissionRefusal r)
{
	static const char *const names[MREFUSE_COUNT] = {
		[MREFUSE_NONE] = "none", [MREFUSE_INACTIVE] = "inactive",
		[MREFUSE_ALREADY] = "already", [MREFUSE_FULL] = "full",
		[MREFUSE_NOT_OPEN] = "not_open", [MREFUSE_OWN] = "own",
		[MREFUSE_MINOR] = "minor", [MREFUSE_TOO_MANY] = "too_many",
		[MREFUSE_NOT_TAKER] = "not_taker", [MREFUSE_STARTED] = "started",
		[MREFUSE_NOT_POSTER] = "not_poster", [MREFUSE_HEAT] = "heat",
		[MREFUSE_DAY_LIMIT] = "day_limit", [MREFUSE_WEEK_LIMIT] = "week_limit",
	};

	return (int)r >= 0 && r < MREFUSE_COUNT ? names[r] : "?";
}

const char *
mission_status_name(MissionStatus s)
{
	return (int)s >= 0 && s < MISSION_STATUS_COUNT ? status_names[s] : "unknown";
}

int
mission_status_parse(const char *s, MissionStatus *out)
{
	int i = mission_name_index(status_names, MISSION_STATUS_COUNT, s);

	*out = i >= 0 ? (MissionStatus)i : MISSION_PENDING;
	return i >= 0 ? BORNE_OK : BORNE_EINVAL;
}

const char *
mission_category_name(MissionCategory c)
{
	return (int)c >= 0 && c < CAT_COUNT ? category_names[c] : "autre";
}

int
mission_category_parse(const char *s, MissionCategory *out)
{
	int i = mission_name_index(category_names, CAT_COUNT, s);

	*out = i >= 0 ? (MissionCategory)i : CAT_AUTRE;
	return i >= 0 ? BORNE_OK : BORNE_EINVAL;
}

/* ---- Drafts --------------------------------------------------------- */

void
mission_draft_init(MissionDraft *d)
{
	memset(d, 0, sizeof *d);
	d->category = CAT_AUTRE;
	d->places = 1;
	d->reward_kind = REWARD_TIP;
}

static int
why_set(MissionField *field, MissionField f, char *why, size_t whylen,
        const char *label, const char *reason)
{
	if (field != NULL)
		*field = f;
	if (why != NULL && whylen > 0)
		snprintf(why, whylen, "%s%s%s", label, *label ? " " : "", reason);
	return BORNE_EINVAL;
}

int
mission_validate(const MissionDraft *d, MissionField *field, char *why,
                 size_t whylen)
{
	char r[64];

	if (field != NULL)
		*field = MFIELD_NONE;
	if (why != NULL && whylen > 0)
		why[0] = '\0';
	if (text_check(d->title, BORNE_TITLE_MAX_CH, TEXT_SINGLE_LINE, 1, r,
	               sizeof r) != BORNE_OK)
		return why_set(field, MFIELD_TITLE, why, whylen, "title", r);
	if (text_check(d->description, BORNE_DESC_MAX_CH, TEXT_MULTILINE, 0, r,
	               sizeof r) != BORNE_OK)
		return why_set(field, MFIELD_DESCRIPTION, why, whylen, "description", r);
	if ((int)d->category < 0 || d->category >= CAT_COUNT)
		return why_set(field, MFIELD_CATEGORY, why, whylen, "category",
		               "is not one of the list");
	if (text_check(d->place, BORNE_PLACE_MAX_CH, TEXT_SINGLE_LINE, 0, r,
	               sizeof r) != BORNE_OK)
		return why_set(field, MFIELD_PLACE, why, whylen, "place", r);
	if (d->date_from[0] == '\0' && d->date_to[0] != '\0')
		return why_set(field, MFIELD_WHEN, why, whylen, "",
		               "an end date needs a start date");
	if (d->date_from[0] != '\0' && time_parse_date(d->date_from) != BORNE_OK)
		return why_set(field, MFIELD_WHEN, why, whylen, "start date",
		               "is not a date (YYYY-MM-DD)");
	if (d->date_to[0] != '\0' && time_parse_date(d->date_to) != BORNE_OK)
		return why_set(field, MFIELD_WHEN, why, whylen, "end date",
		               "is not a date (YYYY-MM-DD)");
	if (d->date_to[0] != '\0' && strcmp(d->date_to, d->date_from) < 0)
		return why_set(field, MFIELD_WHEN, why, whylen, "end date",
		               "is before the start date");
	if (d->duration_min < 0 || d->duration_min > MISSION_DURATION_MAX)
		return why_set(field, MFIELD_DURATION, why, whylen, "duration",
		               "must be between 0 and 7 days");
	if (d->places < 1 || d->places > MISSION_PLACES_MAX) {
		snprintf(r, sizeof r, "must be between 1 and %d", MISSION_PLACES_MAX);
		return why_set(field, MFIELD_PLACES, why, whylen, "people needed", r);
	}
	if ((int)d->reward_kind < REWARD_FIXED || d->reward_kind > REWARD_TIP)
		return why_set(field, MFIELD_REWARD, why, whylen, "reward",
		               "is not fixed, quote or tip");
	if (d->reward_kind == REWARD_FIXED &&
	    (d->reward_cents < 1 || d->reward_cents > MISSION_REWARD_MAX))
		return why_set(field, MFIELD_REWARD, why, whylen, "reward",
		               "must be between 0.01 and 1000 euros");
	return BORNE_OK;
}

/* ---- Posting -------------------------------------------------------- */

int
mission_add(Store *st, const MissionDraft *d, int64_t poster_id,
            int64_t now_utc, int64_t *id_out)
{
	static const char sql[] =
		"INSERT INTO missions(uuid, title, description, category, place,"
		" date_from, date_to, duration_min, places, reward_kind, reward_cents,"
		" minors_ok, poster_id, status, created_utc, updated_utc, outdoor)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
		" ?15, ?15, ?16)";
	char why[128], uuid[BORNE_UUID_LEN + 1];
	char title[sizeof d->title], place[sizeof d->place];
	int64_t id;
	MissionField field;
	MissionStatus status;
	Member poster;
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (id_out != NULL)
		*id_out = 0;
	if (mission_validate(d, &field, why, sizeof why) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "%s", why);
	if ((rc = member_get(st, poster_id, &poster)) != BORNE_OK)
		return rc;
	if (!poster.active)
		return store_set_error(st, BORNE_EPERM, "member %lld is deactivated",
		                       (long long)poster_id);
	status = store_rules(st)->approval_required && !member_is_staff(&poster)
	       ? MISSION_PENDING : MISSION_OPEN;
	text_copy(title, sizeof title, d->title);
	text_copy(place, sizeof place, d->place);
	uuid_make(uuid);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, d->description, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, mission_category_name(d->category), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, place, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 6, d->date_from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 7, d->date_to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 8, d->duration_min);
	sqlite3_bind_int(stmt, 9, d->places);
	sqlite3_bind_text(stmt, 10, mission_reward_names[d->reward_kind], -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 11, d->reward_kind == REWARD_FIXED ? d->reward_cents : 0);
	sqlite3_bind_int(stmt, 12, d->minors_ok != 0);
	sqlite3_bind_int64(stmt, 13, poster_id);
	sqlite3_bind_text(stmt, 14, mission_status_name(status), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 15, now_utc);
	sqlite3_bind_int(stmt, 16, d->outdoor != 0);
	if ((rc = store_step_done(st, stmt, "adding a mission")) != BORNE_OK)
		goto fail;
	id = sqlite3_last_insert_rowid(store_db(st));   /* before anything else writes */
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	if (id_out != NULL)
		*id_out = id;
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

/* ---- Status changes ------------------------------------------------- */

static int
status_set(Store *st, int64_t id, MissionStatus s, const char *reason,
           int64_t now_utc)
{
	static const char sql[] =
		"UPDATE missions SET status = ?2, updated_utc = ?3,"
		" reason = COALESCE(?4, reason) WHERE id = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, mission_status_name(s), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, now_utc);
	if (reason != NULL)
		sqlite3_bind_text(stmt, 4, reason, -1, SQLITE_TRANSIENT);
	return store_step_done(st, stmt, "changing a mission");
}

/* A facilitator's verdict on a pending mission: open it, or reject it
** with a reason (already checked), audited in the same transaction. */
static int
mission_review(Store *st, int64_t id, MissionStatus to, const char *reason,
               int64_t actor_id, int64_t now_utc)
{
	Mission m;
	int rc;

	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK ||
	    (rc = mission_get(st, id, &m)) != BORNE_OK)
		goto fail;
	if (m.status != MISSION_PENDING) {
		rc = store_set_error(st, BORNE_EREFUSED, "mission %lld is %s, not "
		                     "waiting for approval", (long long)id,
		                     mission_status_name(m.status));
		goto fail;
	}
	if ((rc = status_set(st, id, to, reason, now_utc)) != BORNE_OK ||
	    (rc = audit_log(st, actor_id, to == MISSION_OPEN ? "mission.approve"
	                    : "mission.reject", "mission", id, reason,
	                    now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
mission_approve(Store *st, int64_t id, int64_t actor_id, int64_t now_utc)
{
	return mission_review(st, id, MISSION_OPEN, NULL, actor_id, now_utc);
}

int
mission_reject(Store *st, int64_t id, const char *reason, int64_t actor_id,
               int64_t now_utc)
{
	char why[64], clean[BORNE_CH_BYTES(BORNE_REASON_MAX_CH)];

	if (text_check(reason, BORNE_REASON_MAX_CH, TEXT_SINGLE_LINE, 0, why,
	               sizeof why) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "reason %s", why);
	text_copy(clean, sizeof clean, reason);
	return mission_review(st, id, MISSION_REJECTED, clean, actor_id, now_utc);
}

/* Takes a member holds on missions still open or taken. */
static int
open_takes(Store *st, int64_t member_id, int *n)
{
	static const char sql[] =
		"SELECT COUNT(*) FROM mission_takes t JOIN missions m"
		" ON m.id = t.mission_id WHERE t.member_id = ?1"
		" AND t.released_utc IS NULL AND m.status IN ('open', 'taken')";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*n = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		*n = sqlite3_column_int(stmt, 0);
	store_stmt_release(st, stmt);
	return src == SQLITE_ROW ? BORNE_OK : store_fail(st, src, "counting takes");
}

int
mission_take(Store *st, int64_t id, int64_t member_id, int64_t now_utc,
             MissionRefusal *why)
{
	static const char sql[] =
		"INSERT INTO mission_takes(uuid, mission_id, member_id, taken_utc)"
		" VALUES (?1, ?2, ?3, ?4)";
	char uuid[BORNE_UUID_LEN + 1];
	sqlite3_stmt *stmt = NULL;
	MissionRefusal r = MREFUSE_NONE;
	SafetyLimit limit;
	Member who;
	Mission m;
	int rc, held, max;

	uuid_make(uuid);
	if ((rc = store_begin(st)) != BORNE_OK)
		goto out;
	if ((rc = member_get(st, member_id, &who)) != BORNE_OK ||
	    (rc = mission_get(st, id, &m)) != BORNE_OK)
		goto fail;
	rc = BORNE_EREFUSED;
	if (!who.active) {
		r = MREFUSE_INACTIVE;
		store_set_error(st, rc, "member %lld is deactivated", (long long)member_id);
		goto fail;
	}
	if (mission_is_taker(st, id, member_id) == 1) {
		r = MREFUSE_ALREADY;
		store_set_error(st, rc, "you already took this mission");
		goto fail;
	}
	if (m.status == MISSION_TAKEN || (m.status == MISSION_OPEN &&
	                                  m.n_takers >= m.d.places)) {
		r = MREFUSE_FULL;
		store_set_error(st, rc, "no place left on this mission");
		goto fail;
	}
	if (m.status != MISSION_OPEN) {
		r = MREFUSE_NOT_OPEN;
		store_set_error(st, rc, "this mission is %s, not open",
		                mission_status_name(m.status));
		goto fail;
	}
	if (m.poster_id == member_id) {
		r = MREFUSE_OWN;
		store_set_error(st, rc, "you posted this mission");
		goto fail;
	}
	if (who.minor && !m.d.minors_ok) {
		r = MREFUSE_MINOR;
		store_set_error(st, rc, "this mission is not open to minors");
		goto fail;
	}
	if ((rc = safety_check_take(st, member_id, &m, now_utc, &limit)) !=
	    BORNE_OK)
		goto fail;
	if (limit != SAFETY_OK) {
		rc = BORNE_EREFUSED;
		r = limit == SAFETY_HEAT ? MREFUSE_HEAT :
		    limit == SAFETY_DAY ? MREFUSE_DAY_LIMIT : MREFUSE_WEEK_LIMIT;
		store_set_error(st, rc, "%s", limit == SAFETY_HEAT ?
		                "heat alert: no outdoor mission for minors in the "
		                "hot hours" : limit == SAFETY_DAY ?
		                "this would pass a minor's hours for the day" :
		                "this would pass a minor's hours for the week");
		goto fail;
	}
	if ((rc = open_takes(st, member_id, &held)) != BORNE_OK)
		goto fail;
	max = store_rules(st)->max_open_takes;
	if (held >= max) {
		r = MREFUSE_TOO_MANY;
		rc = store_set_error(st, BORNE_EREFUSED, "you already hold %d "
		                     "mission%s, the most allowed", held,
		                     held == 1 ? "" : "s");
		goto fail;
	}
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_int64(stmt, 3, member_id);
	sqlite3_bind_int64(stmt, 4, now_utc);
	if ((rc = store_step_done(st, stmt, "taking a mission")) != BORNE_OK)
		goto fail;
	if (m.n_takers + 1 >= m.d.places &&
	    (rc = status_set(st, id, MISSION_TAKEN, NULL, now_utc)) != BORNE_OK)
		goto fail;
	rc = store_commit(st);
	goto out;
fail:
	store_rollback(st);
out:
	if (why != NULL)
		*why = r;
	return rc;
}

int
mission_release(Store *st, int64_t id, int64_t member_id, int64_t now_utc,
                MissionRefusal *why)
{
	static const char sql[] =
		"UPDATE mission_takes SET released_utc = ?3 WHERE mission_id = ?1"
		" AND member_id = ?2 AND released_utc IS NULL";
	char today[TIME_DATE_SIZE];
	MissionRefusal r = MREFUSE_NONE;
	sqlite3_stmt *stmt = NULL;
	Mission m;
	int rc;

	if ((rc = store_begin(st)) != BORNE_OK)
		goto out;
	if ((rc = mission_get(st, id, &m)) != BORNE_OK)
		goto fail;
	if ((rc = mission_is_taker(st, id, member_id)) < 0)
		goto fail;
	if (rc != 1) {
		r = MREFUSE_NOT_TAKER;
		rc = store_set_error(st, BORNE_ENOTFOUND, "you did not take this mission");
		goto fail;
	}
	if (m.status != MISSION_OPEN && m.status != MISSION_TAKEN) {
		r = MREFUSE_NOT_OPEN;
		rc = store_set_error(st, BORNE_EREFUSED, "this mission is %s",
		                     mission_status_name(m.status));
		goto fail;
	}
	time_local_date(now_utc, today);
	if (m.d.date_from[0] != '\0' && strcmp(m.d.date_from, today) <= 0) {
		r = MREFUSE_STARTED;
		rc = store_set_error(st, BORNE_EREFUSED, "the mission has already "
		                     "started: ask the person who posted it");
		goto fail;
	}
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, member_id);
	sqlite3_bind_int64(stmt, 3, now_utc);
	if ((rc = store_step_done(st, stmt, "releasing a mission")) != BORNE_OK)
		goto fail;
	if (m.status == MISSION_TAKEN &&
	    (rc = status_set(st, id, MISSION_OPEN, NULL, now_utc)) != BORNE_OK)
		goto fail;
	rc = store_commit(st);
	goto out;
fail:
	store_rollback(st);
out:
	if (why != NULL)
		*why = r;
	return rc;
}

/* BORNE_OK when by_id posted m or is active staff, else BORNE_EPERM. */
static int
staff_or_poster(Store *st, const Mission *m, int64_t by_id, Member *by)
{
	int rc;

	if ((rc = member_get(st, by_id, by)) != BORNE_OK)
		return rc;
	if (by->id == m->poster_id || (member_is_staff(by) && by->active))
		return BORNE_OK;
	return store_set_error(st, BORNE_EPERM, "only the person who posted "
	                       "this mission or a facilitator may do that");
}

/* done or cancelled, by the poster or staff; staff's change is audited. */
static int
mission_end(Store *st, int64_t id, int64_t by_id, MissionStatus to,
            int64_t now_utc, MissionRefusal *why)
{
	MissionRefusal r = MREFUSE_NONE;
	Member by;
	Mission m;
	int rc, ok;

	if ((rc = store_begin(st)) != BORNE_OK)
		goto out;
	if ((rc = mission_get(st, id, &m)) != BORNE_OK)
		goto fail;
	if ((rc = staff_or_poster(st, &m, by_id, &by)) != BORNE_OK) {
		if (rc == BORNE_EPERM)
			r = MREFUSE_NOT_POSTER;
		goto fail;
	}
	ok = m.status == MISSION_OPEN || m.status == MISSION_TAKEN;
	if (to == MISSION_CANCELLED)
		ok = ok || m.status == MISSION_PENDING || m.status == MISSION_REJECTED;
	if (!ok) {
		r = MREFUSE_NOT_OPEN;
		rc = store_set_error(st, BORNE_EREFUSED, "this mission is %s",
		                     mission_status_name(m.status));
		goto fail;
	}
	if ((rc = status_set(st, id, to, NULL, now_utc)) != BORNE_OK)
		goto fail;
	if (by_id != m.poster_id &&
	    (rc = audit_log(st, by_id, to == MISSION_DONE ? "mission.done"
	                                                 : "mission.cancel",
	                    "mission", id, NULL, now_utc)) != BORNE_OK)
		goto fail;
	rc = store_commit(st);
	goto out;
fail:
	store_rollback(st);
out:
	if (why != NULL)
		*why = r;
	return rc;
}

int
mission_done(Store *st, int64_t id, int64_t by_id, int64_t now_utc,
             MissionRefusal *why)
{
	return mission_end(st, id, by_id, MISSION_DONE, now_utc, why);
}

int
mission_cancel(Store *st, int64_t id, int64_t by_id, int64_t now_utc,
               MissionRefusal *why)
{
	return mission_end(st, id, by_id, MISSION_CANCELLED, now_utc, why);
}

int
mission_expire(Store *st, int64_t now_utc, int *n_expired)
{
	static const char sql[] =
		"UPDATE missions SET status = 'expired', updated_utc = ?2"
		" WHERE status IN ('pending', 'open') AND date_from <> ''"
		" AND (CASE WHEN date_to <> '' THEN date_to ELSE date_from END) < ?1";
	char today[TIME_DATE_SIZE];
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if (n_expired != NULL)
		*n_expired = 0;
	time_local_date(now_utc, today);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK) {
		store_rollback(st);
		return rc;
	}
	sqlite3_bind_text(stmt, 1, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, now_utc);
	src = sqlite3_step(stmt);
	store_stmt_release(st, stmt);
	if (src != SQLITE_DONE) {
		rc = store_fail(st, src, "expiring missions");
		store_rollback(st);
		return rc;
	}
	if (n_expired != NULL)
		*n_expired = sqlite3_changes(store_db(st));
	if ((rc = store_commit(st)) != BORNE_OK && n_expired != NULL)
		*n_expired = 0;
	return rc;
}
