/* maintenance.h -- keeping the database file healthy: an integrity check,
** an online backup that can run while the kiosk is in use, backups kept
** by a rotation rule, and a restore that forgets again whom the live
** database had forgotten. */
#ifndef BORNE_MAINTENANCE_H
#define BORNE_MAINTENANCE_H

#include <stddef.h>
#include <stdint.h>

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

/* Puts back the backup file in the live database, forgetting again on the
** way every member on the live database's `forgotten` list or the
** backup's (privacy_forget_listed): a backup made before a forget does
** not bring the person back. The backup is read into memory, migrated to
** this build's schema and checked there; the live database then gets
** all of it at once (online backup API), its log emptied when it can
** be. Stop the kiosk first: it would go on with what it had read.
** *n_forgotten (may be NULL) counts the members forgotten again.
** BORNE_OK, BORNE_EINVAL, BORNE_ENOTFOUND, BORNE_ECORRUPT, BORNE_EBUSY,
** BORNE_EIO...; msg says why in one line. */
int maintenance_restore(Store *live, const char *backup, int64_t now_utc,
                        int *n_forgotten, char *msg, size_t msglen);

/* Backups in a folder: borne-YYYY-MM-DD.db (the local date of now_utc;
** names sort by date; a second one the same day replaces the first). */
#define MAINTENANCE_BACKUP_PREFIX "borne-"
#define MAINTENANCE_KEEP_MAX      1000
#define MAINTENANCE_KEEP_DAILY    7
#define MAINTENANCE_KEEP_WEEKLY   4

/* Writes today's backup into dir (made 0700 if missing; a link is
** refused) with maintenance_backup(), then deletes the backups of dir
** that the rule does not keep: the keep_daily newest (1 or more), and
** the newest of each of the keep_weekly newest ISO weeks (0 or more).
** The rule counts backups, not days back from now, so a wrong clock
** never deletes them all; files not named like a backup are left alone.
** BORNE_OK (msg: what was written and removed) or maintenance_backup()'s
** errors. */
int maintenance_backup_rotate(Store *st, const char *dir, int64_t now_utc,
                              int keep_daily, int keep_weekly, char *msg,
                              size_t msglen);

#endif
