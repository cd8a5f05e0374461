/* member.c -- the people the kiosk knows, and their badges (member.h).
** A PIN is 4 to 8 digits, kept only as a hash. The hash is libsodium's
** crypto_pwhash_str (Argon2id, "interactive" limits: about 64 MiB and a
** fraction of a second on a Pi) over a keyed BLAKE2b of the PIN, keyed
** with the kiosk's PIN key (pinkey.h), which is never in the database:
**   "$borne-k1$KEYID$" "$argon2id$v=19$m=...,t=...,p=1$SALT$HASH"
** KEYID names the key (8 hex digits), so a PIN made with another key is
** told apart from a wrong PIN. A hash that begins with "$argon2" is the
** old scheme (no key): it is still checked, and re-hashed with the key at
** its next correct entry. Hashing happens before the write transaction
** starts, so the database is never locked while Argon2 runs. Tests set
** BORNE_PIN_HASH_FAST=1 in the environment to use the minimum limits.
**
** A badge row is never deleted: badge_remove() clears its active flag,
** and badge_add() may give that UID to someone later. Every change here
** writes its audit line in the same transaction. */
#include "member.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "pinkey.h"
#include "text.h"
#include "uuid.h"

#define PIN_KEYED_PREFIX "$borne-k1$"
#define PIN_PREFIX_LEN_SQL "10"   /* strlen(PIN_KEYED_PREFIX) */
#define PIN_HASH_SIZE    (crypto_pwhash_STRBYTES + 32)

#define MEMBER_COLS \
	"m.id, m.uuid, m.name, m.role, m.minor, m.active," \
	" m.pin_hash IS NOT NULL, m.forgotten, m.created_utc"

static int  member_row(sqlite3_stmt *stmt, Member *m);
static int  member_exists(Store *st, int64_t id);
static int  pin_check_format(Store *st, const char *pin);
static int  pin_hash(Store *st, const char *pin, char out[PIN_HASH_SIZE]);
static int  pin_verify(Store *st, const char *hash, const char *pin,
                       int *legacy);
static int  pin_save(Store *st, int64_t id, const char *hash);
static int  badge_add_in_tx(Store *st, int64_t member_id, const BadgeUid *uid,
                            int64_t actor_id, int64_t now_utc);
static int  sodium_ready(Store *st);
static int  member_role_of(Store *st, int64_t id, MemberRole *role);

static const char *const role_names[ROLE_COUNT] = {
	[ROLE_COOPERATOR]  = "cooperator",
	[ROLE_COWORKER]    = "coworker",
	[ROLE_FACILITATOR] = "facilitator",
	[ROLE_ADMIN]       = "admin",
};

const char *
member_role_name(MemberRole role)
{
	if ((int)role < 0 || role >= ROLE_COUNT)
		return "unknown";
	return role_names[role];
}

int
member_role_parse(const char *s, MemberRole *out)
{
	*out = ROLE_COOPERATOR;
	for (int i = 0; s != NULL && i < ROLE_COUNT; i++) {
		if (strcmp(s, role_names[i]) == 0) {
			*out = (MemberRole)i;
			return BORNE_OK;
		}
	}
	return BORNE_EINVAL;
}

int
member_is_staff(const Member *m)
{
	return m != NULL && (m->role == ROLE_FACILITATOR || m->role == ROLE_ADMIN);
}

static int
sodium_ready(Store *st)
{
	if (sodium_init() < 0)
		return store_set_error(st, BORNE_EIO, "libsodium failed to start");
	return BORNE_OK;
}

static int
member_row(sqlite3_stmt *stmt, Member *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(stmt, 0);
	store_col_text(stmt, 1, m->uuid, sizeof m->uuid);
	store_col_text(stmt, 2, m->name, sizeof m->name);
	member_role_parse((const char *)sqlite3_column_text(stmt, 3), &m->role);
	m->minor = sqlite3_column_int(stmt, 4);
	m->active = sqlite3_column_int(stmt, 5);
	m->has_pin = sqlite3_column_int(stmt, 6);
	m->forgotten = sqlite3_column_int(stmt, 7);
	m->created_utc = sqlite3_column_int64(stmt, 8);
	return BORNE_OK;
}

/* BORNE_OK when the member exists, BORNE_ENOTFOUND (message set) if not. */
static int
member_exists(Store *st, int64_t id)
{
	static const char sql[] = "SELECT 1 FROM members WHERE id = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		rc = BORNE_OK;
	else if (src == SQLITE_DONE)
		rc = store_set_error(st, BORNE_ENOTFOUND, "no member %lld", (long long)id);
	else
		rc = store_fail(st, src, "looking up a member");
	store_stmt_release(st, stmt);
	return rc;
}

/* The role of member id: BORNE_ENOTFOUND when there is no such member. */
static int
member_role_of(Store *st, int64_t id, MemberRole *role)
{
	Member m;
	int rc;

	if ((rc = member_get(st, id, &m)) != BORNE_OK)
		return rc;
	*role = m.role;
	return BORNE_OK;
}

int
member_actor_may(Store *st, int64_t actor_id, MemberRole least)
{
	static const char *const who[ROLE_COUNT] = {
		[ROLE_COOPERATOR]  = "a member",
		[ROLE_COWORKER]    = "a coworker",
		[ROLE_FACILITATOR] = "a facilitator",
		[ROLE_ADMIN]       = "an administrator",
	};
	Member a;
	int rc;

	if (actor_id == 0)
		return BORNE_OK;
	if ((int)least < 0 || least >= ROLE_COUNT)
		least = ROLE_ADMIN;
	rc = member_get(st, actor_id, &a);
	if (rc == BORNE_ENOTFOUND)
		return store_set_error(st, BORNE_EPERM, "no member %lld may act "
		                       "here", (long long)actor_id);
	if (rc != BORNE_OK)
		return rc;
	if (!a.active || a.forgotten || a.role < least)
		return store_set_error(st, BORNE_EPERM, "only %s may do that",
		                       who[least]);
	return BORNE_OK;
}

static int
pin_check_format(Store *st, const char *pin)
{
	size_t n = pin != NULL ? strlen(pin) : 0;

	if (n < MEMBER_PIN_MIN_DIGITS || n > MEMBER_PIN_MAX_DIGITS)
		return store_set_error(st, BORNE_EINVAL, "PIN must be 4 to 8 digits");
	for (size_t i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return store_set_error(st, BORNE_EINVAL, "PIN must be 4 to 8 digits");
	return BORNE_OK;
}

/* out = PIN_KEYED_PREFIX KEYID "$" Argon2id(BLAKE2b_key(pin)). Needs the
** kiosk's key: BORNE_EIO (message says why) without one. */
static int
pin_hash(Store *st, const char *pin, char out[PIN_HASH_SIZE])
{
	const char *fast = getenv("BORNE_PIN_HASH_FAST");
	unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	size_t mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	uint8_t mixed[PINKEY_BYTES];
	char argon[crypto_pwhash_STRBYTES];
	int rc;

	memset(out, 0, PIN_HASH_SIZE);
	if ((rc = pin_check_format(st, pin)) != BORNE_OK)
		return rc;
	if ((rc = sodium_ready(st)) != BORNE_OK)
		return rc;
	if (pinkey_mix(pin, strlen(pin), mixed) != BORNE_OK)
		return store_set_error(st, BORNE_EIO, "PINs cannot be set: %s",
		                       pinkey_why());
	if (fast != NULL && strcmp(fast, "1") == 0) {
		ops = crypto_pwhash_OPSLIMIT_MIN;
		mem = crypto_pwhash_MEMLIMIT_MIN;
	}
	rc = crypto_pwhash_str(argon, (const char *)mixed, sizeof mixed, ops, mem);
	sodium_memzero(mixed, sizeof mixed);
	if (rc != 0)
		return store_set_error(st, BORNE_ENOMEM, "not enough memory to hash the PIN");
	snprintf(out, PIN_HASH_SIZE, PIN_KEYED_PREFIX "%s$%s", pinkey_id(), argon);
	return BORNE_OK;
}

/* BORNE_OK when pin matches hash (*legacy: 1 when hash is of the old,
** keyless scheme), BORNE_EREFUSED when not, BORNE_EIO when the key it
** needs is not loaded. */
static int
pin_verify(Store *st, const char *hash, const char *pin, int *legacy)
{
	const size_t np = sizeof PIN_KEYED_PREFIX - 1;
	uint8_t mixed[PINKEY_BYTES];
	const char *id, *argon;
	int rc;

	*legacy = 0;
	if (strncmp(hash, "$argon2", 7) == 0) {
		*legacy = 1;
		if (crypto_pwhash_str_verify(hash, pin, strlen(pin)) != 0)
			return store_set_error(st, BORNE_EREFUSED, "wrong PIN");
		return BORNE_OK;
	}
	if (strncmp(hash, PIN_KEYED_PREFIX, np) != 0 ||
	    (argon = strchr(hash + np, '$')) == NULL)
		return store_set_error(st, BORNE_EIO, "this PIN is stored in a form"
		                       " this kiosk does not know: set it again");
	id = hash + np;
	if (pinkey_source() == PINKEY_NONE)
		return store_set_error(st, BORNE_EIO, "PINs cannot be checked: %s",
		                       pinkey_why());
	if ((size_t)(argon - id) != strlen(pinkey_id()) ||
	    strncmp(id, pinkey_id(), (size_t)(argon - id)) != 0)
		return store_set_error(st, BORNE_EIO, "this PIN was set with another"
		                       " PIN key (%.*s; this kiosk's is %s): put that"
		                       " key back or set the PIN again",
		                       (int)(argon - id < 16 ? argon - id : 16), id,
		                       pinkey_id());
	if ((rc = pinkey_mix(pin, strlen(pin), mixed)) != BORNE_OK)
		return store_set_error(st, BORNE_EIO, "PINs cannot be checked: %s",
		                       pinkey_why());
	rc = crypto_pwhash_str_verify(argon + 1, (const char *)mixed, sizeof mixed);
	sodium_memzero(mixed, sizeof mixed);
	if (rc != 0)
		return store_set_error(st, BORNE_EREFUSED, "wrong PIN");
	return BORNE_OK;
}

/* Writes a hash inside the caller's transaction. */
static int
pin_save(Store *st, int64_t id, const char *hash)
{
	static const char sql[] = "UPDATE members SET pin_hash = ?2 WHERE id = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, hash, -1, SQLITE_TRANSIENT);
	return store_step_done(st, stmt, "saving a PIN");
}

int
member_add(Store *st, const char *name, MemberRole role, int minor,
           const BadgeUid *badge, const char *pin, int64_t actor_id,
           int64_t now_utc, int64_t *id_out)
{
	static const char sql[] =
		"INSERT INTO members(uuid, name, role, minor, active, pin_hash,"
		" created_utc) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)";
	char why[64], clean[BORNE_CH_BYTES(BORNE_NAME_MAX_CH)];
	char hash[PIN_HASH_SIZE];
	char uuid[BORNE_UUID_LEN + 1];
	sqlite3_stmt *stmt = NULL;
	int rc, has_pin = pin != NULL && *pin != '\0';
	int64_t id = 0;

	if (id_out != NULL)
		*id_out = 0;
	if (text_check(name, BORNE_NAME_MAX_CH, TEXT_SINGLE_LINE, 1, why,
	               sizeof why) != BORNE_OK)
		return store_set_error(st, BORNE_EINVAL, "name %s", why);
	if ((int)role < 0 || role >= ROLE_COUNT)
		return store_set_error(st, BORNE_EINVAL, "role is not one of "
		                       "cooperator, coworker, facilitator, admin");
	/* Staff is made by an administrator only. */
	if ((rc = member_actor_may(st, actor_id, role >= ROLE_FACILITATOR ?
	                           ROLE_ADMIN : ROLE_FACILITATOR)) != BORNE_OK)
		return rc;
	if (has_pin && (rc = pin_hash(st, pin, hash)) != BORNE_OK)
		return rc;
	text_copy(clean, sizeof clean, name);
	uuid_make(uuid);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, clean, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, member_role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 4, minor != 0);
	if (has_pin)
		sqlite3_bind_text(stmt, 5, hash, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(stmt, 5);
	sqlite3_bind_int64(stmt, 6, now_utc);
	if ((rc = store_step_done(st, stmt, "adding a member")) != BORNE_OK)
		goto fail;
	id = sqlite3_last_insert_rowid(store_db(st));
	if ((rc = audit_log(st, actor_id, "member.add", "member", id,
	                    member_role_name(role), now_utc)) != BORNE_OK)
		goto fail;
	if (badge != NULL &&
	    (rc = badge_add_in_tx(st, id, badge, actor_id, now_utc)) != BORNE_OK)
		goto fail;
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
member_get(Store *st, int64_t id, Member *out)
{
	static const char sql[] =
		"SELECT " MEMBER_COLS " FROM members m WHERE m.id = ?1";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	memset(out, 0, sizeof *out);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		rc = member_row(stmt, out);
	else if (src == SQLITE_DONE)
		rc = store_set_error(st, BORNE_ENOTFOUND, "no member %lld", (long long)id);
	else
		rc = store_fail(st, src, "reading a member");
	store_stmt_release(st, stmt);
	return rc;
}

int
member_by_badge(Store *st, const BadgeUid *uid, Member *out)
{
	static const char sql[] =
		"SELECT " MEMBER_COLS " FROM badges b JOIN members m"
		" ON m.id = b.member_id WHERE b.uid = ?1 AND b.active = 1";
	char hex[UID_HEX_SIZE];
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	memset(out, 0, sizeof *out);
	uid_format(uid, hex);
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, hex, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		rc = member_row(stmt, out);
	else if (src == SQLITE_DONE)
		rc = store_set_error(st, BORNE_ENOTFOUND, "no member has badge %s", hex);
	else
		rc = store_fail(st, src, "looking up a badge");
	store_stmt_release(st, stmt);
	return rc;
}

int
member_each(Store *st, int (*fn)(const Member *m, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT " MEMBER_COLS " FROM members m ORDER BY m.name, m.id";
	sqlite3_stmt *stmt = NULL;
	Member m;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		member_row(stmt, &m);
		if (fn(&m, ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "listing members");
	store_stmt_release(st, stmt);
	return rc;
}

int
member_deactivate(Store *st, int64_t id, int64_t actor_id, int64_t now_utc)
{
	static const char sql[] = "UPDATE members SET active = 0 WHERE id = ?1";
	sqlite3_stmt *stmt = NULL;
	MemberRole role;
	int rc;

	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = member_role_of(st, id, &role)) != BORNE_OK ||
	    (rc = member_actor_may(st, actor_id, role >= ROLE_FACILITATOR ?
	                           ROLE_ADMIN : ROLE_FACILITATOR)) != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = store_step_done(st, stmt, "deactivating a member")) != BORNE_OK)
		goto fail;
	if ((rc = audit_log(st, actor_id, "member.deactivate", "member", id,
	                    NULL, now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
member_check_pin(Store *st, int64_t id, const char *pin)
{
	static const char sql[] = "SELECT pin_hash FROM members WHERE id = ?1";
	char hash[PIN_HASH_SIZE], fresh[PIN_HASH_SIZE];
	sqlite3_stmt *stmt = NULL;
	int rc, src, has_hash = 0, legacy = 0;

	if ((rc = sodium_ready(st)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		has_hash = sqlite3_column_type(stmt, 0) != SQLITE_NULL;
		store_col_text(stmt, 0, hash, sizeof hash);
		rc = BORNE_OK;
	} else if (src == SQLITE_DONE) {
		rc = store_set_error(st, BORNE_ENOTFOUND, "no member %lld", (long long)id);
	} else {
		rc = store_fail(st, src, "reading a PIN");
	}
	store_stmt_release(st, stmt);
	if (rc != BORNE_OK)
		return rc;
	if (!has_hash)
		return store_set_error(st, BORNE_EREFUSED, "this member has no PIN");
	if (pin == NULL)
		return store_set_error(st, BORNE_EREFUSED, "wrong PIN");
	if ((rc = pin_verify(st, hash, pin, &legacy)) != BORNE_OK)
		return rc;
	/* An old keyless hash and the key at hand: hashed anew with it (the
	** same PIN, no one's change: not audited). A failure here leaves the
	** old hash, which still works. */
	if (legacy && pinkey_source() != PINKEY_NONE &&
	    pin_hash(st, pin, fresh) == BORNE_OK && store_begin(st) == BORNE_OK) {
		if (pin_save(st, id, fresh) == BORNE_OK)
			store_commit(st);
		else
			store_rollback(st);
	}
	return BORNE_OK;
}

int
member_set_pin(Store *st, int64_t id, const char *pin, int64_t actor_id,
               int64_t now_utc)
{
	char hash[PIN_HASH_SIZE];
	int rc;

	/* One's own PIN, or an administrator's doing (checked before the
	** slow hash, and again in the transaction). */
	if (actor_id != id &&
	    (rc = member_actor_may(st, actor_id, ROLE_ADMIN)) != BORNE_OK)
		return rc;
	if ((rc = pin_hash(st, pin, hash)) != BORNE_OK)
		return rc;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = member_exists(st, id)) != BORNE_OK)
		goto fail;
	if (actor_id != id &&
	    (rc = member_actor_may(st, actor_id, ROLE_ADMIN)) != BORNE_OK)
		goto fail;
	if ((rc = pin_save(st, id, hash)) != BORNE_OK)
		goto fail;
	if ((rc = audit_log(st, actor_id, "member.pin", "member", id, NULL,
	                    now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
member_pin_counts(Store *st, int *n_legacy, int *n_keyed)
{
	static const char sql[] =
		"SELECT coalesce(sum(substr(pin_hash, 1, 7) = '$argon2'), 0),"
		" coalesce(sum(substr(pin_hash, 1, " PIN_PREFIX_LEN_SQL ") = '"
		PIN_KEYED_PREFIX "'), 0) FROM members WHERE pin_hash IS NOT NULL";
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	*n_legacy = *n_keyed = 0;
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		*n_legacy = sqlite3_column_int(stmt, 0);
		*n_keyed = sqlite3_column_int(stmt, 1);
		rc = BORNE_OK;
	} else {
		rc = store_fail(st, src, "counting PINs");
	}
	store_stmt_release(st, stmt);
	return rc;
}

/* Gives uid to member_id inside the caller's transaction. A UID held
** (active) by someone else is refused; one held by this member already is
** fine; a removed one is given anew with a fresh uuid. */
static int
badge_add_in_tx(Store *st, int64_t member_id, const BadgeUid *uid,
                int64_t actor_id, int64_t now_utc)
{
	static const char sql_find[] =
		"SELECT member_id, active FROM badges WHERE uid = ?1";
	static const char sql_insert[] =
		"INSERT INTO badges(uid, uuid, member_id, added_utc, active)"
		" VALUES (?1, ?2, ?3, ?4, 1)";
	static const char sql_reuse[] =
		"UPDATE badges SET uuid = ?2, member_id = ?3, added_utc = ?4,"
		" active = 1 WHERE uid = ?1";
	char hex[UID_HEX_SIZE], uuid[BORNE_UUID_LEN + 1];
	sqlite3_stmt *stmt = NULL;
	int rc, src, exists = 0, active = 0;
	int64_t holder = 0;

	if (uid == NULL || (uid->len != 4 && uid->len != 7 && uid->len != 10))
		return store_set_error(st, BORNE_EINVAL,
		                       "badge UID must be 4, 7 or 10 bytes");
	uid_format(uid, hex);
	if ((rc = member_exists(st, member_id)) != BORNE_OK)
		return rc;
	if ((rc = store_stmt(st, sql_find, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, hex, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW) {
		exists = 1;
		holder = sqlite3_column_int64(stmt, 0);
		active = sqlite3_column_int(stmt, 1);
	}
	store_stmt_release(st, stmt);
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		return store_fail(st, src, "looking up a badge");
	if (exists && active && holder != member_id)
		return store_set_error(st, BORNE_EREFUSED,
		                       "badge %s already belongs to member %lld",
		                       hex, (long long)holder);
	if (exists && active)
		return BORNE_OK;
	uuid_make(uuid);
	if ((rc = store_stmt(st, exists ? sql_reuse : sql_insert, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, hex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 3, member_id);
	sqlite3_bind_int64(stmt, 4, now_utc);
	if ((rc = store_step_done(st, stmt, "adding a badge")) != BORNE_OK)
		return rc;
	return audit_log(st, actor_id, "badge.add", "member", member_id, hex,
	                 now_utc);
}

int
badge_add(Store *st, int64_t member_id, const BadgeUid *uid,
          int64_t actor_id, int64_t now_utc)
{
	int rc;

	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK ||
	    (rc = badge_add_in_tx(st, member_id, uid, actor_id, now_utc)) != BORNE_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

int
badge_remove(Store *st, const BadgeUid *uid, int64_t actor_id,
             int64_t now_utc)
{
	static const char sql_find[] =
		"SELECT member_id FROM badges WHERE uid = ?1 AND active = 1";
	static const char sql[] = "UPDATE badges SET active = 0 WHERE uid = ?1";
	char hex[UID_HEX_SIZE];
	sqlite3_stmt *stmt = NULL;
	int rc, src;
	int64_t holder = 0;

	uid_format(uid, hex);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = member_actor_may(st, actor_id, ROLE_FACILITATOR)) != BORNE_OK)
		goto fail;
	if ((rc = store_stmt(st, sql_find, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, hex, -1, SQLITE_TRANSIENT);
	src = sqlite3_step(stmt);
	if (src == SQLITE_ROW)
		holder = sqlite3_column_int64(stmt, 0);
	store_stmt_release(st, stmt);
	if (src == SQLITE_DONE) {
		rc = store_set_error(st, BORNE_ENOTFOUND, "no member has badge %s", hex);
		goto fail;
	}
	if (src != SQLITE_ROW) {
		rc = store_fail(st, src, "looking up a badge");
		goto fail;
	}
	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, hex, -1, SQLITE_TRANSIENT);
	if ((rc = store_step_done(st, stmt, "removing a badge")) != BORNE_OK)
		goto fail;
	if ((rc = audit_log(st, actor_id, "badge.remove", "member", holder, hex,
	                    now_utc)) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
badge_each(Store *st, int64_t member_id,
           int (*fn)(const char *uid_hex, int64_t added_utc, void *ctx),
           void *ctx)
{
	static const char sql[] =
		"SELECT uid, added_utc FROM badges WHERE member_id = ?1"
		" AND active = 1 ORDER BY added_utc, uid";
	char hex[UID_HEX_SIZE];
	sqlite3_stmt *stmt = NULL;
	int rc, src;

	if ((rc = store_stmt(st, sql, &stmt)) != BORNE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, member_id);
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_col_text(stmt, 0, hex, sizeof hex);
		if (fn(hex, sqlite3_column_int64(stmt, 1), ctx) != 0) {
			src = SQLITE_DONE;
			break;
		}
	}
	rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, "listing badges");
	store_stmt_release(st, stmt);
	return rc;
}
