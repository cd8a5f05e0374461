/* maintenance.h -- keeping the database file healthy: an integrity check
** and an online backup that can run while the kiosk is in use. */
#ifndef BORNE_MAINTENANCE_H
#define BORNE_MAINTENANCE_H

#include <stddef.h>

#include "store.h"

/* PRAGMA integrity_check, PRAGMA foreign_key_check and the schema
** version. BORNE_OK with msg "ok (schema version N)", or BORNE_ECORRUPT
** with msg saying the first problems found, or BORNE_EDB. */
int maintenance_check(Store *st, char *msg, size_t msglen);

/* Copies the open database to path with SQLite's online backup API
** (other processes may keep writing), into path.tmp first; the copy is
** made a single self-contained file (journal_mode DELETE), checked with
** integrity_check, synced, then renamed over path: a failed backup never
** leaves a half-written file under the name asked, nor harms a previous
** backup there. Refuses path when it is the live database itself.
** BORNE_OK (msg: "N pages"), BORNE_EINVAL, BORNE_EREADONLY, BORNE_EFULL,
** BORNE_EIO, BORNE_EBUSY, BORNE_ECORRUPT; msg says why in one line. */
int maintenance_backup(Store *st, const char *path, char *msg, size_t msglen);

#endif
