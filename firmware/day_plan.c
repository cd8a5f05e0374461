/* day_plan.c -- planning contributive days for a season (see day.h):
** a weekly series with its exceptions, editing and cancelling a day or
** what is left of a series, and the work streams of a day.
** Each public function is one transaction, checks that the actor is a
** facilitator before anything is written, and audits what it changed.
** A day on which visits were made is never removed: the reports would
** lose the hours it holds. */
#include "day.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "day_impl.h"
#include "member.h"
#include "text.h"
#include "uuid.h"

static int plan_check(Store *st, const DayPlan *p);
static int plan_skipped(const DayPlan *p, const char *date);
static const char *plan_moved(const DayPlan *p, const char *date);
static int day_has_visits(Store *st, int64_t id, int *has);
static int day_remove(Store *st, const ContribDay *d, int64_t actor_id,
                      int64_t now_utc);
static int series_day(const ContribDay *d, void *ctx);

static int
plan_skipped(const DayPlan *p, const char *date)
{
	for (int i = 0; i < p->n_skip; i++)
		if (strcmp(p->skip[i], date) == 0)
			return 1;
	return 0;
}

static const char *
plan_moved(const DayPlan *p, const char *date)
{
	for (int i = 0; i < p->n_moves; i++)
		if (strcmp(p->moves[i].from, date) == 0)
			return p->moves[i].to;
	return NULL;
}

/* Every field of a plan, each refusal naming it. */
static int
plan_check(Store *st, const DayPlan *p)
{
	char d[TIME_DATE_SIZE];
	int n = 0, rc;

	if (p->first == NULL || time_parse_date(p->first) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL,
		                       "first: not a date (YYYY-MM-DD)");
	if (p->until == NULL || time_parse_date(p->until) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL,
		                       "until: not a date (YYYY-MM-DD)");
	if (strcmp(p->until, p->first) < 0)
		return store_set_error(st, BORNE_EINVAL,
		                       "until: the season ends before it starts");
	if ((rc = day_check_fields(st, p->title, p->open_min, p->close_min))
	    != BORNE_OK)
		return rc;
	snprintf(d, sizeof d, "%s", p->first);
	while (strcmp(d, p->until) <= 0) {
		if (++n > DAY_WEEKLY_MAX)
			return store_set_error(st, BORNE_EINVAL, "until: a season has "
			                       "at most %d weeks", DAY_WEEKLY_MAX);
		if (time_date_add(d, 7, d) != BORNE_OK)
			return store_set_error(st, BORNE_EINVAL, "until: bad date");
	}
	if (p->n_skip < 0 || p->n_moves < 0 || p->n_skip > DAY_WEEKLY_MAX ||
	    p->n_moves > DAY_WEEKLY_MAX)
		return store_set_error(st, BORNE_EINVAL, "skip: too many dates");
	for (int i = 0; i < p->n_skip; i++)
		if (p->skip[i] == NULL || time_parse_date(p->skip[i]) != BORNE_OK)
			return store_set_error(st, BORNE_EINVAL, "skip: \"%.20s\" is "
			                       "not a date (YYYY-MM-DD)",
			                       p->skip[i] != NULL ? p->skip[i] : "");
	for (int i = 0; i < p->n_moves; i++) {
		const DayMove *m = &p->moves[i];
		int in_plan = 0;

		if (m->from == NULL || m->to == NULL ||
		    time_parse_date(m->from) != BORNE_OK ||
		    time_parse_date(m->to) != BORNE_OK)
			return store_set_error(st, BORNE_EINVAL, "move: not a date "
			                       "(YYYY-MM-DD)");
		snprintf(d, sizeof d, "%s", p->first);
		while (!in_plan && strcmp(d, p->until) <= 0) {
			in_plan = strcmp(d, m->from) == 0;
			if (time_date_add(d, 7, d) != BORNE_OK)
				break;
		}
		if (!in_plan)
			return store_set_error(st, BORNE_EINVAL, "move: %s is not a "
			                       "day of the season", m->from);
	}
	return BORNE_OK;
}

int
day_plan(Store *st, const DayPlan *p, int64_t actor_id, int64_t now_utc,
         int64_t *series_id, int *n_added)
{
	static const char sql[] =
		"INSERT INTO day_series(uuid, title, first_date, until_date,"
		" created_utc) VALUES (?1, ?2, ?3, ?4, ?5)";
	char clean[BORNE_CH_BYTES(BORNE_DAYTITLE_MAX_CH)], uuid[BORNE_UUID_LEN + 1];
	char d[TIME_DATE_SIZE], detail[96];
	sqlite3_stmt *stmt = NULL;
	int64_t sid, id;
	int rc, n = 0;

	if (series_id != NULL)
		*series_id = 0;
	if (n_added != NULL)
		*n_added = 0;
	if (p == NULL)
		return store_set_error(st, BORNE_EINVAL, "no plan given");
	if ((rc = plan_check(st, p)) != BORNE_OK)
		return rc;
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	text_copy(clean, sizeof clean, p->title);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	uuid_make(uuid);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, clean, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, p->first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, p->until, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 5, now_utc);
	if ((rc = store_step_done(st, stmt, "adding a season")) != BORNE_OK)
		goto fail;
	sid = sqlite3_last_insert_rowid(store_db(st));
	snprintf(d, sizeof d, "%s", p->first);
	while (strcmp(d, p->until) <= 0) {
		const char *to = plan_moved(p, d);

		if (!plan_skipped(p, d)) {
			rc = day_insert(st, to != NULL ? to : d, clean, p->open_min,
			                p->close_min, sid, to != NULL ? d : NULL,
			                actor_id, now_utc, &id);
			if (rc != BORNE_OK)
				goto fail;
			n++;
		}
		if (time_date_add(d, 7, d) != BORNE_OK)
			break;
	}
	snprintf(detail, sizeof detail, "%s to %s weekly, %d days", p->first,
	         p->until, n);
	if ((rc = audit_log(st, actor_id, "day.plan", "day_series", sid, detail,
	                    now_utc)) != BORNE_OK)
		goto fail;
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	if (series_id != NULL)
		*series_id = sid;
	if (n_added != NULL)
		*n_added = n;
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

int
day_edit(Store *st, int64_t id, const char *date, const char *title,
         int open_min, int close_min, int64_t actor_id, int64_t now_utc)
{
	static const char sql_dup[] =
		"SELECT 1 FROM days WHERE date = ?1 AND id <> ?2";
	static const char sql[] =
		"UPDATE days SET date = ?2, title = ?3, open_min = ?4, close_min = ?5,"
		" moved_from = CASE WHEN date = ?2 THEN moved_from"
		"   WHEN moved_from = ?2 THEN ''"
		"   WHEN moved_from = '' THEN date ELSE moved_from END"
		" WHERE id = ?1";
	char clean[BORNE_CH_BYTES(BORNE_DAYTITLE_MAX_CH)], detail[160];
	sqlite3_stmt *stmt = NULL;
	ContribDay old;
	int rc, src;

	if (date == NULL || time_parse_date(date) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL,
		                       "date: not a date (YYYY-MM-DD)");
	if ((rc = day_check_fields(st, title, open_min, close_min)) != BORNE_OK)
		return rc;
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	text_copy(clean, sizeof clean, title);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = day_get(st, id, &old)) != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, sql_dup, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, id);
	src = sqlite3_step(stmt);
	store_stmt_release(st, stmt);
	if (src == SQLITE_ROW) {
		rc = store_set_error(st, BORNE_EREFUSED, "date: there is already a "
		                     "contributive day on %s", date);
		goto fail;
	}
	if (src != SQLITE_DONE) {
		rc = store_fail(st, src, "looking up a day");
		goto fail;
	}
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, clean, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 4, open_min);
	sqlite3_bind_int(stmt, 5, close_min);
	if ((rc = store_step_done(st, stmt, "changing a day")) != BORNE_OK)
		goto fail;
	if (strcmp(old.date, date) != 0 &&
	    (rc = day_link_visits(st, id, date)) != BORNE_OK)
		goto fail;
	snprintf(detail, sizeof detail, "%s %02d:%02d-%02d:%02d (was %s "
	         "%02d:%02d-%02d:%02d)", date, open_min / 60, open_min % 60,
	         close_min / 60, close_min % 60, old.date, old.open_min / 60,
	         old.open_min % 60, old.close_min / 60, old.close_min % 60);
	if ((rc = audit_log(st, actor_id, "day.edit", "day", id, detail,
	                    now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
day_series_edit(Store *st, int64_t series_id, const char *from_date,
                const char *title, int open_min, int close_min,
                int64_t actor_id, int64_t now_utc, int *n_changed)
{
	static const char sql[] =
		"UPDATE days SET title = ?3, open_min = ?4, close_min = ?5"
		" WHERE series_id = ?1 AND (?2 IS NULL OR date >= ?2)";
	static const char sql_title[] =
		"UPDATE day_series SET title = ?2 WHERE id = ?1";
	char clean[BORNE_CH_BYTES(BORNE_DAYTITLE_MAX_CH)], detail[96];
	sqlite3_stmt *stmt = NULL;
	int rc, n;

	if (n_changed != NULL)
		*n_changed = 0;
	if (from_date != NULL && time_parse_date(from_date) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL,
		                       "from: not a date (YYYY-MM-DD)");
	if ((rc = day_check_fields(st, title, open_min, close_min)) != BORNE_OK)
		return rc;
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	text_copy(clean, sizeof clean, title);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, sql_title, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, series_id);
	sqlite3_bind_text(stmt, 2, clean, -1, SQLITE_TRANSIENT);
	if ((rc = store_step_done(st, stmt, "changing a season")) != BORNE_OK)
		goto fail;
	if (sqlite3_changes(store_db(st)) == 0) {
		rc = store_set_error(st, BORNE_ENOTFOUND, "no season %lld",
		                     (long long)series_id);
		goto fail;
	}
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, series_id);
	if (from_date != NULL)
		sqlite3_bind_text(stmt, 2, from_date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, clean, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 4, open_min);
	sqlite3_bind_int(stmt, 5, close_min);
	if ((rc = store_step_done(st, stmt, "changing a season")) != BORNE_OK)
		goto fail;
	n = sqlite3_changes(store_db(st));
	snprintf(detail, sizeof detail, "from %s: %d days, %02d:%02d-%02d:%02d",
	         from_date != NULL ? from_date : "the start", n, open_min / 60,
	         open_min % 60, close_min / 60, close_min % 60);
	if ((rc = audit_log(st, actor_id, "day.series_edit", "day_series",
	                    series_id, detail, now_utc)) != BORNE_OK)
		goto fail;
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	if (n_changed != NULL)
		*n_changed = n;
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

static int
day_has_visits(Store *st, int64_t id, int *has)
{
	static const char sql[] = "SELECT 1 FROM visits WHERE day_id = ?1 LIMIT 1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*has = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	src = sqlite3_step(stmt);
	store_stmt_release(st, stmt);
	if (src == SQLITE_ROW)
		*has = 1;
	else if (src != SQLITE_DONE)
		return store_fail(st, src, "looking for the day's visits");
	return BORNE_OK;
}

/* Inside a transaction: removes d (its streams go with it). */
static int
day_remove(Store *st, const ContribDay *d, int64_t actor_id, int64_t now_utc)
{
	static const char sql[] = "DELETE FROM days WHERE id = ?1";
	char detail[BORNE_CH_BYTES(BORNE_DAYTITLE_MAX_CH) + 16];
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, d->id);
	if ((rc = store_step_done(st, stmt, "cancelling a day")) != BORNE_OK)
		return rc;
	snprintf(detail, sizeof detail, "%s %s", d->date, d->title);
	return audit_log(st, actor_id, "day.cancel", "day", d->id, detail,
	                 now_utc);
}

int
day_cancel(Store *st, int64_t id, int64_t actor_id, int64_t now_utc)
{
	ContribDay d;
	int rc, has;

	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = day_get(st, id, &d)) != BORNE_OK ||
	    (rc = day_has_visits(st, id, &has)) != BORNE_OK)
		goto fail;
	if (has) {
		rc = store_set_error(st, BORNE_EREFUSED, "the day of %s has visits: "
		                     "it stays in the reports", d.date);
		goto fail;
	}
	if ((rc = day_remove(st, &d, actor_id, now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

/* The days of a series, read whole before any is removed. */
typedef struct SeriesDays {
	int64_t    series_id;
	ContribDay d[DAY_WEEKLY_MAX];
	int        n;
} SeriesDays;

static int
series_day(const ContribDay *d, void *ctx)
{
	SeriesDays *s = ctx;

	if (d->series_id == s->series_id && s->n < DAY_WEEKLY_MAX)
		s->d[s->n++] = *d;
	return 0;
}

int
day_series_cancel(Store *st, int64_t series_id, const char *from_date,
                  int64_t actor_id, int64_t now_utc, int *n_cancelled,
                  int *n_kept)
{
	SeriesDays *s = NULL;        /* 106 days: too big for a small stack */
	int rc, has, n = 0, kept = 0;

	if (n_cancelled != NULL)
		*n_cancelled = 0;
	if (n_kept != NULL)
		*n_kept = 0;
	if (from_date != NULL && time_parse_date(from_date) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL,
		                       "from: not a date (YYYY-MM-DD)");
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	if ((s = calloc(1, sizeof *s)) == NULL)
		return store_set_error(st, BORNE_ENOMEM, "out of memory");
	s->series_id = series_id;
	if ((rc = store_begin(st)) != BORNE_OK)
		goto done;
	if ((rc = day_each(st, from_date, NULL, series_day, s)) != BORNE_OK)
		goto fail;
	for (int i = 0; i < s->n; i++) {
		if ((rc = day_has_visits(st, s->d[i].id, &has)) != BORNE_OK)
			goto fail;
		if (has) {
			kept++;
			continue;
		}
		if ((rc = day_remove(st, &s->d[i], actor_id, now_utc)) != BORNE_OK)
			goto fail;
		n++;
	}
	if ((rc = store_commit(st)) != BORNE_OK)
		goto done;
	if (n_cancelled != NULL)
		*n_cancelled = n;
	if (n_kept != NULL)
		*n_kept = kept;
	goto done;
fail:
	store_rollback(st);
done:
	free(s);
	return rc;
}

int
day_set_streams(Store *st, int64_t day_id, const char *const *names, int n,
                int64_t actor_id, int64_t now_utc)
{
	static const char sql_del[] = "DELETE FROM day_streams WHERE day_id = ?1";
	static const char sql_add[] =
		"INSERT INTO day_streams(day_id, pos, name) VALUES (?1, ?2, ?3)";
	DayStreams clean;
	char why[80], detail[DAY_STREAMS_MAX * 48];
	sqlite3_stmt *stmt = NULL;
	ContribDay d;
	size_t len = 0;
	int rc;

	if (n < 0 || n > DAY_STREAMS_MAX)
		return store_set_error(st, BORNE_EINVAL, "streams: at most %d per "
		                       "day", DAY_STREAMS_MAX);
	memset(&clean, 0, sizeof clean);
	for (int i = 0; i < n; i++) {
		if (text_check(names[i], DAY_STREAM_MAX_CH, TEXT_SINGLE_LINE, 1, why,
		               sizeof why) != BORNE_OK)
			return store_set_error(st, BORNE_EINVAL, "stream %d %s", i + 1,
			                       why);
		text_copy(clean.name[i], sizeof clean.name[i], names[i]);
		for (int j = 0; j < i; j++)
			if (text_same_ascii_fold(clean.name[j], clean.name[i]))
				return store_set_error(st, BORNE_EINVAL, "stream %d: \"%s\" "
				                       "is named twice", i + 1, clean.name[i]);
	}
	clean.n = n;
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = day_get(st, day_id, &d)) != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, sql_del, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, day_id);
	if ((rc = store_step_done(st, stmt, "changing the streams")) != BORNE_OK)
		goto fail;
	detail[0] = '\0';
	for (int i = 0; i < clean.n; i++) {
		if ((rc = store_stmt(st, sql_add, &stmt)) != BORNE_OK)
			goto fail;
		sqlite3_bind_int64(stmt, 1, day_id);
		sqlite3_bind_int(stmt, 2, i);
		sqlite3_bind_text(stmt, 3, clean.name[i], -1, SQLITE_TRANSIENT);
		if ((rc = store_step_done(st, stmt, "adding a stream")) != BORNE_OK)
			goto fail;
		if (len < sizeof detail) {
			int w = snprintf(detail + len, sizeof detail - len, "%s%s",
			                 i > 0 ? ", " : "", clean.name[i]);

			len += w > 0 ? (size_t)w : 0;
		}
	}
	if ((rc = audit_log(st, actor_id, "day.streams", "day", day_id, detail,
	                    now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
day_streams_get(Store *st, int64_t day_id, DayStreams *out)
{
	static const char sql[] =
		"SELECT name FROM day_streams WHERE day_id = ?1 ORDER BY pos, id";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	memset(out, 0, sizeof *out);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, day_id);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW && out->n < DAY_STREAMS_MAX) {
		store_col_text(stmt, 0, out->name[out->n], sizeof out->name[out->n]);
		out->n++;
	}
	rc = src == SQLITE_DONE || src == SQLITE_ROW ? BORNE_OK :
	     store_fail(st, src, "listing the streams");
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK)
		memset(out, 0, sizeof *out);
	return rc;
}
