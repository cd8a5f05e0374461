/* store.h -- the kiosk's SQLite database.
** One file, WAL mode, foreign keys on, synchronous=FULL so that a commit
** that returned is on disk, busy_timeout so a second process waits a
** little before BORNE_EBUSY. The schema is migrated by PRAGMA user_version
** inside one transaction when the store opens. Every statement is
** prepared; user text is only ever bound, never pasted into SQL.
**
** Rows that may one day travel to another kiosk carry a uuid (made when
** the row is made) beside their short local id. */
#ifndef BORNE_STORE_H
#define BORNE_STORE_H

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
} StoreRules;

/* Opens (creating if needed) and migrates the database at path.
** Returns BORNE_OK, BORNE_ECORRUPT (not a SQLite database), BORNE_EBUSY
** (locked), BORNE_EREADONLY, BORNE_EDB; on error *out is NULL and
** errmsg (if not NULL, errlen bytes) says why in one line. */
int  store_open(const char *path, Store **out, char *errmsg, size_t errlen);
void store_close(Store *st);                 /* NULL-safe */

/* The last error's message, borrowed until the next call on st. */
const char *store_errmsg(const Store *st);

const StoreRules *store_rules(const Store *st);
void store_rules_set(Store *st, const StoreRules *rules);
int  store_setting_get(Store *st, const char *key, char *out, size_t outlen);
int  store_setting_set(Store *st, const char *key, const char *value);

/* Schema version after migrations, for tests and `borne-admin check`. */
int store_schema_version(Store *st);

#endif
