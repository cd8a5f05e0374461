/* mission_list.c -- reading missions (see mission.h): one mission, the
** board, a member's missions, takers. Each read that fails returns a
** negative BORNE_E* with no rows, never an empty list.
**
** Search. What people type is never FTS5 syntax: it is cut into words at
** ASCII spaces and punctuation, each word becomes a quoted string with a
** prefix star ("cafe"*), and the words are ANDed; the result is bound as
** a parameter. The missions_fts index uses unicode61 with
** remove_diacritics 2, so "cafe" finds "Café" and "ECOLE" finds "école".
**
** Board order: the soonest date first, flexible missions (no date) last,
** then the newest. */
#include "mission.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "mission_impl.h"
#include "text.h"

#define FTS_MAX_WORDS  8
#define FTS_QUERY_SIZE 512

#define N_TAKERS \
	"(SELECT COUNT(*) FROM mission_takes t WHERE t.mission_id = m.id" \
	" AND t.released_utc IS NULL)"
#define MISSION_COLS \
	"m.id, m.uuid, m.title, m.description, m.category, m.place," \
	" m.date_from, m.date_to, m.duration_min, m.places, m.reward_kind," \
	" m.reward_cents, m.minors_ok, m.status, m.poster_id, p.name, " \
	N_TAKERS ", m.created_utc, m.reason, m.outdoor"
#define MISSION_FROM " FROM missions m JOIN members p ON p.id = m.poster_id"
#define CARD_COLS \
	"m.id, m.title, m.category, m.date_from, m.date_to, m.duration_min," \
	" m.places, " N_TAKERS ", m.reward_kind, m.reward_cents, m.status," \
	" m.minors_ok"
/* One status (the usual board: open only) can walk missions_board in
** order and stop after a page; two need a sort. */
#define BOARD_FILTER \
	" AND (?3 IS NULL OR m.category = ?3) AND (?4 = 0 OR m.minors_ok = 1)" \
	" AND (?4 < 2 OR m.outdoor = 0)"
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

static void mission_row(sqlite3_stmt *stmt, Mission *m);
static void card_row(sqlite3_stmt *stmt, MissionCard *c);
static int  fts_query(const char *text, char *out, size_t outlen);

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
	rk = mission_name_index(mission_reward_names, 3, (const char *)sqlite3_column_text(stmt, 10));
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
	m->d.outdoor = sqlite3_column_int(stmt, 19);
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
	rk = mission_name_index(mission_reward_names, 3, (const char *)sqlite3_column_text(stmt, 8));
	c->reward_kind = rk >= 0 ? (RewardKind)rk : REWARD_TIP;
	c->reward_cents = sqlite3_column_int(stmt, 9);
	mission_status_parse((const char *)sqlite3_column_text(stmt, 10), &status);
	c->status = status;
	c->minors_ok = sqlite3_column_int(stmt, 11);
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
		sqlite3_bind_int(stmt, 4, q->minors_only <= 0 ? 0 :
		                 q->minors_only >= 2 ? 2 : 1);
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
mission_recent_by_others(Store *st, int64_t member_id, MissionCard *out,
                         int max, int *n_out)
{
	static const char sql[] =
		"SELECT " CARD_COLS " FROM missions m"
		" WHERE m.poster_id IS NOT ?1"
		" AND m.status IN ('open', 'taken', 'done')"
		" ORDER BY m.created_utc DESC, m.id DESC LIMIT ?2";
	sqlite3_stmt *stmt = NULL;
	int rc, src = SQLITE_DONE, n = 0;

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
		return store_fail(st, src, "listing recent missions");
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
