/* maintenance.c -- integrity check and online backup (see maintenance.h).
** Both talk to SQLite directly through store_db(): they are about the
** file, not about members or visits. */
#include "maintenance.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "borne.h"
#include "privacy.h"
#include "timeutil.h"

#define BACKUP_PAGES_PER_STEP 256
#define BACKUP_BUSY_TRIES     250    /* x 20 ms: a writer may hold it 5 s */

static int  setmsg(char *msg, size_t msglen, int rc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int  map_sqlite(int src);
static int  check_conn(sqlite3 *db, char *msg, size_t msglen);
static int  fsync_path(const char *path, int is_dir);
static void remove_tmp(const char *tmp);
static int  copy_db(sqlite3 *dst, sqlite3 *src_db);
static int  backup_name_date(const char *name, struct tm *tm);
static int  cmp_desc(const void *a, const void *b);
static int  week_of(const char *name, char out[16]);

static int
setmsg(char *msg, size_t msglen, int rc, const char *fmt, ...)
{
	va_list ap;

	if (msg != NULL && msglen > 0) {
		va_start(ap, fmt);
		vsnprintf(msg, msglen, fmt, ap);
		va_end(ap);
	}
	return rc;
}

static int
map_sqlite(int src)
{
	switch (src & 0xFF) {
	case SQLITE_OK:
	case SQLITE_DONE:     return BORNE_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:   return BORNE_EBUSY;
	case SQLITE_READONLY:
	case SQLITE_PERM:     return BORNE_EREADONLY;
	case SQLITE_FULL:     return BORNE_EFULL;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:  return BORNE_ECORRUPT;
	case SQLITE_NOMEM:    return BORNE_ENOMEM;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN: return BORNE_EIO;
	default:              return BORNE_EDB;
	}
}

/* integrity_check then foreign_key_check on one connection. */
static int
check_conn(sqlite3 *db, char *msg, size_t msglen)
{
	sqlite3_stmt *stmt = NULL;
	char found[400] = "";
	size_t used = 0;
	int src, n_bad = 0, rc = BORNE_OK;

	src = sqlite3_prepare_v2(db, "PRAGMA integrity_check(20)", -1, &stmt,
	                         NULL);
	while (src == SQLITE_OK && (src = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(stmt, 0);

		src = SQLITE_OK;
		if (line == NULL || strcmp(line, "ok") == 0)
			continue;
		if (n_bad++ < 3 && used < sizeof found)
			used += (size_t)snprintf(found + used, sizeof found - used,
			                         "%s%s", used > 0 ? "; " : "", line);
	}
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (src != SQLITE_DONE && src != SQLITE_OK) {
		rc = map_sqlite(src);
		return setmsg(msg, msglen, rc == BORNE_EDB ? BORNE_ECORRUPT : rc,
		              "integrity check failed: %s", sqlite3_errmsg(db));
	}
	if (n_bad > 0)
		return setmsg(msg, msglen, BORNE_ECORRUPT, "integrity check: %d "
		              "problem(s): %s", n_bad, found);

	src = sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &stmt,
	                         NULL);
	while (src == SQLITE_OK && (src = sqlite3_step(stmt)) == SQLITE_ROW) {
		src = SQLITE_OK;
		if (n_bad++ < 3 && used < sizeof found)
			used += (size_t)snprintf(found + used, sizeof found - used,
			        "%s%s row %lld points to a missing %s",
			        used > 0 ? "; " : "",
			        (const char *)sqlite3_column_text(stmt, 0),
			        (long long)sqlite3_column_int64(stmt, 1),
			        (const char *)sqlite3_column_text(stmt, 2));
	}
	sqlite3_finalize(stmt);
	if (src != SQLITE_DONE && src != SQLITE_OK)
		return setmsg(msg, msglen, map_sqlite(src),
		              "foreign key check failed: %s", sqlite3_errmsg(db));
	if (n_bad > 0)
		return setmsg(msg, msglen, BORNE_ECORRUPT, "foreign key check: %d "
		              "broken link(s): %s", n_bad, found);
	return BORNE_OK;
}

int
maintenance_check(Store *st, char *msg, size_t msglen)
{
	sqlite3 *db = store_db(st);
	int rc, version;

	if (db == NULL)
		return setmsg(msg, msglen, BORNE_EINVAL, "no database");
	if ((rc = check_conn(db, msg, msglen)) != BORNE_OK)
		return rc;
	version = store_schema_version(st);
	if (version != store_schema_latest())
		return setmsg(msg, msglen, BORNE_ECORRUPT, "schema version %d, "
		              "this borne expects %d", version,
		              store_schema_latest());
	return setmsg(msg, msglen, BORNE_OK, "ok (schema version %d)", version);
}

static int
fsync_path(const char *path, int is_dir)
{
	int fd = open(path, (is_dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) |
	              O_CLOEXEC);
	int rc = 0;

	if (fd < 0)
		return -1;
	if (fsync(fd) != 0 && !is_dir)
		rc = -1;             /* some file systems refuse to sync folders */
	close(fd);
	return rc;
}

static void
remove_tmp(const char *tmp)
{
	char side[4200];

	unlink(tmp);
	snprintf(side, sizeof side, "%s-journal", tmp);
	unlink(side);
	snprintf(side, sizeof side, "%s-wal", tmp);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", tmp);
	unlink(side);
}

int
maintenance_backup(Store *st, const char *path, char *msg, size_t msglen)
{
	sqlite3 *src_db = store_db(st), *dst = NULL;
	sqlite3_backup *bk = NULL;
	const char *live;
	char tmp[4096], dir[4096];
	struct stat sp, sl;
	int src, rc, tries = 0, pages = 0;

	if (src_db == NULL)
		return setmsg(msg, msglen, BORNE_EINVAL, "no database");
	if (path == NULL || *path == '\0')
		return setmsg(msg, msglen, BORNE_EINVAL, "no backup file given");
	if (strlen(path) + 8 >= sizeof tmp)
		return setmsg(msg, msglen, BORNE_EINVAL, "backup path too long");
	if (stat(path, &sp) == 0) {
		if (S_ISDIR(sp.st_mode))
			return setmsg(msg, msglen, BORNE_EINVAL, "%s: is a folder; "
			              "give a file name", path);
		live = sqlite3_db_filename(src_db, "main");
		if (live != NULL && stat(live, &sl) == 0 &&
		    sl.st_dev == sp.st_dev && sl.st_ino == sp.st_ino)
			return setmsg(msg, msglen, BORNE_EINVAL, "%s: is the live "
			              "database itself; give another file", path);
	}
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	snprintf(dir, sizeof dir, "%s", path);
	remove_tmp(tmp);
	/* The copy holds personal data: 0600 whatever the umask, and its
	** journal takes the same mode from it. */
	{
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

		if (fd >= 0)
			close(fd);
	}

	errno = 0;
	src = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE |
	                      SQLITE_OPEN_CREATE, NULL);
	if (src != SQLITE_OK) {
		int e = errno;

		rc = e == EACCES || e == EROFS || e == EPERM ? BORNE_EREADONLY :
		     e == ENOSPC ? BORNE_EFULL : BORNE_EIO;
		setmsg(msg, msglen, rc, "%s: cannot write: %s", path,
		       e != 0 ? strerror(e) : sqlite3_errstr(src));
		goto fail;
	}
	sqlite3_busy_timeout(dst, 2000);
	bk = sqlite3_backup_init(dst, "main", src_db, "main");
	if (bk == NULL) {
		rc = setmsg(msg, msglen, map_sqlite(sqlite3_errcode(dst)),
		            "%s: backup cannot start: %s", path,
		            sqlite3_errmsg(dst));
		goto fail;
	}
	for (;;) {
		src = sqlite3_backup_step(bk, BACKUP_PAGES_PER_STEP);
		if (src == SQLITE_DONE)
			break;
		if (src == SQLITE_OK)
			continue;
		if ((src == SQLITE_BUSY || src == SQLITE_LOCKED) &&
		    ++tries < BACKUP_BUSY_TRIES) {
			sqlite3_sleep(20);
			continue;
		}
		break;
	}
	pages = sqlite3_backup_pagecount(bk);
	sqlite3_backup_finish(bk);
	bk = NULL;
	if (src != SQLITE_DONE) {
		rc = map_sqlite(src);
		if (rc == BORNE_OK)
			rc = BORNE_EIO;
		setmsg(msg, msglen, rc, "%s: backup failed: %s", path,
		       sqlite3_errstr(src));
		goto fail;
	}
	/* One self-contained file: no -wal beside it to forget to copy. */
	src = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (src != SQLITE_OK) {
		rc = setmsg(msg, msglen, map_sqlite(src), "%s: %s", path,
		            sqlite3_errmsg(dst));
		goto fail;
	}
	if ((rc = check_conn(dst, msg, msglen)) != BORNE_OK) {
		char why[512];

		snprintf(why, sizeof why, "%s", msg != NULL ? msg : "");
		setmsg(msg, msglen, rc, "%s: the copy fails its check: %s", path,
		       why);
		goto fail;
	}
	src = sqlite3_close(dst);
	dst = NULL;
	if (src != SQLITE_OK) {
		rc = setmsg(msg, msglen, map_sqlite(src), "%s: closing the copy "
		            "failed", path);
		goto fail;
	}
	errno = 0;
	if (fsync_path(tmp, 0) != 0 || rename(tmp, path) != 0) {
		int e = errno;

		rc = e == ENOSPC ? BORNE_EFULL :
		     e == EACCES || e == EROFS || e == EPERM ? BORNE_EREADONLY :
		     BORNE_EIO;
		setmsg(msg, msglen, rc, "%s: %s", path, strerror(e));
		goto fail;
	}
	(void)fsync_path(dirname(dir), 1);
	return setmsg(msg, msglen, BORNE_OK, "%d pages, integrity ok", pages);
fail:
	if (bk != NULL)
		sqlite3_backup_finish(bk);
	if (dst != NULL)
		sqlite3_close(dst);
	remove_tmp(tmp);
	return rc;
}

/* Copies all of src_db into dst with the online backup API, waiting for
** other connections as maintenance_backup() does. An SQLite code. */
static int
copy_db(sqlite3 *dst, sqlite3 *src_db)
{
	sqlite3_backup *bk = sqlite3_backup_init(dst, "main", src_db, "main");
	int src, tries = 0;

	if (bk == NULL)
		return sqlite3_errcode(dst);
	for (;;) {
		src = sqlite3_backup_step(bk, BACKUP_PAGES_PER_STEP);
		if (src == SQLITE_OK)
			continue;
		if ((src == SQLITE_BUSY || src == SQLITE_LOCKED) &&
		    ++tries < BACKUP_BUSY_TRIES) {
			sqlite3_sleep(20);
			continue;
		}
		break;
	}
	sqlite3_backup_finish(bk);
	return src == SQLITE_DONE ? SQLITE_OK : src;
}

int
maintenance_restore(Store *live, const char *backup, int64_t now_utc,
                    int *n_forgotten, char *msg, size_t msglen)
{
	static unsigned seq;
	sqlite3 *mem = NULL, *from = NULL, *live_db = store_db(live);
	Store *copy = NULL;
	const char *live_path;
	char uri[128], err[400];
	struct stat sb, sl;
	int src, rc, n = 0;

	if (n_forgotten != NULL)
		*n_forgotten = 0;
	if (live_db == NULL)
		return setmsg(msg, msglen, BORNE_EINVAL, "no database");
	if (backup == NULL || *backup == '\0')
		return setmsg(msg, msglen, BORNE_EINVAL, "no backup file given");
	if (stat(backup, &sb) != 0)
		return setmsg(msg, msglen, BORNE_ENOTFOUND, "%s: %s", backup,
		              strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return setmsg(msg, msglen, BORNE_EINVAL, "%s: not a file", backup);
	live_path = sqlite3_db_filename(live_db, "main");
	if (live_path != NULL && stat(live_path, &sl) == 0 &&
	    sl.st_dev == sb.st_dev && sl.st_ino == sb.st_ino)
		return setmsg(msg, msglen, BORNE_EINVAL, "%s: is the live "
		              "database itself", backup);

	/* The backup is read into memory and made right there: whom the
	** live list says to forget never reaches a file, not even briefly. */
	snprintf(uri, sizeof uri, "file:borne-restore-%ld-%u?mode=memory&"
	         "cache=shared", (long)getpid(), seq++);
	src = sqlite3_open_v2(uri, &mem, SQLITE_OPEN_READWRITE |
	                      SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL);
	if (src != SQLITE_OK) {
		rc = setmsg(msg, msglen, map_sqlite(src), "memory: %s",
		            sqlite3_errstr(src));
		goto done;
	}
	src = sqlite3_open_v2(backup, &from, SQLITE_OPEN_READONLY, NULL);
	if (src == SQLITE_OK)
		src = copy_db(mem, from);
	if (src != SQLITE_OK) {
		rc = map_sqlite(src);
		setmsg(msg, msglen, rc == BORNE_EDB ? BORNE_ECORRUPT : rc,
		       "%s: cannot be read: %s", backup, from != NULL ?
		       sqlite3_errmsg(from) : sqlite3_errstr(src));
		rc = rc == BORNE_EDB ? BORNE_ECORRUPT : rc;
		goto done;
	}
	sqlite3_close(from);
	from = NULL;
	if ((rc = check_conn(mem, msg, msglen)) != BORNE_OK) {
		char why[512];

		snprintf(why, sizeof why, "%s", msg != NULL ? msg : "");
		setmsg(msg, msglen, rc, "%s: fails its check: %s", backup, why);
		goto done;
	}
	/* Opened as a Store: migrated to this build's schema (the list
	** included), then every member on either list forgotten again. */
	if ((rc = store_open(uri, &copy, err, sizeof err)) != BORNE_OK) {
		setmsg(msg, msglen, rc, "%s: %s", backup, err);
		goto done;
	}
	if ((rc = privacy_forget_listed(copy, live, now_utc, &n)) != BORNE_OK) {
		setmsg(msg, msglen, rc, "forgetting again: %s",
		       store_errmsg(copy));
		goto done;
	}
	src = copy_db(live_db, store_db(copy));
	if (src != SQLITE_OK) {
		rc = map_sqlite(src);
		setmsg(msg, msglen, rc == BORNE_OK ? BORNE_EIO : rc, "writing the "
		       "live database: %s", sqlite3_errmsg(live_db));
		rc = rc == BORNE_OK ? BORNE_EIO : rc;
		goto done;
	}
	/* The live file's log held its old pages: emptied when it can be. */
	(void)store_checkpoint_truncate(live, BACKUP_BUSY_TRIES * 20);
	if (n_forgotten != NULL)
		*n_forgotten = n;
	rc = setmsg(msg, msglen, BORNE_OK, "%d member(s) forgotten again", n);
done:
	store_close(copy);
	if (from != NULL)
		sqlite3_close(from);
	if (mem != NULL)
		sqlite3_close(mem);
	return rc;
}

/* ---- Rotation -------------------------------------------------------- */

/* "borne-YYYY-MM-DD.db" exactly: 1 and the date in *tm, else 0. */
static int
backup_name_date(const char *name, struct tm *tm)
{
	int y, mo, d, used = 0;

	if (strlen(name) != strlen(MAINTENANCE_BACKUP_PREFIX "YYYY-MM-DD.db") ||
	    strncmp(name, MAINTENANCE_BACKUP_PREFIX,
	            strlen(MAINTENANCE_BACKUP_PREFIX)) != 0)
		return 0;
	name += strlen(MAINTENANCE_BACKUP_PREFIX);
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? name[i] != '-' : name[i] < '0' || name[i] > '9')
			return 0;
	if (sscanf(name, "%4d-%2d-%2d.db%n", &y, &mo, &d, &used) != 3 ||
	    used != 13 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = 12;
	return 1;
}

/* The ISO week ("2026-W48") of a backup's name. */
static int
week_of(const char *name, char out[16])
{
	struct tm tm;
	time_t t;

	if (!backup_name_date(name, &tm))
		return 0;
	t = timegm(&tm);
	if (gmtime_r(&t, &tm) == NULL)
		return 0;
	return strftime(out, 16, "%G-W%V", &tm) > 0;
}

static int
cmp_desc(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

int
maintenance_backup_rotate(Store *st, const char *dir, int64_t now_utc,
                          int keep_daily, int keep_weekly, char *msg,
                          size_t msglen)
{
	char date[TIME_DATE_SIZE], path[4200], week[16], last_week[16] = "";
	char **names = NULL, made[64];
	size_t n = 0, cap = 0;
	struct dirent *e;
	struct stat sb;
	DIR *d = NULL;
	int rc, weeks = 0, n_gone = 0;

	if (dir == NULL || *dir == '\0')
		return setmsg(msg, msglen, BORNE_EINVAL, "no backup folder given");
	if (strlen(dir) + 32 >= sizeof path)
		return setmsg(msg, msglen, BORNE_EINVAL, "backup folder path too "
		              "long");
	if (keep_daily < 1 || keep_daily > MAINTENANCE_KEEP_MAX ||
	    keep_weekly < 0 || keep_weekly > MAINTENANCE_KEEP_MAX)
		return setmsg(msg, msglen, BORNE_EINVAL, "keep 1 to %d daily and "
		              "0 to %d weekly backups", MAINTENANCE_KEEP_MAX,
		              MAINTENANCE_KEEP_MAX);
	/* Made private, as what goes in it. */
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return setmsg(msg, msglen, errno == ENOSPC ? BORNE_EFULL :
		              BORNE_EREADONLY, "%s: cannot make the folder: %s",
		              dir, strerror(errno));
	if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return setmsg(msg, msglen, BORNE_EINVAL, "%s: not a folder (a "
		              "link is refused)", dir);
	time_local_date(now_utc, date);
	snprintf(made, sizeof made, MAINTENANCE_BACKUP_PREFIX "%s.db", date);
	snprintf(path, sizeof path, "%s/%s", dir, made);
	if ((rc = maintenance_backup(st, path, msg, msglen)) != BORNE_OK)
		return rc;

	if ((d = opendir(dir)) == NULL)
		return setmsg(msg, msglen, BORNE_EIO, "%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		struct tm tm;

		if (!backup_name_date(e->d_name, &tm))
			continue;
		if (n == cap) {
			char **more = realloc(names, (cap = cap * 2 + 32) * sizeof *names);

			if (more == NULL)
				break;
			names = more;
		}
		if ((names[n] = strdup(e->d_name)) == NULL)
			break;
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_desc);
	/* Newest first: the keep_daily newest stay, and the newest of each
	** of the keep_weekly newest weeks. Counted in backups, not in days
	** from now: a clock gone wrong never empties the folder. */
	for (size_t i = 0; i < n; i++) {
		int keep = (int)i < keep_daily || strcmp(names[i], made) == 0;

		if (week_of(names[i], week) && strcmp(week, last_week) != 0) {
			snprintf(last_week, sizeof last_week, "%s", week);
			if (weeks++ < keep_weekly)
				keep = 1;
		}
		if (!keep) {
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			if (unlink(path) == 0)
				n_gone++;
		}
		free(names[i]);
	}
	free(names);
	(void)fsync_path(dir, 1);
	return setmsg(msg, msglen, BORNE_OK, "%s written, %d old backup(s) "
	              "removed", made, n_gone);
}
