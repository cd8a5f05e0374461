/* store.h -- the kiosk's SQLite database.
** One file, WAL mode, secure_delete on (deleted rows are zeroed in the
** file), foreign keys on, synchronous=FULL so that a commit that
** returned is on disk, busy_timeout so a second process waits a little
** before BORNE_EBUSY. Opened with psow=0 (an SD card may garble a
** whole sector in a power cut: SQLite then pads commits to a sector) and
** from an empty WAL (a checkpoint at open); tests/test_powercut.c. The schema is migrated by PRAGMA user_version
** inside one transaction when the store opens. Every statement is
** prepared; user text is only ever bound, never pasted into SQL.
**
** Rows that may one day travel to another kiosk carry a uuid (made when
** the row is made) beside their short local id. */
#ifndef BORNE_STORE_H
#define BORNE_STORE_H

#include <stddef.h>
#include <stdint.h>

typedef struct Store Store;

/* Space rules, read from the settings table when the store opens (each
** default comes from config_def.h); store_rules_set() changes them for
** this process only, store_setting_set() saves one. */
typedef struct StoreRules {
	int checkin_repeat_s;     /* a repeat tap within this is ignored */
	int approval_required;    /* coworkers' missions wait for a facilitator */
	int max_open_takes;       /* open takes one member may hold at once */
	char kiosk_id[64];        /* recorded with each check-in */
	int checkout_grace_min;   /* a tap this soon after an automatic close
	                          ** is that visit's departure */
	int visit_cap_h;          /* a visit outside a contributive day's hours
	                          ** closes by itself after this long */
} StoreRules;

/* Opens (creating if needed) and migrates the database at path.
** Returns BORNE_OK, BORNE_ECORRUPT (not a SQLite database), BORNE_EBUSY
** (locked), BORNE_EREADONLY, BORNE_EDB; on error *out is NULL and
** errmsg (if not NULL, errlen bytes) says why in one line. */
int  store_open(const char *path, Store **out, char *errmsg, size_t errlen);
void store_close(Store *st);                 /* NULL-safe */

/* A real write that changes nothing (the schema version set to itself),
** committed: finds a database that opens but cannot take a tap (opened
** read-only, disk full) before the first badge does. BORNE_OK or the
** error (BORNE_EREADONLY, BORNE_EFULL, BORNE_EBUSY...), errmsg set. */
int  store_check_writable(Store *st);

/* The last error's message, borrowed until the next call on st. */
const char *store_errmsg(const Store *st);

const StoreRules *store_rules(const Store *st);
void store_rules_set(Store *st, const StoreRules *rules);
int  store_setting_get(Store *st, const char *key, char *out, size_t outlen);
int  store_setting_set(Store *st, const char *key, const char *value);

/* Schema version after migrations, for tests and `borne-admin check`. */
int store_schema_version(Store *st);
/* The schema version this build migrates to. */
int store_schema_latest(void);

/* How long a write waits for another process's lock before BORNE_EBUSY
** (default STORE_BUSY_TIMEOUT_MS). Tests make it short. */
#define STORE_BUSY_TIMEOUT_MS 2000
void store_set_busy_timeout(Store *st, int timeout_ms);
/* The busy timeout last set, in milliseconds. */
int  store_busy_timeout(const Store *st);

/* Copies the write-ahead log into the database and truncates the -wal
** file to zero bytes (checkpoint TRUNCATE), waiting at most wait_ms
** (0: not at all) for other connections: a reader still looking at an
** older snapshot, or a writer, holds it back. The busy timeout is set
** back afterwards. BORNE_OK (the -wal is empty), BORNE_EBUSY (nothing
** lost, try again later), or another error; store_errmsg says why. */
int  store_checkpoint_truncate(Store *st, int wait_ms);

/* ---- For the modules built on the store (member.c, report.c...) ----
** The path may be a SQLite URI ("file:x.db?mode=ro"): tests use it to
** open a database read-only even as root. */

struct sqlite3;
struct sqlite3_stmt;

/* Caps SQLite's page cache of st at kib KiB (SQLite's default is 2 MiB,
** which a kiosk's growing database fills page by page: the kiosk sets
** less, docs/performance.md). BORNE_OK or an error. */
int  store_set_cache_kib(Store *st, int kib);
#define STORE_KIOSK_CACHE_KIB 256   /* what the kiosk sets */

/* The connection, borrowed while st is open. */
struct sqlite3 *store_db(Store *st);

/* A prepared statement for sql, cached on st by the address of sql (pass
** a string literal). Bind, step, then always give it back with
** store_stmt_release(), which resets it. When the cached one is in use
** (a callback re-entering), a fresh one is made and released finalizes
** it. BORNE_OK or an error with store_errmsg set. */
int  store_stmt(Store *st, const char *sql, struct sqlite3_stmt **out);
void store_stmt_release(Store *st, struct sqlite3_stmt *stmt);   /* NULL-safe */
/* Fault hook, for tests and to show a read error on screen without
** breaking a database: while on, every statement that reads (begins with
** SELECT or WITH) fails in store_stmt with BORNE_EDB and store_errmsg
** "read refused (fault hook)"; writes are untouched. Off when opened. */
void store_fault_reads(Store *st, int on);
/* The same, only for the reads whose SQL holds match ("" or NULL: all),
** failing with rc (BORNE_OK: off): a check-in's read-back after its
** commit, one list of a screen. */
void store_fault_reads_like(Store *st, int rc, const char *match);

/* Transactions nest: the outermost is BEGIN IMMEDIATE (the write lock is
** taken first, so a busy database fails at once with BORNE_EBUSY instead
** of half-way), inner ones are SAVEPOINTs. Commit of the outermost is
** durable when it returns (synchronous=FULL). Rollback is NULL-safe and
** leaves store_errmsg alone. */
int  store_begin(Store *st);
int  store_commit(Store *st);
void store_rollback(Store *st);

/* Maps a SQLite result code to BORNE_E* (BUSY/LOCKED -> EBUSY, READONLY
** -> EREADONLY, FULL -> EFULL, NOTADB/CORRUPT -> ECORRUPT, NOMEM ->
** ENOMEM, IOERR -> EIO, others -> EDB), sets store_errmsg to
** "what: sqlite's message" and returns the code. */
int  store_fail(Store *st, int sqlite_rc, const char *what);
/* Runs a prepared write (INSERT, UPDATE, DELETE) to its end and gives
** the statement back: BORNE_OK, or store_fail()'s code and message. */
int  store_step_done(Store *st, struct sqlite3_stmt *stmt, const char *what);
/* Sets store_errmsg (printf-style) and returns rc. */
int  store_set_error(Store *st, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Copies a text column into out (NULL column: ""), on a character
** boundary when it is too long. */
void store_col_text(struct sqlite3_stmt *stmt, int col, char *out,
                    size_t outlen);

/* A set of rowids as a bitmap, for a query that walks an index in its
** order and keeps the rows of a set made before (the board walks
** missions_board against a search's matches). Bind it with
** store_bind_bits(); in SQL, borne_in_bits(?N, rowid) is 1 when rowid
** is in the set, 0 when not, and NULL when nothing was bound. */
typedef struct StoreBits {
	unsigned char *bits;
	int64_t        n;             /* rowids 0 .. n - 1 */
} StoreBits;
/* Adds rowid to the set, growing it: BORNE_OK or BORNE_ENOMEM. */
int  store_bits_add(StoreBits *b, int64_t rowid);
void store_bits_free(StoreBits *b);               /* NULL-safe, reusable */
/* Binds b (borrowed until the statement is released) as parameter i. */
int  store_bind_bits(struct sqlite3_stmt *stmt, int i, const StoreBits *b);

/* A test of a row made in C, for a query that walks an index in its
** order and keeps the rows that pass (the board's search when it matches
** too many missions to mark them all first: mission_words.c). Bind it
** with store_bind_test(); in SQL, borne_test(?N, a, b, ...) is
** fn(ctx, argc, argv) on the values after ?N: 1 (keep) or 0, NULL when
** nothing was bound, an error when fn returns a negative BORNE_E*. */
struct sqlite3_value;
typedef struct StoreTest {
	int  (*fn)(void *ctx, int argc, struct sqlite3_value **argv);
	void  *ctx;
} StoreTest;
/* Binds t (borrowed until the statement is released) as parameter i. */
int  store_bind_test(struct sqlite3_stmt *stmt, int i, const StoreTest *t);

#endif
