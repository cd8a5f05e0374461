/* mission.c -- small paid jobs for the youth cooperative (see mission.h).
**
** Search. What people type is never FTS5 syntax: it is cut into words at
** ASCII spaces and punctuation, each word becomes a quoted string with a
** prefix star ("cafe"*), and the words are ANDed; the result is bound as
** a parameter. The missions_fts index uses unicode61 with
** remove_diacritics 2, so "cafe" finds "Café" and "ECOLE" finds "école".
**
** Board order: the soonest date first, flexible missions (no date) last,
** then the newest. Takes count only while not released; a member's
** open takes are those on missions still open or taken. */
#include "mission.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "member.h"
#include "text.h"
#include "uuid.h"

#define FTS_MAX_WORDS  8
#define FTS_QUERY_SIZE 512

#define N_TAKERS \
	"(SELECT COUNT(*) FROM mission_takes t WHERE t.mission_id = m.id" \
	" AND t.released_utc IS NULL)"
#define MISSION_COLS \
	"m.id, m.uuid, m.title, m.description, m.category, m.place," \
	" m.date_from, m.date_to, m.duration_min, m.places, m.reward_kind," \
	" m.reward_cents, m.minors_ok, m.status, m.poster_id, p.name, " \
	N_TAKERS ", m.created_utc, m.reason"
#define MISSION_FROM " FROM missions m JOIN members p ON p.id = m.poster_id"
#define CARD_COLS \
	"m.id, m.title, m.category, m.date_from, m.date_to, m.duration_min," \
	" m.places, " N_TAKERS ", m.reward_kind, m.reward_cents, m.status," \
	" m.minors_ok"
/* One status (the usual board: open only) can walk missions_board in
** order and stop after a page; two need a sort. */
#define BOARD_FILTER \
	" AND (?3 IS NULL OR m.category = ?3) AND (?4 = 0 OR m.minors_ok = 1)"
#define BOARD_WHERE1 " WHERE m.status = ?1" BOARD_FILTER
#define BOARD_WHERE2 " WHERE m.status IN (?1, ?2)" BOARD_FILTER
/* With a search, the few matching rows are fetched by rowid and sorted:
** the unary + keeps SQLite from walking the status index instead. */
#define BOARD_WHERE1_T " WHERE +m.status = ?1" BOARD_FILTER
#define BOARD_WHERE2_T " WHERE +m.status IN (?1, ?2)" BOARD_FILTER
#define BOARD_TEXT \
	" AND m.id IN (SELECT rowid FROM missions_fts WHERE missions_fts MATCH ?5)"
#define BOARD_ORDER \
	" ORDER BY m.date_from = '', m.date_from, m.created_utc DESC, m.id DESC" \
	" LIMIT ?6 OFFSET ?7"

/* A member's own list: the page's newest posted missions come from the
** partial index missions_mine (its WHERE, word for word, so SQLite can
** use it), the takes from takes_member; then the page is cut again. */
#define MINE_UNFINISHED_TAIL " NOT IN ('done', 'cancelled', 'expired')"
#define MINE_UNFINISHED " AND status" MINE_UNFINISHED_TAIL

static const char *const status_names[MISSION_STATUS_COUNT] = {
	"pending", "open", "taken", "done", "rejected", "cancelled", "expired"
};
static const char *const category_names[CAT_COUNT] = {
	"jardin", "animaux", "bricolage", "couture", "cuisine", "numerique",
	"autre"
};
static const char *const reward_names[] = { "fixed", "quote", "tip" };

static int  mission_review(Store *st, int64_t id, MissionStatus to,
                            const char *reason, int64_t actor_id,
                            int64_t now_utc);
static int  name_index(const char *const *names, int n, const char *s);
static int  why_set(MissionField *field, MissionField f, char *why,
                    size_t whylen, const char *label, const char *reason);
static void mission_row(sqlite3_stmt *stmt, Mission *m);
static void card_row(sqlite3_stmt *stmt, MissionCard *c);
static int  fts_query(const char *text, char *out, size_t outlen);
static int  status_set(Store *st, int64_t id, MissionStatus s,
                       const char *reason, int64_t now_utc);
static int  open_takes(Store *st, int64_t member_id, int *n);
static int  staff_or_poster(Store *st, const Mission *m, int64_t by_id,
                            Member *by);
static int  actor_is_staff(Store *st, int64_t actor_id);
static int  mission_end(Store *st, int64_t id, int64_t by_id,
                        MissionStatus to, int64_t now_utc);

/* ---- Names ---------------------------------------------------------- */

static int
name_index(const char *const *names, int n, const char *s)
{
	for (int i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *
mission_status_name(MissionStatus s)
{
	return (int)s >= 0 && s < MISSION_STATUS_COUNT ? status_names[s] : "unknown";
}

int
mission_status_parse(const char *s, MissionStatus *out)
{
	int i = name_index(status_names, MISSION_STATUS_COUNT, s);

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
	int i = name_index(category_names, CAT_COUNT, s);

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

/* ---- Rows ----------------------------------------------------------- */

static void
mission_row(sqlite3_stmt *stmt, Mission *m)
{
	MissionCategory cat;
	MissionStatus status;
	int rk;

	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(stmt, 0);
	store_col_text(stmt, 1, m->uuid, sizeof m->uuid);
	store_col_text(stmt, 2, m->d.title, sizeof m->d.title);
	store_col_text(stmt, 3, m->d.description, sizeof m->d.description);
	mission_category_parse((const char *)sqlite3_column_text(stmt, 4), &cat);
	m->d.category = cat;
	store_col_text(stmt, 5, m->d.place, sizeof m->d.place);
	store_col_text(stmt, 6, m->d.date_from, sizeof m->d.date_from);
	store_col_text(stmt, 7, m->d.date_to, sizeof m->d.date_to);
	m->d.duration_min = sqlite3_column_int(stmt, 8);
	m->d.places = sqlite3_column_int(stmt, 9);
	rk = name_index(reward_names, 3, (const char *)sqlite3_column_text(stmt, 10));
	m->d.reward_kind = rk >= 0 ? (RewardKind)rk : REWARD_TIP;
	m->d.reward_cents = sqlite3_column_int(stmt, 11);
	m->d.minors_ok = sqlite3_column_int(stmt, 12);
	mission_status_parse((const char *)sqlite3_column_text(stmt, 13), &status);
	m->status = status;
	m->poster_id = sqlite3_column_int64(stmt, 14);
	store_col_text(stmt, 15, m->poster_name, sizeof m->poster_name);
	m->n_takers = sqlite3_column_int(stmt, 16);
	m->created_utc = sqlite3_column_int64(stmt, 17);
	store_col_text(stmt, 18, m->reason, sizeof m->reason);
}

static void
card_row(sqlite3_stmt *stmt, MissionCard *c)
{
	MissionCategory cat;
	MissionStatus status;
	int rk;

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(stmt, 0);
	store_col_text(stmt, 1, c->title, sizeof c->title);
	mission_category_parse((const char *)sqlite3_column_text(stmt, 2), &cat);
	c->category = cat;
	store_col_text(stmt, 3, c->date_from, sizeof c->date_from);
	store_col_text(stmt, 4, c->date_to, sizeof c->date_to);
	c->duration_min = sqlite3_column_int(stmt, 5);
	c->places = sqlite3_column_int(stmt, 6);
	c->n_takers = sqlite3_column_int(stmt, 7);
	rk = name_index(reward_names, 3, (const char *)sqlite3_column_text(stmt, 8));
	c->reward_kind = rk >= 0 ? (RewardKind)rk : REWARD_TIP;
	c->reward_cents = sqlite3_column_int(stmt, 9);
	mission_status_parse((const char *)sqlite3_column_text(stmt, 10), &status);
	c->status = status;
	c->minors_ok = sqlite3_column_int(stmt, 11);
}

/* ---- Posting -------------------------------------------------------- */

int
mission_add(Store *st, const MissionDraft *d, int64_t poster_id,
            int64_t now_utc, int64_t *id_out)
{
	static const char sql[] =
		"INSERT INTO missions(uuid, title, description, category, place,"
		" date_from, date_to, duration_min, places, reward_kind, reward_cents,"
		" minors_ok, poster_id, status, created_utc, updated_utc)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
		" ?15, ?15)";
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
	sqlite3_bind_text(stmt, 10, reward_names[d->reward_kind], -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 11, d->reward_kind == REWARD_FIXED ? d->reward_cents : 0);
	sqlite3_bind_int(stmt, 12, d->minors_ok != 0);
	sqlite3_bind_int64(stmt, 13, poster_id);
	sqlite3_bind_text(stmt, 14, mission_status_name(status), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 15, now_utc);
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

int
mission_get(Store *st, int64_t id, Mission *out)
{
	static const char sql[] =
		"SELECT " MISSION_COLS MISSION_FROM " WHERE m.id = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	memset(out, 0, sizeof *out);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		mission_row(stmt, out);
		rc = BORNE_OK;
	} else if (src == SQLITE_DONE) {
		rc = store_set_error(st, BORNE_ENOTFOUND, "no mission %lld", (long long)id);
	} else {
		rc = store_fail(st, src, "reading a mission");
	}
	store_stmt_release(st, stmt);
	return rc;
}

/* ---- Board ---------------------------------------------------------- */

/* Makes an FTS5 query from free text: returns the number of words (0:
** nothing to search for). Words are cut at ASCII spaces and punctuation;
** bytes >= 0x80 (accents, any script) stay in words. */
static int
fts_query(const char *text, char *out, size_t outlen)
{
	const unsigned char *p = (const unsigned char *)(text != NULL ? text : "");
	size_t o = 0;
	int n = 0;

	out[0] = '\0';
	while (*p != '\0' && n < FTS_MAX_WORDS) {
		const unsigned char *w;
		size_t len;

		while (*p != '\0' && *p < 0x80 && !(*p >= '0' && *p <= '9') &&
		       !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			p++;
		w = p;
		while (*p != '\0' && (*p >= 0x80 || (*p >= '0' && *p <= '9') ||
		                      ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			p++;
		len = (size_t)(p - w);
		if (len == 0)
			continue;
		/* ' "word"*' : no quote can be inside w (ASCII punctuation
		** ends a word), so no escaping is needed. */
		if (o + len + 5 >= outlen)
			break;
		if (o > 0)
			out[o++] = ' ';
		out[o++] = '"';
		memcpy(out + o, w, len);
		o += len;
		out[o++] = '"';
		out[o++] = '*';
		out[o] = '\0';
		n++;
	}
	return n;
}

int
mission_search(Store *st, const MissionQuery *q, MissionCard *out,
               int *n_out, int *total)
{
	/* [two statuses][with text] */
	static const char *const sql_list[2][2] = {
		{ "SELECT " CARD_COLS " FROM missions m" BOARD_WHERE1 BOARD_ORDER,
		  "SELECT " CARD_COLS " FROM missions m" BOARD_WHERE1_T BOARD_TEXT
		  BOARD_ORDER },
		{ "SELECT " CARD_COLS " FROM missions m" BOARD_WHERE2 BOARD_ORDER,
		  "SELECT " CARD_COLS " FROM missions m" BOARD_WHERE2_T BOARD_TEXT
		  BOARD_ORDER },
	};
	static const char *const sql_count[2][2] = {
		{ "SELECT COUNT(*) FROM missions m" BOARD_WHERE1,
		  "SELECT COUNT(*) FROM missions m" BOARD_WHERE1_T BOARD_TEXT },
		{ "SELECT COUNT(*) FROM missions m" BOARD_WHERE2,
		  "SELECT COUNT(*) FROM missions m" BOARD_WHERE2_T BOARD_TEXT },
	};
	char match[FTS_QUERY_SIZE], why[64];
	const char *s1, *s2;
	int has_text, rc = BORNE_OK, src, n = 0;

	if (n_out != NULL)
		*n_out = 0;
	if (total != NULL)
		*total = 0;
	if (q->text != NULL &&
	    text_check(q->text, 1000, TEXT_MULTILINE, 0, why, sizeof why) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "search text %s", why);
	has_text = fts_query(q->text, match, sizeof match) > 0;
	if (q->status < 0) {
		s1 = mission_status_name(MISSION_OPEN);
		s2 = mission_status_name(q->include_taken ? MISSION_TAKEN : MISSION_OPEN);
	} else {
		s1 = s2 = mission_status_name((MissionStatus)q->status);
	}
	for (int pass = 0; pass < 2; pass++) {
		int two = strcmp(s1, s2) != 0;
		const char *sql = pass == 0 ? sql_count[two][has_text]
		                            : sql_list[two][has_text];
		sqlite3_stmt *stmt = NULL;

		if (pass == 0 && total == NULL)
			continue;
		if (pass == 1 && (out == NULL || q->limit <= 0))
			break;
		if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
			return rc;
		sqlite3_bind_text(stmt, 1, s1, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, s2, -1, SQLITE_STATIC);
		if (q->category >= 0 && q->category < CAT_COUNT)
			sqlite3_bind_text(stmt, 3,
			                  mission_category_name((MissionCategory)q->category),
			                  -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 4, q->minors_only != 0);
		if (has_text)
			sqlite3_bind_text(stmt, 5, match, -1, SQLITE_TRANSIENT);
		if (pass == 0) {
			src = sqlite3_step(stmt);
			if (src == SQLITE_ROW) {
				*total = sqlite3_column_int(stmt, 0);
				src = SQLITE_DONE;
			}
		} else {
			sqlite3_bind_int(stmt, 6, q->limit);
			sqlite3_bind_int(stmt, 7, q->offset > 0 ? q->offset : 0);
			while (n < q->limit && (src = sqlite3_step(stmt)) == SQLITE_ROW)
				card_row(stmt, &out[n++]);
			if (n == q->limit)
				src = SQLITE_DONE;
		}
		store_stmt_release(st, stmt);
		if (src != SQLITE_DONE) {
			if (total != NULL)
				*total = 0;
			return store_fail(st, src, "searching missions");
		}
	}
	if (n_out != NULL)
		*n_out = n;
	return BORNE_OK;
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

/* The actor must be staff; 0 (borne-admin on the command line) is. */
static int
actor_is_staff(Store *st, int64_t actor_id)
{
	Member a;
	int rc;

	if (actor_id == 0)
		return BORNE_OK;
	if ((rc = member_get(st, actor_id, &a)) != BORNE_OK)
		return rc;
	if (!member_is_staff(&a) || !a.active)
		return store_set_error(st, BORNE_EPERM, "only a facilitator may do that");
	return BORNE_OK;
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
	if ((rc = actor_is_staff(st, actor_id)) != BORNE_OK ||
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
mission_take(Store *st, int64_t id, int64_t member_id, int64_t now_utc)
{
	static const char sql[] =
		"INSERT INTO mission_takes(uuid, mission_id, member_id, taken_utc)"
		" VALUES (?1, ?2, ?3, ?4)";
	char uuid[BORNE_UUID_LEN + 1];
	sqlite3_stmt *stmt = NULL;
	Member who;
	Mission m;
	int rc, held, max;

	uuid_make(uuid);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = member_get(st, member_id, &who)) != BORNE_OK ||
	    (rc = mission_get(st, id, &m)) != BORNE_OK)
		goto fail;
	rc = BORNE_EREFUSED;
	if (!who.active) {
		store_set_error(st, rc, "member %lld is deactivated", (long long)member_id);
		goto fail;
	}
	if (mission_is_taker(st, id, member_id) == 1) {
		store_set_error(st, rc, "you already took this mission");
		goto fail;
	}
	if (m.status == MISSION_TAKEN || (m.status == MISSION_OPEN &&
	                                  m.n_takers >= m.d.places)) {
		store_set_error(st, rc, "no place left on this mission");
		goto fail;
	}
	if (m.status != MISSION_OPEN) {
		store_set_error(st, rc, "this mission is %s, not open",
		                mission_status_name(m.status));
		goto fail;
	}
	if (m.poster_id == member_id) {
		store_set_error(st, rc, "you posted this mission");
		goto fail;
	}
	if (who.minor && !m.d.minors_ok) {
		store_set_error(st, rc, "this mission is not open to minors");
		goto fail;
	}
	if ((rc = open_takes(st, member_id, &held)) != BORNE_OK)
		goto fail;
	max = store_rules(st)->max_open_takes;
	if (held >= max) {
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
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
mission_release(Store *st, int64_t id, int64_t member_id, int64_t now_utc)
{
	static const char sql[] =
		"UPDATE mission_takes SET released_utc = ?3 WHERE mission_id = ?1"
		" AND member_id = ?2 AND released_utc IS NULL";
	char today[TIME_DATE_SIZE];
	sqlite3_stmt *stmt = NULL;
	Mission m;
	int rc;

	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = mission_get(st, id, &m)) != BORNE_OK)
		goto fail;
	if (mission_is_taker(st, id, member_id) != 1) {
		rc = store_set_error(st, BORNE_ENOTFOUND, "you did not take this mission");
		goto fail;
	}
	if (m.status != MISSION_OPEN && m.status != MISSION_TAKEN) {
		rc = store_set_error(st, BORNE_EREFUSED, "this mission is %s",
		                     mission_status_name(m.status));
		goto fail;
	}
	time_local_date(now_utc, today);
	if (m.d.date_from[0] != '\0' && strcmp(m.d.date_from, today) <= 0) {
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
	return store_commit(st);
fail:
	store_rollback(st);
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
            int64_t now_utc)
{
	Member by;
	Mission m;
	int rc, ok;

	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = mission_get(st, id, &m)) != BORNE_OK ||
	    (rc = staff_or_poster(st, &m, by_id, &by)) != BORNE_OK)
		goto fail;
	ok = m.status == MISSION_OPEN || m.status == MISSION_TAKEN;
	if (to == MISSION_CANCELLED)
		ok = ok || m.status == MISSION_PENDING || m.status == MISSION_REJECTED;
	if (!ok) {
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
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
mission_done(Store *st, int64_t id, int64_t by_id, int64_t now_utc)
{
	return mission_end(st, id, by_id, MISSION_DONE, now_utc);
}

int
mission_cancel(Store *st, int64_t id, int64_t by_id, int64_t now_utc)
{
	return mission_end(st, id, by_id, MISSION_CANCELLED, now_utc);
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

int
mission_is_taker(Store *st, int64_t id, int64_t member_id)
{
	static const char sql[] =
		"SELECT 1 FROM mission_takes WHERE mission_id = ?1 AND member_id = ?2"
		" AND released_utc IS NULL";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, member_id);
	src = sqlite3_step(stmt);
	store_stmt_release(st, stmt);
	if (src == SQLITE_ROW)
		return 1;
	return src == SQLITE_DONE ? 0 : store_fail(st, src, "reading takes");
}

int
mission_takers_each(Store *st, int64_t id,
                    int (*fn)(int64_t member_id, const char *name,
                              int64_t taken_utc, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT t.member_id, p.name, t.taken_utc FROM mission_takes t"
		" JOIN members p ON p.id = t.member_id WHERE t.mission_id = ?1"
		" AND t.released_utc IS NULL ORDER BY t.taken_utc, t.id";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (fn(sqlite3_column_int64(stmt, 0),
		       (const char *)sqlite3_column_text(stmt, 1),
		       sqlite3_column_int64(stmt, 2), ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "listing takers");
	store_stmt_release(st, stmt);
	return rc;
}

int
mission_of_member(Store *st, int64_t member_id, MissionCard *out, int max,
                  int *n_out)
{
	static const char sql[] =
		"SELECT " CARD_COLS " FROM missions m"
		" WHERE m.id IN (SELECT id FROM (SELECT id FROM missions"
		"   WHERE poster_id = ?1" MINE_UNFINISHED
		"   ORDER BY created_utc DESC, id DESC LIMIT ?2)"
		"  UNION SELECT mission_id FROM mission_takes WHERE member_id = ?1"
		"  AND released_utc IS NULL)"
		" AND m.status" MINE_UNFINISHED_TAIL
		" ORDER BY m.created_utc DESC, m.id DESC LIMIT ?2";
	sqlite3_stmt *stmt = NULL;
	int rc, src, n = 0;

	*n_out = 0;
	if (max <= 0)
		return BORNE_OK;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_int(stmt, 2, max);
	while (n < max && (src = sqlite3_step(stmt)) == SQLITE_ROW)
		card_row(stmt, &out[n++]);
	if (n == max)
		src = SQLITE_DONE;
	store_stmt_release(st, stmt);
	if (src != SQLITE_DONE)
		return store_fail(st, src, "listing a member's missions");
	*n_out = n;
	return BORNE_OK;
}

int
mission_each(Store *st, int status, int (*fn)(const Mission *m, void *ctx),
             void *ctx)
{
	static const char sql[] =
		"SELECT " MISSION_COLS MISSION_FROM
		" WHERE (?1 IS NULL OR m.status = ?1)"
		" ORDER BY m.created_utc DESC, m.id DESC";
	sqlite3_stmt *stmt = NULL;
	Mission m;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	if (status >= 0 && status < MISSION_STATUS_COUNT)
		sqlite3_bind_text(stmt, 1, mission_status_name((MissionStatus)status),
		                  -1, SQLITE_STATIC);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		mission_row(stmt, &m);
		if (fn(&m, ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "listing missions");
	store_stmt_release(st, stmt);
	return rc;
}
