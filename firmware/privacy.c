/* privacy.c -- export one member's data, forget a member, purge old rows
** (see privacy.h for what each keeps and removes).
** The export reads the tables directly, so that it shows every row that
** names the member, removed badges and released takes included: the
** point is that nothing held is left out. */
#include "privacy.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "borne.h"
#include "member.h"
#include "outbox.h"

/* How one column of an exported row is written. */
typedef struct JsonCol {
	char        kind;        /* 'i' integer, 's' text, 't' UTC time, 'b' bool */
	const char *name;
} JsonCol;

static void json_time(FILE *out, int64_t utc);
static int  json_rows(Store *st, const char *sql, int64_t id,
                      const JsonCol *cols, int n_cols, FILE *out);
static int  run_id(Store *st, const char *sql, int64_t id, const char *text1,
                   const char *text2, int *changes, const char *what);
static size_t utf8_seq(const unsigned char *s);
static int  scrub_mark(Store *st);
static int  scrub_try(Store *st, int wait_ms);

/* Length of the valid UTF-8 sequence at s, 0 when it is not one. */
static size_t
utf8_seq(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		return (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (s[0] == 0xE0 && s[1] < 0xA0)
			return 0;        /* overlong */
		if (s[0] == 0xED && s[1] >= 0xA0)
			return 0;        /* surrogate */
		return 3;
	}
	if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (s[0] == 0xF0 && s[1] < 0x90)
			return 0;
		if (s[0] == 0xF4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

void
privacy_json_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");

	fputc('"', out);
	while (*p != '\0') {
		size_t n;

		switch (*p) {
		case '"':  fputs("\\\"", out); p++; continue;
		case '\\': fputs("\\\\", out); p++; continue;
		case '\n': fputs("\\n", out); p++; continue;
		case '\r': fputs("\\r", out); p++; continue;
		case '\t': fputs("\\t", out); p++; continue;
		default: break;
		}
		if (*p < 0x20 || *p == 0x7F) {
			fprintf(out, "\\u%04x", *p);
			p++;
			continue;
		}
		n = utf8_seq(p);
		if (n == 0) {
			fputs("\\ufffd", out);
			p++;
			continue;
		}
		fwrite(p, 1, n, out);
		p += n;
	}
	fputc('"', out);
}

static void
json_time(FILE *out, int64_t utc)
{
	time_t t = (time_t)utc;
	struct tm tm;
	char buf[32];

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
		fprintf(out, "%lld", (long long)utc);
		return;
	}
	fprintf(out, "\"%s\"", buf);
}

/* Writes the rows of sql (bound to id as ?1) as a JSON array of objects. */
static int
json_rows(Store *st, const char *sql, int64_t id, const JsonCol *cols,
          int n_cols, FILE *out)
{
	sqlite3_stmt *stmt = NULL;
	int rc, src, first = 1;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	fputc('[', out);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		fputs(first ? "\n    {" : ",\n    {", out);
		first = 0;
		for (int c = 0; c < n_cols; c++) {
			int null = sqlite3_column_type(stmt, c) == SQLITE_NULL;

			fprintf(out, "%s\"%s\": ", c > 0 ? ", " : "", cols[c].name);
			if (null) {
				fputs("null", out);
				continue;
			}
			switch (cols[c].kind) {
			case 'i':
				fprintf(out, "%lld",
				        (long long)sqlite3_column_int64(stmt, c));
				break;
			case 'b':
				fputs(sqlite3_column_int(stmt, c) ? "true" : "false", out);
				break;
			case 't':
				json_time(out, sqlite3_column_int64(stmt, c));
				break;
			default:
				privacy_json_string(out,
				    (const char *)sqlite3_column_text(stmt, c));
				break;
			}
		}
		fputc('}', out);
	}
	fputs(first ? "]" : "\n  ]", out);
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "exporting");
	store_stmt_release(st, stmt);
	return rc;
}

int
privacy_export_member(Store *st, int64_t id, FILE *out)
{
	static const char sql_badges[] =
		"SELECT uid, added_utc, active FROM badges WHERE member_id = ?1"
		" ORDER BY added_utc, uid";
	static const JsonCol col_badges[] = {
		{ 's', "uid" }, { 't', "added" }, { 'b', "active" }
	};
	static const char sql_visits[] =
		"SELECT id, uuid, badge, in_utc, out_utc, auto_closed, day_id,"
		" kiosk_id FROM visits WHERE member_id = ?1 ORDER BY in_utc, id";
	static const JsonCol col_visits[] = {
		{ 'i', "id" }, { 's', "uuid" }, { 's', "badge" }, { 't', "in" },
		{ 't', "out" }, { 'b', "auto_closed" }, { 'i', "day_id" },
		{ 's', "kiosk_id" }
	};
	static const char sql_posted[] =
		"SELECT id, uuid, title, description, category, place, date_from,"
		" date_to, duration_min, places, reward_kind, reward_cents,"
		" minors_ok, status, reason, created_utc, updated_utc"
		" FROM missions WHERE poster_id = ?1 ORDER BY created_utc, id";
	static const JsonCol col_posted[] = {
		{ 'i', "id" }, { 's', "uuid" }, { 's', "title" },
		{ 's', "description" }, { 's', "category" }, { 's', "place" },
		{ 's', "date_from" }, { 's', "date_to" }, { 'i', "duration_min" },
		{ 'i', "places" }, { 's', "reward_kind" }, { 'i', "reward_cents" },
		{ 'b', "minors_ok" }, { 's', "status" }, { 's', "reason" },
		{ 't', "created" }, { 't', "updated" }
	};
	static const char sql_takes[] =
		"SELECT t.mission_id, m.title, m.status, t.taken_utc, t.released_utc"
		" FROM mission_takes t JOIN missions m ON m.id = t.mission_id"
		" WHERE t.member_id = ?1 ORDER BY t.taken_utc, t.id";
	static const JsonCol col_takes[] = {
		{ 'i', "mission_id" }, { 's', "title" }, { 's', "status" },
		{ 't', "taken" }, { 't', "released" }
	};
	static const char sql_audit[] =
		"SELECT id, at_utc, actor_id, action, target_kind, target_id, detail"
		" FROM audit WHERE (target_kind = 'member' AND target_id = ?1)"
		" OR actor_id = ?1 ORDER BY at_utc, id";
	static const JsonCol col_audit[] = {
		{ 'i', "id" }, { 't', "at" }, { 'i', "actor_id" }, { 's', "action" },
		{ 's', "target_kind" }, { 'i', "target_id" }, { 's', "detail" }
	};
	Member m;
	int rc;

	if ((rc = member_get(st, id, &m)) != BORNE_OK)
		return rc;
	fputs("{\n  \"member\": {", out);
	fprintf(out, "\"id\": %lld, \"uuid\": ", (long long)m.id);
	privacy_json_string(out, m.uuid);
	fputs(", \"name\": ", out);
	privacy_json_string(out, m.name);
	fputs(", \"role\": ", out);
	privacy_json_string(out, member_role_name(m.role));
	fprintf(out, ", \"minor\": %s, \"active\": %s, \"has_pin\": %s, "
	        "\"forgotten\": %s, \"created\": ",
	        m.minor ? "true" : "false", m.active ? "true" : "false",
	        m.has_pin ? "true" : "false", m.forgotten ? "true" : "false");
	json_time(out, m.created_utc);
	fputs("},\n  \"badges\": ", out);
	if ((rc = json_rows(st, sql_badges, id, col_badges, 3, out)) != BORNE_OK)
		return rc;
	fputs(",\n  \"visits\": ", out);
	if ((rc = json_rows(st, sql_visits, id, col_visits, 8, out)) != BORNE_OK)
		return rc;
	fputs(",\n  \"missions_posted\": ", out);
	if ((rc = json_rows(st, sql_posted, id, col_posted, 17, out))
	    != BORNE_OK)
		return rc;
	fputs(",\n  \"takes\": ", out);
	if ((rc = json_rows(st, sql_takes, id, col_takes, 5, out)) != BORNE_OK)
		return rc;
	fputs(",\n  \"audit\": ", out);
	if ((rc = json_rows(st, sql_audit, id, col_audit, 7, out)) != BORNE_OK)
		return rc;
	fputs("\n}\n", out);
	errno = 0;
	if (fflush(out) != 0 || ferror(out))
		return errno == ENOSPC ? BORNE_EFULL : BORNE_EIO;
	return BORNE_OK;
}

/* Runs one statement with ?1 = id and optional texts ?2, ?3. */
static int
run_id(Store *st, const char *sql, int64_t id, const char *text1,
       const char *text2, int *changes, const char *what)
{
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	if (text1 != NULL)
		sqlite3_bind_text(stmt, 2, text1, -1, SQLITE_TRANSIENT);
	if (text2 != NULL)
		sqlite3_bind_text(stmt, 3, text2, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, what);
	if (rc == BORNE_OK && changes != NULL)
		*changes = sqlite3_changes(store_db(st));
	store_stmt_release(st, stmt);
	return rc;
}

int
privacy_forget_member(Store *st, int64_t id, int64_t actor_id,
                      int64_t now_utc)
{
	static const char sql_member[] =
		"UPDATE members SET name = ?2, pin_hash = NULL, forgotten = 1,"
		" active = 0 WHERE id = ?1";
	/* A tap logged as unknown may be a badge this member got later. */
	static const char sql_taps[] =
		"UPDATE unknown_taps SET uid = NULL WHERE uid IN"
		" (SELECT uid FROM badges WHERE member_id = ?1)";
	static const char sql_badges[] = "DELETE FROM badges WHERE member_id = ?1";
	static const char sql_visits[] =
		"UPDATE visits SET badge = '' WHERE member_id = ?1";
	/* Sent again after the blanked visits, so another kiosk finds the
	** visit they belong to (the visits' earlier changes were scrubbed). */
	static const char sql_vstreams[] =
		"UPDATE visit_streams SET uuid = uuid WHERE visit_id IN"
		" (SELECT id FROM visits WHERE member_id = ?1)";
	static const char sql_vfixes[] =
		"UPDATE visit_fixes SET uuid = uuid WHERE visit_id IN"
		" (SELECT id FROM visits WHERE member_id = ?1)";
	/* Taps held for a trusted clock carry the badge: they go. */
	static const char sql_held[] = "DELETE FROM held_taps WHERE member_id = ?1";
	/* Lines about the member lose the name; so does any line quoting the
	** full name, when it is long enough not to hit unrelated words. */
	static const char sql_audit[] =
		"UPDATE audit SET detail = replace(detail, ?2, ?3)"
		" WHERE detail IS NOT NULL AND instr(detail, ?2) > 0"
		" AND ((target_kind = 'member' AND target_id = ?1)"
		"      OR length(?2) >= 4)";
	/* The badge UIDs in the log would tie the card still in the
	** person's pocket to the anonymous member. */
	static const char sql_audit_badges[] =
		"UPDATE audit SET detail = NULL WHERE target_kind = 'member'"
		" AND target_id = ?1 AND action LIKE 'badge.%'";
	/* The list a restored backup is forgotten again from: the uuid and
	** the date, nothing that names the person. */
	static const char sql_list[] =
		"INSERT OR IGNORE INTO forgotten(uuid, forgotten_utc)"
		" VALUES (?2, ?1)";
	char marker[64];
	Member m;
	int rc;

	if ((rc = member_get(st, id, &m)) != BORNE_OK)
		return rc;
	if (m.forgotten)
		return store_set_error(st, BORNE_EREFUSED,
		                       "member #%lld is already forgotten",
		                       (long long)id);
	snprintf(marker, sizeof marker, PRIVACY_FORGOTTEN_FMT, (long long)id);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	/* First, so the forget's own writes below (the blanked visits, the
	** anonymous name) are what travels to the hub (outbox.h). */
	if ((rc = outbox_forget_member(st, m.uuid)) != BORNE_OK ||
	    (rc = run_id(st, sql_taps, id, NULL, NULL, NULL,
	                 "forgetting taps")) != BORNE_OK ||
	    (rc = run_id(st, sql_badges, id, NULL, NULL, NULL,
	                 "deleting badges")) != BORNE_OK ||
	    (rc = run_id(st, sql_visits, id, NULL, NULL, NULL,
	                 "blanking visits")) != BORNE_OK ||
	    (rc = run_id(st, sql_vstreams, id, NULL, NULL, NULL,
	                 "blanking visits")) != BORNE_OK ||
	    (rc = run_id(st, sql_vfixes, id, NULL, NULL, NULL,
	                 "blanking visits")) != BORNE_OK ||
	    (rc = run_id(st, sql_held, id, NULL, NULL, NULL,
	                 "deleting held taps")) != BORNE_OK ||
	    (rc = run_id(st, sql_audit, id, m.name, marker, NULL,
	                 "scrubbing the audit")) != BORNE_OK ||
	    (rc = run_id(st, sql_audit_badges, id, NULL, NULL, NULL,
	                 "scrubbing the audit")) != BORNE_OK ||
	    (rc = run_id(st, sql_member, id, marker, NULL, NULL,
	                 "forgetting the member")) != BORNE_OK ||
	    (rc = run_id(st, sql_list, now_utc, m.uuid, NULL, NULL,
	                 "listing the member as forgotten")) != BORNE_OK ||
	    (rc = scrub_mark(st)) != BORNE_OK ||
	    (rc = audit_log(st, actor_id, "member.forget", "member", id, NULL,
	                    now_utc)) != BORNE_OK)
		goto fail;
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	(void)scrub_try(st, PRIVACY_SCRUB_WAIT_MS);
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

int
privacy_purge(Store *st, int64_t before_utc, int64_t actor_id,
              int64_t now_utc, PurgeCounts *counts)
{
	static const char sql_visits[] = "DELETE FROM visits WHERE in_utc < ?1";
	static const char sql_taps[] =
		"DELETE FROM unknown_taps WHERE at_utc < ?1";
	static const char sql_takes[] =
		"DELETE FROM mission_takes WHERE released_utc < ?1"
		" OR mission_id IN (SELECT id FROM missions"
		"   WHERE status = 'done' AND updated_utc < ?1)";
	PurgeCounts c;
	char detail[160];
	int rc;

	memset(&c, 0, sizeof c);
	if (counts != NULL)
		memset(counts, 0, sizeof *counts);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = run_id(st, sql_visits, before_utc, NULL, NULL, &c.visits,
	                 "purging visits")) != BORNE_OK ||
	    (rc = run_id(st, sql_taps, before_utc, NULL, NULL, &c.unknown_taps,
	                 "purging unknown taps")) != BORNE_OK ||
	    (rc = run_id(st, sql_takes, before_utc, NULL, NULL, &c.takes,
	                 "purging takes")) != BORNE_OK)
		goto fail;
	snprintf(detail, sizeof detail, "before %lld: %d visits, %d unknown "
	         "taps, %d takes", (long long)before_utc, c.visits,
	         c.unknown_taps, c.takes);
	if ((rc = scrub_mark(st)) != BORNE_OK ||
	    (rc = audit_log(st, actor_id, "data.purge", "store", 0, detail,
	                    now_utc)) != BORNE_OK)
		goto fail;
	if ((rc = store_commit(st)) != BORNE_OK)
		return rc;
	(void)scrub_try(st, PRIVACY_SCRUB_WAIT_MS);
	if (counts != NULL)
		*counts = c;
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

int
privacy_forget_listed(Store *st, Store *from, int64_t now_utc,
                      int *n_forgotten)
{
	static const char sql_from[] =
		"SELECT uuid, forgotten_utc FROM forgotten ORDER BY uuid";
	static const char sql_add[] =
		"INSERT OR IGNORE INTO forgotten(uuid, forgotten_utc)"
		" VALUES (?1, ?2)";
	static const char sql_due[] =
		"SELECT m.id FROM members m JOIN forgotten f ON f.uuid = m.uuid"
		" WHERE m.forgotten = 0 ORDER BY m.id";
	sqlite3_stmt *rd = NULL, *wr = NULL;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc = BORNE_OK, src;

	if (n_forgotten != NULL)
		*n_forgotten = 0;
	if (from != NULL && from != st) {
		if ((rc = store_stmt(from, sql_from, &rd)) != BORNE_OK)
			return store_set_error(st, rc, "the live list: %s",
			                       store_errmsg(from));
		if ((rc = store_begin(st)) != BORNE_OK) {
			store_stmt_release(from, rd);
			return rc;
		}
		while ((src = sqlite3_step(rd)) == SQLITE_ROW) {
			if ((rc = store_stmt(st, sql_add, &wr)) != BORNE_OK)
				break;
			sqlite3_bind_text(wr, 1, (const char *)sqlite3_column_text(rd, 0),
			                  -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(wr, 2, sqlite3_column_int64(rd, 1));
			if ((rc = store_step_done(st, wr, "copying the list")) != BORNE_OK)
				break;
		}
		if (rc == BORNE_OK && src != SQLITE_DONE) {
			rc = store_fail(from, src, "reading");
			store_set_error(st, rc, "the live list: %s", store_errmsg(from));
		}
		store_stmt_release(from, rd);
		if (rc != BORNE_OK) {
			store_rollback(st);
			return rc;
		}
		if ((rc = store_commit(st)) != BORNE_OK)
			return rc;
	}
	if ((rc = store_stmt(st, sql_due, &rd)) != BORNE_OK)
		return rc;
	while ((src = sqlite3_step(rd)) == SQLITE_ROW) {
		if (n == cap) {
			int64_t *more = realloc(ids, (cap = cap * 2 + 16) * sizeof *ids);

			if (more == NULL) {
				src = SQLITE_NOMEM;
				break;
			}
			ids = more;
		}
		ids[n++] = sqlite3_column_int64(rd, 0);
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "reading the list");
	store_stmt_release(st, rd);
	for (size_t i = 0; rc == BORNE_OK && i < n; i++) {
		rc = privacy_forget_member(st, ids[i], 0, now_utc);
		if (rc == BORNE_OK && n_forgotten != NULL)
			(*n_forgotten)++;
	}
	free(ids);
	return rc;
}

/* ---- The log after forget and purge ----------------------------------
** What a delete removed from the tables is still in the -wal file (the
** pages as they were, written before) until a checkpoint copies the log
** into the database and truncates it. A checkpoint cannot finish while
** another connection (the kiosk, days long) reads an older snapshot, so
** the work to do is written in the same transaction as the delete: the
** setting PRIVACY_SCRUB_KEY counts the deletes not yet checkpointed, and
** whoever checkpoints after reading N removes it only if it still says
** N (a delete committed meanwhile keeps it). The kiosk polls it. */

/* Counts one more delete to checkpoint, inside the caller's transaction. */
static int
scrub_mark(Store *st)
{
	static const char sql[] =
		"INSERT INTO settings(key, value) VALUES ('" PRIVACY_SCRUB_KEY "', '1')"
		" ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	return store_step_done(st, stmt, "noting the log to empty");
}

/* Checkpoints when something is to do, then clears what was read. */
static int
scrub_try(Store *st, int wait_ms)
{
	static const char sql_done[] =
		"DELETE FROM settings WHERE key = '" PRIVACY_SCRUB_KEY "'"
		" AND value = ?1";
	sqlite3_stmt *stmt = NULL;
	char seen[32];
	int rc, busy_ms = store_busy_timeout(st);

	rc = store_setting_get(st, PRIVACY_SCRUB_KEY, seen, sizeof seen);
	if (rc == BORNE_ENOTFOUND)
		return BORNE_OK;
	if (rc != BORNE_OK)
		return rc;
	if ((rc = store_checkpoint_truncate(st, wait_ms)) != BORNE_OK)
		return rc;
	/* The clearing write waits no longer than the checkpoint did. */
	store_set_busy_timeout(st, wait_ms);
	if ((rc = store_stmt(st, sql_done, &stmt)) == BORNE_OK) {
		sqlite3_bind_text(stmt, 1, seen, -1, SQLITE_TRANSIENT);
		rc = store_step_done(st, stmt, "noting the log emptied");
	}
	store_set_busy_timeout(st, busy_ms);
	if (rc != BORNE_OK)
		return rc;
	/* That write is in the log again: a page of settings, nothing about
	** anybody. Emptied too when it can be, never waited for. */
	(void)store_checkpoint_truncate(st, 0);
	return BORNE_OK;
}

int
privacy_scrub(Store *st, int wait_ms)
{
	if (st == NULL)
		return BORNE_EINVAL;
	return scrub_try(st, wait_ms);
}

int
privacy_scrub_pending(Store *st)
{
	char seen[32];
	int rc = store_setting_get(st, PRIVACY_SCRUB_KEY, seen, sizeof seen);

	if (rc == BORNE_ENOTFOUND)
		return 0;
	return rc == BORNE_OK ? 1 : rc;
}
