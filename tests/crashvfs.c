/* crashvfs.c -- a power cut for SQLite, in the tests only (see crashvfs.h).
**
** Each file SQLite opens with a name (the database, its -wal, a rollback
** journal) has a Tracked record, kept by path so it outlives the
** sqlite3_file: the size at the last sync and, for every 512 byte sector
** written since, what that sector held at the last sync. A write first
** saves the pre-image of each sector it touches that is not saved yet,
** then goes to the real file. A sync forgets the saved sectors: they are
** on disk now. The cut writes saved pre-images back with plain pwrite()
** on the closed files. */
#include "crashvfs.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CRASH_SECTOR  512
#define CRASH_MAX_FILES 16

typedef struct Tracked {
	char *path;
	int   is_main_db;
	sqlite3_int64 synced_size;   /* at the last sync */
	sqlite3_int64 cur_size;      /* as written since */
	int   dirty;                 /* sizes and pre-images below are valid */
	unsigned char **pre;         /* pre[sector]: its content at the last sync */
	sqlite3_int64 n_pre;         /* length of pre[] */
	sqlite3_int64 *list;         /* the sectors saved, in order first touched */
	sqlite3_int64 n_list, cap_list;
	sqlite3_int64 last_off, last_len;  /* the last write */
} Tracked;

typedef struct CrashFile {
	sqlite3_file base;
	Tracked *t;                  /* NULL: not tracked (temp files) */
	sqlite3_file *real;          /* right after this struct */
} CrashFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs crash_vfs;
static sqlite3_io_methods crash_io;
static Tracked *tracked[CRASH_MAX_FILES];
static int n_tracked;
static uint64_t rng_state;
static long ops, cut_at;
static int down;
static int fail_rc;             /* crashvfs_fail_writes() */
static long fail_after, refused;
static int claim_psow = 1, tear_whole;
static CrashStats stats;

static uint64_t rng_next(void);
static Tracked *tracked_get(const char *path, int is_main_db);
static void     tracked_clear(Tracked *t);
static int      tracked_begin(Tracked *t, sqlite3_file *real);
static int      tracked_save(Tracked *t, sqlite3_file *real, sqlite3_int64 sector);
static void     tracked_cut(Tracked *t, int lose_all);
static int      power_tick(void);
static int      disk_full(void);

static int crash_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
                      int flags, int *out_flags);
static int crash_delete(sqlite3_vfs *vfs, const char *name, int sync_dir);
static int crash_access(sqlite3_vfs *vfs, const char *name, int flags, int *out);
static int crash_fullpath(sqlite3_vfs *vfs, const char *name, int n, char *out);
static void *crash_dlopen(sqlite3_vfs *vfs, const char *name);
static void crash_dlerror(sqlite3_vfs *vfs, int n, char *msg);
static void (*crash_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void);
static void crash_dlclose(sqlite3_vfs *vfs, void *h);
static int crash_randomness(sqlite3_vfs *vfs, int n, char *out);
static int crash_sleep(sqlite3_vfs *vfs, int us);
static int crash_current_time(sqlite3_vfs *vfs, double *out);
static int crash_last_error(sqlite3_vfs *vfs, int n, char *out);
static int crash_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *out);

static int crash_close(sqlite3_file *f);
static int crash_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off);
static int crash_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off);
static int crash_truncate(sqlite3_file *f, sqlite3_int64 size);
static int crash_sync(sqlite3_file *f, int flags);
static int crash_file_size(sqlite3_file *f, sqlite3_int64 *out);
static int crash_lock(sqlite3_file *f, int level);
static int crash_unlock(sqlite3_file *f, int level);
static int crash_check_reserved(sqlite3_file *f, int *out);
static int crash_file_control(sqlite3_file *f, int op, void *arg);
static int crash_sector_size(sqlite3_file *f);
static int crash_device_chars(sqlite3_file *f);
static int crash_shm_map(sqlite3_file *f, int region, int size, int extend,
                         void volatile **out);
static int crash_shm_lock(sqlite3_file *f, int offset, int n, int flags);
static void crash_shm_barrier(sqlite3_file *f);
static int crash_shm_unmap(sqlite3_file *f, int delete_flag);
static int crash_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out);
static int crash_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p);

#define REAL(f) (((CrashFile *)(f))->real)

/* ---- PRNG and bookkeeping ------------------------------------------- */

static uint64_t
rng_next(void)
{
	uint64_t x = rng_state;      /* xorshift64* */

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static Tracked *
tracked_get(const char *path, int is_main_db)
{
	Tracked *t;

	for (int i = 0; i < n_tracked; i++)
		if (strcmp(tracked[i]->path, path) == 0) {
			tracked[i]->is_main_db |= is_main_db;
			return tracked[i];
		}
	if (n_tracked == CRASH_MAX_FILES || (t = calloc(1, sizeof *t)) == NULL)
		return NULL;
	if ((t->path = strdup(path)) == NULL) {
		free(t);
		return NULL;
	}
	t->is_main_db = is_main_db;
	tracked[n_tracked++] = t;
	return t;
}

/* Forgets the pre-images: what was written is now what is on disk. */
static void
tracked_clear(Tracked *t)
{
	for (sqlite3_int64 i = 0; i < t->n_list; i++) {
		free(t->pre[t->list[i]]);
		t->pre[t->list[i]] = NULL;
	}
	t->n_list = 0;
	t->dirty = 0;
}

/* The first change since a sync: note the size on disk. */
static int
tracked_begin(Tracked *t, sqlite3_file *real)
{
	sqlite3_int64 size;
	int rc;

	if (t->dirty)
		return SQLITE_OK;
	if ((rc = real->pMethods->xFileSize(real, &size)) != SQLITE_OK)
		return rc;
	t->synced_size = t->cur_size = size;
	t->dirty = 1;
	return SQLITE_OK;
}

/* Saves sector's content as of the last sync, unless saved already. */
static int
tracked_save(Tracked *t, sqlite3_file *real, sqlite3_int64 sector)
{
	unsigned char *buf;
	int rc;

	if (sector >= t->n_pre) {
		sqlite3_int64 n = t->n_pre != 0 ? t->n_pre : 64;
		unsigned char **grown;

		while (n <= sector)
			n *= 2;
		if ((grown = realloc(t->pre, (size_t)n * sizeof *grown)) == NULL)
			return SQLITE_NOMEM;
		memset(grown + t->n_pre, 0, (size_t)(n - t->n_pre) * sizeof *grown);
		t->pre = grown;
		t->n_pre = n;
	}
	if (t->pre[sector] != NULL)
		return SQLITE_OK;
	if (t->n_list == t->cap_list) {
		sqlite3_int64 n = t->cap_list != 0 ? t->cap_list * 2 : 64;
		sqlite3_int64 *grown = realloc(t->list, (size_t)n * sizeof *grown);

		if (grown == NULL)
			return SQLITE_NOMEM;
		t->list = grown;
		t->cap_list = n;
	}
	if ((buf = calloc(1, CRASH_SECTOR)) == NULL)
		return SQLITE_NOMEM;
	if (sector * CRASH_SECTOR < t->cur_size) {
		rc = real->pMethods->xRead(real, buf, CRASH_SECTOR,
		                           sector * CRASH_SECTOR);
		if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
			free(buf);
			return rc;
		}
	}
	t->pre[sector] = buf;
	t->list[t->n_list++] = sector;
	return SQLITE_OK;
}

/* Puts the closed file at t->path in a state a power cut could leave. */
static void
tracked_cut(Tracked *t, int lose_all)
{
	sqlite3_int64 size = t->synced_size, last_sector = -1;
	int fd;

	if (!t->dirty)
		return;
	if ((fd = open(t->path, O_RDWR)) < 0)
		return;                  /* deleted on a clean close */
	if (!lose_all && (rng_next() & 1))
		size = t->cur_size;      /* the new size reached the disk */
	if (t->last_len > 0)
		last_sector = (t->last_off + t->last_len - 1) / CRASH_SECTOR;
	for (sqlite3_int64 i = 0; i < t->n_list; i++) {
		sqlite3_int64 s = t->list[i], off = s * CRASH_SECTOR;
		unsigned char now[CRASH_SECTOR];
		ssize_t got;

		if (off >= size)
			continue;            /* cut away with the size */
		if (!lose_all && s == last_sector && rng_next() % 2 == 0) {
			/* Torn: each byte of the last write old, new or garbage.
			** Bytes of the sector outside that write stay as they
			** were: the unix VFS says POWERSAFE_OVERWRITE, and SQLite
			** pads WAL frames to a sector where a device does not. */
			memset(now, 0, sizeof now);
			got = pread(fd, now, CRASH_SECTOR, off);
			for (int b = 0; got > 0 && b < CRASH_SECTOR; b++) {
				uint64_t r = rng_next() % 3;

				if (!tear_whole && (off + b < t->last_off ||
				                    off + b >= t->last_off + t->last_len))
					continue;

				if (r == 0)
					now[b] = t->pre[s][b];
				else if (r == 1)
					now[b] = (unsigned char)rng_next();
			}
			if (pwrite(fd, now, CRASH_SECTOR, off) < 0)
				perror("crashvfs: tearing a sector");
			stats.sectors_torn++;
			continue;
		}
		if (!lose_all && rng_next() % 2 == 0) {
			stats.sectors_kept++;
			continue;
		}
		if (pwrite(fd, t->pre[s], CRASH_SECTOR, off) < 0)
			perror("crashvfs: losing a sector");
		stats.sectors_lost++;
	}
	if (ftruncate(fd, (off_t)size) != 0)
		perror("crashvfs: cutting the size");
	close(fd);
}

/* A full disk: 1 when this write must be refused. */
static int
disk_full(void)
{
	if (fail_rc == 0)
		return 0;
	if (fail_after > 1) {
		fail_after--;
		return 0;
	}
	refused++;
	return 1;
}

/* Counts one write or sync; 1 when the power is (now) off. */
static int
power_tick(void)
{
	if (down)
		return 1;
	ops++;
	if (cut_at > 0 && ops >= cut_at)
		down = 1;
	return 0;
}

/* ---- Public --------------------------------------------------------- */

int
crashvfs_install(uint64_t seed)
{
	if ((real_vfs = sqlite3_vfs_find("unix")) == NULL)
		return -1;
	rng_state = seed != 0 ? seed : 0x9E3779B97F4A7C15ULL;
	crash_vfs.iVersion = real_vfs->iVersion < 3 ? real_vfs->iVersion : 3;
	crash_vfs.szOsFile = (int)sizeof(CrashFile) + real_vfs->szOsFile;
	crash_vfs.mxPathname = real_vfs->mxPathname;
	crash_vfs.zName = "crash";
	crash_vfs.xOpen = crash_open;
	crash_vfs.xDelete = crash_delete;
	crash_vfs.xAccess = crash_access;
	crash_vfs.xFullPathname = crash_fullpath;
	crash_vfs.xDlOpen = crash_dlopen;
	crash_vfs.xDlError = crash_dlerror;
	crash_vfs.xDlSym = crash_dlsym;
	crash_vfs.xDlClose = crash_dlclose;
	crash_vfs.xRandomness = crash_randomness;
	crash_vfs.xSleep = crash_sleep;
	crash_vfs.xCurrentTime = crash_current_time;
	crash_vfs.xGetLastError = crash_last_error;
	crash_vfs.xCurrentTimeInt64 = crash_current_time64;

	crash_io.iVersion = 3;
	crash_io.xClose = crash_close;
	crash_io.xRead = crash_read;
	crash_io.xWrite = crash_write;
	crash_io.xTruncate = crash_truncate;
	crash_io.xSync = crash_sync;
	crash_io.xFileSize = crash_file_size;
	crash_io.xLock = crash_lock;
	crash_io.xUnlock = crash_unlock;
	crash_io.xCheckReservedLock = crash_check_reserved;
	crash_io.xFileControl = crash_file_control;
	crash_io.xSectorSize = crash_sector_size;
	crash_io.xDeviceCharacteristics = crash_device_chars;
	crash_io.xShmMap = crash_shm_map;
	crash_io.xShmLock = crash_shm_lock;
	crash_io.xShmBarrier = crash_shm_barrier;
	crash_io.xShmUnmap = crash_shm_unmap;
	crash_io.xFetch = crash_fetch;
	crash_io.xUnfetch = crash_unfetch;
	return sqlite3_vfs_register(&crash_vfs, 1) == SQLITE_OK ? 0 : -1;
}

void
crashvfs_arm(long n_ops)
{
	ops = 0;
	cut_at = n_ops > 0 ? n_ops : 0;
}

int
crashvfs_down(void)
{
	return down;
}

long
crashvfs_ops(void)
{
	return ops;
}

void
crashvfs_cut(CrashMode mode)
{
	int lose_all = mode == CRASH_LOSE_ALL ||
	               (mode == CRASH_RANDOM && rng_next() % 3 == 0);
	char shm[4096];

	for (int i = 0; i < n_tracked; i++) {
		if (tracked[i]->is_main_db && tracked[i]->n_list > 0)
			stats.cuts_in_db++;
		tracked_cut(tracked[i], lose_all);
		if (tracked[i]->is_main_db) {
			snprintf(shm, sizeof shm, "%s-shm", tracked[i]->path);
			unlink(shm);
		}
	}
	stats.cuts++;
	crashvfs_forget();
}

void
crashvfs_forget(void)
{
	for (int i = 0; i < n_tracked; i++) {
		tracked_clear(tracked[i]);
		free(tracked[i]->pre);
		free(tracked[i]->list);
		free(tracked[i]->path);
		free(tracked[i]);
		tracked[i] = NULL;
	}
	n_tracked = 0;
	down = 0;
	ops = 0;
	cut_at = 0;
}

void
crashvfs_sectors(int claim, int whole)
{
	claim_psow = claim;
	tear_whole = whole;
}

void
crashvfs_fail_writes(int sqlite_rc, long after_n)
{
	fail_rc = sqlite_rc;
	fail_after = after_n;
}

long
crashvfs_refused(void)
{
	return refused;
}

void
crashvfs_stats(CrashStats *out)
{
	*out = stats;
}

/* ---- VFS ------------------------------------------------------------ */

static int
crash_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
           int *out_flags)
{
	CrashFile *cf = (CrashFile *)f;
	int rc;

	(void)vfs;
	memset(cf, 0, sizeof *cf);
	cf->real = (sqlite3_file *)(cf + 1);
	rc = real_vfs->xOpen(real_vfs, name, cf->real, flags, out_flags);
	if (cf->real->pMethods == NULL) {
		f->pMethods = NULL;
		return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
	}
	if (name != NULL && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL |
	                              SQLITE_OPEN_MAIN_JOURNAL)))
		cf->t = tracked_get(name, (flags & SQLITE_OPEN_MAIN_DB) != 0);
	f->pMethods = &crash_io;
	return rc;
}

static int
crash_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	if (power_tick() || down)
		return SQLITE_IOERR_DELETE;
	for (int i = 0; i < n_tracked; i++)
		if (strcmp(tracked[i]->path, name) == 0)
			tracked_clear(tracked[i]);
	return real_vfs->xDelete(real_vfs, name, sync_dir);
}

static int
crash_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int
crash_fullpath(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static void *
crash_dlopen(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs->xDlOpen(real_vfs, name);
}

static void
crash_dlerror(sqlite3_vfs *vfs, int n, char *msg)
{
	(void)vfs;
	real_vfs->xDlError(real_vfs, n, msg);
}

static void
(*crash_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	(void)vfs;
	return real_vfs->xDlSym(real_vfs, h, sym);
}

static void
crash_dlclose(sqlite3_vfs *vfs, void *h)
{
	(void)vfs;
	real_vfs->xDlClose(real_vfs, h);
}

static int
crash_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int
crash_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return real_vfs->xSleep(real_vfs, us);
}

static int
crash_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int
crash_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xGetLastError(real_vfs, n, out);
}

static int
crash_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

/* ---- Files ---------------------------------------------------------- */

static int
crash_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int
crash_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int
crash_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	CrashFile *cf = (CrashFile *)f;
	Tracked *t = cf->t;
	int rc, last;

	if (power_tick())
		return SQLITE_IOERR_WRITE;
	if (disk_full())
		return fail_rc;
	last = down;                 /* this write meets the cut: it is torn
	                             ** or lost, and says so */
	stats.writes++;
	if (t != NULL && n > 0) {
		if ((rc = tracked_begin(t, cf->real)) != SQLITE_OK)
			return rc;
		for (sqlite3_int64 s = off / CRASH_SECTOR;
		     s <= (off + n - 1) / CRASH_SECTOR; s++)
			if ((rc = tracked_save(t, cf->real, s)) != SQLITE_OK)
				return rc;
		if (off + n > t->cur_size)
			t->cur_size = off + n;
		t->last_off = off;
		t->last_len = n;
	}
	rc = cf->real->pMethods->xWrite(cf->real, buf, n, off);
	return last ? SQLITE_IOERR_WRITE : rc;
}

static int
crash_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	CrashFile *cf = (CrashFile *)f;
	Tracked *t = cf->t;
	int rc;

	if (power_tick())
		return SQLITE_IOERR_TRUNCATE;
	if (t != NULL) {
		if ((rc = tracked_begin(t, cf->real)) != SQLITE_OK)
			return rc;
		for (sqlite3_int64 s = size / CRASH_SECTOR;
		     s * CRASH_SECTOR < t->cur_size; s++)
			if ((rc = tracked_save(t, cf->real, s)) != SQLITE_OK)
				return rc;
		t->cur_size = size;
	}
	rc = cf->real->pMethods->xTruncate(cf->real, size);
	return down ? SQLITE_IOERR_TRUNCATE : rc;
}

/* Not passed to the disk: the cut is simulated, and a sync is only the
** line between what a cut may lose and what it may not. */
static int
crash_sync(sqlite3_file *f, int flags)
{
	CrashFile *cf = (CrashFile *)f;

	(void)flags;
	if (power_tick() || down)
		return SQLITE_IOERR_FSYNC;     /* the cut came first */
	if (disk_full())
		return fail_rc;
	stats.syncs++;
	if (cf->t != NULL)
		tracked_clear(cf->t);
	return SQLITE_OK;
}

static int
crash_file_size(sqlite3_file *f, sqlite3_int64 *out)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), out);
}

static int
crash_lock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xLock(REAL(f), level);
}

static int
crash_unlock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), level);
}

static int
crash_check_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
crash_file_control(sqlite3_file *f, int op, void *arg)
{
	/* Passed through: the unix VFS answers (locking, WAL, mmap hints). */
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
crash_sector_size(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
crash_device_chars(sqlite3_file *f)
{
	int chars = REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));

	return claim_psow ? chars : chars & ~SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

static int
crash_shm_map(sqlite3_file *f, int region, int size, int extend,
              void volatile **out)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), region, size, extend, out);
}

static int
crash_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}

static void
crash_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
crash_shm_unmap(sqlite3_file *f, int delete_flag)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), delete_flag);
}

static int
crash_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
	return REAL(f)->pMethods->xFetch(REAL(f), off, n, out);
}

static int
crash_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}
