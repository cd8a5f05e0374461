/* quote.c -- quotes for "Prix à discuter" missions in the store: the
** space's rates, the fair price of the neighbourhood, and the quotes
** kept with their whole calculation (see quote.h; the arithmetic and
** the lines in words are in quote_calc.c). */
#include "quote.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "member.h"
#include "text.h"
#include "timeutil.h"
#include "uuid.h"

#define QUOTE_COLS \
	"q.id, q.uuid, q.number, q.mission_id, q.member_id, m.name," \
	" q.hours_centi, q.rate_cents, q.supplies_cents, q.vat_bp," \
	" q.labour_cents, q.ht_cents, q.vat_cents, q.ttc_cents, q.status," \
	" q.created_utc, COALESCE(q.decided_utc, 0)"
#define QUOTE_FROM " FROM quotes q JOIN members m ON m.id = q.member_id"

static void    quote_row(sqlite3_stmt *stmt, Quote *q);
static int     refuse(Store *st, QuoteRefusal *why, QuoteRefusal r,
                      const char *msg);
static int     next_number(Store *st, int64_t now_utc,
                           char out[QUOTE_NUMBER_SIZE]);
static int     untold_list(Store *st, const char *sql, int64_t member_id,
                            Quote *out, int max, int *n_out);
static int     set_status(Store *st, int64_t id, QuoteStatus s,
                          int64_t now_utc);

/* ---- The space's rates ---------------------------------------------- */

int
quote_vat_rate(Store *st)
{
	char value[32];
	int bp;

	if (store_setting_get(st, "vat_rate", value, sizeof value) == BORNE_OK &&
	    quote_vat_parse(value, &bp) == BORNE_OK)
		return bp;
	if (quote_vat_parse(config_default("vat_rate"), &bp) == BORNE_OK)
		return bp;
	return 2000;
}

void
quote_fair_range(Store *st, MissionCategory cat, int *lo_cents, int *hi_cents)
{
	/* Euros an hour asked in the neighbourhood for such work by a
	** beginner: about the minimum wage's cost at the low end, a
	** craftsperson's rate at the high end. */
	static const int defaults[CAT_COUNT][2] = {
		[CAT_JARDIN] = { 12, 20 },  [CAT_ANIMAUX] = { 10, 15 },
		[CAT_BRICOLAGE] = { 15, 25 }, [CAT_COUTURE] = { 12, 20 },
		[CAT_CUISINE] = { 12, 18 }, [CAT_NUMERIQUE] = { 15, 30 },
		[CAT_AUTRE] = { 12, 20 },
	};
	char key[48], value[48], *dash;
	int lo, hi;
	int c = (int)cat >= 0 && cat < CAT_COUNT ? (int)cat : CAT_AUTRE;

	*lo_cents = defaults[c][0] * 100;
	*hi_cents = defaults[c][1] * 100;
	snprintf(key, sizeof key, "fair_rate.%s",
	         mission_category_name((MissionCategory)c));
	if (st == NULL ||
	    store_setting_get(st, key, value, sizeof value) != BORNE_OK ||
	    (dash = strchr(value, '-')) == NULL)
		return;
	*dash = '\0';
	if (quote_cents_parse(value, QUOTE_RATE_MAX, &lo) == BORNE_OK &&
	    quote_cents_parse(dash + 1, QUOTE_RATE_MAX, &hi) == BORNE_OK &&
	    lo > 0 && lo <= hi) {
		*lo_cents = lo;
		*hi_cents = hi;
	}
}

int
quote_vat_set(Store *st, int vat_bp, int64_t actor_id, int64_t now_utc)
{
	char value[16];
	QuoteCalc c;

	if (quote_compute(100, 100, 0, vat_bp, &c) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "VAT is 20, 10, 5.5 or "
		                       "exempt");
	if (vat_bp == QUOTE_VAT_EXEMPT)
		snprintf(value, sizeof value, "exempt");
	else
		snprintf(value, sizeof value, "%d.%02d", vat_bp / 100, vat_bp % 100);
	return audit_setting_set(st, "vat_rate", value, actor_id, now_utc);
}

void
quote_coop_name(Store *st, char *out, size_t outlen)
{
	if (outlen == 0)
		return;
	if (st != NULL && store_setting_get(st, "coop_name", out, outlen) ==
	    BORNE_OK && out[0] != '\0')
		return;
	snprintf(out, outlen, "%s", config_default("space_name"));
}

int
quote_coop_set(Store *st, const char *name, int64_t actor_id,
               int64_t now_utc)
{
	char clean[BORNE_CH_BYTES(QUOTE_COOP_MAX_CH)];
	size_t n;

	if (name == NULL)
		name = "";
	name += strspn(name, " \t");
	snprintf(clean, sizeof clean, "%s", name);
	n = strlen(clean);
	while (n > 0 && (clean[n - 1] == ' ' || clean[n - 1] == '\t'))
		clean[--n] = '\0';
	if (n == 0 || strlen(name) >= sizeof clean ||
	    text_chars(clean) > QUOTE_COOP_MAX_CH ||
	    strpbrk(clean, "\r\n") != NULL)
		return store_set_error(st, BORNE_EINVAL, "the cooperative's name is "
		                       "1 to 120 characters on one line");
	return audit_setting_set(st, "coop_name", clean, actor_id, now_utc);
}

int
quote_fair_set(Store *st, MissionCategory cat, int lo_cents, int hi_cents,
               int64_t actor_id, int64_t now_utc)
{
	char key[48], value[48];

	if ((int)cat < 0 || cat >= CAT_COUNT || lo_cents < 1 ||
	    lo_cents > hi_cents || hi_cents > QUOTE_RATE_MAX)
		return store_set_error(st, BORNE_EINVAL, "a fair rate is LOW-HIGH "
		                       "euros an hour, LOW no more than HIGH");
	snprintf(key, sizeof key, "fair_rate.%s", mission_category_name(cat));
	snprintf(value, sizeof value, "%d.%02d-%d.%02d", lo_cents / 100,
	         lo_cents % 100, hi_cents / 100, hi_cents % 100);
	return audit_setting_set(st, key, value, actor_id, now_utc);
}

/* ---- Stored quotes -------------------------------------------------- */

static void
quote_row(sqlite3_stmt *stmt, Quote *q)
{
	QuoteStatus s;

	memset(q, 0, sizeof *q);
	q->id = sqlite3_column_int64(stmt, 0);
	store_col_text(stmt, 1, q->uuid, sizeof q->uuid);
	store_col_text(stmt, 2, q->number, sizeof q->number);
	q->mission_id = sqlite3_column_int64(stmt, 3);
	q->member_id = sqlite3_column_int64(stmt, 4);
	store_col_text(stmt, 5, q->member_name, sizeof q->member_name);
	q->c.hours_centi = sqlite3_column_int(stmt, 6);
	q->c.rate_cents = sqlite3_column_int(stmt, 7);
	q->c.supplies_cents = sqlite3_column_int(stmt, 8);
	q->c.vat_bp = sqlite3_column_int(stmt, 9);
	q->c.labour_cents = sqlite3_column_int64(stmt, 10);
	q->c.ht_cents = sqlite3_column_int64(stmt, 11);
	q->c.vat_cents = sqlite3_column_int64(stmt, 12);
	q->c.ttc_cents = sqlite3_column_int64(stmt, 13);
	q->status = QUOTE_PROPOSED;
	for (s = QUOTE_PROPOSED; s < QUOTE_STATUS_COUNT; s++)
		if (strcmp((const char *)sqlite3_column_text(stmt, 14),
		           quote_status_name(s)) == 0)
			q->status = s;
	q->created_utc = sqlite3_column_int64(stmt, 15);
	q->decided_utc = sqlite3_column_int64(stmt, 16);
}

static int
refuse(Store *st, QuoteRefusal *why, QuoteRefusal r, const char *msg)
{
	if (why != NULL)
		*why = r;
	return store_set_error(st, BORNE_EREFUSED, "%s", msg);
}

/* "D2026-0001": D, the local year, then the next number of that year. */
static int
next_number(Store *st, int64_t now_utc, char out[QUOTE_NUMBER_SIZE])
{
	static const char sql[] =
		"SELECT COALESCE(MAX(CAST(substr(number, 7) AS INTEGER)), 0)"
		" FROM quotes WHERE number LIKE ?1";
	char date[TIME_DATE_SIZE], like[16];
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	time_local_date(now_utc, date);
	snprintf(like, sizeof like, "D%.4s-%%", date);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, like, -1, SQLITE_TRANSIENT);
	if ((src = sqlite3_step(stmt)) == SQLITE_ROW)
		snprintf(out, QUOTE_NUMBER_SIZE, "D%.4s-%04lld", date,
		         (long long)sqlite3_column_int64(stmt, 0) + 1);
	rc = src == SQLITE_ROW ? BORNE_OK : store_fail(st, src, "numbering a quote");
	store_stmt_release(st, stmt);
	return rc;
}

int
quote_add(Store *st, int64_t mission_id, int64_t member_id, int hours_centi,
          int rate_cents, int supplies_cents, int64_t now_utc, int64_t *id_out,
          QuoteRefusal *why)
{
	static const char sql[] =
		"INSERT INTO quotes(uuid, number, mission_id, member_id, hours_centi,"
		" rate_cents, supplies_cents, vat_bp, labour_cents, ht_cents,"
		" vat_cents, ttc_cents, status, created_utc)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" 'proposed', ?13)";
	static const char sql_waiting[] =
		"SELECT 1 FROM quotes WHERE mission_id = ?1 AND member_id = ?2"
		" AND status = 'proposed'";
	char uuid[BORNE_UUID_LEN + 1], number[QUOTE_NUMBER_SIZE];
	sqlite3_stmt *stmt = NULL;
	QuoteCalc c;
	Member who;
	Mission m;
	int rc, src;

	if (why != NULL)
		*why = QREFUSE_NONE;
	if (quote_compute(hours_centi, rate_cents, supplies_cents,
	                  quote_vat_rate(st), &c) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "hours, rate or supplies "
		                       "out of bounds");
	uuid_make(uuid);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = member_get(st, member_id, &who)) != BORNE_OK ||
	    (rc = mission_get(st, mission_id, &m)) != BORNE_OK)
		goto fail;
	if (!who.active)
		rc = refuse(st, why, QREFUSE_INACTIVE, "this member is deactivated");
	else if (m.d.reward_kind != REWARD_QUOTE)
		rc = refuse(st, why, QREFUSE_NOT_QUOTE, "this mission's price is "
		            "set: it takes no quote");
	else if (m.status != MISSION_OPEN)
		rc = refuse(st, why, QREFUSE_NOT_OPEN, "this mission is not open");
	else if (m.poster_id == member_id)
		rc = refuse(st, why, QREFUSE_OWN, "you posted this mission");
	else if (who.minor && !m.d.minors_ok)
		rc = refuse(st, why, QREFUSE_MINOR, "this mission is not open to "
		            "minors");
	if (rc != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, sql_waiting, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, mission_id);
	sqlite3_bind_int64(stmt, 2, member_id);
	src = sqlite3_step(stmt);
	store_stmt_release(st, stmt);
	stmt = NULL;
	if (src == SQLITE_ROW) {
		rc = refuse(st, why, QREFUSE_ALREADY, "your quote for this mission "
		            "is already waiting");
		goto fail;
	}
	if (src != SQLITE_DONE) {
		rc = store_fail(st, src, "reading quotes");
		goto fail;
	}
	if ((rc = next_number(st, now_utc, number)) != BORNE_OK ||
	    (rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 3, mission_id);
	sqlite3_bind_int64(stmt, 4, member_id);
	sqlite3_bind_int(stmt, 5, c.hours_centi);
	sqlite3_bind_int(stmt, 6, c.rate_cents);
	sqlite3_bind_int(stmt, 7, c.supplies_cents);
	sqlite3_bind_int(stmt, 8, c.vat_bp);
	sqlite3_bind_int64(stmt, 9, c.labour_cents);
	sqlite3_bind_int64(stmt, 10, c.ht_cents);
	sqlite3_bind_int64(stmt, 11, c.vat_cents);
	sqlite3_bind_int64(stmt, 12, c.ttc_cents);
	sqlite3_bind_int64(stmt, 13, now_utc);
	if ((rc = store_step_done(st, stmt, "saving a quote")) != BORNE_OK)
		goto fail;
	if (id_out != NULL)
		*id_out = sqlite3_last_insert_rowid(store_db(st));
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

static int
set_status(Store *st, int64_t id, QuoteStatus s, int64_t now_utc)
{
	static const char sql[] =
		"UPDATE quotes SET status = ?2, decided_utc = ?3 WHERE id = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, quote_status_name(s), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, now_utc);
	return store_step_done(st, stmt, "deciding on a quote");
}

int
quote_accept(Store *st, int64_t id, int64_t by_id, int64_t now_utc,
             QuoteRefusal *why)
{
	static const char sql_others[] =
		"UPDATE quotes SET status = 'declined', decided_utc = ?3"
		" WHERE mission_id = ?1 AND id <> ?2 AND status = 'proposed'";
	static const char sql_price[] =
		"UPDATE missions SET reward_cents = ?2, updated_utc = ?3"
		" WHERE id = ?1";
	char detail[96];
	sqlite3_stmt *stmt = NULL;
	Member by;
	Mission m;
	Quote q;
	int rc;

	if (why != NULL)
		*why = QREFUSE_NONE;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = quote_get(st, id, &q)) != BORNE_OK ||
	    (rc = mission_get(st, q.mission_id, &m)) != BORNE_OK ||
	    (rc = member_get(st, by_id, &by)) != BORNE_OK)
		goto fail;
	if (!(by.id == m.poster_id || (member_is_staff(&by) && by.active))) {
		if (why != NULL)
			*why = QREFUSE_NOT_POSTER;
		rc = store_set_error(st, BORNE_EPERM, "only the person who posted "
		                     "this mission or a facilitator may accept a "
		                     "quote");
		goto fail;
	}
	if (q.status != QUOTE_PROPOSED) {
		rc = refuse(st, why, QREFUSE_NOT_PROPOSED, "this quote is no longer "
		            "waiting");
		goto fail;
	}
	if ((rc = set_status(st, id, QUOTE_ACCEPTED, now_utc)) != BORNE_OK ||
	    (rc = store_stmt(st, sql_others, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, q.mission_id);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_int64(stmt, 3, now_utc);
	if ((rc = store_step_done(st, stmt, "declining the other quotes")) !=
	    BORNE_OK)
		goto fail;
	/* The author takes the mission under every rule of a take (still
	** active, a place left, not too many missions held...). */
	if ((rc = mission_take(st, q.mission_id, q.member_id, now_utc, NULL)) !=
	    BORNE_OK) {
		if (why != NULL && rc == BORNE_EREFUSED)
			*why = QREFUSE_CANNOT_TAKE;
		goto fail;
	}
	if ((rc = store_stmt(st, sql_price, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, q.mission_id);
	sqlite3_bind_int64(stmt, 2, q.c.ttc_cents);
	sqlite3_bind_int64(stmt, 3, now_utc);
	if ((rc = store_step_done(st, stmt, "setting the price")) != BORNE_OK)
		goto fail;
	snprintf(detail, sizeof detail, "quote %s, %lld cents incl. VAT",
	         q.number, (long long)q.c.ttc_cents);
	if ((rc = audit_log(st, by.id, "quote.accept", "mission", q.mission_id,
	                    detail, now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
quote_withdraw(Store *st, int64_t id, int64_t by_id, int64_t now_utc)
{
	Quote q;
	int rc;

	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = quote_get(st, id, &q)) != BORNE_OK)
		goto fail;
	if (q.member_id != by_id) {
		rc = store_set_error(st, BORNE_EPERM, "only its author may "
		                     "withdraw a quote");
		goto fail;
	}
	if (q.status != QUOTE_PROPOSED) {
		rc = store_set_error(st, BORNE_EREFUSED, "this quote is no longer "
		                     "waiting");
		goto fail;
	}
	if ((rc = set_status(st, id, QUOTE_WITHDRAWN, now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
quote_get(Store *st, int64_t id, Quote *out)
{
	static const char sql[] = "SELECT " QUOTE_COLS QUOTE_FROM
		" WHERE q.id = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		quote_row(stmt, out);
		rc = BORNE_OK;
	} else if (src == SQLITE_DONE) {
		rc = store_set_error(st, BORNE_ENOTFOUND, "no quote %lld",
		                     (long long)id);
	} else {
		rc = store_fail(st, src, "reading a quote");
	}
	store_stmt_release(st, stmt);
	return rc;
}

int
quote_each(Store *st, int64_t mission_id,
           int (*fn)(const Quote *q, void *ctx), void *ctx)
{
	static const char sql[] = "SELECT " QUOTE_COLS QUOTE_FROM
		" WHERE ?1 <= 0 OR q.mission_id = ?1 ORDER BY q.id";
	sqlite3_stmt *stmt = NULL;
	Quote q;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, mission_id);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		quote_row(stmt, &q);
		if (fn(&q, ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "listing quotes");
	store_stmt_release(st, stmt);
	return rc;
}

int
quote_declined_untold(Store *st, int64_t member_id, Quote *out, int max,
                      int *n_out)
{
	static const char sql[] = "SELECT " QUOTE_COLS QUOTE_FROM
		" WHERE q.member_id = ?1 AND q.status = 'declined' AND q.told = 0"
		" ORDER BY q.decided_utc DESC, q.id DESC LIMIT ?2";

	return untold_list(st, sql, member_id, out, max, n_out);
}

int
quote_untold(Store *st, int64_t member_id, Quote *out, int max, int *n_out)
{
	static const char sql[] = "SELECT " QUOTE_COLS QUOTE_FROM
		" WHERE q.member_id = ?1 AND q.told = 0"
		" AND q.status IN ('declined', 'accepted')"
		" ORDER BY q.decided_utc DESC, q.id DESC LIMIT ?2";

	return untold_list(st, sql, member_id, out, max, n_out);
}

static int
untold_list(Store *st, const char *sql, int64_t member_id, Quote *out,
            int max, int *n_out)
{
	sqlite3_stmt *stmt = NULL;
	int rc, src, n = 0;

	*n_out = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	sqlite3_bind_int(stmt, 2, max);
	while (n < max && (src = sqlite3_step(stmt)) == SQLITE_ROW)
		quote_row(stmt, &out[n++]);
	if (n == max)
		src = SQLITE_DONE;
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "listing quotes");
	store_stmt_release(st, stmt);
	*n_out = n;
	return rc;
}

int
quote_mark_told(Store *st, int64_t member_id)
{
	static const char sql[] =
		"UPDATE quotes SET told = 1 WHERE member_id = ?1"
		" AND status IN ('declined', 'accepted') AND told = 0";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	return store_step_done(st, stmt, "noting a quote was told");
}
