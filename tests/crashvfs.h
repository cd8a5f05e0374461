/* crashvfs.h -- a power cut for SQLite, in the tests only.
** A VFS shim over "unix", registered as the default: every write reaches
** the real file at once, but the shim remembers, per file and per 512
** byte sector, what the sector held at the last xSync. A cut (armed to
** happen at the n-th write or sync) stops every later write, sync,
** truncate and delete; once the connections are closed, crashvfs_cut()
** puts the files on disk in a state a real power loss could leave:
** either every write since the last sync is lost, or a random subset of
** the sectors written since then is lost, the size may go back, and the
** last sector written may be torn (random bytes of it old, new or
** garbage). The -shm file is deleted: a cut loses shared memory.
**
** In the spirit of SQLite's crash tests (src/test6.c), simplified: syncs
** are not passed to the disk (the cut is simulated, so fsync would only
** cost time), and creating or deleting a file is taken as durable at
** once (SQLite syncs the folder after creating a journal; deletions only
** happen on a clean close here). Single-threaded use only. */
#ifndef BORNE_CRASHVFS_H
#define BORNE_CRASHVFS_H

#include <stdint.h>

/* How a cut treats what was written since the last sync. */
typedef enum CrashMode {
	CRASH_RANDOM = 0,        /* per cut: LOSE_ALL one time in three, else SOME */
	CRASH_LOSE_ALL,          /* every unsynced write is lost */
	CRASH_LOSE_SOME          /* each unsynced sector kept or lost at random,
	                         ** the size kept or not, the last sector torn */
} CrashMode;

typedef struct CrashStats {
	long writes, syncs;      /* seen while the power was on */
	long cuts;               /* crashvfs_cut() calls */
	long cuts_in_db;         /* ... with unsynced writes to the database
	                         ** file itself (a checkpoint under way) */
	long sectors_lost, sectors_kept, sectors_torn;
} CrashStats;

/* Registers the shim over "unix" as the default VFS, with its own PRNG
** seeded by seed. 0 on success, -1 when "unix" is missing. */
int  crashvfs_install(uint64_t seed);
/* The power goes off at the n_ops-th write or sync from now (1: the next
** one); n_ops <= 0 disarms. The write that meets the cut is torn or lost
** at the cut, and reports an I/O error, as does everything after it. */
void crashvfs_arm(long n_ops);
/* 1 once the power is off. */
int  crashvfs_down(void);
/* A disk that fills up: from the after_n-th write on (1: the next one),
** every write and sync returns sqlite_rc (SQLITE_FULL, or an I/O error)
** and writes nothing, until called again with sqlite_rc 0. The power
** stays on: the same connection goes on once there is room again. */
void crashvfs_fail_writes(int sqlite_rc, long after_n);
/* The disk's sectors. By default the shim says what the unix VFS says,
** POWERSAFE_OVERWRITE (a torn write never harms bytes it did not write),
** and tears only the bytes of the last write. tear_whole: a torn sector
** is garbled whole, bytes written before (and synced) included, as a
** flash card's controller may do; claim_psow 0 tells SQLite so (it then
** pads WAL frames to a sector, as with the "psow=0" URI parameter).
** Takes effect for files opened after the call. */
void crashvfs_sectors(int claim_psow, int tear_whole);
/* Writes refused so far by crashvfs_fail_writes(). */
long crashvfs_refused(void);
/* Writes and syncs seen since the last crashvfs_cut() or forget. */
long crashvfs_ops(void);
/* Call with every connection closed: applies the cut to the files, as
** mode says, forgets every file and turns the power back on. Also works
** when the cut was never reached (an unplanned cut "now"). */
void crashvfs_cut(CrashMode mode);
/* Forgets what is unsynced without cutting (after a clean close). */
void crashvfs_forget(void);
void crashvfs_stats(CrashStats *out);

#endif
