/* webauth.c -- one-time codes and sessions of the back office (see
** webauth.h). A code or a token is looked up by its BLAKE2b hash; the
** rows live in web_codes and web_sessions (store_schema.c, version 5).
** Every write runs in a transaction with its audit line. */
#include "webauth.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "borne.h"
#include "member.h"

#define HASH_HEX (crypto_generichash_BYTES * 2 + 1)

static void hash_hex(const char *text, char out[HASH_HEX]);
static int  code_digits(const char *code, char digits[WEBAUTH_CODE_DIGITS + 1]);
static int  count_fails(Store *st, int64_t now_utc, int *n);
static int  refuse(Store *st, const char *action, const char *client,
                   int64_t now_utc);

static void
hash_hex(const char *text, char out[HASH_HEX])
{
	unsigned char h[crypto_generichash_BYTES];

	crypto_generichash(h, sizeof h, (const unsigned char *)text,
	                   strlen(text), NULL, 0);
	sodium_bin2hex(out, HASH_HEX, h, sizeof h);
}

/* The digits of a typed code, spaces and dashes left out: 1 when there
** are exactly WEBAUTH_CODE_DIGITS of them and nothing else. */
static int
code_digits(const char *code, char digits[WEBAUTH_CODE_DIGITS + 1])
{
	int n = 0;

	digits[0] = '\0';
	if (code == NULL)
		return 0;
	for (const char *p = code; *p != '\0'; p++) {
		if (*p == ' ' || *p == '-' || *p == '\t' || *p == '\r' || *p == '\n')
			continue;
		if (*p < '0' || *p > '9' || n == WEBAUTH_CODE_DIGITS)
			return 0;
		digits[n++] = *p;
	}
	digits[n] = '\0';
	return n == WEBAUTH_CODE_DIGITS;
}

static int
count_fails(Store *st, int64_t now_utc, int *n)
{
	static const char sql[] =
		"SELECT count(*) FROM audit WHERE action = 'web.login_refused'"
		" AND at_utc > ?1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*n = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, now_utc - WEBAUTH_FAIL_WINDOW_S);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		*n = sqlite3_column_int(stmt, 0);
	rc = src == SQLITE_ROW ? BORNE_OK : store_fail(st, src, "counting wrong codes");
	store_stmt_release(st, stmt);
	return rc;
}

/* Audits a refused try on its own (the caller's transaction was rolled
** back); keeps the caller's message. */
static int
refuse(Store *st, const char *action, const char *client, int64_t now_utc)
{
	char msg[256];

	snprintf(msg, sizeof msg, "%s", store_errmsg(st));
	if (store_begin(st) == BORNE_OK) {
		if (audit_log(st, 0, action, "web", 0, client, now_utc) == BORNE_OK)
			(void)store_commit(st);
		else
			store_rollback(st);
	}
	store_set_error(st, BORNE_OK, "%s", msg);
	return BORNE_OK;
}

int
webauth_code_new(Store *st, int64_t actor_id, int64_t now_utc,
                 char code[WEBAUTH_CODE_SIZE])
{
	static const char del[] = "DELETE FROM web_codes WHERE expires_utc <= ?1";
	static const char ins[] =
		"INSERT INTO web_codes(hash, actor_id, created_utc, expires_utc)"
		" VALUES (?1, ?2, ?3, ?4)";
	char digits[WEBAUTH_CODE_DIGITS + 1], h[HASH_HEX];
	sqlite3_stmt *stmt = NULL;
	int rc;

	code[0] = '\0';
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	snprintf(digits, sizeof digits, "%08u",
	         (unsigned)randombytes_uniform(100000000u));
	hash_hex(digits, h);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, del, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, now_utc);
	if ((rc = store_step_done(st, stmt, "deleting old codes")) != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, ins, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, h, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, actor_id);
	sqlite3_bind_int64(stmt, 3, now_utc);
	sqlite3_bind_int64(stmt, 4, now_utc + WEBAUTH_CODE_TTL_S);
	if ((rc = store_step_done(st, stmt, "saving the code")) != BORNE_OK)
		goto fail;
	if ((rc = audit_log(st, actor_id, "web.code", "web", 0, NULL, now_utc))
	    != BORNE_OK)
		goto fail;
	if ((rc = store_commit(st)) != BORNE_OK)
		goto fail;
	snprintf(code, WEBAUTH_CODE_SIZE, "%.4s %.4s", digits, digits + 4);
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

int
webauth_login(Store *st, const char *code, const char *client,
              int64_t now_utc, char token[WEBAUTH_TOKEN_SIZE],
              int64_t *actor_out)
{
	static const char get[] =
		"SELECT actor_id FROM web_codes WHERE hash = ?1 AND expires_utc > ?2";
	static const char del[] = "DELETE FROM web_codes WHERE hash = ?1";
	static const char ins[] =
		"INSERT INTO web_sessions(hash, actor_id, created_utc, seen_utc)"
		" VALUES (?1, ?2, ?3, ?3)";
	char digits[WEBAUTH_CODE_DIGITS + 1], h[HASH_HEX], th[HASH_HEX];
	unsigned char raw[32];
	sqlite3_stmt *stmt = NULL;
	int64_t actor = 0;
	int rc, src, n_fails, found = 0;

	token[0] = '\0';
	*actor_out = 0;
	if ((rc = count_fails(st, now_utc, &n_fails)) != BORNE_OK)
		return rc;
	if (n_fails >= WEBAUTH_MAX_FAILS) {
		store_set_error(st, BORNE_ELOCKED, "too many wrong codes: wait %d "
		                "minutes", WEBAUTH_FAIL_WINDOW_S / 60);
		refuse(st, "web.login_locked", client, now_utc);
		return BORNE_ELOCKED;
	}
	if (!code_digits(code, digits)) {
		store_set_error(st, BORNE_ENOTFOUND, "a code is %d digits",
		                WEBAUTH_CODE_DIGITS);
		refuse(st, "web.login_refused", client, now_utc);
		return BORNE_ENOTFOUND;
	}
	hash_hex(digits, h);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, get, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, h, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, now_utc);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		found = 1;
		actor = sqlite3_column_int64(stmt, 0);
	}
	rc = src == SQLITE_ROW || src == SQLITE_DONE ? BORNE_OK :
	     store_fail(st, src, "reading the codes");
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK)
		goto fail;
	if (!found) {
		store_rollback(st);
		store_set_error(st, BORNE_ENOTFOUND, "wrong or expired code");
		refuse(st, "web.login_refused", client, now_utc);
		return BORNE_ENOTFOUND;
	}
	if ((rc = store_stmt(st, del, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, h, -1, SQLITE_TRANSIENT);
	if ((rc = store_step_done(st, stmt, "using the code")) != BORNE_OK)
		goto fail;
	if ((rc = member_actor_may(st, actor, ROLE_FACILITATOR)) != BORNE_OK)
		goto fail;
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(token, WEBAUTH_TOKEN_SIZE, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
	hash_hex(token, th);
	if ((rc = store_stmt(st, ins, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, th, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, actor);
	sqlite3_bind_int64(stmt, 3, now_utc);
	if ((rc = store_step_done(st, stmt, "opening the session")) != BORNE_OK)
		goto fail;
	if ((rc = audit_log(st, actor, "web.login", "web", 0, client, now_utc))
	    != BORNE_OK)
		goto fail;
	if ((rc = store_commit(st)) != BORNE_OK)
		goto fail;
	*actor_out = actor;
	return BORNE_OK;
fail:
	store_rollback(st);
	token[0] = '\0';
	return rc;
}

int
webauth_session(Store *st, const char *token, int64_t now_utc,
                int64_t *actor_out)
{
	static const char get[] =
		"SELECT actor_id, seen_utc FROM web_sessions WHERE hash = ?1";
	static const char seen[] =
		"UPDATE web_sessions SET seen_utc = ?2 WHERE hash = ?1";
	static const char del[] = "DELETE FROM web_sessions WHERE hash = ?1";
	char th[HASH_HEX];
	sqlite3_stmt *stmt = NULL;
	int64_t actor = 0, seen_utc = 0;
	int rc, src, found = 0;

	*actor_out = 0;
	if (token == NULL || strlen(token) != WEBAUTH_TOKEN_SIZE - 1)
		return store_set_error(st, BORNE_ENOTFOUND, "no session");
	hash_hex(token, th);
	if ((rc = store_stmt(st, get, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, th, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		found = 1;
		actor = sqlite3_column_int64(stmt, 0);
		seen_utc = sqlite3_column_int64(stmt, 1);
	}
	rc = src == SQLITE_ROW || src == SQLITE_DONE ? BORNE_OK :
	     store_fail(st, src, "reading the sessions");
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK)
		return rc;
	if (!found)
		return store_set_error(st, BORNE_ENOTFOUND, "no session");
	if (now_utc - seen_utc > WEBAUTH_IDLE_S ||
	    member_actor_may(st, actor, ROLE_FACILITATOR) != BORNE_OK) {
		if (store_stmt(st, del, &stmt) == BORNE_OK) {
			sqlite3_bind_text(stmt, 1, th, -1, SQLITE_TRANSIENT);
			(void)store_step_done(st, stmt, "ending the session");
		}
		return store_set_error(st, BORNE_ENOTFOUND, "session ended");
	}
	/* Written at most once a minute: a page is not a write. A database
	** that cannot be written (read-only, locked) still shows its pages. */
	if (now_utc - seen_utc >= 60 && store_stmt(st, seen, &stmt) == BORNE_OK) {
		sqlite3_bind_text(stmt, 1, th, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 2, now_utc);
		(void)store_step_done(st, stmt, "keeping the session");
	}
	*actor_out = actor;
	return BORNE_OK;
}

void
webauth_csrf(const char *token, char out[WEBAUTH_TOKEN_SIZE])
{
	static const unsigned char key[] = "borne-web csrf v1 ................";
	unsigned char h[32];

	crypto_generichash(h, sizeof h, (const unsigned char *)token,
	                   strlen(token), key, 32);
	sodium_bin2hex(out, WEBAUTH_TOKEN_SIZE, h, sizeof h);
}

int
webauth_logout(Store *st, const char *token, int64_t now_utc)
{
	static const char del[] = "DELETE FROM web_sessions WHERE hash = ?1";
	char th[HASH_HEX];
	sqlite3_stmt *stmt = NULL;
	int64_t actor = 0;
	int rc;

	if (token == NULL || webauth_session(st, token, now_utc, &actor)
	    != BORNE_OK)
		return BORNE_OK;
	hash_hex(token, th);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, del, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, th, -1, SQLITE_TRANSIENT);
	if ((rc = store_step_done(st, stmt, "ending the session")) != BORNE_OK)
		goto fail;
	if ((rc = audit_log(st, actor, "web.logout", "web", 0, NULL, now_utc))
	    != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
webauth_end_all(Store *st, int64_t actor_id, int64_t now_utc, int *n_ended)
{
	char detail[32];
	int rc, n;

	if (n_ended != NULL)
		*n_ended = 0;
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	if ((n = webauth_count(st, now_utc)) < 0)
		return n;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if (sqlite3_exec(store_db(st), "DELETE FROM web_sessions;"
	                 "DELETE FROM web_codes;", NULL, NULL, NULL) != SQLITE_OK) {
		rc = store_fail(st, sqlite3_errcode(store_db(st)),
		                "ending the web sessions");
		goto fail;
	}
	snprintf(detail, sizeof detail, "%d", n);
	if ((rc = audit_log(st, actor_id, "web.end_all", "web", 0, detail,
	                    now_utc)) != BORNE_OK)
		goto fail;
	if ((rc = store_commit(st)) != BORNE_OK)
		goto fail;
	if (n_ended != NULL)
		*n_ended = n;
	return BORNE_OK;
fail:
	store_rollback(st);
	return rc;
}

int
webauth_count(Store *st, int64_t now_utc)
{
	static const char sql[] =
		"SELECT count(*) FROM web_sessions WHERE seen_utc >= ?1";
	sqlite3_stmt *stmt = NULL;
	int rc, src, n = 0;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, now_utc - WEBAUTH_IDLE_S);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	rc = src == SQLITE_ROW ? n : store_fail(st, src, "counting the sessions");
	store_stmt_release(st, stmt);
	return rc;
}
