/* maintenance.c -- integrity check and online backup (see maintenance.h).
** Both talk to SQLite directly through store_db(): they are about the
** file, not about members or visits. */
#include "maintenance.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "borne.h"

#define BACKUP_PAGES_PER_STEP 256
#define BACKUP_BUSY_TRIES     250    /* x 20 ms: a writer may hold it 5 s */

static int  setmsg(char *msg, size_t msglen, int rc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int  map_sqlite(int src);
static int  check_conn(sqlite3 *db, char *msg, size_t msglen);
static int  fsync_path(const char *path, int is_dir);
static void remove_tmp(const char *tmp);

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
