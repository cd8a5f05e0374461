/* store.c -- the kiosk's SQLite database: open, migrate, statements,
** transactions, and the space rules in force (see store.h; the settings
** table and the rules read from it are in store_settings.c).
**
** Schema versions are PRAGMA user_version. Each migration (the schema
** and its conventions are in store_schema.c) takes the database from
** version i to i + 1; store_open() runs the missing ones in one BEGIN
** IMMEDIATE transaction, so a database is always at a version it knows,
** never half-migrated. */
#include "store.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "borne.h"
#include "store_impl.h"
#include "store_schema.h"

#define STORE_STMT_CACHE 128

typedef struct StmtSlot {
	const char   *sql;          /* key: the caller's literal */
	sqlite3_stmt *stmt;
	int           in_use;
} StmtSlot;

struct Store {
	sqlite3   *db;
	char       errmsg[512];
	StoreRules rules;
	int        tx_depth;
	int        busy_ms;      /* the busy timeout set, restored after a
	                         ** checkpoint that asked for another */
	int        n_slots;
	StmtSlot   slots[STORE_STMT_CACHE];
	int        fault_rc;     /* store_fault_reads*(): BORNE_OK when unset */
	char       fault_match[96];
};

static int  store_connect(Store *st, const char *path);
static int  store_is_read(const char *sql);
static char *store_uri_psow0(const char *path);
static int  store_check_modes(Store *st);
static int  store_migrate(Store *st);
static int  store_exec(Store *st, const char *sql, const char *what);
static int  store_user_version(Store *st, int *out);
static int  map_sqlite(int sqlite_rc);
static void sql_in_bits(sqlite3_context *ctx, int argc, sqlite3_value **argv);
static void sql_test(sqlite3_context *ctx, int argc, sqlite3_value **argv);

/* The pointer type of a bound StoreBits (sqlite3_bind_pointer). */
#define STORE_BITS_TYPE "borne_bits"
/* The pointer type of a bound StoreTest (sqlite3_bind_pointer). */
#define STORE_TEST_TYPE "borne_test"

/* ---- Errors ---------------------------------------------------------- */

static int
map_sqlite(int sqlite_rc)
{
	switch (sqlite_rc & 0xFF) {
	case SQLITE_OK:       return BORNE_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:   return BORNE_EBUSY;
	case SQLITE_READONLY: return BORNE_EREADONLY;
	case SQLITE_FULL:     return BORNE_EFULL;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:  return BORNE_ECORRUPT;
	case SQLITE_NOMEM:    return BORNE_ENOMEM;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN: return BORNE_EIO;
	case SQLITE_PERM:     return BORNE_EREADONLY;
	default:              return BORNE_EDB;
	}
}

int
store_fail(Store *st, int sqlite_rc, const char *what)
{
	int sys_errno = errno;
	int rc = map_sqlite(sqlite_rc);

	if (rc == BORNE_OK)
		rc = BORNE_EDB;
	if (st == NULL)
		return rc;
	/* A write the file system refused for want of room is a full disk:
	** SQLite says SQLITE_FULL for ENOSPC, but a quota (EDQUOT) or a file
	** size limit (EFBIG) come as SQLITE_IOERR_WRITE, their errno still
	** the last one set (SQLite keeps it only for some calls). */
	if (sqlite_rc == SQLITE_IOERR_WRITE) {
		int e = st->db != NULL ? sqlite3_system_errno(st->db) : 0;

		if (e == 0)
			e = sys_errno;
		if (e == ENOSPC || e == EDQUOT || e == EFBIG)
			rc = BORNE_EFULL;
	}
	if (rc == BORNE_EBUSY) {
		snprintf(st->errmsg, sizeof st->errmsg, "%s: the database is busy "
		         "(another program is writing to it); try again", what);
		return rc;
	}
	snprintf(st->errmsg, sizeof st->errmsg, "%s: %s", what,
	         st->db != NULL ? sqlite3_errmsg(st->db) : sqlite3_errstr(sqlite_rc));
	return rc;
}

int
store_step_done(Store *st, sqlite3_stmt *stmt, const char *what)
{
	int src = sqlite3_step(stmt);
	int rc = src == SQLITE_DONE ? BORNE_OK : store_fail(st, src, what);

	store_stmt_release(st, stmt);
	return rc;
}

int
store_set_error(Store *st, int rc, const char *fmt, ...)
{
	va_list ap;

	if (st == NULL)
		return rc;
	va_start(ap, fmt);
	vsnprintf(st->errmsg, sizeof st->errmsg, fmt, ap);
	va_end(ap);
	return rc;
}

const char *
store_errmsg(const Store *st)
{
	return st != NULL ? st->errmsg : "no database";
}

/* ---- Open, close, migrate ------------------------------------------- */

int
store_open(const char *path, Store **out, char *errmsg, size_t errlen)
{
	Store *st = calloc(1, sizeof *st);
	int rc = BORNE_ENOMEM;

	*out = NULL;
	if (errmsg != NULL && errlen > 0)
		errmsg[0] = '\0';
	if (st == NULL) {
		if (errmsg != NULL && errlen > 0)
			snprintf(errmsg, errlen, "out of memory");
		goto fail;
	}
	store_rules_defaults(&st->rules);
	if ((rc = store_connect(st, path)) != BORNE_OK)
		goto fail;
	if ((rc = store_migrate(st)) != BORNE_OK)
		goto fail;
	store_rules_load(st, &st->rules);
	st->errmsg[0] = '\0';
	*out = st;
	return BORNE_OK;
fail:
	if (st != NULL && errmsg != NULL && errlen > 0)
		snprintf(errmsg, errlen, "%s", st->errmsg);
	store_close(st);
	return rc;
}

/* path as a SQLite URI that says psow=0 (malloc'd; NULL: no memory).
** A power cut in the middle of a write may garble a whole sector on an
** SD card, bytes synced before included, and SQLite's unix VFS assumes
** by default it does not ("powersafe overwrite"). Told otherwise, SQLite
** pads each commit's WAL frames to a sector, so a later write never
** shares a sector with a synced commit. Only the URI reaches the file
** in time: the setting is read when the file opens (the file control
** comes too late). tests/test_powercut.c, "whole-sector tears", loses
** confirmed taps without it. A path that is already a URI ("file:x.db?
** mode=ro") gets the parameter added. */
static char *
store_uri_psow0(const char *path)
{
	size_t n = strlen(path);
	char *uri = malloc(3 * n + 16), *o = uri;

	if (uri == NULL)
		return NULL;
	if (strncmp(path, "file:", 5) == 0) {
		const char *hash = strchr(path, '#');
		size_t keep = hash != NULL ? (size_t)(hash - path) : n;

		memcpy(o, path, keep);
		o += keep;
		o += sprintf(o, "%spsow=0",
		             memchr(path, '?', keep) != NULL ? "&" : "?");
		return uri;
	}
	/* "file:///abs" (an absolute path never reads as an authority) or
	** "file:rel". */
	o += sprintf(o, path[0] == '/' ? "file://" : "file:");
	for (const char *c = path; *c != '\0'; c++) {
		if (*c == '?' || *c == '#' || *c == '%')
			o += sprintf(o, "%%%02X", (unsigned char)*c);
		else
			*o++ = *c;
	}
	sprintf(o, "?psow=0");
	return uri;
}

/* Opens the connection and sets WAL, foreign keys, synchronous=FULL and
** the busy timeout. The first read tells a SQLite file from anything
** else; SQLite never writes into a file it does not recognise. */
static int
store_connect(Store *st, const char *path)
{
	struct stat sb;
	char *uri;
	int src, version, rc, open_errno;

	if (path == NULL || *path == '\0')
		return store_set_error(st, BORNE_EINVAL, "no database path given");
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return store_set_error(st, BORNE_EIO,
		                       "%s: is a folder, not a database file", path);
	/* A new database is made 0600 before SQLite sees it, whatever the
	** umask: SQLite gives its -wal and -shm the database's own mode. */
	if (strncmp(path, "file:", 5) != 0 && strcmp(path, ":memory:") != 0) {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

		if (fd >= 0)
			close(fd);
	}
	if ((uri = store_uri_psow0(path)) == NULL)
		return store_set_error(st, BORNE_ENOMEM, "out of memory");
	src = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READWRITE |
	                      SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL);
	open_errno = errno;
	free(uri);
	if (src != SQLITE_OK) {
		rc = map_sqlite(src);
		if (src == SQLITE_CANTOPEN)
			rc = open_errno == EACCES || open_errno == EROFS
			     ? BORNE_EREADONLY : BORNE_EIO;
		store_set_error(st, rc, "%s: cannot open: %s", path,
		                st->db != NULL ? sqlite3_errmsg(st->db)
		                               : sqlite3_errstr(src));
		return rc;
	}
	sqlite3_extended_result_codes(st->db, 1);
	store_set_busy_timeout(st, STORE_BUSY_TIMEOUT_MS);
	/* DIRECTONLY: a schema (trigger, view) cannot call it. */
	if ((src = sqlite3_create_function(st->db, "borne_in_bits", 2,
	                                   SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
	                                   sql_in_bits, NULL, NULL)) != SQLITE_OK)
		return store_fail(st, src, "registering borne_in_bits");
	if ((src = sqlite3_create_function(st->db, "borne_test", -1,
	                                   SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
	                                   sql_test, NULL, NULL)) != SQLITE_OK)
		return store_fail(st, src, "registering borne_test");
	if ((rc = store_check_modes(st)) != BORNE_OK)
		return rc;
	if ((rc = store_user_version(st, &version)) != BORNE_OK) {
		if (rc == BORNE_ECORRUPT)
			store_set_error(st, rc, "%s: not a borne database (not a "
			                "SQLite file, or a damaged one)", path);
		return rc;
	}
	if ((rc = store_exec(st, "PRAGMA foreign_keys = ON",
	                     "foreign keys")) != BORNE_OK)
		return rc;
	/* Deleted rows are overwritten with zeros, in the page and on the
	** free list, so that a forgotten name or badge is gone from the file
	** and not only from the tables (privacy.c). Not FAST: FAST zeroes
	** only what costs no extra write and leaves whole freed pages, with
	** their old rows, on the free list, where a copy of the card still
	** reads them. The extra writes are a few pages per delete. */
	if ((rc = store_exec(st, "PRAGMA secure_delete = ON",
	                     "secure delete")) != BORNE_OK)
		return rc;
	if ((rc = store_exec(st, "PRAGMA journal_mode = WAL",
	                     "WAL mode")) != BORNE_OK)
		return rc;
	if ((rc = store_exec(st, "PRAGMA synchronous = FULL",
	                     "synchronous mode")) != BORNE_OK)
		return rc;
	/* Start from an empty WAL. After a power cut, recovery keeps the
	** log up to its last whole commit and the next write would go on
	** from there, inside the sector that holds that commit's end: a cut
	** tearing that write would take the commit with it (psow=0 pads
	** commits to a sector, but a cut may lose the padding). Once the
	** log is copied into the database and synced, the next write starts
	** the log again from its beginning. PASSIVE: never waits; another
	** process reading, or a read-only file, leaves the log as it is.
	** (tests/test_powercut.c, "whole-sector tears": two cuts in a row.) */
	sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE,
	                          NULL, NULL);
	return BORNE_OK;
}

/* The database holds personal data: borne refuses one that others can
** read (it or its -wal, -shm), naming the chmod that fixes it. Checked
** on the file SQLite opened, so "file:" URIs count too; ":memory:" and
** temporary databases have no file. An empty file is one just made
** (a URI that created it): it gets 0600, as nothing is in it yet. */
static int
store_check_modes(Store *st)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	const char *db = sqlite3_db_filename(st->db, "main");
	char file[4096], loose[3 * 4096 + 16];
	struct stat sb;
	size_t n = 0;
	unsigned mode = 0;

	if (db == NULL || *db == '\0')
		return BORNE_OK;
	loose[0] = '\0';
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		snprintf(file, sizeof file, "%s%s", db, ext[i]);
		if (stat(file, &sb) != 0 || !S_ISREG(sb.st_mode) ||
		    (sb.st_mode & 077) == 0)
			continue;
		if (i == 0 && sb.st_size == 0 && chmod(file, 0600) == 0)
			continue;
		if (n == 0)
			mode = (unsigned)(sb.st_mode & 0777);
		n += (size_t)snprintf(loose + n, sizeof loose - n, " %s", file);
		if (n >= sizeof loose)
			n = sizeof loose - 1;
	}
	if (n == 0)
		return BORNE_OK;
	return store_set_error(st, BORNE_EPERM, "%s: others can read this "
	                       "database (mode %03o); to fix it: chmod 600%s",
	                       db, mode, loose);
}

int
store_check_writable(Store *st)
{
	char sql[48];
	int version, rc;

	if ((rc = store_user_version(st, &version)) != BORNE_OK)
		return rc;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	if ((rc = store_exec(st, sql, "writing to the database")) != BORNE_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

void
store_close(Store *st)
{
	if (st == NULL)
		return;
	for (int i = 0; i < st->n_slots; i++)
		sqlite3_finalize(st->slots[i].stmt);
	if (st->db != NULL)
		sqlite3_close_v2(st->db);
	free(st);
}

int
store_set_cache_kib(Store *st, int kib)
{
	char sql[64];

	if (kib <= 0)
		return store_set_error(st, BORNE_EINVAL, "cache size %d KiB", kib);
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
	return store_exec(st, sql, "cache size");
}

/* Fixed SQL with no user text in it (pragmas, schema). */
static int
store_exec(Store *st, const char *sql, const char *what)
{
	int src = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return src == SQLITE_OK ? BORNE_OK : store_fail(st, src, what);
}

static int
store_user_version(Store *st, int *out)
{
	sqlite3_stmt *stmt = NULL;
	int src;

	*out = 0;
	src = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &stmt, NULL);
	if (src == SQLITE_OK && (src = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = sqlite3_column_int(stmt, 0);
		src = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return src == SQLITE_OK ? BORNE_OK
	                        : store_fail(st, src, "reading the schema version");
}

static int
store_migrate(Store *st)
{
	char sql[64];
	int version, rc;

	if ((rc = store_user_version(st, &version)) != BORNE_OK)
		return rc;
	if (version > store_migration_count())
		return store_set_error(st, BORNE_EDB, "database schema version %d "
		                       "is newer than this borne (%d)", version,
		                       store_migration_count());
	if (version == store_migration_count())
		return BORNE_OK;
	if ((rc = store_begin(st)) != BORNE_OK)
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = store_user_version(st, &version)) != BORNE_OK)
		goto fail;
	for (; version < store_migration_count(); version++) {
		if ((rc = store_exec(st, store_migration_sql(version),
		                     "migrating the schema")) != BORNE_OK)
			goto fail;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", store_migration_count());
	if ((rc = store_exec(st, sql, "setting the schema version")) != BORNE_OK)
		goto fail;
	/* Each change of the outbox carries the version it was written in. */
	snprintf(sql, sizeof sql, "UPDATE sync_state SET schema_version = %d",
	         store_migration_count());
	if ((rc = store_exec(st, sql, "setting the outbox's version")) != BORNE_OK)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int
store_schema_version(Store *st)
{
	int version;

	if (st == NULL || store_user_version(st, &version) != BORNE_OK)
		return -1;
	return version;
}

int
store_schema_latest(void)
{
	return store_migration_count();
}

void
store_set_busy_timeout(Store *st, int timeout_ms)
{
	if (st == NULL || st->db == NULL)
		return;
	st->busy_ms = timeout_ms < 0 ? 0 : timeout_ms;
	sqlite3_busy_timeout(st->db, st->busy_ms);
}

int
store_busy_timeout(const Store *st)
{
	return st != NULL ? st->busy_ms : 0;
}

int
store_checkpoint_truncate(Store *st, int wait_ms)
{
	int src, n_log = -1, n_done = -1;

	if (st == NULL || st->db == NULL)
		return BORNE_EINVAL;
	if (st->tx_depth > 0)
		return store_set_error(st, BORNE_EBUSY, "checkpoint inside a "
		                       "transaction");
	sqlite3_busy_timeout(st->db, wait_ms < 0 ? 0 : wait_ms);
	src = sqlite3_wal_checkpoint_v2(st->db, NULL,
	                                SQLITE_CHECKPOINT_TRUNCATE, &n_log,
	                                &n_done);
	sqlite3_busy_timeout(st->db, st->busy_ms);
	if (src == SQLITE_OK)
		return BORNE_OK;
	if ((src & 0xFF) == SQLITE_BUSY || (src & 0xFF) == SQLITE_LOCKED)
		return store_set_error(st, BORNE_EBUSY, "checkpoint: another "
		                       "program is reading the database (%d of %d "
		                       "pages copied)", n_done, n_log);
	return store_fail(st, src, "checkpoint");
}

struct sqlite3 *
store_db(Store *st)
{
	return st != NULL ? st->db : NULL;
}

/* ---- Statements ----------------------------------------------------- */

/* A statement that only reads (what the fault hook breaks). */
static int
store_is_read(const char *sql)
{
	while (*sql == ' ' || *sql == '\t' || *sql == '\n')
		sql++;
	return strncmp(sql, "SELECT", 6) == 0 || strncmp(sql, "WITH", 4) == 0;
}

void
store_fault_reads(Store *st, int on)
{
	store_fault_reads_like(st, on ? BORNE_EDB : BORNE_OK, NULL);
}

void
store_fault_reads_like(Store *st, int rc, const char *match)
{
	if (st == NULL)
		return;
	st->fault_rc = rc;
	snprintf(st->fault_match, sizeof st->fault_match, "%s",
	         match != NULL ? match : "");
}

int
store_stmt(Store *st, const char *sql, struct sqlite3_stmt **out)
{
	StmtSlot *slot = NULL;
	int src;

	*out = NULL;
	if (st->fault_rc != BORNE_OK && store_is_read(sql) &&
	    strstr(sql, st->fault_match) != NULL)
		return store_set_error(st, st->fault_rc, "read refused (fault hook)");
	for (int i = 0; i < st->n_slots; i++) {
		if (st->slots[i].sql == sql) {
			slot = &st->slots[i];
			break;
		}
	}
	if (slot != NULL && !slot->in_use) {
		slot->in_use = 1;
		*out = slot->stmt;
		return BORNE_OK;
	}
	src = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
	if (src != SQLITE_OK) {
		sqlite3_finalize(*out);
		*out = NULL;
		return store_fail(st, src, "preparing a statement");
	}
	if (slot == NULL && st->n_slots < STORE_STMT_CACHE) {
		slot = &st->slots[st->n_slots++];
		slot->sql = sql;
		slot->stmt = *out;
		slot->in_use = 1;
	}
	return BORNE_OK;
}

void
store_stmt_release(Store *st, struct sqlite3_stmt *stmt)
{
	if (stmt == NULL)
		return;
	for (int i = 0; st != NULL && i < st->n_slots; i++) {
		if (st->slots[i].stmt == stmt) {
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			st->slots[i].in_use = 0;
			return;
		}
	}
	sqlite3_finalize(stmt);
}

/* ---- Sets of rowids ------------------------------------------------- */

static void
sql_in_bits(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const StoreBits *b = sqlite3_value_pointer(argv[0], STORE_BITS_TYPE);
	sqlite3_int64 id;

	(void)argc;
	if (b == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	id = sqlite3_value_int64(argv[1]);
	sqlite3_result_int(ctx, id >= 0 && id < b->n &&
	                   (b->bits[id >> 3] & (1u << (id & 7))) != 0);
}

static void
sql_test(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const StoreTest *t;
	int rc;

	if (argc < 1 || (t = sqlite3_value_pointer(argv[0], STORE_TEST_TYPE)) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	rc = t->fn(t->ctx, argc - 1, argv + 1);
	if (rc == BORNE_ENOMEM)
		sqlite3_result_error_nomem(ctx);
	else if (rc < 0)
		sqlite3_result_error(ctx, "borne_test failed", -1);
	else
		sqlite3_result_int(ctx, rc > 0);
}

int
store_bits_add(StoreBits *b, int64_t rowid)
{
	if (rowid < 0)
		return BORNE_EINVAL;
	if (rowid >= b->n) {
		/* Rowids mostly come in order: grow by half again. */
		int64_t n = (rowid + 1) + (rowid + 1) / 2 + 1024;
		size_t old = (size_t)((b->n + 7) / 8), size = (size_t)((n + 7) / 8);
		unsigned char *bits = realloc(b->bits, size);

		if (bits == NULL)
			return BORNE_ENOMEM;
		memset(bits + old, 0, size - old);
		b->bits = bits;
		b->n = (int64_t)size * 8;
	}
	b->bits[rowid >> 3] |= (unsigned char)(1u << (rowid & 7));
	return BORNE_OK;
}

void
store_bits_free(StoreBits *b)
{
	if (b == NULL)
		return;
	free(b->bits);
	b->bits = NULL;
	b->n = 0;
}

int
store_bind_bits(struct sqlite3_stmt *stmt, int i, const StoreBits *b)
{
	/* SQLite asks for a non-const pointer; it is only read. */
	return sqlite3_bind_pointer(stmt, i, (void *)(uintptr_t)b, STORE_BITS_TYPE,
	                            NULL) == SQLITE_OK ? BORNE_OK : BORNE_EDB;
}

int
store_bind_test(struct sqlite3_stmt *stmt, int i, const StoreTest *t)
{
	return sqlite3_bind_pointer(stmt, i, (void *)(uintptr_t)t, STORE_TEST_TYPE,
	                            NULL) == SQLITE_OK ? BORNE_OK : BORNE_EDB;
}

void
store_col_text(struct sqlite3_stmt *stmt, int col, char *out, size_t outlen)
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);
	size_t n;

	if (out == NULL || outlen == 0)
		return;
	if (s == NULL)
		s = "";
	n = strlen(s);
	if (n >= outlen) {
		n = outlen - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;             /* do not cut a character in two */
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

/* ---- Transactions --------------------------------------------------- */

int
store_begin(Store *st)
{
	int rc;

	if (st->tx_depth == 0)
		rc = store_exec(st, "BEGIN IMMEDIATE", "starting a write");
	else
		rc = store_exec(st, "SAVEPOINT borne_nested", "starting a write");
	if (rc == BORNE_OK)
		st->tx_depth++;
	else if (rc == BORNE_EBUSY)
		store_set_error(st, rc, "the database is busy (another program "
		                "is writing to it); try again");
	return rc;
}

int
store_commit(Store *st)
{
	int rc;

	if (st->tx_depth == 0)
		return BORNE_OK;
	if (st->tx_depth > 1) {
		rc = store_exec(st, "RELEASE borne_nested", "saving");
		if (rc == BORNE_OK)
			st->tx_depth--;
		return rc;
	}
	rc = store_exec(st, "COMMIT", "saving");
	if (rc != BORNE_OK) {
		char keep[sizeof st->errmsg];

		memcpy(keep, st->errmsg, sizeof keep);
		store_rollback(st);
		memcpy(st->errmsg, keep, sizeof keep);
		return rc;
	}
	st->tx_depth = 0;
	return BORNE_OK;
}

void
store_rollback(Store *st)
{
	if (st == NULL || st->tx_depth == 0)
		return;
	if (st->tx_depth > 1) {
		sqlite3_exec(st->db, "ROLLBACK TO borne_nested; RELEASE borne_nested",
		             NULL, NULL, NULL);
		st->tx_depth--;
		return;
	}
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->tx_depth = 0;
}

/* ---- Rules (read and saved by store_settings.c) ---------------------- */

const StoreRules *
store_rules(const Store *st)
{
	return &st->rules;
}

void
store_rules_set(Store *st, const StoreRules *rules)
{
	st->rules = *rules;
	st->rules.kiosk_id[sizeof st->rules.kiosk_id - 1] = '\0';
}
