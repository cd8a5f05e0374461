/* mission_list.c -- reading missions (see mission.h): one mission, the
** board, a member's missions, takers. Each read that fails returns a
** negative BORNE_E* with no rows, never an empty list.
**
** Search. What people type is never FTS5 syntax: it is cut into words at
** ASCII spaces and punctuation, each word becomes a quoted string with a
** prefix star ("cafe"*), and the words are ANDed; the result is bound as
** a parameter. The missions_fts index uses unicode61 with
** remove_diacritics 2, so "cafe" finds "Café" and "ECOLE" finds "école".
** The board's filters (status, category, minors) are hidden words of the
** same FTS query, so a keystroke's count is FTS5's alone; its page is
** then read in board order (search_text). At 100,000 missions this took
** a keystroke from 120-230 ms to a few (docs/performance.md). A search
** that matches more than search_cap missions is not counted to the end:
** its total says "more than search_cap", and its page walks the board
** testing each mission's words in C (mission_words.c), which a first
** letter fills at once ("c": 82,000 matches of 100,000, 7 ms -> <1 ms).
**
** Board order: the soonest date first, flexible missions (no date) last,
** then the newest. */
#include "mission.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mission_impl.h"
#include "text.h"

#define FTS_MAX_WORDS  MISSION_WORDS_MAX
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
/* One status (the usual board: open only) walks missions_board in
** order and stops after a page. Two (open and taken) walk it once per
** status, merged in order by a compound SELECT (SQLite merges two
** ordered arms), so they stop after a page too. */
#define BOARD_FILTER \
	" AND (?3 IS NULL OR m.category = ?3) AND (?4 = 0 OR m.minors_ok = 1)" \
	" AND (?4 < 2 OR m.outdoor = 0)"
#define BOARD_WHERE1 " WHERE m.status = ?1" BOARD_FILTER
#define BOARD_WHERE2 " WHERE m.status IN (?1, ?2)" BOARD_FILTER
#define BOARD_ORDER \
	" ORDER BY m.date_from = '', m.date_from, m.created_utc DESC, m.id DESC" \
	" LIMIT ?6 OFFSET ?7"
/* The sort keys after CARD_COLS' 12 columns, for a compound's ORDER BY. */
#define BOARD_KEYS ", m.date_from = '', m.date_from, m.created_utc, m.id"
#define BOARD_MERGE_ORDER " ORDER BY 13, 14, 15 DESC, 16 DESC LIMIT ?6 OFFSET ?7"
#define BOARD_ARM(st, filter) \
	"SELECT " CARD_COLS BOARD_KEYS " FROM missions m WHERE m.status = " st \
	filter
/* With a search, the status, category and minors filters are words of
** the FTS query (SEARCH_TAG below), so the matches are the board's
** already: a page either walks missions_board keeping the matches (a
** bitmap of rowids, borne_in_bits), or, when they are few, fetches them
** by rowid and sorts them. */
#define BOARD_IN_BITS " AND borne_in_bits(?8, m.id)"
/* The first character of the words that say a mission's status
** ("\uE000sopen"), category ("\uE000cjardin") and "minors welcome"
** ("\uE000m") in missions_fts (store_schema.c, version 11). U+E000 is
** private use: nothing typed holds it (fts_query takes it out). */
#define SEARCH_TAG "\xEE\x80\x80"
/* A search with at most this many matches may be fetched and sorted
** (the ids are kept while counting); more are always walked. */
#define SEARCH_FEW 1024
/* The most board rows a page may walk testing words in C rather than
** counting every match: a row read and its words cut cost about 6 us,
** FTS5 about 40 ns a row of each word's doclist (at 100,000 missions,
** 300 rows is a page of a word that one mission in 15 holds). */
#define SEARCH_WALK_MAX 300
#define BOARD_TEST " AND borne_test(?10, m.title, m.description, m.place)"
/* A member's own list: the page's newest posted missions come from the
** partial index missions_mine (its WHERE, word for word, so SQLite can
** use it), the takes from takes_member; then the page is cut again. */
#define MINE_UNFINISHED_TAIL " NOT IN ('done', 'cancelled', 'expired')"
#define MINE_UNFINISHED " AND status" MINE_UNFINISHED_TAIL

/* The words of a search as typed (fts_query cut them), for search_walk. */
typedef struct SearchWords {
	const char *word[FTS_MAX_WORDS];
	size_t      len[FTS_MAX_WORDS];
	int         n;
} SearchWords;

static void mission_row(sqlite3_stmt *stmt, Mission *m);
static void card_row(sqlite3_stmt *stmt, MissionCard *c);
static int  cards_page(Store *st, sqlite3_stmt *stmt, MissionCard *out,
                       int max, int *n_out, const char *what);
static void bind_board(sqlite3_stmt *stmt, const MissionQuery *q,
                       const char *s1, const char *s2);
static int  cards_of(Store *st, const char *sql, int64_t member_id,
                     MissionCard *out, int max, int *n_out, const char *what);
static int  fts_query(const char *text, char *out, size_t outlen,
                      SearchWords *sw);
static int  fts_private(const unsigned char *p);
static int  fts_tags(char *out, size_t outlen, const char *s1, const char *s2,
                     int category, int minors_only);
static int  search_text(Store *st, const MissionQuery *q, const char *match,
                        const SearchWords *sw, const char *s1,
                        const char *s2, MissionCard *out, int *n_out,
                        int *total);
static int  search_walk(Store *st, const MissionQuery *q, MissionWords *w,
                        const char *s1, const char *s2, MissionCard *out,
                        int *n_out);

/* Above this many matches a search says "more" (mission_search_tune). */
static int search_cap = MISSION_SEARCH_CAP;
static int search_walk_max = SEARCH_WALK_MAX;

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

/* The length of the private-use character (U+E000..U+F8FF) at p, or 0.
** Such a character ends a word, so a search can never name the hidden
** words of SEARCH_TAG. */
static int
fts_private(const unsigned char *p)
{
	if (p[0] == 0xEE && p[1] >= 0x80 && p[1] <= 0xBF && p[2] >= 0x80 && p[2] <= 0xBF)
		return 3;
	if (p[0] == 0xEF && p[1] >= 0x80 && p[1] <= 0xA3 && p[2] >= 0x80 && p[2] <= 0xBF)
		return 3;
	return 0;
}

/* Makes an FTS5 query from free text: returns the number of words (0:
** nothing to search for). Words are cut at ASCII spaces and punctuation
** and at private-use characters; other bytes >= 0x80 (accents, any
** script) stay in words. */
static int
fts_query(const char *text, char *out, size_t outlen, SearchWords *sw)
{
	const unsigned char *p = (const unsigned char *)(text != NULL ? text : "");
	size_t o = 0;
	int n = 0;

	out[0] = '\0';
	sw->n = 0;
	while (*p != '\0' && n < FTS_MAX_WORDS) {
		const unsigned char *w;
		size_t len;
		int k;

		for (;;) {
			if ((k = fts_private(p)) > 0)
				p += k;
			else if (*p != '\0' && *p < 0x80 && !(*p >= '0' && *p <= '9') &&
			         !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
				p++;
			else
				break;
		}
		w = p;
		while (*p != '\0' && fts_private(p) == 0 &&
		       (*p >= 0x80 || (*p >= '0' && *p <= '9') ||
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
		sw->word[n] = (const char *)w;
		sw->len[n] = len;
		n++;
		sw->n = n;
	}
	return n;
}

/* Appends to the FTS query in out the hidden words of the board's
** filters: the status (or either of two), the category, minors, and
** no outdoor work (minors_only 2, see MissionQuery). */
static int
fts_tags(char *out, size_t outlen, const char *s1, const char *s2,
         int category, int minors_only)
{
	size_t o = strlen(out);
	int w;

	if (strcmp(s1, s2) == 0)
		w = snprintf(out + o, outlen - o, " AND \"" SEARCH_TAG "s%s\"", s1);
	else
		w = snprintf(out + o, outlen - o, " AND (\"" SEARCH_TAG "s%s\" OR \""
		             SEARCH_TAG "s%s\")", s1, s2);
	if (w < 0 || (size_t)w >= outlen - o)
		return BORNE_EINVAL;
	o += (size_t)w;
	if (category >= 0 && category < CAT_COUNT) {
		w = snprintf(out + o, outlen - o, " AND \"" SEARCH_TAG "c%s\"",
		             mission_category_name((MissionCategory)category));
		if (w < 0 || (size_t)w >= outlen - o)
			return BORNE_EINVAL;
		o += (size_t)w;
	}
	if (minors_only > 0) {
		w = snprintf(out + o, outlen - o, " AND \"" SEARCH_TAG "m\"");
		if (w < 0 || (size_t)w >= outlen - o)
			return BORNE_EINVAL;
		o += (size_t)w;
	}
	/* 2: a minor in the heat alert's hours, never offered outdoor work. */
	if (minors_only >= 2) {
		w = snprintf(out + o, outlen - o, " NOT \"" SEARCH_TAG "o\"");
		if (w < 0 || (size_t)w >= outlen - o)
			return BORNE_EINVAL;
	}
	return BORNE_OK;
}

/* Up to max cards from stmt's rows into out, then stmt released; *n_out
** the count, 0 on a read error (said in what). */
static int
cards_page(Store *st, sqlite3_stmt *stmt, MissionCard *out, int max,
           int *n_out, const char *what)
{
	int src = SQLITE_DONE, n = 0;

	while (n < max && (src = sqlite3_step(stmt)) == SQLITE_ROW)
		card_row(stmt, &out[n++]);
	if (n == max)
		src = SQLITE_DONE;
	store_stmt_release(st, stmt);
	*n_out = src == SQLITE_DONE ? n : 0;
	return src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, what);
}

/* The board's filters: statuses ?1 and ?2, category ?3 (NULL: all),
** minors ?4 (0 all, 1 open to them, 2 and no outdoor mission). */
static void
bind_board(sqlite3_stmt *stmt, const MissionQuery *q, const char *s1,
           const char *s2)
{
	sqlite3_bind_text(stmt, 1, s1, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, s2, -1, SQLITE_STATIC);
	if (q->category >= 0 && q->category < CAT_COUNT)
		sqlite3_bind_text(stmt, 3,
		                  mission_category_name((MissionCategory)q->category),
		                  -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 4, q->minors_only <= 0 ? 0 :
	                 q->minors_only >= 2 ? 2 : 1);
}

/* A search: one pass over FTS5's matches counts them and marks them in a
** bitmap (keeping the ids when they are few), then the page is read
** whichever way reads fewer rows: walking missions_board in order until
** the page is full (about (offset + limit) * rows / matches index rows,
** each a few tenths of a microsecond), or fetching every match by rowid
** and sorting (a few microseconds each). Never every match joined to
** missions, which cost 100 to 250 ms at 100,000 missions.
**
** The pass stops after cap + 1 matches (cap: search_cap, or the page's
** end when deeper) when the page can be read without it: when walking
** the board and testing each mission's words (search_walk) reads few
** enough rows for the page. The count is then "more than cap" (cap + 1),
** never the 82,000 rows of FTS5's doclists that a first letter costs. */
static int
search_text(Store *st, const MissionQuery *q, const char *match,
            const SearchWords *sw, const char *s1, const char *s2,
            MissionCard *out, int *n_out, int *total)
{
	static const char sql_match[] =
		"SELECT rowid FROM missions_fts WHERE missions_fts MATCH ?1";
	static const char sql_few[] =
		"SELECT " CARD_COLS " FROM missions m"
		" WHERE m.id IN (SELECT value FROM json_each(?9))" BOARD_ORDER;
	static const char sql_walk1[] =
		"SELECT " CARD_COLS " FROM missions m WHERE m.status = ?1"
		BOARD_IN_BITS BOARD_ORDER;
	static const char sql_walk2[] =
		BOARD_ARM("?1", BOARD_IN_BITS) " UNION ALL "
		BOARD_ARM("?2", BOARD_IN_BITS) BOARD_MERGE_ORDER;
	StoreBits bits = { NULL, 0 };
	MissionWords *words = NULL;
	sqlite3_stmt *stmt = NULL;
	int64_t ids[SEARCH_FEW], max_id = 0, reach, cap;
	char *json = NULL;
	const char *sql;
	int rc = BORNE_OK, src, n = 0, count = 0, offset, to_end = 0, more = 0;

	offset = q->offset > 0 ? q->offset : 0;
	reach = out != NULL && q->limit > 0 ? (int64_t)offset + q->limit : 0;
	cap = reach > search_cap ? reach : search_cap;
	if ((rc = store_stmt(st, sql_match, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);

		if (count == cap && !to_end) {
			/* Rowids come in order: about count of every id matched,
			** so a page walks reach * id / count board rows. */
			to_end = 1;
			if (reach * id <= (int64_t)search_walk_max * count) {
				rc = mission_words_make(st, sw->word, sw->len, sw->n, &words);
				if (rc == BORNE_OK) {
					more = 1;
					break;
				}
				if (rc != BORNE_EREFUSED)
					break;
				rc = BORNE_OK;    /* a word FTS5 alone can match */
			}
		}
		if ((rc = store_bits_add(&bits, id)) != BORNE_OK) {
			store_set_error(st, rc, "searching missions: out of memory");
			break;
		}
		if (count < SEARCH_FEW)
			ids[count] = id;
		if (id > max_id)
			max_id = id;
		count++;
	}
	store_stmt_release(st, stmt);
	stmt = NULL;
	if (rc != BORNE_OK)
		goto done;
	if (more) {
		if (total != NULL)
			*total = (int)cap + 1;
		if (reach > 0)
			rc = search_walk(st, q, words, s1, s2, out, &n);
		goto done;
	}
	if (src != SQLITE_DONE) {
		rc = store_fail(st, src, "searching missions");
		goto done;
	}
	if (total != NULL)
		*total = count;
	if (out == NULL || q->limit <= 0 || offset >= count)
		goto done;
	/* Fetch and sort when count * (a fetch, ~16 index steps) is less
	** than the walk's (offset + limit) * max_id / count index steps. */
	reach = (int64_t)offset + q->limit;
	if (count <= SEARCH_FEW && 16 * (int64_t)count * count <= reach * max_id) {
		size_t size = (size_t)count * 21 + 3, o = 0;

		if ((json = malloc(size)) == NULL) {
			rc = store_set_error(st, BORNE_ENOMEM,
			                     "searching missions: out of memory");
			goto done;
		}
		json[o++] = '[';
		for (int i = 0; i < count; i++)
			o += (size_t)snprintf(json + o, size - o, "%s%lld",
			                      i > 0 ? "," : "", (long long)ids[i]);
		json[o++] = ']';
		json[o] = '\0';
		sql = sql_few;
	} else {
		sql = strcmp(s1, s2) == 0 ? sql_walk1 : sql_walk2;
	}
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto done;
	sqlite3_bind_text(stmt, 1, s1, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, s2, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 6, q->limit);
	sqlite3_bind_int(stmt, 7, offset);
	if (json != NULL)
		sqlite3_bind_text(stmt, 9, json, -1, SQLITE_STATIC);
	else
		store_bind_bits(stmt, 8, &bits);
	rc = cards_page(st, stmt, out, q->limit, &n, "searching missions");
done:
	if (rc != BORNE_OK && total != NULL)
		*total = 0;
	if (n_out != NULL)
		*n_out = n;
	free(json);
	store_bits_free(&bits);
	mission_words_free(words);
	return rc;
}

/* A page of a search that matches many: the board walked in order, its
** filters on the columns, each mission's words tested in C by w
** (mission_words.c) until the page is full. */
static int
search_walk(Store *st, const MissionQuery *q, MissionWords *w,
            const char *s1, const char *s2, MissionCard *out, int *n_out)
{
	static const char *const sql[2] = {
		"SELECT " CARD_COLS " FROM missions m" BOARD_WHERE1 BOARD_TEST
		BOARD_ORDER,
		BOARD_ARM("?1", BOARD_FILTER BOARD_TEST) " UNION ALL "
		BOARD_ARM("?2", BOARD_FILTER BOARD_TEST) BOARD_MERGE_ORDER,
	};
	StoreTest test;
	sqlite3_stmt *stmt = NULL;
	int rc;

	*n_out = 0;
	test.fn = mission_words_test;
	test.ctx = w;
	if ((rc = store_stmt(st, sql[strcmp(s1, s2) != 0], &stmt)) != BORNE_OK)
		return rc;
	bind_board(stmt, q, s1, s2);
	sqlite3_bind_int(stmt, 6, q->limit);
	sqlite3_bind_int(stmt, 7, q->offset > 0 ? q->offset : 0);
	store_bind_test(stmt, 10, &test);
	return cards_page(st, stmt, out, q->limit, n_out, "searching missions");
}

int
mission_search_more(const MissionQuery *q, int total)
{
	int64_t reach = q->limit > 0 ? (int64_t)(q->offset > 0 ? q->offset : 0)
	                + q->limit : 0;
	int64_t cap = reach > search_cap ? reach : search_cap;

	return q->text != NULL && q->text[0] != '\0' && total == cap + 1;
}

void
mission_search_tune(int cap, int walk_max)
{
	search_cap = cap > 0 ? cap : MISSION_SEARCH_CAP;
	search_walk_max = walk_max > 0 ? walk_max : SEARCH_WALK_MAX;
}

int
mission_search(Store *st, const MissionQuery *q, MissionCard *out,
               int *n_out, int *total)
{
	static const char *const sql_list[2] = {
		"SELECT " CARD_COLS " FROM missions m" BOARD_WHERE1 BOARD_ORDER,
		BOARD_ARM("?1", BOARD_FILTER) " UNION ALL "
		BOARD_ARM("?2", BOARD_FILTER) BOARD_MERGE_ORDER,
	};
	static const char *const sql_count[2] = {
		"SELECT COUNT(*) FROM missions m" BOARD_WHERE1,
		"SELECT COUNT(*) FROM missions m" BOARD_WHERE2,
	};
	char match[FTS_QUERY_SIZE], why[64];
	SearchWords sw;
	const char *s1, *s2;
	int two, rc = BORNE_OK, src, n = 0;

	if (n_out != NULL)
		*n_out = 0;
	if (total != NULL)
		*total = 0;
	if (q->text != NULL &&
	    text_check(q->text, 1000, TEXT_MULTILINE, 0, why, sizeof why) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "search text %s", why);
	if (q->status < 0) {
		s1 = mission_status_name(MISSION_OPEN);
		s2 = mission_status_name(q->include_taken ? MISSION_TAKEN : MISSION_OPEN);
	} else {
		s1 = s2 = mission_status_name((MissionStatus)q->status);
	}
	if (fts_query(q->text, match, sizeof match, &sw) > 0) {
		if (fts_tags(match, sizeof match, s1, s2, q->category,
		             q->minors_only) != BORNE_OK)
			return store_set_error(st, BORNE_EINVAL, "search text too long");
		return search_text(st, q, match, &sw, s1, s2, out, n_out, total);
	}
	two = strcmp(s1, s2) != 0;
	for (int pass = 0; pass < 2; pass++) {
		const char *sql = pass == 0 ? sql_count[two] : sql_list[two];
		sqlite3_stmt *stmt = NULL;

		if (pass == 0 && total == NULL)
			continue;
		if (pass == 1 && (out == NULL || q->limit <= 0))
			break;
		if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
			return rc;
		bind_board(stmt, q, s1, s2);
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

/* Up to max cards of sql, which takes a member's id (?1) and max (?2). */
static int
cards_of(Store *st, const char *sql, int64_t member_id, MissionCard *out,
         int max, int *n_out, const char *what)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	*n_out = 0;
	if (max <= 0)
		return BORNE_OK;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_int(stmt, 2, max);
	return cards_page(st, stmt, out, max, n_out, what);
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

	return cards_of(st, sql, member_id, out, max, n_out,
	                "listing a member's missions");
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

	return cards_of(st, sql, member_id, out, max, n_out,
	                "listing recent missions");
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
